// Which week it is: the configured weekday in the configured time zone, across year ends, leap
// days and daylight-saving changes. Every date is passed in; no test reads the clock.
import { describe, expect, it } from "vitest";
import { dateIn, weekEndingFor } from "../src/report/week.js";

describe("dateIn: the calendar date in a time zone", () => {
  it("follows the zone, not UTC", () => {
    const at = new Date("2026-11-27T23:30:00Z"); // a Friday evening in UTC
    expect(dateIn(at, "UTC")).toBe("2026-11-27");
    expect(dateIn(at, "Asia/Tokyo")).toBe("2026-11-28");
    expect(dateIn(at, "America/Los_Angeles")).toBe("2026-11-27");
  });

  it("is right on both sides of a daylight-saving change", () => {
    // Europe/Berlin: clocks go forward on 2026-03-29 at 01:00 UTC and back on 2026-10-25 at 01:00 UTC.
    expect(dateIn(new Date("2026-03-28T22:59:00Z"), "Europe/Berlin")).toBe("2026-03-28");
    expect(dateIn(new Date("2026-03-28T23:00:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dateIn(new Date("2026-03-29T21:59:00Z"), "Europe/Berlin")).toBe("2026-03-29");
    expect(dateIn(new Date("2026-03-29T22:00:00Z"), "Europe/Berlin")).toBe("2026-03-30"); // now UTC+2
    expect(dateIn(new Date("2026-10-24T21:59:00Z"), "Europe/Berlin")).toBe("2026-10-24");
    expect(dateIn(new Date("2026-10-24T22:00:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(dateIn(new Date("2026-10-25T22:59:00Z"), "Europe/Berlin")).toBe("2026-10-25"); // back to UTC+1
    expect(dateIn(new Date("2026-10-25T23:00:00Z"), "Europe/Berlin")).toBe("2026-10-26");
    // America/New_York: 2026-03-08 and 2026-11-01.
    expect(dateIn(new Date("2026-03-08T04:59:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(dateIn(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("2026-11-01");
  });
});

describe("weekEndingFor: the week's last day", () => {
  it("is the next configured weekday on or after the date", () => {
    expect(weekEndingFor("2022-11-07", "friday")).toBe("2022-11-11"); // Monday
    expect(weekEndingFor("2022-11-11", "friday")).toBe("2022-11-11"); // the Friday itself
    expect(weekEndingFor("2022-11-12", "friday")).toBe("2022-11-18"); // Saturday starts the next week
    expect(weekEndingFor("2022-11-11", "thursday")).toBe("2022-11-17");
    expect(weekEndingFor("2022-11-13", "sunday")).toBe("2022-11-13");
  });

  it("crosses year ends", () => {
    expect(weekEndingFor("2026-12-28", "friday")).toBe("2027-01-01");
    expect(weekEndingFor("2026-12-31", "friday")).toBe("2027-01-01");
    expect(weekEndingFor("2027-01-02", "friday")).toBe("2027-01-08");
    expect(weekEndingFor("2025-12-31", "friday")).toBe("2026-01-02");
  });

  it("counts leap days", () => {
    expect(weekEndingFor("2024-02-26", "friday")).toBe("2024-03-01");
    expect(weekEndingFor("2024-02-29", "thursday")).toBe("2024-02-29");
    expect(weekEndingFor("2028-02-28", "friday")).toBe("2028-03-03");
    expect(weekEndingFor("2100-02-27", "sunday")).toBe("2100-02-28"); // 2100 is not a leap year
    expect(weekEndingFor("2100-02-28", "monday")).toBe("2100-03-01");
  });

  it("a DST Sunday in Berlin, seen from UTC late on Saturday, is already the Sunday", () => {
    const at = new Date("2026-03-28T23:30:00Z");
    expect(weekEndingFor(dateIn(at, "UTC"), "saturday")).toBe("2026-03-28");
    expect(weekEndingFor(dateIn(at, "Europe/Berlin"), "saturday")).toBe("2026-04-04");
  });
});
