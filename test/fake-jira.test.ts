// The fake Jira (test/fake-jira/) over real HTTP with Node's fetch: Atlassian's shapes on Cloud and Data Center,
// what wrong credentials do, queued faults and the request log. No test waits longer than about 250 ms.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira } from "./fake-jira/server.js";
import type { FakeIssue, FakeJira, FakeJiraOptions } from "./fake-jira/server.js";

const ADA = "Ada Lovelace";
const ISSUES: FakeIssue[] = [
  { key: "STR-68", id: "10068", summary: "network latency behaviour with VMs", status: "In Progress", assignee: ADA },
  {
    key: "LBO-293",
    id: "10293",
    summary: "Boot time regression",
    status: "Done",
    movedFrom: ["OLD-7"],
    issueType: "Bug",
  },
  { key: "TS-219", id: "10019", summary: "Trusted substrate", status: "Closed", assignee: ADA },
  { key: "STR-76", id: "10076", summary: "Break down the latency", assignee: ADA },
  { key: "OTH-5", id: "10005", summary: "Someone else's work", status: "In Review", assignee: "Grace Hopper" },
];
const JSON_TYPE = "application/json;charset=UTF-8";
const NOT_FOUND = { errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} };
const UNAUTHENTICATED = "Client must be authenticated to access this resource.";

const running: FakeJira[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((jira) => jira.close()));
});

async function start(opts: Partial<FakeJiraOptions> = {}): Promise<FakeJira> {
  const jira = await startFakeJira({ deployment: "cloud", issues: ISSUES, myself: { displayName: ADA }, ...opts });
  running.push(jira);
  return jira;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Parsed JSON when the body is JSON; tests read into it freely.
  json: any;
}

/** GET, or POST with a JSON body when `body` is given. */
async function call(jira: FakeJira, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const json: Record<string, string> = init.body === undefined ? {} : { "Content-Type": "application/json" };
  const res = await fetch(`${jira.url}${path}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: { Accept: "application/json", ...json, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const answer: Answer = { status: res.status, headers: res.headers, text, json: parse(text) };
  return answer;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const basic = (user: string, token: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`,
});
const keysOf = (answer: Answer): string[] => answer.json.issues.map((issue: { key: string }) => issue.key);

describe("fake Jira Cloud: issues", () => {
  it(
    "GET issue matches case-insensitively and through moves, " + "answering the current key and the asked fields",
    async () => {
      const jira = await start();
      const moved = await call(jira, "/rest/api/3/issue/old-7?fields=summary&fields=status");
      expect(moved.status).toBe(200);
      expect(moved.headers.get("content-type")).toBe(JSON_TYPE);
      expect(moved.json).toMatchObject({ id: "10293", key: "LBO-293", self: `${jira.url}/rest/api/3/issue/10293` });
      expect(Object.keys(moved.json.fields)).toEqual(["summary", "status"]);
      expect(moved.json.fields.status).toMatchObject({ name: "Done", statusCategory: { key: "done", id: 3 } });

      const mine = await call(jira, "/rest/api/2/issue/str-68?fields=assignee,resolution");
      expect(mine.json.key).toBe("STR-68");
      expect(mine.json.fields.assignee).toMatchObject({ accountId: "acc-ada.lovelace", displayName: "Ada Lovelace" });
      expect(mine.json.fields.assignee).not.toHaveProperty("name");
      expect(mine.json.fields.resolution).toBeNull();

      const theirs = await call(jira, "/rest/api/3/issue/OTH-5?fields=*all,-updated");
      expect(Object.keys(theirs.json.fields)).not.toContain("updated");
      expect(theirs.json.fields.status.statusCategory.key).toBe("indeterminate");
      expect(theirs.json.fields.assignee).toMatchObject({ accountId: "acc-grace.hopper", displayName: "Grace Hopper" });
      expect(theirs.json.fields.assignee).not.toHaveProperty("emailAddress");
    },
  );

  it("GET issue without fields gives every field, and a missing issue is Jira's 404 body", async () => {
    const jira = await start();
    const all = await call(jira, "/rest/api/3/issue/LBO-293");
    const every = ["assignee", "issuetype", "resolution", "status", "summary", "updated"];
    expect(Object.keys(all.json.fields).sort()).toEqual(every);
    expect(all.json.fields).toMatchObject({ assignee: null, resolution: { name: "Done" }, issuetype: { name: "Bug" } });

    const missing = await call(jira, "/rest/api/3/issue/NOPE-1");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(NOT_FOUND);
  });

  it(
    "bulkfetch answers found issues once each in ascending id order with current keys; " + "missing keys are absent",
    async () => {
      const jira = await start();
      const body = { issueIdsOrKeys: ["str-68", "OLD-7", "NOPE-1", "ts-219", "STR-68"], fields: ["summary", "status"] };
      const answer = await call(jira, "/rest/api/3/issue/bulkfetch", { body });
      expect(answer.status).toBe(200);
      expect(keysOf(answer)).toEqual(["TS-219", "STR-68", "LBO-293"]);
      expect(answer.json.issueErrors).toEqual([]);
      expect(Object.keys(answer.json.issues[0].fields)).toEqual(["summary", "status"]);
    },
  );

  it("bulkfetch refuses an empty list and more than 100 keys", async () => {
    const jira = await start();
    const tooMany = Array.from({ length: 101 }, (_, i) => `STR-${i + 1}`);
    for (const issueIdsOrKeys of [[], tooMany]) {
      const answer = await call(jira, "/rest/api/3/issue/bulkfetch", { body: { issueIdsOrKeys } });
      expect(answer.status).toBe(400);
      expect(answer.json.errorMessages).toHaveLength(1);
    }
    const hundred = await call(jira, "/rest/api/3/issue/bulkfetch", {
      body: { issueIdsOrKeys: tooMany.slice(0, 100) },
    });
    expect(keysOf(hundred)).toEqual(["STR-68", "STR-76"]);
  });
});

