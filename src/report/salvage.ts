// What of a report the schema refused can still be checked: each refused part stands in for by
// a quiet placeholder (so that list positions, and with them line numbers, stay), until the rest
// validates. Only for reporting problems: a salvaged report is never rendered or written.
import { formatPath } from "../core/diagnostic.js";
import { Report } from "./schema.js";

/** Stand-ins that validate and draw no lint warning: no ticket, no text, no footnote. */
const ITEM_STAND_IN: Record<string, () => unknown> = {
  sections: () => ({ title: "\u0000", progress: "none", entries: [] }),
  entries: () => ({ label: "\u0000", progress: "none" }),
  trailers: () => ({ title: "\u0000", text: "" }),
};
const TEXT_LISTS = new Set(["notes", "todo", "patches", "issues", "events", "tickets"]);
const ROUNDS = 20;

type Path = PropertyKey[];

export function salvageReport(data: unknown): { report: Report; replaced: Path[] } | undefined {
  const copy: { root: unknown } = { root: structuredClone(data) };
  const replaced: Path[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const result = Report.safeParse(copy.root);
    if (result.success) return replaced.length ? { report: result.data, replaced } : undefined;
    const before = replaced.length;
    for (const issue of result.error.issues) {
      const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      for (const path of paths) {
        const target = nextTarget(path, replaced);
        if (!target) continue;
        standIn(copy, target, replaced.length);
        replaced.push(target);
      }
    }
    if (replaced.length === before) return undefined; // nothing more to stand in for
  }
  return undefined;
}

/** The path itself the first time; after that the nearest list item around it not yet replaced. */
function nextTarget(path: readonly PropertyKey[], replaced: readonly Path[]): Path | undefined {
  const done = (p: readonly PropertyKey[]) =>
    replaced.some((r) => r.length === p.length && r.every((k, i) => p[i] === k));
  if (path.length > 0 && !done(path)) return [...path];
  for (let n = path.length - 1; n > 0; n--) {
    if (typeof path[n - 1] === "number" && !done(path.slice(0, n))) return path.slice(0, n);
  }
  return undefined;
}

function standIn(copy: { root: unknown }, path: Path, n: number): void {
  let parent: unknown = copy;
  for (const k of ["root", ...path.slice(0, -1)]) {
    parent = parent && typeof parent === "object" ? (parent as Record<PropertyKey, unknown>)[k] : undefined;
  }
  const last = path.at(-1)!;
  if (Array.isArray(parent) && typeof last === "number") {
    const list = String(path.at(-2) ?? "");
    parent[last] = ITEM_STAND_IN[list]?.() ?? (TEXT_LISTS.has(list) ? "" : {});
  } else if (parent && typeof parent === "object") {
    const fields = parent as Record<PropertyKey, unknown>;
    // A bad key is a ticket all the same (it may be reported twice): a unique stand-in keeps it one.
    if (last === "ticket") fields[last] = `ZZINVALID-${n + 1}`;
    else delete fields[last];
  }
}

/**
 * Whether a finding is about a part that was stood in for, or about what holds it (an entry whose
 * misspelt `notez:` was dropped is not "an entry with nothing to say"): such findings are not shown.
 */
export function inReplaced(path: string | undefined, replaced: readonly Path[]): boolean {
  if (path === undefined) return false;
  const within = (inner: string, outer: string) =>
    outer === "" || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return replaced.some((r) => within(path, formatPath(r)) || within(formatPath(r), path));
}
