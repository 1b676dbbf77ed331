// Jira's answers to the write side's requests, parsed into the narrow shapes `weekly push` reads:
// comments (with their properties), transitions (with the resolutions their screens offer),
// worklogs. An answer that does not parse is a malformed answer, never a crash.
import * as z from "zod/mini";
import { issueText } from "./answers.js";
import { RequestFailure } from "./transport.js";

const Id = z.pipe(z.union([z.string().check(z.minLength(1)), z.number()]), z.transform(String));
const count = () => z.int().check(z.minimum(0));

export const CommentJson = z.object({
  id: Id,
  body: z.optional(z.unknown()),
  properties: z.optional(z.array(z.object({ key: z.string(), value: z.unknown() }))),
});
export type CommentJson = z.output<typeof CommentJson>;

export const CommentPage = z.object({
  startAt: z._default(count(), 0),
  maxResults: z.optional(count()),
  total: z.optional(count()),
  comments: z._default(z.array(CommentJson), []),
});

export const TransitionJson = z.object({
  id: Id,
  name: z.string(),
  to: z.optional(z.object({ name: z.string() })),
  fields: z.optional(
    z.looseObject({
      resolution: z.optional(
        z.object({
          required: z.optional(z.boolean()),
          allowedValues: z.optional(z.array(z.object({ name: z.string() }))),
        }),
      ),
    }),
  ),
});
export type TransitionJson = z.output<typeof TransitionJson>;

export const Transitions = z.object({ transitions: z._default(z.array(TransitionJson), []) });

export const WorklogJson = z.object({
  id: Id,
  started: z.optional(z.string()),
  timeSpentSeconds: z.optional(z.number()),
  comment: z.optional(z.unknown()),
});
export type WorklogJson = z.output<typeof WorklogJson>;

export const WorklogPage = z.object({
  startAt: z._default(count(), 0),
  total: z.optional(count()),
  worklogs: z._default(z.array(WorklogJson), []),
});

/** `value` as `schema` reads it, or a malformed-answer failure naming `what`. */
export function parsed<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new RequestFailure({ kind: "malformed", status: 200, message: `${what}: ${issueText(result.error)}` });
}
