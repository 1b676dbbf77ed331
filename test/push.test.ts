// weekly push: the real client over real HTTP against test/fake-jira. One comment per ticket,
// found again through its mark on any machine, edited instead of duplicated; moves and worklogs
// once; a plan before any write; failures per ticket, and a rerun that finishes the rest.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira, type FakeIssue, type FakeJira, type FakeJiraOptions } from "./fake-jira/server.js";
import { run, type RunResult, sleeps, tmpProject } from "./helpers.js";

const TOKEN = "tok-5ecret-push-ATATT3x";
const ISSUES: FakeIssue[] = [
  { key: "STR-68", summary: "network latency behaviour with VMs", status: "In Progress" },
  { key: "LBO-293", summary: "Talk about the Stratos work", status: "In Progress" },
  { key: "UBOOT-142", summary: "capsule authentication", status: "In Progress" },
  {
    key: "UBOOT-155",
    summary: "efidebug crash",
    status: "In Review",
    transitions: [
      { id: "31", name: "Resolve", to: "Resolved", resolutions: ["Fixed", "Won't Fix"] },
      { id: "41", name: "Back to work", to: "In Progress" },
    ],
  },
  { key: "STR-76", summary: "Break down the latency", status: "Done" },
];

const WEEK = `week_ending: 2022-11-11
sections:
  - title: Stratos
    entries:
      - ticket: STR-68
        notes:
          - |
            Attempted OVS with AF_XDP [1].

              $ sysctl -w vm.nr_hugepages=800
          - "[PATCH v3 1/2] *sent* _today_ - see {list}"
        todo: [find a generic configuration]
      - tickets: [LBO-293, UBOOT-142]
        notes: [shared note]
        set_status: In Review
        time_spent: 1h 30m
      - ticket: UBOOT-155
        notes: [one-line fix]
        set_status: resolved
        resolution: fixed
      - ticket: STR-76
        progress: none
      - label: MISC
        notes: [no ticket, nothing posted]
    references:
      1: https://example.org/ovs
`;

let fake: FakeJira | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function project(opts: Partial<FakeJiraOptions> = {}, report = WEEK) {
  const deployment = opts.deployment ?? "cloud";
  fake = await startFakeJira({
    deployment,
    issues: ISSUES,
    auth: { user: "me@example.com", token: TOKEN, scheme: "basic" },
    ...opts,
  });
  const dir = tmpProject({
    "weekly.config.yaml":
      "from: Jane <jane@example.com>\ntimezone: Asia/Tokyo\n" +
      `jira:\n  url: ${fake.url}\n  deployment: ${deployment}\n`,
    "reports/2022-11-11.yaml": report,
  });
  const cache = join(dir, "cache");
  const env =
    deployment === "cloud"
      ? { JIRA_USER: "me@example.com", JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: cache }
      : { JIRA_API_TOKEN: TOKEN, JIRA_AUTH_TYPE: "bearer", WEEKLY_CACHE_DIR: cache };
  const weekly = (args: string[]) => run(args, { cwd: dir, env, now: new Date("2022-11-11T15:00:00Z") });
  return { dir, weekly, jira: fake };
}

const writes = (j: FakeJira) => j.requests.filter((r) => r.method !== "GET" && r.endpoint !== "bulkfetch");
const noSecret = (r: RunResult) => expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);

