// weekly edit [FILE]: the report in your editor, with a safety net, the way visudo and crontab -e
// work: you edit a copy; when the editor exits the copy is checked; with errors you are asked to
// edit again, keep it anyway or discard it (without a terminal: the errors, and the copy kept);
// only a checked copy (or one you keep) replaces the report, atomically, and only if nobody
// changed the report meanwhile. An unchanged copy leaves the report as it was.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { findConfig } from "../config/load.js";
import { errorsOf } from "../core/diagnostic.js";
import { Cancelled, ProblemsFound, UserError } from "../core/errors.js";
import { runEditor } from "../io/editor.js";
import { withFileLock } from "../io/lock.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { openPrompter } from "../io/prompt.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { checkReport } from "../report/check.js";
import { defaultReport } from "../report/files.js";

export interface EditOptions {
  file?: string;
  config?: string;
  tty?: boolean;
}

export async function editCommand(io: Io, opts: EditOptions): Promise<void> {
  const file = resolve(io.cwd, opts.file ?? defaultReport(io, opts.config, "edit"));
  await editReport(io, file, opts);
}

/** The edit loop on `file` (also `weekly new --edit`'s). */
export async function editReport(io: Io, file: string, opts: { config?: string; tty?: boolean }): Promise<void> {
  const shown = displayPath(io.cwd, file);
  const before = readFileSync(file);
  // The copy has the report's name (the date in it is checked) in a folder of its own.
  const copy = join(mkdtempSync(join(tmpdir(), "weekly-edit-")), basename(file));
  copyFileSync(file, copy);
  const config = opts.config ?? findConfig({ cwd: io.cwd, near: [dirname(file)], env: io.env }).file;
  const kept = `your copy is kept: ${copy}`;
  for (;;) {
    runEditor(io.env, copy, kept);
    const after = readFileSync(copy);
    if (after.equals(before)) {
      rmSync(dirname(copy), { recursive: true, force: true });
      return void io.stderr.write(`${shown}: unchanged\n`);
    }
    const errors = errorsOf(checkReport(io.cwd, copy, config, io.env).problems);
    if (errors.length === 0 || (await choose(io, errors, opts.tty, kept)) === "keep") break;
  }
  await replace(io, file, before, copy, shown);
  rmSync(dirname(copy), { recursive: true, force: true });
  io.stderr.write(`${shown}: saved\n`);
}

/** The copy's errors, and on a terminal the question: edit again, keep anyway, or discard. */
async function choose(io: Io, errors: ReturnType<typeof errorsOf>, tty: boolean | undefined, kept: string) {
  printDiagnostics(io, errors);
  if (!tty) {
    io.stderr.write(`not saved: ${errors.length} error${errors.length === 1 ? "" : "s"} in the copy; ${kept}\n`);
    throw new ProblemsFound(errors.length);
  }
  const prompter = openPrompter(io);
  try {
    for (;;) {
      const answer = (await prompter.line("What now? (e)dit again, (k)eep anyway, (d)iscard: "))?.toLowerCase();
      if (answer === undefined || answer === "d" || answer === "discard") {
        rmSync(dirname(kept.slice(kept.indexOf(": ") + 2)), { recursive: true, force: true });
        throw new Cancelled("discarded: the report is as it was");
      }
      if (answer === "e" || answer === "edit" || answer === "") return "edit";
      if (answer === "k" || answer === "keep") return "keep";
    }
  } finally {
    prompter.close();
  }
}

/** The copy in the report's place, atomically, unless the report changed while it was being edited. */
async function replace(io: Io, file: string, before: Buffer, copy: string, shown: string): Promise<void> {
  await withFileLock(
    file,
    () => {
      if (!readFileSync(file).equals(before)) {
        throw new UserError(
          `not saved: ${shown} changed while you edited it (weekly add?); your copy is kept: ${copy}`,
        );
      }
      writeFileAtomic(file, readFileSync(copy), { force: true, display: shown });
    },
    { display: shown, sleep: io.sleep },
  );
}
