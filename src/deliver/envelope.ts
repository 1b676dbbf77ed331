// The SMTP envelope of a report email: the From address, and every To, Cc and Bcc address once.
// Bcc lives only here: the message's headers never name it.
import addressparser from "nodemailer/lib/addressparser/index.js";
import type { MailModel } from "../model/schema.js";
import { describeTarget, type SmtpTarget } from "./smtp.js";

export interface Envelope {
  from: string;
  to: string[];
}

/** The model's addresses are validated already; composeEml refused a message without them. */
export function envelopeOf(mail: MailModel): Envelope {
  const from = addresses([mail.from ?? ""])[0] ?? "";
  const seen = new Set<string>();
  const to = addresses([...mail.to, ...mail.cc, ...mail.bcc]).filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { from, to };
}

function addresses(list: string[]): string[] {
  return list.flatMap((entry) => addressparser(entry, { flatten: true }).map((a) => a.address)).filter((a) => a !== "");
}

/** `envelope: from X to A, B via host:port (security)`: what --dry-run shows on stderr. */
export function describeEnvelope(envelope: Envelope, target: SmtpTarget): string {
  return `envelope: from ${envelope.from} to ${envelope.to.join(", ")} via ${describeTarget(target)}`;
}

/** The Message-ID header of a composed message (our own, not one nodemailer would make up). */
export function messageIdOf(eml: string): string {
  const head = eml.slice(0, eml.search(/\r?\n\r?\n/));
  return /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? "unknown";
}