describe("fake Jira Cloud: search", () => {
  const KEY_IN = "KEY in (str-68, LBO-293, ts-219, STR-76, OLD-7)";

  it("search/jql pages with nextPageToken until isLast", async () => {
    const jira = await start();
    const first = await call(jira, "/rest/api/3/search/jql", {
      body: { jql: KEY_IN, maxResults: 3, fields: ["summary"] },
    });
    expect(first.json).toMatchObject({ isLast: false, nextPageToken: expect.any(String) });
    expect(keysOf(first)).toEqual(["STR-68", "LBO-293", "TS-219"]);
    const body = { jql: KEY_IN, maxResults: 3, fields: ["summary"], nextPageToken: first.json.nextPageToken };
    const second = await call(jira, "/rest/api/3/search/jql", { body });
    expect(keysOf(second)).toEqual(["STR-76"]);
    expect(second.json.isLast).toBe(true);
    expect(second.json).not.toHaveProperty("nextPageToken");
  });

  it("search/jql answers ids alone unless fields are asked for, by POST or GET", async () => {
    const jira = await start();
    const bare = await call(jira, "/rest/api/3/search/jql", { body: { jql: "key = STR-68" } });
    expect(bare.json).toEqual({ issues: [{ id: "10068" }], isLast: true });
    const jql = encodeURIComponent("key in (TS-219)");
    const got = await call(jira, `/rest/api/2/search/jql?jql=${jql}&fields=summary,status`);
    expect(got.json.issues[0]).toMatchObject({ key: "TS-219", self: `${jira.url}/rest/api/2/issue/10019` });
    expect(Object.keys(got.json.issues[0].fields)).toEqual(["summary", "status"]);
  });

  it("search/jql finds my issues that are not done", async () => {
    const jira = await start();
    const jql = "assignee = currentUser() AND statusCategory != Done ORDER BY key DESC";
    const mine = await call(jira, "/rest/api/3/search/jql", { body: { jql, fields: ["summary"] } });
    expect(keysOf(mine)).toEqual(["STR-76", "STR-68"]);
  });

  it("search/jql answers 400 to JQL the fake does not understand, unbounded JQL and bad paging", async () => {
    const jira = await start();
    const cases = [
      { jql: "project = STR" },
      { jql: "order by key" },
      { jql: "key in (0.0)" },
      { jql: "key = STR-68", maxResults: 0 },
      { jql: "key = STR-68", nextPageToken: "not-a-token" },
    ];
    for (const body of cases) {
      const answer = await call(jira, "/rest/api/3/search/jql", { body });
      expect([body, answer.status]).toEqual([body, 400]);
      expect(answer.json.errorMessages[0]).toEqual(expect.any(String));
    }
  });

  it("the removed /search answers 410 with the CHANGE-2046 body, by POST and GET", async () => {
    const jira = await start();
    const posted = await call(jira, "/rest/api/3/search", { body: { jql: "key = STR-68" } });
    const got = await call(jira, "/rest/api/2/search?jql=key%3DSTR-68");
    for (const answer of [posted, got]) {
      expect(answer.status).toBe(410);
      expect(answer.headers.get("content-type")).toBe(JSON_TYPE);
      expect(answer.json.errorMessages[0]).toMatch(/^The requested API has been removed\. .*#CHANGE-2046$/);
      expect(answer.json.errors).toEqual({});
    }
  });

  it("a POST body that is not sent as application/json is a 415", async () => {
    const jira = await start();
    const body = JSON.stringify({ jql: "key = STR-68" }); // fetch labels a string body text/plain
    const res = await fetch(`${jira.url}/rest/api/3/search/jql`, { method: "POST", body });
    expect(res.status).toBe(415);
  });

  it("myself and serverInfo describe the Cloud site", async () => {
    const jira = await start();
    const myself = await call(jira, "/rest/api/3/myself");
    expect(myself.json).toMatchObject({ accountId: "acc-ada.lovelace", displayName: ADA });
    const serverInfo = await call(jira, "/rest/api/3/serverInfo");
    expect(serverInfo.json).toMatchObject({ deploymentType: "Cloud", baseUrl: jira.url });
  });
});

describe("fake Jira Data Center", () => {
  const dc = (opts: Partial<FakeJiraOptions> = {}) =>
    start({ deployment: "datacenter", contextPath: "/jira", ...opts });

  it("search drops missing keys when validateQuery is false, in the old search shape", async () => {
    const jira = await dc();
    expect(jira.url).toBe(`http://127.0.0.1:${jira.port}/jira`);
    const body = { jql: "key in (STR-68, NOPE-1)", validateQuery: false, fields: ["summary", "assignee"] };
    const answer = await call(jira, "/rest/api/2/search", { body });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ expand: expect.any(String), startAt: 0, maxResults: 50, total: 1 });
    expect(answer.json.issues[0]).toMatchObject({ key: "STR-68", self: `${jira.url}/rest/api/2/issue/10068` });
    expect(answer.json.issues[0].fields.assignee).toMatchObject({ name: "ada.lovelace", key: "ada.lovelace" });
    expect(answer.json.issues[0].fields.assignee).not.toHaveProperty("accountId");
  });

  it("search with validation (the default) answers 400 naming the missing key", async () => {
    const jira = await dc();
    const answer = await call(jira, "/rest/api/2/search", { body: { jql: "key in (STR-68, X-1)" } });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      errorMessages: ["An issue with key 'X-1' does not exist for field 'key'."],
      errors: {},
    });
  });

  it("search pages with startAt and reports the total", async () => {
    const jira = await dc();
    const body = { jql: "key in (STR-68, LBO-293, TS-219)", startAt: 1, maxResults: 1, fields: ["summary"] };
    const answer = await call(jira, "/rest/api/2/search", { body });
    expect(answer.json).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect(keysOf(answer)).toEqual(["LBO-293"]);
  });

  it("serves /rest/api/2 only: no v3, no search/jql, no bulkfetch, nothing outside the context path", async () => {
    const jira = await dc();
    expect((await call(jira, "/rest/api/2/issue/str-68")).json.key).toBe("STR-68");
    expect((await call(jira, "/rest/api/2/serverInfo")).json.deploymentType).toBe("Server");
    const absent = [
      await call(jira, "/rest/api/3/issue/STR-68"),
      await call(jira, "/rest/api/2/search/jql", { body: { jql: "key = STR-68" } }),
      await call(jira, "/rest/api/2/issue/bulkfetch", { body: { issueIdsOrKeys: ["STR-68"] } }),
    ];
    expect(absent.map((a) => a.status)).toEqual([404, 404, 404]);
    const outside = await fetch(`http://127.0.0.1:${jira.port}/rest/api/2/issue/STR-68`);
    expect(outside.status).toBe(404);
  });
});

