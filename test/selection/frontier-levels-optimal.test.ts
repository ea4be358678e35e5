import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../src/highs/index.js";
import { efficientFrontier, selectPortfolio } from "../../src/selection/index.js";
import { instance } from "./instances.js";

/*
 * Every level of the frontier (the ten default ones), after the model is shared between levels and each level is
 * warm-started from the one before, is selectPortfolio's proven optimum at that budget — and the MIP reference the
 * oracle tests use (HiGHS at gap 0, exact-oracle.test.ts and oracle-combined.test.ts) proves the same value.
 */
describe("efficientFrontier: every level is the proven optimum at its budget", () => {
  it("seeded 30-candidate instances, 10 levels: frontier = selectPortfolio = HiGHS, all optimal", async () => {
    const highs = await createHighsSolver();
    for (const seed of [3, 11, 29]) {
      const problem = instance(seed, 30);
      const points = await efficientFrontier(problem, { gap: 0, timeLimitMs: 60_000 });
      for (const p of points) {
        const budgets = Object.fromEntries(Object.entries(p.budgets).map(([k, m]) => [k, { amount: m.amount.toFixed(), currency: m.currency }]));
        const single = await selectPortfolio({ ...problem, budgets }, { gap: 0, whyNot: "none", timeLimitMs: 60_000 });
        const mip = await selectPortfolio({ ...problem, budgets }, { solver: highs, gap: 0, whyNot: "none", timeLimitMs: 60_000 });
        const row = (s: string, v: string | undefined) => [seed, p.level, s, v];
        expect(row(p.optimal.status, p.optimal.objective.value?.toFixed())).toEqual(row("optimal", single.objective.value?.toFixed()));
        expect(row(single.status, single.objective.value?.toFixed())).toEqual(row("optimal", mip.objective.value?.toFixed()));
        expect(mip.status).toBe("optimal");
      }
    }
  }, 120_000);
});
