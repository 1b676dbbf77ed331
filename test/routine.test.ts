// The weekly routine: init, new (carry over), add. Files in temp folders; dates passed in.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira, type FakeJira } from "./fake-jira/server.js";
import { ROOT, run, tmpProject } from "./helpers.js";

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const EXAMPLE_0411 = readFileSync(join(ROOT, "examples/reports/2022-11-04.yaml"), "utf8");

describe("weekly init", () => {
  it("writes weekly.config.yaml from flags without asking when stdin is not a terminal", async () => {
    const dir = tmpProject();
    const r = await run(
      [
        "init",
        "--name",
        "Jane Doe",
        "--email",
        "jane@example.com",
        "--to",
        "lead@example.com,boss@example.com",
        "--jira-url",
        "https://example.atlassian.net",
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("weekly.config.yaml\n");
    const text = read(dir, "weekly.config.yaml");
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/config\.schema\.json\n/);
    expect(text).toContain(
      "from: Jane Doe <jane@example.com>\nto:\n  - lead@example.com\n  - boss@example.com\ncc: []\n" +
        "week_ends_on: friday\nreports_dir: reports\njira:\n  url: https://example.atlassian.net\n",
    );
    expect(existsSync(join(dir, "reports"))).toBe(true);
    // The config drives the routine: the first week starts in reports/, its email is from and to whom init said.
    expect(await run(["new", "--date", "2024-06-12"], { cwd: dir })).toMatchObject({
      code: 0,
      stdout: "reports/2024-06-14.yaml\n",
    });
    const eml = await run(["render", "-f", "eml", "reports/2024-06-14.yaml"], { cwd: dir });
    expect(eml.code).toBe(0);
    expect(eml.stdout).toMatch(/^From: Jane Doe <jane@example\.com>\r\nTo: lead@example\.com, boss@example\.com\r\n/m);
  });

  it("splits --to as mail clients do, refuses to write an empty config, and names the bad email itself", async () => {
    const dir = tmpProject();
    const quoted = await run(
      ["init", "--email", "me@example.com", "--to", '"Lead, The" <lead@example.com>, b@example.com'],
      {
        cwd: dir,
      },
    );
    expect(quoted.code).toBe(0);
    expect(read(dir, "weekly.config.yaml")).toContain(
      "to:\n  - '\"Lead, The\" <lead@example.com>'\n  - b@example.com\n",
    );
    const empty = tmpProject();
    expect(await run(["init"], { cwd: empty })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "no terminal to ask on: give --name, --email and --to (and --jira-url if you use Jira); nothing written\n",
    });
    expect(existsSync(join(empty, "weekly.config.yaml"))).toBe(false);
    const bad = await run(["init", "--name", "X Y", "--email", "bad", "--to", "l@example.com"], { cwd: empty });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^--email: expected an address like .*, got "bad"\n$/);
  });

  it("never overwrites a config without --force; a bad address is a usage error", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "from: me@example.com\n" });
    const again = await run(["init", "--email", "x@example.com"], { cwd: dir });
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr: "weekly.config.yaml already exists here; use --force to replace it\n",
    });
    expect(read(dir, "weekly.config.yaml")).toBe("from: me@example.com\n");
    const bad = await run(["init", "--force", "--email", "not-an-address"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      '--email: expected an address like "Jane Doe <jane@example.com>" or "jane@example.com", got "not-an-address"\n',
    );
    expect((await run(["init", "--force", "--email", "x@example.com"], { cwd: dir })).code).toBe(0);
    expect(read(dir, "weekly.config.yaml")).toContain("from: x@example.com\n");
  });

  it("asks for what is missing on a terminal, and asks again after a bad address", async () => {
    const dir = tmpProject();
    const { main } = await import("../src/cli.js");
    const { Readable } = await import("node:stream");
    let err = "";
    const code = await main(["init", "--name", "Jane"], {
      cwd: dir,
      env: {},
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
      now: () => new Date("2024-06-14T10:00:00Z"),
      stdin: Readable.from([
        "jane-at-example\njane@example.com\nLead Person <lead@example.com>, x@example.com\n\n" +
          "not a url at all\nexample.atlassian.net\nweeks\n",
      ]),
      stdinIsTTY: true,
    });
    expect(code).toBe(0);
    expect(err).toContain("Your email: ");
    expect(err).toContain(
      'expected an address like jane@example.com or "Jane Doe <jane@example.com>"; got "jane-at-example"; try again',
    );
    expect(read(dir, "weekly.config.yaml")).toContain(
      "from: Jane <jane@example.com>\nto:\n  - Lead Person <lead@example.com>\n  - x@example.com\ncc: []\n" +
        "week_ends_on: friday\nreports_dir: weeks\njira:\n  url: https://example.atlassian.net\n",
    );
  });
});

