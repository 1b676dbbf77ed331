// A comment's plain text as the body each Jira takes. Cloud (REST v3): Atlassian Document Format,
// valid by the rules of @atlaskit/adf-schema that bite a converter (no empty text node; hardBreak
// only inside a paragraph; a codeBlock's text unmarked) with URLs as links. Data Center (REST v2):
// wiki text, preformatted blocks in {noformat}, every other markup character escaped so that the
// note prints as written.
import { type Block, textBlocks } from "./text-blocks.js";

type AdfNode = Record<string, unknown>;

const URL_RE = /\bhttps?:\/\/[^\s<>"]+/g;

/** A URL as found in text, without what ends the sentence: trailing punctuation, an unbalanced ) or ]. */
function urlsIn(line: string): { index: number; url: string }[] {
  const out: { index: number; url: string }[] = [];
  for (const m of line.matchAll(URL_RE)) {
    let url = m[0];
    for (;;) {
      const last = url.at(-1)!;
      const open = (c: string) => url.split(c).length - 1;
      if (/[.,;:!?'"]/.test(last)) url = url.slice(0, -1);
      else if (last === ")" && open("(") < open(")")) url = url.slice(0, -1);
      else if (last === "]" && open("[") < open("]")) url = url.slice(0, -1);
      else break;
    }
    if (/^https?:\/\/./.test(url)) out.push({ index: m.index, url });
  }
  return out;
}

export function adfBody(text: string): AdfNode {
  const content = textBlocks(text).map(adfBlock);
  return { type: "doc", version: 1, content };
}

function adfBlock(block: Block): AdfNode {
  if (block.kind === "code") return { type: "codeBlock", attrs: { language: "text" }, content: [textNode(block.text)] };
  if (block.kind === "list") {
    const items = block.items.map((item) => ({ type: "listItem", content: listContent(item) }));
    return { type: block.ordered ? "orderedList" : "bulletList", content: items };
  }
  const content: AdfNode[] = [];
  for (const [k, line] of block.lines.entries()) {
    if (k > 0) content.push({ type: "hardBreak" });
    content.push(...inline(line));
  }
  return { type: "paragraph", content };
}

/** A list item holds at least one block: an empty bullet's item is one empty paragraph. */
function listContent(item: Block[]): AdfNode[] {
  return item.length ? item.map(adfBlock) : [{ type: "paragraph", content: [] }];
}

const textNode = (text: string): AdfNode => ({ type: "text", text });

/** A line as text nodes, its URLs linked; never an empty text node. */
function inline(line: string): AdfNode[] {
  const out: AdfNode[] = [];
  let at = 0;
  for (const { index, url } of urlsIn(line)) {
    if (index > at) out.push(textNode(line.slice(at, index)));
    out.push({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] });
    at = index + url.length;
  }
  if (at < line.length) out.push(textNode(line.slice(at)));
  return out;
}

/**
 * Wiki markup characters: a backslash before each prints it as written (outside {noformat}). A
 * dash only where it can be markup (a list at the line's start, -struck- text): not in 2022-11-11.
 */
const WIKI_SPECIAL = /[#*_+?^~|%{}[\]()!@]|^-|(?<=^|[\s\p{P}])-(?=\S)|(?<=\S)-(?=$|[\s\p{P}])/gu;

export function wikiBody(text: string): string {
  return textBlocks(text)
    .map((b) => wikiBlock(b, ""))
    .join("\n\n");
}

function wikiBlock(block: Block, depth: string): string {
  if (block.kind === "code") return preformatted(block.text);
  if (block.kind === "list") {
    const marker = `${depth}${block.ordered ? "#" : "*"}`;
    return block.items.map((item) => wikiItem(item, marker)).join("\n");
  }
  return block.lines.map(wikiLine).join("\n");
}

/** A literal block in the first of {noformat} or {code} that the text does not itself contain (else escaped). */
function preformatted(text: string): string {
  if (!text.includes("{noformat}")) return `{noformat}\n${text}\n{noformat}`;
  if (!/\{code[:}]/.test(text)) return `{code:none}\n${text}\n{code}`;
  return text.split("\n").map(wikiLine).join("\n");
}

/** `* first line`, the item's further paragraphs on the lines after it, a nested list one level deeper. */
function wikiItem(item: Block[], marker: string): string {
  const [first, ...rest] = item;
  const head = first?.kind === "paragraph" ? `${marker} ${first.lines.map(wikiLine).join("\n")}` : `${marker} `;
  // A blank line would end the list: the item's paragraphs are kept apart by a line break of wiki's own.
  const more = (first?.kind === "paragraph" ? rest : item).map((b) =>
    b.kind === "list" ? wikiBlock(b, marker) : b.kind === "paragraph" ? `\\\\\n${wikiBlock(b, "")}` : wikiBlock(b, ""),
  );
  return [head, ...more].join("\n");
}

/** A line with every markup character escaped, URLs left whole (Jira links them as they are). */
function wikiLine(line: string): string {
  let out = "";
  let at = 0;
  // A backslash of the text would escape what follows it: as an entity it prints as itself.
  const escape = (s: string) =>
    s
      .split("\\")
      .map((part) => part.replace(WIKI_SPECIAL, "\\$&"))
      .join("&#92;");
  for (const { index, url } of urlsIn(line)) {
    out += escape(line.slice(at, index)) + url;
    at = index + url.length;
  }
  // "h1. " and "bq. " at the start of a line are a heading and a quote: the dot escaped, they are text.
  return (out + escape(line.slice(at))).replace(/^(h[1-6]|bq)\./, "$1\\.");
}
