// Is a key that `weekly add` is given known to Jira? Unknown: refused (a typo); moved: the
// note goes under the new key, and you are told; Jira down or not configured: no check.
import type { LoadedConfig } from "../config/load.js";
import { type Diagnostic, info, warning } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import { setupFor } from "./setup.js";

export interface KeyInJira {
  key: string;
  /** The key as given, when Jira knows the ticket under another now. */
  formerly?: string;
  notices: Diagnostic[];
}

export async function checkKeyInJira(io: Io, key: string, loaded: LoadedConfig, flag?: string): Promise<KeyInJira> {
  const setup = setupFor(io, loaded, flag);
  if (!setup?.credentials) return { key, notices: setup?.notices ?? [] };
  const { fetchJiraFacts } = await import("./facts.js");
  const result = await fetchJiraFacts([key], setup);
  const notices = [...setup.notices, ...result.warnings];
  if (result.unknown.includes(key))
    throw new UserError(`${key} is not in Jira (or not visible to you); a typo? nothing added`);
  if (result.hidden.includes(key)) notices.push(warning(`Jira does not let you see ${key}; added as you wrote it`));
  const now = result.facts.get(key.toUpperCase())?.key;
  if (now && now.toUpperCase() !== key.toUpperCase()) {
    notices.push(info(`${key} has moved to ${now} in Jira: the note goes under ${now}`));
    return { key: now, formerly: key, notices };
  }
  return { key, notices };
}
