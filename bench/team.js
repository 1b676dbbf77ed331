// weekly team at scale: a generated team of 20 members with a year of weekly reports each (1,040
// files, reports/<member>/YYYY-MM-DD.yaml), then `weekly team` over one week and over the whole
// year, each beside one `weekly render` of one report, as separate processes (start-up included),
// medians of several runs, with each process's peak memory (maxRSS).
// Goal: the week at most 1.5× one render; the year under 1 s.   Usage: node bench/team.js [runs=5]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = join(root, "bin/weekly.cjs");
const runs = Number(process.argv[2] ?? 5);
const MEMBERS = 20;
const WEEKS = 52;

const friday = (k) => new Date(Date.UTC(2024, 0, 5 + 7 * k)).toISOString().slice(0, 10);
const dir = mkdtempSync(join(tmpdir(), "weekly-bench-team-"));
const members = Array.from({ length: MEMBERS }, (_, m) => `member${String(m + 1).padStart(2, "0")}`);
writeFileSync(
  join(dir, "team.yaml"),
  `team: Bench team\nfrom: Lead <lead@example.org>\nto: [team@example.org]\nmembers:\n${members
    .map((m) => `  - name: ${m}\n    email: ${m}@example.org\n    reports: reports/${m}\n`)
    .join("")}`,
);
for (const [m, name] of members.entries()) {
  mkdirSync(join(dir, "reports", name), { recursive: true });
  for (let w = 0; w < WEEKS; w++) {
    const entries = Array.from({ length: 5 }, (_, t) => {
      const key = `P${(m + t) % 8}-${10 + ((m * 7 + t) % 40)}`;
      return t === 4 && w % 3 === 0
        ? `      - ticket: ${key}\n        progress: none\n`
        : `      - ticket: ${key}\n        notes:\n          - |\n` +
            `            Week ${w + 1}: worked on ${key}, sent v${(w % 4) + 1}.\n` +
            `            Numbers:\n              run   min   avg\n              a     ${w}    ${w + 3}\n`;
    }).join("");
    writeFileSync(
      join(dir, "reports", name, `${friday(w)}.yaml`),
      `week_ending: ${friday(w)}\nsections:\n  - title: Project ${m % 4}\n    entries:\n${entries}` +
        `events: ["${["Jan", "Feb", "Mar"][w % 3]} ${(w % 27) + 1}: a day off"]\n`,
    );
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = { ...process.env, WEEKLY_CACHE_DIR: join(dir, "cache"), XDG_CACHE_HOME: join(dir, "xdg") };
function time(args) {
  const ms = [];
  let rss = 0;
  for (let r = 0; r < runs + 1; r++) {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, ["-e", MEASURE, bin, ...args], { cwd: dir, env, encoding: "utf8" });
    const took = performance.now() - t0;
    if (child.status !== 0) throw new Error(`weekly ${args.join(" ")}: ${child.stderr}`);
    rss = Math.max(rss, Number(/maxRSS=(\d+)/.exec(child.stderr)?.[1] ?? 0));
    if (r > 0) ms.push(took); // the first run fills the code cache
  }
  return { ms: median(ms), rss };
}
// Runs the CLI in this process and reports its peak memory on stderr when it is done.
const MEASURE =
  "const [bin, ...args] = process.argv.slice(1); process.argv = [process.argv[0], bin, ...args];" +
  "process.on('exit', () => process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\\n`)); require(bin);";

const render = time(["render", "--offline", `reports/member01/${friday(WEEKS - 1)}.yaml`]);
const week = time(["team", "--offline", "--week", friday(WEEKS - 1)]);
const year = time(["team", "--offline", "--since", friday(0), "--until", friday(WEEKS - 1)]);
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
else console.log(dir);

const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`${MEMBERS} members × ${WEEKS} weeks = ${MEMBERS * WEEKS} report files; ${runs} runs, medians`);
console.log(`weekly render (one report)   ${render.ms.toFixed(0)} ms  peak ${mb(render.rss)}`);
console.log(
  `weekly team, one week        ${week.ms.toFixed(0)} ms  peak ${mb(week.rss)}  ` +
    `(${(week.ms / render.ms).toFixed(2)}× render; goal ≤ 1.5×)`,
);
console.log(`weekly team, the whole year  ${year.ms.toFixed(0)} ms  peak ${mb(year.rss)}  (goal < 1000 ms)`);
