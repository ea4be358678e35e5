import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBuiltInSolver, defineSelectionProblem, selectPortfolio, verifyPlan } from "../../src/selection/index.js";
import { enumerateOptimum, expectEnumeratedOptimum, feasible, planOf, rawProblem, toInput, type RawProblem } from "./oracle.js";

const plan = planOf;
const heuristicOnly = createBuiltInSolver({ branchAndBound: false });

describe("selection against exhaustive enumeration", () => {
  it("the built-in solver finds the enumerated optimum (up to 12 candidates), and its plan is feasible", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(12), async (p) => {
        expectEnumeratedOptimum(p, await selectPortfolio(toInput(p), { gap: 0, whyNot: "none" }));
      }),
      { seed: 42, numRuns: 200 },
    );
  }, 30_000);

  it("at 20 candidates the built-in solver still proves the enumerated optimum", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(20, 20), async (p) => {
        expectEnumeratedOptimum(p, await selectPortfolio(toInput(p), { gap: 0, whyNot: "none", timeLimitMs: 20_000 }));
      }),
      { seed: 42, numRuns: 8 },
    );
  }, 30_000);

  it("the heuristic alone never beats the optimum, never breaks a constraint, and reports a valid bound", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(14), async (p) => {
        const best = enumerateOptimum(p);
        const r = await selectPortfolio(toInput(p), { solver: heuristicOnly, gap: 0, whyNot: "none" });
        if (best === undefined) return void expect(r.status).toBe("infeasible");
        expect(feasible(p, plan(p, r.selected))).toBe(true);
        expect(verifyPlan(defineSelectionProblem(toInput(p)), r.selected)).toEqual([]);
        expect(r.objective.value?.toNumber()).toBeLessThanOrEqual(best);
        expect(r.bestBound.value?.toNumber()).toBeGreaterThanOrEqual(best);
        if (r.status === "optimal") expect(r.objective.value?.toNumber()).toBe(best);
      }),
      { seed: 42, numRuns: 200 },
    );
  }, 30_000);

  it("'why not' losses equal the enumerated optimum minus the optimum with the candidate forced in", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(8), async (p) => {
        const r = await selectPortfolio(toInput(p), { gap: 0 });
        if (r.status === "infeasible") return;
        const best = enumerateOptimum(p) as number;
        expect(r.whyNot.map((w) => w.candidate)).toEqual(r.excluded);
        for (const w of r.whyNot) {
          const i = Number(w.candidate.slice(1));
          const forced = p.forcedOut.includes(i) ? undefined : enumerateOptimum(p, [i]);
          if (w.kind === "displaces") {
            expect(w.status).toBe("optimal");
            expect(w.objectiveLost.value?.toNumber()).toBe(best - (forced as number));
          } else {
            expect(forced).toBeUndefined();
          }
        }
      }),
      { seed: 42, numRuns: 120 },
    );
  });
});
