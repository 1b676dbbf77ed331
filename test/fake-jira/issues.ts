// The fake Jira's issues and the Atlassian JSON it answers with: IssueBean, users, /myself, /serverInfo.
// Shapes follow /work/shared/reference/jira-rest-notes.md §4.1 (v3 spec member names); values are illustrative.
import type { FakeIssue } from "./server.js";

export type Deployment = "cloud" | "datacenter";
export type Category = "new" | "indeterminate" | "done";

/** The user the credentials belong to; every field filled in. */
export interface Myself {
  displayName: string;
  emailAddress: string;
  accountId: string;
  name: string;
}

/** What the JSON builders need to know about the fake site. `base` is absolute and includes the context path. */
export interface Site {
  deployment: Deployment;
  base: string;
  myself: Myself;
}

export interface StoredIssue extends FakeIssue {
  id: string;
}

export interface IssueStore {
  /** In the order the issues were given. */
  all(): StoredIssue[];
  /** By id, or by current or moved key, case-insensitively (as Jira's GET issue and bulkfetch do). */
  find(idOrKey: string): StoredIssue | undefined;
}

/** Ids default to 10000, 10001, ... in the order given. Throws when two issues share an id or key. */
export function createStore(issues: FakeIssue[]): IssueStore {
  const stored = issues.map((issue, i) => ({ ...issue, id: issue.id ?? String(10000 + i) }));
  const index = new Map<string, StoredIssue>();
  for (const issue of stored) {
    for (const name of [issue.id, issue.key, ...(issue.movedFrom ?? [])]) {
      if (index.has(name.toUpperCase())) throw new Error(`fake Jira: "${name}" names two issues`);
      index.set(name.toUpperCase(), issue);
    }
  }
  return { all: () => stored, find: (idOrKey) => index.get(idOrKey.trim().toUpperCase()) };
}

export const CATEGORIES: Record<Category, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: "blue-gray", name: "To Do" },
  indeterminate: { id: 4, colorName: "yellow", name: "In Progress" },
  done: { id: 3, colorName: "green", name: "Done" },
};

/** The issue's status category: given, or guessed from the status name ("To Do" when neither is given). */
export function categoryOf(issue: FakeIssue): Category {
  if (issue.statusCategory) return issue.statusCategory;
  const status = (issue.status ?? "To Do").toLowerCase();
  if (["done", "closed", "resolved"].includes(status)) return "done";
  return ["to do", "open", "new", "backlog", "reopened"].includes(status) ? "new" : "indeterminate";
}

const FIELDS = ["summary", "status", "assignee", "resolution", "updated", "issuetype"] as const;
type Field = (typeof FIELDS)[number];
export const DEFAULT_UPDATED = "2025-11-20T14:03:11.123+0000";
const ISSUE_EXPAND = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

/**
 * One IssueBean with only the requested fields. `fields` is Jira's list: names, `*all`, `*navigable` (the same
 * here: every fake field is navigable), `-name` exclusions; unknown names are ignored, as Jira does. A list of just
 * `id` (the /search/jql default) gives `{id}` alone.
 */
export function issueJson(issue: StoredIssue, fields: string[], site: Site, version: string): object {
  if (fields.length === 1 && fields[0] === "id") return { id: issue.id };
  const api = `${site.base}/rest/api/${version === "latest" ? "2" : version}`;
  const every = fields.includes("*all") || fields.includes("*navigable");
  const wanted = FIELDS.filter((f) => (every || fields.includes(f)) && !fields.includes(`-${f}`));
  const values = Object.fromEntries(wanted.map((f) => [f, fieldJson(issue, f, site, api)]));
  return { expand: ISSUE_EXPAND, id: issue.id, self: `${api}/issue/${issue.id}`, key: issue.key, fields: values };
}

function fieldJson(issue: StoredIssue, field: Field, site: Site, api: string): unknown {
  switch (field) {
    case "summary":
      return issue.summary;
    case "status":
      return statusJson(issue, site, api);
    case "assignee":
      return issue.assignee ? userJson(issue.assignee, site, api) : null;
    case "resolution":
      return resolutionJson(issue, api);
    case "updated":
      return issue.updated ?? DEFAULT_UPDATED;
    case "issuetype":
      return issueTypeJson(issue.issueType ?? "Task", site, api);
  }
}

// Ids of the names a fresh Jira Server ships with; other names get a stable id derived from the name.
const STATUS_IDS: Record<string, string> = {
  Open: "1", "In Progress": "3", Reopened: "4", Resolved: "5", Closed: "6", "To Do": "10000", Done: "10001",
};
const RESOLUTION_IDS: Record<string, string> = {
  Fixed: "1", "Won't Fix": "2", Duplicate: "3", Incomplete: "4", "Cannot Reproduce": "5", Done: "10000",
};
const ISSUETYPE_IDS: Record<string, string> = {
  Bug: "1", "New Feature": "2", Task: "3", Improvement: "4", "Sub-task": "5", Epic: "10000", Story: "10001",
};

