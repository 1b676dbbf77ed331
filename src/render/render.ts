// Handlebars environment (isolated, strict) and template lookup; the model goes in, text comes out.
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { UserError } from "../errors.js";
import { readTextFile } from "../io/read-text.js";
import type { ReportModel } from "../model/types.js";
import { helpers } from "./helpers.js";

export type TextFormat = "text" | "md";

/** templates/ of this package, found from this module (works from src/ and from the bundled dist/). */
export function builtinTemplateDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "templates");
    if (existsSync(join(candidate, "report.txt.hbs"))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error("templates/ folder of weekly-report not found");
    dir = up;
  }
}

export function templatePathFor(format: TextFormat): string {
  return join(builtinTemplateDir(), format === "md" ? "report.md.hbs" : "report.txt.hbs");
}

export function renderModel(model: ReportModel, templateFile: string): string {
  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
  registerPartials(hbs, join(builtinTemplateDir(), "partials"));
  const userPartials = join(dirname(templateFile), "partials");
  if (dirname(templateFile) !== builtinTemplateDir()) registerPartials(hbs, userPartials);

  const source = readTextFile(templateFile, "Handlebars template");
  let template: Handlebars.TemplateDelegate;
  try {
    template = hbs.compile(source, { strict: true, noEscape: true });
    return template(model);
  } catch (e) {
    throw templateError(e, templateFile);
  }
}

function registerPartials(hbs: typeof Handlebars, dir: string) {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".hbs")) continue;
    hbs.registerPartial(basename(f, ".hbs"), readTextFile(join(dir, f), "Handlebars partial"));
  }
}

function templateError(e: unknown, file: string): UserError {
  const msg = (e as Error)?.message ?? String(e);
  const parse = /^Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|[^\n]*)$/.exec(msg);
  if (parse) return new UserError(`${file}:${parse[1]}: template syntax error: ${parse[2]!.trim()}`);
  const strict = /^"([^"]+)" not defined in [^-]* - (\d+):(\d+)/.exec(msg);
  if (strict) {
    return new UserError(`${file}:${strict[2]}:${Number(strict[3]) + 1}: "${strict[1]}" is not in the model; see its fields with \`weekly render --context\``);
  }
  return new UserError(`${file}: template error: ${msg.split("\n")[0]}`);
}
