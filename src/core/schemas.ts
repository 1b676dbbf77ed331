// The small schemas every stage shares: an email address, an ISO date, a Jira key, a weekday.
import * as z from "zod";
import { ISO_DATE, isRealDate } from "./dates.js";

export { ISO_DATE, isRealDate };

// A command parses each schema a few times at most: zod's compiled fast path (new Function, which
// no code cache keeps) costs more than it saves.
z.config({ jitless: true });

export const JIRA_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
// "Name <user@host>" or a bare "user@host".
const ADDRESS = /^(?:[^<>@\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/;

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const Weekday = z.enum(WEEKDAYS);

export const JiraKey = z.string().regex(JIRA_KEY, { message: "expected a Jira key like STR-68" });

export const Address = z
  .string()
  .regex(ADDRESS, { message: 'expected an address like "Jane Doe <jane@example.com>" or "jane@example.com"' });

export const AddressList = z.union([Address, z.array(Address)]).transform((v) => (typeof v === "string" ? [v] : v));

export const IsoDate = z
  .string()
  .refine(isRealDate, { message: "expected a real date like 2022-11-11 (YYYY-MM-DD)" })
  .meta({ pattern: ISO_DATE.source });
