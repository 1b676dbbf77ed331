// The arguments each helper takes, checked before it runs: a helper called wrongly says what it
// takes, at the template's line, instead of leaking JavaScript ("urls.join is not a function").

export type ArgKind = "text" | "text?" | "list" | "any";

/** A helper called with the wrong arguments; carries the template position Handlebars gave it. */
export class HelperError extends Error {
  override name = "HelperError";
  constructor(
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
  }
}

interface HelperOptions {
  loc?: { start?: { line?: number; column?: number } };
  name?: string;
}

const isOptions = (v: unknown): v is HelperOptions =>
  typeof v === "object" && v !== null && "lookupProperty" in v && "hash" in v;

/**
 * `fn` behind a check of its arguments against `kinds` (at most three); `usage` is how to call it.
 * A render calls helpers thousands of times: the arguments are named parameters (a rest array or a
 * spread would be made on every call), `arguments` is only counted, and read only past the fourth.
 */
export function checked(name: string, kinds: readonly ArgKind[], usage: string, fn: (...args: never[]) => unknown) {
  if (kinds.length > 3) throw new Error(`{{${name}}}: a helper takes at most three arguments`);
  const needed = kinds.filter((k) => !k.endsWith("?")).length;
  const call = fn as (...args: unknown[]) => unknown;
  return function (this: unknown, a0?: unknown, a1?: unknown, a2?: unknown, a3?: unknown) {
    const count = arguments.length;
    const last = count === 1 ? a0 : count === 2 ? a1 : count === 3 ? a2 : count === 4 ? a3 : tail(arguments);
    const options = isOptions(last) ? last : undefined;
    const n = options ? count - 1 : count;
    const a = n > 0 ? a0 : undefined;
    const b = n > 1 ? a1 : undefined;
    const c = n > 2 ? a2 : undefined;
    const problem =
      n < needed || n > kinds.length ? `was given ${n} argument${n === 1 ? "" : "s"}` : mismatch(a, b, c, kinds);
    if (problem) {
      const at = options?.loc?.start;
      throw new HelperError(
        `{{${name}}} ${problem}; it takes ${usage}`,
        at?.line,
        at?.column === undefined ? undefined : at.column + 1,
      );
    }
    if (n === 0) return call();
    if (n === 1) return call(a);
    return n === 2 ? call(a, b) : call(a, b, c);
  };
}

/** The last of more than four arguments (a wrong call: the slow way is good enough). */
const tail = (all: IArguments): unknown => (all.length > 0 ? all[all.length - 1] : undefined);

/** What is wrong with the arguments a, b, c (those not given are undefined), if anything. */
function mismatch(a: unknown, b: unknown, c: unknown, kinds: readonly ArgKind[]): string | undefined {
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!;
    const v = i === 0 ? a : i === 1 ? b : c;
    if ((v === undefined || v === null) && kind === "text?") continue;
    if ((kind === "text" || kind === "text?") && typeof v !== "string" && typeof v !== "number") {
      return `was given ${describe(v)} as argument ${i + 1}, where it wants text`;
    }
    if (kind === "list" && !(Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"))) {
      return `was given ${describe(v)} as argument ${i + 1}, where it wants a list of text`;
    }
  }
  return undefined;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `the ${typeof v} ${JSON.stringify(v)}`;
}
