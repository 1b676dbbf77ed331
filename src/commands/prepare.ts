// read → validate → enrich → model for one report file: what render and send share.
import { resolve } from "node:path";
import type { Config } from "../config/schema.js";
import { ProblemsFound } from "../errors.js";
import { printProblems, type Io } from "../io/output.js";
import { buildModel } from "../model/build.js";
import type { ReportModel } from "../model/types.js";
import { hasErrors } from "../report/problems.js";
import { latestReport, readReport } from "./common.js";
import { enrichReport } from "./enrich.js";

export interface PrepareOptions {
  /** The report file; default: the newest in reports_dir. */
  file?: string;
  config?: string;
  strict?: boolean;
  showStatus?: boolean;
  offline?: boolean;
  refresh?: boolean;
}

export interface Prepared {
  model: ReportModel;
  reportFile: string;
  config: Config;
  /** The config's own template (text and eml), resolved; undefined for the built-in one. */
  configTemplate?: string;
}

/** Problems go to stderr as they are found; errors (and warnings with --strict) stop here. */
export async function prepareModel(io: Io, opts: PrepareOptions, command: string): Promise<Prepared> {
  const reportFile = resolve(io.cwd, opts.file ?? latestReport(io, opts.config, command));
  const checked = readReport(io, reportFile, opts.config);
  printProblems(io, checked.problems);
  const failing = checked.problems.filter((p) => p.severity === "error" || opts.strict);
  if (failing.length > 0 || !checked.report || !checked.weekEnding) {
    if (!hasErrors(checked.problems)) io.stderr.write(`not ${command === "send" ? "sent" : "rendered"}: --strict, and ${failing.length} warning${failing.length === 1 ? "" : "s"}\n`);
    throw new ProblemsFound(failing.length);
  }
  const { report } = checked;
  const enriched = await enrichReport(io, { ...checked, report }, { offline: opts.offline, refresh: opts.refresh, unknownIs: "warning" });
  printProblems(io, enriched.problems);
  const jiraWarnings = enriched.problems.length + enriched.warnings;
  if (opts.strict && jiraWarnings > 0) {
    io.stderr.write(`not ${command === "send" ? "sent" : "rendered"}: --strict, and ${jiraWarnings} warning${jiraWarnings === 1 ? "" : "s"} from Jira\n`);
    throw new ProblemsFound(jiraWarnings);
  }
  const { config, dir } = checked.loaded;
  const showStatus = opts.showStatus ?? config.show_status;
  if (showStatus && !enriched.asked && enriched.stale.length > 0) {
    io.stderr.write("note: no Jira status to show: Jira is not asked (no jira.url / JIRA_URL, or no credentials)\n");
  }
  const model = buildModel(report, config, { weekEnding: checked.weekEnding, facts: enriched.facts, site: enriched.site, showStatus });
  return { model, reportFile, config, configTemplate: config.template ? resolve(dir, config.template) : undefined };
}
