// Build dist/: the whole CLI and every dependency, as CommonJS files that load on demand. esbuild
// splits the code into chunks (ESM splitting), each of which is then turned into CommonJS, so that
// bin/weekly.cjs can hand each file to V8 with a code cache. A command loads only its own chunks;
// jira-client, mailparser and nodemailer are chunks of their own, loaded only when used. The
// package so has no runtime dependencies: what is installed is exactly what the tests ran.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";
import { templatesModuleSource, VIRTUAL_ID } from "./templates-module.js";

const root = new URL("..", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const out = new URL("dist/", root).pathname;

/** The built-in templates, precompiled: the module "virtual:weekly-templates". */
const templates = {
  name: "weekly-templates",
  setup(b) {
    b.onResolve({ filter: /^virtual:weekly-templates$/ }, () => ({ path: VIRTUAL_ID, namespace: "weekly" }));
    b.onLoad({ filter: /.*/, namespace: "weekly" }, () => ({ contents: templatesModuleSource(), loader: "js" }));
  },
};

/**
 * commander requires node:child_process at load (for executable subcommands, which we do not
 * use); loading it costs more than all of commander. It gets a stand-in that loads it on first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: "lazy", namespace: "lazy-child-process" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-child-process" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, key) => require("node:child_process")[key] });',
      loader: "js",
    }));
  },
};

/**
 * Modules that load on first use of one of their exports, not when a chunk that imports them
 * loads: the full YAML parser (the `yaml` library's document model) is needed only to place a
 * problem at its line:col, or to edit a file. Each is an entry of its own, dist/chunks/NAME.cjs;
 * every import of it elsewhere gets a stand-in whose exports load it (they must be functions or
 * values read at use, never at import: test/quick-yaml.test.ts holds src/io/yaml.ts to it).
 */
const LAZY = { "yaml-full": "src/io/yaml.ts" };

async function exportsOf(entry) {
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "node",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const names = Object.values(probe.metafile.outputs)[0].exports;
  if (names.length === 0) throw new Error(`${entry}: a lazy module without exports`);
  return names;
}

const lazyModules = {
  name: "lazy-modules",
  async setup(b) {
    const byPath = new Map();
    for (const [name, file] of Object.entries(LAZY)) byPath.set(fileURLToPath(new URL(file, root)), { name, file });
    b.onResolve({ filter: /\.js$/ }, (args) => {
      if (args.kind === "entry-point" || args.namespace !== "file") return undefined;
      const target = byPath.get(resolvePath(args.resolveDir, args.path.replace(/\.js$/, ".ts")));
      return target ? { path: target.name, namespace: "lazy-module" } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-module" }, async (args) => {
      const names = await exportsOf(LAZY[args.path]);
      return {
        loader: "js",
        contents: `const path = require("node:path");
const dir = path.basename(__dirname) === "chunks" ? __dirname : path.join(__dirname, "chunks");
let real;
const load = () => (real ??= require(path.join(dir, ${JSON.stringify(`${args.path}.cjs`)})));
Object.defineProperty(exports, "__esModule", { value: true });
for (const name of ${JSON.stringify(names)})
  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
      };
    });
  },
};

rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    weekly: "src/cli.ts",
    ...Object.fromEntries(Object.entries(LAZY).map(([name, file]) => [`chunks/${name}`, file])),
  },
  outdir: out,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: process.env.WEEKLY_MINIFY !== "0",
  keepNames: false,
  legalComments: "none",
  metafile: true,
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".cjs" },
  // import.meta does not exist in CommonJS: each file that uses it gets its own URL (see below).
  define: { WEEKLY_VERSION: JSON.stringify(pkg.version), "import.meta.url": "__weekly_meta.url" },
  plugins: [templates, lazyChildProcess, lazyModules],
  logLevel: "warning",
});

const files = Object.keys(result.metafile.outputs);
const code = new Map();
for (const file of files) {
  const esm = readFileSync(file, "utf8");
  // Made when first read: a file URL costs a start-up a third of a millisecond.
  const banner = esm.includes("__weekly_meta")
    ? 'var __weekly_meta={get url(){return require("node:url").pathToFileURL(__filename).href}};'
    : "";
  // import() of a chunk becomes require(): the chunks are CommonJS now.
  const cjs = await transform(esm, {
    format: "cjs",
    loader: "js",
    minify: process.env.WEEKLY_MINIFY !== "0",
    banner,
    supported: { "dynamic-import": false },
    logLevel: "error",
  });
  code.set(file, cjs.code);
}

/**
 * Packs: many chunks in one file, each chunk a function of it that runs when first required, as
 * its file did. Read and handed to V8 one by one, the thirty chunks of `check` cost more than
 * their code (a tenth of a millisecond each). dist/weekly.cjs holds the entry and what it needs
 * for --help; dist/chunks/pack.cjs the rest of what check and render run, read with the first
 * chunk that is not in weekly.cjs. Chunks of other commands stay files of their own.
 */
const outputs = result.metafile.outputs;
const ENTRY = files.find((f) => f.endsWith("dist/weekly.cjs"));
// The two commands, and the Handlebars runtime that render imports when it renders.
const HOT = ["src/commands/check.ts", "src/commands/render.ts", "node_modules/handlebars/runtime.js"];
const hotEntries = files.filter((f) => HOT.some((h) => outputs[f].entryPoint?.endsWith(h)));
if (!ENTRY || hotEntries.length !== HOT.length) throw new Error("pack: the entry or a hot command is no chunk");

/** A chunk and every chunk it imports statically, but for those in `taken`. */
function closure(roots, taken = new Set()) {
  const members = new Set();
  const add = (file) => {
    if (members.has(file) || taken.has(file)) return;
    members.add(file);
    for (const i of outputs[file].imports) if (i.kind === "import-statement" && !i.external) add(i.path);
  };
  for (const root of roots) add(root);
  return members;
}
const entryPack = closure([ENTRY]);
const packs = [
  { file: ENTRY, members: entryPack },
  { file: `dist/chunks/pack.cjs`, members: closure(hotEntries, entryPack) },
];
const packOf = new Map();
for (const pack of packs) {
  const table = [...pack.members].map((f) => {
    packOf.set(f, pack.file);
    const name = JSON.stringify(f.slice(f.lastIndexOf("/") + 1));
    return `${name}: function (exports, require, module, __filename, __dirname) {\n${code.get(f)}\n}`;
  });
  for (const f of pack.members) code.delete(f);
  // An expression, not a module: bin/weekly.cjs runs it as it is (no wrapper joined onto 200 KB of text).
  const text = `({\n${table.join(",\n")}\n})\n`;
  // One character past ASCII makes V8 hold the whole file as two-byte text: slower to read, at every start.
  // esbuild escapes strings, but not regex literals or String.raw: write those with \u escapes.
  const wide = process.env.WEEKLY_MINIFY !== "0" && /[^\0-\x7f]/.exec(text); // unminified, comments are kept
  if (wide)
    throw new Error(`${pack.file}: ${JSON.stringify(text.slice(wide.index - 40, wide.index + 10))} is not ASCII`);
  code.set(pack.file, text);
}

const hash = createHash("sha256");
for (const f of packOf.keys()) if (!code.has(f)) rmSync(f);
for (const [file, text] of code) {
  writeFileSync(file, text);
  hash.update(text);
}
// Which file holds which package, for the tests that check what a command loads.
const packages = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  const holder = packOf.get(file) ?? file;
  for (const input of Object.keys(output.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    if (name) (packages[name] ??= new Set()).add(holder.slice(holder.indexOf("dist/") + 5));
  }
}
const manifest = Object.fromEntries(
  Object.entries(packages)
    .sort()
    .map(([name, files]) => [name, [...files].sort()]),
);
writeFileSync(new URL("dist/packages.json", root), `${JSON.stringify(manifest, null, 2)}\n`);
// Names the build: bin/weekly.cjs keeps the code cache of one build only.
writeFileSync(new URL("dist/build-id", root), `${pkg.version}-${hash.digest("hex").slice(0, 16)}\n`);
