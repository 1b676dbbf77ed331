// The quick YAML reader against the full parser on many made-up files: nested mappings and lists
// at varied indents, every kind of scalar, `|` blocks with their chomping, comments, blank lines
// and CRLF, with a small share of mistakes mixed in. Wherever the quick reader answers, its data
// must be the full parser's, and the file must be free of errors and text pitfalls. A fixed seed:
// a failure names the file it failed on, and the same run finds it again (SEED=n RUNS=n search further).
import { describe, expect, it } from "vitest";
import { quickYamlData } from "../src/io/quick-yaml.js";
import * as fullYaml from "../src/io/yaml.js";

class EveryField extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** mulberry32: a small seeded generator, so that every run makes the same files. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scalars as reports hold them, and (ODD) ones that a reader may take the wrong way. */
// biome-ignore format: a table
const SCALARS = [
  "plain text", "STR-68", "2022-11-11", "80", "-3", "+12", "007", "0o17", "0x1F", "0x", "1.5", ".5", "-.5",
  "1e3", "1.", "1_000", ".inf", "-.Inf", ".NaN", "nan", "~", "null", "Null", "NULL", "true", "False", "yes",
  "no", "on", "'quoted # not a comment'", "'it''s'", '"double"', '""', "''", "[a, b]", "[]", "{}", "[1, 2.5, true]",
  "{a: 1, b: x}", "[a, b, ]", "text # a comment", "-x", "x:y", "10:30", "https://x.example/a#b", "trailing  ",
  "tab\there", "über", "é # c", "a, b", "50%", "x # y # z", "Jane Doe <jane@example.com>",
];
// biome-ignore format: a table
const ODD = [
  "[a,, b]", "{a}", "issue #42", "a: b", "ends:", "- x", "@at", "`tick`", "%pct", "!tag", "&anchor x", "*alias",
  "?", ": x", '"esc \\n"', "'multi", "[unclosed", "{a: [b]}", "> folded", "|", "|-", "|+", "|2", "| # c", "-",
  "#glued", "[- a]", "[a: b]", "{a: b: c}", "[&x a]", "\tafter a tab", "1\u00a0", "b\u3000", "[\u00a0a]", "x:\ty",
  "-\tx",
];
const KEYS = ["a", "b", "key", "summary", "notes", "1", "01", "1.0", "true", "null", "a b", "a.b", "x/y", "k-1", "_k"];
const BLOCK_LINES = ["one", "  two deeper", "", "#42 not a comment", "\tafter a tab", "last"];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** A node's lines at column `col`: a mapping, a list or (as a value) a scalar or a block. */
function node(rnd: () => number, col: number, depth: number, out: string[]): void {
  const pad = " ".repeat(col);
  const asList = rnd() < 0.4;
  const n = 1 + Math.floor(rnd() * 4);
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.08) out.push(rnd() < 0.5 ? "" : `${" ".repeat(Math.floor(rnd() * (col + 3)))}# note`);
    let key = pick(rnd, KEYS);
    if (used.has(key) && rnd() < 0.9) key = `${key}${i}`;
    used.add(key);
    const head = asList ? `${pad}-${rnd() < 0.9 ? " " : "   "}` : `${pad}${key}:${rnd() < 0.95 ? " " : ""}`;
    const r = rnd();
    if (r < 0.45 || depth > 3) out.push(`${head}${pick(rnd, rnd() < 0.95 ? SCALARS : ODD)}`);
    else if (r < 0.6) {
      out.push(`${head}${pick(rnd, ["|", "|-", "|+", "| # c"])}`.trimEnd());
      const deep = col + 1 + Math.floor(rnd() * 3);
      for (let j = 0, m = 1 + Math.floor(rnd() * 3); j < m; j++) {
        const line = pick(rnd, BLOCK_LINES);
        out.push(line === "" ? "" : `${" ".repeat(deep)}${line}`);
      }
    } else if (asList && r < 0.75) {
      // A mapping that starts on the dash's line.
      const inner: string[] = [];
      node(rnd, col + 2, depth + 1, inner);
      if (inner[0]?.startsWith(" ".repeat(col + 2)) && !inner[0].trimStart().startsWith("-")) {
        out.push(`${head}${inner[0].slice(col + 2)}`, ...inner.slice(1));
      } else out.push(head.trimEnd(), ...inner);
    } else {
      out.push(head.trimEnd());
      // A key's list may stand at the key's own column.
      const at = !asList && rnd() < 0.3 ? col : col + 1 + Math.floor(rnd() * 3);
      node(rnd, at, depth + 1, out);
    }
  }
}

function file(rnd: () => number): string {
  const lines: string[] = [];
  node(rnd, 0, 0, lines);
  if (rnd() < 0.05 && lines.length > 1) lines[1] = `  ${lines[1]}`; // a mistake
  const eol = rnd() < 0.15 ? "\r\n" : "\n";
  return `${rnd() < 0.05 ? "\uFEFF" : ""}${lines.join(eol)}${rnd() < 0.9 ? eol : ""}`;
}

describe("the quick YAML reader on made-up files", () => {
  it("answers as the full parser does, wherever it answers", () => {
    const rnd = random(Number(process.env.SEED ?? 20221111));
    let answered = 0;
    const runs = Number(process.env.RUNS ?? 6000);
    for (let i = 0; i < runs; i++) {
      const text = file(rnd);
      const quick = quickYamlData(text);
      if (quick === undefined) continue;
      answered++;
      const full = fullYaml.parseYaml(text, "t.yaml");
      expect(full.problems, JSON.stringify(text)).toEqual([]);
      expect(quick, JSON.stringify(text)).toStrictEqual(full.data);
      expect(fullYaml.findTextPitfalls(full, new EveryField(), text), JSON.stringify(text)).toEqual([]);
    }
    // Most files hold one of the shapes it leaves alone; enough are read to make the test count.
    expect(answered).toBeGreaterThan(runs / 20);
  });
});
