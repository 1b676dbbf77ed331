// The fake Jira's write routes (test/fake-jira/) over real HTTP with Node's fetch: comments, comment and issue
// properties, ADF and wiki bodies, transitions, worklogs, the per-issue write limit, hostile read modes, targeted
// faults and the request log. Facts from /work/shared/reference/jira-write-notes.md.
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira } from "./fake-jira/server.js";
import type { FakeIssue, FakeJira, FakeJiraOptions } from "./fake-jira/server.js";

const ADA = "Ada Lovelace";
const ISSUES: FakeIssue[] = [
  { key: "STR-68", id: "10068", summary: "latency", status: "In Progress", assignee: ADA, movedFrom: ["OLD-1"] },
  { key: "TODO-1", id: "10001", summary: "not started", assignee: ADA },
  { key: "REV-2", id: "10002", summary: "in review", status: "In Review" },
  { key: "DONE-3", id: "10003", summary: "finished", status: "Done" },
];
const JIRA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;
const NOT_FOUND = { errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} };
const INVALID = { errorMessages: [], errors: { comment: "Comment body is not valid!" } };
const STARTED = "2022-11-11T09:00:00.000+0900";

const running: FakeJira[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((jira) => jira.close()));
});

async function start(opts: Partial<FakeJiraOptions> = {}): Promise<FakeJira> {
  const jira = await startFakeJira({ deployment: "cloud", issues: ISSUES, myself: { displayName: ADA }, ...opts });
  running.push(jira);
  return jira;
}
const dc = (opts: Partial<FakeJiraOptions> = {}) => start({ deployment: "datacenter", ...opts });

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // Parsed JSON when the body is JSON; tests read into it freely.
  json: any;
}

async function send(jira: FakeJira, method: string, path: string, body?: unknown, init: RequestInit = {}) {
  const json: Record<string, string> = body === undefined ? {} : { "Content-Type": "application/json" };
  const res = await fetch(`${jira.url}${path}`, {
    method,
    headers: { Accept: "application/json", ...json },
    body: body === undefined ? undefined : JSON.stringify(body),
    ...init,
  });
  const text = await res.text();
  const answer: Answer = { status: res.status, headers: res.headers, text, json: parse(text) };
  return answer;
}
const get = (jira: FakeJira, path: string) => send(jira, "GET", path);
const post = (jira: FakeJira, path: string, body: unknown) => send(jira, "POST", path, body);
const put = (jira: FakeJira, path: string, body?: unknown) => send(jira, "PUT", path, body);
const del = (jira: FakeJira, path: string) => send(jira, "DELETE", path);

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ADF builders.
const doc = (...content: unknown[]) => ({ type: "doc", version: 1, content });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const txt = (text: string, marks?: unknown[]) => (marks ? { type: "text", text, marks } : { type: "text", text });
const hardBreak = { type: "hardBreak" };
const bullets = (...items: unknown[]) => ({ type: "bulletList", content: items });
const item = (...content: unknown[]) => ({ type: "listItem", content });
const code = (text: string) => ({ type: "codeBlock", attrs: { language: "text" }, content: [txt(text)] });
const NOTE = doc(para(txt("Fixed the latency")));

const V3 = "/rest/api/3";
const V2 = "/rest/api/2";
const comment = (jira: FakeJira, key: string) => post(jira, `${V3}/issue/${key}/comment`, { body: NOTE });

