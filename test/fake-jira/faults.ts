// Faults and hostile modes. Queued faults: which request a fault hits (endpoint, method, issue key, after `skip`
// matching requests) and the answer it imposes instead of the normal one. The login wall: every request meets an HTML
// login page, answered directly (200 text/html, as a proxy or SSO gateway in front of Jira does) or by a 302 to an
// SSO site on another origin (the fake's second listener) that serves it, so a client following redirects ends there.
import { createServer, STATUS_CODES } from "node:http";
import type { Server } from "node:http";
import type { IssueStore } from "./issues.js";
import { errorBody, JSON_TYPE } from "./reply.js";
import type { Reply } from "./reply.js";
import type { Endpoint, Fault } from "./types.js";
import { listen } from "./wire.js";

export interface QueuedFault {
  fault: Fault;
  left: number;
  skip: number;
}

/** What a fault can match on: the request's endpoint, method and the current key of the issue it is about. */
export interface FaultMatch {
  endpoint: Endpoint;
  method: string;
  issueKey?: string;
}

export function queueFault(queue: QueuedFault[], fault: Fault): void {
  queue.push({ fault, left: fault.times ?? 1, skip: fault.skip ?? 0 });
}

/** The first queued fault that matches and has no requests left to skip; matching faults still skipping count it. */
export function takeFault(queue: QueuedFault[], target: FaultMatch, store: IssueStore): Fault | undefined {
  for (const [index, queued] of queue.entries()) {
    if (!matches(queued.fault, target, store)) continue;
    if (queued.skip > 0) {
      queued.skip -= 1;
      continue;
    }
    queued.left -= 1;
    if (queued.left <= 0) queue.splice(index, 1);
    return queued.fault;
  }
  return undefined;
}

function matches(fault: Fault, target: FaultMatch, store: IssueStore): boolean {
  if (fault.endpoint !== undefined && fault.endpoint !== target.endpoint) return false;
  if (fault.method !== undefined && fault.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (fault.key === undefined) return true;
  // Any key or id of the issue names it; a key no issue has still matches requests naming that key.
  return (store.find(fault.key)?.key ?? fault.key.trim().toUpperCase()) === target.issueKey;
}

const GARBAGE = { issues: [{ key: 5, fields: { summary: ["x"] } }] };
const CHUNK = 64 * 1024;

/** The answer a fault imposes; undefined for `slow` (answers normally) and `drop` (never answers). */
export function faultReply(fault: Fault): Reply | undefined {
  switch (fault.kind) {
    case "malformed":
      return { status: 200, text: '{"issues":[{"key":' };
    case "garbage":
      return { status: 200, json: fault.json ?? GARBAGE };
    case "hugeBody":
      return { status: 200, chunks: hugeJson(fault.bytes) };
    case "status":
      return statusReply(fault);
    default:
      return undefined;
  }
}

function statusReply(fault: Extract<Fault, { kind: "status" }>): Reply {
  const headers = { ...(fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter }), ...fault.headers };
  if (fault.body === undefined) {
    const message = fault.status === 429 ? "Rate limit exceeded." : (STATUS_CODES[fault.status] ?? "Error");
    return { status: fault.status, json: errorBody(message), headers };
  }
  const contentType = isJson(fault.body) ? JSON_TYPE : "text/plain;charset=UTF-8";
  return { status: fault.status, text: fault.body, contentType, headers };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Exactly `bytes` bytes of valid JSON, {"issues":[],"padding":"xxx…"}, made 64 KiB at a time as it is sent. */
export function* hugeJson(bytes: number): Generator<string> {
  const head = '{"issues":[],"padding":"';
  const tail = '"}';
  if (bytes < head.length + tail.length) {
    yield " ".repeat(Math.max(bytes, 0));
    return;
  }
  yield head;
  const full = "x".repeat(CHUNK);
  for (let left = bytes - head.length - tail.length; left > 0; left -= CHUNK) {
    yield left >= CHUNK ? full : "x".repeat(left);
  }
  yield tail;
}

const HTML = "text/html;charset=UTF-8";

export const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Log in - Jira</title>
</head>
<body id="jira" class="aui-layout aui-theme-default page-type-login">
  <form id="login-form" class="aui" method="post" action="/login.jsp">
    <label for="login-form-username">Username</label><input id="login-form-username" name="os_username" type="text">
    <label for="login-form-password">Password</label><input id="login-form-password" name="os_password" type="password">
    <input id="login-form-submit" type="submit" value="Log In">
  </form>
</body>
</html>
`;

export const loginPage = (): Reply => ({ status: 200, text: LOGIN_PAGE, contentType: HTML });

/** The login wall's answer to any request; `requestUrl` is where the SSO page would send the user back. */
export function loginReply(mode: "html" | "redirect", ssoOrigin: string, requestUrl: string): Reply {
  if (mode === "html") return loginPage();
  const location = `${ssoOrigin}/sso/login?continue=${encodeURIComponent(requestUrl)}`;
  return { status: 302, text: "", contentType: HTML, headers: { Location: location } };
}

/** The SSO site's own listener: another port, so another origin. */
export async function startSso(): Promise<{ server: Server; origin: string }> {
  const server = createServer();
  return { server, origin: `http://127.0.0.1:${await listen(server)}` };
}