describe("weekly push", () => {
  it("posts one comment per ticket with notes, moves and logs time, then a rerun writes nothing", async () => {
    const { weekly, jira } = await project();
    const first = await weekly(["push", "--yes", "reports/2022-11-11.yaml"]);
    noSecret(first);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("TICKET     COMMENT  STATUS");
    expect(jira.comments("STR-68")).toHaveLength(1);
    expect(jira.comments("LBO-293")).toHaveLength(1);
    expect(jira.comments("UBOOT-142")).toHaveLength(1);
    expect(jira.comments("STR-76")).toHaveLength(0); // no progress: nothing
    expect(jira.statusOf("LBO-293").status).toBe("In Review");
    expect(jira.statusOf("UBOOT-155")).toMatchObject({ status: "Resolved", resolution: "Fixed" });
    const logs = jira.worklogs("LBO-293");
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ timeSpentSeconds: 5400, started: "2022-11-11T09:00:00.000+0900" });
    // The time of an entry about several tickets is logged once, on its first ticket.
    expect(jira.worklogs("UBOOT-142")).toHaveLength(0);
    expect(jira.statusOf("UBOOT-142").status).toBe("In Review");
    jira.reset();
    const again = await weekly(["push", "--yes", "reports/2022-11-11.yaml"]);
    expect(again.code, again.stderr).toBe(0);
    expect(writes(jira)).toEqual([]);
    expect(again.stderr).toContain("up to date");
    expect(jira.comments("STR-68")).toHaveLength(1);
    expect(jira.worklogs("LBO-293")).toHaveLength(1);
  });

  it("a changed entry edits its comment (notifyUsers=false); a comment deleted in Jira is posted again", async () => {
    const { dir, weekly, jira } = await project();
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    const [posted] = jira.comments("STR-68");
    const file = join(dir, "reports/2022-11-11.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("shared note", "shared note, revised"));
    jira.reset();
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    const updates = jira.requests.filter((r) => r.method === "PUT" && r.endpoint === "comment");
    expect(updates.map((r) => r.issueKey).sort()).toEqual(["LBO-293", "UBOOT-142"]);
    expect(updates.every((r) => r.query.notifyUsers === "false")).toBe(true);
    expect(jira.comments("LBO-293")).toHaveLength(1);
    // Deleted in Jira: the next push posts it again, once.
    await fetch(`${jira.url}/rest/api/3/issue/STR-68/comment/${posted!.id}`, {
      method: "DELETE",
      headers: { Authorization: `Basic ${Buffer.from(`me@example.com:${TOKEN}`).toString("base64")}` },
    });
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    expect(jira.comments("STR-68")).toHaveLength(1);
  });

  it("plans first: an unknown key and an impossible move are all named, and nothing is written", async () => {
    const bad = WEEK.replace("ticket: STR-76", "ticket: NOPE-1\n        notes: [x]").replace(
      "set_status: resolved",
      "set_status: Closed",
    );
    const { weekly, jira } = await project({}, bad);
    const r = await weekly(["push", "--yes"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("NOPE-1 is not in Jira");
    expect(r.stderr).toContain("UBOOT-155 cannot move from In Review to Closed: it can go to Resolved, In Progress");
    expect(r.stderr).toContain("nothing pushed: 2 problems");
    expect(writes(jira)).toEqual([]);
  });

  it("--dry-run prints the plan and each body, and writes nothing; without a terminal it needs --yes", async () => {
    const { weekly, jira } = await project();
    const dry = await weekly(["push", "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("--- STR-68 (ADF, REST v3)");
    expect(writes(jira)).toEqual([]);
    const asked = await weekly(["push"]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("nothing pushed: stdin is not a terminal; add --yes to push without asking");
    expect(writes(jira)).toEqual([]);
  });

  it("a failure in the middle: the others go through, the exit code says so, a rerun completes it", async () => {
    const { weekly, jira } = await project();
    jira.fail({ kind: "status", status: 500, endpoint: "comment", method: "POST", key: "LBO-293" });
    const r = await weekly(["push", "--yes"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/LBO-293 +failed +HTTP 500/);
    expect(r.stderr).toContain("1 of 4 tickets failed (LBO-293); run weekly push again to finish");
    expect(jira.comments("STR-68")).toHaveLength(1);
    const again = await weekly(["push", "--yes"]);
    expect(again.code, again.stderr).toBe(0);
    for (const key of ["STR-68", "LBO-293", "UBOOT-142", "UBOOT-155"]) expect(jira.comments(key)).toHaveLength(1);
    expect(jira.worklogs("LBO-293")).toHaveLength(1);
  });

  it("Data Center gets wiki text: preformatted blocks in {noformat}, markup escaped", async () => {
    const { weekly, jira } = await project({ deployment: "datacenter", auth: { token: TOKEN, scheme: "bearer" } });
    const r = await weekly(["push", "--yes"]);
    expect(r.code, r.stderr).toBe(0);
    const body = String(jira.comments("STR-68")[0]?.body ?? "");
    expect(body).toContain("{noformat}\n  $ sysctl -w vm.nr_hugepages=800\n{noformat}");
    expect(body).toContain("\\[PATCH v3 1/2\\] \\*sent\\* \\_today\\_ - see \\{list\\}");
    // The mark is set by a PUT after the create (Data Center's create body may not take properties).
    expect(jira.comments("STR-68")[0]!.properties["weekly-report.comment"]).toMatchObject({ week: "2022-11-11" });
  });

  it("one ticket's writes go one after another (no 429 from the per-issue limit); a 429 waits", async () => {
    const { weekly, jira } = await project({ writeLimit: { concurrentPerIssue: 1 } });
    jira.fail({ kind: "status", status: 429, retryAfter: "2", endpoint: "comment", method: "POST", key: "STR-68" });
    const r = await weekly(["push", "--yes"]);
    expect(r.code, r.stderr).toBe(0);
    expect(sleeps).toContain(2000);
    const refused = jira.requests.filter((q) => q.status === 429);
    expect(refused).toHaveLength(1); // the injected one; the limit itself never refused a write
    expect(jira.comments("STR-68")).toHaveLength(1);
  });

  it("a dropped new comment is not tried again blindly: the rerun finds or posts it, once", async () => {
    const { weekly, jira } = await project();
    jira.fail({ kind: "drop", endpoint: "comment", method: "POST", key: "STR-68" });
    const r = await weekly(["push", "--yes"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/STR-68 +failed +the connection was dropped/);
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    expect(jira.comments("STR-68")).toHaveLength(1);
  });

  it("a second machine (no local state) pushing the same week edits, never duplicates", async () => {
    const { weekly, jira } = await project();
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    const other = tmpProject({
      "weekly.config.yaml": `jira:\n  url: ${jira.url}\n  deployment: cloud\n`,
      "2022-11-11.yaml": WEEK.replace("one-line fix", "one-line fix, merged"),
    });
    const env = { JIRA_USER: "me@example.com", JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: join(other, "cache") };
    const r = await run(["push", "--yes", "2022-11-11.yaml"], { cwd: other, env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout, r.stdout).toMatch(/UBOOT-155 +updated/);
    expect(jira.worklogs("LBO-293"), r.stdout + JSON.stringify(jira.worklogs("LBO-293"))).toHaveLength(1);
    for (const key of ["STR-68", "LBO-293", "UBOOT-142", "UBOOT-155"]) expect(jira.comments(key)).toHaveLength(1);
    expect(jira.worklogs("LBO-293")).toHaveLength(1);
  });

  it("jira.push_no_progress posts No progress too; the comment is the template's text", async () => {
    const { dir, weekly, jira } = await project();
    const config = join(dir, "weekly.config.yaml");
    writeFileSync(config, `${readFileSync(config, "utf8")}  push_no_progress: true\n`);
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    const [comment] = jira.comments("STR-76");
    expect(comment!.body).toEqual({
      type: "doc",
      version: 1,
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Weekly report, week ending 2022-11-11" }] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "No progress" }] }] },
          ],
        },
      ],
    });
  });

  it("Data Center: the mark after a new comment is its own step: a 429 there posts no second comment", async () => {
    const { weekly, jira } = await project({ deployment: "datacenter", auth: { token: TOKEN, scheme: "bearer" } });
    jira.fail({ kind: "status", status: 429, retryAfter: "1", endpoint: "comment/property", method: "PUT" });
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    for (const key of ["STR-68", "LBO-293", "UBOOT-142", "UBOOT-155"]) expect(jira.comments(key)).toHaveLength(1);
  });

  it("the plan refuses a ticket in two entries, no time, a move needing a resolution; a moved key", async () => {
    const report = WEEK.replace(
      "      - ticket: STR-76\n        progress: none",
      "      - ticket: STR-68\n        notes: [again]\n" +
        "      - ticket: OLD-1\n        notes: [x]\n        time_spent: 0h",
    ).replace("        set_status: resolved\n        resolution: fixed\n", "        set_status: resolved\n");
    const { weekly, jira } = await project(
      { issues: [...ISSUES, { key: "NEW-9", summary: "moved", movedFrom: ["OLD-1"] }] },
      report,
    );
    const r = await weekly(["push", "--yes"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("STR-68 is in two entries; push posts one comment per ticket: merge them");
    expect(r.stderr).toContain("OLD-1: time_spent 0h is no time to log");
    expect(r.stderr).toContain("OLD-1 has moved to NEW-9 in Jira; write NEW-9");
    expect(r.stderr).toContain(
      "UBOOT-155: the move to Resolved needs a resolution: add resolution: to the entry (it offers Fixed, Won't Fix)",
    );
    expect(writes(jira)).toEqual([]);
  });

  it("a status asked for by a transition's name is reached once; the next push finds it there", async () => {
    const { weekly, jira } = await project(
      {},
      WEEK.replace(
        "set_status: resolved\n        resolution: fixed",
        'set_status: resolve\n        resolution: "won\'t fix"',
      ),
    );
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    expect(jira.statusOf("UBOOT-155")).toMatchObject({ status: "Resolved", resolution: "Won't Fix" });
    const again = await weekly(["push", "--yes"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("Resolved (already)");
  });

  it("a worklog of someone else at the same time is not taken over: push logs its own", async () => {
    const { weekly, jira } = await project();
    await fetch(`${jira.url}/rest/api/3/issue/LBO-293/worklog`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`me@example.com:${TOKEN}`).toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ started: "2022-11-11T09:00:00.000+0900", timeSpentSeconds: 10800 }),
    });
    expect((await weekly(["push", "--yes"])).code).toBe(0);
    expect(jira.worklogs("LBO-293").map((w) => w.timeSpentSeconds)).toEqual([10800, 5400]);
  });

  it("two pushes of one week at once: one after the other, one comment per ticket", async () => {
    const { weekly, jira } = await project();
    const both = await Promise.all([weekly(["push", "--yes"]), weekly(["push", "--yes"])]);
    for (const r of both) expect(r.code, r.stderr).toBe(0);
    for (const key of ["STR-68", "LBO-293", "UBOOT-142", "UBOOT-155"]) expect(jira.comments(key)).toHaveLength(1);
    expect(jira.worklogs("LBO-293")).toHaveLength(1);
  });
});
