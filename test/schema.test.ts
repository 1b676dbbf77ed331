// weekly schema: the JSON Schema comes from the zod schema, and the checked-in copies are current.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, runBin } from "./helpers.js";

describe("weekly schema", () => {
  it("prints the report schema, identical to schema/report.schema.json", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "schema/report.schema.json"), "utf8"));
    const schema = JSON.parse(r.stdout);
    expect(schema.required).toEqual(["sections"]);
    expect(schema.additionalProperties).toBe(false);
    const entry = schema.properties.sections.items.properties.entries.items;
    expect(Object.keys(entry.properties)).toEqual([
      ...["ticket", "tickets", "label", "summary", "heading", "notes", "todo", "progress", "text"],
      ...["set_status", "resolution", "time_spent"],
    ]);
    // A header is the names of the lines to print, or the lines themselves.
    expect(schema.properties.header.anyOf.map((s: { type: string }) => s.type)).toEqual(["array", "string"]);
    expect(entry.properties.ticket.pattern).toBe("^[A-Z][A-Z0-9_]*-[1-9][0-9]*$");
  });

  it("`schema config` prints the config schema, identical to schema/config.schema.json", async () => {
    const r = await run(["schema", "config"]);
    expect(r.stdout).toBe(readFileSync(join(ROOT, "schema/config.schema.json"), "utf8"));
    expect(JSON.parse(r.stdout).properties.week_ends_on.default).toBe("friday");
  });

  it("every example starts with the yaml-language-server comment that points at it", () => {
    const dir = join(ROOT, "examples/reports");
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name), "utf8").split("\n")[0]).toBe(
        "# yaml-language-server: $schema=../../schema/report.schema.json",
      );
    }
    expect(readFileSync(join(ROOT, "examples/weekly.config.yaml"), "utf8").split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../schema/config.schema.json",
    );
  });
});

describe("built-in templates", () => {
  it("the built command renders with templates/ as they are now, as the tests (which compile them) do", async () => {
    for (const args of [["examples/reports/2022-11-04.yaml"], ["-f", "md", "examples/reports/2022-11-11.yaml"]]) {
      const built = runBin(["render", ...args]);
      const inProcess = await run(["render", ...args]);
      expect(built.code).toBe(0);
      expect(built).toEqual(inProcess);
    }
  });
});
