// Benchmark of `weekly import`: a generated mbox of 2000 weekly reports (~50 MB), imported with
// --dry-run (read, split, decode, parse, YAML; no files written), five runs, median messages/s.
// Two mboxes: a mix as mail clients write them (half 8bit, a quarter quoted-printable with
// RFC 2047 names, a quarter base64), and all quoted-printable (UTF-8 QP and base64 are decoded
// by simple-mime.ts; mailparser takes only other charsets and multipart mail).
// The importer is bundled from src/ with esbuild into a temp folder, so this runs before and
// after `import` is wired into bin/weekly.cjs.   Usage: node bench/import.js [messages]
import { build } from "esbuild";
import { templatesModuleSource, VIRTUAL_ID } from "../scripts/templates-module.js";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = new URL("..", import.meta.url).pathname;
const COUNT = Number(process.argv[2] ?? 2000);
const RUNS = 5;
const seedBody = readFileSync(join(ROOT, "test/fixtures/seed-weekly-reports.txt"), "utf8")
  .split("\n")
  .slice(7, 103)
  .join("\n");

/**
 * ~25 KB of report body: the seed's first email six times, as six projects with their own keys
 * (of the seed's lengths).
 */
function reportBody() {
  return Array.from({ length: 6 }, (_, s) =>
    seedBody
      .replace(/^Stratos\n=======/, `Project ${s}\n=========`)
      .replace(/\[([A-Z]+)-\d(\d*)\]/g, `[$1-${s + 1}$2]`),
  ).join("\n\n");
}

const fridayOf = (k) => new Date(Date.UTC(1990, 0, 5 + 7 * k)).toISOString().slice(0, 10);
const qp = (s) =>
  Buffer.from(s)
    .toString("latin1")
    .replace(/[=\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);

function message(k, kind) {
  const body = `${reportBody()}\n`;
  const from =
    kind === "8bit" ? "Jorg Muller <jorg@example.org>" : "=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?= <jorg@example.org>";
  const encoded =
    kind === "base64"
      ? Buffer.from(body).toString("base64").replace(/.{76}/g, "$&\n")
      : kind === "qp"
        ? qp(body)
        : body;
  const head = [
    `From jorg@example.org Fri Jan  5 18:00:00 1990`,
    `From: ${from}`,
    "To: team@example.org",
    `Subject: [Weekly] Week ending ${fridayOf(k)}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    `Content-Transfer-Encoding: ${kind === "qp" ? "quoted-printable" : kind}`,
  ];
  return `${head.join("\n")}\n\n${encoded}\n`;
}

/** The built-in templates, precompiled, as the bundle serves them (the import checks its round trip). */
const templates = {
  name: "weekly-templates",
  setup(b) {
    b.onResolve({ filter: /^virtual:weekly-templates$/ }, () => ({ path: VIRTUAL_ID, namespace: "weekly" }));
    b.onLoad({ filter: /.*/, namespace: "weekly" }, () => ({ contents: templatesModuleSource(), loader: "js" }));
  },
};

async function bundleImporter(dir) {
  const outfile = join(dir, "import.mjs");
  await build({
    entryPoints: [join(ROOT, "src/commands/import.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    banner: {
      js:
        'import { createRequire as __weeklyRequire } from "node:module"; ' +
        "const require = __weeklyRequire(import.meta.url);",
    },
    logLevel: "warning",
    plugins: [templates],
  });
  return (await import(outfile)).importCommand;
}

async function timeImport(importCommand, dir, file) {
  const sink = { write: () => true };
  const io = { cwd: dir, env: {}, stdout: sink, stderr: sink, now: () => new Date() };
  const start = performance.now();
  await importCommand(io, { files: [file], dryRun: true, output: join(dir, "out") });
  return (performance.now() - start) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), "weekly-bench-import-"));
try {
  const importCommand = await bundleImporter(dir);
  const mixes = { mixed: ["8bit", "8bit", "qp", "base64"], "quoted-printable": ["qp"] };
  for (const [name, kinds] of Object.entries(mixes)) {
    const file = join(dir, `${name}.mbox`);
    writeFileSync(file, Array.from({ length: COUNT }, (_, k) => message(k, kinds[k % kinds.length])).join("\n"));
    const seconds = [];
    for (let r = 0; r < RUNS; r++) seconds.push(await timeImport(importCommand, dir, file));
    const median = seconds.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const mb = statSync(file).size / 1e6;
    console.log(
      `${name.padEnd(16)} ${COUNT} messages, ${mb.toFixed(1)} MB: ` +
        `median ${median.toFixed(2)} s = ${Math.round(COUNT / median)} messages/s ` +
        `(runs: ${seconds.map((s) => s.toFixed(2)).join(", ")} s)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
