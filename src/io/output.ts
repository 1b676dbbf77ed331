// Where a command's product goes (stdout or -o FILE) and how diagnostics look on stderr.
import type { Problem } from "../report/problems.js";
import { formatProblem } from "../report/problems.js";
import { resolve } from "node:path";
import { writeFileAtomic } from "./write-atomic.js";

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** The clock: commands never read the real one themselves, so tests can pass a date. */
  now(): Date;
  /** Standard input for `-` (process.stdin when absent). */
  stdin?: AsyncIterable<Uint8Array>;
  /** Whether a person is at the keyboard (commands ask questions only then). */
  stdinIsTTY?: boolean;
}

export function defaultIo(): Io {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, now: () => new Date(), stdinIsTTY: process.stdin.isTTY === true };
}

export function emit(io: Io, text: string, out: string | undefined, force = false): void {
  if (out === undefined || out === "-") io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, out), text, { force, display: out });
}

export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.stderr.isTTY === true && io.env.TERM !== "dumb";
}

export function printProblems(io: Io, problems: readonly Problem[]): void {
  const color = useColor(io);
  for (const p of problems) {
    let line = formatProblem(p);
    if (color) {
      line = p.severity === "warning" ? line.replace("warning:", "\x1b[33mwarning:\x1b[0m") : `\x1b[31m${line}\x1b[0m`;
    }
    io.stderr.write(`${line}\n`);
  }
}
