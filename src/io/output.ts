// The streams a command has (stdout, stderr, the clock) and how diagnostics look on stderr; a
// product that goes to -o FILE is write-atomic.ts's emit.
import { type Diagnostic, formatDiagnostic } from "../core/diagnostic.js";
import { fdWriter } from "./streams.js";

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** The clock: commands never read the real one themselves, so tests can pass a date. */
  now(): Date;
  /** Waiting (between retries): tests pass one that returns at once. */
  sleep?(ms: number): Promise<void>;
  /** Standard input for `-` (process.stdin when absent). */
  stdin?: AsyncIterable<Uint8Array>;
  /** Whether a person is at the keyboard (commands ask questions only then). */
  stdinIsTTY?: boolean;
}

export function defaultIo(): Io {
  const stdin = fdWriter(0, "stdin"); // only for its isTTY: process.stdin is opened when read
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: fdWriter(1, "stdout"),
    stderr: fdWriter(2, "stderr"),
    now: () => new Date(),
    get stdinIsTTY() {
      return stdin.isTTY;
    },
  };
}

export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.stderr.isTTY === true && io.env.TERM !== "dumb";
}

/** One line each on stderr; warnings in yellow and errors in red on a colour terminal. */
export function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return; // asking whether stderr is a terminal loads node:tty
  const color = useColor(io);
  for (const d of diagnostics) {
    let line = formatDiagnostic(d);
    if (color && d.severity === "warning") line = line.replace("warning:", "\x1b[33mwarning:\x1b[0m");
    else if (color && d.severity === "error") line = `\x1b[31m${line}\x1b[0m`;
    io.stderr.write(`${line}\n`);
  }
}
