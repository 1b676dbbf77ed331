// Read a model back from `weekly render --context` output, for --from-context.
import { UserError } from "../errors.js";
import { readTextFile } from "../io/read-text.js";
import { MODEL_FORMAT, type ReportModel } from "./types.js";

export function readContext(file: string): ReportModel {
  const text = readTextFile(file, "context file (JSON from weekly render --context)");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const where = m ? `:${lineCol(text, Number(m[1]))}` : "";
    throw new UserError(`${file}${where}: not valid JSON: ${(e as Error).message.split("\n")[0]}`);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== MODEL_FORMAT) {
    throw new UserError(
      `${file}: not a report model (its "format" is ${JSON.stringify(format ?? null)}, expected "${MODEL_FORMAT}"); make one with weekly render --context`,
    );
  }
  return data as ReportModel;
}

function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}
