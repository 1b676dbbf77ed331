// The round trip over the 20 reports of test/fixtures/styles, each written as another engineer
// writes it: imported, written as YAML, then `weekly render` of that file (the real command).
// Each email comes back byte for byte, or differs only at lines the import named on stderr;
// jipdate files are converted, and what they hold lands in the fields `weekly push` reads.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Config } from "../src/config/schema.js";
import { diffLines } from "../src/core/diff.js";
import type { ImportedReport } from "../src/import/imported.js";
import { importAll } from "../src/import/import-all.js";
import { roundTrip } from "../src/render/round-trip.js";
import { stringifyReport } from "../src/report/write.js";
import { ROOT, run, tmpProject } from "./helpers.js";

const DIR = join(ROOT, "test/fixtures/styles");
const FILES = readdirSync(DIR).filter((f) => f !== "MANIFEST.md");
const CONFIG = Config.parse({});
const tally = {
  exact: [] as string[],
  announced: [] as string[],
  otherwise: [] as string[],
  converted: [] as string[],
};

async function imported(file: string): Promise<ImportedReport[]> {
  const result = await importAll(DIR, [file], CONFIG, (async function* () {})(), (r) => r);
  expect(result.problems).toEqual([]);
  return result.reports;
}

/** `weekly render` of the report, written as the importer writes it. */
async function rendered(r: ImportedReport): Promise<string> {
  const dir = tmpProject();
  const path = join(dir, `${r.weekEnding}.yaml`);
  writeFileSync(path, stringifyReport(r.report));
  const check = await run(["check", path], { cwd: dir });
  expect(check.code, check.stderr).toBe(0);
  const out = await run(["render", "--offline", path], { cwd: dir });
  expect(out.code, out.stderr).toBe(0);
  return out.stdout;
}

describe("import → YAML → weekly render, over every style fixture", () => {
  it("there are at least 15 of them, each a different engineer", () => expect(FILES.length).toBeGreaterThanOrEqual(15));

  it.each(FILES)("%s", async (file) => {
    for (const r of await imported(file)) {
      const name = `${file} (${r.weekEnding})`;
      if (!r.expected) {
        tally.converted.push(name);
        continue;
      }
      const nl = r.expected.crlf ? "\r\n" : "\n";
      const printed = await rendered(r);
      const wanted = r.expected.header
        ? printed
        : printed
            .split(nl)
            .slice(printed.split(nl).indexOf("") + 1)
            .join(nl);
      const lines = wanted.split(nl);
      if (lines.at(-1) === "") lines.pop();
      const said = new Set([...r.notices, ...(await roundTrip(r, CONFIG))].map((n) => n.line));
      const hunks = diffLines(r.expected.lines, lines);
      const leftOut = r.notices.some((n) => n.message.startsWith("left out"));
      if (hunks.length === 0 && !leftOut && wanted.includes("\r") === r.expected.crlf) tally.exact.push(name);
      else if (hunks.every((h) => said.has(r.expected!.lineOf(Math.min(h.aStart, r.expected!.lines.length - 1)))))
        tally.announced.push(name);
      else tally.otherwise.push(name);
    }
    expect(tally.otherwise).toEqual([]);
  });

  afterAll(() => {
    const line = (k: keyof typeof tally) =>
      `${k}: ${tally[k].length}${tally[k].length ? ` (${tally[k].join(", ")})` : ""}`;
    process.stdout.write(
      `style fixtures round trip\n  ${Object.keys(tally)
        .map((k) => line(k as keyof typeof tally))
        .join("\n  ")}\n`,
    );
  });
});

describe("what the importer reads out of other engineers' mail", () => {
  const one = async (file: string, k = 0) => (await imported(file))[k]!;

  it("a saved .eml in windows-1252 or ISO-8859-1 is decoded, its names and text in their own letters", async () => {
    const lea = await one("lea-firmware-cp1252.eml");
    expect(JSON.stringify(lea.report)).toMatch(/Léa/);
    expect(JSON.stringify(lea.report)).toMatch(/€/);
    expect(lea.report.style?.newline).toBe("crlf");
    expect(JSON.stringify((await one("rahul-toolchain-iso8859.eml")).report)).toMatch(/Jürgen Müller/);
  });

  it("a Gmail original (multipart/alternative, quoted-printable) gives its text/plain part", async () => {
    const ingrid = await one("ingrid-kernel-gmail.eml");
    expect(ingrid.report.greeting).toBe("Hi all,");
    expect(ingrid.report.signature).toMatch(/^-- \n/);
    const tickets = ingrid.report.sections.flatMap((s) => (s.entries ?? []).map((e) => e.tickets ?? e.ticket));
    expect(tickets).toContainEqual(["ARM64-12", "ARM64-15"]);
  });

  it("a list archive's `user at host (Name)` is an address again; each author's report is their own", async () => {
    const reports = await imported("team-list-pipermail.mbox");
    expect(reports.map((r) => r.report.from)).toEqual([
      "Tuomas Virtanen <tuomas.virtanen@example.org>",
      "Beatriz Santos <beatriz.santos@example.org>",
      "Kwame Asante <kwame.asante@example.org>",
      "Inês Duarte <ines.duarte@example.org>",
    ]);
    // Kwame was on leave: only trailers, still a report.
    expect(reports[2]!.report.sections).toEqual([]);
  });

  it("the base64 message right before the next `From ` line does not swallow it", async () => {
    expect((await imported("dmitri-bpf-weeks.mbox")).map((r) => r.weekEnding)).toEqual([
      "2024-03-01",
      "2024-03-08",
      "2024-03-15",
    ]);
  });

  it("jipdate: # Header is the summary, Status: and Time spent: are kept for weekly push, [FIN] ends it", async () => {
    const olga = (await one("olga-uboot.jipdate.txt")).report;
    const entries = olga.sections[0]!.entries!;
    expect(entries.map((e) => [e.ticket, e.set_status, e.time_spent])).toEqual([
      ["UBOOT-142", "In Review", "4h"],
      ["UBOOT-150", undefined, "1h 30m"],
      ["UBOOT-133", undefined, undefined],
      ["UBOOT-155", "In Review", "2h"],
    ]);
    expect(entries[0]!.summary).toBe("EFI: capsule authentication with the public key from the control DTB");
    expect(entries[2]!.progress).toBe("none");
    expect(olga.closing).toMatch(/^Not for Jira:\n/);
    const oskar = (await one("oskar-kvm.jipdate.txt")).report.sections[0]!.entries!;
    expect(oskar[0]!.summary).toBe("pKVM: FF-A 1.1 proxy for memory sharing with the secure world");
    expect(oskar[2]).toMatchObject({ set_status: "Resolved", resolution: "Fixed", time_spent: "30m" });
    const farah = (await one("farah-lava.jipdate.txt")).report.sections[0]!.entries!;
    expect(farah.map((e) => e.ticket ?? e.label)).toContain("OTHER");
    expect(farah.find((e) => e.ticket === "LAB-330")!.progress).toBe("no-update");
  });
});
