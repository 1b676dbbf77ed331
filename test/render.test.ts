// weekly render: formats, templates, the model as JSON and back, config lookup and overrides.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, tmpProject } from "./helpers.js";

const golden = (name: string) => readFileSync(join(ROOT, "test/golden", name), "utf8");
const REPORT = `week_ending: 2024-06-14
sections:
  - title: Kernel
    entries:
      - ticket: KRN-7
        summary: Make the scheduler tick less often on idle CPUs in the big.LITTLE cluster
        notes: [sent v2]
`;

describe("weekly render", () => {
  for (const date of ["2022-11-04", "2022-11-11"]) {
    it(`--format md of ${date} matches its golden file`, async () => {
      const r = await run(["render", "--format", "md", `examples/reports/${date}.yaml`]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(golden(`${date}.md`));
    });

    it(`--context then --from-context gives the same text for ${date}`, async () => {
      const ctx = await run(["render", "--context", `examples/reports/${date}.yaml`]);
      expect(ctx.code).toBe(0);
      const model = JSON.parse(ctx.stdout);
      expect(model.format).toBe("weekly-report/model@2");
      expect(model.week_ending).toBe(date);
      const dir = tmpProject({ "ctx.json": ctx.stdout });
      const back = await run(["render", "--from-context", "ctx.json"], { cwd: dir });
      expect(back.code).toBe(0);
      expect(back.stdout).toBe(golden(`${date}.txt`));
    });
  }

  it("the model carries every decision: heading lines, underline, blocks, trailers", async () => {
    const r = await run(["render", "--context", "examples/reports/2022-11-04.yaml"]);
    const m = JSON.parse(r.stdout);
    const lbo = m.sections[0].entries[1];
    // The author's own summary is printed as written (only Jira's is cut to summary_width).
    expect(lbo.summary).toBe("Talk about the Stratos work on characterising the impact of VMs ...");
    expect(lbo.summary_short).toBe(lbo.summary);
    expect(lbo.heading_lines).toEqual([
      "[LBO-293] (Talk about the Stratos work on characterising the impact of VMs ...)",
    ]);
    expect(m.sections[1]).toMatchObject({
      title: "U-Boot support",
      underline: "==============",
      progress: "No progress",
      has_preamble: true,
    });
    expect(m.sections[0].entries[4].blocks).toEqual([{ note: null, todo: null, progress: "No progress" }]);
    expect(m.trailers.map((t: { title: string; style: string }) => `${t.title}/${t.style}`)).toEqual([
      "Patch status/indented",
      "Issues/bullets",
      "Travel&Holiday&Event/lines",
    ]);
    expect(m.mail).toEqual({
      from: "AKASHI Takahiro <takahiro.akashi@linaro.org>",
      to: ["private-kwg@linaro.org", "alex.bennee@linaro.org"],
      cc: [],
      bcc: [],
      reply_to: [],
    });
  });

  it("--template renders with a user's template and its partials; the built-in partials are there too", async () => {
    const dir = tmpProject({
      "2024-06-14.yaml": REPORT,
      "mine.hbs": "{{subject}}\n{{#each sections}}{{#each entries}}{{> line}}{{> entry}}{{/each}}{{/each}}",
      "partials/line.hbs": "- {{ticket}}: {{summary}}\n",
    });
    const r = await run(["render", "2024-06-14.yaml", "--template", "mine.hbs"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "[Weekly] Week ending 2024-06-14\n" +
        "- KRN-7: Make the scheduler tick less often on idle CPUs in the big.LITTLE cluster\n" +
        "[KRN-7] (Make the scheduler tick less often on idle CPUs in the big.LITTLE cluster)\n* sent v2\n",
    );
  });

  it("template mistakes are one line with the template's line", async () => {
    const dir = tmpProject({
      "2024-06-14.yaml": REPORT,
      "broken.hbs": "ok\n{{#each sections}}\n{{titel}}\n{{/each}}\n",
      "syntax.hbs": "a\n{{#if x}\n",
    });
    const unknown = await run(["render", "2024-06-14.yaml", "-t", "broken.hbs"], { cwd: dir });
    expect(unknown).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `${join(dir, "broken.hbs")}:3:3: "titel" is neither in the model nor a helper; ` +
        'did you mean "title"? see the model with `weekly render --context`\n',
    });
    const syntax = await run(["render", "2024-06-14.yaml", "-t", "syntax.hbs"], { cwd: dir });
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(new RegExp(`^${join(dir, "syntax.hbs")}:2: template syntax error: Expecting .*\\n$`));
  });

  it("--from-context refuses what is not a model", async () => {
    const dir = tmpProject({ "bad.json": '{"sections": [1,}', "other.json": '{"a": 1}' });
    const bad = await run(["render", "--from-context", "bad.json"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^\S*bad\.json: not valid JSON: Unexpected token/);
    const other = await run(["render", "--from-context", "other.json"], { cwd: dir });
    expect(other.stderr).toMatch(
      new RegExp(
        /other\.json: not a report model \(its "format" is null, expected "weekly-report\/model@2"\); /.source +
          /make one with weekly render --context\n$/.source,
      ),
    );
  });

  it(
    "finds weekly.config.yaml by walking up from the report's folder, not the cwd; " + "the report overrides it",
    async () => {
      const dir = tmpProject({
        "team/weekly.config.yaml":
          "from: Jane <jane@example.com>\nto: [lead@example.com]\ncc: team@example.com\n" +
          "summary_width: 40\nsubject: 'Status {week_ending}'\n",
        "team/reports/2024-06-14.yaml": `to: boss@example.com\n${REPORT}`,
        "elsewhere/.keep": "",
      });
      const r = await run(["render", "../team/reports/2024-06-14.yaml"], { cwd: join(dir, "elsewhere") });
      expect(r.stderr).toBe("");
      expect(r.stdout.split("\n").slice(0, 9)).toEqual([
        "From: Jane <jane@example.com>",
        "To: boss@example.com",
        "Cc: team@example.com",
        "Bcc: ",
        "Subject: Status 2024-06-14",
        "Reply-To: ",
        "",
        "Kernel",
        "======",
      ]);
      // summary_width of that config cuts only Jira's summaries; the file's own prints whole.
      expect(r.stdout).toContain(
        "[KRN-7] (Make the scheduler tick less often on idle CPUs in the big.LITTLE cluster)\n",
      );
    },
  );

  it("with no file, renders this week's report (not one started ahead), and names it", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "from: Jane Doe <jane@example.com>\nreports_dir: weeks\n",
      "weeks/2024-06-07.yaml": REPORT.replace("2024-06-14", "2024-06-07").replace("sent v2", "sent v1"),
      "weeks/2024-06-14.yaml": REPORT,
      "weeks/2024-06-21.yaml": REPORT.replace("2024-06-14", "2024-06-21").replace("sent v2", "next week"),
      "weeks/notes.yaml": "not: a report\n",
    });
    const r = await run(["render"], { cwd: dir, now: new Date("2024-06-12T09:00:00Z") });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("weeks/2024-06-14.yaml\n");
    expect(r.stdout).toContain("* sent v2\n");
    const monday = await run(["render"], { cwd: dir, now: new Date("2024-06-10T09:00:00Z") });
    expect(monday.stdout).toContain("* sent v2\n");
    const empty = tmpProject({ "weekly.config.yaml": "reports_dir: weeks\n" });
    const none = await run(["render"], { cwd: empty, now: new Date("2024-06-12T09:00:00Z") });
    expect(none).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "no report file given, and no YYYY-MM-DD.yaml up to this week (2024-06-14) in weeks " +
        "(reports_dir of weekly.config.yaml); name one: weekly render FILE\n",
    });
  });

  it("refuses a report with errors, and one with warnings under --strict", async () => {
    const dir = tmpProject({
      "2024-06-14.yaml": REPORT.replace("KRN-7", "krn7"),
      "2024-06-13.yaml": REPORT.replace("2024-06-14", "2024-06-13"),
    });
    const err = await run(["render", "2024-06-14.yaml"], { cwd: dir });
    expect(err.code).toBe(1);
    expect(err.stdout).toBe("");
    expect(err.stderr).toContain(
      "2024-06-14.yaml:5:17: sections[0].entries[0].ticket: expected a Jira key like STR-68",
    );
    const lenient = await run(["render", "2024-06-13.yaml"], { cwd: dir });
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain("warning: week_ending: 2024-06-13 is a Thursday");
    const strict = await run(["render", "--strict", "2024-06-13.yaml"], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
  });

  it("a template named in weekly.config.yaml is used for the text format", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "template: t/short.hbs\n",
      "t/short.hbs": "{{week_ending}}: {{sections.length}} section(s)\n",
      "r/2024-06-14.yaml": REPORT,
    });
    const r = await run(["render", "r/2024-06-14.yaml"], { cwd: dir });
    expect(r.stdout).toBe("2024-06-14: 1 section(s)\n");
    writeFileSync(join(dir, "weekly.config.yaml"), "template: t/missing.hbs\n");
    const missing = await run(["render", "r/2024-06-14.yaml"], { cwd: dir });
    // A missing template named by the config says so: the config is where to fix it.
    expect(missing.stderr).toBe("weekly.config.yaml: template: t/missing.hbs: no such file\n");
  });
});

