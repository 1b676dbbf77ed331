// A plain-text note (the comment template's output) read into the blocks a Jira body is made of:
// paragraphs (their lines kept as lines), lists of items (bullets `*` `-` `+` `•`, numbers `1.`
// `1)`; an item's lines indented under it, blank lines and nested lists inside it), and
// preformatted blocks (indented lines, or lines laid out in columns), whose spacing must survive.

export type Block =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "code"; text: string }
  | { kind: "list"; ordered: boolean; items: Block[][] };

const BULLET = /^(?:([*\-+\u2022])|(\d{1,3})[.)])[ \t]+(?=\S)/;
const isBlank = (l: string | undefined) => l === undefined || l.trim() === "";
const indented = (l: string) => /^(?: {2}|\t)/.test(l);
/** Laid out in columns: a tab, or a run of two or more spaces between words. */
const columns = (l: string) => /\t|\S {2,}\S/.test(l.trim());

export function textBlocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  return blocksOf(lines);
}

/** `item`: the lines of a list item, whose first line is its text even when it looks like a bullet ("* 1. x"). */
function blocksOf(lines: readonly string[], item = false): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const bullet = item && i === 0 ? null : BULLET.exec(lines[i]!);
    if (bullet) {
      const list = { kind: "list" as const, ordered: bullet[2] !== undefined, items: [] as Block[][] };
      while (i < lines.length && kindOf(lines[i]!) === (list.ordered ? "ordered" : "bullet")) {
        const end = itemEnd(lines, i);
        const marker = BULLET.exec(lines[i]!)![0];
        const body = [lines[i]!.slice(marker.length), ...lines.slice(i + 1, end).map(outdent)];
        list.items.push(blocksOf(body, true));
        i = skipBlanks(lines, end, list.ordered);
      }
      out.push(list);
      continue;
    }
    const end = paragraphEnd(lines, i);
    const block = lines.slice(i, end);
    const code = block.some(indented) || (block.length > 1 && block.every(columns));
    out.push(code ? { kind: "code", text: trimBlock(block) } : { kind: "paragraph", lines: block });
    i = end;
  }
  return out;
}

/** Past the blank lines before the next item of the same list; else stay (the list ends there). */
function skipBlanks(lines: readonly string[], i: number, ordered: boolean): number {
  let k = i;
  while (k < lines.length && isBlank(lines[k])) k++;
  return k < lines.length && kindOf(lines[k]!) === (ordered ? "ordered" : "bullet") ? k : i;
}

function kindOf(line: string): "ordered" | "bullet" | undefined {
  const m = BULLET.exec(line);
  return m ? (m[2] !== undefined ? "ordered" : "bullet") : undefined;
}

/** An item takes the lines indented under it, and blank lines followed by more of them. */
function itemEnd(lines: readonly string[], i: number): number {
  let k = i + 1;
  while (k < lines.length) {
    if (!isBlank(lines[k]) && indented(lines[k]!)) k++;
    else if (isBlank(lines[k])) {
      let next = k;
      while (next < lines.length && isBlank(lines[next])) next++;
      if (next < lines.length && indented(lines[next]!)) k = next;
      else break;
    } else break;
  }
  return k;
}

/** A paragraph runs to a blank line or a bullet; an indented block runs on across blank lines inside it. */
function paragraphEnd(lines: readonly string[], i: number): number {
  const code = indented(lines[i]!);
  let k = i + 1;
  // An item's first line that looks like a bullet ("1. first") goes on with its likes ("2. second").
  const like = kindOf(lines[i]!) !== undefined;
  while (k < lines.length && !isBlank(lines[k]) && (like || !BULLET.test(lines[k]!)) && indented(lines[k]!) === code)
    k++;
  if (code) {
    let next = k;
    while (next < lines.length && isBlank(lines[next])) next++;
    if (next > k && next < lines.length && indented(lines[next]!)) return paragraphEnd(lines, next);
  }
  return k;
}

const outdent = (l: string) => (l.startsWith("  ") ? l.slice(2) : l.startsWith("\t") ? l.slice(1) : l);

/** The block's lines as one text, blank lines inside kept (trailing blanks of a line too: they are its spacing). */
const trimBlock = (block: readonly string[]) => block.join("\n").replace(/^\n+|\n+$/g, "");
