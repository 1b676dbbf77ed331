// Build dist/weekly.cjs: the whole CLI in one CommonJS file (esbuild). One file to read, and one
// that bin/weekly.js can hand to V8 with a code cache. Modules that a command imports lazily stay
// lazy: esbuild runs their bodies only when first imported.
import { build } from "esbuild";
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/cli.ts"],
  outfile: "dist/weekly.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  // src/ is ESM; the bundle is CommonJS, where import.meta does not exist.
  define: { "import.meta.url": "__weeklyModuleUrl" },
  banner: { js: 'const __weeklyModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // jira-client (Jira), mailparser (import) and nodemailer (eml, send) stay in node_modules,
  // loaded only by the commands that use them: most runs need none of their megabytes.
  external: ["jira-client", "mailparser", "nodemailer"],
  // ...through require(): a dynamic import() would need a module loader that vm.Script lacks.
  supported: { "dynamic-import": false },
  logLevel: "warning",
});
