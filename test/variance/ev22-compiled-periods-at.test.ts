import { describe, expect, it } from "vitest";
import { compileEarnedValue, earnedValue, evaluateEarnedValue, evaluatePortfolio } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "./fixtures.js";

/*
 * Audit ev22: earned schedule in periods (`policy.timeUnit: "periods"`) from a compiled project read at a status date
 * after the periods it was compiled over. One package, 1000.00 in each of weeks 1 and 2 (Mon 2027-01-04 … Sun 01-17),
 * 50 % complete on 01-13; compiled on 2027-01-04, read on Friday 2027-01-29, the fifth working day of week 4.
 * By hand: PD = 2 periods; AT = 3 whole weeks + 5/5 of week 4 = 4 periods; EV = 1000 = PV at the end of week 1, so
 * ES = 1; SV(t) = −3, SPI(t) = 1/4 = 0.25, IEAC(t) by SPI(t) = AT + (PD − ES) / SPI(t) = 4 + 1 / 0.25 = 8 periods:
 * the eighth week, ending Fri 2027-02-26. The compiled grid ended with week 2, and AT stopped there: AT 2,
 * SPI(t) 0.5, IEAC(t) 4 — a project three weeks late read as one week late.
 */
const input = project(
  [pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })],
  [cost("A", "2027-01-12", "900.00")],
);
const options = { statusDate: "2027-01-04", policy: { timeUnit: "periods" as const } };

describe("compiled earned schedule in periods past the compiled grid (audit ev22)", () => {
  it.each([
    ["earnedValue", () => earnedValue(input, { ...options, statusDate: "2027-01-29" }).schedule],
    ["evaluateEarnedValue", () => evaluateEarnedValue(compileEarnedValue(input, options), "2027-01-29").schedule],
    ["evaluatePortfolio", () => evaluatePortfolio([compileEarnedValue(input, options)], "2027-01-29").projects[0]!.schedule],
  ])("%s: AT 4 periods, SPI(t) 0.25, IEAC(t) 8 periods ending 2027-02-26", (_, read) => {
    const s = read();
    expect(s.at.value?.toFixed()).toBe("4");
    expect(s.es.value?.toFixed()).toBe("1");
    expect(s.svT.value?.toFixed()).toBe("-3");
    expect(s.spiT.value?.toFixed()).toBe("0.25");
    expect(s.ieacT.spiT.value?.toFixed()).toBe("8");
    expect(s.forecastFinish.spiT.value).toBe("2027-02-26");
  });
});
