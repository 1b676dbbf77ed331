// Faults as they happen to a real process: a file size limit (ulimit -f), a full stdout, a reader
// that goes away, 20 writers at once, add racing new --force; comments and backups kept.
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, proc, ROOT, run, tmpProject } from "./helpers.js";

const weekly = (cwd: string, ...args: string[]) => proc(process.execPath, [BIN, ...args], cwd);
/** `weekly ARGS` under `ulimit -f 2`: no file it writes may grow past 2 KiB. */
const limited = (cwd: string, ...args: string[]) =>
  proc("bash", ["-c", 'ulimit -f 2; exec "$@"', "bash", process.execPath, BIN, ...args], cwd);

const CONFIG = readFileSync(join(ROOT, "examples/weekly.config.yaml"), "utf8");
/** The 5 KB example report for a given week, with the footnotes it cites (so it has no warnings). */
const report = (week: string) =>
  readFileSync(join(ROOT, "examples/reports/2022-11-11.yaml"), "utf8").replace(
    /^week_ending: .*$/m,
    `week_ending: ${week}`,
  ) + "    references:\n      1: https://example.com/slides\n      2: https://example.com/doc\n";
const THIS_WEEK = "reports/2024-06-14.yaml";

const lines = (s: string) => s.split("\n").filter((l) => l !== "");
const hidden = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith(".")) : []);
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|EPIPE/);

function project(extra: Record<string, string> = {}): string {
  return tmpProject({ "weekly.config.yaml": CONFIG, [THIS_WEEK]: report("2024-06-14"), ...extra });
}

describe("a file size limit (ulimit -f 2)", () => {
  it("add: exit 1, one line naming the file, the report byte for byte as it was and still valid", async () => {
    const dir = project();
    const before = readFileSync(join(dir, THIS_WEEK));
    expect(before.length).toBeGreaterThan(4096);
    expect((await weekly(dir, "check", THIS_WEEK)).code).toBe(0);
    const r = await limited(dir, "add", "STR-68", "x", "--date", "2024-06-14");
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^reports\/2024-06-14\.yaml: could not write\b.*\n$/);
    expect(readFileSync(join(dir, THIS_WEEK)).equals(before)).toBe(true);
    expect(hidden(join(dir, "reports"))).toEqual([]);
    expect(await weekly(dir, "check", THIS_WEEK)).toMatchObject({ code: 0, stderr: "" });
  });

  it("render -o: exit 1, one line, and neither out.txt nor a temp file is left", async () => {
    const dir = project();
    const r = await limited(dir, "render", "-o", "out.txt", THIS_WEEK);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^out\.txt: could not write\b/);
    expect(existsSync(join(dir, "out.txt"))).toBe(false);
    expect(hidden(dir)).toEqual([]);
    // The same command without the limit writes it: the failure was the limit's.
    expect((await weekly(dir, "render", "-o", "out.txt", THIS_WEEK)).code).toBe(0);
    expect(statSync(join(dir, "out.txt")).size).toBeGreaterThan(2048);
  });

  it("new --force: exit 1 and the week's file as it was (its own note still in it)", async () => {
    const dir = project({ "weekly.config.yaml": `${CONFIG}carry_notes: comment\n` });
    expect((await weekly(dir, "new", "--date", "2024-06-21")).code).toBe(0);
    const own = `only in this file: ${"x".repeat(3000)}`;
    expect((await weekly(dir, "add", "STR-68", own, "--date", "2024-06-21")).code).toBe(0);
    const target = join(dir, "reports/2024-06-21.yaml");
    const before = readFileSync(target);
    expect(before.length).toBeGreaterThan(3000);
    const r = await limited(dir, "new", "--force", "--date", "2024-06-21");
    expect(r.code).toBe(1);
    noStack(r.stderr);
    expect(lines(r.stderr).at(-1)).toMatch(/could not write/);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(hidden(join(dir, "reports"))).toEqual([]);
    // A backup, if one was left, is the whole file: never a part of it.
    for (const name of readdirSync(join(dir, "reports")).filter((n) => n.includes(".bak")))
      expect(readFileSync(join(dir, "reports", name)).equals(before)).toBe(true);
  });

  it("schema -o: exit 1, one line, nothing left", async () => {
    const dir = tmpProject();
    const r = await limited(dir, "schema", "-o", "s.json");
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^s\.json: could not write\b/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("import of three weeks, only the last over the limit: no file at all is written", async () => {
    const msg = (day: string, bullet: string) =>
      `From jane@example.com Fri Jun ${day} 18:00:00 2024\nFrom: Jane <jane@example.com>\nTo: lead@example.com\n` +
      `Subject: [Weekly] Week ending 2024-06-${day}\nDate: Fri, ${day} Jun 2024 18:00:00 +0000\n\n` +
      `Stratos\n=======\n[STR-1] (x)\n* ${bullet}\n\n`;
    const mbox = msg("07", "small") + msg("14", "small too") + msg("21", "a".repeat(3000));
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "weeks.mbox": mbox });
    const r = await limited(dir, "import", "weeks.mbox");
    expect(r.code).toBe(1);
    noStack(r.stderr);
    expect(r.stderr).toMatch(/^reports\/2024-06-21\.yaml: could not write\b/m);
    const reports = join(dir, "reports");
    expect(existsSync(reports) ? readdirSync(reports) : []).toEqual([]);
    // Without the limit all three are written.
    expect((await weekly(dir, "import", "weeks.mbox")).stdout).toBe(
      "reports/2024-06-07.yaml\nreports/2024-06-14.yaml\nreports/2024-06-21.yaml\n",
    );
  });
});

