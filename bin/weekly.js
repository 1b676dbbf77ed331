#!/usr/bin/env node
// The `weekly` command. Runs dist/weekly.cjs (built by `npm ci` / `npm run build`) through V8 with
// a code cache kept in the user's cache folder, so later runs skip parsing and compiling it:
// the same thing Node 22's module.enableCompileCache() does, done by hand for Node 20.
// Set WEEKLY_COMPILE_CACHE=0 to run without it.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const file = fileURLToPath(new URL("../dist/weekly.cjs", import.meta.url));
const source = readFileSync(file, "utf8");
const cacheFile = cachePath();
let cached;
try {
  if (cacheFile) cached = readFileSync(cacheFile);
} catch {}
const script = new Script(Module.wrap(source), { filename: file, cachedData: cached });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
process.exitCode = await module.exports.main(process.argv.slice(2));
if (cacheFile && (!cached || script.cachedDataRejected)) saveCache(cacheFile, script.createCachedData());

function cachePath() {
  if (process.env.WEEKLY_COMPILE_CACHE === "0") return undefined;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const { size, mtimeMs } = statSync(file);
  // One cache per command: V8 caches the functions a run compiled, and each command runs others.
  const command = /^[a-z]+$/.test(process.argv[2] ?? "") ? process.argv[2] : "main";
  return join(base, "weekly-report", "v8", `${process.version}-${size}-${Math.trunc(mtimeMs)}-${command}.bin`);
}

/** Atomically, and silently: a cache that cannot be written is only a slower next start. */
function saveCache(path, data) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch {}
}
