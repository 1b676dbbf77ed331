// parseBody on small bodies: what each construct becomes, and that it prints back the same: what
// the template would print otherwise is kept as the author wrote it.
import { describe, expect, it } from "vitest";
import { Config } from "../src/config/schema.js";
import { weekReportedOn } from "../src/report/week.js";
import { parseBody } from "../src/import/parse-body.js";
import { buildModel } from "../src/model/build.js";
import { renderModel } from "../src/render/render.js";
import { parseReport } from "../src/report/load.js";
import { Report } from "../src/report/schema.js";
import { stringifyReport } from "../src/report/write.js";
import { roundTrip } from "../src/render/round-trip.js";

const isBlankLine = (l: string | undefined) => l !== undefined && l.trim() === "";

const parse = (body: string) => parseBody(body.replace(/\n$/, "").split("\n"), (i) => i + 1);

/** The body as the canonical template prints it back (the six header lines and the blank after them cut off). */
async function rerender(body: string): Promise<string> {
  const { body: parsed } = parse(body);
  const report = Report.parse({ week_ending: "2023-01-06", ...parsed });
  const text = await renderModel(buildModel(report, Config.parse({}), { weekEnding: "2023-01-06" }), {
    format: "text",
  });
  return text.split("\n").slice(7).join("\n");
}

const messages = (body: string) => parse(body).notices.map((n) => `${n.line}: ${n.message}`);

describe("parseBody: entries", () => {
  it("a TODO with notes after it stays where it is: the entry's text, as written (TODOs print last)", async () => {
    const body = "Proj\n====\n[A-1]\n* first\n\n  TODO: later\n\n* second\n";
    expect(parse(body).body.sections[0]!.entries![0]).toEqual({
      ticket: "A-1",
      text: "* first\n\n  TODO: later\n\n* second\n",
    });
    expect(await rerender(body)).toBe(body);
  });

  it("trailing TODOs become todo, with their continuation lines", async () => {
    const body = "Proj\n====\n[A-1] (x)\n* did\n\n  TODO: a\n  b\n\n  TODO: c\n";
    expect(parse(body).body.sections[0]!.entries![0]).toEqual({
      ticket: "A-1",
      summary: "x",
      notes: ["did"],
      todo: ["a\nb\n", "c"],
    });
    expect(await rerender(body)).toBe(body);
  });

  it("an indented [1] line with more note text after it belongs to the note", async () => {
    const body = "Proj\n====\n[A-1]\n* see\n\n  [1] not a footnote here\n\n  more text\n";
    expect(parse(body).body.sections[0]!.references).toBeUndefined();
    expect(await rerender(body)).toBe(body);
  });

  it('"* No progress" alone is progress: none; with more notes it stays a note', () => {
    const alone = parse("Proj\n====\n[A-1]\n* No progress\n").body.sections[0]!.entries![0];
    expect(alone).toEqual({ ticket: "A-1", progress: "none" });
    const more = parse("Proj\n====\n[A-1]\n* No progress\n\n* but a plan\n").body.sections[0]!.entries![0];
    expect(more).toEqual({ ticket: "A-1", notes: ["No progress", "but a plan"] });
  });

  it("a sentence in parentheses is no label: it is a paragraph of the section, where it stood", async () => {
    const body = "Proj\n====\n[A-1]\n* did\n\n(Even ping did not pass.)\n\n[A-2]\n* more\n";
    const { body: parsed, notices } = parse(body);
    expect(parsed.sections[0]!.entries).toEqual([
      { ticket: "A-1", notes: ["did"] },
      { text: "(Even ping did not pass.)" },
      { ticket: "A-2", notes: ["more"] },
    ]);
    expect(notices).toEqual([]);
    expect(await rerender(body)).toBe(body);
  });

  it("prose and bare bullets before, between and after entries are the section's own paragraphs", async () => {
    const body =
      "Proj\n====\nsome words\nmore words\n\n- a bare bullet\n\n[A-1]\n* x\n\nAlso reviewed:\n- one\n- two\n\n" +
      "[A-2] (y)\n* z\n\nThat's all.\n";
    const entries = parse(body).body.sections[0]!.entries!;
    expect(entries.map((e) => e.ticket ?? e.text)).toEqual([
      "some words\nmore words\n",
      "- a bare bullet",
      "A-1",
      "Also reviewed:\n- one\n- two\n",
      "A-2",
      "That's all.",
    ]);
    expect(await rerender(body)).toBe(body);
  });

  it("a heading the author wrote is never cut, however long; only a summary from Jira is", async () => {
    const long = `[A-1] (${"word ".repeat(30).trim()})`;
    const body = `Proj\n====\n${long}\n* x\n`;
    expect(parse(body).notices).toEqual([]);
    expect(await rerender(body)).toBe(body);
  });

  it("keeps what the template would print otherwise: an underline of ---, a bare summary, other bullets", async () => {
    const body = "Proj\n---\n[A-1] plain summary\n- dash\n one space\n\n* star\n";
    const { body: parsed, notices } = parse(body);
    expect(parsed.sections[0]!.entries![0]).toEqual({
      ticket: "A-1",
      summary: "plain summary",
      heading: "[A-1] plain summary",
      text: "- dash\n one space\n\n* star\n",
    });
    expect(notices).toEqual([]);
    expect(await rerender(body)).toBe(body);
  });

  it("several tickets in one heading, and a heading that wraps onto a second line", async () => {
    const body =
      "Proj\n====\n[A-1, A-2] (one thing)\n* x\n\n[B-1][B-2] two things\n* y\n\n" +
      "[C-1] (a summary that goes on\nonto the next line)\n* z\n";
    const entries = parse(body).body.sections[0]!.entries!;
    expect(entries.map((e) => [e.ticket ?? e.tickets, e.summary])).toEqual([
      [["A-1", "A-2"], "one thing"],
      [["B-1", "B-2"], "two things"],
      ["C-1", "a summary that goes on onto the next line"],
    ]);
    expect(entries[2]!.heading).toBe("[C-1] (a summary that goes on\nonto the next line)\n");
    expect(await rerender(body)).toBe(body);
  });

  it.each([
    ["* No progress", "none"],
    ["No progress", "none"],
    ["* no progress.", "none"],
    ["- No update, waiting for review", "no-update"],
    ["  Nothing this week", "none"],
  ] as const)('"%s" says no progress, and prints back as written', async (line, progress) => {
    const body = `Proj\n====\n[A-1]\n${line}\n`;
    expect(parse(body).body.sections[0]!.entries![0]!.progress).toBe(progress);
    expect(await rerender(body)).toBe(body);
  });

  it("a greeting, a quote of last week, a sign-off and a signature each have a place of their own", async () => {
    const body =
      "Hi all,\n\nOn Fri, Team Lead wrote:\n> is it done?\n\nProj\n====\n[A-1]\n* yes\n\n" +
      "=== Travel&Holiday&Event ===\nDec 24: holiday\n\nCheers,\nIngrid\n\n-- \nIngrid, Kernel team\n";
    const { body: parsed } = parse(body);
    expect(parsed).toMatchObject({
      greeting: "Hi all,",
      quote: "On Fri, Team Lead wrote:\n> is it done?\n",
      events: ["Dec 24: holiday"],
      sign_off: "Cheers,\nIngrid\n",
      signature: "-- \nIngrid, Kernel team\n",
    });
    expect(await rerender(body)).toBe(body);
  });
});

