// The built-in templates (templates/*.hbs, templates/partials/*.hbs) precompiled into the source
// of an ES module, so that rendering with them needs only the small Handlebars runtime. Served
// as the virtual module "virtual:weekly-templates" by the bundle (scripts/bundle.js) and by the
// tests (vitest.config.ts): nothing generated is written into src/.
import { readdirSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";

export const VIRTUAL_ID = "virtual:weekly-templates";
export const OPTIONS = { strict: true, noEscape: true };
const root = new URL("..", import.meta.url);

const precompile = (url) => Handlebars.precompile(readFileSync(url, "utf8"), OPTIONS);

function specs(folder) {
  const dir = new URL(folder, root);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .sort()
    .map((f) => `  ${JSON.stringify(f.replace(/\.hbs$/, ""))}: ${precompile(new URL(f, dir))},`);
}

/** The module's source text. */
export function templatesModuleSource() {
  return [
    "export const templates = {",
    ...specs("templates/"),
    "};",
    "export const partials = {",
    ...specs("templates/partials/"),
    "};",
    "",
  ].join("\n");
}

/** The template files the module is made of (for watch modes). */
export function templateFiles() {
  const list = (folder) =>
    readdirSync(new URL(folder, root))
      .filter((f) => f.endsWith(".hbs"))
      .map((f) => new URL(f, new URL(folder, root)).pathname);
  return [...list("templates/"), ...list("templates/partials/")];
}
