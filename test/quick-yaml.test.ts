// The quick reader (src/io/quick-yaml.ts) stands in for the full one (the `yaml` library) only where the two
// read a file alike and no text pitfall can be there: checked here against the full parser over
// every YAML file of the project, every style fixture as the importer writes it, and cases made
// to tell the two apart. And the full parser, a lazy module, stays unloaded when nothing needs it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Config } from "../src/config/schema.js";
import { importAll } from "../src/import/import-all.js";
import { quickYamlData } from "../src/io/quick-yaml.js";
import * as fullYaml from "../src/io/yaml.js";
import { stringifyReport } from "../src/report/write.js";
import { bundledFiles, ROOT, runBinLoading, tmpProject } from "./helpers.js";

/** Every field counts as text: the scan must hold for all of them, not only the report's. */
class EveryField extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** What the quick path concludes must be what the full parser finds. */
function agrees(text: string): "quick" | "full" {
  const full = fullYaml.parseYaml(text, "t.yaml");
  const quick = quickYamlData(text);
  if (quick === undefined) return "full";
  expect(full.problems).toEqual([]);
  expect(quick).toEqual(full.data ?? null);
  expect(fullYaml.findTextPitfalls(full, new EveryField(), text)).toEqual([]);
  return "quick";
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !e.parentPath.includes("node_modules"))
    .map((e) => join(e.parentPath, e.name));
}