describe("weekly render: guarding the user's files and intent", () => {
  it("refuses -o onto the report itself, even with --force", async () => {
    const dir = tmpProject({ "2024-06-14.yaml": REPORT });
    const r = await run(["render", "2024-06-14.yaml", "-o", "./2024-06-14.yaml", "--force"], { cwd: dir });
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "-o ./2024-06-14.yaml would overwrite the report itself; name another file\n",
    });
    expect(readFileSync(join(dir, "2024-06-14.yaml"), "utf8")).toBe(REPORT);
    const { symlinkSync } = await import("node:fs");
    symlinkSync("2024-06-14.yaml", join(dir, "link.yaml"));
    const viaLink = await run(["render", "2024-06-14.yaml", "-o", "link.yaml", "--force"], { cwd: dir });
    expect(viaLink.code).toBe(2);
    expect(readFileSync(join(dir, "2024-06-14.yaml"), "utf8")).toBe(REPORT);
  });

  it("says when --show-status has nothing to show", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "from: Jane Doe <jane@example.com>\n", "2024-06-14.yaml": REPORT });
    const r = await run(["render", "--show-status", "2024-06-14.yaml"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "note: no Jira status to show: Jira is not asked (no jira.url / JIRA_URL, or no credentials)\n",
    );
  });

  it("says why --strict refused", async () => {
    const dir = tmpProject({ "2024-06-13.yaml": REPORT.replace("2024-06-14", "2024-06-13") });
    const r = await run(["render", "--strict", "2024-06-13.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\nnot rendered: --strict, and 1 warning\n$/);
  });

  it("an unknown subject placeholder is an error, and a template's missing partial is named", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "subject: 'Week {weekending}'\n",
      "2024-06-14.yaml": REPORT,
      "t.hbs": "{{> nope}}",
    });
    const r = await run(["render", "2024-06-14.yaml"], { cwd: dir });
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `${join(dir, "weekly.config.yaml")}:1:10: subject: ` +
        `unknown placeholder "{weekending}" in the subject; it knows {week_ending}\n`,
    });
    writeFileSync(join(dir, "weekly.config.yaml"), "");
    const partial = await run(["render", "2024-06-14.yaml", "-t", "t.hbs"], { cwd: dir });
    expect(partial.stderr).toBe(
      `${join(dir, "t.hbs")}: no partial "nope"; ` +
        "there are entry-body, entry, section, trailer and the *.hbs files in partials/ beside your template\n",
    );
  });

  it("weekly with no command shows help on stderr and exits 2; `weekly help` exits 0", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: weekly /);
    expect((await run(["help"])).code).toBe(0);
  });
});
