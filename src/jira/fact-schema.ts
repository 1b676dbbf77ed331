// The zod schema of what we know of a Jira issue (see types.ts): the cache on disk is read back
// through it. Loaded only where Jira is asked, not by every render.
import * as z from "zod";

export const JiraIssueFacts = z.object({
  /** The key Jira answered with: differs from the one asked for when the issue moved. */
  key: z.string().min(1),
  summary: z.string(),
  status: z.string(),
  /** "new" | "indeterminate" | "done" (Jira's status category key). */
  statusCategory: z.string(),
  assignee: z.string().nullable(),
  resolution: z.string().nullable(),
  /** ISO 8601 as Jira sent it. */
  updated: z.string().nullable(),
  issueType: z.string().nullable(),
  /** https://site/browse/KEY */
  url: z.string(),
  /** When these facts were fetched (ISO 8601). */
  fetchedAt: z.string(),
});
export type JiraIssueFacts = z.output<typeof JiraIssueFacts>;
