// Write a user's file all at once or not at all: temp file in the same folder, then rename.
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../core/errors.js";
import { describeFsError } from "./read-text.js";

export interface WriteOptions {
  /** Replace an existing file (--force). */
  force?: boolean;
  /** How to name the file in messages (as the user typed it). */
  display?: string;
  /** Mode of a new file (an existing one keeps its own). */
  mode?: number;
}

export function writeFileAtomic(path: string, data: string, opts: WriteOptions = {}): void {
  const name = opts.display ?? path;
  let file = path;
  let mode = opts.mode ?? 0o644;
  if (!existsSync(dirname(file))) throw new UserError(`${name}: its folder does not exist`);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) throw new UserError(`${name}: is a directory`);
    if (!opts.force) throw new UserError(`${name}: already exists; use --force to overwrite it`);
    // Replace what the user has, as they have it: through a symlink to its target, with its mode.
    file = realpathSync(file);
    mode = statSync(file).mode & 0o7777;
  }
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", mode);
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (opts.force) renameSync(tmp, file);
    else {
      // link() fails when the name exists: a file that appeared since the check is not replaced.
      linkSync(tmp, file);
      rmSync(tmp, { force: true });
    }
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    if ((e as NodeJS.ErrnoException).code === "EEXIST")
      throw new UserError(`${name}: already exists; use --force to overwrite it`);
    throw new UserError(`${name}: could not write: ${describeFsError(e)}`);
  }
}

/** A free name beside `file` for keeping a copy: FILE.bak, FILE.bak-2, ... */
export function freeBackupName(file: string, suffix = ".bak"): string {
  if (!existsSync(`${file}${suffix}`)) return `${file}${suffix}`;
  for (let n = 2; ; n++) if (!existsSync(`${file}${suffix}-${n}`)) return `${file}${suffix}-${n}`;
}
