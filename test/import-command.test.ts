// weekly import as a command: where files go, --dry-run, --force, one report per week, nothing
// written when anything fails, and one clear line (no stack trace) for every bad input.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, runImport, tmpProject } from "./helpers.js";

const SEED = readFileSync(join(ROOT, "test/fixtures/seed-weekly-reports.txt"), "utf8");
const CONFIG = readFileSync(join(ROOT, "examples/weekly.config.yaml"), "utf8");
const FIRST = `${SEED.split("\n").slice(0, 103).join("\n")}\n`;

const email = (week: string, body = "Stratos\n=======\n[STR-1] (one)\n* did it\n") =>
  "From: Jane Doe <jane@example.com>\nTo: lead@example.com\nCc: \nBcc: \n" +
  `Subject: [Weekly] Week ending ${week}\nReply-To: \n\n${body}`;

describe("import: output files", () => {
  it(
    "writes into the config's reports_dir, prints each path, " + "and keeps the config's headers out of the file",
    async () => {
      const dir = tmpProject({ "weekly.config.yaml": CONFIG, "in.txt": FIRST });
      const r = await runImport(dir, { files: ["in.txt"] });
      expect(r).toMatchObject({ code: 0, stdout: "reports/2022-11-11.yaml\n", stderr: "" });
      const yaml = readFileSync(join(dir, "reports/2022-11-11.yaml"), "utf8");
      // Outside the package's own project, the schema is the published copy of this version.
      expect(yaml).toMatch(
        new RegExp(
          /^# yaml-language-server: \$schema=https:\/\/unpkg\.com\/weekly-report@\d+\.\d+\.\d+/.source +
            /\/schema\/report\.schema\.json\nweek_ending: 2022-11-11\n\nsections:\n/.source,
        ),
      );
      expect(yaml).not.toMatch(/^(from|to|cc|bcc|reply_to|subject):/m);
    },
  );

  it("without a config writes into the current folder; -o DIR is created when missing", async () => {
    const dir = tmpProject({ "in.txt": email("2023-01-06") });
    expect((await runImport(dir, { files: ["in.txt"] })).stdout).toBe("2023-01-06.yaml\n");
    const yaml = readFileSync(join(dir, "2023-01-06.yaml"), "utf8");
    expect(yaml).toContain("from: Jane Doe <jane@example.com>\nto: lead@example.com\n");
    expect((await runImport(dir, { files: ["in.txt"], output: "out/reports" })).stdout).toBe(
      "out/reports/2023-01-06.yaml\n",
    );
  });

  it("names the package's JSON Schema by a relative path inside the package's own project", async () => {
    const out = join(ROOT, "test", `.import-${process.pid}`);
    try {
      const dir = tmpProject({ "weekly.config.yaml": CONFIG, "in.txt": FIRST });
      await runImport(dir, { files: ["in.txt"], output: out });
      expect(readFileSync(join(out, "2022-11-11.yaml"), "utf8")).toMatch(
        /^# yaml-language-server: \$schema=\.\.\/\.\.\/schema\/report\.schema\.json\n/,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("--dry-run lists path, date, sections and entries, and writes nothing", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "seed.txt": SEED });
    const r = await runImport(dir, { files: ["seed.txt"], dryRun: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "reports/2022-11-11.yaml  2022-11-11  1 section, 2 entries  (from seed.txt:1; dry run, not written)\n" +
        "reports/2022-11-04.yaml  2022-11-04  2 sections, 9 entries  (from seed.txt:105; dry run, not written)\n",
    );
    expect(existsSync(join(dir, "reports"))).toBe(false);
  });

  it("never overwrites without --force, and then writes none of the others either", async () => {
    const dir = tmpProject({ "weekly.config.yaml": CONFIG, "seed.txt": SEED, "reports/2022-11-04.yaml": "# mine\n" });
    const r = await runImport(dir, { files: ["seed.txt"] });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("reports/2022-11-04.yaml: already exists; use --force to overwrite it\n");
    expect(readdirSync(join(dir, "reports"))).toEqual(["2022-11-04.yaml"]);
    expect((await runImport(dir, { files: ["seed.txt"], force: true })).code).toBe(0);
    expect(readFileSync(join(dir, "reports/2022-11-04.yaml"), "utf8")).toContain("week_ending: 2022-11-04");
  });

  it("two emails for the same week: the later one wins (a report sent again), the other is named", async () => {
    const again = email("2023-01-06").replace("* did it", "* did it, corrected");
    const dir = tmpProject({ "a.txt": email("2023-01-06"), "b.txt": `${email("2023-01-13")}\n${again}` });
    const r = await runImport(dir, { files: ["a.txt", "b.txt"] });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'a.txt:1: skipped the email "[Weekly] Week ending 2023-01-06": ' +
        "the email at b.txt:13 is for the same week (2023-01-06) and comes later\n",
    );
    expect(r.stdout).toBe("2023-01-06.yaml\n2023-01-13.yaml\n");
    expect(readFileSync(join(dir, "2023-01-06.yaml"), "utf8")).toContain("did it, corrected");
  });
});

describe("import: inputs", () => {
  it("reads stdin for -", async () => {
    const dir = tmpProject({});
    const r = await runImport(dir, { files: ["-"] }, Buffer.from(email("2023-01-06")));
    expect(r).toMatchObject({ code: 0, stdout: "2023-01-06.yaml\n" });
  });

  it("mixed line endings (LF, CRLF, CR) read as lines", async () => {
    const text = email("2023-01-06", "Stratos\r\n=======\r[STR-1] (one)\n* did it\r\n  and more\r\n");
    const dir = tmpProject({ "mixed.txt": text });
    expect((await runImport(dir, { files: ["mixed.txt"] })).code).toBe(0);
    const out = await run(["render", "2023-01-06.yaml"], { cwd: dir });
    expect(out.stdout).toBe(text.replace(/\r\n?/g, "\n"));
  });

  it("an mbox of 200 messages gives 200 files", async () => {
    const msg = (k: number) => {
      const day = new Date(Date.UTC(2020, 0, 3 + 7 * k)).toISOString().slice(0, 10);
      return `From jane@example.com Fri Jan  3 10:00:00 2020\n${email(day)}\n`;
    };
    const dir = tmpProject({ "big.mbox": Array.from({ length: 200 }, (_, k) => msg(k)).join("") });
    const r = await runImport(dir, { files: ["big.mbox"] });
    expect(r.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith(".yaml"))).toHaveLength(200);
  });

  it.each([
    ["empty.txt", "", "empty.txt: is empty; expected a file of weekly report emails (plain text or mbox)"],
    ["blank.txt", "\n \n", "blank.txt: is empty; expected a file of weekly report emails (plain text or mbox)"],
    [
      "nul.bin",
      Buffer.from([0x46, 0x72, 0, 1, 2]),
      "nul.bin:1:3: is binary (a NUL byte); expected a file of weekly report emails",
    ],
    ["latin1.txt", Buffer.from("Subject: caf\xe9\n", "latin1"), "latin1.txt:1:13: is not UTF-8 text here (byte 0xe9)"],
    ["missing.txt", undefined, "missing.txt: no such file"],
    ["folder", "", "folder: is a directory; expected a file of weekly report emails (plain text or mbox)"],
  ])("%s: one clear line, nothing written", async (name, content, message) => {
    const input: Record<string, string | Buffer> =
      name === "folder" ? { "folder/x": "" } : content === undefined ? {} : { [name]: content };
    const dir = tmpProject({ "ok.txt": email("2023-01-06"), ...input });
    const r = await runImport(dir, { files: ["ok.txt", name] });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n")[0]).toContain(message);
    expect(existsSync(join(dir, "2023-01-06.yaml"))).toBe(false);
  });

  it("an email that is not a weekly report (a sent-mail folder has many) is skipped and named", async () => {
    const dir = tmpProject({
      "in.txt": `${email("2023-01-06")}\n${email("2023-01-13", "Hi all,\n\nlunch on Friday?\n").replace(
        "Subject: [Weekly] Week ending 2023-01-13",
        "Subject: lunch",
      )}`,
    });
    const r = await runImport(dir, { files: ["in.txt"] });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'in.txt:13: skipped the email "lunch": not a weekly report (no section title (underlined with === or ---, ' +
        "== X ==, ## X), no === trailer ===, and a Subject that does not say weekly, status or week ending)\n",
    );
    expect(readdirSync(dir).sort()).toEqual(["2023-01-06.yaml", "in.txt"]);
  });

  it("an email that names no week: an error saying how to fix it", async () => {
    const dir = tmpProject({ "in.txt": email("2023-01-06").replace(/^Subject: .*$/m, "Subject: status") });
    const r = await runImport(dir, { files: ["in.txt"] });
    expect(r.stderr).toBe(
      'in.txt:1: the email "status" names no week: its Subject names no week (like "Week ending YYYY-MM-DD"), ' +
        "and neither a Date header nor the file name gives a day; add one of them\nnothing written: 1 problem\n",
    );
  });

  it("a Date header gives the week: a weekend belongs to the week before", async () => {
    const dated = email("x").replace(/^Subject: .*$/m, "Subject: status\nDate: Sun, 8 Jan 2023 09:00:00 +0100");
    const dir = tmpProject({ "in.txt": dated });
    expect((await runImport(dir, { files: ["in.txt"] })).stdout).toBe("2023-01-06.yaml\n");
    expect(readFileSync(join(dir, "2023-01-06.yaml"), "utf8")).toContain("subject: status\n");
  });

  it("a greeting and a sign-off each get a place of their own, and print back where they were", async () => {
    const body = "Hi Alex,\nhere is my week.\n\nStratos\n=======\n[STR-1] (one)\n* did it\n\nThanks,\nJane\n";
    const dir = tmpProject({ "in.txt": email("2023-01-06", body) });
    const r = await runImport(dir, { files: ["in.txt"] });
    expect(r.stderr).toBe("");
    const yaml = readFileSync(join(dir, "2023-01-06.yaml"), "utf8");
    expect(yaml).toContain("greeting: |\n  Hi Alex,\n  here is my week.\n");
    expect(yaml).toContain("sign_off: |\n  Thanks,\n  Jane\n");
    expect(yaml).not.toMatch(/^(intro|closing|events):/m);
    const out = await run(["render", "2023-01-06.yaml"], { cwd: dir });
    expect(out.stdout).toBe(email("2023-01-06", body));
  });

  it("text that is no entry stays where it stood, as a paragraph of its section", async () => {
    const body = "Stratos\n=======\nsome stray words\nand more\n\n[STR-1] (one)\n* did it\n";
    const dir = tmpProject({ "in.txt": email("2023-01-06", body) });
    const r = await runImport(dir, { files: ["in.txt"] });
    expect(r.stderr).toBe("");
    expect(readFileSync(join(dir, "2023-01-06.yaml"), "utf8")).toContain(
      "    entries:\n      - text: |\n          some stray words\n          and more\n      - ticket: STR-1\n",
    );
    const out = await run(["render", "2023-01-06.yaml"], { cwd: dir });
    expect(out.stdout).toBe(email("2023-01-06", body));
  });
});

