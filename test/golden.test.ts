// The seed's two emails, rendered from the structured example files, byte for byte.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, runBin } from "./helpers.js";

const seed = readFileSync(join(ROOT, "test/fixtures/seed-weekly-reports.txt"), "utf8").split("\n");
/** Lines a..b (1-based, inclusive) of the seed file, with a final newline. */
const seedLines = (a: number, b: number) => `${seed.slice(a - 1, b).join("\n")}\n`;

describe("golden: the seed file's emails", () => {
  it("2022-11-11 renders as the first email, byte for byte", async () => {
    const first = seedLines(1, 103);
    expect(first.startsWith("From: AKASHI Takahiro")).toBe(true);
    expect(first.endsWith("* Notified Ebba of a new revision[2].\n")).toBe(true);
    const r = await run(["render", "examples/reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(first);
    expect(readFileSync(join(ROOT, "test/golden/2022-11-11.txt"), "utf8")).toBe(first);
  });

  it("2022-11-04 renders as the second email, with the author's four inconsistencies normalized", async () => {
    let second = seedLines(105, 190);
    expect(second.endsWith("Nov 23: Labor Thanksgiving Day (public holiday)\n")).toBe(true);
    // Each normalization of the canonical template, applied to the seed text by hand:
    const fixes: [string, string][] = [
      ["[STR-76] Break down the latency\n", "[STR-76] (Break down the latency)\n"], // summary in parentheses
      ["[STR-66]\n  No progress\n", "[STR-66]\n* No progress\n"], // "No progress" as a bullet
      ["\n  [1] https://", "\n[1] https://"], // footnotes not indented
      ["\n  [2] https://", "\n[2] https://"],
      ["\n      https://docs.google.com/document/d/1lNS", "\n    https://docs.google.com/document/d/1lNS"],
      ["468216.html\n\n\n=== Patch", "468216.html\n\n=== Patch"], // one blank line between blocks
    ];
    for (const [from, to] of fixes) {
      expect(second.split(from)).toHaveLength(2); // each fix applies exactly once
      second = second.replace(from, to);
    }
    const r = await run(["render", "examples/reports/2022-11-04.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(second);
    expect(readFileSync(join(ROOT, "test/golden/2022-11-04.txt"), "utf8")).toBe(second);
  });

  it("the built command prints the same as the in-process one", () => {
    const r = runBin(["render", "examples/reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(seedLines(1, 103));
    expect(r.stderr).toMatch(/footnote \[1\] is used but not defined/);
  });
});
