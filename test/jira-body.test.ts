// The bodies weekly push posts: the comment template's text as Atlassian Document Format (Cloud)
// and as wiki text (Data Center). Goldens hold both for every ticket of the seed's first report;
// every ADF document passes the fake Jira's ADF rules; small texts pin the conversions down.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Config } from "../src/config/schema.js";
import { pushItems } from "../src/deliver/push/entries.js";
import { adfBody, wikiBody } from "../src/render/jira-body.js";
import { loadReport } from "../src/report/load.js";
import { adfProblem } from "./fake-jira/adf.js";
import { ROOT, golden } from "./helpers.js";

const seed = () => loadReport(join(ROOT, "examples/reports/2022-11-11.yaml")).report!;

describe("the comments of the seed's first report", () => {
  for (const deployment of ["cloud", "datacenter"] as const) {
    it(`${deployment}: one comment per ticket, as the golden files hold them`, async () => {
      const items = await pushItems({ report: seed(), config: Config.parse({}), weekEnding: "2022-11-11", deployment });
      expect(items.map((i) => i.key)).toEqual(["STR-68", "LBO-293"]);
      for (const item of items) {
        const body = item.comment!.body;
        if (deployment === "cloud") {
          expect(adfProblem(body)).toBeUndefined();
          golden(`2022-11-11.${item.key}.adf.json`, `${JSON.stringify(body, null, 2)}\n`);
        } else golden(`2022-11-11.${item.key}.wiki.txt`, `${String(body)}\n`);
      }
      // The text both are made from: the template's, headed by the week.
      expect(items[0]!.comment!.text).toMatch(
        /^Weekly report, week ending 2022-11-11\n\n\* continued to try OVS with AF_XDP\.\n/,
      );
    });
  }
});

const doc = (...content: unknown[]) => ({ type: "doc", version: 1, content });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (t: string) => ({ type: "text", text: t });
const br = { type: "hardBreak" };
const code = (t: string) => ({ type: "codeBlock", attrs: { language: "text" }, content: [text(t)] });

describe("adfBody", () => {
  it("lines of a paragraph are hard breaks; blank lines end paragraphs and never become empty text", () => {
    expect(adfBody("one\ntwo\n\n\nthree\n")).toEqual(doc(para(text("one"), br, text("two")), para(text("three"))));
  });

  it("bullets with their indented lines, and a command block inside a bullet, keep their spacing", () => {
    const body = adfBody("* did it\n  and more\n\n    $ make -j8   # fast\n    done\n* next\n");
    expect(body).toEqual(
      doc({
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [para(text("did it"), br, text("and more")), code("  $ make -j8   # fast\n  done")],
          },
          { type: "listItem", content: [para(text("next"))] },
        ],
      }),
    );
    expect(adfProblem(body)).toBeUndefined();
  });

  it("a table laid out in columns is a code block; URLs are links", () => {
    const body = adfBody("grant mapping    Mbit/s\npersistent          910\n\nsee https://lore.example.org/x.\n");
    expect(body.content).toEqual([
      code("grant mapping    Mbit/s\npersistent          910"),
      para(
        text("see "),
        {
          type: "text",
          text: "https://lore.example.org/x",
          marks: [{ type: "link", attrs: { href: "https://lore.example.org/x" } }],
        },
        text("."),
      ),
    ]);
  });

  it("numbered items are an ordered list, nested bullets a list inside the item", () => {
    const body = adfBody("1. first\n   a. no\n2. second\n  - nested\n");
    expect(adfProblem(body)).toBeUndefined();
    const list = (body.content as { type: string }[])[0]!;
    expect(list.type).toBe("orderedList");
  });
});

describe("wikiBody", () => {
  it("escapes what wiki markup would take, leaves URLs whole, and puts preformatted text in {noformat}", () => {
    expect(wikiBody("[PATCH v3 1/2] *bold* _it_ -rc3- {x} a|b see https://x.org/a_b_(c)\n")).toBe(
      "\\[PATCH v3 1/2\\] \\*bold\\* \\_it\\_ \\-rc3\\- \\{x\\} a\\|b see https://x.org/a_b_(c)",
    );
    expect(wikiBody("    $ echo *\n")).toBe("{noformat}\n    $ echo *\n{noformat}");
    expect(wikiBody("* one\n* two\n  - sub\n")).toBe("* one\n* two\n** sub");
  });

  it("a backslash is printed as written, not as a line break", () => {
    expect(wikiBody("C:\\temp\\*\n")).toBe("C:&#92;temp&#92;\\*");
  });

  it("h1. and bq. at a line's start stay text; a {noformat} in a block keeps it whole; a note's own 1. items", () => {
    expect(wikiBody("h1. not a heading\nbq. nor a quote\n")).toBe("h1\\. not a heading\nbq\\. nor a quote");
    expect(wikiBody("  {noformat}\n  inside\n")).toBe("{code:none}\n  {noformat}\n  inside\n{code}");
    expect(wikiBody("* 1. first\n  2. second\n")).toBe("* 1. first\n2. second"); // wiki numbers with #
    expect(wikiBody("* a\n\n  c\n")).toBe("* a\n\\\\\nc");
  });
});

describe("URLs", () => {
  it("keep their balanced parentheses and brackets; a sentence's closing one is not theirs", () => {
    const links = (t: string) =>
      JSON.stringify(adfBody(t))
        .match(/"href":"[^"]*"/g)
        ?.map((h) => h.slice(8, -1));
    expect(links("see https://en.wikipedia.org/wiki/Foo_(bar) for more\n")).toEqual([
      "https://en.wikipedia.org/wiki/Foo_(bar)",
    ]);
    expect(links("(see https://example.org/a?q=[1].)\n")).toEqual(["https://example.org/a?q=[1]"]);
  });
});
