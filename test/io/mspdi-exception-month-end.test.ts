import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expandMspdiException } from "../../src/io/index.js";
import type { MspdiElement } from "../../src/io/mspdi/element.js";

/** An absolute recurring exception: Type 4 (every `Period` months on `MonthDay`) or 2 (yearly on `Month`/`MonthDay`). */
const absolute = (fields: Record<string, string>, from: string, to: string): MspdiElement => ({
  fields: { Name: "month end", DayWorking: "0", ...fields },
  lists: { timePeriod: [{ fields: { FromDate: `${from}T00:00:00`, ToDate: `${to}T23:59:00` }, lists: {} }] },
});

// A MonthDay past the end of a shorter month falls on that month's last day, as MS Project (and Outlook) do.
// Reference: MPXJ RecurringData.getMonthlyAbsoluteDates / getYearlyAbsoluteDates (joniles/mpxj,
// src/main/java/org/mpxj/RecurringData.java) clamp the day number to YearMonth.lengthOfMonth(); Microsoft's
// Outlook/Exchange recurrence docs (AbsoluteMonthlyRecurrencePatternType.DayOfMonth) state the same rule.
// Before, pmokit matched `day === MonthDay` and gave no day at all in such months.
describe("MSPDI absolute recurring exceptions past the end of a shorter month", () => {
  it("day 31 of every month is the last day of April, June, September, November and February", () => {
    // 2027 is not a leap year (Feb 28); 2028 is (Feb 29).
    expect(expandMspdiException(absolute({ Type: "4", Period: "1", MonthDay: "31" }, "2027-01-01", "2027-07-31")))
      .toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31"]);
    expect(expandMspdiException(absolute({ Type: "4", Period: "1", MonthDay: "30" }, "2028-01-01", "2028-03-31")))
      .toEqual(["2028-01-30", "2028-02-29", "2028-03-30"]);
  });

  it("every second month from January on day 31: Jan 31, Mar 31, May 31, Jul 31, Sep 30, Nov 30", () => {
    expect(expandMspdiException(absolute({ Type: "4", Period: "2", MonthDay: "31" }, "2027-01-01", "2027-12-31")))
      .toEqual(["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-09-30", "2027-11-30"]);
  });

  it("February 29 and 30 each year: Feb 28 in common years, Feb 29 in leap years", () => {
    // Month 1 = February (0 = January).
    expect(expandMspdiException(absolute({ Type: "2", Month: "1", MonthDay: "30" }, "2027-01-01", "2029-12-31")))
      .toEqual(["2027-02-28", "2028-02-29", "2029-02-28"]);
    expect(expandMspdiException(absolute({ Type: "2", Month: "1", MonthDay: "29" }, "2027-01-01", "2029-12-31")))
      .toEqual(["2027-02-28", "2028-02-29", "2029-02-28"]);
    // April 31 → April 30.
    expect(expandMspdiException(absolute({ Type: "2", Month: "3", MonthDay: "31" }, "2027-01-01", "2028-12-31")))
      .toEqual(["2027-04-30", "2028-04-30"]);
  });

  it("Occurrences counts the clamped days: 3 occurrences of day 31 from February are Feb 28, Mar 31, Apr 30", () => {
    expect(expandMspdiException(absolute({ Type: "4", Period: "1", MonthDay: "31", Occurrences: "3" }, "2027-02-01", "2027-12-31")))
      .toEqual(["2027-02-28", "2027-03-31", "2027-04-30"]);
  });

  it("property: every MonthDay 1–31 gives exactly one day in each month, min(MonthDay, days in month)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1990, max: 2060 }), (monthDay, year) => {
      const dates = expandMspdiException(absolute({ Type: "4", Period: "1", MonthDay: String(monthDay) }, `${year}-01-01`, `${year}-12-31`));
      expect(dates).toHaveLength(12);
      dates.forEach((d, i) => {
        const length = new Date(Date.UTC(year, i + 1, 0)).getUTCDate(); // day 0 of the next month = last day of this one
        expect(d).toBe(`${year}-${String(i + 1).padStart(2, "0")}-${String(Math.min(monthDay, length)).padStart(2, "0")}`);
      });
    }), { numRuns: 80, seed: 21 });
  });

  it("every Period months counts from the first month that has the day on or after the period's start", () => {
    // MPXJ getMonthlyAbsoluteDates: a MonthDay before the start's day moves the first occurrence to the next month, and
    // the Period counts from there. From 15 Jan, day 10 of every 2 months: Feb 10, Apr 10, Jun 10 (before: Mar, May).
    expect(expandMspdiException(absolute({ Type: "4", Period: "2", MonthDay: "10" }, "2027-01-15", "2027-06-30")))
      .toEqual(["2027-02-10", "2027-04-10", "2027-06-10"]);
    // A day on or after the start's day keeps the first month: from 15 Jan, day 20 of every 2 months.
    expect(expandMspdiException(absolute({ Type: "4", Period: "2", MonthDay: "20" }, "2027-01-15", "2027-06-30")))
      .toEqual(["2027-01-20", "2027-03-20", "2027-05-20"]);
  });
});