describe("weekly new", () => {
  it(
    "carries last week over: tickets and TODOs stay, notes become 'no progress', " +
      "uncited footnotes go, patches and coming events stay",
    async () => {
      const dir = tmpProject({
        "weekly.config.yaml": "from: a@example.com\n",
        "reports/2022-11-04.yaml": EXAMPLE_0411,
      });
      const r = await run(["new", "--date", "2022-11-09"], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("reports/2022-11-11.yaml\n");
      expect(r.stderr).toBe(
        "footnotes [1], [2] left out: no longer cited\nfootnotes [3], [4] left out: no longer cited\n",
      );
      const text = read(dir, "reports/2022-11-11.yaml");
      expect(text).toContain(
        "# yaml-language-server: $schema=../../schema/report.schema.json\n# The week of 2022-11-04",
      );
      expect(text).toContain("bcc: [] # this week nobody gets a blind copy");
      expect(text).toContain(
        "      - ticket: STR-68\n        summary: network latency behaviour with VMs\n" +
          "        todo:\n          - |\n            find out a generic configuration",
      );
      expect(text).not.toContain("notes:");
      expect(text).not.toContain("references");
      expect(text).toContain('patches:\n  - "uboot/SETUP_EARLY v1: submitted on 10/21"');
      expect(text).toContain('events:\n  - "Nov 23: Labor Thanksgiving Day (public holiday)"');
      const rendered = await run(["render", "reports/2022-11-11.yaml"], { cwd: dir });
      expect(rendered.stderr).toBe("");
      expect(rendered.stdout).toContain(
        "[STR-68] (network latency behaviour with VMs)\n* No progress\n\n  TODO: find out",
      );
      expect(rendered.stdout).toContain("(MISC)\n* No progress\n");
    },
  );

  it("renumbers the footnotes still cited, drops past events, and keeps notes as comments when asked", async () => {
    const last = `week_ending: 2024-06-07
sections:
  - title: A
    entries:
      - ticket: AB-1
        notes: ["see [1]"]
        todo: ["read [3] again"]
    references:
      1: https://one.example
      3: https://three.example
events:
  - "Jun 3: public holiday"
  - "2024-06-20: conference"
  - someday a team dinner
`;
    const dir = tmpProject({ "weekly.config.yaml": "carry_notes: comment\n", "reports/2024-06-07.yaml": last });
    const r = await run(["new", "--date", "2024-06-10"], { cwd: dir });
    expect(r.stderr).toBe(
      'footnote [1] left out: no longer cited\nevent left out (past): "Jun 3: public holiday"\n' +
        'event kept (its date is not clear): "someday a team dinner"\n',
    );
    expect(read(dir, "reports/2024-06-14.yaml")).toBe(`week_ending: 2024-06-14
sections:
  - title: A
    entries:
      - ticket: AB-1
        todo: ["read [1] again"]
        # last week:
        # - see [1]
        progress: none
    references:
      1: https://three.example
events:
  - "2024-06-20: conference"
  - someday a team dinner
`);
  });

  it("refuses to overwrite the week without --force, and starts from scratch without history", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "" });
    const first = await run(["new", "--date", "2024-06-12"], { cwd: dir });
    expect(first.stdout).toBe("reports/2024-06-14.yaml\n");
    expect(first.stderr).toBe("no earlier report in reports: started reports/2024-06-14.yaml from scratch\n");
    expect((await run(["check", "reports/2024-06-14.yaml"], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, "reports/2024-06-14.yaml"), "# mine\nsections: [{title: A, progress: none}]\n");
    const again = await run(["new", "--date", "2024-06-12"], { cwd: dir });
    expect(again).toEqual({
      code: 2,
      stdout: "",
      stderr: "reports/2024-06-14.yaml already exists; edit it, or use --force to start it again\n",
    });
    expect(read(dir, "reports/2024-06-14.yaml")).toBe("# mine\nsections: [{title: A, progress: none}]\n");
    const forced = await run(["new", "--date", "2024-06-12", "--force"], { cwd: dir });
    expect(forced.stderr).toContain("the week you replaced is kept as reports/2024-06-14.yaml.bak\n");
    await run(["new", "--date", "2024-06-12", "--force"], { cwd: dir });
    expect(read(dir, "reports/2024-06-14.yaml.bak")).toBe("# mine\nsections: [{title: A, progress: none}]\n");
    expect(existsSync(join(dir, "reports/2024-06-14.yaml.bak-2"))).toBe(true);
  });

  it("takes the week from today in the configured time zone and weekday", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "timezone: Asia/Tokyo\nweek_ends_on: thursday\n" });
    // Thursday 2024-06-13 23:30 UTC is already Friday the 14th in Tokyo: the next week.
    const r = await run(["new"], { cwd: dir, now: new Date("2024-06-13T23:30:00Z") });
    expect(r.stdout).toBe("reports/2024-06-20.yaml\n");
    const utc = tmpProject({ "weekly.config.yaml": "timezone: UTC\nweek_ends_on: thursday\n" });
    expect((await run(["new"], { cwd: utc, now: new Date("2024-06-13T23:30:00Z") })).stdout).toBe(
      "reports/2024-06-13.yaml\n",
    );
  });

  it("refuses a last week that has errors, naming it", async () => {
    const dir = tmpProject({ "reports/2024-06-07.yaml": "sections: 3\n" });
    const r = await run(["new", "--date", "2024-06-12"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "reports/2024-06-07.yaml: last week's report has errors; fix them first (weekly check reports/2024-06-07.yaml)",
    );
  });
});

