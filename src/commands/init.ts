// weekly init: write weekly.config.yaml from flags, asking for what is missing on a terminal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { CONFIG_NAME } from "../config/load.js";
import { Config } from "../config/schema.js";
import { UsageError, UserError } from "../errors.js";
import type { Io } from "../io/output.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { Address } from "../report/schema.js";

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
  if (existsSync(file) && !opts.force) throw new UserError(`${CONFIG_NAME} already exists here; use --force to replace it`);
  const answers = opts.interactive ? await ask(io, opts) : fromFlags(opts);
  const data = configOf(answers);
  const checked = Config.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path.filter((p) => typeof p === "string").join(".");
    const got = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as string], data);
    throw new UsageError(`${FLAG_OF[field] ?? field}: ${issue.message}, got ${JSON.stringify(got)}`);
  }
  if (!data.from) io.stderr.write("note: no sender yet (--name, --email): render -f eml and send need `from:` in weekly.config.yaml\n");
  writeFileAtomic(file, header(io.cwd) + stringify(data, { lineWidth: 0 }), { force: opts.force, display: CONFIG_NAME });
  mkdirSync(resolve(io.cwd, answers.reportsDir), { recursive: true });
  io.stdout.write(`${CONFIG_NAME}\n`);
  io.stderr.write(`next: weekly new   (starts ${join(answers.reportsDir, "YYYY-MM-DD.yaml")} for this week)\n`);
}

function fromFlags(opts: InitOptions): Answers {
  const jiraUrl = opts.jiraUrl === undefined ? undefined : (siteOf(opts.jiraUrl) ?? opts.jiraUrl);
  return { name: opts.name, email: opts.email, to: opts.to ?? [], cc: opts.cc ?? [], jiraUrl, reportsDir: opts.reportsDir ?? "reports" };
}

/** One question per missing value, on stderr; Enter takes the [default]; a bad address is asked again. */
async function ask(io: Io, opts: InitOptions): Promise<Answers> {
  // Lines through the async iterator: it keeps the answers that arrive before their question.
  const rl = createInterface({ input: (io.stdin ?? process.stdin) as Readable, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const q = async (label: string, fallback = "", valid: (s: string) => boolean = () => true): Promise<string> => {
    for (let tries = 0; tries < 3; tries++) {
      io.stderr.write(`${label}${fallback ? ` [${fallback}]` : ""}: `);
      const next = await lines.next();
      if (next.done) throw new UsageError(`the input ended before "${label}" was answered; nothing written`);
      const answer = String(next.value).trim() || fallback;
      if (valid(answer)) return answer;
      io.stderr.write(`  that does not look right; try again\n`);
    }
    throw new UsageError(`no usable answer for "${label}"`);
  };
  const list = (s: string) => s.split(",").map((a) => a.trim()).filter(Boolean);
  const addresses = (s: string) => list(s).every((a) => Address.safeParse(a).success);
  try {
    const name = opts.name ?? (await q("Your name", git(io, "user.name")));
    const email = opts.email ?? (await q("Your email", git(io, "user.email"), (s) => Address.safeParse(s).success));
    const to = opts.to ?? list(await q("Send the report to (addresses, comma-separated)", "", addresses));
    const cc = opts.cc ?? list(await q("Cc (addresses, comma-separated; Enter for none)", "", (s) => s === "" || addresses(s)));
    const jiraUrl = opts.jiraUrl ?? (siteOf(await q("Jira site (e.g. https://example.atlassian.net; Enter for none)", "", (s) => s === "" || siteOf(s) !== undefined)) || undefined);
    const reportsDir = opts.reportsDir ?? (await q("Folder for the weekly files", "reports"));
    return { name: name || undefined, email: email || undefined, to, cc, jiraUrl, reportsDir };
  } finally {
    rl.close();
  }
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
const FLAG_OF: Record<string, string> = { from: "--email", to: "--to", cc: "--cc", "jira.url": "--jira-url", reports_dir: "--reports-dir" };

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

/** The schema line for editors, pointing at this package's schema/config.schema.json. */
function header(cwd: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "schema", "config.schema.json")) && dirname(dir) !== dir) dir = dirname(dir);
  const schema = join(dir, "schema", "config.schema.json");
  const line = existsSync(schema) ? `# yaml-language-server: $schema=${relative(cwd, schema)}\n` : "";
  return `${line}# Written by weekly init. Every setting: weekly schema config; Jira credentials go in the environment.\n`;
}

function git(io: Io, key: string): string {
  const r = spawnSync("git", ["config", "--get", key], { cwd: io.cwd, env: io.env, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}
