// The only code that talks SMTP: weekly.config.yaml's `smtp:` turned into nodemailer's transport
// options, and one message sent as is (`raw`) with an explicit envelope, so that what the server
// gets is the message `weekly render -f eml` prints. The password comes from the environment only.
import type { SMTPTransportOptions } from "nodemailer/lib/smtp-transport/index.js";
import type { SmtpConfig } from "../config/schema.js";
import { DeliveryError, UserError } from "../core/errors.js";
import { scrubSecrets } from "../core/secrets.js";
import type { Envelope } from "./envelope.js";
import { describePartialDelivery, describeSmtpFailure } from "./errors.js";

const PASSWORD_VARIABLE = "WEEKLY_SMTP_PASSWORD";

export interface SmtpTarget {
  host: string;
  port: number;
  security: SmtpConfig["security"];
  user?: string;
  tlsVerify: boolean;
  timeoutMs: number;
}

const DEFAULT_PORTS = { tls: 465, starttls: 587, none: 25 } as const;

export function smtpTarget(smtp: SmtpConfig | undefined): SmtpTarget {
  if (!smtp) {
    throw new UserError(
      "no SMTP server to send through: add one to weekly.config.yaml, " +
        "e.g. `smtp: {host: smtp.example.com, user: you@example.com}`",
    );
  }
  return {
    host: smtp.host,
    port: smtp.port ?? DEFAULT_PORTS[smtp.security],
    security: smtp.security,
    user: smtp.user,
    tlsVerify: smtp.tls_verify,
    timeoutMs: smtp.timeout_seconds * 1000,
  };
}

/** `host:port (security)`, as the envelope line and messages show it. */
export const describeTarget = (t: SmtpTarget) => `${t.host}:${t.port} (${t.security})`;

/**
 * The password for smtp.user, from the environment; undefined when no login is configured. It
 * goes only to a server that a config you chose names (`trusted`), never to one a config beside a
 * report elsewhere does.
 */
export function smtpPassword(
  target: SmtpTarget,
  env: NodeJS.ProcessEnv,
  from: { trusted: boolean; file?: string },
): string | undefined {
  if (target.user === undefined) return undefined;
  if (!from.trusted && env[PASSWORD_VARIABLE]) {
    const where = from.file ?? "a weekly.config.yaml beside the report";
    throw new UserError(
      `${where} names the SMTP server ${target.host}, which you did not choose: ` +
        `${PASSWORD_VARIABLE} is not sent there; ` +
        `to use it, say so with --config ${where}`,
    );
  }
  const password = env[PASSWORD_VARIABLE];
  if (!password) {
    throw new UserError(
      `smtp.user is ${target.user}, but ${PASSWORD_VARIABLE} is not set: ` +
        "export it (the password is read from the environment only)",
    );
  }
  return password;
}

function transportOptions(t: SmtpTarget, password: string | undefined): SMTPTransportOptions {
  return {
    host: t.host,
    port: t.port,
    secure: t.security === "tls",
    requireTLS: t.security === "starttls",
    ignoreTLS: t.security === "none",
    auth: t.user === undefined ? undefined : { user: t.user, pass: password },
    tls: { rejectUnauthorized: t.tlsVerify },
    connectionTimeout: t.timeoutMs,
    greetingTimeout: t.timeoutMs,
    socketTimeout: t.timeoutMs,
    logger: false,
    debug: false,
  };
}

/** A message some or all recipients did not get: who is still waiting for it. */
export class Undelivered extends DeliveryError {
  override name = "Undelivered";
  constructor(
    message: string,
    readonly pending: readonly string[],
  ) {
    super(message);
  }
}

/** Send `eml` unchanged; resolves to the number of recipients the server took. */
export async function sendMessage(
  target: SmtpTarget,
  password: string | undefined,
  envelope: Envelope,
  eml: string,
): Promise<number> {
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(transportOptions(target, password));
  try {
    const info = await transport.sendMail({ raw: eml, envelope: { from: envelope.from, to: envelope.to } });
    const rejected = info.rejected.map(String);
    if (rejected.length > 0) throw new Undelivered(scrubSecrets(describePartialDelivery(info), [password]), rejected);
    return info.accepted.length;
  } catch (e) {
    if (e instanceof DeliveryError) throw e;
    // A server may echo what it was sent (AUTH PLAIN and LOGIN carry the password in base64).
    throw new Undelivered(scrubSecrets(describeSmtpFailure(e, target, envelope.from), [password]), envelope.to);
  } finally {
    transport.close();
  }
}

/** Connects and logs in (when a user is configured), sending nothing: what `weekly doctor` asks. */
export async function verifySmtp(target: SmtpTarget, password: string | undefined): Promise<string | undefined> {
  const { createTransport } = await import("nodemailer");
  const transport = createTransport(transportOptions(target, password));
  try {
    await transport.verify();
    return undefined;
  } catch (e) {
    return scrubSecrets(describeSmtpFailure(e, target, ""), [password]);
  } finally {
    transport.close();
  }
}
