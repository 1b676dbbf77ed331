// Where a template's block opens that is never closed: Handlebars says only "got EOF" at the end
// of the file; this finds the `{{#each ...}}` (or `{{#if}}`, `{{^x}}`, ...) left open.

export interface OpenBlock {
  name: string;
  line: number;
  col: number;
}

const TAG = /\{\{(~?)(!--[\s\S]*?--|![\s\S]*?|[#^/][^}]*)\}\}/g;

/** The innermost block opened and not closed by the end of the text, if any. */
export function unclosedBlock(source: string): OpenBlock | undefined {
  const stack: OpenBlock[] = [];
  for (const m of source.matchAll(TAG)) {
    const body = m[2]!;
    if (body.startsWith("!")) continue; // a comment
    const name = /^[#^/]\s*>?\s*([^\s}~]+)/.exec(body)?.[1];
    if (!name) continue;
    if (body.startsWith("/")) {
      if (stack.at(-1)?.name === name) stack.pop();
      continue;
    }
    if (body.startsWith("^") && name === "") continue;
    stack.push({ name, ...position(source, m.index ?? 0) });
  }
  return stack.at(-1);
}

function position(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before.at(-1)!.length + 1 };
}