describe("comments", () => {
  it("POST stores the ADF body as sent and answers 201 with Jira's comment JSON", async () => {
    const jira = await start();
    const body = doc(para(txt("line one"), hardBreak, txt("line two", [{ type: "strong" }])));
    const answer = await post(jira, `${V3}/issue/str-68/comment`, { body });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ id: expect.stringMatching(/^\d+$/), body, author: { displayName: ADA } });
    expect(answer.json.self).toBe(`${jira.url}${V3}/issue/10068/comment/${answer.json.id}`);
    expect(answer.json.created).toMatch(JIRA_DATE);
    expect(answer.json.updated).toMatch(JIRA_DATE);
    expect(answer.json).not.toHaveProperty("properties");
    expect(jira.comments("STR-68")).toEqual([expect.objectContaining({ id: answer.json.id, body, author: ADA })]);
  });

  it("properties given on create come back on create, on expand=properties and in comments(key)", async () => {
    const jira = await start();
    const properties = [{ key: "weekly-report", value: { week: "2025-W47" } }];
    const created = await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE, properties });
    expect(created.json.properties).toEqual(properties);
    const plain = await get(jira, `${V3}/issue/STR-68/comment`);
    expect(plain.json.comments[0]).not.toHaveProperty("properties");
    const expanded = await get(jira, `${V3}/issue/STR-68/comment?expand=properties`);
    expect(expanded.json.comments[0].properties).toEqual(properties);
    const one = await get(jira, `${V3}/issue/STR-68/comment/${created.json.id}?expand=properties`);
    expect(one.json).toMatchObject({ id: created.json.id, properties });
    expect(jira.comments("STR-68")[0]?.properties).toEqual({ "weekly-report": { week: "2025-W47" } });
  });

  it("PUT updates the body (notifyUsers accepted) and later reads show it", async () => {
    const jira = await start();
    const { json } = await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE });
    const edited = doc(para(txt("Edited")));
    const answer = await put(jira, `${V3}/issue/STR-68/comment/${json.id}?notifyUsers=false`, { body: edited });
    expect([answer.status, answer.json.id, answer.json.body]).toEqual([200, json.id, edited]);
    expect((await get(jira, `${V3}/issue/STR-68/comment/${json.id}`)).json.body).toEqual(edited);
    expect(jira.writes().at(-1)).toMatchObject({ method: "PUT", query: { notifyUsers: "false" }, status: 200 });
  });

  it("DELETE answers 204, after which the comment is a 404", async () => {
    const jira = await start();
    const { json } = await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE });
    expect((await del(jira, `${V3}/issue/STR-68/comment/${json.id}`)).status).toBe(204);
    expect((await get(jira, `${V3}/issue/STR-68/comment/${json.id}`)).status).toBe(404);
    expect((await del(jira, `${V3}/issue/STR-68/comment/${json.id}`)).status).toBe(404);
    expect((await get(jira, `${V3}/issue/STR-68/comment`)).json.total).toBe(0);
  });

  it("the list pages with startAt and maxResults, 100 a page by default", async () => {
    const comments = Array.from({ length: 101 }, (_, i) => ({ body: `comment ${i}` }));
    const jira = await start({ issues: [{ key: "MANY-1", summary: "busy", comments }] });
    const first = await get(jira, `${V2}/issue/MANY-1/comment`);
    expect(first.json).toMatchObject({ startAt: 0, maxResults: 100, total: 101 });
    expect(first.json.comments).toHaveLength(100);
    const last = await get(jira, `${V2}/issue/MANY-1/comment?startAt=100&maxResults=10`);
    expect(last.json).toMatchObject({ startAt: 100, maxResults: 10, total: 101 });
    expect(last.json.comments.map((c: { body: string }) => c.body)).toEqual(["comment 100"]);
    expect((await get(jira, `${V2}/issue/MANY-1/comment?maxResults=ten`)).status).toBe(400);
  });

  it("an unknown issue is Jira's 404; an unknown comment, or one on another issue, a 404 too", async () => {
    const jira = await start();
    const missing = await post(jira, `${V3}/issue/NOPE-1/comment`, { body: NOTE });
    expect([missing.status, missing.json]).toEqual([404, NOT_FOUND]);
    expect((await get(jira, `${V3}/issue/NOPE-1/comment`)).json).toEqual(NOT_FOUND);
    const { json } = await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE });
    expect((await get(jira, `${V3}/issue/STR-68/comment/999`)).status).toBe(404);
    expect((await get(jira, `${V3}/issue/TODO-1/comment/${json.id}`)).status).toBe(404);
    expect((await put(jira, `${V3}/issue/TODO-1/comment/${json.id}`, { body: NOTE })).status).toBe(404);
  });

  it("a moved key reaches the issue; comments(key) refuses a key no issue has", async () => {
    const jira = await start();
    expect((await post(jira, `${V3}/issue/old-1/comment`, { body: NOTE })).status).toBe(201);
    expect(jira.comments("STR-68")).toHaveLength(1);
    expect(() => jira.comments("NOPE-1")).toThrow(/no issue/);
  });

  it("a comment body must be sent as application/json", async () => {
    const jira = await start();
    const body = JSON.stringify({ body: NOTE }); // fetch labels a string body text/plain
    const res = await fetch(`${jira.url}${V3}/issue/STR-68/comment`, { method: "POST", body });
    expect(res.status).toBe(415);
    expect(jira.comments("STR-68")).toEqual([]);
  });
});

