// weekly render: read → validate → (enrich) → model → render → deliver (stdout or -o FILE).
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../core/errors.js";
import type { Io } from "../io/output.js";
import { emit } from "../io/write-atomic.js";
import { renderModel } from "../render/render.js";
import { defaultReport } from "../report/files.js";
import { chooseTemplate, type Prepared, prepareModel } from "./prepare.js";

export interface RenderOptions {
  file?: string;
  config?: string;
  format: "text" | "md" | "eml";
  template?: string;
  context?: boolean;
  fromContext?: string;
  output?: string;
  force?: boolean;
  strict?: boolean;
  showStatus?: boolean;
  offline?: boolean;
  refresh?: boolean;
  jiraUrl?: string;
}

export async function renderCommand(io: Io, opts: RenderOptions): Promise<void> {
  if (opts.fromContext && opts.file) throw new UsageError("give a report file or --from-context FILE, not both");
  if (opts.template && opts.format === "md") {
    throw new UsageError(
      "--template replaces the built-in template: -f md has no effect with it " +
        "(-f eml wraps your template's text in an email)",
    );
  }
  const prepared = opts.fromContext ? undefined : await fromReport(io, opts);
  const model =
    prepared?.model ?? (await import("../model/context.js")).readContext(resolve(io.cwd, opts.fromContext!));
  if (opts.context) return emit(io, `${JSON.stringify(model, null, 2)}\n`, opts.output, opts.force);
  const choice = chooseTemplate(io, opts.template, opts.format === "md" ? "md" : "text", prepared);
  if (opts.format === "text" && "format" in choice && model.mail.from === null) {
    io.stderr.write("warning: no sender: the From: line is empty; set from: in weekly.config.yaml (or the report)\n");
  }
  const text =
    opts.format === "eml"
      ? await (await import("../render/eml.js")).renderEmail(model, choice, io.now(), prepared?.config.timezone)
      : await renderModel(model, choice);
  emit(io, text, opts.output, opts.force);
}

async function fromReport(io: Io, opts: RenderOptions): Promise<Prepared> {
  const reportFile = resolve(io.cwd, opts.file ?? defaultReport(io, opts.config, "render"));
  if (opts.output !== undefined && opts.output !== "-" && sameFile(resolve(io.cwd, opts.output), reportFile)) {
    throw new UsageError(`-o ${opts.output} would overwrite the report itself; name another file`);
  }
  return prepareModel(io, { ...opts, file: reportFile }, { command: "render", refusal: "not rendered" });
}

/** Whether two paths name one file (through symlinks too). */
function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}
