// Jira's JSON answers, parsed into the narrow shapes we read. An issue that does not parse (no
// key, odd types) is a warning for that ticket and is left out: it never crashes, never caches.
import * as z from "zod/mini";
import type { Diagnostic } from "../core/diagnostic.js";
import { JiraKey } from "../core/schemas.js";
import { oneLine, plainLine } from "../core/text.js";

const named = z.nullish(z.object({ name: z.optional(z.string()) }));

export const IssueJson = z.object({
  // A key is a key: anything else (a line break, an escape sequence) is no issue of ours.
  key: z.union([JiraKey, z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*-[0-9]+$/))]),
  fields: z.optional(
    z.object({
      summary: z.optional(z.string()),
      status: z.nullish(
        z.object({
          name: z.optional(z.string()),
          statusCategory: z.nullish(z.object({ key: z.optional(z.string()) })),
        }),
      ),
      assignee: z.nullish(z.object({ displayName: z.optional(z.string()), name: z.optional(z.string()) })),
      resolution: named,
      updated: z.nullish(z.string()),
      issuetype: named,
      /** Only when asked for (weekly push): which comments the issue has. */
      comment: z.optional(
        z.object({
          comments: z._default(
            z.array(z.object({ id: z.pipe(z.union([z.string(), z.number()]), z.transform(String)) })),
            [],
          ),
          total: z.optional(z.number()),
        }),
      ),
    }),
  ),
  properties: z.optional(z.record(z.string(), z.unknown())),
});
export type IssueJson = z.output<typeof IssueJson>;

const IssueList = z.object({ issues: z._default(z.array(z.unknown()), []) });
export const Myself = z.looseObject({ displayName: z.optional(z.string()), emailAddress: z.optional(z.string()) });
export const ServerInfo = z.looseObject({ deploymentType: z.optional(z.string()) });

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
export function issueText(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return "unexpected shape";
  const path = first.path.map(String).join(".");
  return `${path ? `${path}: ` : ""}${first.message}`;
}
