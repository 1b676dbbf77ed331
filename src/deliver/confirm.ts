// Asking before a report goes out: one question on stderr, one line of answer from stdin.
// Whether stdin is a terminal is decided by the caller (cli.ts), so tests can say either.
import { UsageError, UserError } from "../errors.js";
import type { Io } from "../io/output.js";

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
  io.stderr.write(`${question} [y/N] `);
  const answer = (await readLine(io.stdin ?? process.stdin)).trim().toLowerCase();
  if (answer !== "y" && answer !== "yes") throw new UserError("not sent");
}

/** The first line of a stream (without its newline); what there is at its end, if it has none. */
async function readLine(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of stream) {
    text += decoder.decode(chunk, { stream: true });
    const end = text.indexOf("\n");
    if (end >= 0) return text.slice(0, end);
  }
  return text + decoder.decode();
}
