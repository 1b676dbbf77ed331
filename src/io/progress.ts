// Progress of long work on stderr, only on a terminal (never in a pipe or a log), never with
// --quiet: one line, rewritten in place at most ten times a second, cleared when the work is done.
import type { Io } from "./output.js";

export interface Progress {
  /** `done` of `total` items so far. */
  update(done: number, total: number): void;
  /** Clears the line. */
  end(): void;
}

const NONE: Progress = { update: () => {}, end: () => {} };
const EVERY_MS = 100;

export function progressLine(io: Io, label: string, quiet?: boolean): Progress {
  if (quiet || io.stderr.isTTY !== true || io.env.TERM === "dumb") return NONE;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < EVERY_MS && done < total) return;
      last = now;
      shown = true;
      io.stderr.write(`\r\x1b[2K${label} ${done} of ${total}`);
    },
    end() {
      if (shown) io.stderr.write("\r\x1b[2K");
    },
  };
}
