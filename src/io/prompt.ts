// Questions on a terminal: the question on stderr, one line of answer from stdin. Lines are read
// through one async iterator per prompter, so answers typed ahead of their question are kept.
import { createInterface } from "node:readline/promises";
import { Readable } from "node:stream";
import { UsageError } from "../core/errors.js";
import type { Io } from "./output.js";

export interface Prompter {
  /** `Question [fallback]: ` → the answer trimmed, or `fallback` when empty; the input's end is a UsageError. */
  ask(question: string, fallback?: string): Promise<string>;
  /** The prompt as given → the answer trimmed; undefined at the input's end. */
  line(prompt: string): Promise<string | undefined>;
  close(): void;
}

export function openPrompter(io: Io): Prompter {
  const input = io.stdin ?? process.stdin;
  const rl = createInterface({ input: input instanceof Readable ? input : Readable.from(input), terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const line = async (prompt: string) => {
    io.stderr.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : String(next.value).trim();
  };
  return {
    line,
    async ask(question, fallback = "") {
      const answer = await line(`${question}${fallback ? ` [${fallback}]` : ""}: `);
      if (answer === undefined)
        throw new UsageError(`the input ended before "${question}" was answered; nothing written`);
      return answer || fallback;
    },
    close: () => rl.close(),
  };
}

/** One yes/no question; true only for y or yes (the input's end is a no). */
export async function askYesNo(io: Io, question: string): Promise<boolean> {
  const prompter = openPrompter(io);
  try {
    const answer = (await prompter.line(`${question} [y/N] `))?.toLowerCase();
    return answer === "y" || answer === "yes";
  } finally {
    prompter.close();
  }
}
