// One writer at a time for a report file: `weekly add`, `new --force` and `edit` take its lock
// (`.NAME.lock`, holding the holder's process id) around read → edit → write, so 20 adds at once
// keep 20 notes. A lock whose process is gone (a kill -9) is stale and taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../core/errors.js";
import { alive, track } from "./temp-files.js";

export interface LockOptions {
  /** How long to wait for another process's lock. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  display?: string;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withFileLock<T>(file: string, work: () => Promise<T> | T, opts: LockOptions = {}): Promise<T> {
  const lock = join(dirname(file), `.${basename(file)}.lock`);
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (let wait = 5; !tryLock(lock); wait = Math.min(wait * 2, 100)) {
    if (removedStale(lock)) continue;
    const holder = holderOf(lock);
    if (Date.now() > deadline) {
      const who = holder === undefined ? "another process" : `process ${holder}`;
      throw new UserError(
        `${opts.display ?? file}: ${who} is still writing it (lock ${lock}); try again, or remove the lock`,
      );
    }
    await (opts.sleep ?? pause)(wait + Math.floor(Math.random() * wait));
  }
  const forget = track(lock);
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
    forget();
  }
}

/**
 * Removes the lock when its process is gone, one remover at a time. The holder read here may
 * have let go meanwhile and another process taken the lock: under `LOCK.stale` the holder is
 * read again, and only the same dead holder's lock is removed (a lock file nobody else can
 * replace while it is there). True when the lock was stale.
 */
function removedStale(lock: string): boolean {
  const holder = holderOf(lock);
  if (holder === undefined || alive(holder)) return false;
  const guard = `${lock}.stale`;
  if (!tryLock(guard)) {
    const remover = holderOf(guard);
    if (remover !== undefined && !alive(remover)) rmSync(guard, { force: true }); // killed while removing
    return false;
  }
  try {
    if (holderOf(lock) === holder) rmSync(lock, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
  return true;
}

function tryLock(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, "wx", 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new UserError(`${lock}: could not lock the report: ${(e as Error).message}`);
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function holderOf(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
