// The fake Jira of the tests (TypeScript, under test/fake-jira), transpiled on the fly for the benches.
import { build } from "esbuild";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

export async function loadFakeJira() {
  const out = await build({
    entryPoints: [join(root, "test/fake-jira/server.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    logLevel: "error",
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`;
  return (await import(url)).startFakeJira;
}