describe("comment bodies", () => {
  it("Cloud v3 refuses a plain string with Jira's exact body", async () => {
    const jira = await start();
    const answer = await post(jira, `${V3}/issue/STR-68/comment`, { body: "plain text" });
    expect([answer.status, answer.json]).toEqual([400, INVALID]);
    expect(jira.comments("STR-68")).toEqual([]);
  });

  // The path of the i-th child of the first top-level node.
  const CHILD = (i: number) => `$.content[0].content[${i}]`;
  const BAD: [string, unknown, string][] = [
    ["an empty text node", doc(para(txt("a"), txt(""))), CHILD(1)],
    ["a text node whose text is no string", doc(para({ type: "text", text: 5 })), CHILD(0)],
    ["a hardBreak with marks", doc(para(txt("a"), { ...hardBreak, marks: [{ type: "strong" }] })), CHILD(1)],
    ["a hardBreak with content", doc(para({ type: "hardBreak", content: [txt("x")] })), CHILD(0)],
    ["a hardBreak directly in the doc", doc(hardBreak), "$.content[0]"],
    ["a hardBreak directly in a list item", doc(bullets(item(para(txt("a")), hardBreak))), `${CHILD(0)}.content[1]`],
    ["a hardBreak in a codeBlock", doc({ type: "codeBlock", content: [txt("a"), hardBreak] }), CHILD(1)],
    ["a marked text in a codeBlock", doc({ type: "codeBlock", content: [txt("a", [{ type: "em" }])] }), CHILD(0)],
    ["text directly in the doc", doc(txt("loose")), "$.content[0]"],
    ["text directly in a list item", doc(bullets(item(txt("a")))), `${CHILD(0)}.content[0]`],
    ["a paragraph directly in a list", doc(bullets(para(txt("a")))), CHILD(0)],
    ["an empty list", doc(bullets()), "$.content[0]"],
    ["an empty list item", doc(bullets(item())), CHILD(0)],
    ["a list inside a paragraph", doc(para(bullets(item(para(txt("a")))))), CHILD(0)],
    ["an unknown mark", doc(para(txt("a", [{ type: "underline" }]))), `${CHILD(0)}.marks[0]`],
    ["a link without href", doc(para(txt("a", [{ type: "link", attrs: {} }]))), `${CHILD(0)}.marks[0]`],
    ["an unknown node type", doc(para(txt("a")), { type: "panel", content: [] }), "$.content[1]"],
    ["a doc of the wrong version", { type: "doc", version: 2, content: [] }, "$.version"],
    ["a paragraph instead of a doc", para(txt("a")), "$.type"],
  ];

  it.each(BAD)("Cloud v3 refuses %s, naming its JSON path", async (_name, body, path) => {
    const jira = await start();
    const answer = await post(jira, `${V3}/issue/STR-68/comment`, { body });
    expect(answer.status).toBe(400);
    expect(answer.json.errorMessages).toEqual([]);
    expect(answer.json.errors.comment).toMatch(/^Comment body is not valid! /);
    expect(answer.json.errors.comment).toContain(`${path}:`);
  });

  it("Cloud v3 accepts paragraphs, hard breaks, marks, nested lists and code blocks, stored exactly", async () => {
    const jira = await start();
    const link = { type: "link", attrs: { href: "https://lore.kernel.org/x" } };
    const ordered = { type: "orderedList", content: [item(para(txt("nested")))] };
    const marks = [txt("bold", [{ type: "strong" }]), txt(" em", [{ type: "em" }]), txt(" cmd", [{ type: "code" }])];
    const body = doc(
      para(txt("[PATCH v3 1/2] *not* _markup_", [link]), hardBreak, ...marks),
      bullets(item(para(txt("first"))), item(para(txt("second")), ordered), item(code("a\nb"))),
      code("line1\nline2"),
    );
    const answer = await post(jira, `${V3}/issue/STR-68/comment`, { body });
    expect(answer.status).toBe(201);
    expect(jira.comments("STR-68")[0]?.body).toEqual(body);
  });

  it("v2 takes a wiki string on Cloud and Data Center and refuses an object; an empty body is refused", async () => {
    for (const jira of [await start(), await dc()]) {
      const ok = await post(jira, `${V2}/issue/STR-68/comment`, { body: "{noformat}\n*x*\n{noformat}" });
      expect([ok.status, ok.json.body]).toEqual([201, "{noformat}\n*x*\n{noformat}"]);
      const adf = await post(jira, `${V2}/issue/STR-68/comment`, { body: NOTE });
      expect(adf.status).toBe(400);
      expect(adf.json.errors.comment).toMatch(/^Comment body is not valid!/);
      const empty = await post(jira, `${V2}/issue/STR-68/comment`, { body: "  " });
      expect([empty.status, empty.json.errors]).toEqual([400, { comment: "Comment body can not be empty!" }]);
      expect(jira.comments("STR-68")).toHaveLength(1);
    }
  });

  it("Data Center has no REST v3 for comments", async () => {
    const jira = await dc();
    expect((await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE })).status).toBe(404);
    expect((await get(jira, `${V2}/issue/STR-68/comment`)).status).toBe(200);
  });
});

describe("comment properties", () => {
  it("PUT creates (201) then updates (200); GET reads it; DELETE removes it; the keys are listed", async () => {
    const jira = await start();
    const { json } = await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE });
    const path = `${V3}/comment/${json.id}/properties/weekly-report`;
    expect((await put(jira, path, { week: "W47" })).status).toBe(201);
    expect((await put(jira, path, { week: "W48" })).status).toBe(200);
    expect((await get(jira, path)).json).toEqual({ key: "weekly-report", value: { week: "W48" } });
    const keys = await get(jira, `${V3}/comment/${json.id}/properties`);
    expect(keys.json.keys).toEqual([{ key: "weekly-report", self: `${jira.url}${path}` }]);
    expect(jira.comments("STR-68")[0]?.properties).toEqual({ "weekly-report": { week: "W48" } });
    expect((await del(jira, path)).status).toBe(204);
    expect((await get(jira, path)).status).toBe(404);
  });

  it("takes any JSON value up to 32 KB and keys up to 255 characters; more, or nothing, is a 400", async () => {
    const jira = await dc();
    const { json } = await post(jira, `${V2}/issue/STR-68/comment`, { body: "note" });
    const at = (key: string) => `${V2}/comment/${json.id}/properties/${key}`;
    expect((await put(jira, at("flag"), true)).status).toBe(201);
    expect((await put(jira, at("k".repeat(255)), 1)).status).toBe(201);
    expect((await put(jira, at("k".repeat(256)), 1)).status).toBe(400);
    expect((await put(jira, at("big"), "x".repeat(32 * 1024 - 2))).status).toBe(201); // 32768 bytes with quotes
    expect((await put(jira, at("bigger"), "x".repeat(32 * 1024 - 1))).status).toBe(400);
    expect((await put(jira, at("empty"))).status).toBe(400);
    expect((await get(jira, at("bigger"))).status).toBe(404);
  });

  it("a comment that does not exist is a 404", async () => {
    const jira = await start();
    expect((await put(jira, `${V3}/comment/123/properties/k`, 1)).status).toBe(404);
    expect((await get(jira, `${V3}/comment/123/properties`)).status).toBe(404);
  });
});

