// An email's headers → the report's mail fields (only where they differ from weekly.config.yaml)
// and its `header:`: which header lines the plain-text report prints (when the fields print them
// back as written), or the lines themselves (folded, unusual, or not made from fields).
import { type Config, subjectFor } from "../config/schema.js";
import type { Diagnostic } from "../core/diagnostic.js";
import { Address } from "../core/schemas.js";
import { HEADER_NAMES, type HeaderName } from "../report/schema.js";
import type { ReportInput } from "../report/write.js";
import type { MailHeaders } from "./mail-headers.js";
import type { Email } from "./read-emails.js";

type ListField = "to" | "cc" | "bcc" | "reply_to";
const LIST_FIELDS: readonly ListField[] = ["to", "cc", "bcc", "reply_to"];
const FIELD_OF: Record<HeaderName, "from" | ListField | "subject"> = {
  From: "from",
  To: "to",
  Cc: "cc",
  Bcc: "bcc",
  Subject: "subject",
  "Reply-To": "reply_to",
};

/** From/To/Cc/Bcc/Reply-To/Subject where they differ from what the config makes the report print. */
export function mailFieldsOf(email: Email, config: Config, weekEnding: string, notices: Diagnostic[]) {
  const h: MailHeaders = email.headers;
  const out: Partial<ReportInput> = {};
  const say = (message: string) => notices.push({ severity: "info", line: email.line, message });
  const from = h.from?.[0];
  if (from !== undefined && from !== config.from) {
    if (Address.safeParse(from).success) out.from = from;
    else
      say(
        `From: ${JSON.stringify(from)} is not an address like "Jane Doe <jane@example.com>"; it is sent from config's`,
      );
  }
  if ((h.from?.length ?? 0) > 1) say(`From: names ${h.from!.length} senders; the report keeps the first, ${from}`);
  for (const field of LIST_FIELDS) {
    const list = h[field] ?? [];
    const bad = list.find((a) => !Address.safeParse(a).success);
    if (bad !== undefined) say(`${field}: ${JSON.stringify(bad)} is not an address; it is sent to config's ${field}`);
    else if (list.join(", ") !== (config[field] ?? []).join(", ")) out[field] = list.length === 1 ? list[0]! : list;
  }
  // The week's date in a subject is the week's, whichever week: `weekly new` then names the next one.
  const subject = h.subject?.replaceAll(weekEnding, "{week_ending}");
  if (subject !== undefined && subjectFor(subject, weekEnding) !== subjectFor(config.subject, weekEnding)) {
    out.subject = subject;
  }
  return out;
}

/** The report's `header:`; undefined for the usual six lines. */
export function headerOf(email: Email, mail: Partial<ReportInput>, config: Config, weekEnding: string) {
  const written = email.headerLines;
  if (written === undefined) {
    const names = HEADER_NAMES.filter((n) => email.headerNames?.includes(n.toLowerCase()));
    return sameNames(names) ? undefined : names;
  }
  const names = written.map((l) => HEADER_NAMES.find((n) => l.startsWith(`${n}:`)));
  const composed = names.map((n) => (n === undefined ? undefined : `${n}: ${valueOf(n, mail, config, weekEnding)}`));
  const unique = new Set(names).size === names.length;
  if (unique && composed.every((line, k) => line === written[k])) {
    const list = names as HeaderName[];
    return sameNames(list) ? undefined : list;
  }
  return `${written.join("\n").replaceAll(weekEnding, "{week_ending}")}\n`;
}

const sameNames = (names: readonly string[]) => names.join() === HEADER_NAMES.join();

function valueOf(name: HeaderName, mail: Partial<ReportInput>, config: Config, weekEnding: string): string {
  const field = FIELD_OF[name];
  if (field === "subject") return subjectFor(mail.subject ?? config.subject, weekEnding);
  if (field === "from") return mail.from ?? config.from ?? "";
  const list = mail[field] ?? config[field] ?? [];
  return (typeof list === "string" ? [list] : list).join(", ");
}
