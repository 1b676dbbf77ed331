// Inputs built to hurt, fed to the built command as a real process: a 5 MB line, an mbox whose
// base64 runs into the next message, a byte that is no UTF-8, /dev/zero as a template, a million
// list items, and the 100,000-character lines that make a backtracking pattern run for ever.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, proc, ROOT, tmpProject } from "./helpers.js";

/** `weekly ARGS` as a real process. */
const weekly = (cwd: string, ...args: string[]) => proc(process.execPath, [BIN, ...args], cwd);

const CONFIG = readFileSync(join(ROOT, "examples/weekly.config.yaml"), "utf8");
const REPORT =
  readFileSync(join(ROOT, "examples/reports/2022-11-11.yaml"), "utf8").replace(
    /^week_ending: .*$/m,
    "week_ending: 2024-06-14",
  ) + "    references:\n      1: https://example.com/slides\n      2: https://example.com/doc\n";
const THIS_WEEK = "reports/2024-06-14.yaml";
/** A report of one section "A" with one entry, given as its YAML lines (at the entries' indentation). */
const oneEntry = (entry: string) => `week_ending: 2024-06-14\nsections:\n  - title: A\n    entries:\n${entry}`;

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
/** Diagnostics only: no stack trace, and no line that repeats the huge input. */
function plainDiagnostics(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
  for (const line of lines(stderr)) expect(line.length).toBeLessThan(400);
}
/** Files in reports/, temp files included (none must be written). */
const written = (dir: string) => (existsSync(join(dir, "reports")) ? readdirSync(join(dir, "reports")) : []);

const email = (body: string, subject = "[Weekly] Week ending 2024-06-14") =>
  `From: Jane <jane@example.com>\nTo: lead@example.com\nSubject: ${subject}\n` +
  `Date: Fri, 14 Jun 2024 18:00:00 +0000\n\n${body}`;

describe("import refuses what it cannot write whole", () => {
  it("a 5 MB bullet line: refused in one line (the file would be over 4 MiB), nothing written", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": CONFIG,
      "big.txt": email(`Stratos\n=======\n[STR-1] (x)\n* ${"a".repeat(5_000_000)}\n`),
    });
    const r = await weekly(dir, "import", "big.txt");
    expect(r.code).toBe(1);
    plainDiagnostics(r.stderr);
    expect(lines(r.stderr).filter((l) => /4\.0 MiB/.test(l))).toHaveLength(1);
    expect(r.stderr).toMatch(/2024-06-14\.yaml.*over the 4\.0 MiB/);
    expect(written(dir)).toEqual([]);
  });

  it("an mbox whose base64 message runs straight into the next From line: 3 weeks, none swallowed", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG });
    const mbox = join(ROOT, "test/fixtures/styles/dmitri-bpf-weeks.mbox");
    expect(readFileSync(mbox, "latin1")).toMatch(/^[A-Za-z0-9+/=]+\nFrom dmitri/m); // no blank line between
    const r = await weekly(dir, "import", "--dry-run", mbox);
    expect(r.code).toBe(0);
    const weeks = lines(r.stdout).map((l) => l.split(/\s+/)[1]);
    expect(weeks).toEqual(["2024-03-01", "2024-03-08", "2024-03-15"]);
    expect(written(dir)).toEqual([]);
  });

  it("a plain-text file with a byte that is no UTF-8: refused, naming its line:col", async () => {
    const bytes = Buffer.concat([
      Buffer.from(email("Stratos\n=======\n[STR-1] (x)\n* caf")),
      Buffer.from([0xe9]),
      Buffer.from(" ok\n"),
    ]);
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "latin1.txt": bytes });
    const r = await weekly(dir, "import", "latin1.txt");
    expect(r.code).toBe(1);
    plainDiagnostics(r.stderr);
    expect(r.stderr).toMatch(/^latin1\.txt:9:6: .*not UTF-8.*0xe9/m);
    expect(written(dir)).toEqual([]);
  });
});

