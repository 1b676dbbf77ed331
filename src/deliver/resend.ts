// A saved message (`weekly send FILE.eml`: an .unsent.eml, or any message render -f eml wrote)
// read back for sending: its envelope from the X-Weekly-Send-To header that keepUnsent wrote
// (the recipients it did not reach, Bcc ones too), else from its To and Cc; the header itself
// is taken out, so recipients get the message as it was composed.
import addressparser from "nodemailer/lib/addressparser/index.js";
import { UserError } from "../core/errors.js";
import { MAX_TEXT_BYTES, readCapped } from "../io/read-text.js";
import type { Envelope } from "./envelope.js";
import { SEND_TO_HEADER } from "./unsent.js";

export interface SavedMessage {
  eml: string;
  envelope: Envelope;
  subject: string;
}

export function readSavedMessage(path: string, display: string): SavedMessage {
  const text = readCapped(path, "saved message (.eml)", MAX_TEXT_BYTES, display).toString("utf8");
  const end = text.search(/\r?\n\r?\n/);
  if (end === -1)
    throw new UserError({
      severity: "error",
      file: display,
      message: "is not a message: no blank line after its headers",
    });
  const head = text.slice(0, end);
  const fields = headerFields(head);
  const sendTo = fields.get(SEND_TO_HEADER.toLowerCase());
  const eml =
    sendTo === undefined
      ? text
      : text.replace(new RegExp(`^${SEND_TO_HEADER}:.*\\r?\\n(?:[ \\t].*\\r?\\n)*`, "im"), "");
  const addresses = (v: string | undefined) =>
    v
      ? addressparser(v, { flatten: true })
          .map((a) => a.address)
          .filter(Boolean)
      : [];
  const from = addresses(fields.get("from"))[0];
  if (!from)
    throw new UserError({
      severity: "error",
      file: display,
      message: "has no From: header; it cannot be sent as it is",
    });
  const to =
    sendTo !== undefined ? addresses(sendTo) : [...addresses(fields.get("to")), ...addresses(fields.get("cc"))];
  if (to.length === 0)
    throw new UserError({ severity: "error", file: display, message: "names no recipient (To:, Cc:)" });
  return { eml, envelope: { from, to: [...new Set(to)] }, subject: fields.get("subject") ?? "(no subject)" };
}

/** Header name (lower case) → value, folded lines joined. */
function headerFields(head: string): Map<string, string> {
  const fields = new Map<string, string>();
  let name: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    const m = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line);
    if (m) fields.set((name = m[1]!.toLowerCase()), m[2]!);
    else if (name && /^[ \t]/.test(line)) fields.set(name, `${fields.get(name)} ${line.trim()}`);
  }
  return fields;
}
