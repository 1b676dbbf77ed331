// The `request` function jira-client calls, on Node's fetch: a timeout on every request, and
// failures that keep their HTTP status and Retry-After (jira-client's own transport loses both).
// jira-client wraps whatever we reject with in `new Error(JSON.stringify(x))`; decodeFailure()
// gets our Failure back out of that. No header value (so no credential) ever goes into a Failure.
import { oneLine } from "../io/text.js";

export type Failure =
  | { weekly: "http"; status: number; retryAfterMs: number | null; message: string; seraph: string | null }
  | { weekly: "network"; code: string; message: string }
  | { weekly: "timeout"; seconds: number }
  | { weekly: "malformed"; status: number; message: string };

/** What jira-client passes to `request` (the subset we use). */
export interface ClientRequest {
  uri: string;
  method?: string;
  body?: unknown;
  auth?: { user?: string; pass?: string; bearer?: string };
  timeout?: number;
}

export interface TransportLog {
  /** Called with each answered request: method, path (no query values with secrets: there are none), status. */
  onResponse?(info: { method: string; url: string; status: number; seraph: string | null }): void;
}

export function createRequest(timeoutMs: number, log: TransportLog = {}) {
  return async function request(opts: ClientRequest): Promise<unknown> {
    const method = opts.method ?? "GET";
    const headers: Record<string, string> = { Accept: "application/json" };
    if (opts.auth?.bearer) headers.Authorization = `Bearer ${opts.auth.bearer}`;
    else if (opts.auth?.user !== undefined && opts.auth.pass !== undefined) {
      headers.Authorization = `Basic ${Buffer.from(`${opts.auth.user}:${opts.auth.pass}`).toString("base64")}`;
    }
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    // Whatever a server or the HTTP stack says back, no credential of this request goes on.
    const secrets = [opts.auth?.bearer, opts.auth?.pass, headers.Authorization?.split(" ")[1]].filter((x): x is string => !!x);
    const scrub = (text: string) => secrets.reduce((t, secret) => t.split(secret).join("***"), text);
    let res: Response;
    let text: string;
    try {
      res = await fetch(opts.uri, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "follow",
      });
      text = await res.text();
    } catch (e) {
      const failure = networkFailure(e, timeoutMs);
      throw failure.weekly === "network" ? { ...failure, message: scrub(failure.message) } : failure;
    }
    const seraph = res.headers.get("x-seraph-loginreason");
    log.onResponse?.({ method, url: opts.uri, status: res.status, seraph });
    if (res.status >= 400) {
      throw { weekly: "http", status: res.status, retryAfterMs: retryAfterMs(res.headers.get("retry-after")), message: scrub(errorText(text)), seraph } satisfies Failure;
    }
    if (text === "") return undefined;
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      // Let the caller see a failed-login answer that came back as 200 (Cloud drops to anonymous).
      if (seraph && body && typeof body === "object" && !Array.isArray(body)) Object.defineProperty(body, "seraph", { value: seraph, enumerable: false });
      return body;
    } catch {
      throw { weekly: "malformed", status: res.status, message: `the answer is not JSON (${text.length} bytes)` } satisfies Failure;
    }
  };
}

function networkFailure(e: unknown, timeoutMs: number): Failure {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return { weekly: "timeout", seconds: timeoutMs / 1000 };
  const code = err?.cause?.code ?? (err as { code?: string })?.code ?? "ERROR";
  return { weekly: "network", code, message: err?.cause?.message ?? err?.message ?? String(e) };
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Jira's {"errorMessages": [...], "errors": {...}} envelope, or a plain text body, as one short line. */
function errorText(text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: string[]; errors?: Record<string, string>; message?: string; error?: string };
    const parts = [...(body.errorMessages ?? []), ...Object.values(body.errors ?? {})];
    if (body.message) parts.push(body.message);
    if (body.error) parts.push(body.error);
    if (parts.length) return oneLine(parts.join("; "), 200);
  } catch {}
  return oneLine(text.replace(/<[^>]*>/g, " "), 200); // an HTML error page: its text only
}


/** Our Failure back out of the Error jira-client made of it; a plain Error for anything else. */
export function decodeFailure(e: unknown): Failure | Error {
  if (e && typeof e === "object" && "weekly" in e) return e as Failure;
  const message = (e as Error)?.message;
  // jira-client's own error for a 200 that carried errorMessages arrives as JSON.stringify(Error): "{}".
  if (message === "{}") return new Error("Jira answered with an error and no details");
  if (typeof message === "string" && message.startsWith('{"weekly":')) {
    try {
      return JSON.parse(message) as Failure;
    } catch {}
  }
  return e instanceof Error ? e : new Error(String(e));
}