describe("weekly new with Jira", () => {
  let jira: FakeJira | undefined;
  afterEach(async () => {
    await jira?.close();
    jira = undefined;
  });

  it("--from-jira adds my open tickets to their project's section; --drop-done leaves done ones out", async () => {
    jira = await startFakeJira({
      deployment: "cloud",
      myself: { displayName: "Jane Doe" },
      issues: [
        { key: "AB-1", summary: "carried, done", status: "Done", assignee: "Jane Doe" },
        { key: "AB-2", summary: "carried, open", status: "In Progress", assignee: "Jane Doe" },
        { key: "AB-3", summary: "new to the report", status: "To Do", assignee: "Jane Doe" },
        { key: "CD-9", summary: "another project", status: "In Progress", assignee: "Jane Doe" },
        { key: "AB-4", summary: "someone else's", status: "To Do", assignee: "Other" },
      ],
    });
    const last =
      "sections:\n  - title: Alpha\n    entries:\n      - ticket: AB-1\n        notes: [x]\n" +
      "      - ticket: AB-2\n        notes: [y]\n";
    const dir = tmpProject({
      "weekly.config.yaml": `jira:\n  url: ${jira.url}\n  deployment: cloud\n`,
      "reports/2024-06-07.yaml": last,
    });
    const env = { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "t", WEEKLY_CACHE_DIR: join(dir, "cache") };
    const flagged = await run(["new", "--date", "2024-06-12", "--from-jira"], { cwd: dir, env });
    expect(flagged.code).toBe(0);
    expect(flagged.stderr).toContain(
      "AB-1 is Done in Jira; still carried over (--drop-done leaves done tickets out)\n",
    );
    expect(flagged.stderr).toContain("added AB-3 (new to the report) from Jira: yours and not done\n");
    const text = read(dir, "reports/2024-06-14.yaml");
    expect(text).toContain(
      "      - ticket: AB-2\n        progress: none\n      - ticket: AB-3\n        progress: none\n" +
        "  - title: CD\n    entries:\n      - ticket: CD-9\n        progress: none\n",
    );
    expect(text).not.toContain("AB-4");
    const dropped = await run(["new", "--date", "2024-06-12", "--drop-done", "--force"], { cwd: dir, env });
    expect(dropped.stderr).toContain("AB-1 left out: done in Jira (--drop-done)\n");
    expect(read(dir, "reports/2024-06-14.yaml")).not.toContain("AB-1");
  });
});

