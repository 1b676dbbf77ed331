// commander wiring only: a lazy command table (cli-routine.ts, cli-tools.ts), typed options →
// command(io, options). The one place that turns errors into exit codes.
import { Command, CommanderError } from "@commander-js/extra-typings";
import { type CommandTable, oneLine } from "./cli-options.js";
import { ROUTINE } from "./cli-routine.js";
import { COMPLETION, TOOLS } from "./cli-tools.js";
import { ExitCode, ProblemsFound, WeeklyError } from "./core/errors.js";
import { defaultIo, type Io } from "./io/output.js";
import { OutputClosed } from "./io/streams.js";

declare const WEEKLY_VERSION: string;

const ALL: CommandTable = { ...ROUTINE, ...TOOLS, ...COMPLETION };

/** The names of the commands (bin/weekly.cjs keeps a code cache for each one's first run). */
export const COMMANDS: readonly string[] = Object.keys(ALL);

/**
 * The program. `only`: the one command to define (a run of `weekly check` needs no other; help,
 * a typo's suggestion and completion see them all). `bare`: without the completion commands
 * (what the completion adapter reads the program from).
 */
export function buildProgram(io: Io, opts: { bare?: boolean; only?: string } = {}): Command {
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
  const bare = () => buildProgram(io, { bare: true });
  const table = opts.bare ? { ...ROUTINE, ...TOOLS } : ALL;
  const define = opts.only === undefined ? undefined : table[opts.only];
  if (define) define(program, io, bare);
  else for (const add of Object.values(table)) add(program, io, bare);
  return program;
}

/** Run the CLI; resolves to the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const first = argv[0];
  const program = buildProgram(io, { only: first !== undefined && Object.hasOwn(ALL, first) ? first : undefined });
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