describe("parseBody: sections, footnotes, trailers", () => {
  it("footnotes at the end of the last section are that section's, wherever they are cited", async () => {
    const body = "A\n=\n[A-1]\n* see [1]\n\nB\n=\n[B-1]\n* none\n\n[1] https://example.org\n";
    const { body: parsed } = parse(body);
    expect(parsed.sections[1]!.references).toEqual({ "1": "https://example.org" });
    expect(await rerender(body)).toBe(body);
  });

  it("comment, section-wide progress and no entries", async () => {
    const body = "Proj\n====\n# why\n# and why not\nNo progress\n\nNext\n====\nNo update\n";
    expect(parse(body).body.sections).toEqual([
      { title: "Proj", comment: "why\nand why not\n", progress: "none", entries: [] },
      { title: "Next", progress: "no-update", entries: [] },
    ]);
    expect(await rerender(body)).toBe(body);
  });

  it("known trailers out of the template's order stay verbatim, so the order is kept", async () => {
    const body = "Proj\n====\n[A-1]\n* x\n\n=== Issues ===\n* broken\n\n=== Patch status ===\n    v1 sent\n";
    const { body: parsed } = parse(body);
    expect(parsed.issues).toEqual(["broken"]);
    expect(parsed.patches).toBeUndefined();
    expect(parsed.trailers).toEqual([{ title: "Patch status", text: "    v1 sent" }]);
    expect(await rerender(body)).toBe(body);
  });

  it("a known trailer that would not print back the same (numbered) is kept verbatim", async () => {
    const body = "Proj\n====\n[A-1]\n* x\n\n=== Issues ===\n1. a\n2. b\n\n\n=== Notes ===\nfree text\n";
    expect(parse(body).body.trailers).toEqual([
      { title: "Issues", text: "1. a\n2. b\n\n" },
      { title: "Notes", text: "free text" },
    ]);
    expect(await rerender(body)).toBe(body);
  });

  it("letter footnotes, indented footnotes, and footnotes after the trailers", async () => {
    const body =
      "Proj\n====\n[A-1]\n* see [a] and [b]\n\n  [a] https://a.example.org\n  [b] https://b.example.org\n\n" +
      "=== Patch status ===\n    v2 sent [1]\n\n  [1] https://lore.example.org/v2\n";
    const { body: parsed } = parse(body);
    expect(parsed.sections[0]!.references).toEqual({ a: "https://a.example.org", b: "https://b.example.org" });
    expect(parsed.references).toEqual({ "1": "https://lore.example.org/v2" });
    expect(parsed.style).toEqual({ footnote_indent: 2, references: "at-end" });
    expect(await rerender(body)).toBe(body);
  });

  it("issue bullets with continuation lines and blank lines between them", async () => {
    const body = "Proj\n====\n[A-1]\n* x\n\n=== Issues ===\n* one\n  still one\n\n* two\n";
    expect(parse(body).body.issues).toEqual(["one\nstill one\n\n", "two"]);
    expect(await rerender(body)).toBe(body);
  });
});

