// Create a folder and its missing parents one at a time. Node 20's mkdirSync({recursive: true})
// never returns for some paths (under /proc, say): it retries the same failing step for ever.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** Like `mkdir -p`; throws the first real error (EACCES, ENOTDIR, EROFS, ...). */
export function makeDirs(path: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    if (isDir(dir)) break;
    missing.push(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir, { mode });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || !isDir(dir)) throw e;
    }
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
