// Unit tests of the pure pieces: layout helpers, summary cutting, "did you mean".
import { describe, expect, it } from "vitest";
import { cutSummary } from "../src/report/cut-summary.js";
import { closest } from "../src/core/suggest.js";
import { hang, indent, markdownItem } from "../src/render/helpers.js";
import { dateFromFileName, weekdayOf } from "../src/report/week.js";
import { cacheDir } from "../src/jira/setup.js";
import { isAbsolute } from "node:path";

describe("layout helpers", () => {
  it("indent prefixes the first line and the later non-empty ones", () => {
    expect(indent("a\n\n  b\nc", "* ", "  ")).toBe("* a\n\n    b\n  c");
  });
  it("hang aligns further URLs under the first", () => {
    expect(hang("[12]", ["u1", "u2 (pdf)"])).toBe("[12] u1\n     u2 (pdf)");
  });
  it("markdownItem fences laid-out paragraphs and keeps prose as prose", () => {
    expect(markdownItem("Ran it:\n\n  $ make\n  $ make test\n\nAll green.")).toBe(
      "- Ran it:\n\n  ```\n    $ make\n    $ make test\n  ```\n\n  All green.",
    );
    expect(markdownItem("a  b   c\n1  2   3", "- [ ] ")).toBe(
      "- [ ]\n      ```\n      a  b   c\n      1  2   3\n      ```",
    );
  });
});

describe("cutSummary", () => {
  it("keeps what fits and cuts at a word boundary with ' ...'", () => {
    expect(cutSummary("short", 10)).toBe("short");
    expect(cutSummary("one two three four", 12)).toBe("one two ...");
    expect(cutSummary("Talk about the Stratos work on characterising the impact of VMs on network latency", 68)).toBe(
      "Talk about the Stratos work on characterising the impact of VMs ...",
    );
  });
  it("cuts inside a word only when one word is longer than the room", () => {
    expect(cutSummary("Supercalifragilistic", 10)).toBe("Superc ...");
  });
  it("counts characters, not UTF-16 units", () => {
    expect(cutSummary("Überprüfung 🚀 der Zeitgeber", 17)).toBe("Überprüfung 🚀 ...");
    expect(cutSummary("Überprüfung", 10)).toBe("Überpr ...");
  });
});

describe("small facts", () => {
  it("closest suggests near names only", () => {
    expect(closest("entires", ["entries", "title"])).toBe("entries");
    expect(closest("xyz", ["entries", "title"])).toBeUndefined();
  });
  it("weekday and file-name dates", () => {
    expect(weekdayOf("2022-11-11")).toBe("friday");
    expect(weekdayOf("2024-02-29")).toBe("thursday");
    expect(dateFromFileName("reports/2022-11-11.yaml")).toBe("2022-11-11");
    expect(dateFromFileName("2022-02-30.yaml")).toBeUndefined();
    expect(dateFromFileName("notes.yaml")).toBeUndefined();
  });
});

describe("the Jira cache folder", () => {
  it("follows XDG_CACHE_HOME and HOME only when they are absolute paths", () => {
    expect(cacheDir({ XDG_CACHE_HOME: "/x/cache", HOME: "/home/me" })).toBe("/x/cache/weekly-report");
    expect(cacheDir({ XDG_CACHE_HOME: "rel/cache", HOME: "/home/me" })).toBe("/home/me/.cache/weekly-report");
    expect(cacheDir({ HOME: "/home/me" })).toBe("/home/me/.cache/weekly-report");
    for (const HOME of ["", "somewhere"]) expect(isAbsolute(cacheDir({ HOME }))).toBe(true);
    expect(cacheDir({ WEEKLY_CACHE_DIR: "/w" }, "/configured")).toBe("/configured");
  });
});