function idOf(known: Record<string, string>, name: string): string {
  const hash = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 900, 0);
  return known[name] ?? String(10100 + hash);
}

function statusJson(issue: StoredIssue, site: Site, api: string): object {
  const key = categoryOf(issue);
  const category = CATEGORIES[key];
  const name = issue.status ?? category.name;
  const id = idOf(STATUS_IDS, name);
  return {
    self: `${api}/status/${id}`,
    description: "",
    iconUrl: `${site.base}/images/icons/statuses/generic.png`,
    name,
    id,
    statusCategory: {
      self: `${api}/statuscategory/${category.id}`,
      id: category.id,
      key,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

/** `resolution` absent means "Done" for a done issue, none otherwise. */
function resolutionJson(issue: StoredIssue, api: string): object | null {
  const name = issue.resolution === undefined && categoryOf(issue) === "done" ? "Done" : issue.resolution;
  if (!name) return null;
  const id = idOf(RESOLUTION_IDS, name);
  return { self: `${api}/resolution/${id}`, id, name, description: "" };
}

function issueTypeJson(name: string, site: Site, api: string): object {
  const id = idOf(ISSUETYPE_IDS, name);
  const cloudOnly = site.deployment === "cloud" ? { hierarchyLevel: name === "Epic" ? 1 : 0 } : {};
  const iconUrl = `${site.base}/images/icons/issuetypes/${name.toLowerCase().replace(/\W+/g, "")}.png`;
  const subtask = name === "Sub-task";
  return { self: `${api}/issuetype/${id}`, id, description: "", iconUrl, name, subtask, ...cloudOnly };
}

/** Fills in the user behind the credentials; the default is "Fake User". */
export function makeMyself(given?: Partial<Myself> & { displayName: string }): Myself {
  const displayName = given?.displayName ?? "Fake User";
  const name = given?.name ?? slug(displayName);
  const accountId = given?.accountId ?? `acc-${name}`;
  return { displayName, name, accountId, emailAddress: given?.emailAddress ?? `${name}@example.com` };
}

const slug = (displayName: string) => displayName.toLowerCase().replace(/[^a-z0-9]+/g, ".");

/** A user by display name: Cloud identifies users by accountId, Data Center by name/key (notes §4.1). */
function userJson(displayName: string, site: Site, api: string): object {
  const me = site.myself.displayName === displayName ? site.myself : undefined;
  const name = me?.name ?? slug(displayName);
  const accountId = me?.accountId ?? `acc-${name}`;
  const email = me ? { emailAddress: me.emailAddress } : {};
  const common = { ...email, avatarUrls: avatarUrls(site, name), displayName, active: true, timeZone: "Etc/UTC" };
  return site.deployment === "cloud"
    ? { self: `${api}/user?accountId=${accountId}`, accountId, ...common, accountType: "atlassian" }
    : { self: `${api}/user?username=${name}`, name, key: name, ...common };
}

function avatarUrls(site: Site, name: string): Record<string, string> {
  const sizes = { "48x48": 48, "24x24": 24, "16x16": 16, "32x32": 32 };
  const url = (size: number) => `${site.base}/secure/useravatar?size=${size}&owner=${name}`;
  return Object.fromEntries(Object.entries(sizes).map(([label, size]) => [label, url(size)]));
}

export function myselfJson(site: Site, version: string): object {
  const api = `${site.base}/rest/api/${version === "latest" ? "2" : version}`;
  const none = { size: 0, items: [] };
  const extra = { locale: "en_US", groups: none, applicationRoles: none, expand: "groups,applicationRoles" };
  return { ...userJson(site.myself.displayName, site, api), ...extra };
}

/** Real Data Center answers `deploymentType: "Server"` (recorded responses from 8.5 and 10.3), not "DataCenter". */
export function serverInfoJson(site: Site): object {
  const common = { baseUrl: site.base, buildDate: "2025-11-01T00:00:00.000+0000", serverTime: DEFAULT_UPDATED };
  const scm = { scmInfo: "0".repeat(40), serverTitle: "Jira" };
  if (site.deployment === "cloud") {
    return { ...common, version: "1001.0.0-SNAPSHOT", versionNumbers: [1001, 0, 0], deploymentType: "Cloud", ...scm };
  }
  const build = { buildNumber: 10030012, databaseBuildNumber: 10030012 };
  return { ...common, version: "10.3.12", versionNumbers: [10, 3, 12], deploymentType: "Server", ...build, ...scm };
}
