import { describe, expect, it } from "vitest";
import { createWorkingCalendar, type Holiday } from "../../src/index.js";
import { earnedValue } from "../../src/variance/index.js";
import { pkg, project, show } from "./fixtures.js";

/*
 * PV over weekends and holidays under each `policy.spread` (docs/earned-value.md, "Base measures"). An earlier note said
 * "calendar-day spread PV rises over weekends": that is the convention named, not a defect — "calendar-days" spreads a
 * slice evenly over its elapsed days (a straight line in time), so PV grows on Saturday, Sunday and holidays too;
 * "working-days" spreads it over the calendar's working days (as MS Project time-phases baseline cost over the task
 * calendar's working time), so PV is flat on non-working days. A slice without a working day falls back to calendar days.
 *
 * Slice 1,400.00 from Wed 2027-01-06 to Tue 2027-01-26: 21 calendar days (66.67 a day, half-even cents of
 * 1400 × k / 21), 14 working days with Wed 01-13 a holiday (100.00 a working day).
 */
const slice = (start: string, finish: string, amount: string) => ({ start, finish, amount: { amount, currency: "EUR" } });
const input = project([pkg({ id: "A", rule: { type: "level-of-effort" }, slices: [slice("2027-01-06", "2027-01-26", "1400.00"), slice("2027-01-30", "2027-01-31", "100.00")], progress: [{ date: "2027-01-06", started: true }] })], []);
const calendar = createWorkingCalendar({ holidays: [{ date: "2027-01-13", name: "Holiday" } as Holiday] });
const pv = (statusDate: string, spread: "calendar-days" | "working-days") => show(earnedValue(input, { statusDate, calendar, policy: { spread } }).figures.pv);

describe("PV over weekends and holidays, by spread", () => {
  it("calendar-days: PV rises every day, Saturday, Sunday and the holiday included", () => {
    // Fri 01-08 = 3 days: 200.00; Sat 4: 266.67; Sun 5: 333.33; Mon 6: 400.00; Wed 01-13 (holiday) = 8 days: 533.33.
    expect(["2027-01-08", "2027-01-09", "2027-01-10", "2027-01-11", "2027-01-13"].map((d) => pv(d, "calendar-days")))
      .toEqual(["200.00", "266.67", "333.33", "400.00", "533.33"]);
  });

  it("working-days: PV is flat over the weekend and the holiday", () => {
    // Fri 01-08 = 3 working days: 300.00; Sat, Sun: 300.00; Mon: 400.00; Tue 01-12: 500.00; Wed 01-13 holiday: 500.00.
    expect(["2027-01-08", "2027-01-09", "2027-01-10", "2027-01-11", "2027-01-12", "2027-01-13"].map((d) => pv(d, "working-days")))
      .toEqual(["300.00", "300.00", "300.00", "400.00", "500.00", "500.00"]);
  });

  it("a weekend-only slice spreads by calendar days under either policy (no working day to spread over)", () => {
    // 100.00 over Sat 01-30 and Sun 01-31: 50.00 on Saturday, on top of the first slice's 1,400.00.
    expect([pv("2027-01-30", "working-days"), pv("2027-01-30", "calendar-days"), pv("2027-01-31", "working-days")]).toEqual(["1450.00", "1450.00", "1500.00"]);
  });
});
