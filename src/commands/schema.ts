// weekly schema: the JSON Schema of a report file (or of weekly.config.yaml, or team.yaml), for
// editors. Made here, from the zod schemas, so that zod's JSON Schema code loads for this command only.
import * as z from "zod/mini";
import { Config } from "../config/schema.js";
import type { Io } from "../io/output.js";
import { emit } from "../io/write-atomic.js";
import { Report } from "../report/schema.js";
import { Team } from "../team/schema.js";

export interface SchemaOptions {
  which: "report" | "config" | "team";
  output?: string;
  force?: boolean;
}

const TITLES = {
  report: "weekly-report: one week's status report",
  config: "weekly-report: weekly.config.yaml",
  team: "weekly-report: team.yaml",
};

/** The JSON Schema for editors (yaml-language-server): what a file may hold, before defaults. */
function jsonSchema(which: SchemaOptions["which"]): Record<string, unknown> {
  const schema =
    which === "report"
      ? z.toJSONSchema(Report, { io: "input", unrepresentable: "any" })
      : z.toJSONSchema(which === "config" ? Config : Team, { io: "input" });
  return { ...schema, title: TITLES[which] };
}

export async function schemaCommand(io: Io, opts: SchemaOptions): Promise<void> {
  emit(io, `${JSON.stringify(jsonSchema(opts.which), null, 2)}\n`, opts.output, opts.force);
}
