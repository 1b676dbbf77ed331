// read → validate for one report file: the config that applies to it, the report, and every
// problem (schema and cross-field), each placed at file:line:col as the user names the file.
import { dirname, resolve } from "node:path";
import { byPosition, type Diagnostic } from "../core/diagnostic.js";
import { type LoadedConfig, loadConfig } from "../config/load.js";
import { displayPath } from "../io/paths.js";
import type { ParsedYaml } from "../io/yaml.js";
import { lintReport } from "./lint.js";
import { loadReport } from "./load.js";
import { inReplaced } from "./salvage.js";
import type { Report } from "./schema.js";
import { dateFromFileName } from "./week.js";

export interface CheckedReport {
  /** The file as messages name it. */
  file: string;
  /** The absolute path. */
  path: string;
  loaded: LoadedConfig;
  /** Set when the file is valid (it may still have warnings). */
  report?: Report;
  weekEnding?: string;
  problems: Diagnostic[];
  locate: ParsedYaml["locate"];
}

/** A checked report that loaded: what later stages take. */
export type ValidReport = CheckedReport & { report: Report; weekEnding: string };

export const isValid = (c: CheckedReport): c is ValidReport => c.report !== undefined && c.weekEnding !== undefined;

/** Load and check one report file; `configPath` is --config; `env` finds the user's own config. */
export function checkReport(cwd: string, file: string, configPath?: string, env?: NodeJS.ProcessEnv): CheckedReport {
  const path = resolve(cwd, file);
  const shown = displayPath(cwd, path);
  const loaded = loadConfig({ cwd, explicit: configPath, near: [dirname(path)], env });
  const result = loadReport(path);
  const named = (ds: Diagnostic[]) => byPosition(ds.map((d) => ({ ...d, file: shown })));
  const base = { file: shown, path, loaded, locate: result.locate };
  if (!result.report) {
    // The rest of the file, checked across fields too: one run shows every problem there is.
    const rest = result.salvaged;
    const lint = rest
      ? lintReport(rest.report, { file: path, locate: result.locate, weekEndsOn: loaded.config.week_ends_on })
      : [];
    const found = lint.filter((d) => !inReplaced(d.path, rest?.replaced ?? []));
    return { ...base, problems: named([...result.problems, ...found]) };
  }
  const lint = lintReport(result.report, { file: path, locate: result.locate, weekEndsOn: loaded.config.week_ends_on });
  const weekEnding = result.report.week_ending ?? dateFromFileName(path);
  return { ...base, report: result.report, weekEnding, problems: named([...result.problems, ...lint]) };
}