describe("stdout that fails or goes away", () => {
  it("> /dev/full: exit 1 and one line about stdout", async () => {
    const dir = project();
    const r = await proc(
      "bash",
      ["-c", 'exec "$@" > /dev/full', "bash", process.execPath, BIN, "render", THIS_WEEK],
      dir,
    );
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/stdout/);
  });

  it("| head -1: one line printed, nothing on stderr, exit 0 (also with more output than a pipe holds)", async () => {
    const big =
      "week_ending: 2024-06-14\nsections:\n  - title: Big\n    entries:\n      - ticket: STR-1\n        notes:\n" +
      "          - |\n" +
      Array.from({ length: 40_000 }, (_, i) => `            line ${i} of a long note\n`).join("");
    const dir = project({ "reports/big.yaml": big });
    for (const file of [THIS_WEEK, "reports/big.yaml"]) {
      const script = '"$@" | head -1; exit ${PIPESTATUS[0]}';
      const r = await proc("bash", ["-c", script, "bash", process.execPath, BIN, "render", file], dir);
      expect(r).toEqual({
        code: 0,
        signal: null,
        stdout: "From: AKASHI Takahiro <takahiro.akashi@linaro.org>\n",
        stderr: "",
      });
    }
  });
});

/** The notes of a ticket's entry in a report file. */
function notesOf(file: string, ticket: string): string[] {
  const doc = parse(readFileSync(file, "utf8"));
  const entries = doc.sections.flatMap((s: { entries?: { ticket?: string }[] }) => s.entries ?? []);
  return entries.find((e: { ticket?: string }) => e.ticket === ticket)?.notes ?? [];
}

describe("writers at once", () => {
  it("20 adds as 20 processes at once keep all 20 notes, and the report stays valid", async () => {
    const dir = project();
    const before = notesOf(join(dir, THIS_WEEK), "STR-68").length;
    const adds = Array.from({ length: 20 }, (_, n) =>
      weekly(dir, "add", "STR-68", `note ${n}`, "--date", "2024-06-14"),
    );
    const results = await Promise.all(adds);
    for (const r of results) expect(r).toMatchObject({ code: 0, stderr: "" });
    const notes = notesOf(join(dir, THIS_WEEK), "STR-68");
    expect(notes).toHaveLength(before + 20);
    for (let n = 0; n < 20; n++) expect(notes.filter((t) => t === `note ${n}`)).toHaveLength(1);
    expect(await weekly(dir, "check", THIS_WEEK)).toMatchObject({ code: 0, stderr: "" });
    expect(hidden(join(dir, "reports"))).toEqual([]);
  });

  it("adds racing new --force: each note is in the week's file or in a .bak beside it, never lost", async () => {
    const dir = project({ "reports/2024-06-07.yaml": report("2024-06-07") });
    const notes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const mine = [0, 1, 2].map((k) => `round ${round} note ${k}`);
      notes.push(...mine);
      const [again, ...adds] = await Promise.all([
        weekly(dir, "new", "--force", "--date", "2024-06-14"),
        ...mine.map((note) => weekly(dir, "add", "STR-68", note, "--date", "2024-06-14")),
      ]);
      expect(again.code).toBe(0);
      for (const add of adds) expect(add.code).toBe(0);
    }
    const copies = readdirSync(join(dir, "reports")).filter((n) => n.startsWith("2024-06-14.yaml"));
    expect(copies.length).toBeGreaterThan(6); // the week's file and a .bak for each new --force
    const kept = copies.flatMap((n) => notesOf(join(dir, "reports", n), "STR-68"));
    for (const note of notes) expect(kept, note).toContain(note);
    expect(hidden(join(dir, "reports"))).toEqual([]);
  });
});

