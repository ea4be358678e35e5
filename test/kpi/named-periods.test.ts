import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isoDate, type ServiceOutage } from "../../src/index.js";
import { fiscalYearPeriod, monthPeriod, periodInstants, periodToDate, quarterPeriod, serviceAvailability, inPeriod } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// Named KPI periods: days inclusive at both ends; instants [from, to) for the KPIs measured between instants.

describe("months, quarters and fiscal years", () => {
  it("months have their own lengths; February has 29 days in a leap year (2028, 2000) and 28 in 2100", () => {
    expect(monthPeriod(2026, 3)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(monthPeriod(2026, 4)).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(monthPeriod(2028, 2).to).toBe("2028-02-29");
    expect(monthPeriod(2000, 2).to).toBe("2000-02-29");
    expect(monthPeriod(2100, 2).to).toBe("2100-02-28");
  });

  it("calendar quarters, and fiscal quarters of a year starting in April named by the year it ends in", () => {
    expect(quarterPeriod(2026, 1)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(quarterPeriod(2026, 4)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    // UK government FY2026-27 (named 2027 by its end) runs 1 April 2026 – 31 March 2027; its Q4 is January–March 2027.
    expect(quarterPeriod(2027, 1, { fiscalYearStartMonth: 4 })).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(quarterPeriod(2027, 4, { fiscalYearStartMonth: 4 })).toEqual({ from: "2027-01-01", to: "2027-03-31" });
    expect(quarterPeriod(2026, 4, { fiscalYearStartMonth: 4, namedBy: "start" })).toEqual({ from: "2027-01-01", to: "2027-03-31" });
  });

  it("fiscal years: the US federal FY2027 is 1 October 2026 – 30 September 2027; a January start is the calendar year", () => {
    expect(fiscalYearPeriod(2027, { startMonth: 10 })).toEqual({ from: "2026-10-01", to: "2027-09-30" });
    expect(fiscalYearPeriod(2026, { startMonth: 10, namedBy: "start" })).toEqual({ from: "2026-10-01", to: "2027-09-30" });
    expect(fiscalYearPeriod(2026, { startMonth: 1 })).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    // A fiscal year from March holds 29 February of the leap year it ends in: 1 March 2027 – 29 February 2028.
    expect(fiscalYearPeriod(2028, { startMonth: 3 })).toEqual({ from: "2027-03-01", to: "2028-02-29" });
  });

  it("the four quarters of any fiscal year tile it: no day twice, none left out (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9998 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom("end" as const, "start" as const), (y, m, namedBy) => {
        const fy = fiscalYearPeriod(y, { startMonth: m, namedBy });
        const qs = [1, 2, 3, 4].map((q) => quarterPeriod(y, q, { fiscalYearStartMonth: m, namedBy }));
        expect(qs[0]!.from).toBe(fy.from);
        expect(qs[3]!.to).toBe(fy.to);
        for (let i = 1; i < 4; i++) expect(Date.parse(qs[i]!.from) - Date.parse(qs[i - 1]!.to)).toBe(86_400_000);
      }),
      { numRuns: 200 },
    );
  });

  it("bad numbers are ValidationErrors at their path", () => {
    expect(firstIssuePath(() => monthPeriod(2026, 13))).toEqual(["month"]);
    expect(firstIssuePath(() => quarterPeriod(2026, 5))).toEqual(["quarter"]);
    expect(firstIssuePath(() => fiscalYearPeriod(2026, { startMonth: 0 }))).toEqual(["startMonth"]);
    expect(firstIssuePath(() => fiscalYearPeriod(2026, { startMonth: 4, namedBy: "begin" as never }))).toEqual(["namedBy"]);
    expect(firstIssuePath(() => monthPeriod(2026.5, 1))).toEqual(["year"]);
  });
});

describe("periods to date are labelled partial", () => {
  it("Q4 2026 as of 20 November: 1 October – 20 November, 51 of 92 days, partial", () => {
    // By hand: October 31 days + 20 days of November = 51; Q4 = 31 + 30 + 31 = 92 days.
    expect(periodToDate(quarterPeriod(2026, 4), isoDate("2026-11-20"))).toEqual({
      period: { from: "2026-10-01", to: "2026-11-20" },
      partial: true,
      daysCounted: 51,
      daysInPeriod: 92,
    });
  });

  it("as of the last day or later the period is whole; before its first day it is a ValidationError at [\"asOf\"]", () => {
    expect(periodToDate(monthPeriod(2026, 3), isoDate("2026-03-31")).partial).toBe(false);
    expect(periodToDate(monthPeriod(2026, 3), isoDate("2026-05-02"))).toMatchObject({ period: { to: "2026-03-31" }, partial: false, daysCounted: 31 });
    expect(firstIssuePath(() => periodToDate(monthPeriod(2026, 3), isoDate("2026-02-28")))).toEqual(["asOf"]);
    expect(firstIssuePath(() => periodToDate({ from: isoDate("2026-03-01") } as never, isoDate("2026-03-05")))).toEqual(["period", "to"]);
  });
});

describe("period instants: the last day is inside the period", () => {
  it("March 2026 is [1 March 00:00Z, 1 April 00:00Z) in UTC, and [28 Feb 23:00Z, 31 March 22:00Z) in Berlin", () => {
    expect(periodInstants(monthPeriod(2026, 3))).toEqual({ from: "2026-03-01T00:00:00.000Z", to: "2026-04-01T00:00:00.000Z" });
    // Berlin is UTC+1 on 1 March and UTC+2 (summer time from 29 March) on 1 April.
    expect(periodInstants(monthPeriod(2026, 3), { timeZone: "Europe/Berlin" })).toEqual({ from: "2026-02-28T23:00:00.000Z", to: "2026-03-31T22:00:00.000Z" });
    expect(firstIssuePath(() => periodInstants(monthPeriod(2026, 3), { timeZone: "Mars/Olympus" }))).toEqual(["timeZone"]);
  });

  it("availability over a day period counts its last day: an outage on 31 March is inside March", () => {
    const o = { id: "OUT-1", version: 1, createdAt: "2026-03-31T10:00:00Z", updatedAt: "2026-03-31T10:00:00Z", service: "crm", start: "2026-03-31T10:00:00Z", end: "2026-03-31T11:00:00Z", planned: false, impact: "full" } as unknown as ServiceOutage;
    const a = serviceAvailability([o], { service: "crm", ...periodInstants(monthPeriod(2026, 3)) });
    // By hand: 31 × 1 440 = 44 640 agreed minutes, 60 down.
    expect(a.agreedMinutes.toString()).toBe("44640");
    expect(a.downtimeMinutes.toString()).toBe("60");
    expect(inPeriod(isoDate("2026-03-31"), monthPeriod(2026, 3))).toBe(true);
  });
});
