// weekly send against a real SMTP server (smtp-server on 127.0.0.1, port 0) started by each test:
// what arrives is what `render -f eml` prints; logins, refusals, TLS, time-outs; .unsent.eml kept.
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { Readable } from "node:stream";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { run, runBinAsync, tmpProject, type RunResult } from "./helpers.js";

const NOW = new Date("2022-11-11T16:30:00Z");
const PASSWORD = "s3cret-Pa55-word";
const SUBJECT = "[Weekly] Week ending 2022-11-11";
const RECIPIENTS = ["lead@example.com", "team@example.com", "manager@example.com", "jane.archive@example.com"];

interface Received {
  raw: string;
  from: string;
  to: string[];
  secure: boolean;
}
interface TestServer {
  port: number;
  mails: Received[];
  logins: string[];
  connections: number;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function smtpServer(opts: SMTPServerOptions = {}): Promise<TestServer> {
  const t: TestServer = { port: 0, mails: [], logins: [], connections: 0 };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disableReverseLookup: true,
    closeTimeout: 100,
    onConnect: (_session, done) => void (t.connections++, done()),
    onAuth(auth, _session, done) {
      t.logins.push(`${auth.username}:${auth.password}`);
      done(
        auth.username === "jane@example.com" && auth.password === PASSWORD
          ? null
          : new Error("Invalid username or password"),
        { user: auth.username },
      );
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const { mailFrom, rcptTo } = session.envelope;
        t.mails.push({
          raw: Buffer.concat(chunks).toString("utf8"),
          from: mailFrom ? mailFrom.address : "",
          to: rcptTo.map((r) => r.address),
          secure: session.secure,
        });
        done();
      });
    },
    ...opts,
  });
  server.on("error", () => {}); // a client that drops a TLS handshake is what some tests are about
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  t.port = (server.server.address() as AddressInfo).port;
  closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
  return t;
}

