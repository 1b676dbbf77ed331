// Every Handlebars helper, in one place. Helpers lay text out; they decide nothing about content.

/** Prefix the first line with `first` and each later non-empty line with `rest`. */
export function indent(text: string, first: string, rest: string): string {
  return String(text)
    .split("\n")
    .map((line, i) => (i === 0 ? first + line : line === "" ? "" : rest + line))
    .join("\n");
}

/** "[2] url" with further URLs aligned under the first. */
export function hang(marker: string, urls: string[]): string {
  const lead = `${marker} `;
  return indent(urls.join("\n"), lead, " ".repeat([...lead].length));
}

/**
 * A Markdown list item from a verbatim note: prose lines stay prose; runs of indented lines
 * (commands, tables) become fenced code blocks inside the item, so their spacing survives.
 */
export function markdownItem(text: string, bullet = "- "): string {
  const pad = " ".repeat(bullet.length);
  const lines = String(text).split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^\s+\S/.test(line)) {
      let j = i;
      while (j < lines.length && (/^\s+\S/.test(lines[j]!) || (lines[j] === "" && /^\s+\S/.test(lines[j + 1] ?? "")))) j++;
      const block = lines.slice(i, j);
      if (out.length && out[out.length - 1] !== "") out.push("");
      out.push("```", ...block, "```");
      i = j;
    } else {
      out.push(line);
      i++;
    }
  }
  if (out[0] === "```" || out.length === 0) out.unshift("");
  return out.map((l, k) => (k === 0 ? bullet + l : l === "" ? "" : pad + l)).join("\n").replace(/^- $/m, "-");
}

export const helpers = {
  indent,
  hang,
  markdownItem,
  eq: (a: unknown, b: unknown) => a === b,
  join: (list: unknown[], sep: string) => list.join(typeof sep === "string" ? sep : ", "),
};
