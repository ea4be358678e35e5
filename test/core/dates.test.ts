import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/errors.js";
import {
  dateFromParts,
  dateParts,
  daysInMonth,
  fromEpochDay,
  isIsoDate,
  isoDate,
  isoWeekday,
  toEpochDay,
  type IsoDate,
} from "../../src/core/dates/iso-date.js";
import { addDays, addMonths, differenceInDays, differenceInMonths, endOfMonth, startOfMonth } from "../../src/core/dates/arithmetic.js";
import { compareDates, isAfterDate, isBeforeDate, isWithinDates, maxDate, minDate } from "../../src/core/dates/compare.js";

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

/** Epoch days of 0001-01-01 and 9999-12-31 (0001-01-01 is 719162 days before 1970-01-01; see the toEpochDay test). */
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;

/** Any date in years 0001–9999, generated from parts (independently of the code under test). */
const anyDate = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(day, dim)).padStart(2, "0")}` as IsoDate;
  });

/** Reference epoch day through Date.UTC, adjusted for its two-digit-year quirk (years 0–99 map to 1900–1999). */
function referenceEpochDay(s: string): number {
  const [y, m, day] = s.split("-").map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, day);
  return t.getTime() / 86_400_000;
}

describe("isIsoDate / isoDate", () => {
  it.each([
    ["2024-02-29", true], // 2024 is a leap year (divisible by 4, not by 100)
    ["2023-02-29", false],
    ["2000-02-29", true], // 2000 is a leap year (divisible by 400)
    ["1900-02-29", false], // 1900 is not (divisible by 100, not by 400)
    ["2100-02-29", false],
    ["2026-02-28", true],
    ["2026-02-30", false],
    ["2026-04-31", false],
    ["2026-06-31", false],
    ["2026-09-31", false],
    ["2026-11-31", false],
    ["2026-12-31", true],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-01-00", false],
    ["2026-1-01", false],
    ["2026-01-1", false],
    ["26-01-01", false],
    ["0000-01-01", false], // year 0 is outside 0001–9999
    ["0001-01-01", true],
    ["9999-12-31", true],
    ["10000-01-01", false],
    [" 2026-01-01", false],
    ["2026-01-01 ", false],
    ["2026-01-01T00:00:00Z", false],
    ["2026/01/01", false],
    ["", false],
  ] as const)("%j → %s", (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
    if (ok) expect(isoDate(s)).toBe(s);
    else {
      const e = thrown(() => isoDate(s));
      expect(e.subject).toBe("date");
      expect(e.issues).toHaveLength(1);
    }
  });

  it("rejects non-strings", () => {
    for (const v of [null, undefined, 20260101, new Date(0), ["2026-01-01"]]) expect(isIsoDate(v)).toBe(false);
  });

  it("daysInMonth", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it("dateParts / dateFromParts", () => {
    expect(dateParts(d("2026-11-25"))).toEqual({ year: 2026, month: 11, day: 25 });
    expect(dateParts(d("0001-01-09"))).toEqual({ year: 1, month: 1, day: 9 });
    expect(dateFromParts(2026, 2, 28)).toBe("2026-02-28");
    expect(dateFromParts(1, 1, 1)).toBe("0001-01-01");
    expect(() => dateFromParts(2026, 2, 29)).toThrow(ValidationError);
    expect(() => dateFromParts(2026, 13, 1)).toThrow(ValidationError);
    expect(() => dateFromParts(0, 1, 1)).toThrow(ValidationError);
    expect(() => dateFromParts(10000, 1, 1)).toThrow(ValidationError);
  });
});

describe("epoch days and weekdays", () => {
  it("toEpochDay on known days", () => {
    expect(toEpochDay(d("1970-01-01"))).toBe(0);
    expect(toEpochDay(d("1970-01-02"))).toBe(1);
    expect(toEpochDay(d("1969-12-31"))).toBe(-1);
    // 30 years × 365 + 7 leap days (1972 … 1996) = 10957.
    expect(toEpochDay(d("2000-01-01"))).toBe(10_957);
    // 25 years × 365 + 6 leap days (1972 … 1992) = 9131, so 1994-12-31 is 9130.
    expect(toEpochDay(d("1994-12-31"))).toBe(9_130);
    // 0001-01-01: 1969 years of 365 days + 477 leap days (492 − 19 + 4) = 719162 days before the epoch.
    expect(toEpochDay(d("0001-01-01"))).toBe(FIRST_DAY);
    // 9999 years hold 9999·365 + 2424 leap days = 3652059 days; the last is 3652058 after 0001-01-01.
    expect(toEpochDay(d("9999-12-31"))).toBe(LAST_DAY);
    // Years 1–99 are not shifted to 1900–1999 (the Date.UTC two-digit-year trap).
    expect(toEpochDay(d("0099-12-31")) + 1).toBe(toEpochDay(d("0100-01-01")));
    expect(toEpochDay(d("0050-01-01"))).toBe(referenceEpochDay("0050-01-01"));
  });

  it("fromEpochDay on known days and out of range", () => {
    expect(fromEpochDay(0)).toBe("1970-01-01");
    expect(fromEpochDay(-1)).toBe("1969-12-31");
    expect(fromEpochDay(10_957)).toBe("2000-01-01");
    expect(fromEpochDay(FIRST_DAY)).toBe("0001-01-01");
    expect(fromEpochDay(LAST_DAY)).toBe("9999-12-31");
    expect(() => fromEpochDay(FIRST_DAY - 1)).toThrow(ValidationError);
    expect(() => fromEpochDay(LAST_DAY + 1)).toThrow(ValidationError);
    expect(() => fromEpochDay(1.5)).toThrow(ValidationError);
    expect(() => fromEpochDay(Number.NaN)).toThrow(ValidationError);
    expect(() => fromEpochDay(Number.POSITIVE_INFINITY)).toThrow(ValidationError);
  });

  it("fromEpochDay rejects integers beyond the range of Date (src bug: returns \"0NaN-NaN-NaN\")", () => {
    // 10^9 days is past Date's ±10^8-day range: new Date(1e9 · 86400000) is an Invalid Date, getUTCFullYear() is NaN,
    // and `y < 1 || y > 9999` is false for NaN, so the range check lets it through.
    expect(() => fromEpochDay(1e9)).toThrow(ValidationError);
    expect(() => fromEpochDay(-1e9)).toThrow(ValidationError);
    expect(() => addDays(d("2026-01-01"), 1e9)).toThrow(ValidationError);
  });

  it("property: toEpochDay ∘ fromEpochDay is the identity over years 0001–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: LAST_DAY }), (n) => {
        const s = fromEpochDay(n);
        expect(isIsoDate(s)).toBe(true);
        expect(toEpochDay(s)).toBe(n);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("property: fromEpochDay ∘ toEpochDay is the identity and agrees with an independent reference", () => {
    fc.assert(
      fc.property(anyDate, (s) => {
        expect(fromEpochDay(toEpochDay(s))).toBe(s);
        expect(toEpochDay(s)).toBe(referenceEpochDay(s));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("isoWeekday on published facts", () => {
    expect(isoWeekday(d("1970-01-01"))).toBe(4); // Thursday
    expect(isoWeekday(d("2000-01-01"))).toBe(6); // Saturday
    expect(isoWeekday(d("0001-01-01"))).toBe(1); // Monday (proleptic Gregorian)
    expect(isoWeekday(d("1994-12-31"))).toBe(6); // Saturday
    expect(isoWeekday(d("2026-01-01"))).toBe(4); // Thursday
    expect(isoWeekday(d("2026-11-25"))).toBe(3); // Wednesday
    expect(isoWeekday(d("2026-03-08"))).toBe(7); // Sunday: US DST starts
    expect(isoWeekday(d("2026-11-01"))).toBe(7); // Sunday: US DST ends
    expect(isoWeekday(d("1969-12-29"))).toBe(1); // Monday, before the epoch
  });

  it("property: isoWeekday agrees with Date#getUTCDay", () => {
    fc.assert(
      fc.property(anyDate, (s) => {
        const dow = new Date(referenceEpochDay(s) * 86_400_000).getUTCDay(); // 0 = Sunday
        expect(isoWeekday(s)).toBe(dow === 0 ? 7 : dow);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("addDays", () => {
  it.each([
    ["2026-02-27", 2, "2026-03-01"], // 2026 is not leap: 27, 28, then March 1
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2024-01-01", 366, "2025-01-01"], // 2024 has 366 days
    ["2026-01-01", 365, "2027-01-01"],
    ["1900-02-28", 1, "1900-03-01"], // 1900 is not leap
    ["2000-02-28", 1, "2000-02-29"],
    ["1970-01-01", -719_162, "0001-01-01"],
    ["2026-11-25", 0, "2026-11-25"],
  ] as const)("%s %+d → %s", (from, n, to) => {
    expect(addDays(d(from), n)).toBe(to);
  });

  it("rejects non-integers and results outside 0001–9999", () => {
    expect(thrown(() => addDays(d("2026-01-01"), 1.5)).issues[0]?.path).toEqual(["days"]);
    expect(thrown(() => addDays(d("2026-01-01"), Number.NaN)).issues[0]?.path).toEqual(["days"]);
    expect(() => addDays(d("9999-12-31"), 1)).toThrow(ValidationError);
    expect(() => addDays(d("0001-01-01"), -1)).toThrow(ValidationError);
  });

  it("property: addDays moves the epoch day by exactly n and is invertible", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -100_000, max: 100_000 }), (s, n) => {
        const target = toEpochDay(s) + n;
        if (target < FIRST_DAY || target > LAST_DAY) {
          expect(() => addDays(s, n)).toThrow(ValidationError);
          return;
        }
        const r = addDays(s, n);
        expect(toEpochDay(r)).toBe(target);
        expect(addDays(r, -n)).toBe(s);
        expect(differenceInDays(r, s)).toBe(n);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"], // clamped to the end of February (2026 is not leap)
    ["2024-01-31", 1, "2024-02-29"], // 2024 is leap
    ["2024-03-31", -1, "2024-02-29"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-05-31", 1, "2026-06-30"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-12-15", 1, "2027-01-15"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-01-15", -13, "2024-12-15"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2024-02-29", -24, "2022-02-28"],
    ["1999-02-28", 12, "2000-02-28"],
    ["2026-08-31", 0, "2026-08-31"],
    ["0001-01-31", 1, "0001-02-28"],
    ["9999-11-30", 1, "9999-12-30"],
  ] as const)("%s %+d months → %s", (from, n, to) => {
    expect(addMonths(d(from), n)).toBe(to);
  });

  it("rejects non-integers and results outside 0001–9999", () => {
    expect(thrown(() => addMonths(d("2026-01-01"), 0.5)).issues[0]?.path).toEqual(["months"]);
    expect(() => addMonths(d("9999-12-01"), 1)).toThrow(ValidationError);
    expect(() => addMonths(d("0001-01-15"), -1)).toThrow(ValidationError);
  });

  it("property: without clamping (day ≤ 28) adding then subtracting months is the identity", () => {
    fc.assert(
      fc.property(anyDate.filter((s) => Number(s.slice(8)) <= 28 && s >= "0100" && s < "9900"), fc.integer({ min: -1000, max: 1000 }), (s, n) => {
        const r = addMonths(s, n);
        expect(r.slice(8)).toBe(s.slice(8));
        expect(addMonths(r, -n)).toBe(s);
        expect(differenceInMonths(r, s)).toBe(n);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("differenceInDays / differenceInMonths", () => {
  it("differenceInDays", () => {
    expect(differenceInDays(d("2026-12-31"), d("2026-01-01"))).toBe(364);
    expect(differenceInDays(d("2026-01-01"), d("2026-12-31"))).toBe(-364);
    expect(differenceInDays(d("2025-01-01"), d("2024-01-01"))).toBe(366);
    expect(differenceInDays(d("1900-03-01"), d("1900-02-28"))).toBe(1); // no Feb 29 in 1900
    expect(differenceInDays(d("2000-03-01"), d("2000-02-28"))).toBe(2); // Feb 29 in 2000
    expect(differenceInDays(d("2026-03-09"), d("2026-03-08"))).toBe(1); // US DST change: still one day
    expect(differenceInDays(d("9999-12-31"), d("0001-01-01"))).toBe(3_652_058);
  });

  it("differenceInMonths counts a month only when the day of month is reached", () => {
    expect(differenceInMonths(d("2026-07-15"), d("2026-01-15"))).toBe(6);
    expect(differenceInMonths(d("2026-07-14"), d("2026-01-15"))).toBe(5);
    expect(differenceInMonths(d("2026-02-28"), d("2026-01-31"))).toBe(0);
    expect(differenceInMonths(d("2026-03-31"), d("2026-01-31"))).toBe(2);
    expect(differenceInMonths(d("2026-03-30"), d("2026-01-31"))).toBe(1);
    expect(differenceInMonths(d("2027-01-14"), d("2026-01-15"))).toBe(11);
    expect(differenceInMonths(d("2027-01-15"), d("2026-01-15"))).toBe(12);
    expect(differenceInMonths(d("2026-01-15"), d("2026-01-01"))).toBe(0);
    // Backwards: −6 when the day is reached, −5 when not.
    expect(differenceInMonths(d("2026-01-15"), d("2026-07-15"))).toBe(-6);
    expect(differenceInMonths(d("2026-01-16"), d("2026-07-15"))).toBe(-5);
    expect(differenceInMonths(d("2026-01-31"), d("2026-02-28"))).toBe(0);
  });

  it("property: differenceInMonths is antisymmetric", () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(differenceInMonths(a, b)).toBe(-differenceInMonths(b, a) || 0);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("property: for from.day ≤ 28, k = differenceInMonths(to, from) ≥ 0 satisfies from+k months ≤ to < from+(k+1) months", () => {
    fc.assert(
      fc.property(anyDate.filter((s) => Number(s.slice(8)) <= 28 && s < "9900"), fc.integer({ min: 0, max: 20_000 }), (from, n) => {
        const to = addDays(from, n);
        const k = differenceInMonths(to, from);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(addMonths(from, k) <= to).toBe(true);
        expect(addMonths(from, k + 1) > to).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("startOfMonth / endOfMonth", () => {
  it("hand-derived", () => {
    expect(startOfMonth(d("2026-11-25"))).toBe("2026-11-01");
    expect(startOfMonth(d("2026-11-01"))).toBe("2026-11-01");
    expect(startOfMonth(d("0001-12-31"))).toBe("0001-12-01");
    expect(endOfMonth(d("2028-02-10"))).toBe("2028-02-29");
    expect(endOfMonth(d("2026-02-10"))).toBe("2026-02-28");
    expect(endOfMonth(d("1900-02-01"))).toBe("1900-02-28");
    expect(endOfMonth(d("2000-02-15"))).toBe("2000-02-29");
    expect(endOfMonth(d("2026-04-30"))).toBe("2026-04-30");
    expect(endOfMonth(d("2026-12-05"))).toBe("2026-12-31");
    expect(endOfMonth(d("9999-12-01"))).toBe("9999-12-31");
  });

  it("property: start ≤ date ≤ end, both in the same month, end + 1 day starts the next month", () => {
    fc.assert(
      // Not the first or last month of the range: their neighbouring days are outside years 0001–9999 (refused).
      fc.property(anyDate.filter((s) => s >= "0001-02" && s < "9999-12"), (s) => {
        const start = startOfMonth(s);
        const end = endOfMonth(s);
        expect(start <= s && s <= end).toBe(true);
        expect(start.slice(0, 7)).toBe(s.slice(0, 7));
        expect(end.slice(0, 7)).toBe(s.slice(0, 7));
        expect(addDays(end, 1).slice(8)).toBe("01");
        expect(addDays(start, -1) < start).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("comparison", () => {
  it("compareDates, isBefore, isAfter, isWithin", () => {
    expect(compareDates(d("2026-01-01"), d("2026-01-02"))).toBe(-1);
    expect(compareDates(d("2026-01-02"), d("2026-01-01"))).toBe(1);
    expect(compareDates(d("2026-01-01"), d("2026-01-01"))).toBe(0);
    expect(compareDates(d("0999-12-31"), d("1000-01-01"))).toBe(-1);
    expect([d("2026-03-01"), d("2026-01-15"), d("2025-12-31")].sort(compareDates)).toEqual(["2025-12-31", "2026-01-15", "2026-03-01"]);
    expect(isBeforeDate(d("2026-01-01"), d("2026-01-02"))).toBe(true);
    expect(isBeforeDate(d("2026-01-01"), d("2026-01-01"))).toBe(false);
    expect(isAfterDate(d("2026-01-02"), d("2026-01-01"))).toBe(true);
    expect(isAfterDate(d("2026-01-01"), d("2026-01-01"))).toBe(false);
    expect(isWithinDates(d("2026-12-24"), d("2026-12-20"), d("2027-01-03"))).toBe(true);
    expect(isWithinDates(d("2026-12-20"), d("2026-12-20"), d("2027-01-03"))).toBe(true); // inclusive start
    expect(isWithinDates(d("2027-01-03"), d("2026-12-20"), d("2027-01-03"))).toBe(true); // inclusive end
    expect(isWithinDates(d("2027-01-04"), d("2026-12-20"), d("2027-01-03"))).toBe(false);
  });

  it("minDate / maxDate", () => {
    expect(minDate(d("2026-05-01"))).toBe("2026-05-01");
    expect(minDate(d("2026-05-01"), d("2026-04-01"), d("2026-06-01"))).toBe("2026-04-01");
    expect(maxDate(d("2026-05-01"), d("2026-04-01"), d("2026-06-01"))).toBe("2026-06-01");
    expect(maxDate(d("0001-01-01"), d("9999-12-31"))).toBe("9999-12-31");
  });

  it("property: compareDates agrees with epoch days; min/max agree with sorting", () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.array(anyDate, { maxLength: 10 }), (a, b, rest) => {
        expect(compareDates(a, b)).toBe(Math.sign(toEpochDay(a) - toEpochDay(b)) || 0);
        expect(isBeforeDate(a, b)).toBe(toEpochDay(a) < toEpochDay(b));
        const all = [a, ...rest].sort((x, y) => toEpochDay(x) - toEpochDay(y));
        expect(minDate(a, ...rest)).toBe(all[0]);
        expect(maxDate(a, ...rest)).toBe(all[all.length - 1]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
