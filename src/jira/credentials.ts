// Where Jira credentials come from: JIRA_API_TOKEN (+ JIRA_USER for Cloud's email:token Basic),
// JIRA_AUTH_TYPE=basic|bearer, else ~/.netrc. They are handed to the client and nowhere else.
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { UserError } from "../core/errors.js";

/** Where they came from, for messages; `explicitBearer`: JIRA_AUTH_TYPE=bearer said so. */
interface Origin {
  source: "env" | "netrc";
  explicitBearer: boolean;
  /** A ~/.netrc that others can read: warn, once. */
  exposedFile?: string;
}
export type Credentials = ({ scheme: "basic"; user: string; token: string } | { scheme: "bearer"; token: string }) &
  Origin;

export function resolveCredentials(env: NodeJS.ProcessEnv, host: string): Credentials | undefined {
  for (const name of ["JIRA_API_TOKEN", "JIRA_USER"]) {
    // A pasted token with its newline would end up in an HTTP header (and in the error about it).
    if (/[\u0000-\u001f\u007f]/.test(env[name] ?? ""))
      throw new UserError(`${name} has a line break or another control character in it; set it again without one`);
  }
  const type = env.JIRA_AUTH_TYPE?.toLowerCase();
  if (type !== undefined && type !== "basic" && type !== "bearer") {
    throw new UserError(`JIRA_AUTH_TYPE must be "basic" or "bearer", got "${env.JIRA_AUTH_TYPE}"`);
  }
  const token = env.JIRA_API_TOKEN;
  const explicitBearer = type === "bearer";
  if (token) {
    const origin = { source: "env", explicitBearer } as const;
    if (type === "bearer" || (type === undefined && !env.JIRA_USER)) return { scheme: "bearer", token, ...origin };
    if (!env.JIRA_USER)
      throw new UserError("JIRA_AUTH_TYPE=basic needs JIRA_USER (your Atlassian account email) beside JIRA_API_TOKEN");
    return { scheme: "basic", user: env.JIRA_USER, token, ...origin };
  }
  const fromNetrc = netrcLogin(env, host);
  if (!fromNetrc) return undefined;
  // A .netrc entry names its login: Basic unless told otherwise.
  const origin = {
    source: "netrc",
    explicitBearer: true,
    ...(fromNetrc.readableByOthers ? { exposedFile: fromNetrc.file } : {}),
  } as const;
  return type === "bearer"
    ? { scheme: "bearer", token: fromNetrc.password, ...origin }
    : { scheme: "basic", user: fromNetrc.login, token: fromNetrc.password, ...origin };
}

/**
 * The `machine HOST login L password P` entry of ~/.netrc (or $NETRC) for exactly this host.
 * A `default` entry is not used: it would send a password to any site a config names.
 */
export function netrcLogin(env: NodeJS.ProcessEnv, host: string): NetrcEntry | undefined {
  const file = env.NETRC ?? join(env.HOME ?? homedir(), ".netrc");
  let text: string;
  let mode: number;
  try {
    text = readFileSync(file, "utf8");
    mode = statSync(file).mode;
  } catch {
    return undefined;
  }
  const tokens = text
    .replace(/^\s*#.*$/gm, "")
    .split(/\s+/)
    .filter(Boolean);
  let current: string | undefined; // the machine whose fields follow; undefined outside one (or in default)
  const found: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === "machine") current = tokens[++i];
    else if (t === "default") current = undefined;
    else if ((t === "login" || t === "password") && current !== undefined) {
      const value = tokens[++i] ?? "";
      if (current === host) found[t] = value;
    }
  }
  if (found.password === undefined) return undefined;
  const open = (mode & 0o077) !== 0;
  return { login: found.login ?? "", password: found.password, file, readableByOthers: open };
}

export interface NetrcEntry {
  login: string;
  password: string;
  file: string;
  /** The file's mode lets others read it (group or world bits). */
  readableByOthers: boolean;
}

/** How to name where the credentials came from, in messages (never the secret itself). */
export function describeCredentials(creds: Credentials): string {
  if (creds.source === "netrc") return `the ~/.netrc entry (${creds.scheme === "basic" ? "Basic" : "Bearer"})`;
  return creds.scheme === "basic" ? "JIRA_USER and JIRA_API_TOKEN (Basic)" : "JIRA_API_TOKEN (Bearer)";
}
