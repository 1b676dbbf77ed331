// weekly schema: the JSON Schema of a report file (or of weekly.config.yaml), for editors.
import { configJsonSchema } from "../config/schema.js";
import { emit, type Io } from "../io/output.js";
import { reportJsonSchema } from "../report/schema.js";

export interface SchemaOptions {
  which: "report" | "config";
  output?: string;
  force?: boolean;
}

export async function schemaCommand(io: Io, opts: SchemaOptions): Promise<void> {
  const schema = opts.which === "config" ? configJsonSchema() : reportJsonSchema();
  emit(io, `${JSON.stringify(schema, null, 2)}\n`, opts.output, opts.force);
}
