// The weekly routine and check against what real weeks bring: tickets moved in Jira, Jira down, the first
// week's header and example note, comments two weeks old, a ticket pasted twice, broken and foreign files.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira } from "./fake-jira/server.js";
import { run, tmpProject } from "./helpers.js";

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const lines = (text: string) => text.split("\n").filter((l) => l !== "");
const count = (text: string, what: string) => text.split(what).length - 1;

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A project whose config (found from the cwd) names a fake Jira Cloud where NEW-1 was OLD-1. */
async function moved(files: Record<string, string>) {
  const jira = await startFakeJira({
    deployment: "cloud",
    myself: { displayName: "Jane Doe" },
    issues: [
      { key: "NEW-1", summary: "the moved one", status: "In Progress", assignee: "Jane Doe", movedFrom: ["OLD-1"] },
      { key: "AB-2", summary: "still here", status: "In Progress", assignee: "Jane Doe" },
    ],
  });
  closers.push(() => jira.close());
  const dir = tmpProject({
    "weekly.config.yaml": `timezone: UTC\njira:\n  url: ${jira.url}\n  deployment: cloud\n  timeout_seconds: 2\n`,
    ...files,
  });
  const env = { HOME: dir, JIRA_USER: "me@example.com", JIRA_API_TOKEN: "t", WEEKLY_CACHE_DIR: join(dir, "cache") };
  const weekly = (args: string[]) => run(args, { cwd: dir, env });
  return { dir, jira, weekly };
}

const LAST_WEEK =
  "sections:\n  - title: Alpha\n    entries:\n      - ticket: OLD-1 # renamed in Jira\n        notes: [x]\n" +
  "      - ticket: AB-2\n        notes: [y]\n";

