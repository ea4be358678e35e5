import { describe, expect, it } from "vitest";
import { ValidationError, money } from "../../src/core/index.js";
import { createBuiltInSolver, efficientFrontier, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";
import { issuesOfAsync } from "../support/errors.js";

// Seventh audit pass, strict options: a misspelt option key (`timeLimitMS`, `whyNotResolve`) was ignored and the
// default ran; now it is a ValidationError at the key (selection's option errors are at the key, `["gap"]`), naming
// the keys the function takes.

const eur = (s: string) => money(s, "EUR");
// Budget 1,000: A (600, 10) and B (400, 7) fit; C (300, 5) is left out (A + C = 900 but 15 < 17).
const problem: SelectionProblemInput = {
  periods: ["FY27"],
  candidates: [
    { id: "A", value: 10, costs: { FY27: eur("600.00") } },
    { id: "B", value: 7, costs: { FY27: eur("400.00") } },
    { id: "C", value: 5, costs: { FY27: eur("300.00") } },
  ],
  budgets: { FY27: eur("1000.00") },
};

describe("selection refuses unknown option keys", () => {
  it("selectPortfolio", async () => {
    expect(await issuesOfAsync(() => selectPortfolio(problem, { timeLimitMS: 5 } as never))).toEqual([
      ["timeLimitMS", "unknown option (selectPortfolio takes solver, gap, timeLimitMs, whyNot, whyNotResolves, whyNotTimeLimitMs, warmStart)"],
    ]);
    const r = await selectPortfolio(problem, { solver: createBuiltInSolver(), gap: 0, timeLimitMs: 5_000, whyNot: ["C"], whyNotResolves: 1, whyNotTimeLimitMs: 1_000, warmStart: ["A"] });
    expect(r.selected).toEqual(["A", "B"]);
  });
  it("efficientFrontier", async () => {
    expect(await issuesOfAsync(() => efficientFrontier(problem, { level: [1] } as never))).toEqual([
      ["level", "unknown option (efficientFrontier takes solver, gap, timeLimitMs, levels, ranking)"],
    ]);
    // Level 0.5 (budget 500): B alone (7) — A does not fit, C is worth less; level 1: A + B (17).
    const points = await efficientFrontier(problem, { solver: createBuiltInSolver(), gap: 0, timeLimitMs: 5_000, levels: [0.5, 1], ranking: ["A", "B", "C"] });
    expect(points.map((p) => p.optimal.objective.value?.toFixed())).toEqual(["7", "17"]);
  });
  it("createBuiltInSolver", async () => {
    expect(await issuesOfAsync(() => createBuiltInSolver({ nodelimit: 1 } as never))).toEqual([
      ["nodelimit", "unknown option (createBuiltInSolver takes branchAndBound, nodeLimit, improvementPasses)"],
    ]);
    expect(createBuiltInSolver({ branchAndBound: false, nodeLimit: 10, improvementPasses: 1 }).name).toBe("built-in (heuristic only)");
  });
});
