// Write a user's file all at once or not at all: a temp file in the same folder, every byte
// written (a short write is finished, a full disk is an error), synced, then renamed over the
// file, and the folder synced. The file on disk is the old one or the new one, never a part.
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, resolve } from "node:path";
import { UsageError, UserError } from "../core/errors.js";
import type { Io } from "./output.js";
import { describeFsError } from "./read-text.js";
import { removeStaleTemps, tempName, track } from "./temp-files.js";

export interface WriteOptions {
  /** Replace an existing file (--force). */
  force?: boolean;
  /** How to name the file in messages (as the user typed it). */
  display?: string;
  /** Mode of a new file, less the umask (an existing one keeps its own). */
  mode?: number;
  /** Mode of a new file exactly as given (a backup keeps its original's). */
  exactMode?: number;
}

/** A command's product: on stdout, or (-o FILE) written to the file all at once. */
export function emit(io: Io, text: string, out: string | undefined, force = false): void {
  if (out === undefined || out === "-") io.stdout.write(text);
  else writeFileAtomic(resolve(io.cwd, out), text, { force, display: out });
}

export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  const name = opts.display ?? path;
  const { file, mode, exact } = target(path, name, opts);
  removeStaleTemps(file);
  let tmp: string;
  try {
    tmp = writeTemp(file, data, mode, name, exact);
  } catch (e) {
    if (!(e instanceof UserError) || !existsSync(file)) throw e;
    throw new UserError(`${e.message}; the file is unchanged`);
  }
  try {
    if (opts.force) renameSync(tmp, file);
    else {
      // link() fails when the name exists: a file that appeared since the check is not replaced.
      linkSync(tmp, file);
      rmSync(tmp, { force: true });
    }
    syncFolder(dirname(file));
  } catch (e) {
    rmSync(tmp, { force: true });
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw exists(name);
    throw new UserError(`${name}: could not write: ${describeFsError(e)}`);
  }
}

/** The file to write (a symlink's target, so the link stays) and the mode it gets. */
function target(path: string, name: string, opts: WriteOptions): { file: string; mode: number; exact: boolean } {
  if (!existsSync(dirname(path))) throw new UserError(`${name}: its folder does not exist`);
  if (!lstatExists(path)) {
    const exact = opts.exactMode !== undefined;
    return { file: path, mode: opts.exactMode ?? opts.mode ?? 0o644, exact };
  }
  if (statSync(path).isDirectory()) throw new UserError(`${name}: is a directory`);
  if (!opts.force) throw exists(name);
  const file = realpathSync(path);
  return { file, mode: statSync(file).mode & 0o7777, exact: true };
}

/** The data in a synced temp file beside `file`; removed again (and the error named) if anything fails. */
export function writeTemp(file: string, data: string | Uint8Array, mode: number, name: string, exact = false): string {
  const tmp = tempName(file);
  const forget = track(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", mode);
    if (exact) fchmodSync(fd, mode); // the umask does not apply to a file that replaces or copies another
    writeAll(fd, typeof data === "string" ? Buffer.from(data, "utf8") : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return tmp;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new UserError(`${name}: could not write: ${describeFsError(e)}`);
  } finally {
    forget();
  }
}

/** writeSync may write less than asked (a file size limit, a signal): go on until all is written. */
function writeAll(fd: number, buf: Uint8Array): void {
  for (let off = 0; off < buf.length; ) {
    const n = writeSync(fd, buf, off, buf.length - off);
    if (n <= 0) throw Object.assign(new Error("write returned 0"), { code: "EIO" });
    off += n;
  }
}

/** The rename is on disk only once the folder's entry is: sync the folder (where the OS allows). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EISDIR" && code !== "EPERM" && code !== "EACCES") throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const exists = (name: string) => new UsageError(`${name}: already exists; use --force to overwrite it`);

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A free name beside `file` for keeping a copy: FILE.bak, FILE.bak-2, ... */
export function freeBackupName(file: string, suffix = ".bak"): string {
  if (!existsSync(`${file}${suffix}`)) return `${file}${suffix}`;
  for (let n = 2; ; n++) if (!existsSync(`${file}${suffix}-${n}`)) return `${file}${suffix}-${n}`;
}

/** A byte-for-byte copy of `file` (its mode, BOM and line ends kept) under a free .bak name. */
export function keepBackup(file: string, display = file): string {
  const backup = freeBackupName(file);
  const mode = statSync(file).mode & 0o7777;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UserError(`${file}: could not read it to keep a copy: ${describeFsError(e)}`);
  }
  writeFileAtomic(backup, bytes, { exactMode: mode, display: `${display}${backup.slice(file.length)}` });
  return backup;
}
