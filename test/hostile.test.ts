// Hostile servers and hostile text: secrets echoed back in error text (Jira, SMTP), credentials sent only where
// the user chose, private cache files, plain http, terminal and mail injection from Jira, and Jira's failures
// told honestly. The routine and check under hostile input are in hostile-routine.test.ts.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer, type Socket } from "node:net";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type FakeIssue, type FakeJira, type FakeJiraOptions, startFakeJira } from "./fake-jira/server.js";
import { type RunResult, run, tmpProject } from "./helpers.js";

const TOKEN = "tok-5ecret-ATATT3x";
const USER = "me@example.com";
const PASSWORD = "s3cret-Pa55-word";
const NOW = new Date("2022-11-11T15:00:00Z");
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const b64 = (s: string) => Buffer.from(s).toString("base64");

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(closers.splice(0).map((close) => close()));
});

const ISSUES: FakeIssue[] = [
  { key: "STR-68", summary: "network latency behaviour with VMs", status: "In Progress", assignee: "Jane Doe" },
  { key: "STR-76", summary: "Break down the latency", status: "In Review" },
  { key: "LBO-293", summary: "Talk about the Stratos work", status: "Open" },
];

/** One section, one entry per key, each with a note: key i is on line 4 + 2i, column 17. */
const reportOf = (keys: readonly string[]) =>
  "sections:\n  - title: Work\n    entries:\n" +
  keys.map((k) => `      - ticket: ${k}\n        notes: [did ${k}]\n`).join("");

interface Setup {
  issues?: FakeIssue[];
  report?: string;
  fake?: Partial<FakeJiraOptions>;
  /** Top-level config lines. */
  config?: string;
  /** Lines under jira:, indented by two. */
  jira?: string;
}

/** A project whose weekly.config.yaml (found from the cwd: chosen) names the fake Jira; HOME is the project. */
async function project(s: Setup = {}) {
  const jira = await startFakeJira({
    deployment: "cloud",
    issues: s.issues ?? ISSUES,
    auth: { user: USER, token: TOKEN, scheme: "basic" },
    ...s.fake,
  });
  closers.push(() => jira.close());
  const dir = tmpProject({
    "weekly.config.yaml":
      `from: Jane Doe <jane@example.com>\nto: lead@example.com\n${s.config ?? ""}` +
      `jira:\n  url: ${jira.url}\n  deployment: cloud\n  timeout_seconds: 2\n${s.jira ?? ""}`,
    "reports/2022-11-11.yaml": s.report ?? reportOf(ISSUES.map((i) => i.key)),
  });
  const env = { HOME: dir, JIRA_USER: USER, JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: join(dir, "cache") };
  const weekly = (args: string[], more: { env?: NodeJS.ProcessEnv; now?: Date } = {}) =>
    run(args, { cwd: dir, env: { ...env, ...more.env }, now: more.now ?? NOW });
  return { dir, env, jira, weekly };
}

const lines = (text: string) => text.split("\n").filter((l) => l !== "");
const endpoints = (j: FakeJira) => j.requests.map((r) => `${r.method} ${r.endpoint} ${r.status}`);

/** Every run of `min` characters of each secret form: a secret cut in half still leaks its half. */
function expectNoSecret(text: string, forms: readonly string[], min = 6): void {
  for (const form of forms) {
    for (let i = 0; i + min <= form.length; i++) {
      const piece = form.slice(i, i + min);
      if (text.includes(piece)) throw new Error(`secret piece ${JSON.stringify(piece)} (of ${form}) in:\n${text}`);
    }
  }
}
const TOKEN_FORMS = [TOKEN, b64(TOKEN), b64(`${USER}:${TOKEN}`).slice(b64(`${USER}:`).length)];
const out = (r: RunResult) => `${r.stdout}\n${r.stderr}`;

/** Requests that carry the token in any form (Basic or Bearer). */
const carryingToken = (j: FakeJira) =>
  j.requests.filter((r) => {
    const auth = r.headers.authorization ?? "";
    return auth.includes(TOKEN) || auth.includes(b64(`${USER}:${TOKEN}`)) || auth.includes(b64(TOKEN));
  });

