// Retry what may pass (429 after its Retry-After, 502/503/504, dropped connections, time-outs,
// garbled answers), a bounded number of times within a bounded total wait.
import { decodeFailure, type Failure } from "./transport.js";

export interface RetryPolicy {
  tries: number;
  /** The most we wait in all, across retries. */
  budgetMs: number;
  /** Wait before a retry that the server gave no Retry-After for. */
  backoffMs: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  tries: 3,
  budgetMs: 60_000,
  backoffMs: 500,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** Run `call`; on a passing failure wait and try again. Rejects with the last Failure (or Error). */
export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const failure = decodeFailure(e);
      const wait = failure instanceof Error ? null : waitBeforeRetry(failure, attempt, policy);
      if (wait === null || attempt >= policy.tries || waited + wait > policy.budgetMs) throw failure;
      waited += wait;
      await policy.sleep(wait);
    }
  }
}

function waitBeforeRetry(f: Failure, attempt: number, policy: RetryPolicy): number | null {
  const backoff = policy.backoffMs * 2 ** (attempt - 1);
  switch (f.weekly) {
    case "http":
      if (f.status === 429) return f.retryAfterMs ?? backoff * 2;
      if (f.status === 502 || f.status === 503 || f.status === 504) return f.retryAfterMs ?? backoff;
      return null; // 4xx are final; 500 and 410 will say the same again
    case "network":
      return f.code === "ECONNRESET" || f.code === "UND_ERR_SOCKET" || f.code === "EPIPE" || f.code === "ECONNREFUSED" ? backoff : null;
    case "timeout":
    case "malformed":
      return backoff;
  }
}