describe("G. the routine", () => {
  it("new --from-jira: a ticket moved in Jira is carried under its new key only, with a note", async () => {
    const { dir, weekly } = await moved({ "reports/2024-06-07.yaml": LAST_WEEK });
    const r = await weekly(["new", "--from-jira", "--date", "2024-06-12"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("OLD-1 has moved to NEW-1");
    const text = read(dir, "reports/2024-06-14.yaml");
    expect(text).not.toContain("OLD-1");
    expect(count(text, "NEW-1")).toBe(1);
    expect(count(text, "AB-2")).toBe(1);
    const check = await weekly(["check", "reports/2024-06-14.yaml"]);
    expect(check.code).toBe(0);
    expect(check.stderr).toBe("");
  });

  it("add OLD-1 files the note under NEW-1; an OLD-1 entry becomes NEW-1", async () => {
    const week = (first: string) =>
      `sections:\n  - title: Alpha\n    entries:\n      - ticket: ${first}\n        progress: none\n` +
      "      - ticket: AB-2\n        notes: [y]\n";
    const { dir, weekly } = await moved({ "reports/2024-06-14.yaml": week("NEW-1") });
    const r = await weekly(["add", "OLD-1", "tried it", "--date", "2024-06-12"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('reports/2024-06-14.yaml: [NEW-1] in "Alpha"\n');
    expect(read(dir, "reports/2024-06-14.yaml")).toBe(
      "sections:\n  - title: Alpha\n    entries:\n      - ticket: NEW-1\n        notes:\n          - tried it\n" +
        "      - ticket: AB-2\n        notes: [y]\n",
    );
    writeFileSync(join(dir, "reports/2024-06-14.yaml"), week("OLD-1"));
    const renamed = await weekly(["add", "OLD-1", "tried it", "--date", "2024-06-12"]);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toBe('reports/2024-06-14.yaml: [NEW-1] in "Alpha"\n');
    const text = read(dir, "reports/2024-06-14.yaml");
    expect(text).not.toContain("OLD-1");
    expect(text).toContain("      - ticket: NEW-1\n        notes:\n          - tried it\n");
    expect(count(text, "NEW-1")).toBe(1);
  });

  for (const down of ["closed", "503 to everything"] as const) {
    it(`new --from-jira with Jira down (${down}) still writes the week, with a warning`, async () => {
      const { dir, jira, weekly } = await moved({ "reports/2024-06-07.yaml": LAST_WEEK });
      if (down === "closed") await jira.close();
      else jira.fail({ kind: "status", status: 503, times: 1000 });
      const r = await weekly(["new", "--from-jira", "--date", "2024-06-12"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("reports/2024-06-14.yaml\n");
      expect(r.stderr).toMatch(/^warning: .*Jira/m);
      const text = read(dir, "reports/2024-06-14.yaml");
      expect(text).toContain("OLD-1");
      expect(text).toContain("AB-2");
    });
  }

  it("the first week's header names its week; the next weekly new names the new one", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "timezone: UTC\n" });
    const first = await run(["new", "--date", "2024-06-12"], { cwd: dir, env: { HOME: dir } });
    expect(first.code).toBe(0);
    expect(read(dir, "reports/2024-06-14.yaml")).toMatch(/^# The week ending 2024-06-14\. /m);
    const next = await run(["new", "--date", "2024-06-19"], { cwd: dir, env: { HOME: dir } });
    expect(next.code).toBe(0);
    const text = read(dir, "reports/2024-06-21.yaml");
    expect(text).toMatch(/^# The week ending 2024-06-21\. /m);
    expect(text).not.toContain("2024-06-14");
  });

  it("carry_notes: comment: a `# last week:` block two weeks old goes", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "timezone: UTC\ncarry_notes: comment\n",
      "reports/2024-06-07.yaml":
        "sections:\n  - title: A\n    entries:\n      - ticket: AB-1\n        notes: [did the thing]\n",
    });
    const env = { HOME: dir };
    expect((await run(["new", "--date", "2024-06-12"], { cwd: dir, env })).code).toBe(0);
    expect(read(dir, "reports/2024-06-14.yaml")).toContain(
      "      - ticket: AB-1\n        # last week:\n        # - did the thing\n        progress: none\n",
    );
    expect((await run(["new", "--date", "2024-06-19"], { cwd: dir, env })).code).toBe(0);
    const text = read(dir, "reports/2024-06-21.yaml");
    expect(text).toContain("      - ticket: AB-1\n        progress: none\n");
    expect(text).not.toContain("last week");
    expect(text).not.toContain("did the thing");
  });

  it("weekly new from a last week with a ticket twice warns, naming it", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "timezone: UTC\n",
      "reports/2024-06-07.yaml":
        "sections:\n  - title: A\n    entries:\n      - ticket: AB-1\n        notes: [x]\n" +
        "      - ticket: AB-1\n        notes: [x]\n",
    });
    const r = await run(["new", "--date", "2024-06-12"], { cwd: dir, env: { HOME: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^.*warning: .*AB-1 is reported twice/m);
    expect(existsSync(join(dir, "reports/2024-06-14.yaml"))).toBe(true);
  });

  it('add misc "x" --label finds the MISC entry and says (MISC)', async () => {
    const dir = tmpProject({
      "reports/2024-06-14.yaml":
        "sections:\n  - title: Alpha\n    entries:\n      - ticket: AB-1\n        notes: [a]\n" +
        "  - title: Beta\n    entries:\n      - label: MISC\n        notes: [one]\n",
    });
    const r = await run(["add", "misc", "two", "--label", "--date", "2024-06-12"], { cwd: dir, env: { HOME: dir } });
    expect(r).toEqual({ code: 0, stdout: 'reports/2024-06-14.yaml: (MISC) in "Beta"\n', stderr: "" });
    expect(read(dir, "reports/2024-06-14.yaml")).toContain("      - label: MISC\n        notes: [one, two]\n");
  });
});

describe("H. check", () => {
  const check = (dir: string, ...files: string[]) => run(["check", ...files], { cwd: dir, env: { HOME: dir } });

  it("schema errors and a ticket reported twice, in one run", async () => {
    const dir = tmpProject({
      "2022-11-11.yaml":
        "sections:\n  - title: A\n    entries:\n      - ticket: AB-1\n        notes: [x]\n" +
        "      - ticket: AB-1\n        notes: [y]\n      - label: MISC\n        notez: [z]\n" +
        "      - ticket: AB-3\n        progress: maybe\n",
    });
    const r = await check(dir, "2022-11-11.yaml");
    expect(r.code).toBe(1);
    const found = lines(r.stderr);
    expect(found.filter((l) => l.includes('unknown field "notez"'))).toHaveLength(1);
    expect(found.filter((l) => /^2022-11-11\.yaml:11:\d+: .*progress/.test(l))).toHaveLength(1);
    expect(found.filter((l) => /^2022-11-11\.yaml:6:17: .*AB-1 is reported twice/.test(l))).toHaveLength(1);
  });

  it("seven YAML syntax errors: the first five, one line each, then 'and 2 more'", async () => {
    const body = Array.from({ length: 7 }, (_, i) => `      - label: L${i}\n        notes:\n          - @me ${i}\n`);
    const dir = tmpProject({ "2022-11-11.yaml": `sections:\n  - title: A\n    entries:\n${body.join("")}` });
    const r = await check(dir, "2022-11-11.yaml");
    expect(r.code).toBe(1);
    const found = lines(r.stderr);
    const errors = found.filter((l) => /^2022-11-11\.yaml:\d+:\d+: invalid YAML: /.test(l));
    expect(errors.map((l) => l.split(":")[1])).toEqual(["6", "9", "12", "15", "18"]);
    expect(found.filter((l) => /and 2 more/.test(l))).toHaveLength(1);
    expect(found).toHaveLength(7); // five, "and 2 more", the summary
  });

  it("the example note weekly new writes on a first week draws a warning", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "timezone: UTC\n" });
    expect((await run(["new", "--date", "2024-06-12"], { cwd: dir, env: { HOME: dir } })).code).toBe(0);
    const r = await check(dir, "reports/2024-06-14.yaml");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^reports\/2024-06-14\.yaml:\d+:\d+: warning: .*example note/m);
  });

  it('an event "Dec 40: party" draws a warning', async () => {
    const dir = tmpProject({
      "2022-11-11.yaml":
        'sections:\n  - title: A\n    progress: none\nevents:\n  - "Nov 23: holiday"\n  - "Dec 40: party"\n',
    });
    const r = await check(dir, "2022-11-11.yaml");
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^2022-11-11\.yaml:6:\d+: warning: events\[1\]: .*Dec 40/);
  });

  it("a file that is no report (/etc/passwd, 2000 lines of one long word): one short line", async () => {
    const word = "supercalifragilisticexpialidocious".repeat(3);
    const dir = tmpProject({ "words.yaml": `${word}\n`.repeat(2000) });
    const passwd = existsSync("/etc/passwd") ? ["/etc/passwd"] : [];
    for (const file of [...passwd, "words.yaml"]) {
      const text = readFileSync(file === "words.yaml" ? join(dir, file) : file, "utf8");
      const second = lines(text)[1]!;
      for (const command of ["render", "check"]) {
        const r = await run([command, file], { cwd: dir, env: { HOME: dir } });
        expect(r.code).toBe(1);
        expect(r.stdout).toBe("");
        const shown = lines(r.stderr).filter((l) => !/^1 file checked/.test(l));
        expect(shown).toHaveLength(1);
        expect(shown[0]!.length).toBeLessThan(300);
        expect(r.stderr).not.toContain(second);
      }
    }
  });
});
