// From config + environment to what the Jira calls need; undefined when Jira is not configured
// (no site). Without credentials the setup has none: then only --offline (the cache) gives facts.
import { homedir, userInfo } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { sha256Hex } from "../io/lazy-require.js";
import { type LoadedConfig, namedJiraSite } from "../config/load.js";
import type { JiraConfig } from "../config/schema.js";
import type { Io } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { type Diagnostic, warning } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { type Credentials, resolveCredentials } from "./credentials.js";
import { type RetryPolicy, retryPolicy } from "./retry.js";
import type { TransportLog } from "./transport.js";

export interface JiraSetup {
  url: string;
  deployment: "cloud" | "datacenter" | "auto";
  /** Absent when none are configured: then only the cache (--offline) can give facts. */
  credentials?: Credentials;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  cacheFile: string;
  cacheMinutes: number;
  retry: RetryPolicy;
  now: Date;
  log?: TransportLog;
  /** Said once by every command that asks Jira (credentials withheld from a site you did not name). */
  notices: Diagnostic[];
}

/** Where the site was named: you named it (a flag, JIRA_URL, a config you chose), or a config beside a report did. */
export interface SiteChoice {
  /** --jira-url */
  flag?: string;
  /** Whether the config is one you chose (LoadedConfig.trusted). */
  trusted: boolean;
}

export function siteUrl(jira: JiraConfig, env: NodeJS.ProcessEnv, flag?: string): string | undefined {
  const raw = namedJiraSite(jira, env, flag);
  if (!raw) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UserError(`the Jira site is not a URL; expected e.g. https://example.atlassian.net`);
  }
  if (u.username || u.password) {
    throw new UserError(
      `the Jira site ${u.host} has a user or password in its URL; put them in JIRA_USER and JIRA_API_TOKEN instead`,
    );
  }
  if (u.protocol !== "https:" && u.protocol !== "http:")
    throw new UserError(`the Jira site ${u.host} must start with https://`);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

export interface SetupOptions extends SiteChoice {
  env: NodeJS.ProcessEnv;
  configDir: string;
  /** The config file, for messages. */
  configFile?: string;
  now: Date;
  sleep?: (ms: number) => Promise<void>;
}

export function jiraSetup(jira: JiraConfig, opts: SetupOptions): JiraSetup | undefined {
  const url = siteUrl(jira, opts.env, opts.flag);
  if (!url) return undefined;
  const host = new URL(url).hostname;
  // Credentials from the environment go only to a site you named; a ~/.netrc entry names its own host.
  const named = opts.trusted || Boolean(opts.flag) || Boolean(opts.env.JIRA_URL);
  const notices: Diagnostic[] = [];
  let credentials = resolveCredentials(named ? opts.env : withoutEnvCredentials(opts.env), host);
  if (!named && opts.env.JIRA_API_TOKEN) {
    const where = opts.configFile ?? "a weekly.config.yaml beside the report";
    const why = `${where} names the Jira site ${host}, which you did not choose: JIRA_API_TOKEN is not sent there`;
    notices.push(warning(`${why}; to use it, say so with --config ${where} or --jira-url ${url}`));
    if (credentials?.source === "env") credentials = undefined;
  }
  const dir = cacheDir(opts.env, jira.cache_dir && resolve(opts.configDir, jira.cache_dir));
  return {
    url,
    deployment: jira.deployment,
    credentials,
    env: opts.env,
    timeoutMs: jira.timeout_seconds * 1000,
    cacheFile: cacheFile(dir, url),
    cacheMinutes: jira.cache_minutes,
    retry: retryPolicy(opts.sleep),
    now: opts.now,
    notices,
  };
}

function withoutEnvCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { JIRA_API_TOKEN: _t, JIRA_USER: _u, ...rest } = env;
  return rest;
}

/**
 * Where fetched facts are kept. A relative XDG_CACHE_HOME is ignored (XDG Base Directory
 * specification), and so is an empty or relative HOME: the account's home folder stands in, so
 * that the cache does not land in the folder a command runs in.
 */
export function cacheDir(env: NodeJS.ProcessEnv, configured?: string): string {
  if (configured) return configured;
  if (env.WEEKLY_CACHE_DIR) return env.WEEKLY_CACHE_DIR;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "weekly-report");
  return join(homeDir(env), ".cache", "weekly-report");
}

/** HOME when it is a path; else the account's home folder (from the user database). */
function homeDir(env: NodeJS.ProcessEnv): string {
  if (env.HOME && isAbsolute(env.HOME)) return env.HOME;
  try {
    return userInfo().homedir;
  } catch {
    return homedir();
  }
}

/** One cache file per site, named by its host and a hash of the whole URL. */
export function cacheFile(dir: string, site: string): string {
  const id = sha256Hex(site).slice(0, 16);
  return join(dir, "jira", `${new URL(site).hostname}-${id}.json`);
}

/** Whether a site is this machine (by its parsed host, not by how its name starts). */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** A ~/.netrc with a password that other users of the machine can read. */
export function exposedNetrcWarning(setup: JiraSetup): Diagnostic | undefined {
  const file = setup.credentials?.exposedFile;
  return file ? warning(`${file} can be read by other users; protect its passwords: chmod 600 ${file}`) : undefined;
}

/** The warning every command that sends credentials over plain http gives. */
export function plainHttpWarning(setup: JiraSetup): Diagnostic | undefined {
  if (!setup.credentials || !setup.url.startsWith("http:") || isLoopback(setup.url)) return undefined;
  return warning(`${new URL(setup.url).host} is asked over http: your Jira credentials cross the network unencrypted`);
}

/** The setup for a command: its config (and whether you chose it), the clock, --jira-url. */
export function setupFor(io: Io, loaded: LoadedConfig, flag?: string): JiraSetup | undefined {
  return jiraSetup(loaded.config.jira, {
    env: io.env,
    configDir: loaded.dir,
    configFile: loaded.file && displayPath(io.cwd, loaded.file),
    now: io.now(),
    sleep: io.sleep,
    trusted: loaded.trusted,
    flag,
  });
}
