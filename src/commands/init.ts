// weekly init: write weekly.config.yaml from flags, asking for what is missing on a terminal.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { stringify } from "yaml";
import { splitAddressList } from "../config/addresses.js";
import { CONFIG_NAME } from "../config/load.js";
import { Config } from "../config/schema.js";
import { UsageError } from "../core/errors.js";
import { Address } from "../core/schemas.js";
import { makeDirs } from "../io/dirs.js";
import type { Io } from "../io/output.js";
import { schemaReference } from "../io/package-files.js";
import { openPrompter, type Prompter } from "../io/prompt.js";
import { writeFileAtomic } from "../io/write-atomic.js";

export interface InitOptions {
  name?: string;
  email?: string;
  to?: string[];
  cc?: string[];
  jiraUrl?: string;
  reportsDir?: string;
  force?: boolean;
  /** Ask for what the flags leave out (stdin is a terminal). */
  interactive?: boolean;
}

interface Answers {
  name?: string;
  email?: string;
  to: string[];
  cc: string[];
  jiraUrl?: string;
  reportsDir: string;
}

export async function initCommand(io: Io, opts: InitOptions): Promise<void> {
  const file = join(io.cwd, CONFIG_NAME);
  if (existsSync(file) && !opts.force)
    throw new UsageError(`${CONFIG_NAME} already exists here; use --force to replace it`);
  if (!opts.interactive && opts.name === undefined && opts.email === undefined && opts.to === undefined) {
    throw new UsageError(
      "no terminal to ask on: give --name, --email and --to (and --jira-url if you use Jira); nothing written",
    );
  }
  const answers = opts.interactive ? await ask(io, opts) : fromFlags(opts);
  const data = configOf(answers);
  check(data, answers);
  if (!data.from)
    io.stderr.write(
      "note: no sender yet (--name, --email): render -f eml and send need `from:` in weekly.config.yaml\n",
    );
  if (answers.to.length === 0)
    io.stderr.write("note: no recipients yet (--to): render -f eml and send need `to:` in weekly.config.yaml\n");
  writeFileAtomic(file, header(io.cwd) + stringify(data, { lineWidth: 0 }), {
    force: opts.force,
    display: CONFIG_NAME,
  });
  makeDirs(resolve(io.cwd, answers.reportsDir));
  io.stdout.write(`${CONFIG_NAME}\n`);
  io.stderr.write(`next: weekly new   (starts ${join(answers.reportsDir, "YYYY-MM-DD.yaml")} for this week)\n`);
}

/** The config as it would be written must load: name the flag and the value that would not. */
function check(data: Record<string, unknown>, answers: Answers): void {
  const checked = Config.safeParse(data);
  if (checked.success) return;
  const issue = checked.error.issues[0]!;
  const field = issue.path.filter((p) => typeof p === "string").join(".");
  const got = field === "from" ? answers.email : valueAt(data, issue.path);
  throw new UsageError(`${FLAG_OF[field] ?? field}: ${issue.message}, got ${JSON.stringify(got)}`);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function fromFlags(opts: InitOptions): Answers {
  const jiraUrl = opts.jiraUrl === undefined ? undefined : (siteOf(opts.jiraUrl) ?? opts.jiraUrl);
  return {
    name: opts.name,
    email: opts.email,
    to: splitAddressList(opts.to ?? []),
    cc: splitAddressList(opts.cc ?? []),
    jiraUrl,
    reportsDir: opts.reportsDir ?? "reports",
  };
}

const ADDRESS_HINT = 'an address like jane@example.com or "Jane Doe <jane@example.com>"';

/** One question per missing value, on stderr; Enter takes the [default]; a bad answer is asked again. */
async function ask(io: Io, opts: InitOptions): Promise<Answers> {
  const prompter = openPrompter(io);
  const addresses = (s: string) => splitAddressList([s]).every((a) => Address.safeParse(a).success);
  const q = (label: string, fallback: string, valid: (s: string) => boolean, expected: string) =>
    askUntil(io, prompter, label, fallback, valid, expected);
  try {
    const name = opts.name ?? (await q("Your name", git(io, "user.name"), () => true, ""));
    const email =
      opts.email ?? (await q("Your email", git(io, "user.email"), (s) => Address.safeParse(s).success, ADDRESS_HINT));
    const to = opts.to ?? [
      await q(
        "Send the report to (addresses, comma-separated)",
        "",
        (s) => s !== "" && addresses(s),
        `one or more of ${ADDRESS_HINT}`,
      ),
    ];
    const cc = opts.cc ?? [
      await q("Cc (addresses, comma-separated; Enter for none)", "", (s) => s === "" || addresses(s), ADDRESS_HINT),
    ];
    const site = (s: string) => s === "" || siteOf(s) !== undefined;
    const jiraUrl =
      opts.jiraUrl ??
      (await q(
        "Jira site (e.g. https://example.atlassian.net; Enter for none)",
        "",
        site,
        "a site like example.atlassian.net",
      ));
    const reportsDir =
      opts.reportsDir ?? (await q("Folder for the weekly files", "reports", (s) => s !== "", "a folder name"));
    const answers = {
      name: name || undefined,
      email: email || undefined,
      to: splitAddressList(to),
      cc: splitAddressList(cc),
    };
    return { ...answers, jiraUrl: siteOf(jiraUrl) || undefined, reportsDir };
  } finally {
    prompter.close();
  }
}

async function askUntil(
  io: Io,
  p: Prompter,
  label: string,
  fallback: string,
  valid: (s: string) => boolean,
  expected: string,
) {
  for (let tries = 0; tries < 3; tries++) {
    const answer = await p.ask(label, fallback);
    if (valid(answer)) return answer;
    io.stderr.write(`  expected ${expected}; got ${JSON.stringify(answer)}; try again\n`);
  }
  throw new UsageError(`no usable answer for "${label}": expected ${expected}; nothing written`);
}

/** "example.atlassian.net" → "https://example.atlassian.net"; undefined when it is no URL. */
function siteOf(text: string): string | undefined {
  if (text === "") return "";
  try {
    return new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`).href.replace(/\/$/, "");
  } catch {
    return undefined;
  }
}

/** Which flag sets a config field, for messages. */
const FLAG_OF: Record<string, string> = {
  from: "--email",
  to: "--to",
  cc: "--cc",
  "jira.url": "--jira-url",
  reports_dir: "--reports-dir",
};

function configOf(a: Answers): Record<string, unknown> {
  const from = a.email ? (a.name ? `${a.name} <${a.email}>` : a.email) : undefined;
  return {
    ...(from ? { from } : {}),
    to: a.to,
    cc: a.cc,
    week_ends_on: "friday",
    reports_dir: a.reportsDir,
    ...(a.jiraUrl ? { jira: { url: a.jiraUrl } } : {}),
  };
}

/** The schema line for editors, and a word on where credentials go. */
function header(cwd: string): string {
  const ref = schemaReference("config", cwd);
  const line = ref ? `# yaml-language-server: $schema=${ref}\n` : "";
  const note = "Every setting: weekly schema config; Jira credentials go in the environment.";
  return `${line}# Written by weekly init. ${note}\n`;
}

function git(io: Io, key: string): string {
  const r = spawnSync("git", ["config", "--get", key], { cwd: io.cwd, env: io.env, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}