describe("import: a sign-off", () => {
  it("after a === trailer === is the closing, not part of the trailer", async () => {
    const body = "Work\n====\n[X-1]\n* did it\n\n=== Issues ===\n* a problem\n\nThanks,\nZoë\n";
    const dir = tmpProject({ "in.txt": email("2026-11-13", body) });
    const r = await runImport(dir, { files: ["in.txt"] });
    expect(r.stderr).toBe("");
    expect(readFileSync(join(dir, "2026-11-13.yaml"), "utf8")).toMatch(
      /issues:\n  - a problem\nsign_off: \|\n  Thanks,\n  Zoë\n$/,
    );
    const out = await run(["render", "2026-11-13.yaml"], { cwd: dir });
    expect(out.stdout).toBe(email("2026-11-13", body));
  });
});

describe("import: line numbers in an mbox", () => {
  it("point at the body's own lines for a plain 8bit part", async () => {
    const msg = (week: string, extra: string) =>
      "From jane@example.com Fri Nov 13 10:00:00 2026\nFrom: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.com>\n" +
      `To: b@example.com\nSubject: [Weekly] Week ending ${week}\n` +
      "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n" +
      `\nNet\n===\n[NET-12] (net)\n* did it\n${extra}\n`;
    const dir = tmpProject({
      "in.mbox": msg("2026-11-13", "") + msg("2026-11-20", "\n[NET-12] (again)\n* pasted twice\n"),
    });
    const r = await runImport(dir, { files: ["in.mbox"], dryRun: true });
    expect(r.stderr).toBe(
      "in.mbox:27: NET-12 is reported twice: at line 24 and here; " +
        "was a block pasted twice? (`weekly check` flags it in the written file)\n",
    );
  });
});

