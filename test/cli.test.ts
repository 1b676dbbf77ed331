// CLI conventions: help, version, exit codes, -o written atomically, NO_COLOR.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { ROOT, run, runBin, runBinLoading, tmpProject } from "./helpers.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
const REPORT =
  "week_ending: 2024-06-14\nsections:\n  - title: A\n    entries:\n      - ticket: A-1\n        notes: [done]\n";

describe("command line", () => {
  it("--version prints the package version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  for (const cmd of ["render", "check", "schema"]) {
    it(`${cmd} --help explains the command on stdout, exit 0`, async () => {
      const r = await run([cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: weekly ${cmd} `));
      expect(r.stderr).toBe("");
    });
  }

  it("usage errors exit 2 with one line on stderr", async () => {
    const typo = await run(["rendr"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("error: unknown command 'rendr' (did you mean render?)\n");
    const flag = await run(["render", "--formt", "md"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("error: unknown option '--formt' (did you mean --format?)\n");
    const choice = await run(["render", "--format", "pdf", "x.yaml"]);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toBe(
      "error: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are text, md, eml.\n",
    );
    const missing = await run(["add", "AB-1"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("error: missing required argument 'text'\n");
    const both = await run(["render", "a.yaml", "--from-context", "c.json"]);
    expect(both).toEqual({ code: 2, stdout: "", stderr: "give a report file or --from-context FILE, not both\n" });
  });

  it("-o writes the file, refuses to overwrite without --force (exit 2), and leaves no temp file", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "from: Jane Doe <jane@example.com>\n", "2024-06-14.yaml": REPORT });
    const first = await run(["render", "2024-06-14.yaml", "-o", "out.txt"], { cwd: dir });
    expect(first).toEqual({ code: 0, stdout: "", stderr: "" });
    const written = readFileSync(join(dir, "out.txt"), "utf8");
    expect(written).toContain("[A-1]\n* done\n");

    writeFileSync(join(dir, "out.txt"), "my own edits\n");
    const again = await run(["render", "2024-06-14.yaml", "-o", "out.txt"], { cwd: dir });
    expect(again).toEqual({ code: 2, stdout: "", stderr: "out.txt: already exists; use --force to overwrite it\n" });
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe("my own edits\n");

    const forced = await run(["render", "2024-06-14.yaml", "-o", "out.txt", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe(written);
    expect(readdirSync(dir).sort()).toEqual(["2024-06-14.yaml", "out.txt", "weekly.config.yaml"]);
  });

  it("-o into a folder that does not exist fails cleanly and writes nothing", async () => {
    const dir = tmpProject({ "weekly.config.yaml": "from: Jane Doe <jane@example.com>\n", "2024-06-14.yaml": REPORT });
    const r = await run(["render", "2024-06-14.yaml", "-o", "no/such/out.txt"], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: "", stderr: "no/such/out.txt: its folder does not exist\n" });
    expect(existsSync(join(dir, "no"))).toBe(false);
  });

  it("colours warnings on a terminal, and not with NO_COLOR", async () => {
    const dir = tmpProject({ "r.yaml": "week_ending: 2024-06-13\nsections: [{title: A, progress: none}]\n" });
    const capture = async (env: NodeJS.ProcessEnv) => {
      let err = "";
      await main(["check", "r.yaml"], {
        cwd: dir,
        env,
        stdout: { write: () => true },
        stderr: { isTTY: true, write: (s: string) => (err += s) },
        now: () => new Date(),
      });
      return err;
    };
    expect(await capture({})).toContain("\x1b[33mwarning:\x1b[0m");
    expect(await capture({ NO_COLOR: "1" })).not.toContain("\x1b[");
  });

  it("runs from the built bin as a process: stdout is the product, exit codes hold", () => {
    const dir = tmpProject({ "2024-06-14.yaml": REPORT, "bad.yaml": "sections: 3\n" });
    const good = runBin(["render", "2024-06-14.yaml"], { cwd: dir });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^From: \nTo: \n/);
    const bad = runBin(["render", "bad.yaml"], { cwd: dir });
    expect(bad).toEqual({ code: 1, stdout: "", stderr: "bad.yaml:1:11: sections: expected a list, got number 3\n" });
    const usage = runBin(["render", "--nope"], { cwd: dir });
    expect(usage.code).toBe(2);
  });

  it("reads two files for check and render (the entry and the pack), one for --help", () => {
    const files = ["weekly.cjs", ...readdirSync(join(ROOT, "dist", "chunks")).map((f) => `chunks/${f}`)];
    const watched = files.map((f) => `/dist/${f}`);
    const report = readFileSync(join(ROOT, "examples/reports/2022-11-04.yaml"), "utf8");
    const dir = tmpProject({ "weekly.config.yaml": "from: Me <me@example.com>\n", "2022-11-04.yaml": report });
    const reads = (args: string[]) => {
      const r = runBinLoading(args, watched, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return r.loaded;
    };
    expect(reads(["--help"])).toEqual(["/dist/weekly.cjs"]);
    expect(reads(["check", "2022-11-04.yaml"])).toEqual(["/dist/weekly.cjs", "/dist/chunks/pack.cjs"]);
    expect(reads(["render", "2022-11-04.yaml"])).toEqual(["/dist/weekly.cjs", "/dist/chunks/pack.cjs"]);
    // Another command finds its own chunks beside the pack.
    expect(reads(["new", "--help"])).toEqual(["/dist/weekly.cjs"]);
    const schema = reads(["schema"]);
    expect(schema.slice(0, 2)).toEqual(["/dist/weekly.cjs", "/dist/chunks/pack.cjs"]);
    expect(schema.slice(2).length).toBeGreaterThan(0);
  });

  it("keeps one V8 code cache per build (a file per chunk), survives a corrupt one, and drops older builds'", () => {
    const cacheFile = (f: string) => f === "weekly.cjs.bin" || f === "commands" || chunks.includes(f);
    const chunks = readdirSync(join(ROOT, "dist", "chunks")).map((f) => `${f}.bin`);
    const cache = tmpProject({ "weekly-report/v8/0.0.1-old-build/weekly.cjs.bin": "from an older build" });
    const first = runBin(["render", "examples/reports/2022-11-04.yaml"], { env: { XDG_CACHE_HOME: cache } });
    expect(first.code).toBe(0);
    const root = join(cache, "weekly-report", "v8");
    const build = readFileSync(join(ROOT, "dist", "build-id"), "utf8").trim();
    const [dir] = readdirSync(root);
    // the old build's folder is gone
    expect(readdirSync(root)).toEqual([`${build}-${process.version}-${process.arch}`]);
    const files = readdirSync(join(root, dir!));
    expect(files).toContain("weekly.cjs.bin");
    expect(files.every(cacheFile)).toBe(true);
    // The first run of a command wrote its chunks' caches, and says so (a later first run adds its name).
    const commands = () => readFileSync(join(root, dir!, "commands"), "utf8");
    expect(commands()).toBe("render\n");
    writeFileSync(join(root, dir!, "weekly.cjs.bin"), "garbage");
    const again = runBin(["render", "examples/reports/2022-11-04.yaml"], { env: { XDG_CACHE_HOME: cache } });
    expect(again).toEqual(first);
    expect(readFileSync(join(root, dir!, "weekly.cjs.bin")).length).toBeGreaterThan(1000); // rewritten
    // Mistyped commands make no files of their own; with the cache off nothing is written.
    for (const word of ["rendr", "chek", "xyz"])
      expect(runBin([word], { env: { XDG_CACHE_HOME: cache } }).code).toBe(2);
    const off = runBin(["check", "examples/reports/2022-11-04.yaml"], {
      env: { XDG_CACHE_HOME: cache, WEEKLY_COMPILE_CACHE: "0" },
    });
    expect(off.code).toBe(0);
    expect(readdirSync(join(root, dir!)).every(cacheFile)).toBe(true);
    expect(commands()).toBe("render\n");
    expect(runBin(["check", "examples/reports/2022-11-04.yaml"], { env: { XDG_CACHE_HOME: cache } }).code).toBe(0);
    expect(commands()).toBe("render\ncheck\n");
  });

  it("a cache folder that cannot be made is no problem: the command runs and ends", () => {
    for (const base of ["/proc/none", "/dev/null/x"]) {
      const r = runBin(["--version"], { env: { XDG_CACHE_HOME: base } });
      expect(r).toEqual({
        code: 0,
        stdout: `${JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version}\n`,
        stderr: "",
      });
    }
  });

  it("a cache file damaged in place counts as missing and is written again (V8 would crash on it)", () => {
    const cache = tmpProject({});
    const args = ["check", "examples/reports/2022-11-04.yaml"];
    const first = runBin(args, { env: { XDG_CACHE_HOME: cache } });
    expect(first.code).toBe(0);
    const root = join(cache, "weekly-report", "v8");
    const pack = join(root, readdirSync(root)[0]!, "pack.cjs.bin");
    const good = readFileSync(pack);
    const damaged = Buffer.from(good);
    damaged.fill(0, 4096, 8192); // a block of the first copy, the length unchanged
    writeFileSync(pack, damaged);
    expect(runBin(args, { env: { XDG_CACHE_HOME: cache } })).toEqual(first);
    const again = readFileSync(pack);
    expect(again.subarray(0, again.length / 2).equals(again.subarray(again.length / 2))).toBe(true);
    expect(again.equals(damaged)).toBe(false);
  });

  it("an empty HOME puts no cache into the folder the command runs in", () => {
    const dir = tmpProject({ "2022-11-04.yaml": readFileSync(join(ROOT, "examples/reports/2022-11-04.yaml"), "utf8") });
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "weekly.cjs"), "check", "2022-11-04.yaml"], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: "" },
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual(["2022-11-04.yaml"]);
  });

  it("output a library writes through process.stdout reaches a slow reader whole", async () => {
    const keys = Array.from({ length: 6000 }, (_, i) => `      - ticket: LONGPROJECT-${i + 1}\n`).join("");
    const dir = tmpProject({
      "weekly.config.yaml": "from: Me <me@example.com>\n",
      "reports/2024-06-14.yaml": `sections:\n  - title: A\n    entries:\n${keys}`,
    });
    const args = [join(ROOT, "bin", "weekly.cjs"), "complete", "--", "add", ""];
    const env = { PATH: process.env.PATH, HOME: dir, XDG_CACHE_HOME: join(dir, ".c") };
    // Into a file, the writes are synchronous: the whole output, as a reference.
    const out = openSync(join(dir, "whole.txt"), "w");
    spawnSync(process.execPath, args, { cwd: dir, env, stdio: ["ignore", out, "inherit"] });
    closeSync(out);
    const whole = readFileSync(join(dir, "whole.txt"), "utf8");
    expect(whole.length).toBeGreaterThan(128 * 1024); // more than a pipe holds
    const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ["ignore", "pipe", "inherit"] });
    const closed = new Promise((r) => child.on("close", r));
    child.stdout.pause(); // a reader that is not there yet: the pipe fills before the command ends
    await new Promise((r) => setTimeout(r, 300));
    let got = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (got += d));
    child.stdout.resume();
    await closed;
    expect(got.length).toBe(whole.length);
    expect(got).toBe(whole);
  });
});
