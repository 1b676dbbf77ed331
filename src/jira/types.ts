// What the rest of the program knows of a Jira issue: a narrow, plain shape (no jira-client
// types). The type comes from the zod schema in fact-schema.ts; this module loads no zod.
import type { JiraIssueFacts } from "./fact-schema.js";

export type { JiraIssueFacts };

/** Facts by the key as written in the report (upper case). */
export type JiraFacts = Map<string, JiraIssueFacts>;

/** A ticket's page on the site: https://site/browse/KEY. */
export const browseUrl = (site: string, key: string) => `${site.replace(/\/+$/, "")}/browse/${key}`;
