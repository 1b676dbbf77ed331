// Start-up cost of `weekly render` on the example, as a whole process, beside `node -e 0`.
// Usage: node bench/startup.js [runs=15]   (needs a build: npm run build)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.argv[2] ?? 15);

function median(cmd, args, env = {}) {
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
    if (i >= 2) times.push(ms); // two warm-up runs fill the OS file cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const bare = median(process.execPath, ["-e", "0"]);
const render = median(process.execPath, ["bin/weekly.cjs", "render", "examples/reports/2022-11-04.yaml"]);
const check = median(process.execPath, ["bin/weekly.cjs", "check", "examples/reports/2022-11-04.yaml"]);
const help = median(process.execPath, ["bin/weekly.cjs", "--help"]);
const uncached = median(process.execPath, ["bin/weekly.cjs", "render", "examples/reports/2022-11-04.yaml"], {
  WEEKLY_COMPILE_CACHE: "0",
});
const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`runs per command: ${runs} (median), node ${process.version}`);
console.log(`node -e 0                   ${fmt(bare)}`);
console.log(`weekly --help               ${fmt(help)}   ratio ${(help / bare).toFixed(2)}`);
console.log(`weekly check  (example)     ${fmt(check)}   ratio ${(check / bare).toFixed(2)}`);
console.log(`weekly render (example)     ${fmt(render)}   ratio ${(render / bare).toFixed(2)}`);
console.log(
  `  without the code cache    ${fmt(uncached)}   ratio ${(uncached / bare).toFixed(2)}   ` +
    "(first run, or WEEKLY_COMPILE_CACHE=0)",
);
