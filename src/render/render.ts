// Handlebars environment (isolated, strict) and template lookup; the model goes in, text comes out.
// Built-in templates are precompiled at build time ("virtual:weekly-templates") and need only
// the small Handlebars runtime; a user's own template loads the compiler.
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type HandlebarsNs from "handlebars";
import { partials as builtinPartials, templates as builtinTemplates } from "virtual:weekly-templates";
import { UserError } from "../core/errors.js";
import { readTextFile } from "../io/read-text.js";
import type { ReportModel } from "../model/schema.js";
import { helpers } from "./helpers.js";

export type TextFormat = "text" | "md";
/** A built-in template by format, or a user's template file. */
export type TemplateChoice = { format: TextFormat } | { file: string };

type Env = typeof HandlebarsNs;
type Spec = Parameters<Env["template"]>[0];

export async function renderModel(model: ReportModel, choice: TemplateChoice): Promise<string> {
  if ("format" in choice) {
    const name = choice.format === "md" ? "report.md" : "report.txt";
    const runtime = ((await import("handlebars/runtime.js")) as unknown as { default: Env }).default;
    const env = setUp(runtime.create());
    return run(() => env.template(builtinTemplates[name] as Spec)(model), `templates/${name}.hbs`);
  }
  const full = (await import("handlebars")).default;
  const env = setUp(full.create());
  const dir = dirname(choice.file);
  if (existsSync(join(dir, "partials"))) {
    for (const f of readdirSync(join(dir, "partials")).sort()) {
      if (f.endsWith(".hbs"))
        env.registerPartial(basename(f, ".hbs"), readTextFile(join(dir, "partials", f), "Handlebars partial"));
    }
  }
  const source = readTextFile(choice.file, "Handlebars template");
  return run(() => env.compile(source, { strict: true, noEscape: true })(model), choice.file);
}

/** Helpers and the built-in partials (a user's partials of the same name replace them). */
function setUp(env: Env): Env {
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn as HandlebarsNs.HelperDelegate);
  for (const [name, spec] of Object.entries(builtinPartials)) env.registerPartial(name, env.template(spec as Spec));
  return env;
}

function run(render: () => string, file: string): string {
  try {
    return render();
  } catch (e) {
    throw templateError(e, file);
  }
}

function templateError(e: unknown, file: string): UserError {
  const msg = (e as Error)?.message ?? String(e);
  const partial = /^The partial (\S+) could not be found/.exec(msg);
  if (partial) {
    return new UserError(
      `${file}: no partial "${partial[1]}"; there are ${Object.keys(builtinPartials).join(", ")} ` +
        "and the *.hbs files in partials/ beside your template",
    );
  }
  const onText = /^Cannot use 'in' operator to search for '([^']+)'/.exec(msg);
  if (onText)
    return new UserError(
      `${file}: "${onText[1]}" is looked up inside a text, which has no fields; ` +
        "see the model with `weekly render --context`",
    );
  const parse = /^Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|[^\n]*)$/.exec(msg);
  if (parse) return new UserError(`${file}:${parse[1]}: template syntax error: ${parse[2]!.trim()}`);
  const strict = /^"([^"]+)" not defined in [^-]* - (\d+):(\d+)/.exec(msg);
  if (strict) {
    return new UserError(
      `${file}:${strict[2]}:${Number(strict[3]) + 1}: "${strict[1]}" is neither in the model nor a helper; ` +
        `see the model with \`weekly render --context\` (helpers: ${Object.keys(helpers).join(", ")})`,
    );
  }
  return new UserError(`${file}: template error: ${msg.split("\n")[0]}`);
}
