// Files that ship with this package (schema/, templates/), found from where the code runs, and
// how a user's file should refer to a schema: by a relative path where the package is part of
// the project (installed in its node_modules, or this repository itself), else by the published
// copy of this version (a global install moves, and npx's cache is emptied as npm likes).
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

declare const WEEKLY_VERSION: string;

/** The package's own folder: the nearest one above this code that has a schema/ folder. */
export function packageRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "schema", "report.schema.json"))) {
    if (dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
  return dir;
}

const inside = (dir: string, root: string) => !relative(root, dir).startsWith("..");

/** The `$schema=` value for a file in `fromDir`; undefined when there is no schema to point at. */
export function schemaReference(kind: "report" | "config" | "team", fromDir: string): string | undefined {
  const root = packageRoot();
  if (!root) return undefined;
  const modules = dirname(root);
  const project = basename(modules) === "node_modules" ? dirname(modules) : root;
  if (inside(fromDir, project) && !root.split(sep).includes("_npx")) {
    return relative(fromDir, join(root, "schema", `${kind}.schema.json`))
      .split(sep)
      .join("/");
  }
  const version = typeof WEEKLY_VERSION === "string" ? WEEKLY_VERSION : "latest";
  return `https://unpkg.com/weekly-report@${version}/schema/${kind}.schema.json`;
}
