// weekly templates list | export DIR: which templates are in use and where each comes from, and
// the built-in ones (with their partials) copied out to start your own from.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { loadConfig } from "../config/load.js";
import { UsageError, UserError } from "../core/errors.js";
import { makeDirs } from "../io/dirs.js";
import type { Io } from "../io/output.js";
import { packageRoot } from "../io/package-files.js";
import { displayPath } from "../io/paths.js";
import { writeFileSet } from "../io/write-set.js";
import { findTeam, loadTeam } from "../team/load.js";

/** What each built-in template is for, and the setting that replaces it. */
const USES: Record<string, { what: string; setting: string }> = {
  "report.txt.hbs": { what: "the report email (render, send)", setting: "template: in weekly.config.yaml, or -t" },
  "report.md.hbs": { what: "render -f md", setting: "-t" },
  "jira-comment.hbs": { what: "each comment of weekly push", setting: "jira.comment_template" },
  "team.txt.hbs": { what: "weekly team", setting: "template: in team.yaml, or -t" },
  "team.md.hbs": { what: "weekly team -f md", setting: "-t" },
};

function builtinDir(): string {
  const root = packageRoot();
  const dir = root && join(root, "templates");
  if (!dir || !existsSync(dir)) throw new UserError("the built-in templates are not found beside this installation");
  return dir;
}

const hbs = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".hbs"))
    .sort();

export async function templatesListCommand(io: Io, opts: { config?: string }): Promise<void> {
  const dir = builtinDir();
  const loaded = loadConfig({ cwd: io.cwd, explicit: opts.config, env: io.env });
  const mine: Record<string, string | undefined> = {
    "report.txt.hbs": loaded.config.template && resolve(loaded.dir, loaded.config.template),
    "jira-comment.hbs": loaded.config.jira.comment_template && resolve(loaded.dir, loaded.config.jira.comment_template),
    "team.txt.hbs": teamTemplate(io),
  };
  const rows = hbs(dir).map((name) => {
    const own = mine[name];
    const from = own ? `${displayPath(io.cwd, own)}${existsSync(own) ? "" : " (missing!)"}` : "built-in";
    return [name, USES[name]?.what ?? "", from, USES[name]?.setting ?? ""];
  });
  const partials = hbs(join(dir, "partials")).map((n) => n.replace(/\.hbs$/, ""));
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => r[k]!.length), 8));
  const line = (r: string[]) =>
    r
      .map((c, k) => (k < 3 ? c.padEnd(widths[k]!) : c))
      .join("  ")
      .trimEnd();
  io.stdout.write(`${line(["TEMPLATE", "FOR", "IN USE", "REPLACED BY"])}\n${rows.map(line).join("\n")}\n`);
  io.stdout.write(
    `partials (templates/partials/, replaced by a partials/ folder beside yours): ${partials.join(", ")}\n`,
  );
  io.stdout.write(`built-in: ${displayPath(io.cwd, dir)}\n`);
}

function teamTemplate(io: Io): string | undefined {
  try {
    const file = findTeam(io.cwd);
    const { team, dir } = loadTeam(file, displayPath(io.cwd, file));
    return team.template && resolve(dir, team.template);
  } catch {
    return undefined; // no team.yaml here: nothing of it is in use
  }
}

export async function templatesExportCommand(io: Io, opts: { dir: string; force?: boolean }): Promise<void> {
  if (!opts.dir) throw new UsageError("templates export needs a folder: weekly templates export my-templates");
  const from = builtinDir();
  const to = resolve(io.cwd, opts.dir);
  const files = [...hbs(from), ...hbs(join(from, "partials")).map((n) => join("partials", n))];
  const set = files.map((f) => ({
    path: join(to, f),
    data: readFileSync(join(from, f), "utf8"),
    display: displayPath(io.cwd, join(to, f)),
  }));
  for (const f of set) makeDirs(dirname(f.path));
  writeFileSet(set, opts.force === true);
  for (const f of files) io.stdout.write(`${displayPath(io.cwd, join(to, f))}\n`);
  const text = relative(io.cwd, join(to, "report.txt.hbs")) || "report.txt.hbs";
  io.stderr.write(`use one with: template: ${text} (weekly.config.yaml), or weekly render -t ${text}\n`);
}
