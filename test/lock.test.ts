// A report's lock: a lock whose process is gone is taken over, but only that one. Real files in a
// temp folder, real process ids (one of a process that has ended); no real sleeping.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UserError } from "../src/core/errors.js";
import { withFileLock } from "../src/io/lock.js";
import { tmpProject } from "./helpers.js";

/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid as number;

describe("the report's lock", () => {
  it("takes over a lock whose process is gone, and leaves neither lock behind", async () => {
    const dir = tmpProject({ "r.yaml": "x\n" });
    const file = join(dir, "r.yaml");
    writeFileSync(join(dir, ".r.yaml.lock"), `${deadPid()}\n`);
    const seen = await withFileLock(file, () => readFileSync(join(dir, ".r.yaml.lock"), "utf8"), {
      sleep: async () => {},
    });
    expect(seen).toBe(`${process.pid}\n`);
    expect(existsSync(join(dir, ".r.yaml.lock"))).toBe(false);
    expect(existsSync(join(dir, ".r.yaml.lock.stale"))).toBe(false);
  });

  it("while another remover is at it, waits; a remover that is gone is cleared", async () => {
    const dir = tmpProject({ "r.yaml": "x\n" });
    const file = join(dir, "r.yaml");
    writeFileSync(join(dir, ".r.yaml.lock"), `${deadPid()}\n`);
    // A live remover (this process's parent stands in) holds the guard: the dead lock stays.
    writeFileSync(join(dir, ".r.yaml.lock.stale"), `${process.ppid}\n`);
    const waited = withFileLock(file, () => "in", { sleep: async () => {}, timeoutMs: 0 });
    await expect(waited).rejects.toBeInstanceOf(UserError);
    expect(existsSync(join(dir, ".r.yaml.lock"))).toBe(true);
    // A remover that was killed: its guard is cleared, then the stale lock goes.
    writeFileSync(join(dir, ".r.yaml.lock.stale"), `${deadPid()}\n`);
    expect(await withFileLock(file, () => "in", { sleep: async () => {} })).toBe("in");
    expect(existsSync(join(dir, ".r.yaml.lock.stale"))).toBe(false);
  });

  it("never removes a lock a live process holds", async () => {
    const dir = tmpProject({ "r.yaml": "x\n" });
    writeFileSync(join(dir, ".r.yaml.lock"), `${process.ppid}\n`);
    const waited = withFileLock(join(dir, "r.yaml"), () => "in", { sleep: async () => {}, timeoutMs: 0 });
    await expect(waited).rejects.toThrow(/is still writing it/);
    expect(readFileSync(join(dir, ".r.yaml.lock"), "utf8")).toBe(`${process.ppid}\n`);
  });
});