describe("bounds", () => {
  it("render -t /dev/zero: one line, the template is over 4 MiB, exit 1", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, [THIS_WEEK]: REPORT });
    const r = await weekly(dir, "render", "-t", "/dev/zero", THIS_WEEK);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^\/dev\/zero: .*template.*4\.0 MiB/);
  });

  it("a report of 900,000 list items (1.8 MB, under the size cap): refused in one line naming the limit", async () => {
    const items = Array.from({ length: 900_000 }, () => "a").join(",");
    const text = oneEntry(`      - label: X\n        notes: [${items}]\n`);
    expect(text.length).toBeLessThan(4 * 1024 * 1024);
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, [THIS_WEEK]: text });
    const render = await weekly(dir, "render", THIS_WEEK);
    expect(render.code).toBe(1);
    expect(lines(render.stderr)).toHaveLength(1);
    expect(render.stderr).toMatch(/^reports\/2024-06-14\.yaml: .*at most 100000\b/);
    const check = await weekly(dir, "check", THIS_WEEK);
    expect(check.code).toBe(1);
    expect(lines(check.stderr)[0]).toMatch(/^reports\/2024-06-14\.yaml: .*at most 100000\b/);
    plainDiagnostics(check.stderr);
  });
});

describe("every line pattern runs in linear time on 100,000-character lines", () => {
  const N = 100_000;
  const cases: [string, string][] = [
    ["a line of = then x", `${"=".repeat(N)}x`],
    ["=== then spaces then x", `===${" ".repeat(N)}x`],
    ["[STR-1] then spaces then (", `[STR-1]${" ".repeat(N)}(`],
    ["* then a run of *", `* ${"*".repeat(N)}`],
    ["[1] then spaces", `[1]${" ".repeat(N)}`],
    ["a line of -", "-".repeat(N)],
  ];
  it.each(cases)("import --dry-run of an email with %s", async (_, line) => {
    const body = `Stratos\n=======\n[STR-1] (x)\n* did a thing\n\n${line}\n\n[STR-2] (y)\n* more\n`;
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "mail.txt": email(body) });
    const r = await weekly(dir, "import", "--dry-run", "mail.txt");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^reports\/2024-06-14\.yaml {2}2024-06-14 /);
    plainDiagnostics(r.stderr);
  });

  it.each([
    ["a plain email", (s: string) => email("Stratos\n=======\n[STR-1] (x)\n* did a thing\n", s)],
    ["an mbox", (s: string) => `From jane@example.com Fri Jun 14 18:00:00 2024\n${email("Stratos\n=======\n", s)}`],
  ])("import --dry-run of %s whose Subject is 100,000 times =?", async (_, make) => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "mail.txt": make("=?".repeat(N)) });
    const r = await weekly(dir, "import", "--dry-run", "mail.txt");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ 2024-06-14 /); // the week from the Date header
    plainDiagnostics(r.stderr);
  });

  // 100,000 as asked; 1,000,000 too, where a quadratic pattern (100,000: seconds) would run for minutes.
  it.each([100_000, 1_000_000])("render -f md of a note of %i blank lines, then text", async (n) => {
    const note = `"${"\\n".repeat(n)}text"`;
    const text = oneEntry(`      - ticket: STR-1\n        notes:\n          - ${note}\n`);
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, [THIS_WEEK]: text });
    const r = await weekly(dir, "render", "-f", "md", THIS_WEEK);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/### STR-1\n\n-\n+ +text\n$/);
  });

  it.each([100_000, 1_000_000])("check of a ticket A followed by %i zeros: an error about the key", async (n) => {
    const text = oneEntry(`      - ticket: A${"0".repeat(n)}\n`);
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, [THIS_WEEK]: text });
    const r = await weekly(dir, "check", THIS_WEEK);
    expect(r.code).toBe(1);
    plainDiagnostics(r.stderr);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(lines(r.stderr)[0]).toMatch(
      /^reports\/2024-06-14\.yaml:5:\d+: sections\[0\]\.entries\[0\]\.ticket: .*Jira key/,
    );
    expect(lines(r.stderr)[1]).toBe("1 file checked: 1 error, 0 warnings");
  });
});