describe("import: the header block", () => {
  it("keeps the header block as written: only its own lines, folded as they were", async () => {
    const head =
      "From: a@example.com\nDate: Fri, 13 Nov 2026 10:00:00 +0000\nSubject: [Weekly] Week ending 2026-11-13\n";
    const folded =
      "From: a@example.com\nTo: b@example.com,\n    c@example.com\nSubject: [Weekly] Week ending 2026-11-13\n";
    const plain = "From: a@example.com\nTo: b@example.com, c@example.com\nSubject: [Weekly] Week ending 2026-11-13\n";
    const body = "\nWork\n====\n[X-1]\n* did it\n";
    const dir = tmpProject({ "a.txt": head + body, "b.txt": folded + body, "c.txt": plain + body });
    for (const [file, expected] of [
      ["a.txt", "header: |\n  From: a@example.com\n  Date: Fri, 13 Nov 2026 10:00:00 +0000\n"],
      ["b.txt", "header: |\n  From: a@example.com\n  To: b@example.com,\n      c@example.com\n"],
      // What the fields print back is named, not copied: next week's Subject follows the date.
      ["c.txt", "header:\n  - From\n  - To\n  - Subject\n"],
    ] as const) {
      const r = await runImport(dir, { files: [file], force: true });
      expect(r.stderr).toBe("");
      expect(readFileSync(join(dir, "2026-11-13.yaml"), "utf8")).toContain(expected);
      const out = await run(["render", "2026-11-13.yaml"], { cwd: dir });
      expect(out.stdout).toBe(readFileSync(join(dir, file), "utf8"));
    }
  });
});

describe("import: progress on a terminal", () => {
  it("a progress line on stderr when it is a terminal, cleared at the end; none with -q or in a pipe", async () => {
    const mbox = ["2023-01-06", "2023-01-13", "2023-01-20"]
      .map((w) => `From jane@example.com Fri Jan  6 10:00:00 2023\n${email(w)}\n`)
      .join("");
    const dir = tmpProject({ "in.mbox": mbox });
    const tty = await run(["import", "--dry-run", "in.mbox"], { cwd: dir, stderrTTY: true, env: { NO_COLOR: "1" } });
    expect(tty.code, tty.stderr).toBe(0);
    expect(tty.stderr).toContain("\r\x1b[2Kreading 3 of 3");
    expect(tty.stderr.endsWith("\r\x1b[2K")).toBe(true);
    const quiet = await run(["import", "--dry-run", "-q", "in.mbox"], { cwd: dir, stderrTTY: true });
    expect(quiet.stderr).toBe("");
    const piped = await run(["import", "--dry-run", "in.mbox"], { cwd: dir });
    expect(piped.stderr).toBe("");
  });
});
