// The fake Jira's wire: listening on 127.0.0.1 only, reading a request into a Call, writing a Reply (streamed when it
// has chunks), delays that end when the server closes, and closing every connection.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { JSON_TYPE } from "./reply.js";
import type { Call, Reply } from "./reply.js";

/** Listens on 127.0.0.1 (port 0, never another address); the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return (server.address() as AddressInfo).port;
}

export async function readCall(req: IncomingMessage, url: URL, contextPath: string): Promise<Call> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const inside = url.pathname === contextPath || url.pathname.startsWith(`${contextPath}/`);
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [seen, value].flat();
  }
  const { body, badJson } = parseBody(raw);
  const path = inside ? url.pathname.slice(contextPath.length) : undefined;
  return { method: req.method ?? "GET", path, query, body, badJson, headers: req.headers };
}

/** False when the server closed meanwhile. */
export async function wait(ms: number, closing: AbortSignal): Promise<boolean> {
  if (ms <= 0) return true;
  return sleep(ms, true, { signal: closing }).catch(() => false);
}

function parseBody(raw: string): { body: unknown; badJson: boolean } {
  if (raw === "") return { body: undefined, badJson: false };
  try {
    return { body: JSON.parse(raw), badJson: false };
  } catch {
    return { body: raw, badJson: true };
  }
}

/** Writes the answer; streamed `chunks` wait for the client to drain and stop when it goes away. */
export async function send(res: ServerResponse, reply: Reply): Promise<void> {
  res.on("error", () => {}); // a client gone mid-stream is not the fake's failure
  res.writeHead(reply.status, { "Content-Type": reply.contentType ?? JSON_TYPE, ...reply.headers });
  if (!reply.chunks) return void res.end(reply.text ?? JSON.stringify(reply.json));
  for (const chunk of reply.chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done).off("close", done);
      resolve();
    };
    res.on("drain", done).on("close", done);
  });
}

/** Stops listening and ends every connection, keep-alive ones and those waiting on a delay included. */
export async function closeServers(servers: Server[], closing: AbortController): Promise<void> {
  if (closing.signal.aborted) return;
  closing.abort();
  const closed = servers.map(
    (server) => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  );
  for (const server of servers) server.closeAllConnections();
  await Promise.all(closed);
}
