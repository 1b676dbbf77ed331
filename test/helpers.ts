// Shared test helpers: temp project folders built from objects, and the CLI run in-process or as a process.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, expect } from "vitest";
import { main } from "../src/cli.js";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const BIN = join(ROOT, "bin", "weekly.cjs");

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A temp folder with the given files (path → content); removed after the test. */
export function tmpProject(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "weekly-test-"));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Every wait the in-process CLI asked for (retry backoff, Retry-After), in ms: the clock is the
 * test's, so no test sleeps for real. Cleared at each run().
 */
export const sleeps: number[] = [];

/** The CLI in-process, with captured output (fast; most tests). */
export async function run(
  args: string[],
  opts: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    now?: Date;
    stdin?: string | Buffer;
    tty?: boolean;
    /** stderr is a terminal (progress lines, colour). */
    stderrTTY?: boolean;
  } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  sleeps.length = 0;
  const code = await main(args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...(opts.env ?? {}) },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), ...(opts.stderrTTY ? { isTTY: true } : {}) },
    now: () => opts.now ?? new Date("2024-06-14T16:00:00Z"),
    sleep: async (ms: number) => void sleeps.push(ms),
    ...(opts.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(opts.stdin)]) }),
    ...(opts.tty === undefined ? {} : { stdinIsTTY: opts.tty }),
  });
  return { code, stdout, stderr };
}

/** A cache folder for the processes of this test run (bin/weekly.cjs keeps its V8 code cache there). */
export const TEST_CACHE = mkdtempSync(join(tmpdir(), "weekly-test-cache-"));

/** The built CLI as a real process (bin/weekly.cjs → dist/), as a user runs it. */
export function runBin(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH, XDG_CACHE_HOME: TEST_CACHE, ...(opts.env ?? {}) },
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The files of dist/ that hold a package (dist/packages.json says which). */
export function bundledFiles(pkg: string): string[] {
  const packages: unknown = JSON.parse(readFileSync(join(ROOT, "dist", "packages.json"), "utf8"));
  const files =
    packages && typeof packages === "object" && pkg in packages ? packages[pkg as keyof typeof packages] : [];
  expect(Array.isArray(files) && files.length > 0, `${pkg} in dist/packages.json`).toBe(true);
  return files;
}

/**
 * runBin, and which of the given files of dist/ the run read: whatever loads a chunk (Node's
 * loader or bin/weekly.cjs's own) reads it with fs.readFileSync first. Without the code cache,
 * so that every chunk is read as a first run reads it.
 */
export function runBinLoading(
  args: string[],
  files: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv },
): RunResult & { loaded: string[] } {
  const hook =
    `const fs=require("fs");const read=fs.readFileSync;const watched=${JSON.stringify(files)};` +
    `fs.readFileSync=function(f,...a){const hit=typeof f==="string"&&watched.find((x)=>f.endsWith(x));` +
    `if(hit)process.stderr.write("LOADED "+hit+"\\n");return read.call(this,f,...a)};` +
    `process.argv=[process.argv[0],"weekly",...${JSON.stringify(args)}];require(${JSON.stringify(BIN)}).run()`;
  const r = spawnSync(process.execPath, ["-e", hook], {
    cwd: opts.cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: opts.cwd, WEEKLY_COMPILE_CACHE: "0", ...(opts.env ?? {}) },
  });
  const lines = r.stderr.split("\n");
  const loaded = lines.filter((l) => l.startsWith("LOADED ")).map((l) => l.slice(7));
  const stderr = lines.filter((l) => !l.startsWith("LOADED ")).join("\n");
  return { code: r.status ?? -1, stdout: r.stdout, stderr, loaded };
}

/** runBin, without blocking this process: for tests whose server (fake Jira, SMTP) lives in it. */
export function runBinAsync(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { PATH: process.env.PATH, XDG_CACHE_HOME: TEST_CACHE, ...(opts.env ?? {}) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** `weekly import` in-process, its options given as an object; fails the test on a stack trace. */
export async function runImport(
  cwd: string,
  opts: { files: string[]; output?: string; dryRun?: boolean; force?: boolean; config?: string },
  stdin?: string | Buffer,
): Promise<RunResult> {
  const args = ["import", ...opts.files];
  if (opts.output !== undefined) args.push("-o", opts.output);
  if (opts.dryRun) args.push("--dry-run");
  if (opts.force) args.push("--force");
  if (opts.config !== undefined) args.push("-c", opts.config);
  const r = await run(args, { cwd, stdin });
  if (/\n\s+at /.test(r.stderr)) throw new Error(`stack trace on stderr:\n${r.stderr}`);
  return r;
}

/** Compare with test/golden/NAME byte for byte, or write it there with UPDATE_GOLDEN=1. */
export function golden(name: string, actual: string): void {
  const file = join(ROOT, "test", "golden", name);
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

export interface Proc {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** A real process (its own process group, killed whole if it hangs, so no test leaves one behind). */
export function proc(cmd: string, args: string[], cwd: string): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { PATH: process.env.PATH, XDG_CACHE_HOME: TEST_CACHE },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const guard = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 25_000);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** `weekly ARGS` as a real process. */
