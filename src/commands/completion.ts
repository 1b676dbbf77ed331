// weekly completion bash|zsh|fish|powershell: the shell's completion script; and the hidden
// `weekly complete -- ARGS...` the script calls for each TAB. Commands, flags and flag values come
// from the program itself (through @bomb.sh/tab's commander adapter, loaded only here); report
// files from reports_dir; for `weekly add`, the ticket keys of this week's report and of the
// Jira cache.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Command } from "@commander-js/extra-typings";
import type { Command as PlainCommand } from "commander";
import { loadConfig } from "../config/load.js";
import type { Io } from "../io/output.js";
import { cacheFile, cacheDir, siteUrl } from "../jira/setup.js";
import { listReports } from "../report/files.js";
import { loadReport } from "../report/load.js";
import { ticketsOf } from "../report/tickets.js";

type Complete = (value: string, description: string) => void;
/** The program, built afresh without its completion commands (the adapter adds its own). */
export type ProgramFactory = () => Command;

const REPORT_ARGS: Record<string, string> = {
  render: "file",
  send: "file",
  push: "file",
  status: "file",
  edit: "file",
  check: "files",
};

async function completions(io: Io, make: ProgramFactory) {
  const { default: tab } = await import("@bomb.sh/tab/commander");
  // The adapter reads commands, flags and their choices from commander; the rest is ours.
  const root = tab(asCommander(make()), { completionCommandName: "completion" });
  for (const [command, arg] of Object.entries(REPORT_ARGS)) {
    const a = root.commands.get(command)?.arguments.get(arg);
    if (a) a.handler = (complete: Complete) => reportFiles(io, complete);
  }
  const key = root.commands.get("add")?.arguments.get("key");
  if (key) key.handler = (complete: Complete) => ticketKeys(io, complete);
  return root;
}

export async function completionCommand(io: Io, make: ProgramFactory, shell: string): Promise<void> {
  (await completions(io, make)).setup("weekly", "weekly", shell);
}

export async function completeCommand(io: Io, make: ProgramFactory, args: string[]): Promise<void> {
  (await completions(io, make)).parse(args);
}

function reportFiles(io: Io, complete: Complete): void {
  const loaded = quietly(() => loadConfig({ cwd: io.cwd, env: io.env }));
  if (!loaded) return;
  for (const f of listReports(join(loaded.dir, loaded.config.reports_dir)).reverse()) {
    complete(relative(io.cwd, f.path), `week ending ${f.weekEnding}`);
  }
}

/** This week's keys (the newest report's), then those of the Jira cache. */
function ticketKeys(io: Io, complete: Complete): void {
  const loaded = quietly(() => loadConfig({ cwd: io.cwd, env: io.env }));
  if (!loaded) return;
  const seen = new Set<string>();
  const newest = listReports(join(loaded.dir, loaded.config.reports_dir)).at(-1);
  const report = newest ? loadReport(newest.path).report : undefined;
  for (const { key, entry } of report ? ticketsOf(report) : []) {
    if (!seen.has(key)) complete(key, entry.summary ?? "in this week's report"), seen.add(key);
  }
  const site = quietly(() => siteUrl(loaded.config.jira, io.env));
  if (!site) return;
  const file = cacheFile(cacheDir(io.env, loaded.config.jira.cache_dir), site);
  const cached = quietly(() => JSON.parse(readFileSync(file, "utf8")) as unknown);
  const issues = cached && typeof cached === "object" && "issues" in cached ? cached.issues : undefined;
  for (const [k, f] of Object.entries(issues && typeof issues === "object" ? issues : {})) {
    const summary = f && typeof f === "object" && "summary" in f && typeof f.summary === "string" ? f.summary : "";
    if (!seen.has(k)) complete(k, summary), seen.add(k);
  }
}

/**
 * The program as commander's own type: @commander-js/extra-typings adds types to the very same
 * class (its Command is commander's at run time), which the adapter is typed against.
 */
const asCommander = (program: Command): PlainCommand => program as unknown as PlainCommand;

/** A completion never fails out loud: the shell just offers less. */
function quietly<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
