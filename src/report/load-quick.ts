// The report of a file where only a valid one is of use, read fast (js-yaml): the team roll-up
// reads hundreds. Its own file, so that commands reading one report never load js-yaml.
import type { Diagnostic } from "../core/diagnostic.js";
import { UserError } from "../core/errors.js";
import { quickYamlData } from "../io/quick-yaml.js";
import { readTextFile } from "../io/read-text.js";
import { parseReport } from "./load.js";
import { Report } from "./schema.js";

/**
 * The report of a file where only a valid one is of use (the team roll-up reads hundreds): the
 * quick parser when it can; the full load, with every problem at its line, when it cannot or
 * when the file is not a valid report.
 */
export function loadReportQuick(file: string): { report?: Report; problems: Diagnostic[] } {
  let text: string;
  try {
    text = readTextFile(file, "report file (YAML)");
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { problems: [...e.diagnostics] };
  }
  const data = text.trim() === "" ? undefined : quickYamlData(text);
  const checked = data === undefined ? undefined : Report.safeParse(data);
  return checked?.success ? { report: checked.data, problems: [] } : parseReport(text, file);
}
