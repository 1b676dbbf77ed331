// How nodemailer's errors become one line that says what went wrong and what to change.
// A delivery failure is neither bad input (1) nor Jira (3): DeliveryError, exit 4.
import type { NodemailerError } from "nodemailer/lib/errors.js";
import { oneLine } from "../core/text.js";
import type { SmtpTarget } from "./smtp.js";

const UNTRUSTED_CERT = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** One line for a failed send; `from` is the envelope sender. */
export function describeSmtpFailure(e: unknown, target: SmtpTarget, from: string): string {
  const err = e as NodemailerError;
  const where = `${target.host}:${target.port}`;
  const code = err.originalCode ?? err.code;
  if (code === "ECONNREFUSED") return `could not connect to ${where}: connection refused`;
  if (err.code === "EDNS" || code === "ENOTFOUND") return `could not connect to ${where}: no such host`;
  if (err.code === "ETIMEDOUT")
    return `no answer from ${where} within ${target.timeoutMs / 1000} s (smtp.timeout_seconds)`;
  return (
    describeTlsFailure(err, where) ??
    describeRefusal(err, target, from) ??
    `sending through ${where} failed: ${oneLine(err.message)}`
  );
}

function describeTlsFailure(err: NodemailerError, where: string): string | undefined {
  const code = err.originalCode ?? err.code ?? "";
  if (UNTRUSTED_CERT.has(code)) {
    const why = oneLine(err.message);
    const hint = "smtp.tls_verify: false skips this check";
    return `could not connect securely to ${where}: the server's certificate is not trusted (${why}); ${hint}`;
  }
  if (code === "ERR_SSL_WRONG_VERSION_NUMBER") {
    const hint = "try security: starttls (port 587)";
    return `could not connect securely to ${where}: the server does not speak TLS on this port; ${hint}`;
  }
  if (err.code === "ETLS" && err.command === "STARTTLS") {
    const reply = oneLine(err.response ?? err.message);
    const hint = "use security: tls if it speaks TLS from the start (port 465)";
    return `${where} does not offer STARTTLS (${reply}), which security: starttls requires; ${hint}`;
  }
  if (err.code === "ETLS") return `could not connect securely to ${where}: ${oneLine(err.message)}`;
  return undefined;
}

function describeRefusal(err: NodemailerError, target: SmtpTarget, from: string): string | undefined {
  const reply = oneLine(err.response ?? err.message);
  if (err.code === "EAUTH")
    return `the SMTP server refused the login of ${target.user ?? "(no user)"}: ${reply}; check WEEKLY_SMTP_PASSWORD`;
  if (err.code !== "EENVELOPE") return undefined;
  if (err.command === "RCPT TO")
    return `the SMTP server refused ${err.rejected?.join(", ") ?? "the recipients"}: ${reply}`;
  if (err.command === "MAIL FROM" && err.responseCode === 530) {
    const hint = "set smtp.user and WEEKLY_SMTP_PASSWORD";
    return `the SMTP server wants a login before it takes mail from ${from} (${reply}); ${hint}`;
  }
  return `the SMTP server refused the message from ${from}: ${reply}`;
}

/** Some recipients got the message, the server refused the others. */
export function describePartialDelivery(info: {
  accepted: string[];
  rejected: string[];
  rejectedErrors?: NodemailerError[];
}): string {
  const refused = info.rejected.map(
    (address, i) => `${address} (${oneLine(info.rejectedErrors?.[i]?.response ?? "refused")})`,
  );
  const total = info.accepted.length + info.rejected.length;
  return `sent to ${info.accepted.length} of ${total} recipients only: the SMTP server refused ${refused.join(", ")}`;
}