/** A port that answers nothing: accepts the connection and says no greeting. */
async function silentPort(): Promise<number> {
  const sockets: Socket[] = [];
  const server = createServer((s) => void sockets.push(s));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  closers.push(() => new Promise<void>((ok) => (sockets.forEach((s) => s.destroy()), server.close(() => ok()))));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

const REPORT = `sections:
  - title: Stratos
    entries:
      - label: MISC
        notes: ["tried OVS with AF_XDP", "kvm line: ${"x".repeat(90)}"]
trailers:
  - title: Plans
    text: |
      .config first (a line that starts with a dot)
      then the rest
`;

function project(smtp: string): string {
  return tmpProject({
    "weekly.config.yaml": `from: Jane Doe <jane@example.com>
to: [Lead <lead@example.com>, team@example.com]
cc: manager@example.com
bcc: jane.archive@example.com
smtp: ${smtp}
`,
    "2022-11-11.yaml": REPORT,
  });
}

const smtpAt = (port: number, more = "") =>
  `{host: 127.0.0.1, port: ${port}, security: none, timeout_seconds: 2${more}}`;
const send = (dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  run(["send", "2022-11-11.yaml", ...args], { cwd: dir, now: NOW, env });
const rendered = async (dir: string) =>
  (await run(["render", "-f", "eml", "2022-11-11.yaml"], { cwd: dir, now: NOW })).stdout;
const crlf = (s: string) => s.replace(/\r?\n/g, "\r\n");
const unsent = (dir: string, name = "2022-11-11.unsent.eml") => readFileSync(join(dir, name), "utf8");
/** A kept copy: the message, after the header that names whom it did not reach (Bcc included). */
const kept = (eml: string, to: readonly string[] = RECIPIENTS) => `X-Weekly-Send-To: ${to.join(", ")}\r\n${eml}`;
const savedIn = (name: string, n = 4) =>
  `the message is saved in ${name}; ` +
  `to send it to the ${n} recipient${n === 1 ? "" : "s"} it did not reach: weekly send ${name}\n`;
const files = (dir: string) => readdirSync(dir).sort();

/** The CLI in-process with a person at the keyboard who types `answer`. */
async function runOnTerminal(dir: string, answer: string): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(["send", "2022-11-11.yaml"], {
    cwd: dir,
    env: {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    now: () => NOW,
    stdin: Readable.from([Buffer.from(answer)]),
    stdinIsTTY: true,
  });
  return { code, stdout, stderr };
}

function expectNoPassword(dir: string, r: RunResult): void {
  expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  for (const name of files(dir)) expect(readFileSync(join(dir, name), "utf8")).not.toContain(PASSWORD);
}

describe("weekly send", () => {
  it("delivers exactly what render -f eml prints, to To + Cc + Bcc, with no Bcc header", async () => {
    const server = await smtpServer();
    const dir = project(smtpAt(server.port));
    const eml = await rendered(dir);
    const r = await send(dir, ["--yes"]);
    const expected = await simpleParser(eml);
    expect(r).toEqual({
      code: 0,
      stdout: `sent "${SUBJECT}" to 4 recipients (message-id ${expected.messageId})\n`,
      stderr: "",
    });
    expect(server.mails).toHaveLength(1);
    const mail = server.mails[0]!;
    expect(mail.raw).toBe(crlf(eml)); // byte for byte, with SMTP's CRLF line ends
    expect({ from: mail.from, to: mail.to }).toEqual({ from: "jane@example.com", to: RECIPIENTS });
    expect(mail.raw).not.toMatch(/^Bcc:/im);
    expect(mail.raw).not.toContain("jane.archive@example.com");
    const got = await simpleParser(mail.raw);
    expect(got.headers).toEqual(expected.headers);
    expect(got.text).toBe(expected.text);
    expect(got.text).toContain("\n.config first (a line that starts with a dot)\n");
    expect(files(dir)).toEqual(["2022-11-11.yaml", "weekly.config.yaml"]);
  });

  it("logs in as smtp.user with WEEKLY_SMTP_PASSWORD over STARTTLS, and prints the password nowhere", async () => {
    const server = await smtpServer({ authOptional: false });
    const dir = project(
      "{host: 127.0.0.1, port: PORT, security: starttls, tls_verify: false, user: jane@example.com}".replace(
        "PORT",
        String(server.port),
      ),
    );
    const r = await send(dir, ["--yes"], { WEEKLY_SMTP_PASSWORD: PASSWORD });
    expect(r.code).toBe(0);
    expect(server.logins).toEqual([`jane@example.com:${PASSWORD}`]);
    expect(server.mails.map((m) => m.secure)).toEqual([true]);
    expectNoPassword(dir, r);
  });

  it(
    "a refused login: one line naming the user and WEEKLY_SMTP_PASSWORD, exit 4, the message kept; " +
      "no login where one is needed",
    async () => {
      const server = await smtpServer({ authOptional: false, allowInsecureAuth: true });
      const dir = project(smtpAt(server.port, ", user: jane@example.com"));
      const r = await send(dir, ["--yes"], { WEEKLY_SMTP_PASSWORD: `${PASSWORD}-wrong` });
      expect(r).toEqual({
        code: 4,
        stdout: "",
        stderr:
          "warning: smtp.security is none: the password for jane@example.com crosses the network unencrypted\n" +
          "the SMTP server refused the login of jane@example.com: 535 Invalid username or password; " +
          "check WEEKLY_SMTP_PASSWORD\n" +
          savedIn("2022-11-11.unsent.eml"),
      });
      expect(server.logins).toEqual([`jane@example.com:${PASSWORD}-wrong`]);
      expect(server.mails).toEqual([]);
      expect(unsent(dir)).toBe(kept(await rendered(dir)));
      expectNoPassword(dir, r);
      const anonymous = await send(project(smtpAt(server.port)), ["--yes"]);
      expect(anonymous.stderr.split("\n")[0]).toBe(
        "the SMTP server wants a login before it takes mail from jane@example.com " +
          "(530 Error: authentication Required); set smtp.user and WEEKLY_SMTP_PASSWORD",
      );
    },
  );

  it("connection refused: says so, keeps the message, and never overwrites a kept one", async () => {
    const port = await closedPort();
    const dir = project(smtpAt(port));
    const eml = await rendered(dir);
    const first = await send(dir, ["--yes"]);
    expect(first).toEqual({
      code: 4,
      stdout: "",
      stderr: `could not connect to 127.0.0.1:${port}: connection refused\n` + savedIn("2022-11-11.unsent.eml"),
    });
    const second = await send(dir, ["--yes"]);
    expect(second.stderr).toBe(
      `could not connect to 127.0.0.1:${port}: connection refused\n${savedIn("2022-11-11.unsent-2.eml")}`,
    );
    expect([unsent(dir), unsent(dir, "2022-11-11.unsent-2.eml")]).toEqual([kept(eml), kept(eml)]);
  });

  it("an untrusted certificate fails with tls_verify on, and goes through with it off", async () => {
    const server = await smtpServer({ secure: true }); // smtp-server's built-in self-signed certificate
    const dir = project(`{host: 127.0.0.1, port: ${server.port}, security: tls, timeout_seconds: 2}`);
    const r = await send(dir, ["--yes"]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      new RegExp(
        `^could not connect securely to 127\\.0\\.0\\.1:${server.port}: ` +
          "the server's certificate is not trusted \\(.+\\); smtp\\.tls_verify: false skips this check\\n" +
          "the message is saved in 2022-11-11\\.unsent\\.eml; .*\\n$",
      ),
    );
    expect(server.mails).toEqual([]);
    expect(unsent(dir)).toBe(kept(await rendered(dir)));
    const trusting = project(`{host: 127.0.0.1, port: ${server.port}, security: tls, tls_verify: false}`);
    expect((await send(trusting, ["--yes"])).code).toBe(0);
    expect(server.mails.map((m) => m.secure)).toEqual([true]);
  });

  it("the wrong security for the server: starttls where it is not offered, tls on a plain port", async () => {
    const server = await smtpServer({ disabledCommands: ["STARTTLS"] });
    const dir = project(`{host: 127.0.0.1, port: ${server.port}, security: starttls}`);
    const r = await send(dir, ["--yes"]);
    expect(r.code).toBe(4);
    expect(r.stderr.split("\n")[0]).toBe(
      `127.0.0.1:${server.port} does not offer STARTTLS (500 Error: command not recognized), ` +
        "which security: starttls requires; use security: tls if it speaks TLS from the start (port 465)",
    );
    const tls = await send(project(`{host: 127.0.0.1, port: ${server.port}, security: tls}`), ["--yes"]);
    expect(tls.stderr.split("\n")[0]).toBe(
      `could not connect securely to 127.0.0.1:${server.port}: ` +
        "the server does not speak TLS on this port; try security: starttls (port 587)",
    );
    expect(server.mails).toEqual([]);
    expect(unsent(dir)).toBe(kept(await rendered(dir)));
  });

  it("a server that never answers: a time-out after smtp.timeout_seconds", async () => {
    const port = await silentPort();
    const dir = project(`{host: 127.0.0.1, port: ${port}, security: none, timeout_seconds: 0.3}`);
    const r = await send(dir, ["--yes"]);
    expect(r).toEqual({
      code: 4,
      stdout: "",
      stderr:
        `no answer from 127.0.0.1:${port} within 0.3 s (smtp.timeout_seconds)\n` + savedIn("2022-11-11.unsent.eml"),
    });
    expect(unsent(dir)).toBe(kept(await rendered(dir)));
  });

  it("a refused recipient: the others get it; the kept copy is for that one, sent by send FILE.eml", async () => {
    let refuse = true;
    const onRcptTo: SMTPServerOptions["onRcptTo"] = (address, _session, done) =>
      done(
        refuse && address.address === "team@example.com"
          ? Object.assign(new Error("No such user here"), { responseCode: 550 })
          : null,
      );
    const server = await smtpServer({ onRcptTo });
    const dir = project(smtpAt(server.port));
    const r = await send(dir, ["--yes"]);
    expect(r).toEqual({
      code: 4,
      stdout: "",
      stderr:
        "sent to 3 of 4 recipients only: the SMTP server refused team@example.com (550 No such user here)\n" +
        savedIn("2022-11-11.unsent.eml", 1),
    });
    expect(server.mails.map((m) => m.to)).toEqual([RECIPIENTS.filter((a) => a !== "team@example.com")]);
    const eml = await rendered(dir);
    expect(unsent(dir)).toBe(kept(eml, ["team@example.com"]));
    // Sent again from the kept copy: to the one who did not get it, the message exactly as composed.
    refuse = false;
    const again = await run(["send", "2022-11-11.unsent.eml", "--yes"], { cwd: dir, now: NOW });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^sent "\[Weekly\] Week ending 2022-11-11" to 1 recipient \(message-id <weekly\./);
    expect(server.mails.at(-1)!.to).toEqual(["team@example.com"]);
    expect(crlf(server.mails.at(-1)!.raw)).toBe(crlf(eml));
  });

  it("--dry-run prints the message and the envelope, connects to nothing, needs no password", async () => {
    const server = await smtpServer();
    const dir = project(smtpAt(server.port, ", user: jane@example.com"));
    const r = await send(dir, ["--dry-run"]);
    expect(r).toEqual({
      code: 0,
      stdout: await rendered(dir),
      stderr: `envelope: from jane@example.com to ${RECIPIENTS.join(", ")} via 127.0.0.1:${server.port} (none)\n`,
    });
    expect(server.connections).toBe(0);
  });

  it("without a terminal and without --yes it refuses (exit 2) and sends nothing", async () => {
    const server = await smtpServer();
    const dir = project(smtpAt(server.port));
    const r = await send(dir);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "not sent: stdin is not a terminal; add --yes to send without asking\n",
    });
    expect(server.connections).toBe(0);
    expect(files(dir)).toEqual(["2022-11-11.yaml", "weekly.config.yaml"]);
  });

  it("on a terminal it asks: anything but y leaves it unsent (exit 5, cancelled), y sends", async () => {
    const server = await smtpServer();
    const dir = project(smtpAt(server.port));
    const question = `Send "${SUBJECT}" to 4 recipients via 127.0.0.1? [y/N] `;
    for (const answer of ["n\n", "", "yess\n"]) {
      expect(await runOnTerminal(dir, answer)).toEqual({
        code: 5,
        stdout: "",
        stderr: `${question}not sent: you answered no\n`,
      });
    }
    expect(server.connections).toBe(0);
    const yes = await runOnTerminal(dir, "Y\nmore typing\n");
    expect([yes.code, yes.stderr, server.mails.length]).toEqual([0, question, 1]);
    expect(yes.stdout).toMatch(
      /^sent "\[Weekly\] Week ending 2022-11-11" to 4 recipients \(message-id <weekly\.[0-9a-f]{24}@example\.com>\)\n$/,
    );
  });

  it("without smtp: in the config, one line saying what to add (exit 1)", async () => {
    const dir = tmpProject({
      "weekly.config.yaml": "from: jane@example.com\nto: lead@example.com\n",
      "2022-11-11.yaml": REPORT,
    });
    expect(await send(dir, ["--yes"])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "no SMTP server to send through: add one to weekly.config.yaml, " +
        "e.g. `smtp: {host: smtp.example.com, user: you@example.com}`\n",
    });
  });

  it("smtp.user without WEEKLY_SMTP_PASSWORD: exit 1 before connecting", async () => {
    const server = await smtpServer();
    const dir = project(smtpAt(server.port, ", user: jane@example.com"));
    const r = await send(dir, ["--yes"], { WEEKLY_SMTP_PASSWORD: "" });
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        "smtp.user is jane@example.com, but WEEKLY_SMTP_PASSWORD is not set: " +
        "export it (the password is read from the environment only)\n",
    });
    expect(server.connections).toBe(0);
  });

  it("the built command: refuses without a terminal, sends with --yes", async () => {
    const server = await smtpServer({ authOptional: false });
    const dir = project(
      `{host: 127.0.0.1, port: ${server.port}, security: starttls, tls_verify: false, user: jane@example.com}`,
    );
    const env = { WEEKLY_SMTP_PASSWORD: PASSWORD };
    expect((await runBinAsync(["send", "2022-11-11.yaml"], { cwd: dir, env })).code).toBe(2);
    const r = await runBinAsync(["send", "--yes", "2022-11-11.yaml"], { cwd: dir, env });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(
      /^sent "\[Weekly\] Week ending 2022-11-11" to 4 recipients \(message-id <weekly\.[0-9a-f]{24}@example\.com>\)\n$/,
    );
    expect(server.mails.map((m) => m.to)).toEqual([RECIPIENTS]);
    expect((await simpleParser(server.mails[0]!.raw)).text).toBe((await simpleParser(await rendered(dir))).text);
    expectNoPassword(dir, r);
  });
});
