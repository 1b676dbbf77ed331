// weekly schema: the JSON Schema of a report file (or of weekly.config.yaml, or team.yaml), for editors.
import { configJsonSchema } from "../config/schema.js";
import { emit, type Io } from "../io/output.js";
import { reportJsonSchema } from "../report/schema.js";
import { teamJsonSchema } from "../team/schema.js";

export interface SchemaOptions {
  which: "report" | "config" | "team";
  output?: string;
  force?: boolean;
}

export async function schemaCommand(io: Io, opts: SchemaOptions): Promise<void> {
  const schema =
    opts.which === "config" ? configJsonSchema() : opts.which === "team" ? teamJsonSchema() : reportJsonSchema();
  emit(io, `${JSON.stringify(schema, null, 2)}\n`, opts.output, opts.force);
}