describe("issue properties", () => {
  it("PUT, GET, list and DELETE, and issueProperties(key) shows them", async () => {
    const jira = await start();
    const path = `${V3}/issue/STR-68/properties/weekly`;
    expect((await put(jira, path, { W47: { comment: "100001" } })).status).toBe(201);
    expect((await put(jira, path, { W47: { comment: "100002" } })).status).toBe(200);
    expect((await get(jira, path)).json).toEqual({ key: "weekly", value: { W47: { comment: "100002" } } });
    expect((await get(jira, `${V3}/issue/STR-68/properties`)).json.keys).toEqual([
      { key: "weekly", self: `${jira.url}${V3}/issue/10068/properties/weekly` },
    ]);
    expect(jira.issueProperties("STR-68")).toEqual({ weekly: { W47: { comment: "100002" } } });
    expect((await del(jira, path)).status).toBe(204);
    expect((await get(jira, path)).status).toBe(404);
    expect((await put(jira, `${V3}/issue/NOPE-1/properties/weekly`, 1)).json).toEqual(NOT_FOUND);
  });

  const SEEDED: FakeIssue[] = [
    { key: "P-1", id: "20001", summary: "marked", properties: { weekly: { W47: true }, other: 1 } },
    { key: "P-2", id: "20002", summary: "unmarked" },
  ];

  it("GET issue and bulkfetch return the properties asked for that exist", async () => {
    const jira = await start({ issues: SEEDED });
    const one = await get(jira, `${V3}/issue/P-1?fields=summary&properties=weekly,missing`);
    expect(one.json.properties).toEqual({ weekly: { W47: true } });
    const all = await get(jira, `${V3}/issue/P-1?properties=*all`);
    expect(all.json.properties).toEqual({ weekly: { W47: true }, other: 1 });
    expect((await get(jira, `${V3}/issue/P-1`)).json).not.toHaveProperty("properties");
    const bulk = await post(jira, `${V3}/issue/bulkfetch`, { issueIdsOrKeys: ["P-1", "P-2"], properties: ["weekly"] });
    expect(bulk.json.issues.map((i: { properties: unknown }) => i.properties)).toEqual([{ weekly: { W47: true } }, {}]);
  });

  it("Cloud search/jql (POST array or GET list) and Data Center search return them too", async () => {
    const cloud = await start({ issues: SEEDED });
    const body = { jql: "key in (P-1, P-2)", properties: ["weekly"] };
    const posted = await post(cloud, `${V3}/search/jql`, body);
    expect(posted.json.issues).toEqual([
      { id: "20001", properties: { weekly: { W47: true } } },
      { id: "20002", properties: {} },
    ]);
    const got = await get(cloud, `${V3}/search/jql?jql=key%3DP-1&fields=summary&properties=weekly,other`);
    expect(got.json.issues[0].properties).toEqual({ weekly: { W47: true }, other: 1 });
    const center = await dc({ issues: SEEDED });
    const search = await post(center, `${V2}/search`, { ...body, fields: ["summary"] });
    expect(search.json.issues[0]).toMatchObject({ key: "P-1", properties: { weekly: { W47: true } } });
  });

  it("more than 5 property keys in one read is a 400", async () => {
    const jira = await start({ issues: SEEDED });
    const six = ["a", "b", "c", "d", "e", "f"];
    const answers = [
      await get(jira, `${V3}/issue/P-1?properties=${six.join(",")}`),
      await post(jira, `${V3}/issue/bulkfetch`, { issueIdsOrKeys: ["P-1"], properties: six }),
      await post(jira, `${V3}/search/jql`, { jql: "key = P-1", properties: six }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect((await get(jira, `${V3}/issue/P-1?properties=${six.slice(1).join(",")}`)).status).toBe(200);
  });
});

describe("transitions", () => {
  const namesOf = (answer: Answer) => answer.json.transitions.map((t: { name: string }) => t.name);

  it("the default workflow offers only the transitions from the current status", async () => {
    const jira = await start();
    const todo = await get(jira, `${V3}/issue/TODO-1/transitions`);
    expect(namesOf(todo)).toEqual(["Start work", "Resolve"]);
    expect(todo.json.transitions[0]).toMatchObject({
      id: "11",
      to: { name: "In Progress", statusCategory: { key: "indeterminate" } },
      hasScreen: false,
      isAvailable: true,
    });
    expect(todo.json.transitions[0]).not.toHaveProperty("fields");
    expect(namesOf(await get(jira, `${V3}/issue/REV-2/transitions`))).toEqual(["Resolve", "Request changes"]);
    expect(namesOf(await get(jira, `${V3}/issue/DONE-3/transitions`))).toEqual(["Reopen"]);
  });

  it("expand=transitions.fields gives the resolution screen's allowed values", async () => {
    const jira = await start();
    const answer = await get(jira, `${V3}/issue/TODO-1/transitions?expand=transitions.fields`);
    const [begin, resolve] = answer.json.transitions;
    expect(begin.fields).toEqual({});
    const done = { name: "Done", statusCategory: { key: "done" } };
    expect(resolve).toMatchObject({ name: "Resolve", hasScreen: true, to: done });
    const allowed = resolve.fields.resolution.allowedValues;
    expect(allowed.map((v: { name: string }) => v.name)).toEqual(["Fixed", "Won't Fix", "Duplicate"]);
    expect(allowed[0]).toMatchObject({ id: "1", self: expect.stringContaining("/resolution/1") });
  });

  it("POST moves the issue (204), and later reads and searches see the new status", async () => {
    const jira = await start();
    expect((await post(jira, `${V3}/issue/TODO-1/transitions`, { transition: { id: "11" } })).status).toBe(204);
    const issue = await get(jira, `${V3}/issue/TODO-1?fields=status,resolution`);
    expect(issue.json.fields.status).toMatchObject({ name: "In Progress", statusCategory: { key: "indeterminate" } });
    expect(issue.json.fields.resolution).toBeNull();
    const next = await get(jira, `${V3}/issue/TODO-1/transitions`);
    expect(namesOf(next)).toEqual(["Request review", "Resolve", "Stop work"]);
    const resolve = { transition: { id: "31" }, fields: { resolution: { name: "Won't Fix" } } };
    expect((await post(jira, `${V3}/issue/TODO-1/transitions`, resolve)).status).toBe(204);
    expect(jira.statusOf("TODO-1")).toEqual({ status: "Done", statusCategory: "done", resolution: "Won't Fix" });
    const jql = "key = TODO-1 AND statusCategory = Done";
    const done = await post(jira, `${V3}/search/jql`, { jql, fields: ["resolution"] });
    expect(done.json.issues[0].fields.resolution).toMatchObject({ name: "Won't Fix" });
  });

  it("400 for a transition not offered from the status, a stray resolution, or a resolution not allowed", async () => {
    const jira = await start();
    const cases = [
      { transition: { id: "21" } },
      { transition: { id: "99" } },
      { transition: { id: "11" }, fields: { resolution: { name: "Fixed" } } },
      { transition: { id: "31" }, fields: { resolution: { name: "Nope" } } },
      { transition: {} },
    ];
    for (const body of cases) {
      const answer = await post(jira, `${V3}/issue/TODO-1/transitions`, body);
      expect([body, answer.status]).toEqual([body, 400]);
    }
    const stray = await post(jira, `${V3}/issue/TODO-1/transitions`, cases[2]);
    expect(stray.json.errors.resolution).toMatch(/cannot be set\. It is not on the appropriate screen/);
    const labels = { transition: { id: "31" }, fields: { labels: [] } };
    const unknown = await post(jira, `${V3}/issue/TODO-1/transitions`, labels);
    expect(unknown.json.errors.labels).toMatch(/cannot be set/);
    const notAllowed = await post(jira, `${V3}/issue/TODO-1/transitions`, cases[3]);
    expect(notAllowed.json.errors.resolution).toMatch(/'Nope' is not valid/);
    expect(jira.statusOf("TODO-1")).toEqual({ status: "To Do", statusCategory: "new", resolution: null });
  });

  it("an issue's own transitions replace the default workflow; a numeric id is accepted", async () => {
    const own = [
      { id: "5", name: "Close", to: "Closed", resolutions: ["Done", "Obsolete"] },
      { id: "6", name: "Back to backlog", from: ["Closed"], to: "Backlog" },
    ];
    const jira = await dc({ issues: [{ key: "OWN-1", summary: "custom", status: "Open", transitions: own }] });
    const offered = await get(jira, `${V2}/issue/OWN-1/transitions`);
    expect(offered.json.transitions.map((t: { id: string }) => t.id)).toEqual(["5"]);
    const close = { transition: { id: 5 }, fields: { resolution: { name: "Obsolete" } } };
    expect((await post(jira, `${V2}/issue/OWN-1/transitions`, close)).status).toBe(204);
    expect(jira.statusOf("OWN-1")).toEqual({ status: "Closed", statusCategory: "done", resolution: "Obsolete" });
    expect((await post(jira, `${V2}/issue/OWN-1/transitions`, { transition: { id: "6" } })).status).toBe(204);
    expect(jira.statusOf("OWN-1")).toEqual({ status: "Backlog", statusCategory: "new", resolution: null });
  });

  it("without the permission the list is empty and a POST is a 400", async () => {
    const jira = await start({ issues: [{ key: "RO-1", summary: "read only", noTransitionPermission: true }] });
    expect((await get(jira, `${V3}/issue/RO-1/transitions`)).json.transitions).toEqual([]);
    expect((await post(jira, `${V3}/issue/RO-1/transitions`, { transition: { id: "11" } })).status).toBe(400);
    expect(jira.statusOf("RO-1").status).toBe("To Do");
  });
});

describe("worklogs", () => {
  const LOG = `${V3}/issue/STR-68/worklog`;

  it("POST answers 201 with the worklog JSON; timeSpent is parsed into seconds", async () => {
    const jira = await start();
    const comment = doc(para(txt("profiling")));
    const body = { timeSpentSeconds: 5400, started: STARTED, comment };
    const answer = await post(jira, `${LOG}?adjustEstimate=leave&notifyUsers=false`, body);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ ...body, id: expect.stringMatching(/^\d+$/), timeSpent: "1h 30m" });
    expect(answer.json.author).toMatchObject({ displayName: ADA });
    expect(answer.json.self).toBe(`${jira.url}${V3}/issue/10068/worklog/${answer.json.id}`);
    const text = await post(jira, LOG, { timeSpent: "2d 1h", started: STARTED });
    expect([text.json.timeSpentSeconds, text.json.timeSpent]).toEqual([61200, "2d 1h"]);
    expect(jira.worklogs("STR-68").map((w) => w.timeSpentSeconds)).toEqual([5400, 61200]);
    const query = { adjustEstimate: "leave", notifyUsers: "false" };
    expect(jira.writes()[0]).toMatchObject({ endpoint: "worklog", query, body, status: 201 });
  });

  it("400 for both or neither time, a missing started, or a started without a numeric offset", async () => {
    const jira = await start();
    const cases: [Record<string, unknown>, string][] = [
      [{ timeSpentSeconds: 60, timeSpent: "1m", started: STARTED }, "timeLogged"],
      [{ started: STARTED }, "timeLogged"],
      [{ timeSpentSeconds: 60 }, "started"],
      [{ timeSpentSeconds: 60, started: new Date("2022-11-11T00:00:00Z").toISOString() }, "started"],
      [{ timeSpentSeconds: 60, started: "2022-11-11T09:00:00.000+09:00" }, "started"],
      [{ timeSpentSeconds: 60, started: "2022-11-11T09:00:00+0900" }, "started"],
      [{ timeSpentSeconds: 60, started: "2022-13-11T09:00:00.000+0900" }, "started"],
      [{ timeSpent: "1h30", started: STARTED }, "timeLogged"],
    ];
    for (const [body, field] of cases) {
      const answer = await post(jira, LOG, body);
      expect([body, answer.status, Object.keys(answer.json.errors)]).toEqual([body, 400, [field]]);
    }
    const zulu = await post(jira, LOG, { timeSpentSeconds: 60, started: "2022-11-11T00:00:00.000Z" });
    expect(zulu.json.errors.started).toMatch(/^Invalid date format/);
    const sometimes = await post(jira, `${LOG}?adjustEstimate=sometimes`, { timeSpentSeconds: 60, started: STARTED });
    expect(sometimes.status).toBe(400);
    expect(jira.worklogs("STR-68")).toEqual([]);
  });

  it("a worklog comment is ADF on v3 and a string on v2, where Cloud drops an object silently", async () => {
    const jira = await start();
    const base = { timeSpentSeconds: 3600, started: STARTED };
    expect((await post(jira, LOG, { ...base, comment: "plain" })).json).toEqual(INVALID);
    expect((await post(jira, LOG, { ...base, comment: doc(para(txt(""))) })).status).toBe(400);
    const dropped = await post(jira, `${V2}/issue/STR-68/worklog`, { ...base, comment: NOTE });
    expect(dropped.status).toBe(201);
    expect(dropped.json).not.toHaveProperty("comment");
    const wiki = await post(jira, `${V2}/issue/STR-68/worklog`, { ...base, comment: "wiki *text*" });
    expect(wiki.json.comment).toBe("wiki *text*");
    const center = await dc();
    expect((await post(center, `${V2}/issue/STR-68/worklog`, { ...base, comment: NOTE })).status).toBe(400);
    expect((await post(center, `${V2}/issue/STR-68/worklog`, { ...base, comment: "ok" })).status).toBe(201);
  });

  it("GET lists them paged; PUT updates one; an unknown worklog id is a 404", async () => {
    const jira = await start();
    const ids: string[] = [];
    for (const seconds of [600, 1200, 1800]) {
      ids.push((await post(jira, LOG, { timeSpentSeconds: seconds, started: STARTED })).json.id);
    }
    const page = await get(jira, `${LOG}?startAt=1&maxResults=1`);
    expect(page.json).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect(page.json.worklogs.map((w: { id: string }) => w.id)).toEqual([ids[1]]);
    const later = Date.parse("2022-11-12T00:00:00Z");
    expect((await get(jira, `${LOG}?startedAfter=${later}`)).json.total).toBe(0);
    const updated = await put(jira, `${LOG}/${ids[0]}`, { timeSpent: "1h" });
    expect([updated.status, updated.json.timeSpentSeconds, updated.json.started]).toEqual([200, 3600, STARTED]);
    expect((await get(jira, `${LOG}/${ids[0]}`)).json.timeSpent).toBe("1h");
    const comment = await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE });
    expect((await put(jira, `${LOG}/${comment.json.id}`, { timeSpent: "1h" })).status).toBe(404);
    expect((await put(jira, `${LOG}/${ids[0]}`, { started: "2022-11-11T00:00:00.000Z" })).status).toBe(400);
  });
});

