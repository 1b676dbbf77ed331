// Bad report files: one clear line each, exit 1, never a stack trace or a hang.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, runBin, tmpProject } from "./helpers.js";

const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
sections: [*g]
`;

const cases: [string, string | Buffer, string][] = [
  ["empty file", "", "r.yaml: is empty; a report needs at least a `sections:` list (see `weekly schema`)"],
  [
    "only comments",
    "# nothing yet\n",
    "r.yaml:1:1: expected a mapping with week_ending:, sections: ..., got only comments",
  ],
  [
    "invalid YAML",
    "sections: [\n",
    "r.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
  ],
  [
    "a list instead of a map",
    "- title: A\n- title: B\n",
    "r.yaml:1:1: expected a mapping with week_ending:, sections: ..., got a list",
  ],
  [
    "tab indentation",
    "sections:\n\t- title: A\n",
    "r.yaml:2:1: invalid YAML: Tabs are not allowed as indentation; indent with spaces",
  ],
  [
    "duplicate keys",
    "sections: []\nsections: []\n",
    'r.yaml:2:1: invalid YAML: "sections" is there twice in the same mapping',
  ],
  [
    "a YAML alias bomb",
    bomb,
    "r.yaml:1:1: invalid YAML: too many aliases (Excessive alias count indicates a resource exhaustion attack)",
  ],
  [
    "binary garbage",
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff]),
    "r.yaml:3:1: is binary (a NUL byte); expected a report file (YAML) in UTF-8 text",
  ],
  [
    "Latin-1 text",
    Buffer.from("sections: [{title: Caf\xe9}]\n", "latin1"),
    "r.yaml:1:23: is not UTF-8 text here (byte 0xe9); expected a report file (YAML) saved as UTF-8",
  ],
  [
    "several YAML documents",
    "sections: []\n---\nsections: []\n",
    "r.yaml:2:1: invalid YAML: Source contains multiple documents; please use YAML.parseAllDocuments()",
  ],
];

describe("bad report files", () => {
  for (const [name, content, message] of cases) {
    it(`${name}: one line, exit 1`, async () => {
      const dir = tmpProject({ "r.yaml": content });
      const r = await run(["render", "r.yaml"], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${message}\n`);
    });
  }

  it("a 20 MB file is refused at once, without parsing it", async () => {
    const dir = tmpProject();
    writeFileSync(join(dir, "r.yaml"), "sections:\n" + "  - title: x\n".repeat(1_538_000));
    const r = await run(["check", "r.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "r.yaml: is 19.1 MiB; a report file (YAML) is at most 4.0 MiB (is this the right file?)\n" +
        "1 file checked: 1 error, 0 warnings\n",
    );
  });

  it("a missing file and a directory", async () => {
    const dir = tmpProject();
    mkdirSync(join(dir, "reports"));
    const missing = await run(["render", "nope.yaml"], { cwd: dir });
    expect(missing).toEqual({ code: 1, stdout: "", stderr: "nope.yaml: no such file\n" });
    const folder = await run(["render", "reports"], { cwd: dir });
    expect(folder).toEqual({ code: 1, stdout: "", stderr: "reports: is a directory; expected a report file (YAML)\n" });
  });

  it("a UTF-8 BOM and CRLF line ends are accepted, and block text keeps no \\r", async () => {
    const text =
      "\ufeffweek_ending: 2024-06-14\r\nsections:\r\n  - title: A\r\n    entries:\r\n      - ticket: A-1\r\n" +
      "        notes:\r\n          - |\r\n            one\r\n              two\r\n";
    const dir = tmpProject({ "weekly.config.yaml": "from: Jane Doe <jane@example.com>\n", "r.yaml": text });
    const r = await run(["render", "r.yaml"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\nA\n=\n[A-1]\n* one\n    two\n");
    expect(r.stdout).not.toContain("\r");
  });

  it("what the schema refuses reads as zod's English messages, from the built command too", () => {
    const report =
      "week_ending: 2022-11-04\nstyle:\n  bullet: x\nsections:\n  - title: K\n    entries:\n" +
      "      - tickets: [STR-1]\n";
    const dir = tmpProject({ "2022-11-04.yaml": report, "team.yaml": "team: T\nmembers: []\n" });
    const check = runBin(["check", "2022-11-04.yaml"], { cwd: dir });
    expect(check.stderr).toBe(
      '2022-11-04.yaml:3:11: style.bullet: Invalid string: must match pattern /^[*\\-+o•]$/, got "x"\n' +
        "2022-11-04.yaml:7:18: sections[0].entries[0].tickets: Too small: expected array to have >=2 items\n" +
        "1 file checked: 2 errors, 0 warnings\n",
    );
    const team = runBin(["team", "--week", "2022-11-04"], { cwd: dir });
    expect(team.stderr).toBe("team.yaml:2:10: members: Too small: expected array to have >=1 items\n");
  });

  it("the built command prints no stack trace for bad input, and shows one with DEBUG=weekly", () => {
    const dir = tmpProject({ "r.yaml": "- a\n", "weekly.config.yaml": "week_ends_on: fryday\n" });
    const plain = runBin(["render", "r.yaml"], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      `${join(dir, "weekly.config.yaml")}:1:15: week_ends_on: expected one of ` +
        `"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", got "fryday"\n`,
    );
    const debug = runBin(["render", "r.yaml"], { cwd: dir, env: { DEBUG: "weekly" } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
