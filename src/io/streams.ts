// stdout and stderr as plain file descriptors, written synchronously: every byte is written or
// the failure is known at once. A full disk (`> /dev/full`) is one line and exit 1; a reader
// that went away (`| head`) ends the command quietly; nothing is left in a buffer at exit.
import { fstatSync, writeSync } from "node:fs";
import { isatty } from "./lazy-require.js";
import { UserError } from "../core/errors.js";
import { describeFsError } from "./read-text.js";

/** The reader of our output has gone (EPIPE): the command stops, quietly. */
export class OutputClosed extends Error {
  override name = "OutputClosed";
}

export interface Writer {
  write(s: string): void;
  readonly isTTY: boolean;
}

const wait = new Int32Array(new SharedArrayBuffer(4));

/** A pipe or a file is no terminal: only a character device is worth asking node:tty (which loads net) about. */
function isTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice() && isatty(fd);
  } catch {
    return false; // a closed descriptor
  }
}

export function fdWriter(fd: number, name: string): Writer {
  let tty: boolean | undefined;
  return {
    get isTTY() {
      tty ??= isTerminal(fd);
      return tty;
    },
    write(s: string) {
      const buf = Buffer.from(s, "utf8");
      for (let off = 0; off < buf.length; ) {
        try {
          off += writeSync(fd, buf, off, buf.length - off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "EAGAIN")
            Atomics.wait(wait, 0, 0, 5); // a non-blocking pipe that is full: wait a moment
          else if (code === "EPIPE") throw new OutputClosed(name);
          else throw new UserError(`${name}: could not write: ${describeFsError(e)}`);
        }
      }
    },
  };
}
