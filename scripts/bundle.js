// Build dist/ as one ES module per command (esbuild, code splitting): start-up reads a few
// files instead of hundreds in node_modules, and a command loads only what it needs.
import { build } from "esbuild";
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/cli.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS (handlebars) calls require() for Node built-ins.
  banner: { js: 'import { createRequire as __weeklyRequire } from "node:module"; const require = __weeklyRequire(import.meta.url);' },
  logLevel: "warning",
});
