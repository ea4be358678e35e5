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
  it("seeded 32-candidate instances, 10 levels: frontier = selectPortfolio = HiGHS, all optimal", async () => {
    const highs = await createHighsSolver();
    for (const seed of [3, 11, 29]) {
      const problem = instance(seed, 32);
      const points = await efficientFrontier(problem, { gap: 0, timeLimitMs: 60_000 });
      for (const p of points) {
        const budgets = p.budgets;
        const single = await selectPortfolio({ ...problem, budgets }, { gap: 0, whyNot: "none", timeLimitMs: 60_000 });
        const row = (s: string, v: string | undefined) => [seed, p.level, s, v];
        expect(row(p.optimal.status, p.optimal.objective.value?.toFixed())).toEqual(row("optimal", single.objective.value?.toFixed()));
        expect(single.status).toBe("optimal");
        // HiGHS takes seconds on seed 3 here (14 s for its ten levels on a loaded machine): the MIP reference checks two seeds.
        if (seed === 3) continue;
        const mip = await selectPortfolio({ ...problem, budgets }, { solver: highs, gap: 0, whyNot: "none", timeLimitMs: 60_000 });
        expect(row(mip.status, mip.objective.value?.toFixed())).toEqual(row("optimal", single.objective.value?.toFixed()));
      }
    }
  }, 120_000);
});
