// How a path is shown to the user: relative to the current folder when it lies inside it,
// absolute otherwise (a "../../.." chain says less than the path itself); a name with a line
// break or another control character is quoted, so it cannot forge a line of output.
import { relative, resolve } from "node:path";
import { quoteControl } from "../core/text.js";

export function displayPath(cwd: string, path: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return quoteControl(rel === "" ? "." : rel.startsWith("..") ? abs : rel);
}

export { quoteControl };
