// weekly import, then weekly render of each written file: the seed's first email byte for byte,
// its second as the golden file (the template's normalizations), the whole seed with its pasted
// block flagged, and every fixture of test/fixtures/import exactly (or as its .expected.txt).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/load.js";
import { buildModel } from "../src/model/build.js";
import { renderModel } from "../src/render/render.js";
import { loadReport } from "../src/report/load.js";
import { ROOT, run, runImport, tmpProject } from "./helpers.js";

const FIXTURES = join(ROOT, "test/fixtures/import");
const SEED = readFileSync(join(ROOT, "test/fixtures/seed-weekly-reports.txt"), "utf8");
const SEED_CONFIG = readFileSync(join(ROOT, "examples/weekly.config.yaml"), "utf8");
const seedLines = (a: number, b: number) =>
  `${SEED.split("\n")
    .slice(a - 1, b)
    .join("\n")}\n`;

/** Import `files` of a project folder, then render each written file: path → email text. */
async function importAndRender(
  dir: string,
  files: string[],
): Promise<{ stderr: string; rendered: Map<string, string> }> {
  const r = await runImport(dir, { files });
  expect(r.code, r.stderr).toBe(0);
  const rendered = new Map<string, string>();
  for (const path of r.stdout.trim().split("\n")) {
    const out = await run(["render", path], { cwd: dir });
    expect(out.code, out.stderr).toBe(0);
    rendered.set(path, out.stdout);
  }
  return { stderr: r.stderr, rendered };
}

/** A line as compared: without whitespace and what the template normalizes (bullet marker, a heading's parentheses). */
const canon = (l: string) =>
  l
    .replace(/\s+/g, "")
    .replace(/^[*-](?=.)/, "")
    .replace(/[()]/g, "");

/** Every non-blank line of `input` appears in `output`, in order (canon; underlines aside: --- prints as ===). */
function expectLinesInOrder(input: string, output: string) {
  const out = output.split("\n").map(canon);
  let at = 0;
  for (const line of input.split("\n")) {
    if (line.trim() === "" || /^\s*(=+|-+)\s*$/.test(line)) continue;
    const found = out.findIndex((o, k) => k >= at && o.includes(canon(line)));
    expect(
      found,
      `input line ${JSON.stringify(line)} is missing from the output, or out of order`,
    ).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

describe("import: the seed file", () => {
  it("the first email (lines 1-103) round-trips byte for byte", async () => {
    const dir = tmpProject({ "weekly.config.yaml": SEED_CONFIG, "first.txt": seedLines(1, 103) });
    const { stderr, rendered } = await importAndRender(dir, ["first.txt"]);
    expect(stderr).toBe("");
    expect([...rendered.keys()]).toEqual(["reports/2022-11-11.yaml"]);
    expect(rendered.get("reports/2022-11-11.yaml")).toBe(seedLines(1, 103));
  });

  it("the second email (lines 105-190) round-trips byte for byte too, its own layout kept", async () => {
    const dir = tmpProject({ "weekly.config.yaml": SEED_CONFIG, "second.txt": seedLines(105, 190) });
    const { stderr, rendered } = await importAndRender(dir, ["second.txt"]);
    expect(stderr).toBe("");
    expect(rendered.get("reports/2022-11-04.yaml")).toBe(seedLines(105, 190));
    const yaml = readFileSync(join(dir, "reports/2022-11-04.yaml"), "utf8");
    // What the template would print otherwise is kept as written: a bare summary, an indented "No progress".
    expect(yaml).toContain('heading: "[STR-76] Break down the latency"\n');
    expect(yaml).toMatch(/- ticket: STR-66\n {8}progress: none\n {8}text: " {2}No progress"\n/);
  });

  it(
    "the whole file imports into two reports; " + "the pasted block's tickets are named twice, with both lines",
    async () => {
      const dir = tmpProject({ "weekly.config.yaml": SEED_CONFIG, "seed.txt": SEED });
      const r = await runImport(dir, { files: ["seed.txt"] });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("reports/2022-11-11.yaml\nreports/2022-11-04.yaml\n");
      const twice = [
        ["STR-76", 149, 191],
        ["STR-41", 152, 194],
        ["STR-66", 155, 197],
        ["STR-70", 158, 200],
        ["TS-219", 169, 211],
      ].map(
        ([key, first, again]) =>
          `seed.txt:${again}: ${key} is reported twice: at line ${first} and here, after the trailers; ` +
          "it stays text of === Travel&Holiday&Event === (a block pasted twice?)",
      );
      expect(r.stderr.split("\n").filter(Boolean)).toEqual(twice);
      // Kept where it stood, the whole file renders back as it was.
      const back = await Promise.all(
        ["2022-11-11", "2022-11-04"].map((w) => run(["render", `reports/${w}.yaml`], { cwd: dir })),
      );
      expect(back.map((b) => b.stdout).join("\n")).toBe(SEED);
    },
  );

  it(
    "the whole file loses no line: " + "each non-blank line is rendered at least as often as it is in the input",
    async () => {
      const dir = tmpProject({ "weekly.config.yaml": SEED_CONFIG, "seed.txt": SEED });
      expect((await runImport(dir, { files: ["seed.txt"] })).code).toBe(0);
      // `weekly render` refuses the report with the pasted block (check's errors): render past the lint.
      const { config } = loadConfig({ cwd: dir });
      const rendered = await Promise.all(
        ["2022-11-11", "2022-11-04"].map((week) => {
          const { report } = loadReport(join(dir, "reports", `${week}.yaml`));
          return renderModel(buildModel(report!, config, { weekEnding: week }), { format: "text" });
        }),
      );
      const output = rendered.join("\n").split("\n").map(canon);
      const counts = new Map<string, number>();
      for (const line of SEED.split("\n").filter((l) => l.trim() !== ""))
        counts.set(canon(line), (counts.get(canon(line)) ?? 0) + 1);
      for (const [line, n] of counts) expect(output.filter((o) => o === line).length, line).toBeGreaterThanOrEqual(n);
    },
  );
});

describe("import: fixtures in other engineers' styles", () => {
  const inputs = readdirSync(FIXTURES).filter((f) => /\.(txt|mbox)$/.test(f) && !f.includes(".expected."));
  const config = readFileSync(join(FIXTURES, "weekly.config.yaml"), "utf8");

  it("there are at least six of them", () => expect(inputs.length).toBeGreaterThanOrEqual(6));

  it.each(inputs)("%s: import → YAML → load → render gives the email back", async (name) => {
    const base = name.replace(/\.(txt|mbox)$/, "");
    const input = readFileSync(join(FIXTURES, name));
    const dir = tmpProject({ "weekly.config.yaml": config, [name]: input });
    const { rendered } = await importAndRender(dir, [name]);
    for (const [path, text] of rendered) {
      const date = /(\d{4}-\d{2}-\d{2})\.yaml$/.exec(path)![1];
      const expectedFile = [`${base}.${date}.expected.txt`, `${base}.expected.txt`]
        .map((f) => join(FIXTURES, f))
        .find(existsSync);
      const expected = expectedFile ? readFileSync(expectedFile, "utf8") : input.toString("utf8");
      expect(text).toBe(expected);
      if (!name.endsWith(".mbox")) expectLinesInOrder(input.toString("utf8").replace(/\r\n/g, "\n"), text);
      const check = await run(["check", path], { cwd: dir });
      expect(check.code, check.stderr).toBe(0);
    }
  });
});
