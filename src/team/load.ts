// Find team.yaml (--team FILE, else walking up from the current folder), load and validate it,
// every problem with its line:col.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError, UserError } from "../core/errors.js";
import { readTextFile } from "../io/read-text.js";
import { validateYaml } from "../io/validate.js";
import { Team } from "./schema.js";

export const TEAM_NAME = "team.yaml";

export interface LoadedTeam {
  team: Team;
  file: string;
  /** Paths in team.yaml are relative to this folder. */
  dir: string;
}

export function findTeam(cwd: string, explicit?: string): string {
  if (explicit) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`--team ${explicit}: no such file`);
    return file;
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, TEAM_NAME))) return join(dir, TEAM_NAME);
    if (dirname(dir) === dir) break;
  }
  throw new UserError(
    `no ${TEAM_NAME} here or above; write one with \`weekly team init\`, or name it with --team FILE`,
  );
}

export function loadTeam(file: string, shown: string): LoadedTeam {
  const text = readTextFile(file, TEAM_NAME);
  const { value, problems } = validateYaml(Team, text, shown);
  if (!value) throw new UserError(problems);
  return { team: value, file, dir: dirname(file) };
}
