#!/usr/bin/env node
"use strict";
// The `weekly` command. Runs dist/ (CommonJS chunks, each run when first needed) through V8
// with a code cache in the user's cache folder, so later runs skip parsing and compiling: what
// Node 22's module.enableCompileCache() does, done by hand for Node 20. One cache file per file
// of dist/ of the current build (older builds' files are removed), its data held twice (see
// intact()); WEEKLY_COMPILE_CACHE=0 runs without it.
// A chunk's cache holds the functions of the run that wrote it; the first run of each command
// writes the caches of its chunks again, so that a chunk shared by check and render has both's.
// The chunks are loaded here, not by Node's module loader: they are plain CommonJS that require
// each other by relative path and Node's built-ins by name, and Node's resolution (stat calls,
// package.json scopes, Module objects) cost more than a command's own work on the way to `check`.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

const dist = path.join(__dirname, "..", "dist");
const cache = codeCache();
const compiled = [];
const scripts = [];
const loaded = new Map();

/** Whether anything made process.stdout or process.stderr (Node makes them on first use). */
let streamsUsed = false;
for (const name of ["stdout", "stderr"]) {
  const made = Object.getOwnPropertyDescriptor(process, name);
  if (made?.get && made.configurable) {
    const get = made.get;
    Object.defineProperty(process, name, {
      ...made,
      get() {
        streamsUsed = true;
        return get.call(this);
      },
    });
  }
}

/**
 * Chunks come in packs (see scripts/bundle.js): dist/weekly.cjs holds the entry and what it needs,
 * dist/chunks/pack.cjs what check and render need besides, read with the first chunk not in the
 * first. Each chunk of a pack is a function, run as its own file would be; other chunks are files.
 */
const ENTRY = path.join(dist, "weekly.cjs");
const HOT = path.join(dist, "chunks", "pack.cjs");
const packed = new Map();
let hotRead = false;

function readPack(file) {
  for (const [name, run] of Object.entries(compile(file, false))) packed.set(name, run);
}

/** A chunk of dist/: its exports, run once (a cycle sees the exports so far, as with require). */
function load(file) {
  const known = loaded.get(file);
  if (known) return known.exports;
  const name = file.slice(file.lastIndexOf(path.sep) + 1);
  if (!packed.has(name) && !hotRead) {
    hotRead = true;
    readPack(HOT);
  }
  const module = { exports: {}, id: file, filename: file, loaded: false };
  loaded.set(file, module);
  const dir = path.dirname(file);
  const paths = new Map();
  const local = (id) => {
    if (id[0] !== "." && !id.startsWith(dist)) return require(id); // node:fs and the like
    let at = paths.get(id);
    // A chunk beside this one ("./chunk-X.cjs") joined by hand: path.resolve costs more than some
    // chunks. Anything else (a folder in the id, another separator) goes through path.resolve.
    if (at === undefined) at = /^\.\/[^/\\]+$/.test(id) ? dir + path.sep + id.slice(2) : path.resolve(dir, id);
    paths.set(id, at);
    return load(at);
  };
  try {
    (packed.get(name) ?? compile(file)).call(module.exports, module.exports, local, module, file, dir);
  } catch (e) {
    loaded.delete(file); // as Node's require does: a file that failed to load is not half kept
    throw e;
  }
  module.loaded = true;
  return module.exports;
}

/**
 * A file's code run, with the code cache: a chunk's (wrapped) gives its function (exports,
 * require, module, __filename, __dirname), a pack's the object of its chunks' functions.
 */
function compile(file, wrap = true) {
  const bin = cache && path.join(cache.dir, `${path.basename(file)}.bin`);
  const cachedData = bin && intact(readOrUndefined(bin));
  const text = fs.readFileSync(file, "utf8");
  const script = new vm.Script(wrap ? Module.wrap(text) : text, { filename: file, cachedData });
  if (cache && (!cachedData || script.cachedDataRejected)) compiled.push({ script, file: bin });
  if (cache) scripts.push({ script, file: bin });
  return script.runInThisContext();
}

/** dist/weekly.cjs's exports: main(argv, io) and the names of the commands. */
function entry() {
  if (!loaded.has(ENTRY)) readPack(ENTRY);
  return load(ENTRY);
}

/** The command line, run; the code caches of what it ran written afterwards. */
function run() {
  const { main, COMMANDS } = entry();
  main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
      if (!cache) return;
      const [command, ...rest] = process.argv.slice(2);
      const ran = commandsCached(cache, COMMANDS);
      // A run that did the command's work (not its --help, not a usage error) writes its chunks' caches.
      const worked = code === 0 && !rest.some((a) => a === "-h" || a === "--help");
      if (worked && COMMANDS.includes(command) && !ran.includes(command)) saveAll(cache, scripts, [...ran, command]);
      else if (compiled.length) saveAll(cache, compiled);
    })
    .then(() => {
      // The command has done all it does: ending here spares the tear-down of the heap, a
      // millisecond of every run. Our output is written synchronously; output through
      // process.stdout (a library's console.log) may still be on its way to a pipe, and then the
      // process ends by itself once it is out.
      if (!streamsUsed) process.exit();
    });
}

// Run as the command; required (by a bench, or a test that watches what loads), it runs when asked.
if (require.main === module) run();
module.exports = { entry, run };

/** The cache folder of this build, or undefined when caching is off or impossible. */
function codeCache() {
  if (process.env.WEEKLY_COMPILE_CACHE === "0") return undefined;
  const id = readOrUndefined(path.join(dist, "build-id"))?.toString("utf8").trim();
  if (!id) return undefined;
  // A relative XDG_CACHE_HOME is to be ignored (XDG Base Directory specification), and so is a
  // HOME that is empty or relative: the cache never lands in the folder a command runs in.
  const xdg = process.env.XDG_CACHE_HOME;
  const home = xdg && path.isAbsolute(xdg) ? undefined : require("node:os").homedir();
  if (home !== undefined && !path.isAbsolute(home)) return undefined;
  const base = home === undefined ? xdg : path.join(home, ".cache");
  const root = path.join(base, "weekly-report", "v8");
  return { root, dir: path.join(root, `${id}-${process.version}-${process.arch}`) };
}

/**
 * A cache file holds its data twice: V8 checks a cache's versions and length but not its bytes
 * (a block damaged in place crashes the process, at every start), and two halves that differ
 * are a cheap sign of it. Such a file counts as missing, and is written again.
 */
function intact(stored) {
  const n = stored ? stored.length / 2 : 0;
  return Number.isInteger(n) && n > 0 && stored.compare(stored, 0, n, n, 2 * n) === 0
    ? stored.subarray(0, n)
    : undefined;
}

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The commands whose first run has written the caches of their chunks (names of COMMANDS only). */
function commandsCached({ dir }, COMMANDS) {
  const text = readOrUndefined(path.join(dir, "commands"))?.toString("utf8") ?? "";
  return text.split("\n").filter((name) => COMMANDS.includes(name));
}

/** Atomically and silently: a cache that cannot be written is only a slower next start. */
function saveAll({ root, dir }, which, commands) {
  try {
    if (!makeDirs(dir)) return;
    const write = (file, data) => {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, data); // all or nothing: a full disk leaves no half cache
        fs.renameSync(tmp, file);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    };
    for (const { script, file } of which) {
      const data = script.createCachedData();
      write(file, Buffer.concat([data, data]));
    }
    if (commands) write(path.join(dir, "commands"), `${commands.join("\n")}\n`);
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
