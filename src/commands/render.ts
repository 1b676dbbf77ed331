// weekly render: read → validate → (enrich) → model → render → deliver.
import { resolve } from "node:path";
import { ProblemsFound, UsageError } from "../errors.js";
import { emit, printProblems, type Io } from "../io/output.js";
import { buildModel } from "../model/build.js";
import { hasErrors } from "../report/problems.js";
import { readContext } from "../model/context.js";
import type { ReportModel } from "../model/types.js";
import { renderModel, type TemplateChoice, type TextFormat } from "../render/render.js";
import { composeEml } from "../render/eml.js";
import { latestReport, readReport } from "./common.js";
import { enrichReport } from "./enrich.js";

export interface RenderOptions {
  file?: string;
  config?: string;
  format?: string;
  template?: string;
  context?: boolean;
  fromContext?: string;
  output?: string;
  force?: boolean;
  strict?: boolean;
  showStatus?: boolean;
  offline?: boolean;
  refresh?: boolean;
}

const FORMATS = ["text", "md", "eml"] as const;
type Format = (typeof FORMATS)[number];

export async function renderCommand(io: Io, opts: RenderOptions): Promise<void> {
  const format = (opts.format ?? "text") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${opts.format}"`);
  if (opts.fromContext && opts.file) throw new UsageError("give a report file or --from-context FILE, not both");
  if (opts.fromContext && opts.context) throw new UsageError("--context and --from-context do not go together");
  if (opts.offline && opts.refresh) throw new UsageError("--offline and --refresh do not go together");
  if (opts.template && format === "md") throw new UsageError("--template replaces the built-in template: -f md has no effect with it (-f eml wraps your template's text in an email)");

  let model: ReportModel;
  let configTemplate: string | undefined;
  if (opts.fromContext) {
    model = readContext(resolve(io.cwd, opts.fromContext));
  } else {
    const reportFile = resolve(io.cwd, opts.file ?? latestReport(io, opts.config, "render"));
    if (opts.output !== undefined && opts.output !== "-" && resolve(io.cwd, opts.output) === reportFile) {
      throw new UsageError(`-o ${opts.output} would overwrite the report itself; name another file`);
    }
    const checked = readReport(io, reportFile, opts.config);
    printProblems(io, checked.problems);
    const failing = checked.problems.filter((p) => p.severity === "error" || opts.strict);
    if (failing.length > 0 || !checked.report || !checked.weekEnding) {
      if (!hasErrors(checked.problems)) io.stderr.write(`not rendered: --strict, and ${failing.length} warning${failing.length === 1 ? "" : "s"}\n`);
      throw new ProblemsFound(failing.length);
    }
    const { report } = checked;
    const enriched = await enrichReport(io, { ...checked, report }, { offline: opts.offline, refresh: opts.refresh, unknownIs: "warning" });
    printProblems(io, enriched.problems);
    if (opts.strict && enriched.problems.length > 0) throw new ProblemsFound(enriched.problems.length);
    if ((opts.showStatus ?? checked.loaded.config.show_status) && !enriched.asked && enriched.stale.length > 0) {
      io.stderr.write("note: no Jira status to show: Jira is not asked (no jira.url / JIRA_URL, or no credentials)\n");
    }
    const { config, dir } = checked.loaded;
    model = buildModel(report, config, {
      weekEnding: checked.weekEnding,
      facts: enriched.facts,
      site: enriched.site,
      showStatus: opts.showStatus ?? config.show_status,
    });
    if (config.template && format !== "md") configTemplate = resolve(dir, config.template);
  }

  const output = opts.output;
  if (output === "") throw new UsageError("-o needs a file name (or - for stdout)");
  if (opts.context) {
    emit(io, `${JSON.stringify(model, null, 2)}\n`, output, opts.force);
    return;
  }
  const file = opts.template ? resolve(io.cwd, opts.template) : configTemplate;
  const textFormat: TextFormat = format === "md" ? "md" : "text";
  const choice: TemplateChoice = file ? { file } : { format: textFormat };
  if (format !== "eml") return emit(io, await renderModel(model, choice), output, opts.force);
  // In an email the headers are the message's own: the body is the report without them.
  const body = await renderModel({ ...model, headers: [] }, choice);
  emit(io, await composeEml(model, body, { date: io.now() }), output, opts.force);
}
