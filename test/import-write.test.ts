// stringifyReport: the YAML it writes loads back to the same strings (verbatim text), validates,
// and reads as text even to a YAML 1.1 reader.
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { parseReport } from "../src/report/load.js";
import { stringifyReport, type ReportInput } from "../src/report/write.js";

/** A report with one entry whose single note is `note`. */
const withNote = (note: string): ReportInput => ({
  week_ending: "2022-11-11",
  sections: [{ title: "Stratos", entries: [{ ticket: "STR-68", notes: [note] }] }],
});

/** Write, load back through the real loader, and return the note as loaded. */
function roundTripNote(note: string): { yaml: string; loaded: string } {
  const yaml = stringifyReport(withNote(note));
  const { report, problems } = parseReport(yaml, "t.yaml");
  expect(problems).toEqual([]);
  const notes = report!.sections[0]!.entries[0]!.notes!;
  return { yaml, loaded: notes[0]! };
}

describe("stringifyReport: text is verbatim", () => {
  it("keeps trailing spaces on lines", () => {
    const note = "queues \n  kato=30   \nlast  \n";
    const { yaml, loaded } = roundTripNote(note);
    expect(loaded).toBe(note);
    expect(yaml).toContain("  kato=30   \n");
  });

  it("keeps blank lines inside and after the text (|+ when the text ends in more than one newline)", () => {
    const note = "table\n\n\n  row\n\n";
    const { yaml, loaded } = roundTripNote(note);
    expect(loaded).toBe(note);
    expect(yaml).toMatch(/- \|\+\n/);
  });

  it("keeps indentation, with an indentation indicator when the first line starts with a space", () => {
    const note = "    $ sysctl -w vm.nr_hugepages=800\n  then\ndone\n";
    const { yaml, loaded } = roundTripNote(note);
    expect(loaded).toBe(note);
    expect(yaml).toMatch(/- \|\d\n/);
  });

  it("keeps whitespace-only lines and tabs", () => {
    const note = "a\n   \n\tb\n";
    expect(roundTripNote(note).loaded).toBe(note);
  });

  it("writes multi-line text as a literal block and one-line text plain", () => {
    const yaml = stringifyReport(withNote("one\ntwo\n"));
    expect(yaml).toContain("notes:\n          - |\n            one\n            two\n");
    expect(stringifyReport(withNote("Notified Ebba"))).toContain("- Notified Ebba\n");
  });
});

describe("stringifyReport: quoting", () => {
  const tricky = [
    "key: value inside text",
    "# not a comment",
    "- not a list item",
    "[not a flow list",
    "{not a map",
    "2022-11-11",
    "2022-1-1 10:00",
    "12",
    "3.5",
    "1_000",
    "1:20",
    "true",
    "yes",
    "No",
    "off",
    "null",
    "~",
    "* not an alias",
    "& not an anchor",
    "! not a tag",
    "| not a block",
    "> not a block",
    "% not a directive",
    "@reserved",
    "trailing space ",
    " leading space",
    "",
  ];

  it.each(tricky)("%j loads back as the same string, in YAML 1.2 and 1.1", (text) => {
    const report: ReportInput = {
      sections: [{ title: "T", entries: [{ label: "MISC", notes: [text] }] }],
      events: [text],
    };
    const yaml = stringifyReport(report);
    for (const version of ["1.2", "1.1"] as const) {
      const data = parse(yaml, { version }) as { events: unknown[]; sections: { entries: { notes: unknown[] }[] }[] };
      expect(data.events[0]).toBe(text);
      expect(data.sections[0]!.entries[0]!.notes[0]).toBe(text);
    }
  });

  it('leaves "none" and plain words unquoted', () => {
    const yaml = stringifyReport({
      sections: [{ title: "Stratos", entries: [{ ticket: "STR-76", progress: "none" }] }],
    });
    expect(yaml).toContain("progress: none\n");
    expect(yaml).toContain("title: Stratos\n");
  });

  it("writes week_ending as a plain date and footnote numbers as plain keys", () => {
    const yaml = stringifyReport({
      week_ending: "2022-11-11",
      sections: [],
      references: { "1": "https://a", "2": ["https://b", "https://c"] },
    });
    expect(yaml).toMatch(/^week_ending: 2022-11-11\n/);
    expect(yaml).toContain("\nreferences:\n  1: https://a\n  2:\n    - https://b\n    - https://c\n");
    expect(parseReport(yaml, "2022-11-11.yaml").report!.references).toEqual({
      "1": ["https://a"],
      "2": ["https://b", "https://c"],
    });
  });
});

describe("stringifyReport: layout", () => {
  it("puts the yaml-language-server schema line first only when asked", () => {
    const report = withNote("x");
    expect(stringifyReport(report)).not.toContain("yaml-language-server");
    expect(stringifyReport(report, { schemaPath: "../schema/report.schema.json" })).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schema\/report\.schema\.json\nweek_ending:/,
    );
  });

  it("leaves a blank line before sections:, between sections and before the trailing lists", () => {
    const yaml = stringifyReport({
      week_ending: "2022-11-11",
      bcc: [],
      sections: [
        { title: "A", progress: "none" },
        { title: "B", progress: "none" },
      ],
      patches: ["p"],
    });
    expect(yaml).toBe(
      "week_ending: 2022-11-11\nbcc: []\n\nsections:\n  - title: A\n    progress: none\n\n" +
        "  - title: B\n    progress: none\n\npatches:\n  - p\n",
    );
  });
});