describe("parseBody: random bodies of every kind of line", () => {
  const KINDS = [
    "Proj",
    "====",
    "----",
    "[AB-1] (sum)",
    "[AB-2] bare",
    "[AB-3]",
    "(MISC)",
    "* note",
    "- dash",
    "  cont",
    "    deep",
    "",
    "",
    "",
    "  TODO: t",
    "  TODO:",
    "[1] http://x",
    "  [2] http://y",
    "      http://z",
    "No progress",
    "* No progress",
    "  No progress",
    "# c",
    "#",
    "=== Issues ===",
    "=== Patch status ===",
    "=== Travel&Holiday&Event ===",
    "=== X ===",
    "====== Y ======",
    "free text",
    "(a sentence.)",
    "   ",
    "\tTab",
    " one",
    "From: x",
    "*",
    "* ",
    "[1]x",
  ];
  let seed = 1;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  /**
   * Text a line carries: without whitespace, bullet marker, parentheses and = runs
   * (all printed differently, or not at all when empty).
   */
  const text = (l: string) =>
    l
      .replace(/[\s=]+/g, "")
      .replace(/^[*-]/, "")
      .replace(/[()]/g, "")
      .replace(/^TODO:$/, "");

  it("never throw, always validate, load back unchanged, lose no line's text, change none silently", async () => {
    for (let c = 0; c < 400; c++) {
      const lines = ["Proj", "====", ...Array.from({ length: 1 + next(30) }, () => KINDS[next(KINDS.length)]!)];
      while (isBlankLine(lines.at(-1))) lines.pop();
      const parsed = parseBody(lines, (i) => i + 1);
      const input = { week_ending: "2023-01-06", ...parsed.body };
      const report = Report.parse(input);
      expect(parseReport(stringifyReport(input), "2023-01-06.yaml").report).toEqual(report);
      const rendered = await renderModel(buildModel(report, Config.parse({}), { weekEnding: "2023-01-06" }), {
        format: "text",
      });
      // Where the text printed differs from the input, the importer's oracle says so.
      const expected = { lines, lineOf: (i: number) => i + 1, header: false, crlf: false };
      const source = { file: "x", line: 1, name: "x" };
      const said = await roundTrip(
        { source, weekEnding: "2023-01-06", report: input, checked: report, notices: [], expected },
        Config.parse({}),
      );
      const same = rendered.split("\n").slice(7).join("\n") === `${lines.join("\n")}\n`;
      expect(said.length === 0, JSON.stringify(lines)).toBe(same);
      const printed = rendered.split("\n").map(text);
      for (const line of lines.filter((l) => text(l) !== "" && !/^-+$/.test(l.trim()))) {
        expect(
          printed.some((p) => p.includes(text(line))),
          `${JSON.stringify(line)} of ${JSON.stringify(lines)}`,
        ).toBe(true);
      }
    }
  });
});

describe("weekReportedOn: the week a Date header falls in", () => {
  it.each([
    ["2023-01-06", "friday", "2023-01-06"], // Friday
    ["2023-01-07", "friday", "2023-01-06"], // Saturday: the week just ended
    ["2023-01-08", "friday", "2023-01-06"], // Sunday
    ["2023-01-09", "friday", "2023-01-13"], // Monday: this week
    ["2023-01-05", "thursday", "2023-01-05"],
    ["2023-01-07", "thursday", "2023-01-05"],
  ] as const)("%s with weeks ending on %s → %s", (date, endsOn, expected) => {
    expect(weekReportedOn(date, endsOn)).toBe(expected);
  });
});
