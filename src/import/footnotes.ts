// A block of footnotes: `[1] url` lines, further URLs of a footnote on the lines under it. Kept
// as references when they print back exactly (one indent for all, further URLs aligned under the
// first); else the caller keeps the block as text.
import type { References } from "./body.js";
import { footnoteOf, isBlank } from "./lines.js";

export interface FootnoteBlock {
  /** Exclusive end of the block's lines. */
  end: number;
  references: References;
  indent: string;
  /** Whether references + indent print the lines back exactly. */
  exact: boolean;
}

export function footnoteBlockAt(lines: readonly string[], i: number, limit = lines.length): FootnoteBlock | undefined {
  const first = footnoteOf(lines[i] ?? "");
  if (!first) return undefined;
  const references: References = {};
  let exact = true;
  let k = i;
  while (k < limit) {
    const f = footnoteOf(lines[k]!);
    if (!f) break;
    const urls = [f.url];
    exact &&= f.indent === first.indent && f.gap === " " && references[f.number] === undefined;
    const hang = `${f.indent}${" ".repeat(f.number.length + 3)}`;
    for (k++; k < limit && !isBlank(lines[k]) && /^[ \t]/.test(lines[k]!) && !footnoteOf(lines[k]!); k++) {
      urls.push(lines[k]!.trim());
      exact &&= lines[k] === hang + lines[k]!.trim();
    }
    if (references[f.number] === undefined) references[f.number] = urls.length === 1 ? urls[0]! : urls;
  }
  return { end: k, references, indent: first.indent, exact: exact && ordered(Object.keys(references), lines, i, k) };
}

/** JavaScript keeps numeric keys sorted: the block prints back only if it was in that order. */
function ordered(keys: readonly string[], lines: readonly string[], start: number, end: number): boolean {
  const written = lines
    .slice(start, end)
    .map((l) => footnoteOf(l)?.number)
    .filter((n): n is string => n !== undefined);
  return written.join(",") === keys.join(",");
}
