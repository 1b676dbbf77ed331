// Build dist/: the whole CLI and every dependency, as CommonJS files that load on demand. esbuild
// splits the code into chunks (ESM splitting), each of which is then turned into CommonJS, so that
// bin/weekly.cjs can hand each file to V8 with a code cache. A command loads only its own chunks;
// jira-client, mailparser and nodemailer are chunks of their own, loaded only when used. The
// package so has no runtime dependencies: what is installed is exactly what the tests ran.
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
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

rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: { weekly: "src/cli.ts" },
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
  define: { WEEKLY_VERSION: JSON.stringify(pkg.version), "import.meta.url": "__weekly_url" },
  plugins: [templates, lazyChildProcess],
  logLevel: "warning",
});

const files = Object.keys(result.metafile.outputs);
const hash = createHash("sha256");
for (const file of files) {
  const esm = readFileSync(file, "utf8");
  const banner = esm.includes("__weekly_url")
    ? 'var __weekly_url=require("node:url").pathToFileURL(__filename).href;'
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
  writeFileSync(file, cjs.code);
  hash.update(cjs.code);
}
// Which file holds which package, for the tests that check what a command loads.
const packages = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  for (const input of Object.keys(output.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    if (name) (packages[name] ??= new Set()).add(file.slice(file.indexOf("dist/") + 5));
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
