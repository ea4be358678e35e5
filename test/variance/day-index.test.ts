import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fromEpochDay, toEpochDay, type IsoDate } from "../../src/core/dates/iso-date.js";
import { createWorkingCalendar, type Weekday, type WorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import { addWorkingDays } from "../../src/core/calendar/working-days.js";
import { compileDays, nthWorkingDay, workingDaysIn } from "../../src/variance/day-index.js";

/*
 * Earned value's compiled calendar (issue 17, bundle size: it now uses the internal working-day test instead of
 * isWorkingDay and addWorkingDays) must count and find working days exactly as the public functions do, inside its
 * compiled range and beyond it (forecast dates).
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

describe("compiled calendar (day index)", () => {
  it("counts and finds working days like the spec and addWorkingDays, inside and beyond its range", () => {
    fc.assert(
      fc.property(calendarArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 400 }), (cal, from, len, n) => {
        const ix = compileDays(cal, DAY0 + from, DAY0 + from + len);
        const start = DAY0 + from + Math.floor(len / 2);
        // The n-th working day counting from `start` is the day addWorkingDays reaches from the day before it.
        expect(nthWorkingDay(ix, start, n)).toBe(addWorkingDays(cal, fromEpochDay(start - 1), n));
        const b = start + (n % 90);
        let direct = 0;
        for (let d = start; d <= b; d++) if (oracle(cal, d)) direct++;
        expect(workingDaysIn(ix, start, b)).toBe(direct);
      }),
      { numRuns: 200 },
    );
  });
});
