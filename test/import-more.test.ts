// Reports found by a stress trial in yet other styles (test/fixtures/import-more): Markdown and
// CAPITALS titles, KEY: headings, compact entries, replies that quote last week's mail, forwards
// inside a report, week names of every kind, a byte-order mark and mixed line ends. Each imports;
// each written file renders; each email comes back, or every difference is named at its line.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Config } from "../src/config/schema.js";
import { diffLines } from "../src/core/diff.js";
import { importAll } from "../src/import/import-all.js";
import type { ImportedReport } from "../src/import/imported.js";
import { roundTrip } from "../src/render/round-trip.js";
import { stringifyReport } from "../src/report/write.js";
import { ROOT, run, tmpProject } from "./helpers.js";

const DIR = join(ROOT, "test/fixtures/import-more");
const CONFIG = Config.parse({});

async function imported(file: string): Promise<ImportedReport[]> {
  const result = await importAll(DIR, [file], CONFIG, (async function* () {})(), (r) => r);
  expect(result.problems).toEqual([]);
  return result.reports;
}

describe("import: the stress trial's reports", () => {
  it.each(readdirSync(DIR))("%s imports, renders, and changes nothing unnamed", async (file) => {
    const reports = await imported(file);
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      const dir = tmpProject();
      const path = join(dir, `${r.weekEnding}.yaml`);
      writeFileSync(path, stringifyReport(r.report));
      const out = await run(["render", "--offline", path], { cwd: dir });
      expect(out.code, out.stderr).toBe(0);
      if (!r.expected) continue;
      const nl = r.expected.crlf ? "\r\n" : "\n";
      const text = r.expected.header
        ? out.stdout
        : out.stdout
            .split(nl)
            .slice(out.stdout.split(nl).indexOf("") + 1)
            .join(nl);
      const lines = text.split(nl);
      if (lines.at(-1) === "") lines.pop();
      const said = new Set([...r.notices, ...(await roundTrip(r, CONFIG))].map((n) => n.line));
      for (const h of diffLines(r.expected.lines, lines))
        expect(
          said.has(r.expected.lineOf(Math.min(h.aStart, r.expected.lines.length - 1))),
          `${file} ${JSON.stringify(h)}`,
        ).toBe(true);
    }
  });

  it("a reply quoting last week's report keeps the quote after everything, and is one report", async () => {
    const [r, more] = await imported("sven-outlook-reply-quotes-report.txt");
    expect(more).toBeUndefined();
    expect(r!.report.after).toMatch(/^From: /);
    const mbox = await imported("sven-sent.mbox");
    expect(mbox.map((m) => m.weekEnding)).toEqual(["2024-11-22", "2024-11-29"]);
  });

  it("a forward inside a report, and header-like lines in a body, start no email of their own", async () => {
    expect((await imported("noor-applemail-forward-inside.txt")).map((r) => r.sender)).toEqual([
      "noor.haddad@example.org",
    ]);
    expect(await imported("dana-header-like-body-lines.txt")).toHaveLength(1);
  });

  it("weeks: WW52 sent in January is last year's; a Thursday week end stays; a day with no year", async () => {
    const weeks = (await imported("yusuf-week-formats-pasted-b.txt")).map((r) => [r.source.name, r.weekEnding]);
    expect(weeks).toContainEqual(['the email "Weekly report WW52 (sorry, late)"', "2024-12-27"]);
    expect(weeks).toContainEqual(['the email "Weekly report - Week ending 2025-01-23"', "2025-01-23"]);
    expect(weeks).toContainEqual(['the email "Weekly report w/e 10 Jan"', "2025-01-10"]);
  });

  it("CAPITALS and Markdown titles, KEY: headings; a ticket this week and next warns, not refuses", async () => {
    const [tomasz] = await imported("tomasz-kernel-caps.txt");
    expect(tomasz!.report.sections.map((s) => s.title)).toEqual([
      "KERNEL",
      "UPSTREAM",
      "REVIEWS",
      "ISSUES",
      "OUT OF OFFICE",
    ]);
    expect(tomasz!.report.sections[0]!.entries!.map((e) => e.ticket)).toEqual(["KERN-1201", "KERN-1188", "KERN-1210"]);
    const [niamh] = await imported("niamh-ci-markdown.txt");
    expect(niamh!.report.sections.map((s) => s.title)).toContain("CI infrastructure");
    const [maya] = await imported("maya-thisweek-nextweek-sameticket.txt");
    const dir = tmpProject();
    writeFileSync(join(dir, `${maya!.weekEnding}.yaml`), stringifyReport(maya!.report));
    const check = await run(["check", `${maya!.weekEnding}.yaml`], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain("is in two sections");
  });

  it("a byte-order mark and line ends unlike the rest are named, not changed silently", async () => {
    const [r] = await imported("kwabena-bom-mixed-eol.txt");
    const said = r!.notices.map((n) => `${n.line}: ${n.message}`);
    expect(said).toContainEqual("1: left out: the byte-order mark the file starts with");
    expect(said.some((s) => /lines? ends? .* in LF, the others in CRLF/.test(s))).toBe(true);
  });
});
