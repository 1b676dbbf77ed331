// YAML text → plain data, keeping a way back from a data path to line:col in the file.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Problem } from "../report/problems.js";

export interface ParsedYaml {
  data: unknown;
  /** line:col (1-based) of the node at a data path; the nearest existing ancestor when the path is absent. */
  locate(path: readonly PropertyKey[], wantKey?: boolean): { line: number; col: number };
  problems: Problem[];
  doc: Document.Parsed;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const at = err.linePos?.[0] ?? pos(err.pos[0]);
    problems.push({
      file,
      line: at.line,
      col: at.col,
      path: "",
      message: `invalid YAML: ${firstLine(err.message)}`,
      severity: "error",
    });
  }
  let data: unknown = undefined;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const msg = firstLine((e as Error).message);
      problems.push({
        file,
        line: 1,
        col: 1,
        path: "",
        message: /alias/i.test(msg) ? `invalid YAML: too many aliases (${msg})` : `invalid YAML: ${msg}`,
        severity: "error",
      });
    }
  }
  const locate = (path: readonly PropertyKey[], wantKey = false) => {
    let node: unknown = doc.contents;
    let at: Node | null = (doc.contents as Node | null) ?? null;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const last = i === path.length - 1;
        node = pair.value;
        at = (last && wantKey ? (pair.key as Node) : (pair.value as Node | null)) ?? (pair.key as Node);
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        if (!node) break;
        at = node as Node;
      } else break;
    }
    const offset = at?.range?.[0];
    return offset === undefined ? { line: 1, col: 1 } : pos(offset);
  };
  return { data, locate, problems, doc };
}

const firstLine = (s: string) => s.split("\n")[0]!.trim();
