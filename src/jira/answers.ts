// Jira's JSON answers, parsed into the narrow shapes we read. An issue that does not parse (no
// key, odd types) is a warning for that ticket and is left out: it never crashes, never caches.
import * as z from "zod";
import type { Diagnostic } from "../core/diagnostic.js";
import { JiraKey } from "../core/schemas.js";
import { oneLine, plainLine } from "../core/text.js";

const named = z.object({ name: z.string().optional() }).nullish();

export const IssueJson = z.object({
  // A key is a key: anything else (a line break, an escape sequence) is no issue of ours.
  key: JiraKey.or(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-[0-9]+$/)),
  fields: z
    .object({
      summary: z.string().optional(),
      status: z
        .object({ name: z.string().optional(), statusCategory: z.object({ key: z.string().optional() }).nullish() })
        .nullish(),
      assignee: z.object({ displayName: z.string().optional(), name: z.string().optional() }).nullish(),
      resolution: named,
      updated: z.string().nullish(),
      issuetype: named,
      /** Only when asked for (weekly push): which comments the issue has. */
      comment: z
        .object({
          comments: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })).default([]),
          total: z.number().optional(),
        })
        .optional(),
    })
    .optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type IssueJson = z.output<typeof IssueJson>;

const IssueList = z.object({ issues: z.array(z.unknown()).default([]) });
export const Myself = z.object({ displayName: z.string().optional(), emailAddress: z.string().optional() }).loose();
export const ServerInfo = z.object({ deploymentType: z.string().optional() }).loose();

/** The issues of a search or bulk-fetch answer; each one that does not parse becomes a warning. */
export function parseIssueList(answer: unknown): { issues: IssueJson[]; problems: Diagnostic[] } {
  const list = IssueList.safeParse(answer ?? {});
  if (!list.success)
    return { issues: [], problems: [warn(`Jira's answer has no issue list (${issueText(list.error)})`)] };
  const issues: IssueJson[] = [];
  const problems: Diagnostic[] = [];
  for (const raw of list.data.issues) {
    const parsed = IssueJson.safeParse(raw);
    if (parsed.success) issues.push(parsed.data);
    else problems.push(warn(`${keyOf(raw)}: Jira's answer is not understood (${issueText(parsed.error)}); left out`));
  }
  return { issues, problems };
}

/** One issue's answer, or the reason it is not one. */
export function parseIssue(answer: unknown): IssueJson | string {
  const parsed = IssueJson.safeParse(answer);
  return parsed.success ? parsed.data : issueText(parsed.error);
}

const warn = (message: string): Diagnostic => ({ severity: "warning", message });

function keyOf(raw: unknown): string {
  const key = raw && typeof raw === "object" && "key" in raw ? raw.key : undefined;
  return typeof key === "string" && key !== "" ? JSON.stringify(plainLine(oneLine(key, 40))) : "an issue without a key";
}

/** The first schema issue, as `fields.summary: expected string`. */
export function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return "unexpected shape";
  const path = first.path.map(String).join(".");
  return `${path ? `${path}: ` : ""}${first.message}`;
}
