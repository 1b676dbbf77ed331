// weekly check FILE...: every problem of every file, one line each; exit 1 on any error.
import { type Diagnostic, errorsOf } from "../core/diagnostic.js";
import { JiraError, ProblemsFound, UsageError } from "../core/errors.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { checkReport, isValid, type ValidReport } from "../report/check.js";
import { defaultReport } from "../report/files.js";

export interface CheckOptions {
  files: string[];
  config?: string;
  strict?: boolean;
  /** Also ask Jira: every ticket must exist (unknown keys are errors). */
  jira?: boolean;
  jiraUrl?: string;
}

export async function checkCommand(io: Io, opts: CheckOptions): Promise<void> {
  const files = opts.files.length ? opts.files : [defaultReport(io, opts.config, "check")];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const checked = checkReport(io.cwd, file, opts.config, io.env);
    const problems =
      opts.jira && isValid(checked)
        ? [...checked.problems, ...(await checkWithJira(io, checked, opts.jiraUrl))]
        : checked.problems;
    printDiagnostics(io, problems);
    errors += errorsOf(problems).length;
    warnings += problems.filter((p) => p.severity === "warning").length;
  }
  const failing = errors + (opts.strict ? warnings : 0);
  const counts = `${errors} error${s(errors)}, ${warnings} warning${s(warnings)}`;
  const summary = `${files.length} file${s(files.length)} checked: ${counts}`;
  if (failing > 0) {
    io.stderr.write(`${summary}${opts.strict && warnings && !errors ? " (--strict: warnings fail)" : ""}\n`);
    throw new ProblemsFound(failing);
  }
  io.stdout.write(`${summary}\n`);
}

async function checkWithJira(io: Io, checked: ValidReport, jiraUrl?: string): Promise<Diagnostic[]> {
  // Loaded only for --jira: a plain check needs none of the Jira side.
  const { enrichReport } = await import("../jira/enrich.js");
  const enriched = await enrichReport(io, checked, { unknownIs: "error", jiraUrl });
  if (!enriched.site)
    throw new UsageError("check --jira needs a Jira site: jira.url in weekly.config.yaml, or JIRA_URL");
  if (!enriched.asked && enriched.stale.length > 0) {
    throw new UsageError("check --jira needs Jira credentials: JIRA_API_TOKEN (with JIRA_USER on Cloud), or ~/.netrc");
  }
  // A ticket that an earlier answer of Jira (the cache) knows is known; the others cannot be checked.
  const unverified = enriched.stale.filter((k) => !enriched.facts.has(k));
  if (unverified.length > 0) {
    printDiagnostics(
      io,
      enriched.problems.filter((p) => p.file === undefined),
    ); // the warning that says why
    throw new JiraError(`could not check ${unverified.join(", ")} against Jira (see the warning above)`);
  }
  return enriched.problems;
}

const s = (n: number) => (n === 1 ? "" : "s");
