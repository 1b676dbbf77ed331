// Where Jira credentials come from: JIRA_API_TOKEN (+ JIRA_USER for Cloud's email:token Basic),
// JIRA_AUTH_TYPE=basic|bearer, else ~/.netrc. They are handed to the client and nowhere else.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { UserError } from "../core/errors.js";

/** Where they came from, for messages; `explicitBearer`: JIRA_AUTH_TYPE=bearer said so. */
interface Origin {
  source: "env" | "netrc";
  explicitBearer: boolean;
}
export type Credentials = ({ scheme: "basic"; user: string; token: string } | { scheme: "bearer"; token: string }) & Origin;

export function resolveCredentials(env: NodeJS.ProcessEnv, host: string): Credentials | undefined {
  for (const name of ["JIRA_API_TOKEN", "JIRA_USER"]) {
    // A pasted token with its newline would end up in an HTTP header (and in the error about it).
    if (/[\u0000-\u001f\u007f]/.test(env[name] ?? "")) throw new UserError(`${name} has a line break or another control character in it; set it again without one`);
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
    if (!env.JIRA_USER) throw new UserError("JIRA_AUTH_TYPE=basic needs JIRA_USER (your Atlassian account email) beside JIRA_API_TOKEN");
    return { scheme: "basic", user: env.JIRA_USER, token, ...origin };
  }
  const fromNetrc = netrcLogin(env, host);
  if (!fromNetrc) return undefined;
  // A .netrc entry names its login: Basic unless told otherwise.
  const origin = { source: "netrc", explicitBearer: true } as const;
  return type === "bearer"
    ? { scheme: "bearer", token: fromNetrc.password, ...origin }
    : { scheme: "basic", user: fromNetrc.login, token: fromNetrc.password, ...origin };
}

/** The `machine HOST login L password P` entry of ~/.netrc (or $NETRC) for a host. */
export function netrcLogin(env: NodeJS.ProcessEnv, host: string): { login: string; password: string } | undefined {
  let text: string;
  try {
    text = readFileSync(env.NETRC ?? join(env.HOME ?? homedir(), ".netrc"), "utf8");
  } catch {
    return undefined;
  }
  const tokens = text.replace(/^\s*#.*$/gm, "").split(/\s+/).filter(Boolean);
  let current: string | null | undefined; // undefined: outside any machine; null: "default"
  const found: Record<string, string> = {};
  let fallback: Record<string, string> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === "machine") current = tokens[++i];
    else if (t === "default") {
      current = null;
      fallback = {};
    } else if ((t === "login" || t === "password") && current !== undefined) {
      const value = tokens[++i] ?? "";
      if (current === host) found[t] = value;
      else if (current === null && fallback) fallback[t] = value;
    }
  }
  const pick = found.password !== undefined ? found : fallback;
  return pick?.password !== undefined ? { login: pick.login ?? "", password: pick.password } : undefined;
}

/** How to name where the credentials came from, in messages (never the secret itself). */
export function describeCredentials(creds: Credentials): string {
  if (creds.source === "netrc") return `the ~/.netrc entry (${creds.scheme === "basic" ? "Basic" : "Bearer"})`;
  return creds.scheme === "basic" ? "JIRA_USER and JIRA_API_TOKEN (Basic)" : "JIRA_API_TOKEN (Bearer)";
}
