// weekly render: read → validate → (enrich) → model → render → deliver.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { emit, type Io } from "../io/output.js";
import { readContext } from "../model/context.js";
import type { ReportModel } from "../model/types.js";
import { renderModel, type TemplateChoice, type TextFormat } from "../render/render.js";
import { renderEmail } from "../render/eml.js";
import { latestReport } from "./common.js";
import { prepareModel } from "./prepare.js";

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

/** Whether two paths name one file (through symlinks too). */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

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
    if (opts.output !== undefined && opts.output !== "-" && sameFile(resolve(io.cwd, opts.output), reportFile)) {
      throw new UsageError(`-o ${opts.output} would overwrite the report itself; name another file`);
    }
    const prepared = await prepareModel(io, { ...opts, file: reportFile }, "render");
    model = prepared.model;
    if (format !== "md") configTemplate = prepared.configTemplate;
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
  emit(io, await renderEmail(model, choice, io.now()), output, opts.force);
}
