import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { efficientFrontier } from "../../src/selection/index.js";
import { enumerateOptimum, rawProblem, toInput } from "./oracle.js";
/*
 * sel22: the frontier oracles use sorted, distinct levels ≤ 1. Here levels come in any order, repeated, 0 and above
 * 1: each point must stay in its place and be the enumerated optimum at its budget (cents × level, rounded down:
 * levels are binary fractions, so the product is exact), infeasible exactly when enumeration finds no plan.
 */
describe("efficientFrontier levels in any order", () => {
it("property: unsorted, repeated, 0 and 1.5: each point is the optimum at its own budget, in its place", async () => {
  await fc.assert(fc.asyncProperty(rawProblem(8), fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 1.5, 0.75), { minLength: 1, maxLength: 5 }), async (p, levels) => {
    const pts = await efficientFrontier(toInput(p), { levels, gap: 0, timeLimitMs: 30_000 });
    expect(pts.map((x) => x.level)).toEqual(levels);
    pts.forEach((pt, k) => {
      const q = { ...p, budget: p.budget.map((b) => Math.floor(b * levels[k]!)) };
      const best = enumerateOptimum(q);
      expect([pt.optimal.objective.value?.toNumber(), pt.optimal.status === "infeasible"]).toEqual([best, best === undefined]);
    });
  }), { numRuns: Number(process.env.ORACLE_RUNS ?? 40), seed: Number(process.env.ORACLE_SEED ?? 22) });
});
});
