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
export function confirmSend(io: Io, question: string, opts: ConfirmOptions): Promise<void> {
  return confirm(io, question, opts, { refused: "not sent", verb: "send" });
}

/** Resolves when the action is agreed; throws (saying `refused`) when it is not, before anything is done. */
export async function confirm(
  io: Io,
  question: string,
  opts: ConfirmOptions,
  say: { refused: string; verb: string },
): Promise<void> {
  if (opts.yes) return;
  if (!opts.tty)
    throw new UsageError(`${say.refused}: stdin is not a terminal; add --yes to ${say.verb} without asking`);
  if (!(await askYesNo(io, question))) throw new Cancelled(`${say.refused}: you answered no`);
}
