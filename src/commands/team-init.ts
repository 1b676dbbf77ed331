// weekly team init: a team.yaml to start from, in the current folder: the lead from
// weekly.config.yaml, one member per folder of reports/ (the shared-repository layout,
// reports/<member>/YYYY-MM-DD.yaml), else one example member. Never overwrites without --force.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../config/load.js";
import type { Io } from "../io/output.js";
import { writeFileAtomic } from "../io/write-atomic.js";
import { schemaReference } from "../io/package-files.js";
import { emitYaml } from "../report/yaml-emit.js";
import { TEAM_NAME } from "../team/load.js";

export async function teamInitCommand(io: Io, opts: { force?: boolean }): Promise<void> {
  const { config } = loadConfig({ cwd: io.cwd, env: io.env });
  const folders = subfolders(join(io.cwd, "reports"));
  const members = folders.length
    ? folders.map((name) => ({ name, email: `${name}@example.com`, reports: `reports/${name}` }))
    : [{ name: "Jane Doe", email: "jane@example.com", reports: "reports/jane" }];
  const team = { team: "My team", ...(config.from ? { from: config.from } : {}), to: ["team@example.com"], members };
  const schema = schemaReference("team", io.cwd);
  const text =
    `${schema ? `# yaml-language-server: $schema=${schema}\n` : ""}` +
    "# The team's roll-up: `weekly team` (the week that ended last), `weekly team --since 2024-01-01`.\n" +
    "# Each member's reports: a folder of YYYY-MM-DD.yaml (reports:), or an mbox of the list (mbox: and email:).\n" +
    emitYaml(team);
  const path = join(io.cwd, TEAM_NAME);
  writeFileAtomic(path, text, { force: opts.force === true, display: TEAM_NAME });
  io.stdout.write(
    `${TEAM_NAME}: ${members.length} member${members.length === 1 ? "" : "s"}; edit names and addresses\n`,
  );
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.startsWith(".") && statSync(join(dir, n)).isDirectory())
      .sort();
  } catch {
    return [];
  }
}
