// weekly push cost: a report of 30 tickets with notes pushed to test/fake-jira (Cloud) with 50 ms
// of latency per request. Prints, for a first push (every comment new) and for a second push of
// the same week (nothing changed), the requests made (writes apart) and the wall time, beside
// jipdate's shape: one comment request after another, 30 × 50 ms.
// Usage: node bench/push.js [runs=5]   (needs a build: npm run build)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFakeJira, root } from "./fake-jira.js";

const runs = Number(process.argv[2] ?? 5);
const LATENCY = Number(process.env.LATENCY ?? 50);
const TICKETS = 30;

const startFakeJira = await loadFakeJira();
const { main } = createRequire(import.meta.url)(join(root, "bin/weekly.cjs")).entry();

const keys = Array.from({ length: TICKETS }, (_, i) => `BEN-${i + 1}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once() {
  const jira = await startFakeJira({
    deployment: "cloud",
    latencyMs: LATENCY,
    auth: { user: "me@example.com", token: "bench-token", scheme: "basic" },
    issues: keys.map((key, i) => ({ key, summary: `Benchmark ticket number ${i + 1}`, status: "In Progress" })),
  });
  const dir = mkdtempSync(join(tmpdir(), "weekly-bench-push-"));
  mkdirSync(join(dir, "reports"));
  writeFileSync(join(dir, "weekly.config.yaml"), `jira:\n  url: ${jira.url}\n  deployment: cloud\n`);
  writeFileSync(
    join(dir, "reports/2024-06-14.yaml"),
    `sections:\n  - title: Bench\n    entries:\n` +
      `${keys.map((k) => `      - ticket: ${k}\n        notes: ["did something on ${k}"]\n`).join("")}`,
  );
  const io = {
    cwd: dir,
    env: { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "bench-token", WEEKLY_CACHE_DIR: join(dir, "cache") },
    stdout: { write: () => true },
    stderr: { write: () => true },
    now: () => new Date("2024-06-14T12:00:00Z"),
  };
  const push = async () => {
    jira.reset();
    const t0 = performance.now();
    const code = await main(["push", "--yes", "reports/2024-06-14.yaml"], io);
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`push exited ${code}`);
    const writes = jira.requests.filter((r) => r.method !== "GET" && r.endpoint !== "bulkfetch").length;
    return { ms, requests: jira.requests.length, writes };
  };
  const first = await push();
  const second = await push();
  await jira.close();
  rmSync(dir, { recursive: true, force: true });
  return { first, second };
}

await once(); // warm-up: loads jira-client and the templates once
const results = [];
for (let i = 0; i < runs; i++) results.push(await once());
const sequential = TICKETS * LATENCY;
const line = (name, pick) => {
  const ms = median(results.map((r) => pick(r).ms));
  const r = pick(results[0]);
  const count = `${String(r.requests).padStart(3)} requests (${r.writes} writes)`;
  return `${name.padEnd(22)} ${count}, median ${ms.toFixed(0)} ms`;
};
console.log(`${TICKETS} tickets, ${LATENCY} ms latency per request, ${runs} runs (median), in-process`);
console.log(`jipdate's shape         ${TICKETS} comment requests one after another: ${sequential} ms (writes only)`);
console.log(line("first push", (r) => r.first));
console.log(line("unchanged second push", (r) => r.second));
console.log(`goal: first push at most ${sequential / 4} ms (a quarter), second push with no writes`);
