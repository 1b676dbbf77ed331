// The commands of the weekly routine, in its order: each defines its options, typed, and hands
// them to its command module, loaded only when it runs. cli.ts adds only the one asked for.
import { Option } from "@commander-js/extra-typings";
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
  type CommandTable,
  oneLine,
} from "./cli-options.js";

/** init, new, add, edit, check; render, send, push, status. */
export const ROUTINE: CommandTable = {
  init: (program, io) => {
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
  },
  "new": (program, io) => {
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
  },
  add: (program, io) => {
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
  },
  edit: (program, io) => {
    program
      .command("edit")
      .description("open this week's report in $EDITOR on a copy; it replaces the report only once it checks")
      .argument("[file]", REPORT_FILE_HELP)
      .addOption(configOption())
      .action(async (file, o) =>
        (await import("./commands/edit.js")).editCommand(io, { ...o, file, tty: io.stdinIsTTY === true }),
      );
  },
  check: (program, io) => {
    program
      .command("check")
      .description("validate report files; every problem one line, as file:line:col: path: message")
      .argument("[files...]", "report files; default: this week's")
      .addOption(strictOption())
      .option("--jira", "also ask Jira: every ticket must exist")
      .addOption(jiraUrlOption())
      .addOption(configOption())
      .action(async (files, o) => (await import("./commands/check.js")).checkCommand(io, { ...o, files }));
  },
  render: (program, io) => {
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
  },
  send: (program, io) => {
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
  },
  push: (program, io) => {
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
  },
  status: (program, io) => {
    program
      .command("status")
      .description("list the report's tickets with Jira status, assignee, last update, and what needs a look")
      .argument("[file]", REPORT_FILE_HELP)
      .addOption(offlineOption())
      .addOption(refreshOption())
      .addOption(jiraUrlOption())
      .addOption(configOption())
      .action(async (file, o) => (await import("./commands/status.js")).statusCommand(io, { ...o, file }));
  },
};

/** What a note that starts with "-", or one not in quotes, looks like to commander: say so. */
function addHint(s: string): string {
  if (/^error: unknown option/.test(s))
    return s.replace(/\n$/, '; a note that starts with - goes after --: weekly add KEY -- "-..."\n');
  if (/^error: too many arguments/.test(s))
    return s.replace(/\n$/, '; put the note in quotes: weekly add KEY "what happened"\n');
  return s;
}
