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

/** `fn` behind a check of its arguments against `kinds`; `usage` is how to call it. */
export function checked(name: string, kinds: readonly ArgKind[], usage: string, fn: (...args: never[]) => unknown) {
  return function (this: unknown, ...all: unknown[]) {
    const options = isOptions(all.at(-1)) ? (all.pop() as HelperOptions) : undefined;
    const problem = mismatch(all, kinds);
    if (problem) {
      const at = options?.loc?.start;
      throw new HelperError(
        `{{${name}}} ${problem}; it takes ${usage}`,
        at?.line,
        at?.column === undefined ? undefined : at.column + 1,
      );
    }
    return (fn as (...args: unknown[]) => unknown)(...all);
  };
}

function mismatch(args: readonly unknown[], kinds: readonly ArgKind[]): string | undefined {
  const needed = kinds.filter((k) => !k.endsWith("?")).length;
  if (args.length < needed || args.length > kinds.length) {
    return `was given ${args.length} argument${args.length === 1 ? "" : "s"}`;
  }
  for (const [i, kind] of kinds.entries()) {
    const v = args[i];
    if ((v === undefined || v === null) && kind.endsWith("?")) continue;
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
