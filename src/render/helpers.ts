// Every Handlebars helper, in one place. Helpers lay text out; they decide nothing about content.
import { checked } from "./helper-args.js";

/** Prefix the first line with `first` and each later non-empty line with `rest`. */
export function indent(text: string, first: string, rest: string): string {
  // Every line after the first gets `rest`, except an empty one (no trailing blanks). By hand, not
  // by /\n(?!\n|$)/g: a render calls this for every note.
  const s = String(text);
  let at = s.indexOf("\n");
  if (at === -1) return first + s;
  let out = first;
  let from = 0;
  for (; at !== -1; at = s.indexOf("\n", at + 1)) {
    if (at === s.length - 1 || s.charCodeAt(at + 1) === 10) continue;
    out += s.slice(from, at + 1) + rest;
    from = at + 1;
  }
  return out + s.slice(from);
}

/** "[2] url" with further URLs aligned under the first. */
export function hang(marker: string, urls: string[]): string {
  const lead = `${marker} `;
  return indent(urls.join("\n"), lead, " ".repeat([...lead].length));
}

/**
 * A Markdown list item from a verbatim note. Paragraphs (split at blank lines) that are laid
 * out by hand (indented lines, tables with runs of spaces, ---/=== underlines) become fenced
 * code blocks inside the item, so their spacing survives; other paragraphs stay prose.
 */
export function markdownItem(text: string, bullet = "- ", site: string | null = null): string {
  const pad = " ".repeat(bullet.length);
  const paragraphs = trimTrailingBlankLines(String(text)).split(/\n(?:[ \t]*\n)+/);
  const out: string[] = [];
  let fence: string[] | null = null;
  const closeFence = () => {
    if (fence) out.push("```", ...fence, "```");
    fence = null;
  };
  for (const para of paragraphs) {
    const lines = para.split("\n");
    if (isLaidOut(lines)) {
      if (fence) fence.push("", ...lines);
      else {
        if (out.length) out.push("");
        fence = [...lines];
      }
      continue;
    }
    closeFence();
    if (out.length) out.push("");
    out.push(...lines.map((l) => linkKeys(mdText(l), site)));
  }
  closeFence();
  if (out[0] === "```") out.unshift("");
  return out.map((l, k) => (k === 0 ? (bullet + l).trimEnd() : l === "" ? "" : pad + l)).join("\n");
}

/** Jira keys in running text as links to their pages, when there is a site to link to. */
export function linkKeys(text: string, site: string | null): string {
  if (!site) return text;
  const base = site.replace(/\/+$/, "");
  return text.replace(
    /(?<![\w\-/[])([A-Z][A-Z0-9_]{1,30}-[1-9][0-9]{0,9})(?![\w\-\]])/g,
    (key) => `[${key}](${base}/browse/${key})`,
  );
}

/** The text without its blank lines at the end (by hand: /\n\s*$/ is quadratic on many blank lines). */
function trimTrailingBlankLines(text: string): string {
  const lines = text.split("\n");
  while (lines.length > 1 && lines.at(-1)!.trim() === "") lines.pop();
  return lines.join("\n");
}

function isLaidOut(lines: string[]): boolean {
  return lines.some((l, i) => /^\s+\S/.test(l) || /\S {2,}\S/.test(l) || (i > 0 && /^(-{3,}|={3,})\s*$/.test(l)));
}

/** "<url> rest": a footnote's URL as an autolink, any words after it kept as text. */
export function autolink(text: string): string {
  const [url, ...rest] = String(text).split(" ");
  return [`<${url}>`, ...rest].join(" ");
}

/**
 * Text for Markdown: < and > escaped, and & where it would start an entity, so HTML in it (from
 * Jira, say) prints as text; "Travel&Holiday" stays as written.
 */
export function mdText(text: string): string {
  return String(text)
    .replace(/&(?=#?\w+;)/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

export const helpers = {
  indent: checked("indent", ["text", "text", "text"], "a text, the first line's prefix, the others' prefix", indent),
  hang: checked("hang", ["text", "list"], "a marker and a list of URLs: {{hang marker urls}}", hang),
  markdownItem: checked("markdownItem", ["text", "text?", "text?"], "a text, a bullet, the Jira site", markdownItem),
  autolink: checked("autolink", ["text"], "a URL, perhaps with words after it", autolink),
  mdText: checked("mdText", ["text"], "a text", mdText),
  eq: checked("eq", ["any", "any"], "two values", (a: unknown, b: unknown) => a === b),
  join: checked("join", ["list", "text?"], "a list and a separator", (list: unknown[], sep?: string) =>
    list.join(typeof sep === "string" ? sep : ", "),
  ),
};