describe("the per-issue write limit", () => {
  it("a write to an issue while another to it is unanswered is a 429 with Retry-After: 1", async () => {
    const jira = await start({ latencyMs: 150, writeLimit: { concurrentPerIssue: 1 } });
    const answers = await Promise.all([comment(jira, "STR-68"), comment(jira, "str-68")]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 429]);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.json).toEqual({ errorMessages: ["Rate limit exceeded."], errors: {} });
    expect(jira.comments("STR-68")).toHaveLength(1);
    expect((await comment(jira, "STR-68")).status).toBe(201); // one after another is fine
  });

  it("writes to different issues in parallel, and reads alongside, are fine", async () => {
    const jira = await start({ latencyMs: 150, writeLimit: { concurrentPerIssue: 1 } });
    const answers = await Promise.all([
      comment(jira, "STR-68"),
      comment(jira, "TODO-1"),
      post(jira, `${V3}/issue/REV-2/worklog`, { timeSpentSeconds: 60, started: STARTED }),
      get(jira, `${V3}/issue/STR-68/comment`),
    ]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 200]);
  });

  it("maxWritesPerIssue is a budget for the server's life; the comment properties count for their issue", async () => {
    const jira = await start({ writeLimit: { maxWritesPerIssue: 2 } });
    const { json } = await comment(jira, "STR-68");
    expect((await put(jira, `${V3}/comment/${json.id}/properties/k`, 1)).status).toBe(201);
    jira.reset();
    const over = await put(jira, `${V3}/comment/${json.id}/properties/k`, 2);
    expect([over.status, over.headers.get("retry-after")]).toEqual([429, "1"]);
    expect((await comment(jira, "OLD-1")).status).toBe(429);
    expect((await comment(jira, "TODO-1")).status).toBe(201);
    expect((await get(jira, `${V3}/issue/STR-68`)).status).toBe(200);
  });
});

