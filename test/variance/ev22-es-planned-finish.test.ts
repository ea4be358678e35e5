import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project } from "./fixtures.js";

/*
 * Audit ev22: the planned finish inside a grid period is a point of earned schedule's PV curve. One package, 1000.00
 * spread over Mon 2027-01-04 … Wed 2027-01-13 (ten calendar days, 100.00 a day), 90 % complete on 2027-01-20, status
 * Friday 2027-01-22; Monday–Friday, weekly grid.
 * By hand: PD = 8 working days (Jan 4–8, 11–13). PV at the end of week 1 (Sun Jan 10) = 700, at the finish (Wed Jan
 * 13, working day 8) = 1000. EV 900 was planned by the end of Tue Jan 12: ES = 5 + (900 − 700) / (1000 − 700) × 3 = 7
 * working days. AT = 15: SV(t) = −8, SPI(t) = 7/15, IEAC(t) by SPI(t) = 15 + (8 − 7) / (7/15) = 17.14 → the 18th
 * working day, Wed 2027-01-27; by PF = 1, 16 → Mon 2027-01-25. The ES date is Tue 2027-01-12.
 * The curve ran from week 1's end straight to week 2's end (Sun Jan 17, working day 10, PV 1000), as if the plan had
 * earned its budget over the Thursday and Friday after its finish: ES = 5 + 200/300 × 5 = 8.33, capped at PD = 8, so a
 * project with 10 % of its value left read ES = PD, SV(t) −7 and a forecast finish of the status date itself.
 * In periods: PD = 1 + 3/5 = 1.6, ES = 1 + 200/300 × 0.6 = 1.4, AT = 3 (it read ES 1.6, the forecast the status date).
 */
const input = project(
  [pkg({ id: "A", rule: { type: "percent-complete" }, slices: [{ start: "2027-01-04", finish: "2027-01-13", amount: { amount: "1000.00", currency: "EUR" } }], progress: [{ date: "2027-01-20", percentComplete: "90" }] })],
  [cost("A", "2027-01-12", "900.00")],
);

describe("earned schedule reads the PV curve up to the planned finish (audit ev22)", () => {
  it("in working days: ES 7, SV(t) −8, forecast finish 2027-01-27", () => {
    const s = earnedValue(input, { statusDate: "2027-01-22" }).schedule;
    expect(s.pd.value?.toFixed()).toBe("8");
    expect(s.es.value?.toFixed()).toBe("7");
    expect(s.esDate.value).toBe("2027-01-12");
    expect(s.svT.value?.toFixed()).toBe("-8");
    expect(s.spiT.value?.toFixed(6)).toBe("0.466667");
    expect(s.ieacT.spiT.value?.toFixed(4)).toBe("17.1429");
    expect(s.forecastFinish.spiT.value).toBe("2027-01-27");
    expect(s.forecastFinish.planned.value).toBe("2027-01-25");
  });

  it("in periods: ES 1.4 of PD 1.6 at AT 3", () => {
    const s = earnedValue(input, { statusDate: "2027-01-22", policy: { timeUnit: "periods" } }).schedule;
    expect(s.pd.value?.toFixed()).toBe("1.6");
    expect(s.es.value?.toFixed()).toBe("1.4");
    expect(s.svT.value?.toFixed()).toBe("-1.6");
    // IEAC(t) = 3 + 0.2 / (1.4 / 3) = 3 + 3/7.
    expect(s.ieacT.spiT.value?.toFixed(4)).toBe("3.4286");
  });
});
