// weekly push [FILE]: read → validate → the week's comments, moves and worklogs per ticket → plan
// against what Jira has (nothing written while any problem stands) → ask (or --yes) → write →
// what went through. --dry-run prints the plan and every body and writes nothing.
import { resolve } from "node:path";
import { type Diagnostic, errorsOf, formatPath } from "../core/diagnostic.js";
import { JiraError, ProblemsFound, UserError } from "../core/errors.js";
import { applyPlan } from "../deliver/push/apply.js";
import { confirm } from "../deliver/confirm.js";
import { type PushItem, pushItems } from "../deliver/push/entries.js";
import { planPush } from "../deliver/push/plan.js";
import { planSummary, planTable, resultTable } from "../deliver/push/table.js";
import { type Io, printDiagnostics } from "../io/output.js";
import { withFileLock } from "../io/lock.js";
import { displayPath } from "../io/paths.js";
import { describeFailure } from "../jira/failures.js";
import { connectWriter } from "../jira/push-site.js";
import { exposedNetrcWarning, plainHttpWarning, setupFor } from "../jira/setup.js";
import { failureOf, RequestFailure } from "../jira/transport.js";
import { checkReport, isValid, type ValidReport } from "../report/check.js";
import { defaultReport } from "../report/files.js";

export interface PushOptions {
  file?: string;
  config?: string;
  jiraUrl?: string;
  dryRun?: boolean;
  yes?: boolean;
  tty?: boolean;
}

/** Tickets written (and looked at) at once; each ticket's own requests go one after another. */
const PARALLEL = 15;

export async function pushCommand(io: Io, opts: PushOptions): Promise<void> {
  const file = resolve(io.cwd, opts.file ?? defaultReport(io, opts.config, "push"));
  const checked = checkReport(io.cwd, file, opts.config, io.env);
  printDiagnostics(io, errorsOf(checked.problems));
  if (!isValid(checked)) throw new ProblemsFound(errorsOf(checked.problems).length);
  const setup = setupFor(io, checked.loaded, opts.jiraUrl);
  if (!setup) throw new UserError("weekly push needs a Jira site: set jira.url in weekly.config.yaml, or JIRA_URL");
  if (!setup.credentials) {
    const what = "set JIRA_API_TOKEN (and JIRA_USER for Jira Cloud), or a ~/.netrc entry (see README)";
    throw new UserError(`no credentials for ${new URL(setup.url).host}: ${what}`);
  }
  printDiagnostics(
    io,
    [...setup.notices, plainHttpWarning(setup), exposedNetrcWarning(setup)].filter((d) => d !== undefined),
  );
  try {
    // Two pushes of one week at once would both plan "new": one at a time (its own lock, not the
    // report's, so that weekly add is not held up while a push waits for its question).
    const shown = `${displayPath(io.cwd, file)} (weekly push)`;
    await withFileLock(`${file}.push`, () => push(io, opts, checked, setup), { display: shown });
  } catch (e) {
    if (e instanceof RequestFailure) throw new JiraError(`push: ${describeFailure(failureOf(e), setup.url)}`);
    throw e;
  }
}

async function push(io: Io, opts: PushOptions, checked: ValidReport, setup: NonNullable<ReturnType<typeof setupFor>>) {
  const { config, dir, file: configFile } = checked.loaded;
  const { client, writer, deployment } = await connectWriter(setup);
  const value = config.jira.comment_template;
  const template = value
    ? {
        file: resolve(dir, value),
        from: { config: configFile ? displayPath(io.cwd, configFile) : "weekly.config.yaml", value },
      }
    : undefined;
  const week = checked.weekEnding;
  const items = await pushItems({
    report: checked.report,
    config,
    weekEnding: week,
    deployment,
    ...(template ? { template } : {}),
  });
  if (items.length === 0)
    return void io.stdout.write(`nothing to push: no ticket of ${week} has notes, a status or time\n`);
  const ctx = {
    client,
    writer,
    retry: setup.retry,
    weekEnding: week,
    timeZone: config.timezone,
    parallel: PARALLEL,
    cloud: deployment === "cloud",
  };
  const { plans, problems } = await planPush(items, ctx);
  io.stdout.write(planTable(plans));
  if (problems.length > 0) {
    printDiagnostics(
      io,
      problems.map((p) => placed(checked, p.item, p.message)),
    );
    io.stderr.write(`nothing pushed: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`);
    throw new ProblemsFound(problems.length);
  }
  if (opts.dryRun) {
    for (const p of plans.filter((p) => p.comment && p.comment.action !== "unchanged")) {
      io.stdout.write(`\n--- ${p.item.key} (${deployment === "cloud" ? "ADF, REST v3" : "wiki text, REST v2"})\n`);
      io.stdout.write(`${JSON.stringify(p.item.comment!.body, null, 2)}\n`);
    }
    return void io.stderr.write(`dry run: ${planSummary(plans)}; nothing written\n`);
  }
  const summary = planSummary(plans);
  if (summary === "nothing to change")
    return void io.stderr.write(
      `up to date: ${plans.length} ticket${plans.length === 1 ? "" : "s"}, nothing to write\n`,
    );
  await confirm(io, `Push to ${new URL(setup.url).host}: ${summary}?`, opts, {
    refused: "nothing pushed",
    verb: "push",
  });
  const results = await applyPlan(plans, {
    writer,
    retry: setup.retry,
    weekEnding: week,
    url: setup.url,
    parallel: PARALLEL,
  });
  io.stdout.write(`\n${resultTable(plans, results)}`);
  const failed = results.filter((r) => r.failed);
  if (failed.length > 0) {
    throw new JiraError(
      `${failed.length} of ${results.length} tickets failed (${failed.map((r) => r.key).join(", ")}); ` +
        "run weekly push again to finish",
    );
  }
}

/** A problem at the line of the entry it is about. */
function placed(checked: ValidReport, item: PushItem, message: string): Diagnostic {
  const { line, col } = checked.locate(item.path);
  return { severity: "error", file: checked.file, line, col, path: formatPath(item.path), message };
}