describe("hostile read modes", () => {
  it("a forbidden issue is a 403 on GET and left out of bulkfetch and searches", async () => {
    const issues = [...ISSUES, { key: "SEC-1", id: "10009", summary: "secret", forbidden: true, assignee: ADA }];
    const jira = await start({ issues });
    const answer = await get(jira, `${V3}/issue/sec-1`);
    expect([answer.status, answer.json]).toEqual([
      403,
      { errorMessages: ["You do not have the permission to see the specified issue."], errors: {} },
    ]);
    const bulk = await post(jira, `${V3}/issue/bulkfetch`, { issueIdsOrKeys: ["SEC-1", "TODO-1"] });
    expect(bulk.json.issues.map((i: { key: string }) => i.key)).toEqual(["TODO-1"]);
    const mine = await post(jira, `${V3}/search/jql`, { jql: "assignee = currentUser()", fields: ["summary"] });
    expect(mine.json.issues.map((i: { key: string }) => i.key)).toEqual(["STR-68", "TODO-1"]);
    expect((await post(jira, `${V3}/issue/SEC-1/comment`, { body: NOTE })).status).toBe(403);
    const center = await dc({ issues });
    const search = await post(center, `${V2}/search`, { jql: "key in (SEC-1, TODO-1)", validateQuery: false });
    expect(search.json.issues.map((i: { key: string }) => i.key)).toEqual(["TODO-1"]);
  });

  it('loginPage "html" answers every request 200 with an HTML login page', async () => {
    const jira = await start({ loginPage: "html" });
    for (const answer of [await get(jira, `${V3}/issue/STR-68`), await comment(jira, "STR-68")]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
      expect(answer.text).toContain("<title>Log in - Jira</title>");
      expect(answer.json).toBeUndefined();
    }
    expect(jira.comments("STR-68")).toEqual([]);
  });

  it('loginPage "redirect" answers 302 to an SSO page on another origin, where redirects end', async () => {
    const jira = await start({ loginPage: "redirect", deployment: "datacenter", contextPath: "/jira" });
    const manual = await fetch(`${jira.url}${V2}/myself`, { redirect: "manual" });
    expect(manual.status).toBe(302);
    const location = new URL(manual.headers.get("location")!);
    expect(location.origin).not.toBe(new URL(jira.url).origin);
    expect([location.hostname, location.pathname]).toEqual(["127.0.0.1", "/sso/login"]);
    expect(location.searchParams.get("continue")).toBe(`${jira.url}${V2}/myself`);
    const followed = await fetch(`${jira.url}${V2}/issue/STR-68`);
    expect([followed.status, followed.url.startsWith(location.origin)]).toEqual([200, true]);
    expect(followed.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await followed.text()).toContain("<title>Log in - Jira</title>");
    expect(jira.requests.map((r) => [r.endpoint, r.status])).toEqual([
      ["myself", 302],
      ["issue", 302],
      ["login", 200],
    ]);
  });

  it("hugeBody streams a 200 JSON body of exactly that many bytes; a client may stop reading early", async () => {
    const jira = await start();
    jira.fail({ kind: "hugeBody", bytes: 3_000_000, endpoint: "bulkfetch" });
    const headers = { "Content-Type": "application/json" };
    const body = JSON.stringify({ issueIdsOrKeys: ["STR-68"] });
    const res = await fetch(`${jira.url}${V3}/issue/bulkfetch`, { method: "POST", headers, body });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBeNull();
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBe(3_000_000);
    expect(JSON.parse(text)).toMatchObject({ issues: [] });

    jira.fail({ kind: "hugeBody", bytes: 50_000_000 });
    const capped = await fetch(`${jira.url}${V3}/issue/STR-68`);
    const reader = capped.body!.getReader();
    let seen = 0;
    while (seen < 200_000) seen += (await reader.read()).value?.length ?? Infinity;
    await reader.cancel();
    expect((await get(jira, `${V3}/issue/STR-68`)).status).toBe(200);
  });

  it("garbage answers 200 with well-formed JSON of the wrong shape", async () => {
    const jira = await start();
    jira.fail({ kind: "garbage", endpoint: "search/jql" });
    const answer = await post(jira, `${V3}/search/jql`, { jql: "key = STR-68" });
    expect([answer.status, answer.json]).toEqual([200, { issues: [{ key: 5, fields: { summary: ["x"] } }] }]);
    jira.fail({ kind: "garbage", json: { id: 7, body: null } });
    expect((await post(jira, `${V3}/issue/STR-68/comment`, { body: NOTE })).json).toEqual({ id: 7, body: null });
  });
});

