// Handlebars environment (isolated, strict) and template lookup; the model goes in, text comes out.
// Built-in templates are precompiled at build time ("virtual:weekly-templates") and need only
// the small Handlebars runtime; a user's own template (and its partials, strict like it) loads
// the compiler. Every failure names the file it happened in: the partial's own, if one.
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type HandlebarsNs from "handlebars";
import { partials as builtinPartials, templates as builtinTemplates } from "virtual:weekly-templates";
import { UserError, WeeklyError } from "../core/errors.js";
import { readTextFile } from "../io/read-text.js";
import type { CommentModel } from "../model/comment.js";
import type { ReportModel } from "../model/schema.js";
import type { TeamModel } from "../team/model.js";
import { helpers } from "./helpers.js";
import { type ErrorContext, tagOrigin, templateError } from "./template-errors.js";

export type TextFormat = "text" | "md";
/** A built-in template by format, or a user's template file (from a flag, or named by a config). */
export type TemplateChoice = { format: TextFormat } | { file: string; from?: { config: string; value: string } };

type Env = typeof HandlebarsNs;
type Spec = Parameters<Env["template"]>[0];
type Compiled = HandlebarsNs.TemplateDelegate;
const OPTIONS = { strict: true, noEscape: true } as const;

export async function renderModel(model: ReportModel, choice: TemplateChoice): Promise<string> {
  const text = await renderLf(
    model,
    "format" in choice ? { builtin: choice.format === "md" ? "report.md" : "report.txt" } : choice,
  );
  // The author's line ends (a CRLF email renders back with CRLF); the template itself writes LF.
  return model.newline === "\r\n" ? text.replace(/\r?\n/g, "\r\n") : text;
}

/** A Jira comment's text, from templates/jira-comment.hbs or the user's own (jira.comment_template). */
export function renderComment(model: CommentModel, file?: { file: string; from?: { config: string; value: string } }) {
  return renderLf(model, file ?? { builtin: "jira-comment" });
}

/** The team roll-up's text: templates/team.txt.hbs or team.md.hbs, or the team's own (-t, template:). */
export function renderTeam(model: TeamModel, choice: TemplateChoice): Promise<string> {
  return renderLf(model, "format" in choice ? { builtin: choice.format === "md" ? "team.md" : "team.txt" } : choice);
}

type Source = { builtin: string } | { file: string; from?: { config: string; value: string } };

async function renderLf(model: object, choice: Source): Promise<string> {
  const sources = new Map<string, string>();
  const ctx = (file: string): ErrorContext => ({
    file,
    sources,
    // Only a failure needs them: an import renders thousands of reports.
    get names() {
      return namesOf(model);
    },
    partials: Object.keys(builtinPartials),
  });
  if ("builtin" in choice) {
    const name = choice.builtin;
    const template = await builtin(name);
    return run(() => template(model), ctx(`templates/${name}.hbs`));
  }
  const full = (await import("handlebars")).default;
  const env = setUp(full.create());
  const source = readTemplate(choice);
  sources.set(choice.file, source);
  const dir = join(dirname(choice.file), "partials");
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith(".hbs")) continue;
      const file = join(dir, f);
      const text = readTextFile(file, "Handlebars partial");
      sources.set(file, text);
      env.registerPartial(basename(f, ".hbs"), named(compile(env, text, ctx(file)), file));
    }
  }
  const template = compile(env, source, ctx(choice.file));
  return run(() => template(model), ctx(choice.file));
}

/** A built-in template, set up once per process (it holds no state between renders). */
const BUILTIN = new Map<string, Compiled>();

async function builtin(name: string): Promise<Compiled> {
  const done = BUILTIN.get(name);
  if (done) return done;
  const runtime = ((await import("handlebars/runtime.js")) as unknown as { default: Env }).default;
  const template = setUp(runtime.create()).template(builtinTemplates[name] as Spec);
  BUILTIN.set(name, template);
  return template;
}

/** Helpers and the built-in partials (a user's partials of the same name replace them). */
function setUp(env: Env): Env {
  for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn as HandlebarsNs.HelperDelegate);
  for (const [name, spec] of Object.entries(builtinPartials)) {
    env.registerPartial(name, named(env.template(spec as Spec), `templates/partials/${name}.hbs`));
  }
  return env;
}

/**
 * Parsed now (syntax errors show here, with their file) and compiled strictly (a partial
 * registered as text would be compiled later, and not strict).
 */
function compile(env: Env, source: string, ctx: ErrorContext): Compiled {
  try {
    env.parse(source);
  } catch (e) {
    throw templateError(e, ctx);
  }
  return env.compile(source, OPTIONS);
}

/** A partial whose failures say they came from its file. */
function named(fn: Compiled, file: string): Compiled {
  return (context, options) => {
    try {
      return fn(context, options);
    } catch (e) {
      throw tagOrigin(e, file);
    }
  };
}

function readTemplate(choice: { file: string; from?: { config: string; value: string } }): string {
  try {
    return readTextFile(choice.file, "Handlebars template");
  } catch (e) {
    if (!(e instanceof WeeklyError) || !choice.from) throw e;
    const why = e.diagnostics[0]?.message ?? e.message;
    throw new UserError({
      severity: "error",
      file: choice.from.config,
      message: `template: ${choice.from.value}: ${why}`,
    });
  }
}

function run(render: () => string, ctx: ErrorContext): string {
  try {
    return render();
  } catch (e) {
    throw e instanceof WeeklyError ? e : templateError(e, ctx);
  }
}

/** Every field name in the model, and the helpers: what a misspelt name can be matched against. */
function namesOf(model: unknown): string[] {
  const names = new Set<string>(Object.keys(helpers));
  const walk = (v: unknown, depth: number) => {
    if (depth > 6 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) return v.slice(0, 3).forEach((x) => walk(x, depth + 1));
    for (const [k, x] of Object.entries(v)) {
      names.add(k);
      walk(x, depth + 1);
    }
  };
  walk(model, 0);
  return [...names];
}
