// Find weekly.config.yaml (walking up from the report's folder, then from the cwd, then the
// user's own config folder), load and validate it. Precedence: defaults < file < environment <
// flags. Where it was found decides whether it may send your credentials anywhere (`trusted`).
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { UsageError, UserError } from "../core/errors.js";
import { readTextFile } from "../io/read-text.js";
import { validateYaml } from "../io/validate.js";
import { Config } from "./schema.js";

export const CONFIG_NAME = "weekly.config.yaml";

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when none was found and defaults are used. */
  file?: string;
  /** Folder that relative paths in the config are resolved against. */
  dir: string;
  /**
   * Whether you chose this config: named with --config, found from the current folder, or your
   * own (~/.config/weekly-report/). A config found only beside a report elsewhere (a downloaded
   * folder) is not: Jira and SMTP credentials from the environment are not sent to the sites it names.
   */
  trusted: boolean;
}

export interface ConfigOptions {
  cwd: string;
  /** --config */
  explicit?: string;
  /** Folders to search upward from, in order (e.g. the report's folder); cwd is always last. */
  near?: string[];
  /** For the user's own config folder ($XDG_CONFIG_HOME, $HOME). */
  env?: NodeJS.ProcessEnv;
}

/** The Jira site as named (not yet checked): --jira-url, else JIRA_URL, else jira.url of the config. */
export const namedJiraSite = (jira: Config["jira"], env: NodeJS.ProcessEnv, flag?: string): string | undefined =>
  flag || env.JIRA_URL || jira.url;

/** ~/.config/weekly-report/weekly.config.yaml (or under $XDG_CONFIG_HOME). */
export function userConfigFile(env: NodeJS.ProcessEnv = {}): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "weekly-report", CONFIG_NAME);
}

/** The first weekly.config.yaml in `start` or a folder above it. */
function walkUp(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function findConfig(opts: ConfigOptions): { file?: string; trusted: boolean } {
  if (opts.explicit) {
    const file = resolve(opts.cwd, opts.explicit);
    if (!existsSync(file)) throw new UsageError(`--config ${opts.explicit}: no such file`);
    return { file, trusted: true };
  }
  const fromCwd = walkUp(resolve(opts.cwd));
  for (const start of opts.near ?? []) {
    const file = walkUp(resolve(opts.cwd, start));
    if (file) return { file, trusted: file === fromCwd };
  }
  if (fromCwd) return { file: fromCwd, trusted: true };
  const own = userConfigFile(opts.env);
  return existsSync(own) ? { file: own, trusted: true } : { trusted: true };
}

export function loadConfig(opts: ConfigOptions): LoadedConfig {
  const { file, trusted } = findConfig(opts);
  if (!file) return { config: Config.parse({}), dir: opts.cwd, trusted };
  const text = readTextFile(file, "weekly.config.yaml");
  const { value, problems } = validateYaml(Config, text, file, {});
  if (!value) {
    // A broken config is not the report's fault: say all that is wrong with it, in one line each.
    throw new UserError(problems);
  }
  return { config: value, file, dir: dirname(file), trusted };
}
