import { describe, expect, it } from "vitest";
import { fiscalYearPeriod, incidentResponseTimes, instant, isoDate, monthPeriod, onTimeDelivery, periodInstants, quarterPeriod } from "../../src/index.js";
import { validationErrorOf } from "../support/errors.js";

// KPI periods and local days at the ends of the date range (years 0001–9999).
const refusal = (f: () => unknown) => {
  const e = validationErrorOf(f);
  return [e.subject, e.issues.map((i) => [i.path.join("."), i.message])];
};

describe("fiscal years and quarters that would end after 9999-12-31", () => {
  it("fiscalYearPeriod(9999, { startMonth: 4, namedBy: 'start' }) is refused at ['year'], not at the root of a date error", () => {
    // FY9999 named by its start runs 9999-04-01 … 10000-03-31: it cannot be a period. It failed with
    // `"10000-04-01" is not a calendar date YYYY-MM-DD` at path [] (subject "date").
    expect(refusal(() => fiscalYearPeriod(9999, { startMonth: 4, namedBy: "start" }))).toEqual(["fiscalYearPeriod", [["year", "a fiscal year ending in year 9999 or earlier"]]]);
    // Named by its end it is 9998-04-01 … 9999-03-31, a period.
    expect(fiscalYearPeriod(9999, { startMonth: 4 })).toEqual({ from: "9998-04-01", to: "9999-03-31" });
    // A calendar fiscal year 9999 is the year itself.
    expect(fiscalYearPeriod(9999, { startMonth: 1, namedBy: "start" })).toEqual({ from: "9999-01-01", to: "9999-12-31" });
  });
  it("the calendar year 9999 and its fourth quarter are periods (they failed at the root path, reaching for 10000-01-01)", () => {
    expect(fiscalYearPeriod(9999, { startMonth: 1 })).toEqual({ from: "9999-01-01", to: "9999-12-31" });
    expect(quarterPeriod(9999, 4)).toEqual({ from: "9999-10-01", to: "9999-12-31" });
    // Q4 of FY9999 ending in March 9999: 9999-01-01 … 9999-03-31.
    expect(quarterPeriod(9999, 4, { fiscalYearStartMonth: 4 })).toEqual({ from: "9999-01-01", to: "9999-03-31" });
  });
  it("quarterPeriod of such a year is refused at ['year'] too", () => {
    expect(refusal(() => quarterPeriod(9999, 4, { fiscalYearStartMonth: 4, namedBy: "start" }))[1]).toEqual([["year", "a fiscal year ending in year 9999 or earlier"]]);
    // Q3 of FY9999 (start-named, April): 9999-10-01 … 9999-12-31, inside the range, but the year itself is not.
    expect(refusal(() => quarterPeriod(9999, 3, { fiscalYearStartMonth: 4, namedBy: "start" }))[1]).toEqual([["year", "a fiscal year ending in year 9999 or earlier"]]);
  });
});

describe("periodInstants at the ends of the range", () => {
  it("December 9999 has no end instant (midnight after 9999-12-31): refused at ['period', 'to']", () => {
    // It failed with "epoch day 2932897 is outside years 0001–9999" at path [] (subject "date").
    expect(refusal(() => periodInstants(monthPeriod(9999, 12)))).toEqual([
      "periodInstants",
      [["period.to", "the period ends at midnight after 9999-12-31, outside years 0001–9999"]],
    ]);
    expect(periodInstants(monthPeriod(9999, 11))).toEqual({ from: "9999-11-01T00:00:00.000Z", to: "9999-12-01T00:00:00.000Z" });
  });
  it("January 0001 in Berlin starts before 0001-01-01T00:00Z (local mean time +0:53:28): refused at ['period', 'from']", () => {
    // It failed with "0000-12-31T23:06:32.000Z is outside years 0001–9999" at path [] (subject "instant").
    expect(refusal(() => periodInstants(monthPeriod(1, 1), { timeZone: "Europe/Berlin" }))).toEqual([
      "periodInstants",
      [["period.from", "the period starts at midnight of 0001-01-01 in Europe/Berlin, 0000-12-31T23:06:32.000Z, outside years 0001–9999"]],
    ]);
    // New York's local mean time is behind UTC: its January 0001 starts at 0001-01-01T04:56:02Z, inside the range.
    expect(periodInstants(monthPeriod(1, 1), { timeZone: "America/New_York" }).from).toBe("0001-01-01T04:56:02.000Z");
  });
});

