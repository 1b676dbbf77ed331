// The small schemas every stage shares: an email address, an ISO date, a Jira key, a weekday;
// and `described`, how a schema gets the description that `weekly schema` prints. zod/mini: its
// functions leave out of the bundle what is not used, and its schemas cost a fifth to build.
import en from "zod/v4/locales/en.js";
import * as z from "zod/mini";
import { ISO_DATE, isRealDate } from "./dates.js";

export { ISO_DATE, isRealDate };

// A command parses each schema a few times at most: zod's compiled fast path (new Function, which
// no code cache keeps) costs more than it saves. zod/mini, unlike classic zod, sets no messages
// and no memoizer of its own: English ("Too small: expected array to have >=2 items") and the
// memoizer are what classic zod sets, and what every message of ours was written against.
z.config({ jitless: true, ...en(), memoizer: z.memoizer() });

/** The schema itself, described (registered on it: no copy is built, as `.check(z.describe())` would). */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** An optional field, described. */
export const optional = <T extends z.ZodMiniType>(schema: T, description: string) =>
  described(z.optional(schema), description);

/** A field with a default, described. */
export const withDefault = <T extends z.ZodMiniType>(
  schema: T,
  value: Parameters<typeof z._default<T>>[1],
  description: string,
) => described(z._default(schema, value), description);

export const JIRA_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
// "Name <user@host>" or a bare "user@host".
const ADDRESS = /^(?:[^<>@\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const Weekday = z.enum(WEEKDAYS);

export const JiraKey = z.string().check(z.regex(JIRA_KEY, { message: "expected a Jira key like STR-68" }));

export const Address = z
  .string()
  .check(z.regex(ADDRESS, { message: 'expected an address like "Jane Doe <jane@example.com>" or "jane@example.com"' }));

export const AddressList = z.pipe(
  z.union([Address, z.array(Address)]),
  z.transform((v) => (typeof v === "string" ? [v] : v)),
);

export const IsoDate = z
  .string()
  .check(z.refine(isRealDate, { message: "expected a real date like 2022-11-11 (YYYY-MM-DD)" }))
  .register(z.globalRegistry, { pattern: ISO_DATE.source });
