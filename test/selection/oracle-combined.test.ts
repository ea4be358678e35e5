import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver, type HighsSelectionSolver } from "../../src/highs/index.js";
import { selectPortfolio, type SelectionProblemInput, type SelectionSolver } from "../../src/selection/index.js";
import { constrainedProblem, expectEnumeratedOptimum, rawProblem, toInput, type RawProblem } from "./oracle.js";

/*
 * Exhaustive enumeration (oracle.ts, no shared code with src/selection) on what the generated problems of
 * oracle.test.ts seldom combine: many dependencies (cycles included), up to three "together" groups and four
 * exclusive groups over the same candidates, up to four forced candidates, budgets scaled to 0 (only free
 * candidates fit), 0.3, 1 and 3 × the generated budget over one or two periods and up to two skills; and decimal
 * values and demands (tenths). Both solvers must reach the enumerated optimum with a feasible plan, or say
 * infeasible with a conflict; and the chosen set must not depend on the candidates' input order.
 */
const heavy = constrainedProblem(12, 4, { forced: { min: 0, max: 4 }, forcedIn: { min: 0, max: 4 }, budgetScales: [0, 0.3, 1, 3] });


const tenths = (x: number) => `${x < 0 ? "-" : ""}${Math.floor(Math.abs(x) / 10)}.${Math.abs(x) % 10}`;
/** The same problem with values, demands and capacities divided by 10 (so the optimum is the enumerated one ÷ 10). */
function inTenths(p: RawProblem): SelectionProblemInput {
  const input = toInput(p);
  const div = (d: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined) =>
    Object.fromEntries(Object.entries(d ?? {}).map(([per, s]) => [per, Object.fromEntries(Object.entries(s).map(([k, x]) => [k, tenths(Number(x))]))]));
  return {
    ...input,
    candidates: input.candidates.map((c, i) => ({ ...c, value: tenths(p.values[i]!), demand: div(c.demand) })),
    capacity: div(input.capacity),
  };
}

let highs: HighsSelectionSolver;
beforeAll(async () => {
  highs = await createHighsSolver();
});

describe.each([["built-in", undefined], ["highs", "highs"]] as const)("%s solver against enumeration, constraints combined", (_, which) => {
  const solver = (): SelectionSolver | undefined => (which === "highs" ? highs : undefined);
  it("reaches the optimum with a feasible plan, or reports the conflict", async () => {
    await fc.assert(
      fc.asyncProperty(heavy, async (p) => {
        expectEnumeratedOptimum(p, await selectPortfolio(toInput(p), { solver: solver(), gap: 0, whyNot: "none" }));
      }),
      { seed: 11, numRuns: 150 },
    );
  }, 60_000);

  it("with decimal values and demands (tenths), the optimum is exact", async () => {
    await fc.assert(
      fc.asyncProperty(heavy, async (p) => {
        expectEnumeratedOptimum(p, await selectPortfolio(inTenths(p), { solver: solver(), gap: 0, whyNot: "none" }), 10);
      }),
      { seed: 7, numRuns: 100 },
    );
  }, 60_000);

  it("chooses the same set whatever the candidates' input order, ties included", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(10).map((p) => ({ ...p, values: p.values.map((v) => v % 4) })), fc.integer(), async (p, seed) => {
        const input = toInput(p);
        const n = input.candidates.length;
        const shuffled = { ...input, candidates: fc.sample(fc.shuffledSubarray([...input.candidates], { minLength: n, maxLength: n }), { seed, numRuns: 1 })[0]! };
        const a = await selectPortfolio(input, { solver: solver(), gap: 0, whyNot: "none" });
        const b = await selectPortfolio(shuffled, { solver: solver(), gap: 0, whyNot: "none" });
        expect(b.objective.value?.toFixed()).toBe(a.objective.value?.toFixed());
        expect([...b.selected].sort()).toEqual([...a.selected].sort());
      }),
      { seed: 3, numRuns: 100 },
    );
  }, 60_000);
});