describe("A. secrets echoed back never reach the output", () => {
  /** A Jira 500 whose message echoes the token, its base64 and the Basic credentials, the token at `at`. */
  const echo = (at: number) => {
    const head = `${"x".repeat(at - USER.length - 2)} ${USER}:`;
    expect(head.length).toBe(at); // the token starts at character `at` of the error text
    return JSON.stringify({
      errorMessages: [`${head}${TOKEN} and base64 ${b64(TOKEN)} and Basic ${b64(`${USER}:${TOKEN}`)} end`],
    });
  };

  it("a Jira error body echoing the token across the 200th character: render, check --jira, DEBUG", async () => {
    const { weekly, jira } = await project();
    for (const at of [185, 190, 195, 199, 200, 205]) {
      for (const args of [["render"], ["check", "--jira"]]) {
        for (const debug of [{}, { DEBUG: "weekly" }]) {
          jira.reset();
          jira.fail({ kind: "status", status: 500, body: echo(at), times: 20 });
          const r = await weekly([...args, "--config", "weekly.config.yaml", "reports/2022-11-11.yaml"], {
            env: debug,
          });
          expect(jira.requests.length).toBeGreaterThan(0);
          // render shows the echo (read, scrubbed, cut); check --jira says it could not check
          if (args[0] === "render") expect(r.stderr).toContain("HTTP 500: xxxx");
          else expect(r.code).toBe(3);
          expectNoSecret(out(r), TOKEN_FORMS);
        }
      }
    }
  });

  it("the same echo during weekly new --from-jira (carried tickets and the search for mine)", async () => {
    const { weekly, jira, dir } = await project({ config: "timezone: UTC\n" });
    writeFileSync(join(dir, "reports/2022-11-04.yaml"), reportOf(["STR-68"]));
    for (const at of [190, 199, 203]) {
      for (const debug of [{}, { DEBUG: "weekly" }]) {
        jira.reset();
        jira.fail({ kind: "status", status: 500, body: echo(at), times: 20 });
        const r = await weekly(["new", "--from-jira", "--force", "--date", "2022-11-09"], { env: debug });
        expect(r.code).toBe(0);
        expect(jira.requests.length).toBeGreaterThan(0);
        expect(r.stderr).toContain("HTTP 500: xxxx");
        expectNoSecret(out(r), TOKEN_FORMS);
        expectNoSecret(readFileSync(join(dir, "reports/2022-11-11.yaml"), "utf8"), TOKEN_FORMS);
      }
    }
  });

  /**
   * An SMTP server that answers the login with a 535 echoing all it was sent (base64 and decoded), the echo
   * padded so that the password straddles the 200th character of the reply.
   */
  async function echoingSmtp(mechanism: "PLAIN" | "LOGIN") {
    const got: string[] = [];
    const server = createServer((socket: Socket) => {
      let buffer = "";
      let step: "command" | "user" | "password" = "command";
      const sent: string[] = [];
      const say = (line: string) => socket.write(`${line}\r\n`);
      const refuse = () => {
        const decoded = sent.map((s) => Buffer.from(s, "base64").toString("utf8").replace(/\0/g, " "));
        say(`535 5.7.8 ${"x".repeat(180)} you sent ${sent.join(" ")} = ${decoded.join(" / ")} wrong`);
      };
      say("220 echo.example ESMTP");
      socket.on("data", (chunk) => {
        buffer += chunk.toString("utf8");
        for (let end = buffer.indexOf("\r\n"); end !== -1; end = buffer.indexOf("\r\n")) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          got.push(line);
          if (step === "user") {
            sent.push(line);
            step = "password";
            say("334 UGFzc3dvcmQ6");
          } else if (step === "password") {
            sent.push(line);
            step = "command";
            refuse();
          } else if (/^(EHLO|HELO)/i.test(line)) say(`250-echo.example\r\n250 AUTH ${mechanism}`);
          else if (/^AUTH PLAIN /i.test(line)) {
            sent.push(line.slice("AUTH PLAIN ".length));
            refuse();
          } else if (/^AUTH LOGIN$/i.test(line)) {
            step = "user";
            say("334 VXNlcm5hbWU6");
          } else if (/^AUTH LOGIN /i.test(line)) {
            sent.push(line.slice("AUTH LOGIN ".length));
            step = "password";
            say("334 UGFzc3dvcmQ6");
          } else if (/^QUIT/i.test(line)) {
            say("221 bye");
            socket.end();
          } else say("503 5.5.1 log in first");
        }
      });
      socket.on("error", () => {});
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    closers.push(() => new Promise((ok) => server.close(ok)));
    return { port: (server.address() as AddressInfo).port, got };
  }

  for (const mechanism of ["PLAIN", "LOGIN"] as const) {
    it(`SMTP AUTH ${mechanism} refused with an echo of the credentials: the password in no form`, async () => {
      const smtp = await echoingSmtp(mechanism);
      const dir = tmpProject({
        "weekly.config.yaml":
          "from: jane@example.com\nto: lead@example.com\n" +
          `smtp: {host: 127.0.0.1, port: ${smtp.port}, security: none, user: jane@example.com, timeout_seconds: 2}\n`,
        "2022-11-11.yaml": reportOf(["STR-68"]),
      });
      const r = await run(["send", "--yes", "2022-11-11.yaml"], {
        cwd: dir,
        env: { HOME: dir, WEEKLY_SMTP_PASSWORD: PASSWORD },
        now: NOW,
      });
      expect(r.code).toBe(4);
      expect(smtp.got.some((l) => /^AUTH /i.test(l))).toBe(true);
      expect(r.stderr).toMatch(/refused the login of jane@example\.com: 535 5\.7\.8 x+ you sent /);
      const forms = [PASSWORD, b64(`\0jane@example.com\0${PASSWORD}`), b64(PASSWORD)];
      expectNoSecret(out(r), forms.slice(0, 1));
      for (const form of forms) expect(out(r)).not.toContain(form);
      // base64 of the password at any alignment, whole or in part
      expectNoSecret(out(r), [b64(PASSWORD).slice(0, 20), b64(`\0${PASSWORD}`).slice(4, 20)], 8);
      for (const name of readdirSync(dir)) {
        const text = readFileSync(join(dir, name), "utf8");
        for (const form of forms) expect(text).not.toContain(form);
      }
    });
  }
});

/** A project in `downloaded/` (config naming the servers, a report) and an empty folder `work/` to run from. */
function downloaded(config: string) {
  const root = tmpProject({
    "downloaded/weekly.config.yaml": config,
    "downloaded/reports/2022-11-11.yaml": reportOf(ISSUES.map((i) => i.key)),
    "work/notes.txt": "nothing to see\n",
  });
  return { root, cwd: join(root, "work"), report: "../downloaded/reports/2022-11-11.yaml" };
}

describe("B. credentials go only where the user sent them", () => {
  it("a config beside a downloaded report names Jira: no token goes there without --config or --jira-url", async () => {
    const jira = await startFakeJira({
      deployment: "cloud",
      issues: ISSUES,
      auth: { user: USER, token: TOKEN, scheme: "basic" },
    });
    closers.push(() => jira.close());
    const d = downloaded(`from: jane@example.com\njira:\n  url: ${jira.url}\n  deployment: cloud\n`);
    const env = { HOME: d.root, JIRA_USER: USER, JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: join(d.root, "cache") };
    const r = await run(["render", d.report], { cwd: d.cwd, env, now: NOW });
    expect(r.code).toBe(0);
    expect(carryingToken(jira)).toEqual([]);
    expect(jira.requests).toEqual([]);
    expect(r.stdout).toContain("[STR-68]\n* did STR-68");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^warning: .*did not choose.*--config .*--jira-url /);
    expectNoSecret(out(r), TOKEN_FORMS);

    const chosen = await run(["render", "--config", "../downloaded/weekly.config.yaml", d.report], {
      cwd: d.cwd,
      env,
      now: NOW,
    });
    expect(chosen.code).toBe(0);
    expect(chosen.stderr).toBe("");
    expect(chosen.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
    expect(carryingToken(jira)).toHaveLength(1);

    jira.reset();
    const flag = await run(["render", "--refresh", "--jira-url", jira.url, d.report], { cwd: d.cwd, env, now: NOW });
    expect(flag.code).toBe(0);
    expect(flag.stdout).toContain("[STR-68] (network latency behaviour with VMs)");
    expect(carryingToken(jira)).toHaveLength(1);
  });

  it("the same for SMTP: weekly send of a downloaded report is refused in one line, --config sends", async () => {
    const logins: string[] = [];
    let connections = 0;
    const server = new SMTPServer({
      logger: false,
      authOptional: false,
      allowInsecureAuth: true,
      disableReverseLookup: true,
      closeTimeout: 100,
      onConnect: (_s, done) => void (connections++, done()),
      onAuth: (auth, _s, done) => {
        logins.push(`${auth.username}:${auth.password}`);
        done(null, { user: auth.username });
      },
      onData: (stream, _s, done) => {
        stream.resume();
        stream.on("end", () => done());
      },
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
    const port = (server.server.address() as AddressInfo).port;
    const d = downloaded(
      "from: jane@example.com\nto: lead@example.com\n" +
        `smtp: {host: 127.0.0.1, port: ${port}, security: none, user: jane@example.com, timeout_seconds: 2}\n`,
    );
    const env = { HOME: d.root, WEEKLY_SMTP_PASSWORD: PASSWORD };
    const r = await run(["send", "--yes", d.report], { cwd: d.cwd, env, now: NOW });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/did not choose.*WEEKLY_SMTP_PASSWORD.*--config /);
    expect(logins).toEqual([]);
    expect(connections).toBe(0);
    expect(out(r)).not.toContain(PASSWORD);

    const chosen = await run(["send", "--yes", "--config", "../downloaded/weekly.config.yaml", d.report], {
      cwd: d.cwd,
      env,
      now: NOW,
    });
    expect(chosen.code).toBe(0);
    expect(logins).toEqual([`jane@example.com:${PASSWORD}`]);
  });

  it("a ~/.netrc default entry is never used: not by render, check --jira, add or new --from-jira", async () => {
    const { weekly, jira, dir } = await project({ config: "timezone: UTC\n" });
    writeFileSync(join(dir, ".netrc"), `default login ${USER} password ${TOKEN}\n`, { mode: 0o600 });
    writeFileSync(join(dir, "reports/2022-11-04.yaml"), reportOf(["STR-68"]));
    const noEnv = { env: { JIRA_USER: "", JIRA_API_TOKEN: "" } };
    const render = await weekly(["render", "reports/2022-11-11.yaml"], noEnv);
    expect(render.code).toBe(0);
    const check = await weekly(["check", "--jira", "reports/2022-11-11.yaml"], noEnv);
    expect(check.code).not.toBe(0);
    await weekly(["add", "STR-68", "a note", "--date", "2022-11-09"], noEnv);
    await weekly(["new", "--from-jira", "--date", "2022-11-16"], noEnv);
    expect(jira.requests).toEqual([]);
    for (const r of [render, check]) expectNoSecret(out(r), TOKEN_FORMS);
  });
});

describe("C. private files, and credentials over plain http", () => {
  it("the Jira cache is 0600 in 0700 folders, whatever the umask", async () => {
    const { weekly, dir } = await project();
    const cache = join(dir, "private", "cache");
    const old = process.umask(0);
    let r: RunResult;
    try {
      r = await weekly(["render", "reports/2022-11-11.yaml"], { env: { WEEKLY_CACHE_DIR: cache } });
    } finally {
      process.umask(old);
    }
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(network latency behaviour with VMs)");
    const files = readdirSync(join(cache, "jira"));
    expect(files).toHaveLength(1);
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(join(cache, "jira", files[0]!)).toString(8)).toBe("600");
    expect(mode(join(cache, "jira")).toString(8)).toBe("700");
    expect(mode(cache).toString(8)).toBe("700");
    expect(mode(join(dir, "private")).toString(8)).toBe("700");
    expectNoSecret(readFileSync(join(cache, "jira", files[0]!), "utf8"), TOKEN_FORMS);
  });

  /** fetch answered by the fake for a site of another name: no DNS lookup, no other machine. */
  function answerFor(jira: FakeJira) {
    const real = globalThis.fetch;
    const hosts: string[] = [];
    vi.stubGlobal("fetch", (input: string | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      hosts.push(url.host);
      url.host = `127.0.0.1:${jira.port}`;
      return real(url, init);
    });
    return hosts;
  }

  async function site(url: (jira: FakeJira) => string) {
    const jira = await startFakeJira({
      deployment: "cloud",
      myself: { displayName: "Jane Doe" },
      issues: [{ key: "AB-1", summary: "one", assignee: "Jane Doe", status: "In Progress" }],
    });
    closers.push(() => jira.close());
    const dir = tmpProject({
      "weekly.config.yaml": `timezone: UTC\njira:\n  url: ${url(jira)}\n  deployment: cloud\n`,
      "reports/2024-06-07.yaml": reportOf(["AB-1"]),
    });
    const env = { HOME: dir, JIRA_USER: USER, JIRA_API_TOKEN: TOKEN, WEEKLY_CACHE_DIR: join(dir, "cache") };
    return { jira, dir, env };
  }

  it("http://localhost.evil.example is not this machine: add and new --from-jira warn", async () => {
    const { jira, dir, env } = await site((j) => `http://localhost.evil.example:${j.port}`);
    const hosts = answerFor(jira);
    const warningLine = `warning: localhost.evil.example:${jira.port} is asked over http: `;
    const made = await run(["new", "--from-jira"], { cwd: dir, env });
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(warningLine);
    expect(made.stderr).toContain("the network unencrypted");
    const added = await run(["add", "AB-1", "a note"], { cwd: dir, env });
    expect(added.code).toBe(0);
    expect(added.stderr).toContain(warningLine);
    expect(added.stderr).toContain("the network unencrypted");
    expect(hosts.length).toBeGreaterThan(0);
    expect(new Set(hosts)).toEqual(new Set([`localhost.evil.example:${jira.port}`]));
  });

  it("http://127.0.0.1 is this machine: no warning", async () => {
    const { jira, dir, env } = await site((j) => j.url);
    const made = await run(["new", "--from-jira"], { cwd: dir, env });
    expect(made.code).toBe(0);
    const added = await run(["add", "AB-1", "a note"], { cwd: dir, env });
    expect(added.code).toBe(0);
    expect(jira.requests.length).toBeGreaterThan(0);
    for (const r of [made, added]) expect(r.stderr).not.toContain("unencrypted");
  });
});

describe("D. terminal and email safety", () => {
  const HOSTILE = "Fix \u001b[31mred\u001b[0m \u001b]0;title\u0007 bar\r baz\nSubject: injected";
  const CONTROL = /[\u001b\u0007\r]/;

  it("a Jira summary with escapes and line breaks: one plain line in text, eml and status", async () => {
    const issues: FakeIssue[] = [
      { key: "STR-68", summary: HOSTILE, status: `In \u001b[2J\rProgress\nSubject: injected`, assignee: HOSTILE },
    ];
    const { weekly } = await project({ issues, report: reportOf(["STR-68"]), config: "summary_width: 200\n" });
    const text = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(text.code).toBe(0);
    const heading = text.stdout.split("\n").filter((l) => l.startsWith("[STR-68]"));
    expect(heading).toHaveLength(1);
    expect(heading[0]).toMatch(/^\[STR-68\] \(Fix .*red.* bar.*baz.*Subject: injected\)$/);
    const status = await weekly(["status", "reports/2022-11-11.yaml"]);
    expect(status.code).toBe(0);
    expect(status.stdout.split("\n").filter((l) => l.startsWith("STR-68"))).toHaveLength(1);
    const eml = await weekly(["render", "-f", "eml", "reports/2022-11-11.yaml"]);
    expect(eml.code).toBe(0);
    const mail = await simpleParser(eml.stdout);
    expect(mail.subject).toBe("[Weekly] Week ending 2022-11-11");
    expect(mail.headers.has("subject")).toBe(true);
    const decoded = mail.text ?? "";
    expect(decoded).toContain("[STR-68] (Fix ");
    for (const shown of [text.stdout, text.stderr, status.stdout, status.stderr, decoded, eml.stderr]) {
      expect(shown).not.toMatch(CONTROL);
      expect(shown).not.toMatch(/^Subject: injected/m);
    }
    // The raw message: CRLF line ends only, one Subject header
    expect(eml.stdout.replace(/\r\n/g, "")).not.toMatch(CONTROL);
    expect(eml.stdout.match(/^Subject:/gim)).toHaveLength(1);
  });

  it("-f md escapes HTML from Jira", async () => {
    const issues: FakeIssue[] = [{ key: "STR-68", summary: "<script>alert(1)</script>", status: "<b>Open</b>" }];
    const { weekly } = await project({ issues, report: reportOf(["STR-68"]) });
    const md = await weekly(["render", "-f", "md", "--show-status", "reports/2022-11-11.yaml"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(md.stdout).not.toMatch(/<script|<\/script>|<b>/i);
  });

  it("a report file whose name holds a line break is quoted in diagnostics, each one line", async () => {
    const name = "x\nwarning: forged.yaml";
    const dir = tmpProject({
      [join("reports", name)]:
        "week_ending: 2022-11-11\nsections:\n  - title: Empty\n    entries: []\n  - title: Also empty\n",
    });
    const env = { HOME: dir };
    const quoted = JSON.stringify(`reports/${name}`);
    for (const args of [["check"], ["render"], ["status"]]) {
      const r = await run([...args, join("reports", name)], { cwd: dir, env });
      const naming = lines(r.stderr).filter((l) => l.includes("forged"));
      for (const l of naming) expect(l.startsWith(`${quoted}:`)).toBe(true);
      expect(r.stderr).not.toMatch(/^warning: forged/m);
      if (args[0] !== "status") expect(naming).toHaveLength(2); // the two empty sections, one line each
    }
  });
});

describe("E. Jira told honestly", () => {
  it("a 403 on one ticket: the others render, one warning at its line; check --jira does not exit 3", async () => {
    const issues: FakeIssue[] = [...ISSUES, { key: "SEC-2", summary: "secret project", forbidden: true }];
    const report = reportOf(["STR-68", "SEC-2", "STR-76", "LBO-293"]);
    const { weekly } = await project({ issues, report });
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[STR-68] (network latency behaviour with VMs)\n");
    expect(r.stdout).toContain("[STR-76] (Break down the latency)\n");
    expect(r.stdout).toContain("[LBO-293] (Talk about the Stratos work)\n");
    expect(r.stdout).toContain("[SEC-2]\n* did SEC-2");
    expect(r.stdout).not.toContain("secret project");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^reports\/2022-11-11\.yaml:6:17: warning: sections\[0\]\.entries\[1\]\.ticket: .*SEC-2/);
    expect(r.stderr).toMatch(/permission|not let you see|forbidden|403/i); // not "unknown": it exists
    const check = await weekly(["check", "--jira", "--config", "weekly.config.yaml", "reports/2022-11-11.yaml"], {
      now: later(1),
    });
    expect(check.code).not.toBe(3);
    expect(check.stderr).toMatch(/^reports\/2022-11-11\.yaml:6:17: .*SEC-2/m);
  });

  const EIGHT: FakeIssue[] = Array.from({ length: 8 }, (_, i) => ({ key: `K-${i + 1}`, summary: `ticket ${i + 1}` }));
  const keys = (n: number) => EIGHT.slice(0, n).map((i) => i.key);

  for (const how of ["--refresh", "a cache older than cache_minutes"] as const) {
    it(`a wrong token with 7 of 8 tickets cached (${how}): exit 0, the cache stands in, one warning`, async () => {
      const { weekly, dir } = await project({ issues: EIGHT, report: reportOf(keys(7)) });
      expect((await weekly(["render", "reports/2022-11-11.yaml"])).code).toBe(0);
      writeFileSync(join(dir, "reports/2022-11-11.yaml"), reportOf(keys(8)));
      const args = how === "--refresh" ? ["render", "--refresh"] : ["render"];
      const r = await weekly([...args, "reports/2022-11-11.yaml"], {
        env: { JIRA_API_TOKEN: "wrong-token-value" },
        now: how === "--refresh" ? later(1) : later(11),
      });
      expect(r.code).toBe(0);
      for (let i = 1; i <= 7; i++) expect(r.stdout).toContain(`[K-${i}] (ticket ${i})\n`);
      expect(r.stdout).toContain("[K-8]\n* did K-8");
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toMatch(/^warning: Jira did not accept .*JIRA_API_TOKEN.*cached facts for K-1 .*K-8/);
      expect(r.stderr).not.toContain("wrong-token-value");
    });
  }

  it("an unknown key is remembered: no request for it within cache_minutes", async () => {
    const { weekly, jira } = await project({ issues: EIGHT, report: reportOf(["K-1", "ZZ-404"]) });
    const first = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain("ZZ-404 is not in Jira");
    expect(endpoints(jira)).toContain("GET issue 404");
    jira.reset();
    const second = await weekly(["render", "reports/2022-11-11.yaml"], { now: later(5) });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain("ZZ-404 is not in Jira");
    expect(jira.requests).toEqual([]);
  });

  it("Cloud with JIRA_API_TOKEN but no JIRA_USER: one line saying so, and no Bearer request", async () => {
    const { weekly, jira } = await project();
    const r = await weekly(["render", "reports/2022-11-11.yaml"], { env: { JIRA_USER: "" } });
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/JIRA_USER/);
    expect(r.stderr).toMatch(/JIRA_USER is (not set|missing)/);
    expect(jira.requests.filter((q) => (q.headers.authorization ?? "").startsWith("Bearer"))).toEqual([]);
    expect(carryingToken(jira)).toEqual([]);
    expectNoSecret(out(r), TOKEN_FORMS);
  });

  for (const loginPage of ["html", "redirect"] as const) {
    it(`a site that answers with a login page (${loginPage}) is said to`, async () => {
      const { weekly, jira } = await project({ fake: { loginPage } });
      const r = await weekly(["render", "reports/2022-11-11.yaml"]);
      expect(r.code).toBe(0);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain("the site answered with a login page");
      expect(r.stdout).toContain("[STR-68]\n* did STR-68");
      // Credentials never follow a redirect to another origin
      expect(jira.requests.filter((q) => q.endpoint === "login")).toEqual([]);
    });
  }

  it("12 tickets, none cached, Jira down: the warning names five and counts the rest", async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `T-${i + 1}`);
    const { weekly, jira } = await project({ report: reportOf(twelve) });
    await jira.close();
    const r = await weekly(["render", "reports/2022-11-11.yaml"]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain("and 7 more");
    expect(new Set(r.stderr.match(/\bT-\d+\b/g)).size).toBeLessThanOrEqual(5);
  });
});

describe("F. mail", () => {
  it("render -f eml writes the Date header in the configured time zone", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "from: jane@example.com\nto: lead@example.com\ntimezone: Asia/Tokyo\n",
      "reports/2024-06-14.yaml": reportOf(["STR-68"]),
    });
    const r = await run(["render", "-f", "eml", "reports/2024-06-14.yaml"], { cwd: dir, env: { HOME: dir } });
    expect(r.code).toBe(0);
    // 2024-06-14T16:00:00Z is 01:00 on the 15th in Tokyo
    expect(r.stdout).toMatch(/^Date: Sat, 15 Jun 2024 01:00:00 \+0900\r$/m);
  });

  it("plain render without any from: one warning that the sender is missing", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "to: lead@example.com\n",
      "reports/2024-06-14.yaml": reportOf(["STR-68"]),
    });
    const r = await run(["render", "reports/2024-06-14.yaml"], { cwd: dir, env: { HOME: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("[STR-68]\n* did STR-68");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^warning: .*sender/);
  });
});
