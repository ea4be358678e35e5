import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show } from "./fixtures.js";

/*
 * Earned-value audit 13: earned schedule on a baseline that starts on a Saturday: on the weekend AT = 0, which is no working time, not "before the start".
 */

const slice = (start: string, finish: string, amount: string) => ({ start, finish, amount: { amount, currency: "EUR" } });

describe("earned schedule on a baseline starting on a Saturday", () => {
  // S: percent-complete, 1000.00 over Sat 2027-01-02 … Fri 2027-01-15 (PD = 10 working days), 5 % on Sun 01-03,
  // cost 10.00 on 01-02.
  const s = pkg({ id: "S", rule: { type: "percent-complete" }, slices: [slice("2027-01-02", "2027-01-15", "1000.00")], progress: [{ date: "2027-01-03", percentComplete: "5" }] });
  const input = project([s], [cost("S", "2027-01-02", "10.00")]);
  const noTime = { value: undefined, reason: "no-working-days", detail: "the calendar has no working day between baseline start and status date (AT = 0)" };

  it.each(["2027-01-02", "2027-01-03"])("status %s (on or after the start, AT = 0): SPI(t) is no-working-days, not before-start", (statusDate) => {
    // It said before-start, "the status date is before the baseline start": the status date is on or after it.
    const r = earnedValue(input, { statusDate });
    expect(show(r.schedule.at, 0)).toBe("0");
    expect(r.schedule.spiT).toEqual(noTime);
    expect(r.schedule.ieacT.spiT).toEqual(noTime);
    expect(r.schedule.tspiEd).toEqual(noTime);
    expect(r.figures.eac.earnedSchedule.reason).toBe("no-working-days");
  });

  it("status Fri 2027-01-01, the day before the start: before-start, as before", () => {
    const r = earnedValue(input, { statusDate: "2027-01-01" });
    expect(r.schedule.spiT.reason).toBe("before-start");
    expect(r.figures.eac.earnedSchedule.reason).toBe("before-start");
  });

  it("status Mon 2027-01-04 (AT = 1): SPI(t) has a figure", () => {
    // PV at the first period end (Sun 01-03) is 1000 × 2/14 = 142.86 with no working day elapsed, so EV 50 is reached
    // at 0 working days: ES = 0, SPI(t) = 0 / 1 = 0.
    expect(show(earnedValue(input, { statusDate: "2027-01-04" }).schedule.spiT)).toBe("0.00");
  });
});
