#!/usr/bin/env node
"use strict";
// The `weekly` command. Runs dist/ (CommonJS chunks, each loaded when first needed) through V8
// with a code cache in the user's cache folder, so later runs skip parsing and compiling: what
// Node 22's module.enableCompileCache() does, done by hand for Node 20. One cache file per chunk
// of the current build (older builds' files are removed); WEEKLY_COMPILE_CACHE=0 runs without it.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const dist = path.join(__dirname, "..", "dist");
const cache = codeCache();
const compiled = [];
if (cache) {
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (!filename.startsWith(dist + path.sep)) return compile.call(this, content, filename);
    const file = path.join(cache.dir, `${path.basename(filename)}.bin`);
    const cachedData = readOrUndefined(file);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) compiled.push({ script, file });
    const run = script.runInThisContext();
    return run.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
}
const { main } = require("../dist/weekly.cjs");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (cache && compiled.length) saveAll(cache);
});

/** The cache folder of this build, or undefined when caching is off or impossible. */
function codeCache() {
  if (process.env.WEEKLY_COMPILE_CACHE === "0") return undefined;
  const id = readOrUndefined(path.join(dist, "build-id"))?.toString("utf8").trim();
  if (!id) return undefined;
  const base = process.env.XDG_CACHE_HOME || path.join(require("node:os").homedir(), ".cache");
  const root = path.join(base, "weekly-report", "v8");
  return { root, dir: path.join(root, `${id}-${process.version}-${process.arch}`) };
}

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Atomically and silently: a cache that cannot be written is only a slower next start. */
function saveAll({ root, dir }) {
  try {
    if (!makeDirs(dir)) return;
    for (const { script, file } of compiled) {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, script.createCachedData()); // all or nothing: a full disk leaves no half cache
        fs.renameSync(tmp, file);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    }
    // One build's cache at a time: the folders of other builds (or Node versions) go.
    for (const name of fs.readdirSync(root))
      if (name !== path.basename(dir)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  } catch {}
}

/** mkdir -p one level at a time (Node 20's recursive mkdir can spin for ever on paths like /proc/x). */
function makeDirs(dir) {
  const missing = [];
  for (let d = dir; !isDir(d); d = path.dirname(d)) {
    if (path.dirname(d) === d) return false;
    missing.unshift(d);
  }
  for (const d of missing) fs.mkdirSync(d);
  return true;
}

function isDir(d) {
  try {
    return fs.statSync(d).isDirectory();
  } catch {
    return false;
  }
}
