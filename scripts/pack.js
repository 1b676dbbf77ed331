// Pack the package as users install it: a staging folder with only what runs (bin/, dist/, the
// templates and schemas, README, LICENSE) and a package.json with no scripts and no dependencies
// (everything is bundled into dist/), then `npm pack` of that folder. Run `npm run build` first.
// Usage: node scripts/pack.js [DEST]   → prints the path of the .tgz
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const dest = resolve(process.argv[2] ?? root);
if (!existsSync(join(root, "dist", "weekly.cjs"))) throw new Error("no dist/: run npm run build first");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const manifest = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  type: pkg.type,
  bin: pkg.bin,
  engines: pkg.engines,
  files: pkg.files,
};
const stage = mkdtempSync(join(tmpdir(), "weekly-pack-"));
try {
  for (const entry of [...pkg.files, "README.md"]) cpSync(join(root, entry), join(stage, entry), { recursive: true });
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", dest], { cwd: stage, encoding: "utf8" });
  const [{ filename }] = JSON.parse(out);
  process.stdout.write(`${join(dest, filename)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
