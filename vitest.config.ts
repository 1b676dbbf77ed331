import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
// @ts-expect-error: a plain JS build script, without types
import { templatesModuleSource, VIRTUAL_ID } from "./scripts/templates-module.js";

const pkg = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));

export default defineConfig({
  define: { WEEKLY_VERSION: JSON.stringify(pkg.version) },
  plugins: [
    {
      // The built-in templates, compiled from templates/*.hbs as the tests run (never a stale copy).
      name: "weekly-templates",
      resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
      load: (id: string) => (id === `\0${VIRTUAL_ID}` ? templatesModuleSource() : undefined),
    },
  ],
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
