// Fetched ticket facts on disk, one file per Jira site, each fact with the time it was fetched.
// Only facts go in: never a credential.
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { readTextFile } from "../io/read-text.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import type { Deployment } from "./client.js";
import type { JiraIssueFacts } from "./types.js";

export interface SiteCache {
  site: string;
  deployment?: Deployment;
  /** By the key as the report writes it (upper case). */
  issues: Record<string, JiraIssueFacts>;
}

export function cacheDir(env: NodeJS.ProcessEnv, configured?: string): string {
  if (configured) return configured;
  if (env.WEEKLY_CACHE_DIR) return env.WEEKLY_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache"), "weekly-report");
}

export function cacheFile(dir: string, site: string): string {
  const id = createHash("sha256").update(site).digest("hex").slice(0, 16);
  return join(dir, "jira", `${new URL(site).hostname}-${id}.json`);
}

/** The cache of a site; an empty one when there is none or it cannot be read (a cache is never needed). */
export function readCache(file: string, site: string): SiteCache {
  try {
    const data = JSON.parse(readTextFile(file, "cache file")) as SiteCache;
    if (data && data.site === site && data.issues && typeof data.issues === "object") return data;
  } catch {}
  return { site, issues: {} };
}

export function writeCache(file: string, cache: SiteCache): void {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileAtomic(file, `${JSON.stringify(cache, null, 2)}\n`, { force: true });
  } catch {
    // A cache that cannot be written only means Jira is asked again next time.
  }
}
