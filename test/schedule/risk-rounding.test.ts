import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, type RoundingMode, type ScheduleRiskModel } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

/*
 * analyseScheduleRisk's money: iteration costs are exact minor-unit-minutes; every Money figure (deterministic cost,
 * percentile costs, mean cost) is rounded once to the minor unit by `options.rounding` — half-even by default, as
 * roundMoney and the rest of pmokit's money.
 */
const START = "2027-01-04";

describe("schedule risk: the rounding convention of its money", () => {
  // Half a day (240 of 480 minutes) at 2.01 a day: 201 × 240 / 480 = 100.5 cents = 1.005, in every iteration.
  const half: ScheduleRiskModel = { network: { projectStart: START, activities: [{ id: "A", duration: 0.5 }] }, costs: [{ activityId: "A", perDay: "2.01" }] };
  const figures = (rounding?: RoundingMode) => {
    const r = analyseScheduleRisk(half, { iterations: 3, percentiles: [50], ...(rounding ? { rounding } : {}) });
    return [r.rounding, r.deterministicCost.amount.toFixed(2), r.percentiles[0]!.cost.amount.toFixed(2), r.meanCost.amount.toFixed(2)];
  };

  it("rounds half-even by default (1.005 -> 1.00; it was half up: 1.01)", () => {
    expect(figures()).toEqual(["half-even", "1.00", "1.00", "1.00"]);
  });

  it("options.rounding names another convention: half-up 1.01, down 1.00, up 1.01", () => {
    expect(figures("half-up")).toEqual(["half-up", "1.01", "1.01", "1.01"]);
    expect(figures("half-even")).toEqual(["half-even", "1.00", "1.00", "1.00"]);
    expect(figures("down")).toEqual(["down", "1.00", "1.00", "1.00"]);
    expect(figures("up")).toEqual(["up", "1.01", "1.01", "1.01"]);
  });

  it("an interpolated percentile cost is rounded by the same convention (linear P50 5500.165 -> 5500.16)", () => {
    // A 5-day activity at 1000.03 a day (5000.15) that a risk event lengthens by a day half the time (6000.18); seed 2
    // draws one of each. Linear P50 = (5000.15 + 6000.18) / 2 = 5500.165: half-even 5500.16, half-up 5500.17.
    const model: ScheduleRiskModel = {
      network: { projectStart: START, activities: [{ id: "A", duration: 5 }] },
      riskEvents: [{ id: "R", probability: "0.5", impacts: [{ activityId: "A", days: 1 }] }],
      costs: [{ activityId: "A", perDay: "1000.03" }],
    };
    const p50 = (rounding?: RoundingMode) =>
      analyseScheduleRisk(model, { iterations: 2, seed: 2, percentiles: [50], percentileMethod: "linear", ...(rounding ? { rounding } : {}) }).percentiles[0]!.cost.amount.toFixed(2);
    expect(p50()).toBe("5500.16");
    expect(p50("half-up")).toBe("5500.17");
    // The mean is the same 5500.165: rounded alike.
    expect(analyseScheduleRisk(model, { iterations: 2, seed: 2 }).meanCost.amount.toFixed(2)).toBe("5500.16");
  });

  it("refuses an unknown rounding mode at options.rounding", () => {
    expect(validationIssues(() => analyseScheduleRisk(half, { rounding: "bankers" as RoundingMode }))).toEqual([
      'rounding: unknown rounding mode "bankers": expected "half-even", "half-up", "half-down", "up", "down", "ceil" or "floor"',
    ]);
  });
});
