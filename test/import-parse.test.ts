// parseBody on small bodies: what each construct becomes, that it prints back the same (or is
// named as normalized), and that text with no place of its own is kept and named.
import { describe, expect, it } from "vitest";
import { Config } from "../src/config/schema.js";
import { weekReportedOn } from "../src/report/week.js";
import { parseBody } from "../src/import/parse-body.js";
import { buildModel } from "../src/model/build.js";
import { renderModel } from "../src/render/render.js";
import { parseReport } from "../src/report/load.js";
import { Report } from "../src/report/schema.js";
import { stringifyReport } from "../src/report/write.js";

const parse = (body: string, width = 80) => parseBody(body.replace(/\n$/, "").split("\n"), (i) => i + 1, width);

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
  it("a TODO with notes after it stays inside the note before it (the template prints TODOs last)", async () => {
    const body = "Proj\n====\n[A-1]\n* first\n\n  TODO: later\n\n* second\n";
    expect(parse(body).body.sections[0]!.entries![0]).toEqual({
      ticket: "A-1",
      notes: ["first\n\nTODO: later\n", "second"],
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

  it("a sentence in parentheses is no label: it is kept as a note and named", async () => {
    const body = "Proj\n====\n[A-1]\n* did\n\n(Even ping did not pass.)\n\n[A-2]\n* more\n";
    expect(messages(body)).toEqual([
      '6: unplaced: the report has no place for "(Even ping did not pass.)"; ' +
        'this line kept as a note of A-1 in section "Proj": move or delete it',
    ]);
    expect(await rerender(body)).toBe(body.replace("(Even", "* (Even"));
  });

  it("text before the section's first entry goes to an UNSORTED entry, named with its lines", () => {
    const { body, notices } = parse("Proj\n====\nsome words\nmore words\n\n[A-1]\n* x\n");
    expect(body.sections[0]!.entries![0]).toEqual({ label: "UNSORTED", notes: ["some words\nmore words\n"] });
    expect(notices.map((n) => n.message)).toEqual([
      'unplaced: the report has no place for "some words"; ' +
        'lines 3-4 kept as a note of (UNSORTED) in section "Proj": move or delete it',
    ]);
  });

  it("names a heading the template would cut at summary_width", () => {
    const long = `[A-1] (${"word ".repeat(20).trim()})`;
    expect(parse(`Proj\n====\n${long}\n* x\n`, 60).notices.map((n) => n.message)).toEqual([
      'the heading is longer than summary_width (60) and renders cut with " ..."; ' +
        "raise summary_width in weekly.config.yaml to print it whole",
    ]);
  });

  it("names each normalization: a short underline, a bare summary, indentation, a bullet unlike the first", () => {
    expect(messages("Proj\n---\n[A-1] plain summary\n- dash\n one space\n\n* star\n")).toEqual([
      '2: normalized: the title "Proj" prints underlined with ----',
      '3: normalized: "[A-1] plain summary" renders as "[A-1] (plain summary)"',
      '5: normalized: indentation of " one space"; the report indents continuation lines by two spaces',
      '7: normalized: "* star" renders as "- star"',
    ]);
  });
});

describe("parseBody: sections, footnotes, trailers", () => {
  it("footnotes at the end that only earlier sections use are the report's own", async () => {
    const body = "A\n=\n[A-1]\n* see [1]\n\nB\n=\n[B-1]\n* none\n\n[1] https://example.org\n";
    const { body: parsed } = parse(body);
    expect(parsed.references).toEqual({ "1": "https://example.org" });
    expect(parsed.sections[1]!.references).toBeUndefined();
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

  it("a known trailer that would not print back the same (- bullets) is kept verbatim", async () => {
    const body = "Proj\n====\n[A-1]\n* x\n\n=== Issues ===\n- a\n- b\n\n\n=== Notes ===\nfree text\n";
    expect(parse(body).body.trailers).toEqual([
      { title: "Issues", text: "- a\n- b\n\n" },
      { title: "Notes", text: "free text" },
    ]);
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

  it("never throw, always validate, load back from YAML unchanged, and lose no line's text", async () => {
    for (let c = 0; c < 400; c++) {
      const lines = ["Proj", "====", ...Array.from({ length: 1 + next(30) }, () => KINDS[next(KINDS.length)]!)];
      const input = { week_ending: "2023-01-06", ...parseBody(lines, (i) => i + 1, 80).body };
      const report = Report.parse(input);
      expect(parseReport(stringifyReport(input), "2023-01-06.yaml").report).toEqual(report);
      const printed = (
        await renderModel(buildModel(report, Config.parse({}), { weekEnding: "2023-01-06" }), { format: "text" })
      )
        .split("\n")
        .map(text);
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
