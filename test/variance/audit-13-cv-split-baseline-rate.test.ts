import { describe, expect, it } from "vitest";
import { METRIC_REASONS } from "../../src/index.js";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Earned-value audit 13: the CV split (performance and FX parts) needs a rate in force on the baseline capture day: without one it is a typed reason, not an FX part of 0.
 */

describe("the CV split needs a rate in force on the baseline capture day", () => {
  const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });
  const usd = cost("A", "2027-01-08", "1000.00", "USD");

  it("no USD→EUR rate on or before the capture day (2027-01-01): the split is no-baseline-rate naming USD and the day (fx read 0.00)", () => {
    // Only a rate from 2027-01-07 (0.95): AC = 950.00, CV = 500 − 950 = −450.00. What the 1000 USD cost at the baseline's
    // rate is unknown, so neither the FX part nor the performance part is known (it said fx 0.00, performance −450.00).
    const r = earnedValue(project([w], [usd]), { statusDate: "2027-01-10", fxRates: [{ from: "USD", to: "EUR", date: "2027-01-07", rate: "0.95" }] });
    expect(show(r.figures.cv)).toBe("-450.00");
    expect(r.cvSplit).toEqual({ value: undefined, reason: "no-baseline-rate", detail: "no USD→EUR rate on or before 2027-01-01, the baseline capture day" });
    expect(METRIC_REASONS).toContain("no-baseline-rate");
  });

  it("an entry's own fxRate is its booking rate, not the baseline's: without a table the split is no-baseline-rate too", () => {
    const own = cost("A", "2027-01-08", "1000.00", "USD", "PRJ-T", { fxRate: { rate: "0.95", currency: "EUR", date: "2027-01-08" } });
    const r = earnedValue(project([w], [own]), { statusDate: "2027-01-10" });
    expect(show(r.figures.ac)).toBe("950.00");
    expect(r.cvSplit.reason).toBe("no-baseline-rate");
  });

  it("an entry without a baseline-day rate dated after the status date does not touch the split", () => {
    // USD entry of 2027-01-12 (after the status date 01-10) has no rate on 01-01; the EUR entry of 01-08 (400.00) is all of AC.
    // performance = EV 500 − 400 = 100.00, fx 0.00 (a EUR actual has no FX part).
    const later = cost("A", "2027-01-12", "1000.00", "USD");
    const r = earnedValue(project([w], [cost("A", "2027-01-08", "400.00"), later]), { statusDate: "2027-01-10", fxRates: [{ from: "USD", to: "EUR", date: "2027-01-07", rate: "0.95" }] });
    expect([show({ value: r.cvSplit.value?.performance }), show({ value: r.cvSplit.value?.fx })]).toEqual(["100.00", "0.00"]);
  });
});

describe("the CV split without a baseline", () => {
  it("is no-baseline, as CV is (it was split at the rates of the earliest day, 'the baseline capture day')", () => {
    // No baseline: EV and CV are no-baseline, yet the split gave performance = 0 − AC at the first day's rate and an
    // FX part, and its no-baseline-rate detail called the earliest date "the baseline capture day".
    const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "50" }] });
    const r = earnedValue(project([w], [cost("A", "2027-01-08", "400.00"), cost("A", "2027-01-08", "100.00", "USD")], []), {
      statusDate: "2027-01-10", fxRates: [{ from: "USD", to: "EUR", date: "2026-12-01", rate: "0.90" }, { from: "USD", to: "EUR", date: "2027-01-07", rate: "0.95" }],
    });
    expect([show(r.figures.ac), show(r.figures.cv)]).toEqual(["495.00", "<no-baseline>"]);
    expect(r.cvSplit).toEqual({ value: undefined, reason: "no-baseline" });
  });
});
