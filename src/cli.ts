// commander wiring only: a lazy command table, typed options → command(io, options). The one
// place that turns errors into exit codes. Commands are listed in the order of the weekly routine.
import { Argument, Command, CommanderError, Option } from "@commander-js/extra-typings";
import {
  configOption,
  dateOption,
  forceOption,
  jiraUrlOption,
  offlineOption,
  outputOption,
  REPORT_FILE_HELP,
  refreshOption,
  showStatusOption,
  strictOption,
  templateOption,
} from "./cli-options.js";
import { ExitCode, ProblemsFound, WeeklyError } from "./core/errors.js";
import { defaultIo, type Io } from "./io/output.js";
import { OutputClosed } from "./io/streams.js";

declare const WEEKLY_VERSION: string;

/** `bare`: without the completion commands (what the completion adapter reads the program from). */
export function buildProgram(io: Io, bare = false): Command {
  const program = new Command("weekly")
    .description("Validate, enrich from Jira and render your weekly status report email from a YAML file.")
    .version(typeof WEEKLY_VERSION === "string" ? WEEKLY_VERSION : "0.0.0-dev", "-V, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(oneLine(s)),
      // Commander's own answers open process.stdout, which loads the stream modules: 5 ms of --help.
      getOutHelpWidth: () => (io.stdout.isTTY ? process.stdout.columns : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? process.stderr.columns : 80),
      getOutHasColors: () => false, // our help has no colours to keep
      getErrHasColors: () => false,
    });
  addRoutine(program, io);
  addOutputs(program, io);
  addTools(program, io);
  if (!bare) addCompletion(program, io);
  return program;
}

function addRoutine(program: Command, io: Io): void {
  program
    .command("init")
    .description("write weekly.config.yaml: who you are, who gets the report, your Jira site")
    .option("--name <name>", "your name, as in the From: line")
    .option("--email <address>", "your email address")
    .option("--to <addresses...>", "recipients (several, or comma-separated)")
    .option("--cc <addresses...>", "copies")
    .option("--jira-url <url>", "your Jira site, e.g. https://example.atlassian.net")
    .option("--reports-dir <dir>", "folder for the weekly files")
    .addOption(forceOption("replace an existing weekly.config.yaml"))
    .action(async (o) =>
      (await import("./commands/init.js")).initCommand(io, { ...o, interactive: io.stdinIsTTY === true }),
    );

  program
    .command("new")
    .description("start this week's report from last week's: tickets carried over, notes cleared")
    .addOption(dateOption("a day of the week to start (default: today in the configured time zone)"))
    .option("--from-jira", "add your open Jira tickets that the report lacks")
    .option("--drop-done", "leave out carried tickets that are done in Jira")
    .option("--edit", "open the new file in $EDITOR")
    .addOption(forceOption("start the week again even if its file exists"))
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (o) => (await import("./commands/new.js")).newCommand(io, { ...o, tty: io.stdinIsTTY === true }));

  program
    .command("add")
    .description("add a note to this week's report, under the ticket's entry (created if needed)")
    .argument("<key>", "Jira key like STR-68 (or a label with --label)")
    .argument("<text>", "the note; quote it")
    .option("-s, --section <title>", "the section for a new entry (created if no section has that title)")
    .option("--label", "KEY is a label (like MISC) for work without a ticket")
    .addOption(dateOption("a day of the week to add to (default: today)"))
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .configureOutput({ outputError: (s, write) => write(addHint(oneLine(s))) })
    .action(async (key, text, o) => (await import("./commands/add.js")).addCommand(io, { ...o, key, text }));

  program
    .command("edit")
    .description("open this week's report in $EDITOR on a copy; it replaces the report only once it checks")
    .argument("[file]", REPORT_FILE_HELP)
    .addOption(configOption())
    .action(async (file, o) =>
      (await import("./commands/edit.js")).editCommand(io, { ...o, file, tty: io.stdinIsTTY === true }),
    );

  program
    .command("check")
    .description("validate report files; every problem one line, as file:line:col: path: message")
    .argument("[files...]", "report files; default: this week's")
    .addOption(strictOption())
    .option("--jira", "also ask Jira: every ticket must exist")
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (files, o) => (await import("./commands/check.js")).checkCommand(io, { ...o, files }));
}