describe("incidentResponseTimes with local days outside years 0001–9999", () => {
  it("an incident resolved 9999-12-31T23:30Z is resolved on 10000-01-01 in Tokyo: counted with no period, not in one ending 9999-12-31", () => {
    // It failed with `expected a calendar date YYYY-MM-DD, got "+010000-01"` at ["date"] (subject "inPeriod"), even
    // with no period at all. 23:00Z → 08:00 local on 10000-01-01; opened to resolved: 30 minutes.
    const incidents = [{ id: "a", openedAt: instant("9999-12-31T23:00:00Z"), resolvedAt: instant("9999-12-31T23:30:00Z") }];
    const asOf = instant("9999-12-31T23:59:00Z");
    const all = incidentResponseTimes(incidents, { asOf, timeZone: "Asia/Tokyo" });
    expect([all.mttrMinutes.value?.toFixed(), all.resolved]).toEqual(["30", ["a"]]);
    const dec = incidentResponseTimes(incidents, { asOf, timeZone: "Asia/Tokyo", period: { from: isoDate("9999-12-01"), to: isoDate("9999-12-31") } });
    expect([dec.mttrMinutes.value, dec.resolved, dec.unresolved]).toEqual([undefined, [], []]);
    // Opened from 9999-12-01 on, with no end: in.
    expect(incidentResponseTimes(incidents, { asOf, timeZone: "Asia/Tokyo", period: { from: isoDate("9999-12-01") } }).resolved).toEqual(["a"]);
  });
  it("an incident resolved 0001-01-01T01:30Z is resolved on 31 December 1 BC in New York: not in a period from 0001-01-01", () => {
    // New York's local mean time is UTC−4:56:02, so 01:30Z is 20:33:58 on the day before 0001-01-01. Intl writes that
    // year as "1" (with era BC, not asked for), and the offset was read as nearly a year ahead: the incident counted as
    // resolved on 0001-12-31, inside a period starting 0001-01-01.
    const incidents = [{ id: "a", openedAt: instant("0001-01-01T01:00:00Z"), resolvedAt: instant("0001-01-01T01:30:00Z") }];
    const t = incidentResponseTimes(incidents, { asOf: instant("0001-01-01T02:00:00Z"), timeZone: "America/New_York", period: { from: isoDate("0001-01-01") } });
    expect([t.mttrMinutes.value, t.resolved]).toEqual([undefined, []]);
    // And on that very day in UTC it is.
    expect(incidentResponseTimes(incidents, { asOf: instant("0001-01-01T02:00:00Z"), period: { from: isoDate("0001-01-01") } }).resolved).toEqual(["a"]);
  });
});

describe("onTimeDelivery with a tolerance reaching past 9999-12-31", () => {
  it("a project finished 9999-12-31 against a baseline of 9999-12-30 + 5 days is on time", () => {
    // The limit (baseline + 5 days = 10000-01-04) is no date: it failed with "epoch day 2932900 is outside years
    // 0001–9999" at path [] (subject "date"). Every finish up to 9999-12-31 is within it: 1 day late ≤ 5.
    const k = onTimeDelivery([{ id: "P", closedOn: isoDate("9999-12-31"), baselineFinish: isoDate("9999-12-30"), actualFinish: isoDate("9999-12-31") }], { toleranceDays: 5 });
    expect([k.met, k.percent.value?.toFixed()]).toEqual([["P"], "100"]);
    expect(k.checks[0]!.rule).toBe("P: finished 9999-12-31 ≤ 9999-12-30 + 5 days, past 9999-12-31: on time");
  });
});
