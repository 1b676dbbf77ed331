// read → validate → enrich → model for one report file: what render and send share.
import { resolve } from "node:path";
import type { LoadedConfig } from "../config/load.js";
import type { Config } from "../config/schema.js";
import { errorsOf, hasErrors } from "../core/diagnostic.js";
import { ProblemsFound } from "../core/errors.js";
import { enrichReport } from "../jira/enrich.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { displayPath } from "../io/paths.js";
import { buildModel } from "../model/build.js";
import type { TemplateChoice, TextFormat } from "../render/render.js";
import type { ReportModel } from "../model/schema.js";
import { checkReport, isValid } from "../report/check.js";
import { defaultReport } from "../report/files.js";

export interface PrepareOptions {
  /** The report file; default: this week's. */
  file?: string;
  config?: string;
  strict?: boolean;
  showStatus?: boolean;
  offline?: boolean;
  refresh?: boolean;
  jiraUrl?: string;
}

export interface Prepared {
  model: ReportModel;
  reportFile: string;
  config: Config;
  /** Where the config came from, and whether you chose it (credentials go only where you said). */
  loaded: LoadedConfig;
  /** The config's own template (text and eml), resolved; undefined for the built-in one. */
  configTemplate?: string;
}

/**
 * The template to render with: -t FILE, else the config's `template:` (text and eml only; a
 * missing one is named with the config it came from), else the built-in one for the format.
 */
export function chooseTemplate(
  io: Io,
  flag: string | undefined,
  format: TextFormat,
  prepared?: Prepared,
): TemplateChoice {
  if (flag) return { file: resolve(io.cwd, flag) };
  const value = prepared?.config.template;
  if (format === "text" && prepared?.configTemplate && value) {
    const config = prepared.loaded.file ? displayPath(io.cwd, prepared.loaded.file) : "weekly.config.yaml";
    return { file: prepared.configTemplate, from: { config, value } };
  }
  return { format };
}

/** How the command names itself: in "weekly render FILE", and in "not rendered: --strict, ...". */
export interface Wording {
  command: string;
  refusal: string;
}

/** Problems go to stderr as they are found; errors (and warnings with --strict) stop here. */
export async function prepareModel(io: Io, opts: PrepareOptions, { command, refusal }: Wording): Promise<Prepared> {
  const reportFile = resolve(io.cwd, opts.file ?? defaultReport(io, opts.config, command));
  const checked = checkReport(io.cwd, reportFile, opts.config, io.env);
  printDiagnostics(io, checked.problems);
  const failing = opts.strict ? checked.problems.length : errorsOf(checked.problems).length;
  if (failing > 0 || !isValid(checked)) {
    if (!hasErrors(checked.problems))
      io.stderr.write(`${refusal}: --strict, and ${failing} warning${failing === 1 ? "" : "s"}\n`);
    throw new ProblemsFound(failing);
  }
  const enriched = await enrichReport(io, checked, {
    offline: opts.offline,
    refresh: opts.refresh,
    jiraUrl: opts.jiraUrl,
    unknownIs: "warning",
  });
  printDiagnostics(io, enriched.problems);
  if (opts.strict && enriched.problems.length > 0) {
    const n = enriched.problems.length;
    io.stderr.write(`${refusal}: --strict, and ${n} warning${n === 1 ? "" : "s"} from Jira\n`);
    throw new ProblemsFound(n);
  }
  const { config, dir } = checked.loaded;
  const showStatus = opts.showStatus ?? config.show_status;
  if (showStatus && !enriched.asked && enriched.stale.length > 0) {
    io.stderr.write("note: no Jira status to show: Jira is not asked (no jira.url / JIRA_URL, or no credentials)\n");
  }
  const model = buildModel(checked.report, config, {
    weekEnding: checked.weekEnding,
    facts: enriched.facts,
    site: enriched.site,
    showStatus,
  });
  const configTemplate = config.template ? resolve(dir, config.template) : undefined;
  return { model, reportFile, config, loaded: checked.loaded, configTemplate };
}
