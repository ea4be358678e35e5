// Strict nested options: a misspelt key inside the earned-value policy (`evAboveBAC`, `eacorder`, `timeunit`) used to
// be ignored while the policy's default ran — EV clamped to BAC instead of refused, or ES in working days instead of
// periods: a wrong answer the user acts on. The policy now refuses a key it does not know, at ["policy", key], with the
// wording of the top-level options.
import { describe, expect, it } from "vitest";
import { earnedValue, earnedValueSeries, compileEarnedValue, forecastRange, performanceHistory, type EarnedValueInput } from "../../src/variance/index.js";
import { issuesOf } from "../support/errors.js";

const input = { project: { id: "p" }, workPackages: [], baselines: [], costEntries: [] } as unknown as EarnedValueInput;
const takes = (fn: string) => `unknown option (${fn} takes evAboveBac, spread, levelOfEffort, timeUnit, eacOrder)`;

describe("variance: the earned-value policy refuses unknown keys", () => {
  it("earnedValue: a misspelt evAboveBac was ignored (EV clamped to BAC instead of refused)", () => {
    expect(issuesOf(() => earnedValue(input, { statusDate: "2026-01-05", policy: { evAboveBAC: "reject" } as never }))).toEqual([["policy.evAboveBAC", takes("earnedValue")]]);
    // Every unknown key is one issue.
    expect(issuesOf(() => earnedValue(input, { statusDate: "2026-01-05", policy: { timeunit: "periods", eacorder: [] } as never }))).toEqual([
      ["policy.timeunit", takes("earnedValue")], ["policy.eacorder", takes("earnedValue")],
    ]);
    // The known keys still run: a project without a baseline has no BAC.
    expect(earnedValue(input, { statusDate: "2026-01-05", policy: { evAboveBac: "reject", timeUnit: "periods", eacOrder: ["cpi"] } }).figures.bac.reason).toBe("no-baseline");
  });

  it("the other earned-value entry points name themselves", () => {
    const policy = { spred: "working-days" } as never;
    const at = (fn: string) => [["policy.spred", takes(fn)]];
    expect(issuesOf(() => earnedValueSeries(input, { statusDate: "2026-01-05", policy }))).toEqual(at("earnedValueSeries"));
    expect(issuesOf(() => compileEarnedValue(input, { statusDate: "2026-01-05", policy }))).toEqual(at("compileEarnedValue"));
    expect(issuesOf(() => forecastRange(input, { statusDate: "2026-01-05", policy }, { seed: 1 }))).toEqual(at("forecastRange"));
    expect(issuesOf(() => performanceHistory(input, ["2026-01-05"], { policy }))).toEqual(at("performanceHistory"));
  });
});
