// A failed Jira request, in words for one line on stderr.
import type { Failure } from "./transport.js";

export function isAuthFailure(f: Failure | Error): boolean {
  if (f instanceof Error) return false;
  return f.kind === "credentials" || (f.kind === "http" && (f.status === 401 || f.status === 403));
}

export function describeFailure(f: Failure | Error, url: string): string {
  if (f instanceof Error) return f.message.split("\n")[0]!;
  switch (f.kind) {
    case "http": {
      const text = f.message ? `: ${f.message}` : "";
      if (f.status === 429) {
        const after = f.retryAfterMs === null ? "" : ` (Jira asked to wait ${Math.round(f.retryAfterMs / 1000)} s)`;
        return `HTTP 429 too many requests${after}${text}`;
      }
      if (f.status === 410) return `HTTP 410, this API is gone from the server${text}`;
      return `HTTP ${f.status}${text}`;
    }
    case "network":
      if (f.code === "ECONNREFUSED") return `connection refused by ${new URL(url).host}`;
      if (f.code === "ENOTFOUND" || f.code === "EAI_AGAIN") return `unknown host ${new URL(url).hostname}`;
      if (f.code === "ECONNRESET" || f.code === "UND_ERR_SOCKET") return "the connection was dropped";
      return `${f.code}: ${f.message}`;
    case "timeout":
      return `no answer within ${f.seconds} s (jira.timeout_seconds)`;
    case "malformed":
      return `a garbled answer (${f.message})`;
    case "login-page":
      return describeLoginPage(f, url);
    case "credentials":
      return f.message;
  }
}

/** An HTML page or a redirect where the REST API should answer: a login page or single sign-on. */
function describeLoginPage(f: Extract<Failure, { kind: "login-page" }>, url: string): string {
  const site = new URL(url);
  let to: URL | undefined;
  try {
    to = f.location ? new URL(f.location, url) : undefined;
  } catch {}
  if (to && to.host === site.host && site.protocol === "http:" && to.protocol === "https:") {
    return `the site redirects to https; set the Jira site to https://${site.host}${site.pathname.replace(/\/$/, "")}`;
  }
  const where = to ? ` (a redirect to ${to.host}${to.host === site.host ? to.pathname : ""})` : "";
  const guess = "single sign-on in front of it, or a wrong URL?";
  return `the site answered with a login page${where}, not Jira's REST API: ${guess}`;
}
