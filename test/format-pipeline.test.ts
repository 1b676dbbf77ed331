// The rest of the pipeline knows the format's new parts: `weekly new` carries a report in
// another engineer's layout sensibly, `weekly add` finds an entry about several tickets, and
// `weekly check` counts footnotes wherever they are cited.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { run, tmpProject } from "./helpers.js";

const CONFIG = "from: Ingrid <ingrid@example.org>\nto: [lead@example.org]\nreports_dir: reports\n";

const WEEK = `week_ending: 2024-06-07
header: |
  From: Ingrid <ingrid@example.org>
  Subject: [Weekly] Week ending {week_ending}
greeting: Hi all,
quote: |
  > is the DT still blocked?
intro: The DT can go first.
sections:
  - title: Kernel
    entries:
      - text: Reviews on the list this week, see [a].
      - tickets: [ARM64-12, ARM64-15]
        summary: MTE
        text: |
          - rebased
            1) kselftests pass
      - ticket: UBOOT-142
        notes: [v3 sent]
        set_status: In Review
        resolution: Fixed
        time_spent: 1h 30m
    references:
      a: https://lore.example.org/reviews
patches: ["v3 of the capsule series [1]"]
references:
  1: https://lore.example.org/v3
sign_off: |
  Cheers,
  Ingrid
signature: |
  -- 
  Ingrid Halvorsen
`;

describe("the new parts through new, add and check", () => {
  it("weekly new keeps greeting, sign-off and signature; clears the prose, quote and Jira actions", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-07.yaml": WEEK });
    const r = await run(["new", "--date", "2024-06-12"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const next = parse(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8"));
    expect(next).toMatchObject({ greeting: "Hi all,", sign_off: "Cheers,\nIngrid\n" });
    expect(next.signature).toBe("-- \nIngrid Halvorsen\n");
    expect(next.quote).toBeUndefined();
    expect(next.intro).toBeUndefined();
    const entries = next.sections[0].entries;
    // The section's prose goes; an entry's own text goes like notes do.
    expect(entries).toEqual([
      { tickets: ["ARM64-12", "ARM64-15"], summary: "MTE", progress: "none" },
      { ticket: "UBOOT-142", progress: "none" },
    ]);
    // The header names the week by {week_ending}: next week's Subject follows.
    const out = await run(["render", "--offline", "reports/2024-06-14.yaml"], { cwd: dir });
    expect(out.stdout).toMatch(
      /^From: Ingrid <ingrid@example.org>\nSubject: \[Weekly\] Week ending 2024-06-14\n\nHi all,\n/,
    );
  });

  it("weekly add finds an entry about several tickets by any of its keys", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-14.yaml": WEEK.replace("06-07", "06-14") });
    const r = await run(["add", "ARM64-15", "sent v3"], { cwd: dir, now: new Date("2024-06-13T10:00:00Z") });
    expect(r.code, r.stderr).toBe(0);
    const entry = parse(readFileSync(join(dir, "reports/2024-06-14.yaml"), "utf8")).sections[0].entries[1];
    expect(entry).toMatchObject({ tickets: ["ARM64-12", "ARM64-15"], notes: ["sent v3"] });
    const out = await run(["render", "--offline", "reports/2024-06-14.yaml"], { cwd: dir });
    expect(out.stdout).toContain("[ARM64-12, ARM64-15] (MTE)\n- rebased\n  1) kselftests pass\n\n* sent v3\n");
  });

  it("check counts footnotes cited in prose or a trailer; a lettered one only where letters are defined", async () => {
    const withIndex = WEEK.replace(
      "      - text: Reviews",
      "      - text: |\n          x = a[i] + b[j]\n      - text: Reviews",
    );
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-07.yaml": withIndex });
    const r = await run(["check", "reports/2024-06-07.yaml"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("1 file checked: 0 errors, 0 warnings\n");
    const unused = withIndex.replace("see [a].", "see below.").replace('"v3 of the capsule series [1]"', "v3 sent");
    const dir2 = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-07.yaml": unused });
    const r2 = await run(["check", "reports/2024-06-07.yaml"], { cwd: dir2 });
    expect(r2.stderr).toContain("footnote [a] is defined but never used in the text");
    expect(r2.stderr).toContain("footnote [1] is defined but never used in the text");
  });

  it("an entry about a ticket twice over (in tickets: and ticket:) is an error naming both places", async () => {
    const twice = WEEK.replace(
      "      - ticket: UBOOT-142",
      "      - ticket: ARM64-15\n        notes: [again]\n      - ticket: UBOOT-142",
    );
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "reports/2024-06-07.yaml": twice });
    const r = await run(["check", "reports/2024-06-07.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ARM64-15 is reported twice: here and at line 13 (sections[0].entries[1].tickets[1])");
  });
});