describe("targeted faults and the write log", () => {
  it("a fault can hit only one issue's comment POSTs, so a push can fail half-way", async () => {
    const jira = await start();
    jira.fail({ kind: "status", status: 500, endpoint: "comment", method: "POST", key: "OLD-1" });
    expect((await get(jira, `${V3}/issue/STR-68/comment`)).status).toBe(200);
    const statuses = [];
    for (const key of ["TODO-1", "REV-2", "STR-68", "DONE-3"]) statuses.push((await comment(jira, key)).status);
    expect(statuses).toEqual([201, 201, 500, 201]);
    expect(jira.comments("STR-68")).toEqual([]);
  });

  it("skip lets matching requests through first: fail the 3rd comment POST", async () => {
    const jira = await start();
    jira.fail({ kind: "drop", endpoint: "comment", method: "POST", skip: 2 });
    await comment(jira, "TODO-1");
    await get(jira, `${V3}/issue/TODO-1/comment`);
    await comment(jira, "REV-2");
    await expect(comment(jira, "STR-68")).rejects.toThrow(TypeError);
    expect((await comment(jira, "DONE-3")).status).toBe(201);
  });

  it("writes() lists every write with method, path, query, body, issue and status, and no reads", async () => {
    const jira = await start();
    await get(jira, `${V3}/issue/STR-68`);
    await post(jira, `${V3}/issue/bulkfetch`, { issueIdsOrKeys: ["STR-68"] });
    const { json } = await comment(jira, "old-1");
    await put(jira, `${V3}/comment/${json.id}/properties/k`, { v: 1 });
    await post(jira, `${V3}/issue/TODO-1/transitions`, { transition: { id: "99" } });
    await del(jira, `${V3}/issue/STR-68/comment/${json.id}?x=1`);
    expect(jira.writes().map((w) => [w.method, w.endpoint, w.issueKey, w.status])).toEqual([
      ["POST", "comment", "STR-68", 201],
      ["PUT", "comment/property", "STR-68", 201],
      ["POST", "transitions", "TODO-1", 400],
      ["DELETE", "comment", "STR-68", 204],
    ]);
    expect(jira.writes()[0]).toMatchObject({ path: `${V3}/issue/old-1/comment`, query: {}, body: { body: NOTE } });
    expect(jira.writes()[3]?.query).toEqual({ x: "1" });
  });

  it("seeded comments and their properties are listed like posted ones", async () => {
    const comments = [{ id: "555", body: "earlier run", properties: { "weekly-report": { week: "W46" } } }];
    const jira = await dc({ issues: [{ key: "SEED-1", summary: "seeded", comments }] });
    const list = await get(jira, `${V2}/issue/SEED-1/comment?expand=properties`);
    expect(list.json.comments[0]).toMatchObject({ id: "555", body: "earlier run", author: { name: "ada.lovelace" } });
    expect(list.json.comments[0].properties).toEqual([{ key: "weekly-report", value: { week: "W46" } }]);
  });
});