describe("fake Jira: credentials", () => {
  const auth = { user: "ada@example.com", token: "TOKEN", scheme: "basic" as const };

  it("Cloud answers wrong Basic credentials as an anonymous caller, flagged by X-Seraph-LoginReason", async () => {
    const jira = await start({ auth });
    const headers = basic("ada@example.com", "WRONG");
    const issue = await call(jira, "/rest/api/3/issue/STR-68", { headers });
    expect([issue.status, issue.json]).toEqual([404, NOT_FOUND]);
    expect(issue.headers.get("x-seraph-loginreason")).toBe("AUTHENTICATED_FAILED");
    const search = await call(jira, "/rest/api/3/search/jql", { body: { jql: "key = STR-68" }, headers });
    expect([search.status, search.json.issues]).toEqual([200, []]);
    const bulk = await call(jira, "/rest/api/3/issue/bulkfetch", { body: { issueIdsOrKeys: ["STR-68"] }, headers });
    expect([bulk.status, bulk.json.issues]).toEqual([200, []]);
    const myself = await call(jira, "/rest/api/3/myself", { headers });
    expect([myself.status, myself.text]).toEqual([401, UNAUTHENTICATED]);
    expect(myself.headers.get("www-authenticate")).toBe(`OAuth realm="${encodeURIComponent(jira.url)}"`);
  });

  it("Cloud with no credentials is anonymous without the Seraph flag; the right ones sign in", async () => {
    const jira = await start({ auth });
    const anonymous = await call(jira, "/rest/api/3/issue/STR-68");
    expect(anonymous.status).toBe(404);
    expect(anonymous.headers.get("x-seraph-loginreason")).toBeNull();
    const headers = basic("ada@example.com", "TOKEN");
    expect((await call(jira, "/rest/api/3/issue/STR-68", { headers })).status).toBe(200);
    const myself = await call(jira, "/rest/api/3/myself", { headers });
    expect([myself.status, myself.json.displayName]).toEqual([200, "Ada Lovelace"]);
  });

  it("Cloud refuses an unreadable Bearer token with 403", async () => {
    const jira = await start({ auth });
    const answer = await call(jira, "/rest/api/3/issue/STR-68", { headers: { Authorization: "Bearer nonsense" } });
    expect([answer.status, answer.json]).toEqual([403, { error: "Failed to parse Connect Session Auth Token" }]);
  });

  it("Data Center answers 401 to everything without the right Bearer token", async () => {
    const jira = await start({ deployment: "datacenter", auth: { token: "PAT123", scheme: "bearer" } });
    const wrong = [{ Authorization: "Bearer WRONG" }, basic("ada", "PAT123"), {}];
    for (const headers of wrong) {
      const answers = [
        await call(jira, "/rest/api/2/issue/STR-68", { headers }),
        await call(jira, "/rest/api/2/search", { body: { jql: "key = STR-68" }, headers }),
        await call(jira, "/rest/api/2/serverInfo", { headers }),
      ];
      expect(answers.map((a) => [a.status, a.text])).toEqual(Array(3).fill([401, UNAUTHENTICATED]));
    }
    const right = await call(jira, "/rest/api/2/issue/STR-68", { headers: { Authorization: "Bearer PAT123" } });
    expect(right.status).toBe(200);
  });
});

