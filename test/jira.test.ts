// Jira facts in the report: the real client (jira-client + our fetch transport) over real HTTP
// against test/fake-jira, with the failures a user meets.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startFakeJira, type FakeIssue, type FakeJira, type FakeJiraOptions } from "./fake-jira/server.js";
import { bundledFiles, run, runBinAsync, runBinLoading, sleeps, tmpProject, type RunResult } from "./helpers.js";

const TOKEN = "tok-5ecret-ATATT3x";
const ISSUES: FakeIssue[] = [
  {
    key: "STR-68",
    summary: "network latency behaviour with VMs",
    status: "In Progress",
    assignee: "Jane Doe",
    updated: "2022-11-10T09:12:33.000+0000",
  },
  {
    key: "LBO-293",
    summary: "Talk about the Stratos work on characterising the impact of VMs on network latency",
    status: "In Review",
    updated: "2022-11-08T10:00:00.000+0000",
  },
  {
    key: "STR-76",
    summary: "Break down the latency",
    status: "Done",
    assignee: "Jane Doe",
    updated: "2022-11-01T10:00:00.000+0000",
  },
  { key: "TS-219", summary: "U-Boot: follow-up patch", status: "Open", movedFrom: ["UB-12"] },
];
const REPORT = `sections:
  - title: Stratos
    entries:
      - ticket: STR-68
        notes: [tried OVS with AF_XDP]
      - ticket: LBO-293
        notes: [new revision]
      - ticket: STR-76
        summary: my own words win
        progress: none
`;

let fake: FakeJira | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface Setup {
  deployment?: FakeJiraOptions["deployment"];
  configDeployment?: string;
  report?: string;
  extraConfig?: string;
  auth?: FakeJiraOptions["auth"];
  timeoutSeconds?: number;
}

async function project(s: Setup = {}) {
  const deployment = s.deployment ?? "cloud";
  fake = await startFakeJira({
    deployment,
    issues: ISSUES,
    auth:
      s.auth ??
      (deployment === "cloud"
        ? { user: "me@example.com", token: TOKEN, scheme: "basic" }
        : { token: TOKEN, scheme: "bearer" }),
  });
  const dir = tmpProject({
    "weekly.config.yaml":
      "from: Jane Doe <jane@example.com>\n" +
      `jira:\n  url: ${fake.url}\n  deployment: ${s.configDeployment ?? deployment}\n` +
      `  timeout_seconds: ${s.timeoutSeconds ?? 2}\n${s.extraConfig ?? ""}`,
    "reports/2022-11-11.yaml": s.report ?? REPORT,
  });
  const cache = join(dir, "cache");
  const env =
    deployment === "cloud"
      ? { JIRA_USER: "me@example.com", JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: cache }
      : { JIRA_API_TOKEN: TOKEN, JIRA_AUTH_TYPE: "bearer", WEEKLY_CACHE_DIR: cache };
  const weekly = (args: string[], more: { env?: NodeJS.ProcessEnv; now?: Date } = {}) =>
    run(args, { cwd: dir, env: { ...env, ...more.env }, now: more.now ?? new Date("2022-11-11T15:00:00Z") });
  return { dir, cache, env, weekly, jira: fake };
}

const endpoints = (j: FakeJira) => j.requests.map((r) => `${r.method} ${r.endpoint} ${r.status}`);
const noSecret = (r: RunResult) => expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);