describe("the quick YAML reader", () => {
  it("reads every YAML file of the project as the full parser does", () => {
    const files = [...yamlFiles(join(ROOT, "examples")), ...yamlFiles(join(ROOT, "test"))];
    expect(files.length).toBeGreaterThan(8);
    const taken = files.map((f) => agrees(readFileSync(f, "utf8")));
    expect(taken.filter((t) => t === "quick").length).toBeGreaterThan(5);
  });

  it("reads every style fixture, as the importer writes it, as the full parser does", async () => {
    const dir = join(ROOT, "test/fixtures/styles");
    const files = readdirSync(dir).filter((f) => f !== "MANIFEST.md");
    const result = await importAll(dir, files, Config.parse({}), (async function* () {})(), (r) => r);
    const taken = result.reports.map((r) => agrees(stringifyReport(r.report)));
    expect(taken.filter((t) => t === "quick").length).toBeGreaterThan(taken.length / 2);
  });

  it.each([
    ["a plain text going on at the next line", "summary: first\n  second\n"],
    ["an item going on as a dash", "summary: a\n  - b\n"],
    ["an item going on deeper", "notes:\n  - one\n    two\n"],
    ["a quoted text over two lines", 'notes:\n  - "one\n    two: three"\n'],
    ["a value on the line below its key", "summary:\n  all of it\n"],
    ["a cut at #", "notes:\n  - fixed issue #42\n"],
    ["a comment glued to the #", "title: Misc #todo\n"],
    ["a flow list over two lines", "to: [a@example.com,\n  b@example.com]\n"],
    ["a tab before a key", "a:\n\tb: 1\n"],
    ["a document marker", "---\na: 1\n"],
    ["numbers js-yaml would read", "a: 1_000\nb: 0b11\nc: [1_0]\n"],
    ["an anchor", "a: &x 1\nb: *x\n"],
    ["a key twice", "a: 1\na: 2\n"],
    ["a block that ends, then a key", "a: |\n  one\n\n    two\nb: x # fine\n"],
    ["a block with an indent indicator", "a: |2\n    deeper\n  two\nb: 1\n"],
    ["nested items", "a:\n  - - x\n    - y\n  - k: v\n    j: |\n      text\n      #42 in a block\n"],
    ["a BOM and CRLF", "\uFEFFa: 1\r\nb:\r\n  - x # c\r\n"],
    ["times and urls", "t: 10:30\nu: https://x.example/a#b\n"],
    ["quoted with a #", "a: 'x #y'\nb: \"p # q\" # c\n"],
    ["a comment only", "# nothing\n"],
    ["a comment deeper than the note above it", "notes:\n  - build fix, needs\n    #include <slab.h>\n"],
    ["a comment glued to its #, as deep", "notes:\n  - one\n  #two\n"],
    ["a block with a deeper blank line first", "notes:\n  - |\n        \n    #1234 merged\n"],
    ["a block with a tab on a blank line", "k: |\n     deep\n   \t\n"],
    ["a block of blanks with an indicator", "k: |2\n     \n"],
    ["a folded block", "k: >\n  one\n\n   two\n  three\n"],
    ["an escape the full parser refuses", 'a: "\\U00110000"\n'],
    ["signed hex, octal and leading-dot numbers", "a: -0x1F\nb: +0o17\nc: -.5\nd: [+0x4, +.5]\n"],
    ["a tag", "a: !!float 1\n"],
    ["a directive", "%YAML 1.1\n---\na: 0100\n"],
    ["a comment glued to quoted text", 'from: "a@b.c"#me\n'],
    ["blanks and a tab alone", "\t  \n"],
    ["a very long key", `${"k".repeat(1100)}: 1\n`],
    ["a key's list at the key's column, then a key", "to:\n- a@x.org\n- b@x.org\nfrom: c@x.org\n"],
    ["a list item's mapping, then the list goes on", "- a: 1\n  b: [x, 2]\n- c: {d: 3, e: f}\n-\n  g: h\n"],
    ["blocks kept, stripped and clipped at the end", "a: |+\n  one\n\n\nb: |-\n  two\n\nc: |\n  three\n\n"],
    ["a block at the end with no newline", "a: |\n  one"],
    ["a block that is empty", "a: |\nb: |-\n\nc: 1\n"],
    ["a block less deep than its first line", "a: |\n    one\n  two\n"],
    ["keys that are not text", "null: 1\ntrue: 2\n1.0: 3\n01: 4\n7: 5\n"],
    ["a dash after a key", "a: - b\n"],
    ["a BOM before a list", "\uFEFF- a\n- b\n"],
    ["a CR alone", "a: 1\rb: 2\n"],
    ["a control character", "a: x\u0007y\n"],
    ["a mapping under a scalar", "a: 1\n  b: 2\n"],
    ["a flow mapping with a key twice", "a: {b: 1, b: 2}\n"],
    ["__proto__ as a key", "__proto__: 1\n"],
    ["a tab after a key", "a: \tb\nc: \t\n"],
    ["a tab after a dash", "- \tx\n"],
    ["a tab after a colon in an item", "- a:\tb\n"],
    ["a tab after a dash after a key", "d: -\t\n"],
    ["a tab between a dash and a dash", "- -\tx\n"],
    ["Unicode spaces at the end of a value", "a: 1\u00a0\nb: x\u3000\nc: [\u00a0a]\nd: {k: 1\u00a0}\ne: y\u2028\n"],
    ["a BOM before an indented line", "\uFEFF  a:\n  v:\n"],
    ["nesting a thousand deep", `${"- ".repeat(1000)}x\n`],
    ["keys a thousand deep", `${Array.from({ length: 900 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")}\n`],
  ])("%s: refused, or read alike", (_, text) => {
    agrees(text);
  });

  it.each([
    ["to:\n- a@x.org\n- b@x.org\nfrom: c@x.org\n", { to: ["a@x.org", "b@x.org"], from: "c@x.org" }],
    [
      "- a: 1\n  b: [x, 2]\n- c: {d: 3, e: f}\n-\n  g: h\n- - i\n  - ~\n",
      [{ a: 1, b: ["x", 2] }, { c: { d: 3, e: "f" } }, { g: "h" }, ["i", null]],
    ],
    [
      "a: |+\n  one\n\n\nb: |-\n  two\n\nc: |\n\n  three\n   four\n\n",
      { a: "one\n\n\n", b: "two", c: "\nthree\n four\n" },
    ],
    [
      "a: |\nb: 'it''s' # c\nc: \"x # y\"\nd: 0x1F\ne: -.5\nf: 1_000\n",
      { a: "", b: "it's", c: "x # y", d: 31, e: -0.5, f: "1_000" },
    ],
    ["\uFEFFa: 1\r\nb:\r\n  - x # c\r\n", { a: 1, b: ["x"] }],
  ])("reads %j itself", (text, data) => {
    expect(agrees(text)).toBe("quick");
    expect(quickYamlData(text)).toStrictEqual(data);
  });

  it("refuses what only the full parser reads right", () => {
    for (const text of ["summary: first\n  second\n", "notes:\n  - fixed issue #42\n", "a: >\n  b\n", "a: 1\na: 2\n"]) {
      expect(quickYamlData(text), text).toBeUndefined();
    }
  });
});

describe("the full YAML parser as a lazy module", () => {
  it("exports only functions (the bundle's stand-in loads it at a call, never at import)", () => {
    for (const [name, value] of Object.entries(fullYaml)) expect(typeof value, name).toBe("function");
  });

  it("the built command checks and renders a clean report without loading it, and places problems with it", () => {
    const report = readFileSync(join(ROOT, "examples/reports/2022-11-04.yaml"), "utf8");
    const dir = tmpProject({
      "weekly.config.yaml": "from: Me <me@example.com>\n",
      "2022-11-04.yaml": report,
      "bad.yaml": "week_ending: 2022-11-04\nsections: 3\n",
    });
    const yamlFiles = bundledFiles("yaml");
    for (const args of [
      ["check", "2022-11-04.yaml"],
      ["render", "2022-11-04.yaml"],
    ]) {
      const r = runBinLoading(args, yamlFiles, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.loaded).toEqual([]);
    }
    const bad = runBinLoading(["check", "bad.yaml"], yamlFiles, { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.loaded.length).toBeGreaterThan(0);
    expect(bad.stderr).toBe(
      "bad.yaml:2:11: sections: expected a list, got number 3\n1 file checked: 1 error, 0 warnings\n",
    );
  });
});
