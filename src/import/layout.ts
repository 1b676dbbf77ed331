// The layout an email keeps throughout, read off the email: its bullet, the character under its
// titles, the blanks before its footnotes, whether its bullets come with blank lines between
// them. Kept in the report's `style` where it differs from the template's defaults.
import type { ParsedBody } from "./body.js";
import type { Layout } from "./context.js";
import { footnoteOf, isBlank } from "./lines.js";

const BULLETS = ["*", "-", "+", "o", "•"];
/** The bullet a line starts with (followed by a space), if any: read by character, for speed. */
const bulletAt = (line: string | undefined) =>
  line !== undefined && line[1] === " " && BULLETS.includes(line[0]!) ? line[0]! : undefined;

export function detectLayout(lines: readonly string[]): Layout {
  const bullets = new Map<string, number>();
  const indents = new Map<string, number>();
  let underline: "=" | "-" | undefined;
  let tight = 0;
  let spaced = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const b = bulletAt(line);
    if (b) {
      bullets.set(b, (bullets.get(b) ?? 0) + 1);
      const prev = lines[i - 1] ?? "";
      if (bulletAt(prev) || /^ {2}\S/.test(prev)) tight++;
      else if (isBlank(prev) && (lines[i - 2] ?? "").startsWith("  ")) spaced++;
      else if (isBlank(prev) && bulletAt(lines[i - 2])) spaced++;
    }
    const f = line.includes("[") ? footnoteOf(line) : undefined;
    if (f) indents.set(f.indent, (indents.get(f.indent) ?? 0) + 1);
    const rule = line[0] === "=" || line[0] === "-";
    if (underline === undefined && rule && /^(=+|-+)\s*$/.test(line) && i > 0 && !isBlank(lines[i - 1])) {
      underline = line[0] as "=" | "-";
    }
  }
  return {
    bullet: most(bullets, "*"),
    underline: underline ?? "=",
    footnoteIndent: most(indents, ""),
    tight: tight > spaced,
  };
}

/** The key seen most often (the first such on a tie), or `fallback`. */
function most<T>(counts: Map<T, number>, fallback: T): T {
  let best = fallback;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** The email's layout where it differs from the template's defaults. */
export function styleOf(layout: Layout): Pick<ParsedBody, "style"> {
  const style = {
    ...(layout.bullet !== "*" ? { bullet: layout.bullet } : {}),
    ...(layout.underline !== "=" ? { underline: layout.underline } : {}),
    ...(layout.footnoteIndent !== "" ? { footnote_indent: indentOf(layout.footnoteIndent) } : {}),
    ...(layout.tight ? { tight: true } : {}),
  };
  return Object.keys(style).length ? { style } : {};
}

/** Spaces as a number (the plain way to write it), other blanks (a tab) as they are. */
export const indentOf = (blanks: string): number | string => (/^ *$/.test(blanks) ? blanks.length : blanks);
