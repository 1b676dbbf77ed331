// Typed errors. Library code throws these; only cli.ts turns them into messages and exit codes.

export const ExitCode = { ok: 0, invalid: 1, usage: 2, jira: 3, delivery: 4 } as const;

/** Bad input from the user: a file, a flag value, a template. One line, with file:line:col where known. */
export class UserError extends Error {
  override name = "UserError";
  readonly exitCode: number = ExitCode.invalid;
}

/** The command line itself is wrong (unknown flag, missing argument, conflicting options). */
export class UsageError extends UserError {
  override name = "UsageError";
  override readonly exitCode: number = ExitCode.usage;
}

/** Jira could not be reached or refused us, and nothing could be used instead. */
export class JiraError extends Error {
  override name = "JiraError";
  readonly exitCode: number = ExitCode.jira;
}

/** A file had problems (already printed one line each); the command fails with exit 1. */
export class ProblemsFound extends Error {
  override name = "ProblemsFound";
  readonly exitCode: number = ExitCode.invalid;
  constructor(readonly count: number) {
    super(`${count} problem${count === 1 ? "" : "s"} found`);
  }
}
