// The `request` function jira-client calls, on Node's fetch: a timeout on every request, a cap on
// every answer, and failures as a typed error that keeps the HTTP status and Retry-After
// (jira-client's own transport loses both). Secrets are scrubbed from whole texts before any cut.
import { scrubSecrets } from "../core/secrets.js";
import { oneLine } from "../core/text.js";

export type Failure =
  | { kind: "http"; status: number; retryAfterMs: number | null; message: string; seraph: string | null }
  | { kind: "network"; code: string; message: string }
  | { kind: "timeout"; seconds: number }
  | { kind: "malformed"; status: number; message: string }
  | { kind: "login-page"; status: number; location: string | null }
  /** The credentials as configured cannot work for this site (found before any request). */
  | { kind: "credentials"; message: string };

/** A request that failed, as a value every caller can inspect (`instanceof`, then `failure`). */
export class RequestFailure extends Error {
  override name = "RequestFailure";
  constructor(readonly failure: Failure) {
    super(`Jira request failed (${failure.kind})`);
  }
}

/** What jira-client passes to `request`, read field by field (it is jira-client's object, not ours). */
function readRequest(o: Record<string, unknown>) {
  const text = (v: unknown) => (typeof v === "string" ? v : undefined);
  const auth = o.auth && typeof o.auth === "object" ? (o.auth as Record<string, unknown>) : {};
  return {
    uri: text(o.uri) ?? "",
    method: text(o.method) ?? "GET",
    body: o.body,
    bearer: text(auth.bearer),
    user: text(auth.user),
    pass: text(auth.pass),
  };
}

export interface TransportLog {
  /** Called with each answered request: method, URL (no credentials in it), status. */
  onResponse?(info: { method: string; url: string; status: number; seraph: string | null }): void;
}

/** The most of one answer that is read: a bigger one is refused, not buffered. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export function createRequest(timeoutMs: number, log: TransportLog = {}) {
  return async function request(options: Record<string, unknown>): Promise<unknown> {
    const opts = readRequest(options);
    const method = opts.method;
    const headers: Record<string, string> = { Accept: "application/json" };
    if (opts.bearer) headers.Authorization = `Bearer ${opts.bearer}`;
    else if (opts.user !== undefined && opts.pass !== undefined) {
      headers.Authorization = `Basic ${Buffer.from(`${opts.user}:${opts.pass}`).toString("base64")}`;
    }
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    // Whatever a server or the HTTP stack says back, no credential of this request goes on.
    const scrub = (text: string) => scrubSecrets(text, [opts.bearer, opts.pass]);
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    let res: Response;
    let text: string;
    try {
      const signal = AbortSignal.timeout(timeoutMs);
      res = await fetch(opts.uri, { method, headers, body, signal, redirect: "manual" });
      text = await readCapped(res);
    } catch (e) {
      if (e instanceof RequestFailure) throw e;
      const failure = networkFailure(e, timeoutMs);
      throw new RequestFailure(failure.kind === "network" ? { ...failure, message: scrub(failure.message) } : failure);
    }
    const seraph = res.headers.get("x-seraph-loginreason");
    log.onResponse?.({ method, url: opts.uri, status: res.status, seraph });
    return interpret(res, text, seraph, scrub);
  };
}

function interpret(res: Response, text: string, seraph: string | null, scrub: (s: string) => string): unknown {
  const type = res.headers.get("content-type") ?? "";
  if (res.status >= 300 && res.status < 400) {
    throw new RequestFailure({ kind: "login-page", status: res.status, location: res.headers.get("location") });
  }
  if (/text\/html/i.test(type) && res.status < 400) {
    throw new RequestFailure({ kind: "login-page", status: res.status, location: null });
  }
  if (res.status >= 400) {
    const retryAfter = retryAfterMs(res.headers.get("retry-after"));
    throw new RequestFailure({
      kind: "http",
      status: res.status,
      retryAfterMs: retryAfter,
      message: errorText(scrub(text)),
      seraph,
    });
  }
  if (text === "") return undefined;
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new RequestFailure({
      kind: "malformed",
      status: res.status,
      message: `the answer is not JSON (${text.length} bytes)`,
    });
  }
  // Let the caller see a failed-login answer that came back as 200 (Cloud drops to anonymous).
  return seraph ? { answer, seraph } : { answer, seraph: null };
}

/** The body as text, refused past MAX_ANSWER_BYTES without reading the rest. */
async function readCapped(res: Response): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > MAX_ANSWER_BYTES) throw tooBig(res);
  if (!res.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    if (total > MAX_ANSWER_BYTES) {
      await res.body.cancel().catch(() => {});
      throw tooBig(res);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const tooBig = (res: Response) =>
  new RequestFailure({
    kind: "malformed",
    status: res.status,
    message: `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; refused`,
  });

function networkFailure(e: unknown, timeoutMs: number): Failure {
  const err = e instanceof Error ? (e as Error & { cause?: { code?: string; message?: string } }) : undefined;
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return { kind: "timeout", seconds: timeoutMs / 1000 };
  const code = err?.cause?.code ?? (err as { code?: string } | undefined)?.code ?? "ERROR";
  return { kind: "network", code, message: err?.cause?.message ?? err?.message ?? String(e) };
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
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object") {
      const b = body as Record<string, unknown>;
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === "string") : []);
      const values =
        b.errors && typeof b.errors === "object" ? Object.values(b.errors).filter((x) => typeof x === "string") : [];
      const parts = [...list(b.errorMessages), ...values, ...[b.message, b.error].filter((x) => typeof x === "string")];
      if (parts.length) return oneLine(parts.join("; "), 200);
    }
  } catch {}
  return oneLine(text.replace(/<[^>]*>/g, " "), 200); // an HTML error page: its text only
}

/** A RequestFailure's failure; any other error as it is. */
export function failureOf(e: unknown): Failure | Error {
  if (e instanceof RequestFailure) return e.failure;
  return e instanceof Error ? e : new Error(String(e));
}
