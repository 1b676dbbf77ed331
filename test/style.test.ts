// Lines of at most 120 characters everywhere in the code (the formatter wraps code, but not
// strings, regexes or comments); fixtures are other people's text and keep their lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const MAX = 120;
const ROOTS = ["src", "test", "bench", "scripts", "bin"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "fixtures" || name === "golden" ? [] : files(path);
    return /\.(ts|js|cjs|mjs)$/.test(name) ? [path] : [];
  });
}

describe("code style", () => {
  it(`no line is longer than ${MAX} characters`, () => {
    const long: string[] = [];
    for (const file of ROOTS.flatMap((r) => files(join(ROOT, r)))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if ([...line].length > MAX) long.push(`${relative(ROOT, file)}:${i + 1} (${[...line].length})`);
        });
    }
    expect(long).toEqual([]);
  });
});
