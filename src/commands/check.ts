// weekly check FILE...: every problem of every file, one line each; exit 1 on any error.
import { ProblemsFound, UsageError } from "../errors.js";
import { printProblems, type Io } from "../io/output.js";
import { readReport } from "./common.js";

export interface CheckOptions {
  files: string[];
  config?: string;
  strict?: boolean;
}

export async function checkCommand(io: Io, opts: CheckOptions): Promise<void> {
  if (opts.files.length === 0) throw new UsageError("name at least one report file: weekly check reports/*.yaml");
  let errors = 0;
  let warnings = 0;
  for (const file of opts.files) {
    const { problems } = readReport(io, file, opts.config);
    printProblems(io, problems);
    for (const p of problems) p.severity === "error" ? errors++ : warnings++;
  }
  const failing = errors + (opts.strict ? warnings : 0);
  const summary = `${opts.files.length} file${s(opts.files.length)} checked: ${errors} error${s(errors)}, ${warnings} warning${s(warnings)}`;
  if (failing > 0) {
    io.stderr.write(`${summary}${opts.strict && warnings && !errors ? " (--strict: warnings fail)" : ""}\n`);
    throw new ProblemsFound(failing);
  }
  io.stdout.write(`${summary}\n`);
}

const s = (n: number) => (n === 1 ? "" : "s");
