// Read a model back from `weekly render --context` output, for --from-context: parsed with the
// model's schema, so a wrong field is named by its JSON path, never blamed on a template.
import { UserError } from "../core/errors.js";
import { readTextFile } from "../io/read-text.js";
import { kind } from "../io/validate.js";
import { MODEL_FORMAT, ReportModel } from "./schema.js";

export function readContext(file: string): ReportModel {
  const text = readTextFile(file, "context file (JSON from weekly render --context)");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? lineCol(text, Number(m[1])) : {};
    throw new UserError({
      severity: "error",
      file,
      ...at,
      message: `not valid JSON: ${(e as Error).message.split("\n")[0]}`,
    });
  }
  const format = data && typeof data === "object" && "format" in data ? data.format : undefined;
  if (format !== MODEL_FORMAT) {
    const found = JSON.stringify(format ?? null);
    const message =
      `not a report model (its "format" is ${found}, expected "${MODEL_FORMAT}"); ` +
      "make one with weekly render --context";
    throw new UserError({ severity: "error", file, message });
  }
  const parsed = ReportModel.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new UserError(
    parsed.error.issues.slice(0, 5).map((issue) => ({
      severity: "error" as const,
      file,
      path: jsonPath(issue.path),
      message:
        issue.code === "unrecognized_keys"
          ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`
          : describe(issue, data),
    })),
  );
}

function describe(issue: { message: string; path: PropertyKey[] }, data: unknown): string {
  let v: unknown = data;
  for (const seg of issue.path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return `${issue.message.replace(/^Invalid input: /, "")}, got ${kind(v)}`;
}

/** `$.sections[0].entries[2].summary` */
function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, col: before.at(-1)!.length + 1 };
}
