// The README's examples work as printed: the report file and the config it shows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, tmpProject } from "./helpers.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const yamlAfter = (heading: string) => {
  const from = readme.indexOf(heading);
  const m = /```yaml\n([\s\S]*?)```/.exec(readme.slice(from));
  if (from < 0 || !m) throw new Error(`no yaml block after ${heading}`);
  return m[1]!;
};

describe("README", () => {
  it("its report file and config are valid and render", async () => {
    const config = yamlAfter("## Configuration").replace(/^template: .*\n/m, "");
    const dir = tmpProject({
      "weekly.config.yaml": config,
      "reports/2022-11-11.yaml": yamlAfter("## The report file"),
    });
    const check = await run(["check", "reports/2022-11-11.yaml"], { cwd: dir });
    expect(check).toEqual({ code: 0, stdout: "1 file checked: 0 errors, 0 warnings\n", stderr: "" });
    const r = await run(["render"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[STR-76]\n* No progress\n\n(MISC)\n* Device path creation");
    expect(r.stdout).toContain("\n=== Plans ===\nNext week, the AF_XDP numbers.\n");
  });

  it("shows the test command CI runs", () => {
    expect(readme).toContain("npm test");
    expect(readFileSync(join(ROOT, ".ci/run"), "utf8")).toMatch(/^npm ci .*\n(.*\n)*npm test /m);
  });
});
