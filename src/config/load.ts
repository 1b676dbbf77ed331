// Find weekly.config.yaml (walking up from the report's folder, then from the cwd), load and
// validate it. Precedence: defaults < file < environment < flags.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UserError } from "../core/errors.js";
import { readTextFile } from "../io/read-text.js";
import { validate } from "../io/validate.js";
import { parseYaml } from "../io/yaml.js";
import { Config } from "./schema.js";

export const CONFIG_NAME = "weekly.config.yaml";

export interface LoadedConfig {
  config: Config;
  /** The file it came from; undefined when none was found and defaults are used. */
  file?: string;
  /** Folder that relative paths in the config are resolved against. */
  dir: string;
}

export interface ConfigOptions {
  cwd: string;
  /** --config */
  explicit?: string;
  /** Folders to search upward from, in order (e.g. the report's folder); cwd is always last. */
  near?: string[];
}

export function findConfig(opts: ConfigOptions): string | undefined {
  if (opts.explicit) return resolve(opts.cwd, opts.explicit);
  for (const start of [...(opts.near ?? []), opts.cwd]) {
    let dir = resolve(opts.cwd, start);
    for (;;) {
      const candidate = join(dir, CONFIG_NAME);
      if (existsSync(candidate)) return candidate;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return undefined;
}

export function loadConfig(opts: ConfigOptions): LoadedConfig {
  const file = findConfig(opts);
  if (!file) return { config: Config.parse({}), dir: opts.cwd };
  const text = readTextFile(file, "weekly.config.yaml");
  const parsed = parseYaml(text, file);
  const data = parsed.problems.length === 0 && parsed.data == null ? {} : parsed.data;
  const { value, problems } = parsed.problems.length
    ? { value: undefined, problems: parsed.problems }
    : validate(Config, { ...parsed, data }, file);
  if (!value) {
    // A broken config is not the report's fault: say all that is wrong with it, in one line each.
    throw new UserError(problems);
  }
  return { config: value, file, dir: dirname(file) };
}