describe("fake Jira: faults", () => {
  it("a 429 with Retry-After hits the next `times` requests of its endpoint, then is used up", async () => {
    const jira = await start();
    jira.fail({ kind: "status", status: 429, retryAfter: "7", times: 2, endpoint: "issue" });
    const first = await call(jira, "/rest/api/3/issue/STR-68");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(first.json).toEqual({ errorMessages: ["Rate limit exceeded."], errors: {} });
    expect((await call(jira, "/rest/api/3/myself")).status).toBe(200);
    expect((await call(jira, "/rest/api/3/issue/STR-68")).status).toBe(429);
    expect((await call(jira, "/rest/api/3/issue/STR-68")).status).toBe(200);
    expect(jira.requests.map((r) => r.status)).toEqual([429, 200, 429, 200]);
  });

  it("a status fault can carry its own body", async () => {
    const jira = await start();
    jira.fail({ kind: "status", status: 502, body: "<html>Bad gateway</html>" });
    const answer = await call(jira, "/rest/api/3/serverInfo");
    expect([answer.status, answer.text]).toEqual([502, "<html>Bad gateway</html>"]);
    expect(answer.headers.get("content-type")).toBe("text/plain;charset=UTF-8");
  });

  it("drop closes the connection without an answer; the next request is answered", async () => {
    const jira = await start();
    jira.fail({ kind: "drop" });
    await expect(fetch(`${jira.url}/rest/api/3/issue/STR-68`)).rejects.toThrow(TypeError);
    expect((await call(jira, "/rest/api/3/issue/STR-68")).status).toBe(200);
    expect(jira.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it("slow outlasts a client timeout once, then answers normally", async () => {
    const jira = await start();
    jira.fail({ kind: "slow", delayMs: 250 });
    const slow = fetch(`${jira.url}/rest/api/3/issue/STR-68`, { signal: AbortSignal.timeout(50) });
    await expect(slow).rejects.toThrow(/timeout/i);
    const next = await fetch(`${jira.url}/rest/api/3/issue/STR-68`, { signal: AbortSignal.timeout(200) });
    expect(next.status).toBe(200);
  });

  it("slow answers normally once its delay is over", async () => {
    const jira = await start();
    jira.fail({ kind: "slow", delayMs: 60 });
    const answer = await call(jira, "/rest/api/3/issue/STR-68");
    expect([answer.status, answer.json.key]).toEqual([200, "STR-68"]);
  });

  it("malformed is a 200 whose JSON is cut short", async () => {
    const jira = await start();
    jira.fail({ kind: "malformed", endpoint: "bulkfetch" });
    const res = await fetch(`${jira.url}/rest/api/3/issue/bulkfetch`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ issueIdsOrKeys: ["STR-68"] }),
    });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it("latencyMs delays every answer", async () => {
    const jira = await start({ latencyMs: 200 });
    const late = fetch(`${jira.url}/rest/api/3/serverInfo`, { signal: AbortSignal.timeout(40) });
    await expect(late).rejects.toThrow(/timeout/i);
    expect((await fetch(`${jira.url}/rest/api/3/serverInfo`)).status).toBe(200);
  });

  it("reset clears the log and the queued faults", async () => {
    const jira = await start();
    jira.fail({ kind: "status", status: 503 });
    await call(jira, "/rest/api/3/serverInfo");
    jira.fail({ kind: "status", status: 503 });
    jira.reset();
    expect(jira.requests).toEqual([]);
    expect((await call(jira, "/rest/api/3/serverInfo")).status).toBe(200);
  });

  it("close() ends keep-alive connections and requests still waiting on a delay", async () => {
    const jira = await startFakeJira({ deployment: "cloud", issues: ISSUES });
    await (await fetch(`${jira.url}/rest/api/3/serverInfo`)).text(); // leaves a keep-alive connection open
    jira.fail({ kind: "slow", delayMs: 10_000 });
    const waiting = fetch(`${jira.url}/rest/api/3/serverInfo`);
    while (jira.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const hung = new Promise((resolve) => setTimeout(resolve, 1000, "hung"));
    const closed = await Promise.race([jira.close().then(() => "closed"), hung]);
    expect(closed).toBe("closed");
    await expect(waiting).rejects.toThrow(TypeError);
  });
});

describe("fake Jira: the request log", () => {
  it("records method, path, query, body, headers, endpoint and status of every request, in order", async () => {
    const jira = await start({ auth: { token: "TOKEN", scheme: "basic" } });
    const headers = basic("ada@example.com", "TOKEN");
    await call(jira, "/rest/api/3/issue/str-68?fields=summary&fields=status&properties=%2Aall", { headers });
    await call(jira, "/rest/api/3/issue/bulkfetch", {
      body: { issueIdsOrKeys: ["STR-68"], fields: ["summary"] },
      headers,
    });
    await call(jira, "/rest/api/3/nothing-here", { headers });
    expect(jira.requests).toHaveLength(3);
    expect(jira.requests[0]).toMatchObject({
      method: "GET",
      path: "/rest/api/3/issue/str-68",
      query: { fields: ["summary", "status"], properties: "*all" },
      body: undefined,
      endpoint: "issue",
      status: 200,
    });
    expect(jira.requests[0]?.headers.authorization).toBe(headers.Authorization);
    const bulk = { method: "POST", endpoint: "bulkfetch", body: { fields: ["summary"] }, status: 200 };
    expect(jira.requests[1]).toMatchObject(bulk);
    expect(jira.requests[2]).toMatchObject({ endpoint: "unknown", status: 404 });
  });

  it("setIssues replaces what the fake knows", async () => {
    const jira = await start();
    jira.setIssues([{ key: "NEW-1", summary: "fresh" }]);
    expect((await call(jira, "/rest/api/3/issue/STR-68")).status).toBe(404);
    expect((await call(jira, "/rest/api/3/issue/new-1?fields=summary")).json).toMatchObject({
      id: "10000",
      key: "NEW-1",
    });
  });

  it("refuses issues that share a key", async () => {
    const twice = [ISSUES[0]!, { key: "X-1", summary: "moved here", movedFrom: ["str-68"] }];
    await expect(startFakeJira({ deployment: "cloud", issues: twice })).rejects.toThrow(/names two issues/);
  });
});
