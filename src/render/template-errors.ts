// A template's failure as one line: which file (the partial's own, when it was a partial),
// where, what was wrong, and the fix: the nearest field name for a misspelt one, where an
// unclosed block opened, what a helper takes.
import { UserError } from "../core/errors.js";
import { closest } from "../core/suggest.js";
import { unclosedBlock } from "./blocks.js";
import { HelperError } from "./helper-args.js";

/** The file each error came from: the innermost template that saw it (a partial inside a template). */
const origins = new WeakMap<object, string>();

export function tagOrigin(e: unknown, file: string): unknown {
  if (e && typeof e === "object" && !origins.has(e)) origins.set(e, file);
  return e;
}

export interface ErrorContext {
  /** The template that ran, when the error names no partial. */
  file: string;
  /** Template sources by file, to find unclosed blocks. */
  sources: ReadonlyMap<string, string>;
  /** Every field name of the model and every helper: what a misspelt name may have meant. */
  names: readonly string[];
  partials: readonly string[];
}

export function templateError(e: unknown, ctx: ErrorContext): UserError {
  const file = (e && typeof e === "object" ? origins.get(e) : undefined) ?? ctx.file;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof HelperError) return at(file, e.line, e.col, e.message);
  const partial = /^The partial (\S+) could not be found/.exec(msg);
  if (partial) {
    const there = `there are ${ctx.partials.join(", ")} and the *.hbs files in partials/ beside your template`;
    return at(file, undefined, undefined, `no partial "${partial[1]}"; ${there}`);
  }
  const onText = /^Cannot use 'in' operator to search for '([^']+)'/.exec(msg);
  if (onText) {
    return at(
      file,
      undefined,
      undefined,
      `"${onText[1]}" is looked up inside a text, which has no fields; ${SEE_MODEL}`,
    );
  }
  const parse = /^Parse error on line (\d+):[\s\S]*?\n(Expecting [^\n]*|[^\n]*)$/.exec(msg);
  if (parse) return syntaxError(file, Number(parse[1]), parse[2]!.trim(), ctx.sources.get(file));
  const strict = /^"([^"]+)" not defined in [^-]* - (\d+):(\d+)/.exec(msg);
  if (strict) {
    const hint = closest(strict[1]!, ctx.names);
    const meant = hint ? `did you mean "${hint}"? ` : "";
    return at(
      file,
      Number(strict[2]),
      Number(strict[3]) + 1,
      `"${strict[1]}" is neither in the model nor a helper; ${meant}${SEE_MODEL}`,
    );
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(msg);
  if (mismatch) {
    return at(
      file,
      Number(mismatch[3]),
      Number(mismatch[4]) + 1,
      `{{/${mismatch[2]}}} closes a {{#${mismatch[1]}}} block`,
    );
  }
  return at(file, undefined, undefined, `template error: ${msg.split("\n")[0]}`);
}

const SEE_MODEL = "see the model with `weekly render --context`";

function syntaxError(file: string, line: number, expecting: string, source: string | undefined): UserError {
  const open = /got 'EOF'/.test(expecting) && source !== undefined ? unclosedBlock(source) : undefined;
  if (open) {
    return at(
      file,
      open.line,
      open.col,
      `template syntax error: {{#${open.name}}} is never closed (write {{/${open.name}}} after its content)`,
    );
  }
  return at(file, line, undefined, `template syntax error: ${expecting}`);
}

function at(file: string, line: number | undefined, col: number | undefined, message: string): UserError {
  return new UserError({ severity: "error", file, ...(line === undefined ? {} : { line, col }), message });
}
