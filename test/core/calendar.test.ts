import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/errors.js";
import { isoDate, isoWeekday, type IsoDate } from "../../src/core/dates/iso-date.js";
import { easterSunday } from "../../src/core/calendar/easter.js";
import { expandHolidayRules } from "../../src/core/calendar/holiday-rules.js";
import { publicHolidays } from "../../src/core/calendar/public-holidays.js";
import { STANDARD_CALENDAR, createWorkingCalendar, type Weekday, type WorkingCalendar } from "../../src/core/calendar/working-calendar.js";
import {
  addWorkingDays,
  blackoutOn,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from "../../src/core/calendar/working-days.js";

const d = (s: string) => isoDate(s);

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected the call to throw");
}

/**
 * Holidays over the 2026/27 year end. Weekdays (2026-01-01 was a Thursday):
 *   Mon 21 · Tue 22 · Wed 23 · Thu 24 (H) · Fri 25 (H) · Sat 26 · Sun 27
 *   Mon 28 · Tue 29 · Wed 30 · Thu 31 (H) · Fri 1 Jan (H) · Sat 2 · Sun 3 · Mon 4 Jan
 * 2026-12-26 is also listed: a holiday on a Saturday must not be subtracted twice.
 */
const YEAR_END = createWorkingCalendar({
  name: "Year end",
  holidays: [
    { date: "2027-01-01", name: "New Year's Day" },
    "2026-12-24",
    { date: "2026-12-25", name: "Christmas Day" },
    { date: "2026-12-26", name: "Boxing Day (Saturday)" },
    "2026-12-31",
  ],
});

const FREEZE = createWorkingCalendar({
  name: "Year end with freeze",
  holidays: ["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"],
  blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "year-end freeze" }],
});

