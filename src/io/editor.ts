// The user's editor on a file: $VISUAL, else $EDITOR, through sh so that it may carry arguments
// ("code --wait"), the file passed as "$1" (never part of the command line's text), the terminal
// handed over to it until it exits.
import { spawnSync } from "node:child_process";
import { UsageError, UserError } from "../core/errors.js";

export function editorOf(env: NodeJS.ProcessEnv): string {
  const editor = env.VISUAL || env.EDITOR;
  if (!editor) throw new UsageError("no editor: set $EDITOR (or $VISUAL), e.g. export EDITOR=vim");
  return editor;
}

/** Runs the editor on `file` and waits for it; a failure to start or a non-zero exit is a UserError. */
export function runEditor(env: NodeJS.ProcessEnv, file: string, keep: string): void {
  const editor = editorOf(env);
  const r = spawnSync("sh", ["-c", `${editor} "$1"`, "sh", file], { stdio: "inherit", env });
  if (r.error || r.status !== 0) {
    const why = r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`);
    throw new UserError(`${editor} did not finish cleanly (${why}); ${keep}`);
  }
}
