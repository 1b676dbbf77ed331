// The installed package is the tested package: pack it as users get it (scripts/pack.js), install
// the tarball with no registry into a temporary prefix, and use it as a new user would.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeJira } from "./fake-jira/server.js";
import { ROOT, tmpProject } from "./helpers.js";

const VERSION: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;
let base: string;
let tarball: string;
let weekly: string;

/** Bytes of a folder, as du counts files. */
function size(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const st = statSync(join(dir, name));
    return n + (st.isDirectory() ? size(join(dir, name)) : st.size);
  }, 0);
}

/** The installed command as a real process (not blocking this one: the fake Jira lives here). */
function runInstalled(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(weekly, args, { cwd, env: { PATH: process.env.PATH, HOME: base, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "weekly-package-"));
  const npm = (args: string[], cwd: string) =>
    execFileSync("npm", args, {
      cwd,
      encoding: "utf8",
      env: { ...process.env, npm_config_cache: join(base, "npm-cache") },
    });
  tarball = execFileSync(process.execPath, [join(ROOT, "scripts/pack.js"), base], { encoding: "utf8" }).trim();
  npm(["install", "-g", "--prefix", join(base, "prefix"), "--offline", "--no-audit", "--no-fund", tarball], base);
  weekly = join(base, "prefix", "bin", "weekly");
}, 120_000);

describe("the installed package", () => {
  it("has no runtime dependency, its LICENSE, no source map, and stays under 8 MB", () => {
    const installed = join(base, "prefix", "lib", "node_modules", "weekly-report");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
    expect(existsSync(join(installed, "LICENSE"))).toBe(true);
    expect(readdirSync(join(installed, "dist"), { recursive: true }).filter((f) => String(f).endsWith(".map"))).toEqual(
      [],
    );
    expect(size(installed)).toBeLessThan(8 * 1024 * 1024);
  });

  it("prints its version and renders a copied example exactly as the repository's command does", async () => {
    expect(await runInstalled(["--version"], base)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    const dir = tmpProject();
    cpSync(join(ROOT, "examples"), dir, { recursive: true });
    const r = await runInstalled(["render", "reports/2022-11-04.yaml"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "test/golden/2022-11-04.txt"), "utf8"));
  });

  it("renders with Jira facts from the fake Jira (jira-client, bundled, over real HTTP)", async () => {
    const jira = await startFakeJira({
      deployment: "cloud",
      auth: { user: "me@example.com", token: "pkg-token", scheme: "basic" },
      issues: [{ key: "PKG-1", summary: "A summary that only Jira knows", status: "In Review" }],
    });
    try {
      const dir = tmpProject({
        "weekly.config.yaml": `from: Me <me@example.com>\njira:\n  url: ${jira.url}\n  deployment: cloud\n`,
        "reports/2024-06-14.yaml":
          "sections:\n  - title: P\n    entries:\n      - ticket: PKG-1\n        notes: [did it]\n",
      });
      const env = { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "pkg-token", WEEKLY_CACHE_DIR: join(dir, "cache") };
      const r = await runInstalled(["render", "--show-status", "reports/2024-06-14.yaml"], dir, env);
      expect(r).toMatchObject({ code: 0, stderr: "" });
      expect(r.stdout).toMatch(/\n\[PKG-1\] \(A summary that only Jira knows\) \[In Review\]\n\* did it\n$/);
      expect(jira.requests.map((q) => q.endpoint)).toEqual(["bulkfetch"]);
    } finally {
      await jira.close();
    }
  });

  it("installed in a project, init points the config at the package's own schema", async () => {
    const project = tmpProject({ "package.json": '{"name":"mine","version":"1.0.0","private":true}\n' });
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], {
      cwd: project,
      env: { ...process.env, npm_config_cache: join(base, "npm-cache") },
    });
    const local = join(project, "node_modules", ".bin", "weekly");
    const r = execFileSync(local, ["init", "--email", "me@example.com", "--to", "lead@example.com"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(r).toBe("weekly.config.yaml\n");
    expect(readFileSync(join(project, "weekly.config.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=node_modules/weekly-report/schema/config.schema.json",
    );
  });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));
