// Node built-ins that cost start-up time (tty pulls in net and streams; crypto is large) are
// loaded on first use, not when the chunk that mentions them loads.
import { createRequire } from "node:module";

let required: NodeJS.Require | undefined;
/**
 * A require of our own, made at first use: createRequire costs about half a millisecond of every
 * start. Built-ins resolve alike from any file, so any absolute one will do (import.meta.url
 * would cost each start a file URL of its own).
 */
const load = (id: string): unknown => (required ??= createRequire(process.execPath))(id);

export const isatty = (fd: number): boolean => (load("node:tty") as typeof import("node:tty")).isatty(fd);

export const sha256Hex = (text: string): string =>
  (load("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(text).digest("hex");