describe("Jira facts in the report", () => {
  it(
    "Cloud: fills summaries in one bulkfetch request, with Basic credentials; " + "the file's own summary wins",
    async () => {
      const { weekly, jira } = await project();
      const r = await weekly(["render", "reports/2022-11-11.yaml"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        "[STR-68] (network latency behaviour with VMs)\n* tried OVS with AF_XDP\n\n" +
          "[LBO-293] (Talk about the Stratos work on characterising the impact of VMs ...)\n* new revision\n\n" +
          "[STR-76] (my own words win)\n* No progress\n",
      );
      expect(endpoints(jira)).toEqual(["POST bulkfetch 200"]);
      const req = jira.requests[0]!;
      expect(req.path).toBe("/rest/api/3/issue/bulkfetch");
      expect(req.body).toEqual({
        issueIdsOrKeys: ["STR-68", "LBO-293", "STR-76"],
        fields: ["summary", "status", "assignee", "resolution", "updated", "issuetype"],
      });
      expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`me@example.com:${TOKEN}`).toString("base64")}`);
    },
  );

  it("Data Center: one POST /rest/api/2/search with validateQuery false and a Bearer token", async () => {
    const { weekly, jira } = await project({ deployment: "datacenter" });
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[STR-68] (network latency behaviour with VMs)\n");
    expect(endpoints(jira)).toEqual(["POST search 200"]);
    expect(jira.requests[0]!.path).toBe("/rest/api/2/search");
    expect(jira.requests[0]!.body).toMatchObject({
      jql: "key in (STR-68, LBO-293, STR-76)",
      validateQuery: false,
      maxResults: 3,
    });
    expect(jira.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("detects the deployment once through /serverInfo and remembers it", async () => {
    const { weekly, jira } = await project({ deployment: "datacenter", configDeployment: "auto" });
    expect((await weekly(["render", "--refresh", "reports/2022-11-11.yaml"])).code).toBe(0);
    expect((await weekly(["render", "--refresh", "reports/2022-11-11.yaml"])).code).toBe(0);
    expect(endpoints(jira)).toEqual(["GET serverInfo 200", "POST search 200", "POST search 200"]);
  });

  it("uses fresh cached facts without asking, --refresh asks again, --offline never asks", async () => {
    const { weekly, jira, cache } = await project();
    await weekly(["render", "reports/2022-11-11.yaml"]);
    const again = await weekly(["render", "reports/2022-11-11.yaml"], { now: new Date("2022-11-11T15:05:00Z") });
    expect(again.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
    expect(endpoints(jira)).toEqual(["POST bulkfetch 200"]);
    await weekly(["render", "--refresh", "reports/2022-11-11.yaml"], { now: new Date("2022-11-11T15:06:00Z") });
    expect(jira.requests).toHaveLength(2);
    await jira.close();
    const offline = await weekly(["render", "--offline", "reports/2022-11-11.yaml"], {
      now: new Date("2022-11-13T15:00:00Z"),
    });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
    expect(offline.stderr).toBe(
      "warning: --offline: using cached facts for STR-68 (2 days old), LBO-293 (2 days old), STR-76 (2 days old)\n",
    );
    const [file] = readdirSync(join(cache, "jira"));
    const cached = readFileSync(join(cache, "jira", file!), "utf8");
    expect(JSON.parse(cached).issues["STR-68"]).toMatchObject({
      key: "STR-68",
      status: "In Progress",
      fetchedAt: "2022-11-11T15:06:00.000Z",
    });
    expect(cached).not.toContain(TOKEN);
  });

  it("works from the built command too (jira-client is loaded from node_modules at run time)", async () => {
    const { dir, env, jira } = await project();
    const r = await runBinAsync(["render", "reports/2022-11-11.yaml"], { cwd: dir, env });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[STR-68] (network latency behaviour with VMs)\n");
    expect(endpoints(jira)).toEqual(["POST bulkfetch 200"]);
  });

  it("names unknown keys (a warning in render, an error in check --jira) and follows moved ones", async () => {
    const report =
      `sections:\n  - title: U-Boot\n    entries:\n      - ticket: UB-12\n        notes: [x]\n` +
      `      - ticket: TS-9999\n        notes: [y]\n`;
    const { weekly, jira } = await project({ report });
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "reports/2022-11-11.yaml:4:17: warning: sections[0].entries[0].ticket: " +
        "UB-12 has moved to TS-219 in Jira; write TS-219\n" +
        "reports/2022-11-11.yaml:6:17: warning: sections[0].entries[1].ticket: " +
        "TS-9999 is not in Jira (or not visible to you); a typo?\n",
    );
    expect(r.stdout).toContain("[UB-12] (U-Boot: follow-up patch)\n");
    expect(endpoints(jira)).toEqual(["POST bulkfetch 200", "GET myself 200", "GET issue 200", "GET issue 404"]);
    const check = await weekly(["check", "--jira", "reports/2022-11-11.yaml"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(
      "reports/2022-11-11.yaml:6:17: sections[0].entries[1].ticket: " +
        "TS-9999 is not in Jira (or not visible to you); a typo?\n",
    );
    // In check --jira an old key is an error too: the file should say what Jira says.
    expect(check.stderr).toContain(
      "reports/2022-11-11.yaml:4:17: sections[0].entries[0].ticket: UB-12 has moved to TS-219 in Jira; write TS-219\n",
    );
    expect(check.stderr).toMatch(/1 file checked: 2 errors, 0 warnings\n$/);
  });

  it("a wrong token on Cloud (answered as anonymous) is reported as such, exit 3, token never printed", async () => {
    const { weekly, jira } = await project();
    const r = await weekly(["render", "reports/2022-11-11.yaml"], { env: { JIRA_API_TOKEN: "wrong-token-value" } });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `Jira at ${jira.url} did not accept JIRA_USER and JIRA_API_TOKEN (Basic): ` +
        "HTTP 401: Client must be authenticated to access this resource.; check JIRA_USER and JIRA_API_TOKEN\n",
    );
    expect(r.stderr).not.toContain("wrong-token-value");
    expect(endpoints(jira)).toEqual(["POST bulkfetch 200", "GET myself 401"]);
  });

  it(
    "a failed login answered with every ticket (public to anonymous users) " + "is still caught by its Seraph header",
    async () => {
      const { weekly, jira } = await project();
      const all = JSON.stringify({
        issues: ISSUES.slice(0, 3).map((i, n) => ({
          id: String(10000 + n),
          key: i.key,
          fields: { summary: i.summary },
        })),
        issueErrors: [],
      });
      jira.fail({
        kind: "status",
        status: 200,
        body: all,
        headers: { "X-Seraph-LoginReason": "AUTHENTICATED_FAILED" },
        endpoint: "bulkfetch",
      });
      const r = await weekly(["render", "reports/2022-11-11.yaml"], { env: { JIRA_API_TOKEN: "wrong" } });
      expect(r.code).toBe(3);
      expect(endpoints(jira)).toEqual(["POST bulkfetch 200", "GET myself 401"]);
    },
  );

  it(
    "a wrong token on Data Center (401) is reported as such; " + "a cache, when there is one, serves with a warning",
    async () => {
      const { weekly, jira } = await project({ deployment: "datacenter" });
      const bad = { env: { JIRA_API_TOKEN: "wrong" }, now: new Date("2022-11-11T18:00:00Z") };
      const first = await weekly(["render", "reports/2022-11-11.yaml"], bad);
      expect(first.code).toBe(3);
      expect(first.stderr).toMatch(/did not accept JIRA_API_TOKEN \(Bearer\): HTTP 401/);
      await weekly(["render", "reports/2022-11-11.yaml"]); // fills the cache at 15:00
      const cached = await weekly(["render", "reports/2022-11-11.yaml"], bad);
      expect(cached.code).toBe(0);
      expect(cached.stderr).toBe(
        "warning: Jira did not accept JIRA_API_TOKEN (Bearer) " +
          "(HTTP 401: Client must be authenticated to access this resource.): " +
          "using cached facts for STR-68 (3 h old), LBO-293 (3 h old), STR-76 (3 h old)\n",
      );
      expect(cached.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
      expect(endpoints(jira)).toEqual(["POST search 401", "POST search 200", "POST search 401"]);
    },
  );

  it(
    "429 waits for Retry-After and succeeds; " +
      "a Retry-After beyond the budget fails at once to the file's summaries",
    async () => {
      const { weekly, jira } = await project();
      jira.fail({ kind: "status", status: 429, retryAfter: "7", endpoint: "bulkfetch" });
      const r = await weekly(["render", "reports/2022-11-11.yaml"]);
      expect(r.stderr).toBe("");
      expect(r.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
      expect(endpoints(jira)).toEqual(["POST bulkfetch 429", "POST bulkfetch 200"]);
      expect(sleeps).toEqual([7000]); // as long as Jira asked, on the test's clock

      jira.reset();
      jira.fail({ kind: "status", status: 429, retryAfter: "3600", endpoint: "bulkfetch" });
      const late = await weekly(["render", "--refresh", "reports/2022-11-11.yaml"]);
      expect(late.code).toBe(0);
      expect(late.stderr).toMatch(
        new RegExp(
          /^warning: Jira unavailable \(HTTP 429 too many requests \(Jira asked to wait 3600 s\): .*\): /.source +
            /using cached facts for STR-68 \(0 min old\)/.source,
        ),
      );
      expect(endpoints(jira)).toEqual(["POST bulkfetch 429"]);
    },
  );

  it(
    "5xx is retried 3 times, " + "then the report renders from the file with a one-line warning naming the tickets",
    async () => {
      const { weekly, jira } = await project();
      jira.fail({ kind: "status", status: 503, times: 3, endpoint: "bulkfetch" });
      const r = await weekly(["render", "reports/2022-11-11.yaml"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        "warning: Jira unavailable (HTTP 503: Service Unavailable): " +
          "using no facts for STR-68, LBO-293, STR-76 (none cached)\n",
      );
      expect(r.stdout).toContain("[STR-68]\n* tried OVS with AF_XDP\n");
      expect(r.stdout).toContain("[STR-76] (my own words win)\n");
      expect(endpoints(jira)).toEqual(["POST bulkfetch 503", "POST bulkfetch 503", "POST bulkfetch 503"]);
    },
  );

  it("a dropped connection and a garbled answer are retried and then succeed", async () => {
    const { weekly, jira } = await project();
    jira.fail({ kind: "drop", endpoint: "bulkfetch" });
    jira.fail({ kind: "malformed", endpoint: "bulkfetch" });
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
    expect(endpoints(jira)).toEqual(["POST bulkfetch 0", "POST bulkfetch 200", "POST bulkfetch 200"]);
  });

  it("a slow Jira times out (jira.timeout_seconds), then falls back", async () => {
    const { weekly, jira } = await project({ timeoutSeconds: 0.2 });
    jira.fail({ kind: "slow", delayMs: 3000, times: 3, endpoint: "bulkfetch" });
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "warning: Jira unavailable (no answer within 0.2 s (jira.timeout_seconds)): " +
        "using no facts for STR-68, LBO-293, STR-76 (none cached)\n",
    );
    expect(sleeps).toEqual([500, 1000]); // the backoff between the three tries, on the test's clock
  }, 20_000);

  it("410 from a removed API is not retried", async () => {
    const { weekly, jira } = await project();
    jira.fail({ kind: "status", status: 410, endpoint: "bulkfetch" });
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.stderr).toMatch(
      /^warning: Jira unavailable \(HTTP 410, this API is gone from the server: .*\): using no facts for /,
    );
    expect(endpoints(jira)).toEqual(["POST bulkfetch 410"]);
  });

  it("connection refused: falls back at once after the retries", async () => {
    const { weekly, jira } = await project();
    await jira.close();
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `warning: Jira unavailable (connection refused by ${new URL(jira.url).host}): ` +
        "using no facts for STR-68, LBO-293, STR-76 (none cached)\n",
    );
  });

  it(
    "no credential gets out: a token with a line break is refused, " + "an error body that echoes it is scrubbed",
    async () => {
      const { weekly, jira } = await project({ deployment: "datacenter" });
      const newline = await weekly(["render", "reports/2022-11-11.yaml"], { env: { JIRA_API_TOKEN: `${TOKEN}\n` } });
      expect(newline).toEqual({
        code: 1,
        stdout: "",
        stderr: "JIRA_API_TOKEN has a line break or another control character in it; set it again without one\n",
      });
      jira.fail({ kind: "status", status: 500, body: `{"errorMessages":["bad header: Bearer ${TOKEN}"]}` });
      const echoed = await weekly(["render", "reports/2022-11-11.yaml"]);
      expect(echoed.stderr).toBe(
        "warning: Jira unavailable (HTTP 500: bad header: Bearer ***): " +
          "using no facts for STR-68, LBO-293, STR-76 (none cached)\n",
      );
      noSecret(echoed);
      const inUrl = await run(["render", "reports/2022-11-11.yaml"], {
        cwd: tmpProject({ "reports/2022-11-11.yaml": REPORT }),
        env: { JIRA_URL: `https://me:${TOKEN}@jira.example.com`, JIRA_API_TOKEN: TOKEN },
      });
      expect(inUrl).toEqual({
        code: 1,
        stdout: "",
        stderr:
          "the Jira site jira.example.com has a user or password in its URL; " +
          "put them in JIRA_USER and JIRA_API_TOKEN instead\n",
      });
    },
  );

  it("an unknown host (no DNS lookup leaves this machine: fetch is stubbed to fail as getaddrinfo does)", async () => {
    const dir = tmpProject({
      "weekly.config.yaml":
        "from: me@example.com\njira:\n  url: https://jira.example.invalid\n  deployment: datacenter\n",
      "reports/2022-11-11.yaml": REPORT,
    });
    const seen: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      seen.push(url);
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("getaddrinfo ENOTFOUND jira.example.invalid"), { code: "ENOTFOUND" }),
      });
    });
    try {
      const r = await run(["render", "reports/2022-11-11.yaml"], {
        cwd: dir,
        env: { JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: join(dir, "c") },
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        "warning: Jira unavailable (unknown host jira.example.invalid): " +
          "using no facts for STR-68, LBO-293, STR-76 (none cached)\n",
      );
      // not retried: it will not resolve in a second
      expect(seen).toEqual(["https://jira.example.invalid/rest/api/2/search"]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it(
    "--show-status adds Jira's status; Markdown links every ticket; " + "--context carries the facts and no secret",
    async () => {
      const { weekly, jira } = await project();
      const text = await weekly(["render", "--show-status", "reports/2022-11-11.yaml"]);
      expect(text.stdout).toContain("[STR-68] (network latency behaviour with VMs) [In Progress]\n");
      expect(text.stdout).toContain("[LBO-293] (Talk about the Stratos work on characterising the ...) [In Review]\n");
      const md = await weekly(["render", "-f", "md", "reports/2022-11-11.yaml"]);
      expect(md.stdout).toContain(`### [STR-68](${jira.url}/browse/STR-68): network latency behaviour with VMs\n`);
      const ctx = await weekly(["render", "--context", "reports/2022-11-11.yaml"]);
      const model = JSON.parse(ctx.stdout);
      expect(model.sections[0].entries[0].jira).toEqual({
        key: "STR-68",
        summary: "network latency behaviour with VMs",
        status: "In Progress",
        statusCategory: "indeterminate",
        assignee: "Jane Doe",
        resolution: null,
        updated: "2022-11-10T09:12:33.000+0000",
        issueType: "Task",
        url: `${jira.url}/browse/STR-68`,
      });
      for (const r of [text, md, ctx]) noSecret(r);
    },
  );

  it("no Jira configured: renders from the file and never loads jira-client", async () => {
    const dir = tmpProject({ "reports/2022-11-11.yaml": REPORT, "weekly.config.yaml": "from: me@example.com\n" });
    const r = await run(["render", "reports/2022-11-11.yaml"], { cwd: dir, env: { JIRA_API_TOKEN: TOKEN } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[STR-68]\n* tried OVS");
    // The files of the bundle that hold jira-client and its HTTP library.
    const jiraFiles = [...bundledFiles("jira-client"), ...bundledFiles("postman-request")];
    const probe = runBinLoading(["render", "reports/2022-11-11.yaml"], jiraFiles, { cwd: dir });
    expect(probe.code, probe.stderr).toBe(0);
    expect(probe.loaded).toEqual([]);
    expect(probe.stderr).toBe("");
  });
});

describe("credentials from ~/.netrc", () => {
  const netrc = (dir: string, text: string, mode: number) => {
    writeFileSync(join(dir, ".netrc"), text, { mode });
    chmodSync(join(dir, ".netrc"), mode);
  };

  it("the entry for the site's own host is used, as Basic; a 0600 file draws no warning", async () => {
    const { weekly, jira, dir } = await project();
    netrc(
      dir,
      `machine other.example.com login x password y\nmachine 127.0.0.1 login me@example.com password ${TOKEN}\n`,
      0o600,
    );
    const r = await weekly(["render", "reports/2022-11-11.yaml"], {
      env: { HOME: dir, JIRA_USER: "", JIRA_API_TOKEN: "" },
    });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
    const auth = `Basic ${Buffer.from(`me@example.com:${TOKEN}`).toString("base64")}`;
    expect(jira.requests.map((q) => q.headers.authorization)).toEqual([auth]);
  });

  it("a default entry is never sent to a site, and a file others can read is named with the fix", async () => {
    const { weekly, jira, dir } = await project();
    netrc(dir, `default login me@example.com password ${TOKEN}\n`, 0o600);
    const none = await weekly(["render", "reports/2022-11-11.yaml"], {
      env: { HOME: dir, JIRA_USER: "", JIRA_API_TOKEN: "" },
    });
    expect(none).toMatchObject({ code: 0, stderr: "" });
    expect(jira.requests).toEqual([]); // no credentials for this host: Jira is not asked
    netrc(dir, `machine 127.0.0.1 login me@example.com password ${TOKEN}\n`, 0o644);
    const open = await weekly(["render", "reports/2022-11-11.yaml"], {
      env: { HOME: dir, JIRA_USER: "", JIRA_API_TOKEN: "" },
    });
    expect(open.code).toBe(0);
    expect(open.stderr).toBe(
      `warning: ${join(dir, ".netrc")} can be read by other users; ` +
        `protect its passwords: chmod 600 ${join(dir, ".netrc")}\n`,
    );
    noSecret(open);
  });
});

describe("weekly status", () => {
  it(
    "tabulates Jira status, assignee, last update and flags, " + "counting no-progress weeks from earlier reports",
    async () => {
      const { weekly, dir } = await project({
        report:
          `sections:\n  - title: S\n    entries:\n      - ticket: STR-68\n        notes: [x]\n` +
          `      - ticket: STR-76\n        notes: [y]\n      - ticket: LBO-293\n        progress: none\n` +
          `      - ticket: XX-1\n        notes: [z]\n`,
      });
      const { writeFileSync } = await import("node:fs");
      writeFileSync(
        join(dir, "reports/2022-11-04.yaml"),
        "sections:\n  - title: S\n    entries:\n      - ticket: LBO-293\n        progress: none\n",
      );
      writeFileSync(
        join(dir, "reports/2022-10-28.yaml"),
        "sections:\n  - title: S\n    entries:\n      - ticket: LBO-293\n        progress: none\n",
      );
      writeFileSync(
        join(dir, "reports/2022-10-21.yaml"),
        "sections:\n  - title: S\n    entries:\n      - ticket: LBO-293\n        notes: [did things]\n",
      );
      const r = await weekly(["status"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(
        [
          "TICKET   JIRA STATUS  ASSIGNEE  UPDATED     FLAGS",
          "STR-68   In Progress  Jane Doe  2022-11-10",
          "STR-76   Done         Jane Doe  2022-11-01  done in Jira, still reported",
          "LBO-293  In Review    -         2022-11-08  no progress 3 weeks in a row",
          "XX-1     -            -         -           unknown key: a typo?",
          "",
        ].join("\n"),
      );
    },
  );
});

describe("--strict with Jira", () => {
  let fake2: FakeJira | undefined;
  afterEach(async () => fake2?.close());
  it("refuses to render from stale facts", async () => {
    fake2 = await startFakeJira({ deployment: "cloud", issues: ISSUES });
    const dir = tmpProject({
      "weekly.config.yaml": `jira:\n  url: ${fake2.url}\n  deployment: cloud\n`,
      "reports/2022-11-11.yaml": REPORT,
    });
    fake2.fail({ kind: "status", status: 410, endpoint: "bulkfetch" });
    const r = await run(["render", "--strict", "reports/2022-11-11.yaml"], {
      cwd: dir,
      env: { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "t", WEEKLY_CACHE_DIR: join(dir, "c") },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/\nnot rendered: --strict, and 1 warning from Jira\n$/);
  });
});
