// weekly edit: the report in $EDITOR on a copy, checked before it replaces the report. The
// editor is a script that saves a mistake the first time and the fix the second, as people do.
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tmpProject } from "./helpers.js";

const REPORT =
  "week_ending: 2024-06-14\nsections:\n  - title: Work\n    entries:\n" +
  "      - ticket: STR-68\n        notes: [did it]\n";

/** An editor that, on its n-th run, replaces the file with `versions[n]` (the last one after that). */
function editor(dir: string, versions: string[]): string {
  versions.forEach((v, n) => writeFileSync(join(dir, `v${n}.yaml`), v));
  const script = join(dir, "editor.sh");
  writeFileSync(
    script,
    `#!/bin/sh\nn=$(cat "${dir}/count" 2>/dev/null || echo 0)\n` +
      `[ -f "${dir}/v$n.yaml" ] && cp "${dir}/v$n.yaml" "$1" || cp "${dir}/v${versions.length - 1}.yaml" "$1"\n` +
      `echo $((n + 1)) > "${dir}/count"\n`,
  );
  chmodSync(script, 0o755);
  return script;
}

const project = () => tmpProject({ "weekly.config.yaml": "reports_dir: reports\n", "reports/2024-06-14.yaml": REPORT });
const now = new Date("2024-06-14T10:00:00Z");

describe("weekly edit", () => {
  it("a mistake, then the fix: asked to edit again on a terminal; only the fixed copy is saved", async () => {
    const dir = project();
    const fixed = REPORT.replace("did it", "did it, and more");
    const EDITOR = editor(dir, [REPORT.replace("notes:", "notez:"), fixed]);
    const r = await run(["edit"], { cwd: dir, env: { EDITOR }, now, tty: true, stdin: "e\n" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /2024-06-14\.yaml:6:9: sections\[0\]\.entries\[0\]\.notez: unknown field "notez"; did you mean "notes"\?/,
    );
    expect(r.stderr).toContain("What now? (e)dit again, (k)eep anyway, (d)iscard: ");
    expect(r.stderr).toContain("reports/2024-06-14.yaml: saved\n");
    expect(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8")).toBe(fixed);
  });

  it("without a terminal: the errors and the copy kept, the report untouched; discard; unchanged", async () => {
    const dir = project();
    const EDITOR = editor(dir, [REPORT.replace("notes:", "notez:")]);
    const r = await run(["edit"], { cwd: dir, env: { EDITOR }, now, tty: false });
    expect(r.code).toBe(1);
    const kept = /your copy is kept: (\S+)/.exec(r.stderr)?.[1];
    expect(kept && existsSync(kept)).toBe(true);
    expect(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8")).toBe(REPORT);
    const discard = await run(["edit"], { cwd: dir, env: { EDITOR }, now, tty: true, stdin: "d\n" });
    expect(discard.code).toBe(5);
    expect(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8")).toBe(REPORT);
    const same = await run(["edit"], { cwd: dir, env: { EDITOR: editor(dir, [REPORT]) }, now });
    expect(same).toMatchObject({ code: 0, stderr: "reports/2024-06-14.yaml\nreports/2024-06-14.yaml: unchanged\n" });
  });

  it("keep anyway; a report changed meanwhile is not overwritten; no $EDITOR is a usage error", async () => {
    const dir = project();
    const broken = REPORT.replace("notes:", "notez:");
    const keep = await run(["edit"], {
      cwd: dir,
      env: { EDITOR: editor(dir, [broken]) },
      now,
      tty: true,
      stdin: "k\n",
    });
    expect(keep.code).toBe(0);
    expect(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8")).toBe(broken);
    // An editor that, while it runs, sees another command change the report.
    const racing = join(dir, "racing.sh");
    writeFileSync(
      racing,
      `#!/bin/sh\necho "# added meanwhile" >> "${join(dir, "reports/2024-06-14.yaml")}"\necho "# mine" >> "$1"\n`,
    );
    chmodSync(racing, 0o755);
    const r = await run(["edit"], { cwd: dir, env: { EDITOR: racing }, now, tty: true, stdin: "k\n" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("changed while you edited it");
    expect(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8")).toBe(`${broken}# added meanwhile\n`);
    expect((await run(["edit"], { cwd: dir, env: {}, now })).code).toBe(2);
  });
});
