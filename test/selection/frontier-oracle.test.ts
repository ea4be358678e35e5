import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../src/highs/index.js";
import { efficientFrontier } from "../../src/selection/index.js";
import { enumerateOptimum, feasible, planOf, rawProblem, toInput, type RawProblem } from "./oracle.js";

/*
 * Audit of every frontier level (not only level 1) and of the ranking curve, with the built-in solver and HiGHS,
 * against code that shares nothing with src/selection: exhaustive enumeration at each level's budget (cents × level,
 * rounded down: plans cost whole cents), and the ranking funded here from the documented rule — forced-in candidates
 * with what they require first (none fitting: no ranking), then candidates of positive value, highest first (ties: id),
 * each added with what it requires ("requires" and "together", transitively) when the joined plan keeps every budget,
 * capacity, exclusive group and forced-out candidate.
 */
const id = (i: number) => `C${String(i).padStart(2, "0")}`;

function fundByRankingHere(p: RawProblem): number | undefined {
  const closure = (i: number) => {
    const out = new Set([i]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [d, q] of p.requires) if (out.has(d) && !out.has(q)) { out.add(q); grew = true; }
      for (const g of p.together) if (g.some((j) => out.has(j))) for (const j of g) if (!out.has(j)) { out.add(j); grew = true; }
    }
    return out;
  };
  const keeps = (x: number[]) => feasible({ ...p, forcedIn: [], requires: [], together: [] }, x);
  let x = new Array<number>(p.n).fill(0);
  const tryAdd = (i: number): boolean => {
    const y = [...x];
    for (const j of closure(i)) y[j] = 1;
    if (!keeps(y)) return false;
    x = y;
    return true;
  };
  for (const f of p.forcedIn) if (!tryAdd(f)) return undefined;
  const ranking = [...p.values.keys()].filter((i) => (p.values[i] as number) > 0).sort((a, b) => (p.values[b] as number) - (p.values[a] as number) || (id(a) < id(b) ? -1 : 1));
  for (const i of ranking) if (!x[i]) tryAdd(i);
  return x.reduce((s, xi, i) => s + xi * (p.values[i] as number), 0);
}

describe("efficientFrontier: every level and the ranking curve against enumeration and an independent ranking", () => {
  it("built-in and HiGHS: each level's optimum and feasibility, and the ranking's value", async () => {
    const highs = await createHighsSolver();
    const levels = [0.3, 0.55, 1];
    await fc.assert(
      fc.asyncProperty(rawProblem(9), fc.boolean(), async (p, useHighs) => {
        const points = await efficientFrontier(toInput(p), { levels, gap: 0, solver: useHighs ? highs : undefined, timeLimitMs: 30_000 });
        for (const [k, point] of points.entries()) {
          const q = { ...p, budget: p.budget.map((b) => Math.floor(b * (levels[k] as number))) };
          const best = enumerateOptimum(q);
          if (best === undefined) {
            expect([point.optimal.status, point.ranking]).toEqual(["infeasible", undefined]);
            continue;
          }
          expect([point.optimal.objective.value?.toNumber(), point.optimal.status]).toEqual([best, "optimal"]);
          expect(feasible(q, planOf(q, point.optimal.selected))).toBe(true);
          expect(point.ranking?.objective.toNumber()).toBe(fundByRankingHere(q));
          expect(point.leftBehind.value?.toNumber()).toBe(best - (fundByRankingHere(q) as number));
        }
      }),
      { seed: 3, numRuns: 100 },
    );
  }, 120_000);
});
