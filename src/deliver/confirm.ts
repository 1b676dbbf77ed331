// Asking before a report goes out: one question on stderr, one line of answer from stdin.
// Whether stdin is a terminal is decided by the caller (cli.ts), so tests can say either.
import { Cancelled, UsageError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import { askYesNo } from "../io/prompt.js";

export interface ConfirmOptions {
  /** --yes: send without asking. */
  yes?: boolean;
  /** Whether stdin is a terminal someone can answer on. */
  tty?: boolean;
}

/** Resolves when sending is agreed; throws when it is not (and nothing has been sent). */
export async function confirmSend(io: Io, question: string, opts: ConfirmOptions): Promise<void> {
  if (opts.yes) return;
  if (!opts.tty) throw new UsageError("not sent: stdin is not a terminal; add --yes to send without asking");
  if (!(await askYesNo(io, question))) throw new Cancelled("not sent: you answered no");
}
