import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { baselineOf, pkg, project, week } from "./fixtures.js";

/*
 * Audit ev23: TSPI = (PD − ES) / (PD − AT) was divided from PD and ES already rounded to 34 significant digits, so it
 * could be off in the last digit. Derived by hand (weekly grid, Monday–Friday, working-days spread, time in working days):
 * one percent-complete package, week 1 (Jan 4–10) 1000.00 and week 2 (Jan 11–17) 375.00, BAC 1375.00, 80 % on
 * Wed 2027-01-13 → EV 1100.00. PD = 10 working days, AT = 8. PV curve: 1000.00 at the end of week 1 (time 5), and
 * 1000 + 375 × 3/5 = 1225.00 at the status date (time 8). ES = 5 + (1100 − 1000)/(1225 − 1000) × 3 = 19/3.
 * TSPI = (10 − 19/3) / (10 − 8) = 11/6 = 1.833333333333333333333333333333333 (34 digits). Through the rounded ES,
 * 3.666666666666666666666666666666667 / 2 = 1.8333333333333333333333333333333335, which rounds (half-even) to …334.
 */
const wp = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "375.00")], progress: [{ date: "2027-01-13", percentComplete: "80" }] });
const r = earnedValue(project([wp], [], [baselineOf([wp])]), { statusDate: "2027-01-13", policy: { spread: "working-days" } });

describe("audit ev23: TSPI from the exact fractions", () => {
  it("PD 10, AT 8, ES 19/3: TSPI is 11/6 to the last digit (it read …334)", () => {
    expect([r.figures.ev.value?.amount.toFixed(2), r.schedule.pd.value?.toString(), r.schedule.at.value?.toString()]).toEqual(["1100.00", "10", "8"]);
    expect(r.schedule.es.value?.toString()).toBe("6.333333333333333333333333333333333");
    expect(r.schedule.tspi.value?.toString()).toBe("1.833333333333333333333333333333333");
  });
});
