// Node built-ins that cost start-up time (tty pulls in net and streams; crypto is large) are
// loaded on first use, not when the chunk that mentions them loads.
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

export const isatty = (fd: number): boolean => (load("node:tty") as typeof import("node:tty")).isatty(fd);

export const sha256Hex = (text: string): string =>
  (load("node:crypto") as typeof import("node:crypto")).createHash("sha256").update(text).digest("hex");
