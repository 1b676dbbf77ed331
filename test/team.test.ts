// weekly team: the lead's roll-up of test/fixtures/team (four members: the seed's author, one who
// writes in her own layout, one who missed a week and reports a ticket another reports too, and
// one read from an mbox of the list). Goldens for text and Markdown; Jira once for all tickets.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira, type FakeJira } from "./fake-jira/server.js";
import { ROOT, run, tmpProject, golden } from "./helpers.js";

const FIXTURE = join(ROOT, "test/fixtures/team");

/** A copy of the team fixture, to change freely. */
function teamCopy(): string {
  const dir = tmpProject();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const NOW = new Date("2022-11-12T10:00:00Z"); // a Saturday: the week that ended is 2022-11-11

let fake: FakeJira | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("weekly team", () => {
  it("the week that ended: who reported, each ticket with every member's words, what needs a look", async () => {
    const r = await run(["team"], { cwd: FIXTURE, now: NOW });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    golden("team-2022-11-11.txt", r.stdout);
    expect(r.stdout).toContain("Reported: 3 of 4 (no report from Mei Tanaka)\n");
    // One entry for a ticket three members worked on, each under their name.
    expect(r.stdout).toMatch(
      /\[STR-68\][^\n]*\nAKASHI Takahiro:\n[\s\S]*\nIngrid Halvorsen:\n\* Reviewed[\s\S]*\nJane Doe:\n\* Helped/,
    );
    expect(r.stdout).toContain("* STR-76: no progress for 2 weeks in a row (Jane Doe)\n");
    expect(r.stdout).toContain("* Jane Doe: Still no second MacchiatoBin for the lab.\n");
  });

  it("Markdown, and a period with each ticket's weeks folded, newest first", async () => {
    const md = await run(["team", "--week", "2022-11-11", "-f", "md"], { cwd: FIXTURE });
    golden("team-2022-11-11.md", md.stdout);
    const period = await run(["team", "--since", "2022-11-01", "--until", "2022-11-11"], { cwd: FIXTURE });
    expect(period.code, period.stderr).toBe(0);
    expect(period.stdout).toContain("Kernel Working Group, 2022-10-29 to 2022-11-11\nReported: 4 of 4\n");
    expect(period.stdout).toMatch(/\[LBO-293\][^\n]*\nAKASHI Takahiro:\n-- 2022-11-11\n[^\n]*\n-- 2022-11-04\n/);
    // The calendar: every member's events of the period, with names, in date order.
    const calendar = period.stdout.slice(period.stdout.indexOf("=== Travel&Holiday&Event ==="));
    expect(calendar.split("\n").slice(1, 6)).toEqual([
      "Nov 11: dentist, out in the afternoon (Jane Doe)",
      "Nov 17: Norwegian public holiday (Ingrid Halvorsen)",
      "Nov 21-25: Linaro Connect (Mei Tanaka)",
      "Nov 23: Labor Thanksgiving Day (public holiday) (AKASHI Takahiro)",
      "Nov 24: Thanksgiving (US colleagues out) (Ingrid Halvorsen)",
    ]);
  });

  it("Jira for all the team's tickets in one request: summaries, done tickets, moved keys merged", async () => {
    const dir = teamCopy();
    fake = await startFakeJira({
      deployment: "cloud",
      auth: { user: "lead@example.org", token: "tok-team", scheme: "basic" },
      issues: [
        { key: "STR-68", summary: "network latency behaviour with VMs", status: "In Progress" },
        { key: "STR-76", summary: "Break down the latency", status: "Done" },
        { key: "LBO-293", summary: "Talk about Stratos", status: "In Review" },
        { key: "ARM64-12", summary: "MTE async", status: "In Progress" },
        { key: "ARM64-15", summary: "MTE uaccess", status: "In Progress" },
        { key: "SME-3", summary: "SME signals", status: "In Progress", movedFrom: ["ARM64-21"] },
      ],
    });
    writeFileSync(join(dir, "weekly.config.yaml"), `jira:\n  url: ${fake.url}\n  deployment: cloud\n`);
    const env = { JIRA_USER: "lead@example.org", JIRA_API_TOKEN: "tok-team", WEEKLY_CACHE_DIR: join(dir, "cache") };
    const r = await run(["team", "--week", "2022-11-11"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    const bulk = fake.requests.filter((q) => q.endpoint === "bulkfetch");
    expect(bulk).toHaveLength(1);
    expect(r.stdout).toContain("* STR-76 (Break down the latency) is Done in Jira; still reported by Jane Doe\n");
    expect(r.stdout).toContain("[SME-3] (SME: save/restore ZA on signal delivery)\n");
    expect(r.stdout).not.toContain("[ARM64-21]");
    expect(`${r.stdout}${r.stderr}`).not.toContain("tok-team");
  });

  it("a member's missing folder or broken file is a warning naming them; the roll-up goes on", async () => {
    const dir = teamCopy();
    rmSync(join(dir, "reports/mei"), { recursive: true });
    writeFileSync(join(dir, "reports/ingrid/2022-11-11.yaml"), "sections:\n  - title: [broken\n");
    const r = await run(["team", "--week", "2022-11-11"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: Mei Tanaka: no report files in reports/mei (reports: in team.yaml)");
    expect(r.stderr).toMatch(
      /warning: Ingrid Halvorsen: reports\/ingrid\/2022-11-11\.yaml:\d+ is left out: invalid YAML/,
    );
    expect(r.stdout).toContain("Reported: 2 of 4 (no report from Ingrid Halvorsen, Mei Tanaka)\n");
  });

  it("--context is the model; -f eml a message from the lead; team init and schema team", async () => {
    const context = await run(["team", "--week", "2022-11-11", "--context"], { cwd: FIXTURE });
    const model = JSON.parse(context.stdout);
    expect(model).toMatchObject({ format: "weekly-report/team@1", team: "Kernel Working Group", until: "2022-11-11" });
    const eml = await run(["team", "--week", "2022-11-11", "-f", "eml"], { cwd: FIXTURE, now: NOW });
    expect(eml.stdout).toMatch(/^From: =\?UTF-8\?Q\?Alex_Benn=C3=A9e\?= <alex\.bennee@example\.org>\r\n/m);
    expect(eml.stdout).toContain("Subject: [Weekly] Kernel Working Group, week ending 2022-11-11\r\n");
    const dir = tmpProject({
      "reports/anna/2024-01-05.yaml": "sections: []\n",
      "reports/bo/2024-01-05.yaml": "sections: []\n",
    });
    const init = await run(["team", "init"], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    const written = readFileSync(join(dir, "team.yaml"), "utf8");
    expect(written).toContain("members:\n  - name: anna\n    email: anna@example.com\n    reports: reports/anna\n");
    expect((await run(["team", "init"], { cwd: dir })).code).toBe(2);
    const team = await run(["team", "--week", "2024-01-05"], { cwd: dir });
    expect(team.code, team.stderr).toBe(0);
    const schema = await run(["schema", "team"]);
    expect(schema.stdout).toBe(readFileSync(join(ROOT, "schema/team.schema.json"), "utf8"));
  });
});