describe("createWorkingCalendar", () => {
  it("defaults to Monday–Friday with no holidays", () => {
    const cal = createWorkingCalendar();
    expect(cal.name).toBe("default");
    expect(cal.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(cal.holidays).toEqual([]);
    expect(cal.blackouts).toEqual([]);
    expect(STANDARD_CALENDAR.name).toBe("Monday–Friday");
    expect(STANDARD_CALENDAR.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it("sorts holidays, names string holidays, dedupes and sorts weekdays, and freezes", () => {
    expect(YEAR_END.holidays.map((h) => h.date)).toEqual(["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"]);
    expect(YEAR_END.holidays[0]).toEqual({ date: "2026-12-24", name: "holiday" });
    expect(YEAR_END.holidays[4]).toEqual({ date: "2027-01-01", name: "New Year's Day" });
    const cal = createWorkingCalendar({ workingWeekdays: [5, 1, 1, 3] });
    expect(cal.workingWeekdays).toEqual([1, 3, 5]);
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.holidays)).toBe(true);
    expect(Object.isFrozen(cal.workingWeekdays)).toBe(true);
  });

  it("sorts blackout windows by start", () => {
    const cal = createWorkingCalendar({
      blackouts: [
        { start: "2026-12-21", end: "2027-01-04", reason: "freeze" },
        { start: "2026-06-01", end: "2026-06-01", reason: "audit" },
      ],
    });
    expect(cal.blackouts.map((b) => b.reason)).toEqual(["audit", "freeze"]);
  });

  it("requires at least one working weekday (path workingWeekdays)", () => {
    const e = thrown(() => createWorkingCalendar({ workingWeekdays: [] }));
    expect(e.subject).toBe("working calendar");
    expect(e.issues.map((i) => i.path)).toEqual([["workingWeekdays"]]);
  });

  it("rejects weekdays outside 1–7 with their index", () => {
    const e = thrown(() => createWorkingCalendar({ workingWeekdays: [0, 8, 1.5] as unknown as Weekday[] }));
    expect(e.issues.map((i) => i.path)).toEqual([["workingWeekdays", 0], ["workingWeekdays", 1], ["workingWeekdays", 2], ["workingWeekdays"]]);
    const e2 = thrown(() => createWorkingCalendar({ workingWeekdays: [1, 9] as unknown as Weekday[] }));
    expect(e2.issues.map((i) => i.path)).toEqual([["workingWeekdays", 1]]);
  });

  it("rejects a blackout that ends before it starts (path blackouts.0.end)", () => {
    const e = thrown(() => createWorkingCalendar({ blackouts: [{ start: "2026-12-21", end: "2026-12-20", reason: "x" }] }));
    expect(e.issues.map((i) => i.path)).toEqual([["blackouts", 0, "end"]]);
    expect(e.message).toContain("blackouts[0].end");
    // A one-day window (end = start) is fine.
    expect(createWorkingCalendar({ blackouts: [{ start: "2026-12-21", end: "2026-12-21", reason: "x" }] }).blackouts).toHaveLength(1);
  });

  it("reports every bad date with its path", () => {
    const e = thrown(() =>
      createWorkingCalendar({
        holidays: ["2026-12-25", "2026-02-30", { date: "2026-13-01", name: "x" }],
        blackouts: [
          { start: "2026-12-21", end: "2027-01-04", reason: "ok" },
          { start: "2026-1-01", end: "2026-01-02", reason: "bad start" },
          { start: "2026-01-01", end: "tomorrow", reason: "bad end" },
        ],
      }),
    );
    expect(e.issues.map((i) => i.path)).toEqual([
      ["holidays", 1],
      ["holidays", 2],
      ["blackouts", 1, "start"],
      ["blackouts", 2, "end"],
    ]);
  });
});

describe("isWorkingDay", () => {
  it("weekends and holidays", () => {
    expect(isWorkingDay(STANDARD_CALENDAR, d("2026-11-27"))).toBe(true); // Friday
    expect(isWorkingDay(STANDARD_CALENDAR, d("2026-11-28"))).toBe(false); // Saturday
    expect(isWorkingDay(STANDARD_CALENDAR, d("2026-11-29"))).toBe(false); // Sunday
    expect(isWorkingDay(STANDARD_CALENDAR, d("2026-12-25"))).toBe(true); // no holidays in the standard calendar
    expect(isWorkingDay(YEAR_END, d("2026-12-23"))).toBe(true);
    expect(isWorkingDay(YEAR_END, d("2026-12-24"))).toBe(false);
    expect(isWorkingDay(YEAR_END, d("2026-12-25"))).toBe(false);
    expect(isWorkingDay(YEAR_END, d("2026-12-26"))).toBe(false);
    expect(isWorkingDay(YEAR_END, d("2026-12-28"))).toBe(true);
    expect(isWorkingDay(YEAR_END, d("2027-01-01"))).toBe(false);
    expect(isWorkingDay(YEAR_END, d("2027-01-04"))).toBe(true);
  });

  it("custom working weeks", () => {
    const sunThu = createWorkingCalendar({ workingWeekdays: [7, 1, 2, 3, 4] });
    expect(isWorkingDay(sunThu, d("2026-11-27"))).toBe(false); // Friday
    expect(isWorkingDay(sunThu, d("2026-11-29"))).toBe(true); // Sunday
  });

  it("blackouts are working days unless skipBlackouts is set", () => {
    expect(isWorkingDay(FREEZE, d("2026-12-22"))).toBe(true);
    expect(isWorkingDay(FREEZE, d("2026-12-22"), { skipBlackouts: true })).toBe(false);
    expect(isWorkingDay(FREEZE, d("2027-01-04"), { skipBlackouts: true })).toBe(false); // inclusive end
    expect(isWorkingDay(FREEZE, d("2027-01-05"), { skipBlackouts: true })).toBe(true);
    expect(isWorkingDay(FREEZE, d("2026-12-18"), { skipBlackouts: true })).toBe(true);
  });

  it("261 working days in 2026 on Monday–Friday (52 weeks + one extra Thursday)", () => {
    let n = 0;
    for (let day = d("2026-01-01"); day <= "2026-12-31"; day = nextDay(day)) if (isWorkingDay(STANDARD_CALENDAR, day)) n++;
    expect(n).toBe(261);
    expect(workingDaysBetween(STANDARD_CALENDAR, d("2025-12-31"), d("2026-12-31"))).toBe(261);
  });
});

describe("addWorkingDays", () => {
  it("Friday → Monday on the standard calendar and back", () => {
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-11-27"), 1)).toBe("2026-11-30");
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-11-30"), -1)).toBe("2026-11-27");
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-11-28"), 1)).toBe("2026-11-30"); // from a Saturday
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-11-28"), -1)).toBe("2026-11-27");
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-11-28"), 0)).toBe("2026-11-28"); // 0 returns the day itself
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-11-25"), 5)).toBe("2026-12-02"); // one week later
    // 260 working days follow 2026-01-01 within 2026; the 261st is Friday 2027-01-01.
    expect(addWorkingDays(STANDARD_CALENDAR, d("2026-01-01"), 261)).toBe("2027-01-01");
    expect(addWorkingDays(STANDARD_CALENDAR, d("2027-01-01"), -261)).toBe("2026-01-01");
  });

  it.each([
    ["2026-12-23", 1, "2026-12-28"], // 24, 25 holidays; 26, 27 weekend
    ["2026-12-23", 2, "2026-12-29"],
    ["2026-12-23", 3, "2026-12-30"],
    ["2026-12-23", 4, "2027-01-04"], // 31, 1 holidays; 2, 3 weekend
    ["2026-12-23", 5, "2027-01-05"],
    ["2026-12-24", 1, "2026-12-28"], // from a holiday
    ["2027-01-04", -1, "2026-12-30"],
    ["2027-01-04", -2, "2026-12-29"],
    ["2027-01-04", -3, "2026-12-28"],
    ["2027-01-04", -4, "2026-12-23"],
    ["2027-01-04", -5, "2026-12-22"],
    ["2027-01-01", -1, "2026-12-30"],
    ["2026-12-18", 10, "2027-01-07"], // 21 22 23 28 29 30 | 4 5 6 7
    ["2027-01-07", -10, "2026-12-18"],
  ] as const)("over the holiday weeks: %s %+d → %s", (from, n, to) => {
    expect(addWorkingDays(YEAR_END, d(from), n)).toBe(to);
    expect(workingDaysBetween(YEAR_END, d(from), d(to))).toBe(n);
  });

  it("nextWorkingDay / previousWorkingDay", () => {
    expect(nextWorkingDay(STANDARD_CALENDAR, d("2026-11-27"))).toBe("2026-11-30");
    expect(previousWorkingDay(STANDARD_CALENDAR, d("2026-11-30"))).toBe("2026-11-27");
    expect(nextWorkingDay(YEAR_END, d("2026-12-23"))).toBe("2026-12-28");
    expect(previousWorkingDay(YEAR_END, d("2027-01-04"))).toBe("2026-12-30");
    expect(nextWorkingDay(FREEZE, d("2026-12-18"), { skipBlackouts: true })).toBe("2027-01-05");
    expect(previousWorkingDay(FREEZE, d("2027-01-05"), { skipBlackouts: true })).toBe("2026-12-18");
  });

  it("skipBlackouts jumps over the freeze", () => {
    expect(addWorkingDays(FREEZE, d("2026-12-18"), 1)).toBe("2026-12-21");
    expect(addWorkingDays(FREEZE, d("2026-12-18"), 1, { skipBlackouts: true })).toBe("2027-01-05");
    expect(addWorkingDays(FREEZE, d("2026-12-18"), 2, { skipBlackouts: true })).toBe("2027-01-06");
    expect(addWorkingDays(FREEZE, d("2027-01-05"), -1, { skipBlackouts: true })).toBe("2026-12-18");
    expect(addWorkingDays(FREEZE, d("2026-12-24"), 1, { skipBlackouts: true })).toBe("2027-01-05"); // from inside
    // 20 working days from 2026-12-01 (Tue): Dec 2–4 (3), 7–11 (5), 14–18 (5) = 13; freeze; Jan 5–8 (4) = 17;
    // Jan 11, 12, 13 → the 20th is Wed 2027-01-13.
    expect(addWorkingDays(FREEZE, d("2026-12-01"), 20, { skipBlackouts: true })).toBe("2027-01-13");
    expect(addWorkingDays(FREEZE, d("2027-01-13"), -20, { skipBlackouts: true })).toBe("2026-12-01");
  });

  it("adjacent and overlapping blackout windows behave like one", () => {
    const split = createWorkingCalendar({
      holidays: ["2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"],
      blackouts: [
        { start: "2026-12-28", end: "2027-01-04", reason: "second half" },
        { start: "2026-12-21", end: "2026-12-27", reason: "first half" },
        { start: "2026-12-22", end: "2026-12-23", reason: "inside" },
      ],
    });
    for (const [from, n] of [["2026-12-01", 20], ["2026-12-18", 1], ["2027-01-13", -20], ["2027-01-05", -1]] as const) {
      expect(addWorkingDays(split, d(from), n, { skipBlackouts: true })).toBe(addWorkingDays(FREEZE, d(from), n, { skipBlackouts: true }));
    }
    expect(workingDaysBetween(split, d("2026-11-01"), d("2027-02-01"), { skipBlackouts: true })).toBe(
      workingDaysBetween(FREEZE, d("2026-11-01"), d("2027-02-01"), { skipBlackouts: true }),
    );
  });

  it("custom working weeks", () => {
    const sunThu = createWorkingCalendar({ workingWeekdays: [7, 1, 2, 3, 4] });
    expect(addWorkingDays(sunThu, d("2026-11-26"), 1)).toBe("2026-11-29"); // Thursday → Sunday
    const wednesdays = createWorkingCalendar({ workingWeekdays: [3] });
    expect(addWorkingDays(wednesdays, d("2026-11-25"), 1)).toBe("2026-12-02");
    expect(addWorkingDays(wednesdays, d("2026-11-25"), 10)).toBe("2027-02-03"); // 70 days later
    const everyDay = createWorkingCalendar({ workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(addWorkingDays(everyDay, d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addWorkingDays(everyDay, d("2026-01-01"), 365)).toBe("2027-01-01");
  });

  it("rejects a non-integer number of days (path days)", () => {
    expect(thrown(() => addWorkingDays(STANDARD_CALENDAR, d("2026-01-01"), 1.5)).issues[0]?.path).toEqual(["days"]);
    expect(thrown(() => addWorkingDays(STANDARD_CALENDAR, d("2026-01-01"), Number.NaN)).issues[0]?.path).toEqual(["days"]);
  });
});

describe("workingDaysBetween and blackoutOn", () => {
  it("hand-derived counts", () => {
    expect(workingDaysBetween(STANDARD_CALENDAR, d("2026-11-27"), d("2026-12-04"))).toBe(5); // Nov 30 – Dec 4
    expect(workingDaysBetween(STANDARD_CALENDAR, d("2026-12-04"), d("2026-11-27"))).toBe(-5); // Nov 27, 30, Dec 1–3
    expect(workingDaysBetween(STANDARD_CALENDAR, d("2026-11-27"), d("2026-11-27"))).toBe(0);
    expect(workingDaysBetween(STANDARD_CALENDAR, d("2026-11-28"), d("2026-11-29"))).toBe(0); // a weekend
    // 2026-12-18 (Fri) → 2027-01-08 (Fri): 15 weekdays minus 4 holidays on weekdays = 11.
    expect(workingDaysBetween(YEAR_END, d("2026-12-18"), d("2027-01-08"))).toBe(11);
    expect(workingDaysBetween(YEAR_END, d("2027-01-08"), d("2026-12-18"))).toBe(-11);
    expect(workingDaysBetween(FREEZE, d("2026-12-18"), d("2027-01-08"))).toBe(11);
    expect(workingDaysBetween(FREEZE, d("2026-12-18"), d("2027-01-08"), { skipBlackouts: true })).toBe(4); // Jan 5–8
  });

  it("an empty backward span is 0, not -0 (src bug: `-countWorking(…)` yields -0)", () => {
    // Sunday 2026-11-29 back to Saturday 2026-11-28: no working day in [end, start), so the count is 0.
    // workingDaysBetween returns `-0`, which `toBe(0)`/`toEqual(0)` and Object.is treat as different from 0.
    expect(workingDaysBetween(STANDARD_CALENDAR, d("2026-11-29"), d("2026-11-28"))).toBe(0);
    expect(workingDaysBetween(YEAR_END, d("2026-12-26"), d("2026-12-24"))).toBe(0); // Sat back to a holiday Thu
  });

  it("blackoutOn", () => {
    expect(blackoutOn(FREEZE, d("2026-12-24"))?.reason).toBe("year-end freeze");
    expect(blackoutOn(FREEZE, d("2026-12-21"))?.reason).toBe("year-end freeze");
    expect(blackoutOn(FREEZE, d("2027-01-04"))?.reason).toBe("year-end freeze");
    expect(blackoutOn(FREEZE, d("2026-12-20"))).toBeUndefined();
    expect(blackoutOn(FREEZE, d("2027-01-05"))).toBeUndefined();
    expect(blackoutOn(STANDARD_CALENDAR, d("2026-12-24"))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties against a naive, independent reference (its own date arithmetic, day-by-day walking).

const MS_PER_DAY = 86_400_000;
const BASE = Date.UTC(2020, 0, 1) / MS_PER_DAY; // epoch day of 2020-01-01
const refDate = (epochDay: number) => new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
const refEpochDay = (s: string) => Date.parse(`${s}T00:00:00Z`) / MS_PER_DAY;
const refWeekday = (epochDay: number) => new Date(epochDay * MS_PER_DAY).getUTCDay() || 7; // ISO: Sunday = 7

interface Spec {
  weekdays: Weekday[];
  holidays: number[]; // offsets from BASE
  blackouts: { start: number; length: number }[];
  skip: boolean;
}

function build(spec: Spec): { cal: WorkingCalendar; works: (epochDay: number) => boolean } {
  const cal = createWorkingCalendar({
    workingWeekdays: spec.weekdays,
    holidays: spec.holidays.map((o) => refDate(BASE + o)),
    blackouts: spec.blackouts.map((b) => ({ start: refDate(BASE + b.start), end: refDate(BASE + b.start + b.length), reason: "r" })),
  });
  const hol = new Set(spec.holidays.map((o) => BASE + o));
  const works = (e: number) =>
    spec.weekdays.includes(refWeekday(e) as Weekday) &&
    !hol.has(e) &&
    !(spec.skip && spec.blackouts.some((b) => e >= BASE + b.start && e <= BASE + b.start + b.length));
  return { cal, works };
}

function naiveAdd(works: (e: number) => boolean, from: string, n: number): string {
  let e = refEpochDay(from);
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    e += step;
    if (works(e)) left--;
  }
  return refDate(e);
}

function naiveBetween(works: (e: number) => boolean, start: string, end: string): number {
  const a = refEpochDay(start);
  const b = refEpochDay(end);
  let n = 0;
  if (b >= a) for (let e = a + 1; e <= b; e++) n += works(e) ? 1 : 0;
  else for (let e = b; e < a; e++) n -= works(e) ? 1 : 0;
  return n;
}

function nextDay(s: IsoDate): IsoDate {
  return refDate(refEpochDay(s) + 1);
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[], { minLength: 1 }),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 20 * 366 }), { maxLength: 300 }),
  blackouts: fc.array(fc.record({ start: fc.integer({ min: 0, max: 20 * 366 }), length: fc.integer({ min: 0, max: 60 }) }), { maxLength: 6 }),
  skip: fc.boolean(),
});
const startArb = fc.integer({ min: -200, max: 20 * 366 + 200 }).map((o) => refDate(BASE + o));
const nArb = fc.integer({ min: -3000, max: 3000 });

describe("working-day properties (seeded)", () => {
  it("workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n", () => {
    fc.assert(
      fc.property(specArb, startArb, nArb, (spec, start, n) => {
        const { cal } = build(spec);
        const opts = { skipBlackouts: spec.skip };
        const end = addWorkingDays(cal, start, n, opts);
        expect(workingDaysBetween(cal, start, end, opts)).toBe(n);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("addWorkingDays lands on a working day (n ≠ 0), strictly after/before the start, with no working day skipped", () => {
    fc.assert(
      fc.property(specArb, startArb, nArb.filter((n) => n !== 0), (spec, start, n) => {
        const { cal } = build(spec);
        const opts = { skipBlackouts: spec.skip };
        const end = addWorkingDays(cal, start, n, opts);
        expect(isWorkingDay(cal, end, opts)).toBe(true);
        expect(n > 0 ? end > start : end < start).toBe(true);
        // One step less lands strictly before (after) it.
        const prev = addWorkingDays(cal, start, n - Math.sign(n), opts);
        expect(n > 0 ? prev < end : prev > end).toBe(true);
        expect(Math.abs(workingDaysBetween(cal, prev, end, opts))).toBe(1);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("the week-jumping fast path equals a naive day-by-day walk", () => {
    fc.assert(
      fc.property(specArb, startArb, nArb, (spec, start, n) => {
        const { cal, works } = build(spec);
        expect(addWorkingDays(cal, start, n, { skipBlackouts: spec.skip })).toBe(naiveAdd(works, start, n));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("workingDaysBetween and isWorkingDay equal the naive reference", () => {
    fc.assert(
      fc.property(specArb, startArb, startArb, (spec, a, b) => {
        const { cal, works } = build(spec);
        const opts = { skipBlackouts: spec.skip };
        // `+ 0` folds -0 into 0 here; the sign of an empty backward count is tested on its own above.
        expect(workingDaysBetween(cal, a, b, opts) + 0).toBe(naiveBetween(works, a, b));
        expect(workingDaysBetween(cal, b, a, opts) + 0).toBe(naiveBetween(works, b, a));
        expect(isWorkingDay(cal, a, opts)).toBe(works(refEpochDay(a)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("dense holidays: long runs of non-working days still match the naive walk", () => {
    // Every working weekday of 2021–2022 except one per month is a holiday, so the fast path must fall back.
    const holidays: number[] = [];
    for (let o = 366; o < 366 + 730; o++) if (new Date((BASE + o) * MS_PER_DAY).getUTCDate() !== 15) holidays.push(o);
    fc.assert(
      fc.property(fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[], { minLength: 1 }), startArb, nArb, fc.boolean(), (weekdays, start, n, skip) => {
        const { cal, works } = build({ weekdays, holidays, blackouts: [{ start: 2000, length: 400 }], skip });
        const end = addWorkingDays(cal, start, n, { skipBlackouts: skip });
        expect(end).toBe(naiveAdd(works, start, n));
        expect(workingDaysBetween(cal, start, end, { skipBlackouts: skip })).toBe(n);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

// Holiday rules as data (issue 12, calendars). Expected dates are the published lists: Easter from the standard
// Gregorian Easter tables; gov.uk/bank-holidays (England and Wales 2022, 2026, 2027); OPM federal holidays (2021,
// 2026); the German Feiertage and the French jours fériés of 2026 follow from Easter 2026-04-05.
describe("holiday rules", () => {
  const dates = (hs: readonly { date: string }[]) => hs.map((h) => h.date);

  it("Easter Sunday by the Gregorian computus matches the published dates", () => {
    const published: Record<number, string> = {
      1818: "1818-03-22", 2000: "2000-04-23", 2008: "2008-03-23", 2011: "2011-04-24", 2019: "2019-04-21",
      2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2038: "2038-04-25", 2285: "2285-03-22",
    };
    for (const [year, date] of Object.entries(published)) expect(easterSunday(Number(year))).toBe(date);
    expect(() => easterSunday(1582)).toThrow(ValidationError);
    expect(() => easterSunday(2026.5)).toThrow(ValidationError);
  });

  it("Easter is always a Sunday from 22 March to 25 April (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const e = easterSunday(year);
        expect(isoWeekday(e)).toBe(7);
        expect(e.slice(5) >= "03-22" && e.slice(5) <= "04-25").toBe(true);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it("nth weekday, last weekday and a missing fifth one", () => {
    const hs = expandHolidayRules(
      [
        { kind: "nth-weekday", name: "Thanksgiving Day", month: 11, weekday: 4, nth: 4 },
        { kind: "nth-weekday", name: "Memorial Day", month: 5, weekday: 1, nth: "last" },
        { kind: "nth-weekday", name: "Fifth Monday of February", month: 2, weekday: 1, nth: 5 },
      ],
      { fromYear: 2026 },
    );
    expect(hs).toEqual([{ date: "2026-05-25", name: "Memorial Day" }, { date: "2026-11-26", name: "Thanksgiving Day" }]);
  });

  it("substitute days: next Monday (Tuesday when Monday is taken), nearest weekday, or none", () => {
    const xmas = [{ kind: "fixed" as const, name: "Christmas Day", month: 12, day: 25 }, { kind: "fixed" as const, name: "Boxing Day", month: 12, day: 26 }];
    // 2027: 25 December is a Saturday, 26 a Sunday.
    expect(expandHolidayRules(xmas, { fromYear: 2027, substitute: "next-monday" })).toEqual([
      { date: "2027-12-27", name: "Christmas Day (substitute day)" },
      { date: "2027-12-28", name: "Boxing Day (substitute day)" },
    ]);
    expect(dates(expandHolidayRules(xmas, { fromYear: 2027, substitute: "nearest-weekday" }))).toEqual(["2027-12-24", "2027-12-27"]);
    expect(dates(expandHolidayRules(xmas, { fromYear: 2027 }))).toEqual(["2027-12-25", "2027-12-26"]);
    // A rule's own policy wins over the set's.
    expect(dates(expandHolidayRules([{ ...xmas[0]!, substitute: "none" }, xmas[1]!], { fromYear: 2027, substitute: "next-monday" }))).toEqual(["2027-12-25", "2027-12-27"]);
  });

  it("GB-EAW 2026: Boxing Day on a Saturday gives Monday 28 December (gov.uk)", () => {
    expect(publicHolidays("GB-EAW", { fromYear: 2026 })).toEqual([
      { date: "2026-01-01", name: "New Year’s Day" },
      { date: "2026-04-03", name: "Good Friday" },
      { date: "2026-04-06", name: "Easter Monday" },
      { date: "2026-05-04", name: "Early May bank holiday" },
      { date: "2026-05-25", name: "Spring bank holiday" },
      { date: "2026-08-31", name: "Summer bank holiday" },
      { date: "2026-12-25", name: "Christmas Day" },
      { date: "2026-12-28", name: "Boxing Day (substitute day)" },
    ]);
  });

  it("GB-EAW 2022 and 2027: one-off days and both Christmas holidays substituted (gov.uk)", () => {
    expect(dates(publicHolidays("GB-EAW", { fromYear: 2022 }))).toEqual([
      "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27",
    ]);
    expect(publicHolidays("GB-EAW", { fromYear: 2022 }).at(-1)!.name).toBe("Christmas Day (substitute day)");
    expect(dates(publicHolidays("GB-EAW", { fromYear: 2027 }))).toEqual([
      "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    ]);
  });

  it("US federal 2026 and 2021: Thanksgiving 26 November, Saturday holidays observed on Friday (OPM)", () => {
    expect(dates(publicHolidays("US", { fromYear: 2026 }))).toEqual([
      "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
    ]);
    const us2021 = publicHolidays("US", { fromYear: 2021 });
    // Juneteenth (Sat) → Fri 18 June; Independence Day (Sun) → Mon 5 July; Christmas (Sat) → Fri 24 December;
    // New Year's Day 2022 (Sat) → Fri 31 December 2021.
    expect(dates(us2021).filter((d) => ["06", "07", "12"].includes(d.slice(5, 7)))).toEqual(["2021-06-18", "2021-07-05", "2021-12-24", "2021-12-31"]);
    expect(us2021.at(-1)).toEqual({ date: "2021-12-31", name: "New Year’s Day (observed)" });
    expect(dates(publicHolidays("US", { fromYear: 2022 }))[0]).toBe("2022-01-17"); // its New Year's Day fell in 2021
  });

  it("DE and FR 2026: Easter-relative days from 5 April (Good Friday, Easter Monday, Ascension, Whit Monday)", () => {
    expect(dates(publicHolidays("DE", { fromYear: 2026 }))).toEqual([
      "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26",
    ]);
    expect(dates(publicHolidays("FR", { fromYear: 2026 }))).toEqual([
      "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
    ]);
    // 2008: Ascension (Easter 23 March + 39) fell on 1 May — one day, both names.
    expect(publicHolidays("FR", { fromYear: 2008 }).find((h) => h.date === "2008-05-01")!.name).toBe("Fête du Travail / Ascension");
    expect(publicHolidays("DE", { fromYear: 2017 }).some((h) => h.date === "2017-10-31")).toBe(true);
    expect(publicHolidays("DE", { fromYear: 2018 }).some((h) => h.date === "2018-10-31")).toBe(false);
  });

  it("a year range feeds createWorkingCalendar", () => {
    const london = createWorkingCalendar({ name: "London", holidays: publicHolidays("GB-EAW", { fromYear: 2026, toYear: 2027 }) });
    expect(london.holidays).toHaveLength(16);
    // Thu 24 Dec 2026 + 1 working day: Fri 25 (Christmas), weekend, Mon 28 (substitute) → Tue 29 December.
    expect(addWorkingDays(london, d("2026-12-24"), 1)).toBe("2026-12-29");
    expect(isWorkingDay(london, d("2026-12-28"))).toBe(false);
  });

  it("refuses bad rules and ranges with the path of each problem", () => {
    const e = thrown(() =>
      expandHolidayRules(
        [
          { kind: "fixed", name: "", month: 13, day: 1 },
          { kind: "nth-weekday", name: "x", month: 1, weekday: 8, nth: 6 as never },
          { kind: "lunar" as never, name: "y" } as never,
          { kind: "fixed", name: "z", month: 2, day: 30 },
        ],
        { fromYear: 2026, toYear: 2025 },
      ),
    );
    expect(e.issues.map((i) => i.path)).toEqual([
      ["rules", 0, "name"], ["rules", 0, "month"], ["rules", 1, "weekday"], ["rules", 1, "nth"], ["rules", 2, "kind"], ["rules", 3, "day"], ["toYear"],
    ]);
    expect(() => publicHolidays("XX" as never, { fromYear: 2026 })).toThrow(/unknown region "XX"/);
    expect(() => publicHolidays("__proto__" as never, { fromYear: 2026 })).toThrow(ValidationError);
    // 29 February is a holiday in leap years only.
    expect(dates(expandHolidayRules([{ kind: "fixed", name: "Leap", month: 2, day: 29 }], { fromYear: 2027, toYear: 2028 }))).toEqual(["2028-02-29"]);
  });
});

describe("holiday functions on wrong-typed arguments", () => {
  const wrong = fc.oneof(
    fc.constantFrom<unknown>(null, undefined, NaN, Infinity, -1, 0.5, "", "x", "__proto__", "constructor", true, [], {}, [null], [{}]),
    fc.constantFrom<unknown>(Object.create(null), { fromYear: "2026" }, { fromYear: 2026, weekend: "x" }, [{ kind: "fixed" }], 10n, Symbol("s")),
    fc.anything(),
  );
  for (const [name, fn] of Object.entries({ easterSunday, expandHolidayRules, publicHolidays }) as [string, (...a: unknown[]) => unknown][]) {
    it(`${name} throws only ValidationError (property)`, () => {
      fc.assert(
        fc.property(fc.array(wrong, { maxLength: 3 }), (args) => {
          try {
            fn(...args);
          } catch (e) {
            expect(e).toBeInstanceOf(ValidationError);
          }
        }),
        { numRuns: 300, seed: 1204 },
      );
    });
  }
});
