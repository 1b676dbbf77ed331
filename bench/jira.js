// Jira enrichment cost: a report of 30 tickets rendered against test/fake-jira with 50 ms of
// latency per request; prints the requests made and the wall time beside one bare request.
// Usage: node bench/jira.js [runs=9]   (needs a build: npm run build)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFakeJira, root } from "./fake-jira.js";

const runs = Number(process.argv[2] ?? 9);
const LATENCY = 50;
const TICKETS = 30;

// The fake server is TypeScript (it lives with the tests): transpile it on the fly.
const startFakeJira = await loadFakeJira();
const { main } = createRequire(import.meta.url)(join(root, "bin/weekly.cjs")).entry();

const keys = Array.from({ length: TICKETS }, (_, i) => `BEN-${i + 1}`);
const jira = await startFakeJira({
  deployment: "cloud",
  latencyMs: LATENCY,
  auth: { user: "me@example.com", token: "bench-token", scheme: "basic" },
  issues: keys.map((key, i) => ({ key, summary: `Benchmark ticket number ${i + 1}`, status: "In Progress" })),
});
const dir = mkdtempSync(join(tmpdir(), "weekly-bench-"));
mkdirSync(join(dir, "reports"));
writeFileSync(join(dir, "weekly.config.yaml"), `jira:\n  url: ${jira.url}\n  deployment: cloud\n`);
writeFileSync(
  join(dir, "reports/2024-06-14.yaml"),
  `sections:\n  - title: Bench\n    entries:\n` +
    `${keys.map((k) => `      - ticket: ${k}\n        notes: [did something]\n`).join("")}`,
);
const io = {
  cwd: dir,
  env: { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "bench-token", WEEKLY_CACHE_DIR: join(dir, "cache") },
  stdout: { write: () => true },
  stderr: { write: (s) => process.stderr.write(s) },
  now: () => new Date(),
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const bare = [];
const render = [];
const requests = [];
await main(["render", "--refresh", "reports/2024-06-14.yaml"], io); // warm-up: loads jira-client once
for (let i = 0; i < runs; i++) {
  bare.push(await time(() => fetch(`${jira.url}/rest/api/3/issue/BEN-1?fields=summary`).then((r) => r.text())));
  jira.reset();
  render.push(
    await time(async () => {
      const code = await main(["render", "--refresh", "reports/2024-06-14.yaml"], io);
      if (code !== 0) throw new Error(`render exited ${code}`);
    }),
  );
  requests.push(jira.requests.length);
}
await jira.close();
rmSync(dir, { recursive: true, force: true });

console.log(`${TICKETS} tickets, ${LATENCY} ms latency per request, ${runs} runs (median), in-process`);
console.log(`one bare request          ${median(bare).toFixed(1)} ms`);
console.log(
  `weekly render --refresh   ${median(render).toFixed(1)} ms   ${median(requests)} request(s)   ` +
    `ratio ${(median(render) / median(bare)).toFixed(2)}`,
);