function addOutputs(program: Command, io: Io): void {
  program
    .command("render")
    .description("print the report email (or Markdown, or the template model) for a report file")
    .argument("[file]", REPORT_FILE_HELP)
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["text", "md", "eml"] as const)
        .default("text" as const),
    )
    .addOption(templateOption())
    .option("--context", "print the model the template sees, as JSON")
    .addOption(
      new Option("--from-context <file>", "render from such JSON instead of a report file").conflicts("context"),
    )
    .addOption(outputOption())
    .addOption(forceOption("overwrite the --output file if it exists"))
    .addOption(strictOption("refuse to render when there are warnings too"))
    .addOption(showStatusOption())
    .addOption(offlineOption())
    .addOption(refreshOption())
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (file, o) => (await import("./commands/render.js")).renderCommand(io, { ...o, file }));

  program
    .command("send")
    .description("send the report email (what render -f eml prints) through the SMTP server of weekly.config.yaml")
    .argument("[file]", REPORT_FILE_HELP)
    .addOption(templateOption())
    .option("--dry-run", "print the message (stdout) and its envelope (stderr); send nothing")
    .option("-y, --yes", "send without asking (needed when stdin is not a terminal)")
    .addOption(strictOption("refuse to send when there are warnings too"))
    .addOption(showStatusOption())
    .addOption(offlineOption())
    .addOption(refreshOption())
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (file, o) =>
      (await import("./commands/send.js")).sendCommand(io, { ...o, file, tty: io.stdinIsTTY === true }),
    );

  program
    .command("push")
    .description("post the week's entries to their Jira tickets (comments, status moves, worklogs), once")
    .argument("[file]", REPORT_FILE_HELP)
    .option("--dry-run", "print the plan and every comment body; write nothing")
    .option("-y, --yes", "push without asking (needed when stdin is not a terminal)")
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (file, o) =>
      (await import("./commands/push.js")).pushCommand(io, { ...o, file, tty: io.stdinIsTTY === true }),
    );

  program
    .command("status")
    .description("list the report's tickets with Jira status, assignee, last update, and what needs a look")
    .argument("[file]", REPORT_FILE_HELP)
    .addOption(offlineOption())
    .addOption(refreshOption())
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (file, o) => (await import("./commands/status.js")).statusCommand(io, { ...o, file }));
}

