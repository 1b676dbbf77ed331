// Jira's answers to the write side's requests, parsed into the narrow shapes `weekly push` reads:
// comments (with their properties), transitions (with the resolutions their screens offer),
// worklogs. An answer that does not parse is a malformed answer, never a crash.
import * as z from "zod";
import { issueText } from "./answers.js";
import { RequestFailure } from "./transport.js";

const Id = z.union([z.string().min(1), z.number()]).transform(String);

export const CommentJson = z.object({
  id: Id,
  body: z.unknown().optional(),
  properties: z.array(z.object({ key: z.string(), value: z.unknown() })).optional(),
});
export type CommentJson = z.output<typeof CommentJson>;

export const CommentPage = z.object({
  startAt: z.number().int().min(0).default(0),
  maxResults: z.number().int().min(0).optional(),
  total: z.number().int().min(0).optional(),
  comments: z.array(CommentJson).default([]),
});

export const TransitionJson = z.object({
  id: Id,
  name: z.string(),
  to: z.object({ name: z.string() }).optional(),
  fields: z
    .object({
      resolution: z
        .object({ required: z.boolean().optional(), allowedValues: z.array(z.object({ name: z.string() })).optional() })
        .optional(),
    })
    .loose()
    .optional(),
});
export type TransitionJson = z.output<typeof TransitionJson>;

export const Transitions = z.object({ transitions: z.array(TransitionJson).default([]) });

export const WorklogJson = z.object({
  id: Id,
  started: z.string().optional(),
  timeSpentSeconds: z.number().optional(),
  comment: z.unknown().optional(),
});
export type WorklogJson = z.output<typeof WorklogJson>;

export const WorklogPage = z.object({
  startAt: z.number().int().min(0).default(0),
  total: z.number().int().min(0).optional(),
  worklogs: z.array(WorklogJson).default([]),
});

/** `value` as `schema` reads it, or a malformed-answer failure naming `what`. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RequestFailure({ kind: "malformed", status: 200, message: `${what}: ${issueText(result.error)}` });
}
