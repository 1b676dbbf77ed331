// weekly schema: the JSON Schema of a report file (or of weekly.config.yaml), for editors.
import * as z from "zod";
import { Config } from "../config/schema.js";
import { emit, type Io } from "../io/output.js";
import { reportJsonSchema } from "../report/schema.js";

export interface SchemaOptions {
  config?: boolean;
  output?: string;
  force?: boolean;
}

export async function schemaCommand(io: Io, opts: SchemaOptions): Promise<void> {
  const schema = opts.config
    ? { ...(z.toJSONSchema(Config, { io: "input" }) as object), title: "weekly-report: weekly.config.yaml" }
    : reportJsonSchema();
  emit(io, `${JSON.stringify(schema, null, 2)}\n`, opts.output, opts.force);
}
