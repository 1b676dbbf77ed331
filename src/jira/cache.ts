// Fetched ticket facts on disk, one file per Jira site, each fact with the time it was fetched,
// and the keys Jira said it does not know (so a typo does not cost requests on every render).
// Only facts go in, never a credential; the files are the user's alone (0600 in a 0700 folder).
// The file is parsed like any input: an entry that does not parse counts as missing.
import { dirname } from "node:path";
import * as z from "zod/mini";
import { WeeklyError } from "../core/errors.js";
import { makeDirs } from "../io/dirs.js";
import { readTextFile } from "../io/read-text.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { JiraIssueFacts } from "./fact-schema.js";

export interface SiteCache {
  site: string;
  deployment?: "cloud" | "datacenter";
  /** By the key as the report writes it (upper case). */
  issues: Record<string, JiraIssueFacts>;
  /** Keys Jira does not know, with when it said so. */
  unknown: Record<string, string>;
  /** Whether entries were dropped while reading: the file is to be written again. */
  dirty?: boolean;
}

const CacheFile = z.object({
  site: z.string(),
  deployment: z.catch(z.optional(z.enum(["cloud", "datacenter"])), undefined),
  issues: z.catch(z.record(z.string(), z.unknown()), {}),
  unknown: z.catch(z.record(z.string(), z.string()), {}),
});

/** The cache of a site; an empty one when there is none or it cannot be read (a cache is never needed). */
export function readCache(file: string, site: string): SiteCache {
  let data: unknown;
  try {
    data = JSON.parse(readTextFile(file, "cache file"));
  } catch (e) {
    if (!(e instanceof WeeklyError) && !(e instanceof SyntaxError)) throw e;
    return { site, issues: {}, unknown: {} };
  }
  const parsed = CacheFile.safeParse(data);
  if (!parsed.success || parsed.data.site !== site) return { site, issues: {}, unknown: {}, dirty: true };
  const issues: Record<string, JiraIssueFacts> = {};
  let dirty = false;
  for (const [key, raw] of Object.entries(parsed.data.issues)) {
    const fact = JiraIssueFacts.safeParse(raw);
    if (fact.success) issues[key] = fact.data;
    else dirty = true;
  }
  return { site, deployment: parsed.data.deployment, issues, unknown: parsed.data.unknown, dirty };
}

export function writeCache(file: string, cache: SiteCache): void {
  const { dirty: _, ...data } = cache;
  try {
    makeDirs(dirname(file), 0o700);
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { force: true, mode: 0o600 });
  } catch (e) {
    // A cache that cannot be written only means Jira is asked again next time.
    if (!(e instanceof WeeklyError) && !(e instanceof Error && "code" in e)) throw e;
  }
}
