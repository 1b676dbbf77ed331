// What the rest of the program knows of a Jira issue: a narrow, plain shape (no jira-client types).

export interface JiraIssueFacts {
  /** The key Jira answered with: differs from the one asked for when the issue moved. */
  key: string;
  summary: string;
  status: string;
  /** "new" | "indeterminate" | "done" (Jira's status category key). */
  statusCategory: string;
  assignee: string | null;
  resolution: string | null;
  /** ISO 8601 as Jira sent it. */
  updated: string | null;
  issueType: string | null;
  /** https://site/browse/KEY */
  url: string;
  /** When these facts were fetched (ISO 8601). */
  fetchedAt: string;
}

/** Facts by the key as written in the report (upper case). */
export type JiraFacts = Map<string, JiraIssueFacts>;

/** A ticket's page on the site: https://site/browse/KEY. */
export const browseUrl = (site: string, key: string) => `${site.replace(/\/+$/, "")}/browse/${key}`;
