// Edit a text file in place, safely against other writers: under the file's lock, read, edit,
// and before the rename check that nobody changed the file meanwhile (an editor that takes no
// lock); if someone did, read and edit again. The file keeps its BOM and line ends.
import { withFileLock } from "./lock.js";
import { decodeText, formatOf, inFormat, MAX_TEXT_BYTES, readCapped } from "./read-text.js";
import { writeFileAtomic } from "./write-atomic.js";

export interface UpdateOptions {
  display: string;
  what: string;
  sleep?: (ms: number) => Promise<void>;
}

const TRIES = 5;

/**
 * `edit` gets the text (LF line ends, no BOM) and returns the new text and a result; it may
 * throw to change nothing.
 */
export async function updateFile<T>(
  path: string,
  edit: (text: string) => { text: string; result: T },
  opts: UpdateOptions,
): Promise<T> {
  const read = () => readCapped(path, opts.what, MAX_TEXT_BYTES, opts.display);
  return withFileLock(
    path,
    () => {
      for (let attempt = 1; ; attempt++) {
        const bytes = read();
        const text = decodeText(bytes, opts.display, opts.what);
        const done = edit(text);
        // Changed meanwhile by a writer that takes no lock: start again from what is there now.
        if (attempt < TRIES && !bytes.equals(read())) continue;
        if (done.text !== text) {
          writeFileAtomic(path, inFormat(done.text, formatOf(bytes)), { force: true, display: opts.display });
        }
        return done.result;
      }
    },
    { display: opts.display, sleep: opts.sleep },
  );
}
