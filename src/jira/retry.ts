// Retry what may pass (429 after its Retry-After, 502/503/504, dropped connections, time-outs,
// garbled answers), a bounded number of times within a bounded total wait.
import { type Failure, failureOf } from "./transport.js";

export interface RetryPolicy {
  tries: number;
  /** The most we wait in all, across retries. */
  budgetMs: number;
  /** Wait before a retry that the server gave no Retry-After for. */
  backoffMs: number;
  sleep(ms: number): Promise<void>;
}

export const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const retryPolicy = (sleep: (ms: number) => Promise<void> = realSleep): RetryPolicy => ({
  tries: 3,
  budgetMs: 60_000,
  backoffMs: 500,
  sleep,
});

/**
 * Run `call`; on a passing failure wait and try again. Rejects with the last error. A write that
 * is not idempotent (a new comment, a new worklog) is tried again only when Jira said it did not
 * do it (429, 503): after a drop or a time-out it may have, and a second one would be a duplicate.
 */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy, idempotent = true): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const failure = failureOf(e);
      const unsure = failure instanceof Error || !(failure.kind === "http" && [429, 503].includes(failure.status));
      const wait =
        failure instanceof Error || (!idempotent && unsure) ? null : waitBeforeRetry(failure, attempt, policy);
      if (wait === null || attempt >= policy.tries || waited + wait > policy.budgetMs) throw e;
      waited += wait;
      await policy.sleep(wait);
    }
  }
}

function waitBeforeRetry(f: Failure, attempt: number, policy: RetryPolicy): number | null {
  const backoff = policy.backoffMs * 2 ** (attempt - 1);
  switch (f.kind) {
    case "http":
      if (f.status === 429) return f.retryAfterMs ?? backoff * 2;
      if (f.status === 502 || f.status === 503 || f.status === 504) return f.retryAfterMs ?? backoff;
      return null; // 4xx are final; 500 and 410 will say the same again
    case "network":
      return ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "ECONNREFUSED"].includes(f.code) ? backoff : null;
    case "timeout":
    case "malformed":
      return backoff;
    case "login-page":
    case "credentials":
      return null;
  }
}