describe("weekly add", () => {
  const week = `# my notes for the week
sections:
  - title: Alpha
    entries:
      - ticket: AB-1   # the big one
        progress: none
      - ticket: AB-2
        notes:
          - first
  - title: Beta
    entries:
      - label: MISC
        notes: [one]
`;

  it("appends to the ticket's entry, drops its 'no progress', keeps comments and layout", async () => {
    const dir = tmpProject({ "reports/2024-06-14.yaml": week });
    const r = await run(["add", "AB-1", "tried OVS with AF_XDP", "--date", "2024-06-12"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'reports/2024-06-14.yaml: [AB-1] in "Alpha"\n', stderr: "" });
    const multi = await run(["add", "AB-2", "ran it:\n\n  $ make test", "--date", "2024-06-12"], { cwd: dir });
    expect(multi.code).toBe(0);
    expect(read(dir, "reports/2024-06-14.yaml")).toBe(`# my notes for the week
sections:
  - title: Alpha
    entries:
      - ticket: AB-1 # the big one
        notes:
          - tried OVS with AF_XDP
      - ticket: AB-2
        notes:
          - first
          - |-
            ran it:

              $ make test
  - title: Beta
    entries:
      - label: MISC
        notes: [one]
`);
    const out = await run(["render", "reports/2024-06-14.yaml"], { cwd: dir });
    expect(out.stdout).toContain("[AB-2]\n* first\n\n* ran it:\n\n    $ make test\n");
  });

  it(
    "creates the entry in the section of its project, or in --section (new if needed); " + "labels with --label",
    async () => {
      const dir = tmpProject({ "reports/2024-06-14.yaml": week });
      expect((await run(["add", "AB-7", "new ticket", "--date", "2024-06-12"], { cwd: dir })).stdout).toBe(
        'reports/2024-06-14.yaml: [AB-7] in "Alpha" (new entry)\n',
      );
      expect(
        (await run(["add", "ZZ-1", "elsewhere", "-s", "Gamma", "--date", "2024-06-12"], { cwd: dir })).stdout,
      ).toBe('reports/2024-06-14.yaml: [ZZ-1] in "Gamma" (new entry)\n');
      expect((await run(["add", "--label", "MISC", "two", "--date", "2024-06-12"], { cwd: dir })).stdout).toBe(
        'reports/2024-06-14.yaml: (MISC) in "Beta"\n',
      );
      const text = read(dir, "reports/2024-06-14.yaml");
      expect(text).toContain("      - ticket: AB-7\n        notes:\n          - new ticket\n  - title: Beta");
      expect(text).toContain(
        "  - title: Gamma\n    entries:\n      - ticket: ZZ-1\n        notes:\n          - elsewhere\n",
      );
      expect(text).toContain("notes: [one, two]");
      const nowhere = await run(["add", "QQ-1", "where?", "--date", "2024-06-12"], { cwd: dir });
      expect(nowhere).toEqual({
        code: 2,
        stdout: "",
        stderr: 'no section holds QQ tickets yet; name one with --section (there are "Alpha", "Beta", "Gamma")\n',
      });
      const swapped = await run(["add", "BA-1", "typo", "--date", "2024-06-12"], { cwd: dir });
      expect(swapped.stderr).toBe(
        "no section holds BA tickets yet; did you mean AB-1? " +
          'If not, name one with --section (there are "Alpha", "Beta", "Gamma")\n',
      );
    },
  );

  it(
    "keeps the file as the user has it: through a symlink, its mode, CRLF line ends; " + "refuses a broken report",
    async () => {
      const { chmodSync, mkdirSync, statSync, symlinkSync, lstatSync } = await import("node:fs");
      const dir = tmpProject({ "store/week.yaml": week.replace(/\n/g, "\r\n") });
      chmodSync(join(dir, "store/week.yaml"), 0o600);
      mkdirSync(join(dir, "reports"));
      symlinkSync("../store/week.yaml", join(dir, "reports/2024-06-14.yaml"));
      const r = await run(["add", "AB-2", "second", "--date", "2024-06-12"], { cwd: dir });
      expect(r.code).toBe(0);
      expect(lstatSync(join(dir, "reports/2024-06-14.yaml")).isSymbolicLink()).toBe(true);
      const stored = read(dir, "store/week.yaml");
      expect(stored).toContain("          - first\r\n          - second\r\n");
      expect(stored.replace(/\r\n/g, "")).not.toContain("\n");
      expect(statSync(join(dir, "store/week.yaml")).mode & 0o777).toBe(0o600);
      writeFileSync(join(dir, "store/week.yaml"), week.replace("label: MISC", "label: MISC\n        notez: [x]"));
      const broken = await run(["add", "AB-2", "third", "--date", "2024-06-12"], { cwd: dir });
      expect(broken.code).toBe(1);
      expect(broken.stderr).toBe(
        "nothing added: fix the report first (reports/2024-06-14.yaml:13:9: sections[1].entries[0].notez: " +
          'unknown field "notez"; did you mean "notes"?; weekly check reports/2024-06-14.yaml)\n',
      );
    },
  );

  it("catches a typo'd key, a missing week, and (with Jira) a key Jira does not know", async () => {
    const dir = tmpProject({ "reports/2024-06-14.yaml": week });
    const typo = await run(["add", "ab1", "x", "--date", "2024-06-12"], { cwd: dir });
    expect(typo).toEqual({
      code: 2,
      stdout: "",
      stderr: '"ab1" is not a Jira key like STR-68; did you mean AB-1? (for work without a ticket: --label "ab1")\n',
    });
    const missing = await run(["add", "AB-1", "x", "--date", "2024-06-20"], { cwd: dir });
    expect(missing).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "no report for the week ending 2024-06-21 (reports/2024-06-21.yaml); " +
        "start it with: weekly new --date 2024-06-20\n",
    });
    const jira = await startFakeJira({ deployment: "cloud", issues: [{ key: "AB-1", summary: "s" }] });
    try {
      writeFileSync(join(dir, "weekly.config.yaml"), `jira:\n  url: ${jira.url}\n  deployment: cloud\n`);
      const env = { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "t", WEEKLY_CACHE_DIR: join(dir, "cache") };
      const unknown = await run(["add", "AB-99", "x", "--date", "2024-06-12"], { cwd: dir, env });
      expect(unknown).toEqual({
        code: 1,
        stdout: "",
        stderr: "AB-99 is not in Jira (or not visible to you); a typo? nothing added\n",
      });
      expect((await run(["add", "AB-1", "ok", "--date", "2024-06-12"], { cwd: dir, env })).code).toBe(0);
    } finally {
      await jira.close();
    }
    expect(read(dir, "reports/2024-06-14.yaml")).not.toContain("AB-99");
  });
});

describe("event dates", () => {
  it("an event counts by its last day: ranges over months, days and years", async () => {
    const { eventEnd } = await import("../src/report/event-dates.js");
    expect(eventEnd("Nov 23: Labor Thanksgiving Day", "2022-11-05")).toBe("2022-11-23");
    expect(eventEnd("Dec 24-Jan 4: holidays", "2026-12-26")).toBe("2027-01-04");
    expect(eventEnd("Nov 28-Dec 10: vacation", "2026-11-28")).toBe("2026-12-10");
    expect(eventEnd("Nov 23-25: conference", "2022-11-19")).toBe("2022-11-25");
    expect(eventEnd("2022-11-23..2022-11-25 LPC", "2022-11-19")).toBe("2022-11-25");
    expect(eventEnd("12/10 dentist", "2022-12-03")).toBe("2022-12-10");
    expect(eventEnd("team dinner some day", "2022-12-03")).toBeUndefined();
  });
});
