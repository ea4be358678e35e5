import { describe, expect, it } from "vitest";
import { compileEarnedValue, earnedValue, evaluateEarnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Earned-value audit 14: the CV split's no-baseline-rate detail names only the currency pairs of actuals to date (the
 * ones in AC); an actual after the status date is excluded from AC and cannot make the split unknown.
 */

describe("the no-baseline-rate detail counts only actuals to date", () => {
  const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });
  // Baseline captured 2027-01-01. GBP has a rate only from 01-05, USD only from 01-07: neither is in force on 01-01.
  const fxRates = [{ from: "GBP", to: "EUR", date: "2027-01-05", rate: "1.20" }, { from: "USD", to: "EUR", date: "2027-01-07", rate: "0.95" }];

  it("a GBP actual to date and a USD actual after the status date: the detail names GBP→EUR only (it named USD→EUR too)", () => {
    // AC = 100 GBP × 1.20 = 120.00 (the USD entry of 01-12 is after the 01-10 status date: excluded). EV = 500.00, CV = 380.00.
    const input = project([w], [cost("A", "2027-01-12", "1000.00", "USD"), cost("A", "2027-01-08", "100.00", "GBP")]);
    const r = earnedValue(input, { statusDate: "2027-01-10", fxRates });
    expect([show(r.figures.ac), show(r.figures.cv)]).toEqual(["120.00", "380.00"]);
    expect(r.cvSplit).toEqual({ value: undefined, reason: "no-baseline-rate", detail: "no GBP→EUR rate on or before 2027-01-01, the baseline capture day" });
  });

  it("one compiled project read at two status dates names the pairs of each date's actuals (in day order)", () => {
    const input = project([w], [cost("A", "2027-01-12", "1000.00", "USD"), cost("A", "2027-01-08", "100.00", "GBP")]);
    const c = compileEarnedValue(input, { statusDate: "2027-01-10", fxRates });
    expect(evaluateEarnedValue(c, "2027-01-10").cvSplit).toMatchObject({ detail: "no GBP→EUR rate on or before 2027-01-01, the baseline capture day" });
    expect(evaluateEarnedValue(c, "2027-01-13").cvSplit).toMatchObject({ detail: "no GBP→EUR, USD→EUR rate on or before 2027-01-01, the baseline capture day" });
    // Before any foreign actual: AC 0.00 at both rates, the split is a figure (performance = EV 0 − 0).
    expect(show({ value: evaluateEarnedValue(c, "2027-01-07").cvSplit.value?.fx })).toBe("0.00");
  });
});
