// commander wiring only: flags → command(options). The one place that picks exit codes.
import { readFileSync } from "node:fs";
import { Argument, Command, CommanderError, Option } from "commander";
import { ExitCode } from "./errors.js";
import { defaultIo, type Io } from "./io/output.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export function buildProgram(io: Io): Command {
  const program = new Command("weekly")
    .description("Validate, enrich from Jira and render your weekly status report email from a YAML file.")
    .version(version(), "-V, --version")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line per error: commander puts its "Did you mean" on a line of its own.
      outputError: (s, write) => write(s.replace(/\n\(Did you mean (.*)\?\)\n$/, " (did you mean $1?)\n")),
    });

  program
    .command("render")
    .description("print the report email (or Markdown, or the template model) for a report file")
    .argument("[file]", "report file; default: this week's (the newest YYYY-MM-DD.yaml in reports_dir up to today's week)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "md", "eml"]).default("text"))
    .option("-t, --template <file>", "render with your own Handlebars template")
    .option("--context", "print the model the template sees, as JSON")
    .option("--from-context <file>", "render from such JSON instead of a report file")
    .option("-o, --output <file>", "write to FILE (atomically) instead of stdout")
    .option("--force", "overwrite the --output file if it exists")
    .option("--strict", "refuse to render when there are warnings too")
    .option("--show-status", "add each ticket's Jira status to its line")
    .option("--offline", "do not ask Jira: use the cached facts only")
    .option("--refresh", "ask Jira for every ticket, ignoring the cache")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (file: string | undefined, o: Record<string, unknown>) => {
      const { renderCommand } = await import("./commands/render.js");
      await renderCommand(io, { ...o, file } as Parameters<typeof renderCommand>[1]);
    });

  program
    .command("check")
    .description("validate report files; every problem one line, as file:line:col: path: message")
    .argument("[files...]", "report files; default: this week's")
    .option("--strict", "warnings fail too")
    .option("--jira", "also ask Jira: every ticket must exist")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (files: string[], o: { strict?: boolean; config?: string; jira?: boolean }) => {
      const { checkCommand } = await import("./commands/check.js");
      await checkCommand(io, { files, ...o });
    });

  program
    .command("status")
    .description("list the report's tickets with Jira status, assignee, last update, and what needs a look")
    .argument("[file]", "report file; default: this week's (the newest YYYY-MM-DD.yaml in reports_dir up to today's week)")
    .option("--offline", "do not ask Jira: use the cached facts only")
    .option("--refresh", "ask Jira for every ticket, ignoring the cache")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (file: string | undefined, o: { offline?: boolean; refresh?: boolean; config?: string }) => {
      const { statusCommand } = await import("./commands/status.js");
      await statusCommand(io, { ...o, file });
    });

  program
    .command("send")
    .description("send the report email (what render -f eml prints) through the SMTP server of weekly.config.yaml")
    .argument("[file]", "report file; default: this week's (the newest YYYY-MM-DD.yaml in reports_dir up to today's week)")
    .option("-t, --template <file>", "render with your own Handlebars template")
    .option("--dry-run", "print the message (stdout) and its envelope (stderr); send nothing")
    .option("-y, --yes", "send without asking (needed when stdin is not a terminal)")
    .option("--strict", "refuse to send when there are warnings too")
    .option("--show-status", "add each ticket's Jira status to its line")
    .option("--offline", "do not ask Jira: use the cached facts only")
    .option("--refresh", "ask Jira for every ticket, ignoring the cache")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (file: string | undefined, o: { template?: string; dryRun?: boolean; yes?: boolean; strict?: boolean; showStatus?: boolean; offline?: boolean; refresh?: boolean; config?: string }) => {
      const { sendCommand } = await import("./commands/send.js");
      await sendCommand(io, { ...o, file, tty: io.stdinIsTTY === true });
    });

  program
    .command("import")
    .description("turn past plain-text weekly reports (emails, several pasted in one file, an mbox) into report files")
    .argument("<files...>", "plain-text emails or mbox files; - reads stdin")
    .option("-o, --output <dir>", "folder for the YYYY-MM-DD.yaml files; default: reports_dir of weekly.config.yaml, else the current folder")
    .option("--dry-run", "list what would be written (path, date, sections, entries); write nothing")
    .option("--force", "overwrite report files that exist")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (files: string[], o: { output?: string; dryRun?: boolean; force?: boolean; config?: string }) => {
      const { importCommand } = await import("./commands/import.js");
      await importCommand(io, { files, ...o });
    });

  program
    .command("schema")
    .description("print the JSON Schema of a report file (or of weekly.config.yaml), for editors (yaml-language-server)")
    .addArgument(new Argument("[which]", "which file's schema").choices(["report", "config"]).default("report"))
    .option("-o, --output <file>", "write to FILE instead of stdout")
    .option("--force", "overwrite the --output file if it exists")
    .action(async (which: string, o: { output?: string; force?: boolean }) => {
      const { schemaCommand } = await import("./commands/schema.js");
      await schemaCommand(io, { ...o, config: which === "config" });
    });

  program
    .command("init")
    .description("write weekly.config.yaml: who you are, who gets the report, your Jira site")
    .option("--name <name>", "your name, as in the From: line")
    .option("--email <address>", "your email address")
    .option("--to <addresses...>", "recipients")
    .option("--cc <addresses...>", "copies")
    .option("--jira-url <url>", "your Jira site, e.g. https://example.atlassian.net")
    .option("--reports-dir <dir>", "folder for the weekly files", undefined)
    .option("--force", "replace an existing weekly.config.yaml")
    .action(async (o: Record<string, unknown>) => {
      const { initCommand } = await import("./commands/init.js");
      // --to a@x,b@x and --to a@x --to b@x alike; "Name <a@x>" keeps its space.
      const split = (v: unknown) => (Array.isArray(v) ? v.flatMap((s: string) => s.split(",")).map((s) => s.trim()).filter(Boolean) : undefined);
      await initCommand(io, { ...o, to: split(o.to), cc: split(o.cc), interactive: io.stdinIsTTY === true } as Parameters<typeof initCommand>[1]);
    });

  program
    .command("new")
    .description("start this week's report from last week's: tickets carried over, notes cleared")
    .option("--date <YYYY-MM-DD>", "a day of the week to start (default: today in the configured time zone)")
    .option("--from-jira", "add your open Jira tickets that the report lacks")
    .option("--drop-done", "leave out carried tickets that are done in Jira")
    .option("--edit", "open the new file in $EDITOR")
    .option("--force", "start the week again even if its file exists")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (o: Record<string, unknown>) => {
      const { newCommand } = await import("./commands/new.js");
      await newCommand(io, o as Parameters<typeof newCommand>[1]);
    });

  program
    .command("add")
    .description("add a note to this week's report, under the ticket's entry (created if needed)")
    .argument("<key>", "Jira key like STR-68 (or a label with --label)")
    .argument("<text>", "the note; quote it")
    .option("-s, --section <title>", "the section for a new entry (created if no section has that title)")
    .option("--label", "KEY is a label (like MISC) for work without a ticket")
    .option("--date <YYYY-MM-DD>", "a day of the week to add to (default: today)")
    .option("-c, --config <file>", "use this weekly.config.yaml")
    .action(async (key: string, text: string, o: Record<string, unknown>) => {
      const { addCommand } = await import("./commands/add.js");
      await addCommand(io, { ...o, key, text } as Parameters<typeof addCommand>[1]);
    });

  return program;
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
  if (e instanceof CommanderError) {
    // commander has printed its message already; help and --version are not errors.
    // --help, help and --version exit 0; `weekly` alone (help shown because a command is missing) is a usage error.
    return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  const err = e as Error & { exitCode?: number };
  if (io.env.DEBUG?.split(",").includes("weekly")) io.stderr.write(`${err?.stack ?? String(e)}\n`);
  if (err?.name === "ProblemsFound") return err.exitCode ?? ExitCode.invalid;
  if (typeof err?.exitCode === "number") {
    io.stderr.write(`${err.message}\n`);
    return err.exitCode;
  }
  io.stderr.write(`weekly: internal error: ${err?.message ?? String(e)} (run with DEBUG=weekly for details)\n`);
  return 70;
}
