// --format eml: a complete RFC 5322 message, parsed back with mailparser and compared.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { ROOT, run, tmpProject } from "./helpers.js";

const NOW = new Date("2022-11-11T16:30:00Z");

describe("weekly render --format eml", () => {
  it(
    "is the text report as a message: headers from the config, " + "the body without its header lines, no Bcc",
    async () => {
      const r = await run(["render", "-f", "eml", "examples/reports/2022-11-11.yaml"], { now: NOW });
      expect(r.code).toBe(0);
      const mail = await simpleParser(r.stdout);
      const text = readFileSync(join(ROOT, "test/golden/2022-11-11.txt"), "utf8");
      expect(mail.text).toBe(text.slice(text.indexOf("\n\n") + 2));
      expect(mail.subject).toBe("[Weekly] Week ending 2022-11-11");
      expect(mail.from?.value[0]).toEqual({ address: "takahiro.akashi@linaro.org", name: "AKASHI Takahiro" });
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([
        "private-kwg@linaro.org",
        "alex.bennee@linaro.org",
      ]);
      expect(mail.date?.toISOString()).toBe("2022-11-11T16:30:00.000Z");
      expect(mail.messageId).toMatch(/^<weekly\.[0-9a-f]{24}@linaro\.org>$/);
      expect(r.stdout).not.toMatch(/^Bcc:/im);
      expect(r.stdout).toMatch(/^MIME-Version: 1\.0\r\n/m);
      // Long lines survive: the 90-character kvm line comes back whole.
      expect(mail.text).toContain(
        "          -object memory-backend-file,id=mem,size=1024M,mem-path=/dev/hugepages,share=on \\\n",
      );
    },
  );

  it("the same report at the same time is the same message", async () => {
    const a = await run(["render", "-f", "eml", "examples/reports/2022-11-04.yaml"], { now: NOW });
    const b = await run(["render", "-f", "eml", "examples/reports/2022-11-04.yaml"], { now: NOW });
    expect(a.stdout).toBe(b.stdout);
  });

  it("encodes non-ASCII names (RFC 2047) and text in UTF-8", async () => {
    const dir = tmpProject({
      "weekly.config.yaml":
        "from: Jörg Müller <joerg@example.com>\nto: [Zoë Ångström <zoe@example.com>]\n" +
        "cc: team@example.com\nreply_to: lead@example.com\n",
      "2022-11-11.yaml":
        "sections:\n  - title: Öl\n    entries:\n      - label: MISC\n        notes: [Grüße — naïve café]\n",
    });
    const r = await run(["render", "-f", "eml", "2022-11-11.yaml"], { cwd: dir, now: NOW });
    expect(r.stdout).toMatch(/^From: =\?UTF-8\?Q\?J=C3=B6rg_M=C3=BCller\?= <joerg@example\.com>\r$/m);
    const mail = await simpleParser(r.stdout);
    expect(mail.from?.value[0]).toEqual({ address: "joerg@example.com", name: "Jörg Müller" });
    expect(mail.text).toBe("Öl\n==\n(MISC)\n* Grüße — naïve café\n");
    expect(mail.replyTo?.text).toBe("lead@example.com");
    expect(mail.cc && !Array.isArray(mail.cc) ? mail.cc.text : "").toBe("team@example.com");
  });

  it("refuses to make a message without a sender or recipients", async () => {
    const dir = tmpProject({ "2022-11-11.yaml": "sections: [{title: A, progress: none}]\n" });
    const r = await run(["render", "-f", "eml", "2022-11-11.yaml"], { cwd: dir, now: NOW });
    expect(r).toEqual({
      code: 1,
      stdout: "",
      stderr: "an email needs a sender: set `from:` in weekly.config.yaml (or the report file)\n",
    });
  });
});
