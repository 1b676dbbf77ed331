// weekly completion: the shell script, and the answers the script asks the installed command for
// (as the shell runs it: a real process), from the program itself and from the user's files.
import { describe, expect, it } from "vitest";
import { ROOT, runBin } from "./helpers.js";
import { join } from "node:path";

const examples = join(ROOT, "examples");

describe("weekly completion", () => {
  it.each(["bash", "zsh", "fish"])("prints a %s script that asks `weekly complete --`", (shell) => {
    const r = runBin(["completion", shell], { cwd: examples });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("weekly complete --");
  });

  it("completes commands, flag values, report files, and the week's ticket keys for add", () => {
    const ask = (...args: string[]) => runBin(["complete", "--", ...args], { cwd: examples }).stdout.split("\n");
    expect(ask("ren")).toContain(
      "render\tprint the report email (or Markdown, or the template model) for a report file",
    );
    expect(ask("render", "--format", "")).toEqual(expect.arrayContaining(["text\t", "md\t", "eml\t"]));
    expect(ask("render", "")).toEqual(expect.arrayContaining(["reports/2022-11-11.yaml\tweek ending 2022-11-11"]));
    expect(ask("add", "")).toEqual(expect.arrayContaining(["STR-68\tnetwork latency behaviour with VMs"]));
    expect(ask("te")).toEqual(
      expect.arrayContaining([expect.stringMatching(/^team\t/), expect.stringMatching(/^templates\t/)]),
    );
  });
});
