// Temporary files (and locks) that must not outlive the command: removed when it ends normally,
// on SIGINT and SIGTERM before the process dies of the signal; one left by a kill -9 carries its
// process id in its name, so the next run can tell it is stale and remove it.
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What to undo if a signal ends the command now: remove a temp file, roll back a set of renames. */
const live = new Set<() => void>();
let installed = false;

/** A temp name beside `file` that names this process: `.NAME.PID.RANDOM.KIND`. */
export function tempName(file: string, kind = "tmp"): string {
  const random = Math.random().toString(36).slice(2, 8);
  return join(dirname(file), `.${basename(file)}.${process.pid}.${random}.${kind}`);
}

/** Remember a temp path for cleanup on a signal; returns the function that forgets it. */
export function track(path: string): () => void {
  return onSignal(() => rmSync(path, { force: true }));
}

/** Run `undo` if SIGINT, SIGTERM or SIGHUP ends the command before the returned function is called. */
export function onSignal(undo: () => void): () => void {
  if (!installed) installHandlers();
  live.add(undo);
  return () => void live.delete(undo);
}

function installHandlers(): void {
  installed = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const undo of live) {
        try {
          undo();
        } catch {}
      }
      // Die of the signal as the shell expects (exit status 128 + n), now that nothing is left behind.
      process.kill(process.pid, signal);
    });
  }
}

/** Temp files beside `file` left by a process that is gone (a kill -9, a power cut): removed. */
export function removeStaleTemps(file: string): string[] {
  const prefix = `.${basename(file)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.[a-z0-9]+\.(tmp|bak-tmp)$/.exec(name.slice(prefix.length)) : null;
    if (!m || alive(Number(m[1]))) continue;
    const path = join(dirname(file), name);
    // A half-written temp goes; a file set aside by a set of renames that was killed comes back
    // (only where nothing took its place: then the set had not reached it).
    if (m[2] === "tmp") rmSync(path, { force: true });
    else if (!existsSync(file)) renameSync(path, file);
    else continue;
    removed.push(name);
  }
  return removed;
}

/** Whether a process of that id runs (EPERM: it runs, as another user). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
