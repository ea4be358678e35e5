// Seventh audit pass, strict options: a misspelt option key used to be ignored while the default ran (a wrong answer
// the user acts on). Every variance function with an options object now refuses a key it does not know, at [key]
// (the layer's option errors are at the key itself, e.g. ["statusDate"]), naming the keys it takes.
import { describe, expect, it } from "vitest";
import { ValidationError, money } from "../../src/core/index.js";
import {
  agileEarnedValue, budgetVariance, compileEarnedValue, earnedValueSeries, evaluatePortfolio, forecastRange, milestoneSlips,
  performanceHistory, rollUpEarnedValue, rollUpPortfolio, weightedEac, earnedValue, type EarnedValueInput,
} from "../../src/variance/index.js";

const input = { project: { id: "p" }, workPackages: [], baselines: [], costEntries: [] } as unknown as EarnedValueInput;
const EV = "statusDate, baseline, calendar, grid, policy, fxRates";

function refusal(call: () => unknown): ValidationError {
  try { call(); } catch (e) { if (e instanceof ValidationError) return e; throw e; }
  throw new Error("no error");
}

function expectRefused(call: () => unknown, path: (string | number)[], takes: string, fn: string) {
  const e = refusal(call);
  expect(e.issues).toEqual([{ path, message: `unknown option (${fn} takes ${takes})`, code: "custom" }]);
}

describe("variance: unknown option keys are refused", () => {
  it("earnedValueSeries, compileEarnedValue, forecastRange take the earned-value options only", () => {
    expectRefused(() => earnedValueSeries(input, { statusDate: "2026-01-05", bogus: 1 } as never), ["bogus"], EV, "earnedValueSeries");
    expectRefused(() => compileEarnedValue(input, { statusDate: "2026-01-05", statusdate: "x" } as never), ["statusdate"], EV, "compileEarnedValue");
    expectRefused(() => forecastRange(input, { statusDate: "2026-01-05", bogus: 1 } as never, { seed: 1 }), ["bogus"], EV, "forecastRange");
    // The band is an option bag with its errors at [key] too (["confidence"]).
    expectRefused(() => forecastRange(input, { statusDate: "2026-01-05" }, { seed: 1, draw: 10 } as never), ["draw"], "seed, draws, confidence, percentileMethod, rounding", "forecastRange");
    // Correct calls still run: an empty project has no BAC.
    expect(earnedValueSeries(input, { statusDate: "2026-01-05" }).points.length).toBeGreaterThanOrEqual(0);
    expect(compileEarnedValue(input, { statusDate: "2026-01-05" })).toBeDefined();
  });

  it("earnedValue itself: a misspelt calendar was ignored and PV ran on the default Monday–Friday calendar", () => {
    expectRefused(() => earnedValue(input, { statusDate: "2026-01-05", calender: {} } as never), ["calender"], EV, "earnedValue");
    expect(earnedValue(input, { statusDate: "2026-01-05" }).figures.bac).toBeDefined();
  });

  it("performanceHistory takes the earned-value options without statusDate and baseline", () => {
    expectRefused(() => performanceHistory(input, ["2026-01-05"], { baseline: 1 } as never), ["baseline"], "calendar, grid, policy, fxRates", "performanceHistory");
    expect(performanceHistory(input, ["2026-01-05"], {}).snapshots).toHaveLength(1);
  });

  it("the roll-ups, evaluatePortfolio, agileEarnedValue, budgetVariance, milestoneSlips and weightedEac", () => {
    expectRefused(() => rollUpEarnedValue([], { id: "x", level: "programme", withoutBaselines: "include-ac" } as never), ["withoutBaselines"], "eacOrder, withoutBaseline, id, level", "rollUpEarnedValue");
    expectRefused(() => rollUpPortfolio([], { eacorder: ["cpi"] } as never), ["eacorder"], "eacOrder, withoutBaseline", "rollUpPortfolio");
    expectRefused(() => evaluatePortfolio([], "2026-01-05", { bogus: 1 } as never), ["bogus"], "withoutBaseline", "evaluatePortfolio");
    expectRefused(() => agileEarnedValue({} as never, { statusDate: "2026-01-05", asOf: "2026-01-05" } as never), ["asOf"], "statusDate", "agileEarnedValue");
    expectRefused(() => budgetVariance({ id: "p", budget: money("10", "EUR") } as never, [], { statusDate: "2026-01-05", periods: [], fxRate: [] } as never), ["fxRate"], "statusDate, periods, fxRates", "budgetVariance");
    expectRefused(() => milestoneSlips([], [], { statusDate: "2026-01-05", baselines: 1 } as never), ["baselines"], "statusDate, calendar, baseline, activeBaseline", "milestoneSlips");
    // weightedEac's weights errors are at ["weights", key].
    const figures = earnedValue(input, { statusDate: "2026-01-05" }).figures;
    expectRefused(() => weightedEac(figures, { cpi: "0.8", spi: "0.2", CPI: "1" } as never), ["weights", "CPI"], "cpi, spi", "weightedEac");
    // Correct calls still run.
    expect(rollUpPortfolio([], { withoutBaseline: "include-ac" })).toEqual({ programmes: [], portfolios: [] });
    expect(evaluatePortfolio([], "2026-01-05", { withoutBaseline: "exclude" }).projects).toEqual([]);
    expect(milestoneSlips([], [], { statusDate: "2026-01-05", baseline: 0 })).toEqual([]);
    expect(weightedEac(figures, { cpi: "0.8", spi: "0.2" }).eac).toBeDefined();
  });
});
