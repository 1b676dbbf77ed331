// Goldens of what templates and other tools read: the --context model of both examples (the
// template contract), the eml bytes (fixed clock, so a fixed Date and Message-ID), and a render
// enriched from Jira with --show-status. UPDATE_GOLDEN=1 npm test rewrites them.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startFakeJira } from "./fake-jira/server.js";
import { golden, run, tmpProject } from "./helpers.js";

describe("golden outputs", () => {
  for (const week of ["2022-11-04", "2022-11-11"]) {
    it(`--context of examples/reports/${week}.yaml: the model templates see`, async () => {
      const r = await run(["render", "--context", `examples/reports/${week}.yaml`]);
      expect(r.code).toBe(0);
      golden(`${week}.context.json`, r.stdout);
      // What --context prints, --from-context takes back: the same email comes out.
      const dir = tmpProject({ "model.json": r.stdout });
      const back = await run(["render", "--from-context", "model.json"], { cwd: dir });
      const direct = await run(["render", `examples/reports/${week}.yaml`]);
      expect(back).toEqual({ code: 0, stdout: direct.stdout, stderr: "" });
    });
  }

  it("-f eml of examples/reports/2022-11-11.yaml, at a fixed time", async () => {
    const r = await run(["render", "-f", "eml", "examples/reports/2022-11-11.yaml"], {
      now: new Date("2022-11-11T17:30:00Z"),
    });
    expect(r.code).toBe(0);
    golden("2022-11-11.eml", r.stdout);
  });

  it("a report enriched from Jira, with --show-status", async () => {
    const jira = await startFakeJira({
      deployment: "cloud",
      auth: { user: "me@example.com", token: "golden-token", scheme: "basic" },
      issues: [
        { key: "STR-68", summary: "network latency behaviour with VMs", status: "In Progress" },
        { key: "STR-76", summary: "Break down the latency", status: "Blocked" },
        { key: "LBO-293", summary: "Talk about the Stratos work on characterising the impact of VMs", status: "Done" },
      ],
    });
    try {
      const report = [
        "sections:",
        "  - title: Stratos",
        "    entries:",
        "      - ticket: STR-68",
        "        notes: [tried OVS with AF_XDP]",
        "      - ticket: STR-76",
        "        progress: none",
        "      - ticket: LBO-293",
        "        notes: [talk given]",
        "",
      ].join("\n");
      const dir = tmpProject({
        "weekly.config.yaml": `from: Jane Doe <jane@example.com>\nto: lead@example.com\njira:\n  url: ${jira.url}\n`,
        "reports/2022-11-11.yaml": report,
      });
      const env = { JIRA_USER: "me@example.com", JIRA_API_TOKEN: "golden-token", WEEKLY_CACHE_DIR: join(dir, "cache") };
      const r = await run(["render", "--show-status", "reports/2022-11-11.yaml"], { cwd: dir, env });
      expect(r).toMatchObject({ code: 0, stderr: "" });
      golden("jira-show-status.txt", r.stdout.replace(jira.url, "https://jira.example.com"));
    } finally {
      await jira.close();
    }
  });
});
