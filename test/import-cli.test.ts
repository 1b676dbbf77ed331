// weekly import as a user runs it: the built command, stdin, then render of what it wrote.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runBin, tmpProject } from "./helpers.js";

const seed = readFileSync(join(ROOT, "test/fixtures/seed-weekly-reports.txt"), "utf8");
const first = `${seed.split("\n").slice(0, 103).join("\n")}\n`;

describe("weekly import (built command)", () => {
  it("reads stdin, writes the week's file into reports_dir, and render gives the email back", () => {
    const dir = tmpProject({ "weekly.config.yaml": readFileSync(join(ROOT, "examples/weekly.config.yaml"), "utf8") });
    const imp = runBin(["import", "-"], { cwd: dir, input: first });
    expect(imp).toEqual({ code: 0, stdout: "reports/2022-11-11.yaml\n", stderr: "" });
    const back = runBin(["render", "reports/2022-11-11.yaml"], { cwd: dir });
    expect(back.stdout).toBe(first);
  });

  it("--help explains it; no file is a usage error", () => {
    expect(runBin(["import", "--help"]).stdout).toMatch(/^Usage: weekly import \[options\] <files\.\.\.>/);
    expect(runBin(["import"]).code).toBe(2);
  });
});
