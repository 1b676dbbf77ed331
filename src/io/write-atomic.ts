// Write a user's file all at once or not at all: temp file in the same folder, then rename.
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors.js";
import { describeFsError } from "./read-text.js";

export interface WriteOptions {
  /** Replace an existing file (--force). */
  force?: boolean;
  /** How to name the file in messages (as the user typed it). */
  display?: string;
}

export function writeFileAtomic(path: string, data: string, opts: WriteOptions = {}): void {
  const name = opts.display ?? path;
  let file = path;
  let mode = 0o644;
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
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new UserError(`${name}: could not write: ${describeFsError(e)}`);
  }
}