describe("weekly add keeps the comments of the entry it changes", () => {
  it("a comment above progress: none and one beside it stay; progress: none goes; the note is there", async () => {
    const text =
      "week_ending: 2024-06-14\nsections:\n  - title: Stratos\n    entries:\n      - ticket: STR-68\n" +
      "        notes: [did things]\n      - ticket: STR-76\n        # waiting for the hardware\n" +
      "        progress: none   # since Nov\n";
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, [THIS_WEEK]: text });
    expect((await run(["add", "STR-76", "got the board"], { cwd: dir })).code).toBe(0);
    const after = readFileSync(join(dir, THIS_WEEK), "utf8");
    expect(after).toContain("# waiting for the hardware");
    expect(after).toMatch(/#\s*since Nov/);
    expect(after).not.toContain("progress: none");
    const entry = parse(after).sections[0].entries[1];
    expect(entry).toEqual({ ticket: "STR-76", notes: ["got the board"] });
    expect((await run(["check", THIS_WEEK], { cwd: dir })).code).toBe(0);
  });

  it("with carry_notes: comment, the '# last week:' block new wrote stays after an add", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": `${CONFIG}carry_notes: comment\n`,
      "reports/2024-06-07.yaml": report("2024-06-07"),
    });
    expect((await run(["new"], { cwd: dir })).code).toBe(0);
    const carried = readFileSync(join(dir, THIS_WEEK), "utf8");
    expect(carried).toMatch(/# last week:\n(?: *#.*\n| *\n)*? *progress: none\n/);
    const comments = (t: string) =>
      t
        .split("\n")
        .filter((l) => l.trim().startsWith("#"))
        .map((l) => l.trim());
    expect(comments(carried)).toContain("# - continued to try OVS with AF_XDP.");
    expect((await run(["add", "STR-68", "more OVS numbers"], { cwd: dir })).code).toBe(0);
    expect((await run(["add", "LBO-293", "slides done"], { cwd: dir })).code).toBe(0);
    const after = readFileSync(join(dir, THIS_WEEK), "utf8");
    expect(comments(after)).toEqual(comments(carried));
    expect(after).not.toContain("progress: none");
    expect(notesOf(join(dir, THIS_WEEK), "STR-68")).toEqual(["more OVS numbers"]);
    expect(notesOf(join(dir, THIS_WEEK), "LBO-293")).toEqual(["slides done"]);
  });
});

describe("backups and temp files", () => {
  it("new --force keeps a .bak byte for byte (BOM, CRLF) with the old file's mode 0600", async () => {
    const old = Buffer.from(`\ufeff${report("2024-06-14").replace(/\n/g, "\r\n")}`, "utf8");
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-07.yaml": report("2024-06-07") });
    writeFileSync(join(dir, THIS_WEEK), old);
    chmodSync(join(dir, THIS_WEEK), 0o600);
    expect((await weekly(dir, "check", THIS_WEEK)).code).toBe(0);
    const r = await weekly(dir, "new", "--force", "--date", "2024-06-14");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("reports/2024-06-14.yaml.bak");
    const bak = join(dir, `${THIS_WEEK}.bak`);
    expect(readFileSync(bak).equals(old)).toBe(true);
    expect(statSync(bak).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, THIS_WEEK)).equals(old)).toBe(false);
  });

  it("a temp file of a dead process is gone after the next add; one of a live process stays", async () => {
    const dir = project();
    const stale = join(dir, "reports/.2024-06-14.yaml.99999999.abcdef.tmp");
    const live = join(dir, `reports/.2024-06-14.yaml.${process.pid}.ghijkl.tmp`);
    writeFileSync(stale, "week_ending: 2024-06-14\nsecti");
    writeFileSync(live, "being written");
    expect((await weekly(dir, "add", "STR-68", "x", "--date", "2024-06-14")).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
