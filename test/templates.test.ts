// A user's own templates fail loudly and say where: strict partials, the partial's own file,
// helpers that say what they take, the block left open, the field that was meant.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tmpProject } from "./helpers.js";

const REPORT =
  "week_ending: 2024-06-14\nsections:\n  - title: A\n    entries:\n      - ticket: A-1\n        notes: [done]\n";
const CONFIG = "from: Jane Doe <jane@example.com>\n";

async function renderWith(files: Record<string, string>) {
  const dir = tmpProject({ "weekly.config.yaml": CONFIG, "2024-06-14.yaml": REPORT, ...files });
  return { dir, r: await run(["render", "2024-06-14.yaml", "-t", "mine.hbs"], { cwd: dir }) };
}

describe("your own templates", () => {
  it("a partial of yours is strict too, and its mistakes name its own file and line", async () => {
    const { dir, r } = await renderWith({
      "mine.hbs": "{{#each sections}}\n{{#each entries}}\n{{> entry}}\n{{/each}}\n{{/each}}\n",
      "partials/entry.hbs": "[{{ticket}}]\n{{summry_short}}\n",
    });
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `${join(dir, "partials/entry.hbs")}:2:3: "summry_short" is neither in the model nor a helper; ` +
        'did you mean "summary_short"? see the model with `weekly render --context`\n',
    });
  });

  it("a helper called wrongly says what it takes, at the template's line", async () => {
    const hang = await renderWith({ "mine.hbs": "line one\n{{hang 1}}\n" });
    expect(hang.r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `${join(hang.dir, "mine.hbs")}:2:1: {{hang}} was given 1 argument; ` +
        "it takes a marker and a list of URLs: {{hang marker urls}}\n",
    });
    const indent = await renderWith({ "mine.hbs": "{{indent}}\n" });
    expect(indent.r.stderr).toBe(
      `${join(indent.dir, "mine.hbs")}:1:1: {{indent}} was given 0 arguments; ` +
        "it takes a text, the first line's prefix, the others' prefix\n",
    );
    const wrong = await renderWith({ "mine.hbs": "{{#each sections}}{{join title}}{{/each}}\n" });
    expect(wrong.r.stderr).toBe(
      `${join(wrong.dir, "mine.hbs")}:1:19: {{join}} was given the string "A" as argument 1, ` +
        "where it wants a list of text; " +
        "it takes a list and a separator\n",
    );
  });

  it("a block never closed is named where it opens", async () => {
    const { dir, r } = await renderWith({
      "mine.hbs": "{{subject}}\n{{#each sections}}\n  {{#if title}}{{title}}{{/if}}\n",
    });
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr:
        `${join(dir, "mine.hbs")}:2:1: template syntax error: ` +
        "{{#each}} is never closed (write {{/each}} after its content)\n",
    });
  });

  it("a block closed by the wrong name says which", async () => {
    const { dir, r } = await renderWith({ "mine.hbs": "{{#each sections}}\n{{title}}\n{{/if}}\n" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${join(dir, "mine.hbs")}:1:4: {{/if}} closes a {{#each}} block\n`); // at the block's name
  });

  it("the same template renders when it is right (the checks do not get in the way)", async () => {
    const { r } = await renderWith({
      "mine.hbs": "{{#each sections}}{{#each entries}}{{> entry}}{{/each}}{{/each}}",
      "partials/entry.hbs": "{{ticket}}: {{join (lookup blocks 0).note.length}}\n".replace(
        "{{join (lookup blocks 0).note.length}}",
        "{{indent (lookup (lookup blocks 0) 'note') '* ' '  '}}",
      ),
    });
    expect(r).toEqual({ code: 0, stdout: "A-1: * done\n", stderr: "" });
  });
});

describe("weekly add: what a mistyped note means", () => {
  it("a note that starts with -, or one not in quotes, gets a hint", async () => {
    const dash = await run(["add", "STR-1", "-fixed the build"]);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toBe(
      "error: unknown option '-fixed the build'; a note that starts with - goes after --: weekly add KEY -- \"-...\"\n",
    );
    const words = await run(["add", "STR-1", "fixed", "the", "build"]);
    expect(words.code).toBe(2);
    expect(words.stderr).toMatch(
      /^error: too many arguments for 'add'\. .*; put the note in quotes: weekly add KEY "what happened"\n$/,
    );
  });
});
