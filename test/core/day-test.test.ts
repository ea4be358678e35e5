import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/errors.js";
import { fromEpochDay, toEpochDay, type IsoDate } from "../../src/core/dates/iso-date.js";
import { STANDARD_CALENDAR, createWorkingCalendar, type Weekday, type WorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { checkCalendar, lowerBound, worksOn } from "../../src/core/calendar/day-test.js";
import { isWorkingDay } from "../../src/core/calendar/working-days.js";

/*
 * The internal working-day test (issue 17, bundle size) must answer exactly what the public working-day functions
 * answer, so that earned value compiling a calendar with it gives the figures it gave with isWorkingDay and
 * addWorkingDays.
 */
const DAY0 = toEpochDay("2026-01-01" as IsoDate);
const calendarArb = fc
  .record({
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 40 }),
    blackouts: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 20 })), { maxLength: 3 }),
  })
  .map(({ weekdays, holidays, blackouts }) =>
    createWorkingCalendar({
      workingWeekdays: weekdays as Weekday[],
      holidays: holidays.map((d) => fromEpochDay(DAY0 + d)),
      blackouts: blackouts.map(([s, len]) => ({ start: fromEpochDay(DAY0 + s), end: fromEpochDay(DAY0 + s + len), reason: "freeze" })),
    }),
  );

/** The spec, read from the calendar's public fields with the platform's own weekday: an oracle independent of the code. */
function oracle(cal: WorkingCalendar, day: number): boolean {
  const date = fromEpochDay(day);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return (cal.workingWeekdays as readonly number[]).includes(weekday) && !cal.holidays.some((h) => h.date === date);
}

describe("day-test: the working-day test behind earned value's compiled calendar", () => {
  it("worksOn (and isWorkingDay, built on it) follow the spec on random calendars: blackouts are working days", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: -10, max: 420 }), (cal, d) => {
        expect(worksOn(cal, DAY0 + d)).toBe(oracle(cal, DAY0 + d));
        expect(isWorkingDay(cal, fromEpochDay(DAY0 + d))).toBe(oracle(cal, DAY0 + d));
      }),
      { numRuns: 300 },
    );
  });

  it("the standard calendar: Friday works, Saturday does not", () => {
    expect(worksOn(STANDARD_CALENDAR, toEpochDay("2026-11-27" as IsoDate))).toBe(true);
    expect(worksOn(STANDARD_CALENDAR, toEpochDay("2026-11-28" as IsoDate))).toBe(false);
  });

  it("lowerBound counts the entries below x", () => {
    const a = Int32Array.from([1, 3, 3, 7]);
    expect([0, 1, 2, 3, 4, 7, 8].map((x) => lowerBound(a, x))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });

  it("checkCalendar refuses what isWorkingDay refuses, with the same error", () => {
    for (const bad of [null, 3, {}, { weekdayMask: [], holidayDays: [], blackoutRanges: [] }]) {
      let mine: unknown, theirs: unknown;
      try { checkCalendar(bad); } catch (e) { mine = e; }
      try { isWorkingDay(bad as never, "2026-11-27" as IsoDate); } catch (e) { theirs = e; }
      expect(mine).toBeInstanceOf(ValidationError);
      expect((mine as ValidationError).message).toBe((theirs as ValidationError).message);
      expect((mine as ValidationError).issues).toEqual((theirs as ValidationError).issues);
    }
    expect(checkCalendar(STANDARD_CALENDAR)).toBe(STANDARD_CALENDAR);
  });
});
