import { describe, expect, it } from "vitest";
import { STANDARD_CALENDAR, ValidationError, type WorkingCalendar } from "../../src/index.js";
import { compileEarnedValue, earnedValue, earnedValueSeries, performanceHistory } from "../../src/variance/index.js";
import { pkg, project, show, week } from "./fixtures.js";

// A status date centuries after the baseline is a typo (2126 for 2026, 9899 at the CLI's limit). Before, the work grew
// with the span without end: `pmokit evm --as-of 2999-12-31` took minutes. The library now answers a span of up to
// 400 years (146,097 days, one Gregorian cycle) and refuses a longer one at once, naming the status date.

// One package, 4 weeks of January 2027 at 1,000.00 EUR a week (BAC 4,000.00), 10 % complete on 2027-01-08.
const input = () => project([pkg({ id: "wp-a", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "10" }] })], []);

/** The standard calendar, counting how many days it is asked about (each working-day test reads the weekday mask once). */
function countingCalendar(): { calendar: WorkingCalendar; reads: () => number } {
  let reads = 0;
  const weekdayMask = new Proxy(STANDARD_CALENDAR.weekdayMask as unknown as object[], {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { calendar: { ...STANDARD_CALENDAR, weekdayMask } as unknown as WorkingCalendar, reads: () => reads };
}

describe("evfar20: a status date centuries after the baseline", () => {
  it("answers up to 400 years (146,097 days) between the earliest and the latest date the analysis touches", () => {
    // Earliest date: the baseline start 2027-01-04 (epoch day 17,900); + 146,097 days = 2427-01-04.
    const r = earnedValue(input(), { statusDate: "2427-01-04" });
    // PV is the whole BAC long after the plan; EV 10 % of it; ES read on the weekly curve: 400 of the first week's
    // 1,000 = 0.4 of its 5 working days = 2 working days.
    expect([show(r.figures.pv), show(r.figures.ev), show(r.schedule.es)]).toEqual(["4000.00", "400.00", "2.00"]);
  });

  it("refuses a status date one day further with a ValidationError naming the status date and the bound", () => {
    for (const call of [
      () => earnedValue(input(), { statusDate: "2427-01-05" }),
      () => earnedValueSeries(input(), { statusDate: "9899-12-31", grid: { kind: "monthly" } }),
      () => compileEarnedValue(input(), { statusDate: "9899-12-31" }),
      () => performanceHistory(input(), ["2027-01-29", "9899-12-31"], { grid: { kind: "monthly" } }),
    ]) {
      let err: unknown;
      try { call(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(ValidationError);
      const issue = (err as ValidationError).issues[0];
      expect(issue?.path).toEqual(["statusDate"]);
      expect(issue?.message).toMatch(/more than 400 years \(146,097 days\) from the plan/);
    }
  });

  it("a far status date before the baseline is refused the same way", () => {
    // The latest date is the plan's finish 2027-01-31; − 146,097 days = 1627-01-31: one day earlier spans 146,098.
    expect(() => earnedValue(input(), { statusDate: "1627-01-31" })).not.toThrow();
    expect(() => earnedValue(input(), { statusDate: "1627-01-30" })).toThrow(/more than 400 years/);
  });

  it("earnedValueSeries counts the forecast's working days once, not once per period (linear, not quadratic)", () => {
    const { calendar, reads } = countingCalendar();
    const s = earnedValueSeries(input(), { statusDate: "2037-01-05", grid: { kind: "monthly" }, calendar });
    // ES = 2 working days, AT = 2,611 (2027-01-04 … 2037-01-05 is 3,655 days: 522 weeks and a Monday), SPI(t) =
    // 2/2,611, IEAC(t) = PD / SPI(t) = 20 × 2,611 / 2 = 26,110 working days = 5,222 weeks from Monday 2027-01-04: the
    // Friday of its last week, day 36,552 = 2027-01-04 + 36,551 days = 2127-01-04 (+ 36,524: 100 years, 24 leap days)
    // + 27 days = 2127-01-31, about 90 years after the status date.
    expect(s.atStatusDate.schedule.forecastFinish.spiT.value).toBe("2127-01-31");
    // The points run monthly to it: 2027-01 … 2127-01 is 1,201 months, the open month twice.
    expect(s.points.length).toBe(1202);
    // Days asked of the calendar: the compiled index (~3,700 days) once, the span to the forecast finish (~36,500
    // days) a few times over. Counting each forecast month's working days from the status date afresh asked about
    // ~1,100 months × ~18,000 days ≈ 20 million.
    expect(reads()).toBeLessThan(250_000);
  });
});
