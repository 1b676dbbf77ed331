// weekly check: every problem of every file, one line each as file:line:col: path: message.
import { describe, expect, it } from "vitest";
import { run, tmpProject } from "./helpers.js";

const CONFIG = "from: Jane Doe <jane@example.com>\nto: lead@example.com\n";
const ok = `week_ending: 2024-06-14
sections:
  - title: Kernel
    entries:
      - ticket: KRN-1
        notes: [did a thing]
`;

describe("weekly check", () => {
  it("passes a valid file with a one-line summary on stdout", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-14.yaml": ok });
    const r = await run(["check", "reports/2024-06-14.yaml"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "1 file checked: 0 errors, 0 warnings\n", stderr: "" });
  });

  it("reports every schema problem of a file with line:col, path and a did-you-mean", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": CONFIG,
      "2024-06-14.yaml": `sections:
  - title: Kernel
    entires: []
    entries:
      - ticket: str68
        notez: [x]
      - label: MISC
        ticket: KRN-2
      - summary: nothing else
      - ticket: KRN-3
        progress: nope
patches:
  - uboot/foo v1: submitted on 10/21
`,
    });
    const r = await run(["check", "2024-06-14.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")).toEqual([
      '2024-06-14.yaml:3:5: sections[0].entires: unknown field "entires"; did you mean "entries"?',
      "2024-06-14.yaml:5:17: sections[0].entries[0].ticket: " +
        'expected a Jira key like STR-68, got "str68"; did you mean STR-68?',
      '2024-06-14.yaml:6:9: sections[0].entries[0].notez: unknown field "notez"; did you mean "notes"?',
      "2024-06-14.yaml:7:9: sections[0].entries[1]: an entry has one of ticket, tickets or label, not several",
      "2024-06-14.yaml:9:9: sections[0].entries[2]: " +
        "an entry needs a ticket (like STR-68) or a label (like MISC); without one it holds only text:",
      '2024-06-14.yaml:11:19: sections[0].entries[3].progress: expected one of "none", "no-update", got "nope"',
      "2024-06-14.yaml:13:5: patches[0]: expected text, got a mapping " +
        '(unquoted text with ": " in it reads as "key: value"; put the whole line in quotes)',
      "1 file checked: 7 errors, 0 warnings",
      "",
    ]);
    expect(r.stdout).toBe("");
  });

  it("flags a ticket reported twice with both line numbers, and footnote mistakes", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": CONFIG,
      "2024-06-14.yaml": `sections:
  - title: A
    entries:
      - ticket: KRN-1
        notes: ["see [1] and [3]"]
      - ticket: KRN-1
        progress: none
  - title: B
    entries:
      - ticket: KRN-1
        notes: [next week]
    references:
      1: https://example.com/one
      2: https://example.com/two
`,
    });
    const r = await run(["check", "2024-06-14.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "2024-06-14.yaml:5:17: warning: sections[0].entries[0].notes[0]: " +
        "footnote [3] is used but not defined; add it under references:",
    );
    // Twice in one section: a block pasted twice, an error; in another section (This week / Next week) a warning.
    expect(r.stderr).toContain(
      "2024-06-14.yaml:6:17: sections[0].entries[1].ticket: KRN-1 is reported twice: " +
        "here and at line 4 (sections[0].entries[0].ticket); was a block pasted twice?",
    );
    expect(r.stderr).toContain(
      "2024-06-14.yaml:10:17: warning: sections[1].entries[0].ticket: KRN-1 is in two sections: " +
        "here and at line 4 (sections[0].entries[0].ticket); weekly push posts one comment per ticket",
    );
    expect(r.stderr).toContain(
      "2024-06-14.yaml:14:7: warning: sections[1].references.2: footnote [2] is defined but never used in the text",
    );
    expect(r.stderr).toMatch(/1 file checked: 1 error, 3 warnings\n$/);
  });

  it(
    "warns on an empty section and a week that does not end on the configured day; " + "--strict fails on warnings",
    async () => {
      const dir = tmpProject({
        "weekly.config.yaml": CONFIG,
        "r.yaml": "week_ending: 2024-06-13\nsections:\n  - title: Empty\n",
      });
      const lenient = await run(["check", "r.yaml"], { cwd: dir });
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toBe(
        "r.yaml:1:14: warning: week_ending: 2024-06-13 is a Thursday; " +
          "weeks end on Friday (week_ends_on in weekly.config.yaml)\n" +
          'r.yaml:3:5: warning: sections[0]: section "Empty" has no entries; add one, or say `progress: none`\n',
      );
      expect(lenient.stdout).toBe("1 file checked: 0 errors, 2 warnings\n");
      const strict = await run(["check", "--strict", "r.yaml"], { cwd: dir });
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(/1 file checked: 0 errors, 2 warnings \(--strict: warnings fail\)\n$/);
    },
  );

  it("takes the weekday from weekly.config.yaml, and an error when the date disagrees with the file name", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "week_ends_on: thursday\n",
      "2024-06-13.yaml": "week_ending: 2024-06-20\nsections: [{title: A, progress: none}]\n",
    });
    const r = await run(["check", "2024-06-13.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "2024-06-13.yaml:1:14: week_ending: week_ending is 2024-06-20 but the file is named 2024-06-13.yaml; " +
        "one of them is wrong\n1 file checked: 1 error, 0 warnings\n",
    );
  });

  it("needs a date from somewhere", async () => {
    const dir = tmpProject({ "report.yaml": "sections: [{title: A, progress: none}]\n" });
    const r = await run(["check", "report.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("report.yaml:1:1: no week_ending: date, and the file name does not say one");
  });

  it("checks several files and reports all of them before failing", async () => {
    const dir = tmpProject({ "2024-06-14.yaml": ok, "2024-06-21.yaml": "sections: {}\n", "2024-06-28.yaml": "" });
    const r = await run(["check", "2024-06-14.yaml", "2024-06-21.yaml", "2024-06-28.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "2024-06-21.yaml:1:11: sections: expected a list, got a mapping\n" +
        "2024-06-28.yaml: is empty; a report needs at least a `sections:` list (see `weekly schema`)\n" +
        "3 files checked: 2 errors, 0 warnings\n",
    );
  });

  it("the examples are valid (the 2022-11-11 email cites footnotes it never lists: two warnings)", async () => {
    const r = await run(["check", "examples/reports/2022-11-04.yaml", "examples/reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("2 files checked: 0 errors, 2 warnings\n");
  });
});

describe("text that YAML reads differently from how it looks", () => {
  it("warns of an unquoted ' #' (YAML cuts the text there) and of multi-line text without |", async () => {
    const dir = tmpProject({
      "2024-06-14.yaml": `sections:
  - title: A
    entries:
      - ticket: AB-1
        summary: Fix refund bug #42
        notes:
          - Fixed bug #123 in the parser
          - an intended comment  # is fine
          - Ran the migration on staging, then
              $ make migrate
            and it passed.
          - |
            a block keeps #1 as text
issues:
  - Blocked on infra #ops-help
`,
    });
    const r = await run(["check", "2024-06-14.yaml"], { cwd: dir });
    expect(r.stderr).toBe(
      '2024-06-14.yaml:5:18: warning: sections[0].entries[0].summary: the text stops before " #42": ' +
        'YAML reads " #" as the start of a comment; put the whole text in quotes\n' +
        '2024-06-14.yaml:7:13: warning: sections[0].entries[0].notes[0]: the text stops before " #123": ' +
        'YAML reads " #" as the start of a comment; put the whole text in quotes\n' +
        "2024-06-14.yaml:9:13: warning: sections[0].entries[0].notes[2]: this text spans several lines without `|`: " +
        "YAML joins them into one line; write `|` and put the text on the lines below it, indented\n" +
        '2024-06-14.yaml:15:5: warning: issues[0]: the text stops before " #ops-help": ' +
        'YAML reads " #" as the start of a comment; put the whole text in quotes\n',
    );
    expect(r.stdout).toBe("1 file checked: 0 errors, 4 warnings\n");
  });
});

describe("entries with nothing to say", () => {
  it("warns of an entry without notes, TODOs or progress", async () => {
    const dir = tmpProject({
      "2024-06-14.yaml":
        "sections:\n  - title: A\n    entries:\n      - ticket: AB-1\n      - label: MISC\n        todo: [later]\n",
    });
    const r = await run(["check", "2024-06-14.yaml"], { cwd: dir });
    expect(r.stderr).toBe(
      "2024-06-14.yaml:4:9: warning: sections[0].entries[0]: AB-1 has nothing to say: add notes, or `progress: none`\n",
    );
  });
});

describe("weekly check with no file", () => {
  it("checks the newest report of reports_dir, and says so when there is none", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": CONFIG,
      "reports/2024-06-07.yaml": ok.replace("2024-06-14", "2024-06-07"),
      "reports/2024-06-14.yaml": "sections: 3\n",
    });
    const r = await run(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "reports/2024-06-14.yaml\nreports/2024-06-14.yaml:1:11: sections: expected a list, got number 3\n" +
        "1 file checked: 1 error, 0 warnings\n",
    );
    const empty = tmpProject({ "weekly.config.yaml": CONFIG });
    expect((await run(["check"], { cwd: empty })).stderr).toBe(
      "no report file given, and no YYYY-MM-DD.yaml up to this week (2024-06-14) in reports " +
        "(reports_dir of weekly.config.yaml); name one: weekly check FILE\n",
    );
  });
});
