// The zod schema of what we know of a Jira issue (see types.ts): the cache on disk is read back
// through it. Loaded only where Jira is asked, not by every render.
import * as z from "zod/mini";

export const JiraIssueFacts = z.object({
  /** The key Jira answered with: differs from the one asked for when the issue moved. */
  key: z.string().check(z.minLength(1)),
  summary: z.string(),
  status: z.string(),
  /** "new" | "indeterminate" | "done" (Jira's status category key). */
  statusCategory: z.string(),
  assignee: z.nullable(z.string()),
  resolution: z.nullable(z.string()),
  /** ISO 8601 as Jira sent it. */
  updated: z.nullable(z.string()),
  issueType: z.nullable(z.string()),
  /** https://site/browse/KEY */
  url: z.string(),
  /** When these facts were fetched (ISO 8601). */
  fetchedAt: z.string(),
});
export type JiraIssueFacts = z.output<typeof JiraIssueFacts>;
