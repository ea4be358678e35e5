import { describe, expect, it } from "vitest";
import { STANDARD_CALENDAR, addWorkingDays, isoDate, nextWorkingDay, previousWorkingDay, workingDaysBetween } from "../../src/index.js";
import { validationErrorOf } from "../support/errors.js";

// Dates run from 0001-01-01 (a Monday) to 9999-12-31 (a Friday). A working day past either end used to fail with
// "epoch day 2932899 is outside years 0001–9999" at the root path, naming no argument. It is now refused at the
// argument the caller gave, saying the result would fall outside 0001–9999.
const FIRST = isoDate("0001-01-01");
const LAST = isoDate("9999-12-31");
const refusal = (f: () => unknown) => validationErrorOf(f).issues.map((i) => [i.path.join("."), i.message]);

describe("working-day functions at the ends of the date range", () => {
  it("nextWorkingDay after Friday 9999-12-31 names the date", () => {
    expect(refusal(() => nextWorkingDay(STANDARD_CALENDAR, LAST))).toEqual([
      ["date", "the next working day after 9999-12-31 would fall outside years 0001–9999"],
    ]);
  });
  it("previousWorkingDay before Monday 0001-01-01 names the date", () => {
    expect(refusal(() => previousWorkingDay(STANDARD_CALENDAR, FIRST))).toEqual([
      ["date", "the previous working day before 0001-01-01 would fall outside years 0001–9999"],
    ]);
  });
  it("addWorkingDays past either end names the days", () => {
    expect(refusal(() => addWorkingDays(STANDARD_CALENDAR, LAST, 1))).toEqual([
      ["days", "1 working day after 9999-12-31 would fall outside years 0001–9999"],
    ]);
    expect(refusal(() => addWorkingDays(STANDARD_CALENDAR, FIRST, -1))).toEqual([
      ["days", "1 working day before 0001-01-01 would fall outside years 0001–9999"],
    ]);
    // The week jumps overshoot the range too: 10⁹ working days is ~3.8 million years.
    expect(refusal(() => addWorkingDays(STANDARD_CALENDAR, FIRST, 1e9))).toEqual([
      ["days", "1000000000 working days after 0001-01-01 would fall outside years 0001–9999"],
    ]);
  });
  it("the last and first working days themselves are still reached", () => {
    expect(nextWorkingDay(STANDARD_CALENDAR, isoDate("9999-12-30"))).toBe("9999-12-31");
    expect(previousWorkingDay(STANDARD_CALENDAR, isoDate("0001-01-02"))).toBe("0001-01-01");
    expect(previousWorkingDay(STANDARD_CALENDAR, LAST)).toBe("9999-12-30");
    expect(nextWorkingDay(STANDARD_CALENDAR, FIRST)).toBe("0001-01-02");
    // 0 working days is the date itself, at either end.
    expect(addWorkingDays(STANDARD_CALENDAR, LAST, 0)).toBe(LAST);
    expect(addWorkingDays(STANDARD_CALENDAR, FIRST, 0)).toBe(FIRST);
  });
  it("workingDaysBetween the two ends counts, both ways (it only ever reads days inside the range)", () => {
    const n = workingDaysBetween(STANDARD_CALENDAR, FIRST, LAST);
    expect(workingDaysBetween(STANDARD_CALENDAR, LAST, FIRST)).toBe(-n);
    // 3,652,059 days from 0001-01-01 to 9999-12-31 inclusive = 521,722 weeks + 5 days (Mon–Fri): the span counted
    // (0001-01-02 … 9999-12-31) is 521,722 weeks + 4 days Tue–Fri → 521,722 × 5 + 4.
    expect(n).toBe(521_722 * 5 + 4);
  });
});
