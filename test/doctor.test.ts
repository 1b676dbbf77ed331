// weekly doctor: one line per finding, against a real fake Jira and a real SMTP server; it asks
// /myself and logs in to SMTP but sends nothing, prints no secret, and exits 1 on a problem.
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeJira, type FakeJira } from "./fake-jira/server.js";
import { run, tmpProject } from "./helpers.js";

const TOKEN = "tok-doctor-5ecret";
const PASSWORD = "smtp-doctor-5ecret";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => void (await Promise.all(closers.splice(0).map((c) => c()))));

async function smtp(): Promise<{ port: number; mails: number }> {
  const state = { port: 0, mails: 0 };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onAuth: (auth, _s, done) =>
      done(auth.password === PASSWORD ? null : new Error("Invalid login"), { user: auth.username }),
    onData: (stream, _s, done) => (state.mails++, stream.resume(), stream.on("end", () => done())),
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  state.port = (server.server.address() as AddressInfo).port;
  closers.push(() => new Promise<void>((ok) => server.close(() => ok())));
  return state;
}

async function jira(): Promise<FakeJira> {
  const fake = await startFakeJira({
    deployment: "cloud",
    issues: [],
    auth: { user: "me@example.org", token: TOKEN, scheme: "basic" },
    myself: { displayName: "Ada Lovelace" },
  });
  closers.push(() => fake.close());
  return fake;
}

describe("weekly doctor", () => {
  it("all well: the config and why, the week, Jira as whom, SMTP login accepted; nothing sent, no secret", async () => {
    const [fake, mail] = await Promise.all([jira(), smtp()]);
    const dir = tmpProject({
      "weekly.config.yaml":
        `from: Ada <ada@example.org>\ntimezone: Europe/Oslo\njira:\n  url: ${fake.url}\n  deployment: cloud\n` +
        `smtp:\n  host: 127.0.0.1\n  port: ${mail.port}\n  security: none\n  user: ada@example.org\n`,
      "reports/2024-06-14.yaml": "sections:\n  - title: W\n    entries:\n      - ticket: A-1\n        notes: [x]\n",
    });
    const env = {
      JIRA_USER: "me@example.org",
      JIRA_API_TOKEN: TOKEN,
      WEEKLY_SMTP_PASSWORD: PASSWORD,
      WEEKLY_CACHE_DIR: join(dir, "c"),
    };
    const r = await run(["doctor"], { cwd: dir, env });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain("ok       config     weekly.config.yaml (found in this folder)\n");
    expect(r.stdout).toContain("today is 2024-06-14 in Europe/Oslo; weeks end on fridays: this one on 2024-06-14");
    expect(r.stdout).toContain("ok       this week  reports/2024-06-14.yaml checks\n");
    expect(r.stdout).toContain("credentials: me@example.org, basic auth, from JIRA_API_TOKEN in the environment");
    expect(r.stdout).toContain("signed in as Ada Lovelace (cloud)");
    expect(r.stdout).toMatch(
      /ok {7}smtp {7}127\.0\.0\.1:\d+ \(none\) answers, login as ada@example\.org accepted; nothing was sent/,
    );
    expect(mail.mails).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
    expect(`${r.stdout}${r.stderr}`).not.toContain(PASSWORD);
  });

  it("problems, each with its fix, and exit 1: a wrong token, a wrong password, a missing template", async () => {
    const [fake, mail] = await Promise.all([jira(), smtp()]);
    const dir = tmpProject({
      "weekly.config.yaml":
        `template: mine.hbs\njira:\n  url: ${fake.url}\n  deployment: cloud\n` +
        `smtp:\n  host: 127.0.0.1\n  port: ${mail.port}\n  security: none\n  user: ada@example.org\n`,
    });
    const env = {
      JIRA_USER: "me@example.org",
      JIRA_API_TOKEN: "wrong",
      WEEKLY_SMTP_PASSWORD: "wrong",
      WEEKLY_CACHE_DIR: join(dir, "c"),
    };
    const r = await run(["doctor"], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/problem  template   mine\.hbs \(template:\) does not exist \(fix: /);
    expect(r.stdout).toMatch(/problem  jira {7}/);
    expect(r.stdout).toMatch(/problem  smtp {7}/);
    expect(r.stdout).toContain(
      "warning  reports    reports does not exist yet (fix: weekly new starts this week's file there)",
    );
  });
});
