// The fake Jira site: who is signed in, how users look, /myself and /serverInfo. Shapes follow
// /work/shared/reference/jira-rest-notes.md §4.1 (v3 spec member names); values are illustrative.
export type Deployment = "cloud" | "datacenter";

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

export const DEFAULT_UPDATED = "2025-11-20T14:03:11.123+0000";

/** The REST base of an API version; "latest" is v2. */
export const apiBase = (site: Site, version: string) => `${site.base}/rest/api/${version === "latest" ? "2" : version}`;

/** Now, in Jira's date format (numeric offset, never "Z"). */
export const jiraNow = () => new Date().toISOString().replace("Z", "+0000");

/** Fills in the user behind the credentials; the default is "Fake User". */
export function makeMyself(given?: Partial<Myself> & { displayName: string }): Myself {
  const displayName = given?.displayName ?? "Fake User";
  const name = given?.name ?? slug(displayName);
  const accountId = given?.accountId ?? `acc-${name}`;
  return { displayName, name, accountId, emailAddress: given?.emailAddress ?? `${name}@example.com` };
}

const slug = (displayName: string) => displayName.toLowerCase().replace(/[^a-z0-9]+/g, ".");

/** A user by display name: Cloud identifies users by accountId, Data Center by name/key (notes §4.1). */
export function userJson(displayName: string, site: Site, api: string): object {
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
  const none = { size: 0, items: [] };
  const extra = { locale: "en_US", groups: none, applicationRoles: none, expand: "groups,applicationRoles" };
  return { ...userJson(site.myself.displayName, site, apiBase(site, version)), ...extra };
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
