import { describe, expect, it } from "vitest";
import { instant } from "../../src/index.js";
import { monthPeriod, periodInstants, serviceAvailability } from "../../src/kpi/index.js";
import { localToInstant, offsetAt } from "../../src/kpi/time-zone.js";

// Local time in a named zone for the years 1–99, which `monthPeriod` and instants accept (years 1–9999).
// tzdb: Europe/Berlin keeps local mean time (LMT) +00:53:28 until 1893, so in the year 50 local midnight is
// 00:00 − 00:53:28 = 23:06:32Z of the day before, and 08:00–18:00 local is 07:06:32Z–17:06:32Z.
// Was: `Date.UTC(50, …)` reads a two-digit year as 1950, so the offset came out as −1900 years.

const LMT = (53 * 60 + 28) * 1000; // 3 208 000 ms

describe("time zones in the years 1–99", () => {
  it("the offset of Berlin in the year 50 is LMT +00:53:28 (was about −1 900 years)", () => {
    expect(offsetAt("Europe/Berlin", Date.parse("0050-01-04T12:00:00Z"))).toBe(LMT);
    expect(new Date(localToInstant("Europe/Berlin", Date.parse("0050-01-01T00:00:00Z"))).toISOString()).toBe("0049-12-31T23:06:32.000Z");
  });

  it("January of the year 50 in Berlin is [31 Dec 49 23:06:32Z, 31 Jan 50 23:06:32Z) (was a ValidationError, year −1850)", () => {
    expect(periodInstants(monthPeriod(50, 1), { timeZone: "Europe/Berlin" })).toEqual({
      from: "0049-12-31T23:06:32.000Z",
      to: "0050-01-31T23:06:32.000Z",
    });
  });

  it("08:00–18:00 Berlin on Monday 4 January 50 is 600 agreed minutes (was 0: the hours fell 1 900 years away)", () => {
    // The UTC day [4 Jan 00:00Z, 5 Jan 00:00Z) holds 07:06:32Z–17:06:32Z of 4 January: 10 h = 600 min.
    const a = serviceAvailability([], {
      service: "erp",
      from: instant("0050-01-04T00:00:00Z"),
      to: instant("0050-01-05T00:00:00Z"),
      serviceHours: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: "08:00", end: "18:00", timeZone: "Europe/Berlin" },
    });
    expect(a.agreedMinutes.toFixed()).toBe("600");
  });
});
