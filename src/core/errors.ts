// The one error base class: library code throws a WeeklyError (or a subclass) carrying its exit
// code and its diagnostics; only cli.ts turns them into messages and exit codes.
import { type Diagnostic, error, formatDiagnostic } from "./diagnostic.js";

export const ExitCode = { ok: 0, invalid: 1, usage: 2, jira: 3, delivery: 4, cancelled: 5, internal: 70 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class WeeklyError extends Error {
  override name = "WeeklyError";
  readonly diagnostics: readonly Diagnostic[];
  constructor(
    what: string | Diagnostic | readonly Diagnostic[],
    readonly exitCode: ExitCode,
  ) {
    const diagnostics = typeof what === "string" ? [error(what)] : Array.isArray(what) ? what : [what as Diagnostic];
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.diagnostics = diagnostics;
  }
}

/** Bad input from the user: a file, a config, a template. One line, with file:line:col where known. */
export class UserError extends WeeklyError {
  override name = "UserError";
  constructor(what: string | Diagnostic | readonly Diagnostic[]) {
    super(what, ExitCode.invalid);
  }
}

/** The command line itself is wrong (a flag, an argument, an answer refused at a prompt). */
export class UsageError extends WeeklyError {
  override name = "UsageError";
  constructor(what: string | Diagnostic | readonly Diagnostic[]) {
    super(what, ExitCode.usage);
  }
}

/** Jira could not be reached or refused us, and nothing could be used instead. */
export class JiraError extends WeeklyError {
  override name = "JiraError";
  constructor(what: string | Diagnostic | readonly Diagnostic[]) {
    super(what, ExitCode.jira);
  }
}

/** The mail server could not be reached, refused us, or refused the message or a recipient. */
export class DeliveryError extends WeeklyError {
  override name = "DeliveryError";
  constructor(what: string | Diagnostic | readonly Diagnostic[]) {
    super(what, ExitCode.delivery);
  }
}

/** The user said no at a prompt: nothing was done. */
export class Cancelled extends WeeklyError {
  override name = "Cancelled";
  constructor(what: string) {
    super(what, ExitCode.cancelled);
  }
}

/** Problems were found and printed already (one line each); the command fails with exit 1. */
export class ProblemsFound extends WeeklyError {
  override name = "ProblemsFound";
  constructor(readonly count: number) {
    super(`${count} problem${count === 1 ? "" : "s"} found`, ExitCode.invalid);
  }
}
