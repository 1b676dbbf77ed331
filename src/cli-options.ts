// The options several commands share, built once: commander checks them (choices, conflicts,
// dates), so the commands never check them again.
import { type Command, InvalidArgumentError, Option } from "@commander-js/extra-typings";
import { isRealDate } from "./core/dates.js";
import type { Io } from "./io/output.js";

/** Each command by name, as a function that adds it to the program; `bare` builds the program without completion. */
export type CommandTable = Record<string, (program: Command, io: Io, bare: () => Command) => void>;

/** One line per error: commander puts its "Did you mean" on a line of its own. */
export const oneLine = (s: string) => s.replace(/\n\(Did you mean (.*)\?\)\n$/, " (did you mean $1?)\n");

export const configOption = () => new Option("-c, --config <file>", "use this weekly.config.yaml");

export const offlineOption = () =>
  new Option("--offline", "do not ask Jira: use the cached facts only").conflicts("refresh");

export const refreshOption = () =>
  new Option("--refresh", "ask Jira for every ticket, ignoring the cache").conflicts("offline");

export const forceOption = (what: string) => new Option("--force", what);

export const strictOption = (what = "warnings fail too") => new Option("--strict", what);

export const showStatusOption = () => new Option("--show-status", "add each ticket's Jira status to its line");

export const templateOption = () => new Option("-t, --template <file>", "render with your own Handlebars template");

export const dateOption = (what: string) => new Option("--date <YYYY-MM-DD>", what).argParser(parseDate);

export const outputOption = (what = "write to FILE (atomically) instead of stdout") =>
  new Option("-o, --output <file>", what).argParser(parseNonEmpty("-o needs a file name (or - for stdout)"));

export const jiraUrlOption = () =>
  new Option("--jira-url <url>", "ask this Jira site (over JIRA_URL and the config's jira.url)");

export const REPORT_FILE_HELP =
  "report file; default: this week's (the newest YYYY-MM-DD.yaml in reports_dir up to today's week)";

function parseDate(value: string): string {
  if (!isRealDate(value)) throw new InvalidArgumentError("expected a date like 2022-11-11 (YYYY-MM-DD)");
  return value;
}

function parseNonEmpty(message: string) {
  return (value: string) => {
    if (value === "") throw new InvalidArgumentError(message);
    return value;
  };
}
