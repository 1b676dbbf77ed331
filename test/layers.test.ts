// The folders of src/ are layers: each may import only the layers below it (and itself), so the
// pipeline runs one way and no two folders depend on each other.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** Bottom first. A file at the top of src/ (cli.ts, cli-*.ts) is above all of them. */
const LAYERS = ["core", "io", "config", "report", "import", "jira", "model", "team", "render", "deliver", "commands"];
const SRC = join(ROOT, "src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

/** The project files a file imports (static and dynamic), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\()\s*"(\.[^"]+)"/g)].map((m) => m[1]!);
  return specs.map((s) => relative(SRC, resolve(dirname(file), s)));
}

const layerOf = (rel: string) => (rel.includes("/") ? rel.split("/")[0]! : "(top)");
const rank = (layer: string) => (layer === "(top)" ? LAYERS.length : LAYERS.indexOf(layer));

describe("src/ layers", () => {
  const files = sources(SRC).map((f) => relative(SRC, f));

  it("every folder of src/ has its place in the order", () => {
    const folders = new Set(files.map(layerOf).filter((l) => l !== "(top)"));
    expect([...folders].filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it("no file imports from a folder above its own (which also rules out cycles between folders)", () => {
    const backward: string[] = [];
    for (const file of files) {
      for (const target of importsOf(join(SRC, file))) {
        if (rank(layerOf(target)) > rank(layerOf(file))) backward.push(`${file} imports ${target}`);
      }
    }
    expect(backward).toEqual([]);
  });

  it("src/core/ imports nothing of the project but itself", () => {
    const outside = files
      .filter((f) => layerOf(f) === "core")
      .flatMap((f) =>
        importsOf(join(SRC, f))
          .filter((t) => layerOf(t) !== "core")
          .map((t) => `${f} imports ${t}`),
      );
    expect(outside).toEqual([]);
  });

  it("the check sees imports: it finds the ones it should", () => {
    expect(importsOf(join(SRC, "cli-routine.ts"))).toContain("commands/render.js");
    expect(importsOf(join(SRC, "jira/enrich.ts"))).toContain("jira/facts.js");
  });
});
