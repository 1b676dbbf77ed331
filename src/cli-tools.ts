// The tools beside the routine (import, the team roll-up, doctor, templates, schema) and shell
// completion: defined as in cli-routine.ts.
import { Argument, Option } from "@commander-js/extra-typings";
import {
  configOption,
  forceOption,
  jiraUrlOption,
  offlineOption,
  outputOption,
  refreshOption,
  templateOption,
  type CommandTable,
} from "./cli-options.js";

/** import, team, doctor, templates, schema. */
export const TOOLS: CommandTable = {
  import: (program, io) => {
    program
      .command("import")
      .description(
        "turn past plain-text weekly reports (emails, several pasted in one file, an mbox) into report files",
      )
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
  },
  team: (program, io) => {
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
  },
  doctor: (program, io) => {
    program
      .command("doctor")
      .description("check the setup: config, reports, the week, Jira and its credentials, SMTP, the template")
      .addOption(jiraUrlOption())
      .addOption(configOption())
      .action(async (o) => (await import("./commands/doctor.js")).doctorCommand(io, o));
  },
  templates: (program, io) => {
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
  },
  schema: (program, io) => {
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
  },
};

/** The completion script, and the hidden command it asks. */
export const COMPLETION: CommandTable = {
  completion: (program, io, bare) => {
    program
      .command("completion")
      .description("print the shell completion script (see README: Shell completion)")
      .addArgument(new Argument("<shell>", "your shell").choices(["bash", "zsh", "fish", "powershell"] as const))
      .action(async (shell) => (await import("./commands/completion.js")).completionCommand(io, bare, shell));
  },
  complete: (program, io, bare) => {
    program
      .command("complete", { hidden: true })
      .description("what the completion script asks: weekly complete -- ARGS")
      .argument("[args...]")
      .allowUnknownOption()
      .action(async (args) => (await import("./commands/completion.js")).completeCommand(io, bare, args));
  },
};