function addTools(program: Command, io: Io): void {
  program
    .command("import")
    .description("turn past plain-text weekly reports (emails, several pasted in one file, an mbox) into report files")
    .argument("<files...>", "plain-text emails or mbox files; - reads stdin")
    .addOption(
      outputOption(
        "folder for the YYYY-MM-DD.yaml files; default: reports_dir of weekly.config.yaml, else the current folder",
      ),
    )
    .option("--dry-run", "list what would be written (path, date, sections, entries); write nothing")
    .option("-q, --quiet", "no progress line on a terminal")
    .addOption(forceOption("overwrite report files that exist"))
    .addOption(configOption())
    .action(async (files, o) => (await import("./commands/import.js")).importCommand(io, { ...o, files }));

  const team = program
    .command("team")
    .description("the tech lead's draft: the team's reports of a week (or a period) rolled up from team.yaml")
    .option("--week <date>", "the week that contains this date (default: the week that ended last)")
    .option("--since <date>", "a period: from the week of this date ...")
    .option("--until <date>", "... to the week of this date (default: the week that ended last)")
    .addOption(
      new Option("-f, --format <format>", "output format")
        .choices(["text", "md", "eml"] as const)
        .default("text" as const),
    )
    .option("--context", "print the model the template sees, as JSON")
    .addOption(templateOption())
    .option("--team <file>", "the team file (default: team.yaml here or above)")
    .option("-q, --quiet", "no progress line on a terminal")
    .addOption(offlineOption())
    .addOption(refreshOption())
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (o) => (await import("./commands/team.js")).teamCommand(io, o));
  team
    .command("init")
    .description("write a team.yaml to start from (members found in reports/*/)")
    .addOption(forceOption("overwrite team.yaml if it exists"))
    .action(async (o) => (await import("./commands/team-init.js")).teamInitCommand(io, o));

  program
    .command("doctor")
    .description("check the setup: config, reports, the week, Jira and its credentials, SMTP, the template")
    .addOption(jiraUrlOption())
    .addOption(configOption())
    .action(async (o) => (await import("./commands/doctor.js")).doctorCommand(io, o));

  const templates = program
    .command("templates")
    .description("the templates in use, and the built-in ones to start from");
  templates
    .command("list")
    .description("which template each output uses, and where it comes from")
    .addOption(configOption())
    .action(async (o) => (await import("./commands/templates.js")).templatesListCommand(io, o));
  templates
    .command("export")
    .description("copy the built-in templates and partials into DIR, to start your own from")
    .argument("<dir>", "folder to copy them to (created when missing)")
    .addOption(forceOption("overwrite files that exist"))
    .action(async (dir, o) => (await import("./commands/templates.js")).templatesExportCommand(io, { ...o, dir }));

  program
    .command("schema")
    .description(
      "print the JSON Schema of a report file (or of weekly.config.yaml), for editors (yaml-language-server)",
    )
    .addArgument(
      new Argument("[which]", "which file's schema")
        .choices(["report", "config", "team"] as const)
        .default("report" as const),
    )
    .addOption(outputOption("write to FILE instead of stdout"))
    .addOption(forceOption("overwrite the --output file if it exists"))
    .action(async (which, o) => (await import("./commands/schema.js")).schemaCommand(io, { ...o, which }));
}

function addCompletion(program: Command, io: Io): void {
  const make = () => buildProgram(io, true);
  program
    .command("completion")
    .description("print the shell completion script (see README: Shell completion)")
    .addArgument(new Argument("<shell>", "your shell").choices(["bash", "zsh", "fish", "powershell"] as const))
    .action(async (shell) => (await import("./commands/completion.js")).completionCommand(io, make, shell));
  program
    .command("complete", { hidden: true })
    .description("what the completion script asks: weekly complete -- ARGS")
    .argument("[args...]")
    .allowUnknownOption()
    .action(async (args) => (await import("./commands/completion.js")).completeCommand(io, make, args));
}

/** One line per error: commander puts its "Did you mean" on a line of its own. */
const oneLine = (s: string) => s.replace(/\n\(Did you mean (.*)\?\)\n$/, " (did you mean $1?)\n");

/** What a note that starts with "-", or one not in quotes, looks like to commander: say so. */
function addHint(s: string): string {
  if (/^error: unknown option/.test(s))
    return s.replace(/\n$/, '; a note that starts with - goes after --: weekly add KEY -- "-..."\n');
  if (/^error: too many arguments/.test(s))
    return s.replace(/\n$/, '; put the note in quotes: weekly add KEY "what happened"\n');
  return s;
}

/** Run the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return ExitCode.ok;
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: Io): number {
  // stderr itself may be gone or full: the exit code still says what happened.
  const say = (text: string) => {
    try {
      io.stderr.write(text);
    } catch {}
  };
  if (io.env.DEBUG?.split(",").includes("weekly") && e instanceof Error) say(`${e.stack ?? e.message}\n`);
  if (e instanceof CommanderError) {
    // commander has printed its message already; help and --version are not errors.
    // `weekly` alone (help shown because a command is missing) is a usage error.
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (e instanceof ProblemsFound) return e.exitCode;
  if (e instanceof OutputClosed) return ExitCode.ok; // `weekly render | head`: the reader has what it wanted
  if (e instanceof WeeklyError) {
    say(`${e.message}\n`);
    return e.exitCode;
  }
  const what = e instanceof Error ? e.message.split("\n")[0] : String(e);
  say(`weekly: internal error: ${what} (run with DEBUG=weekly for details)\n`);
  return ExitCode.internal;
}
