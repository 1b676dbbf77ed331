// Start-up cost of `weekly --help`, `check` and `render` of the example, as whole processes,
// beside `node -e 0`. The commands run in turn, round after round, so that a change in the
// machine's load falls on all of them alike; medians.
// Usage: node bench/startup.js [runs=15]   (needs a build: npm run build)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const example = "examples/reports/2022-11-04.yaml";

const commands = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "weekly --help", args: ["bin/weekly.cjs", "--help"] },
  { name: "weekly check  (example)", args: ["bin/weekly.cjs", "check", example] },
  { name: "weekly render (example)", args: ["bin/weekly.cjs", "render", example] },
  {
    name: "  without the code cache",
    args: ["bin/weekly.cjs", "render", example],
    env: { WEEKLY_COMPILE_CACHE: "0" },
    note: "(first run, or WEEKLY_COMPILE_CACHE=0)",
  },
];

function once({ args, env = {} }) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return ms;
}

const times = commands.map(() => []);
for (let round = 0; round < runs + 2; round++) {
  // two warm-up rounds fill the OS file cache and the code cache
  commands.forEach((c, i) => {
    const ms = once(c);
    if (round >= 2) times[i].push(ms);
  });
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const bare = median(times[0]);
console.log(`runs per command: ${runs} (median, interleaved), node ${process.version}`);
commands.forEach((c, i) => {
  const ms = median(times[i]);
  const ratio = i === 0 ? "" : `   ratio ${(ms / bare).toFixed(2)}`;
  console.log(`${c.name.padEnd(28)}${ms.toFixed(1)} ms${ratio}${c.note ? `   ${c.note}` : ""}`);
});
