// Write several files as one: every file's data goes to a synced temp file first (a full disk
// fails here, and nothing has changed yet); then all are renamed into place, and a failure or a
// signal in that short step puts back what was there. No partial set of files is ever left.
import { existsSync, linkSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { UsageError, UserError } from "../core/errors.js";
import { describeFsError } from "./read-text.js";
import { onSignal, tempName } from "./temp-files.js";
import { writeTemp } from "./write-atomic.js";

export interface FileToWrite {
  path: string;
  data: string;
  display: string;
}

/** What happened to each file: written, or left alone because it already holds exactly this. */
export type Written = { file: FileToWrite; unchanged: boolean };

export function writeFileSet(files: readonly FileToWrite[], force: boolean): Written[] {
  const same = (f: FileToWrite) => existsSync(f.path) && readFileSync(f.path).equals(Buffer.from(f.data, "utf8"));
  const plan = files.map((file) => ({ file, unchanged: same(file) }));
  for (const { file, unchanged } of plan) {
    if (!unchanged && existsSync(file.path) && !force)
      throw new UsageError(`${file.display}: already exists; use --force to overwrite it`);
  }
  const todo = plan.filter((p) => !p.unchanged).map((p) => p.file);
  const temps: string[] = [];
  try {
    for (const f of todo) temps.push(writeTemp(f.path, f.data, 0o644, f.display));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e instanceof UserError ? new UserError(`${e.message}; nothing was written`) : e;
  }
  commit(todo, temps);
  return plan;
}

/** Rename every temp into place; on any failure (or a signal) undo the renames done so far. */
function commit(files: readonly FileToWrite[], temps: readonly string[]): void {
  const done: { path: string; kept?: string; placed: boolean }[] = [];
  const undo = () => {
    for (const d of done.reverse()) {
      if (d.kept)
        renameSync(d.kept, d.path); // the file as it was, over the new one
      else if (d.placed) rmSync(d.path, { force: true });
    }
    for (const t of temps) rmSync(t, { force: true });
  };
  const forget = onSignal(undo);
  try {
    files.forEach((f, k) => {
      const entry = { path: f.path, kept: existsSync(f.path) ? keepAside(f.path) : undefined, placed: false };
      done.push(entry);
      if (entry.kept) renameSync(temps[k]!, f.path);
      else linkSync(temps[k]!, f.path); // fails if a file of that name appeared meanwhile
      entry.placed = true;
      rmSync(temps[k]!, { force: true });
    });
  } catch (e) {
    undo();
    const which = files[Math.max(0, done.length - 1)];
    throw new UserError(`${which?.display ?? "a file"}: could not write: ${describeFsError(e)}; nothing was written`);
  } finally {
    forget();
  }
  for (const d of done) if (d.kept) rmSync(d.kept, { force: true });
}

/** The file as it was, moved to a temp name beside it until the whole set is in place. */
function keepAside(path: string): string {
  const aside = tempName(path, "bak-tmp");
  if (statSync(path).isDirectory()) throw new UserError(`${path}: is a directory`);
  renameSync(path, aside);
  return aside;
}
