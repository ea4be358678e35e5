import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsSolver, type HighsSelectionSolver } from "../../src/highs/index.js";
import { selectPortfolio, type SelectionProblemInput, type SelectionSolver } from "../../src/selection/index.js";
import { rawProblem, toInput } from "./oracle.js";

/*
 * Ties: when several plans reach the same total value, the plan returned must depend only on the problem's content,
 * never on the order in which candidates or constraints are listed. Solvers see the candidates sorted by id (code-unit
 * order) and the constraints in a canonical order, so a tie between otherwise identical candidates goes to the
 * smaller id (docs/prioritization.md, "Ties").
 */

let highs: HighsSelectionSolver;
beforeAll(async () => {
  highs = await createHighsSolver();
});

const shuffle = <T>(list: readonly T[], seed: number): T[] =>
  fc.sample(fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length }), { seed, numRuns: 1 })[0] as T[];

describe.each([["built-in", undefined], ["highs", "highs"]] as const)("%s solver: ties do not depend on input order", (_, which) => {
  const solver = (): SelectionSolver | undefined => (which === "highs" ? highs : undefined);

  it("two identical candidates, room for one: the smaller id, listed first or last", async () => {
    // A and B are worth 5 and cost 100 each; the budget of 100 holds one: {A} and {B} both reach 5.
    const make = (ids: string[]): SelectionProblemInput => ({
      periods: ["P"],
      candidates: ids.map((id) => ({ id, value: 5, costs: { P: { amount: "100", currency: "EUR" } } })),
      budgets: { P: { amount: "100", currency: "EUR" } },
    });
    const ab = await selectPortfolio(make(["A", "B"]), { solver: solver(), gap: 0, whyNot: "none" });
    const ba = await selectPortfolio(make(["B", "A"]), { solver: solver(), gap: 0, whyNot: "none" });
    expect(ab.selected).toEqual(["A"]);
    expect(ba.selected).toEqual(["A"]);
  });

  it("property: the same set whatever the order of candidates and constraints, with many exact ties", async () => {
    // Values 0..2 and costs from {0, 100, 200} in cents: many plans share the optimum.
    const tied = rawProblem(9).map((p) => ({
      ...p,
      values: p.values.map((v) => Math.abs(v) % 3),
      cents: p.cents.map((row) => row.map((c) => (c % 3) * 100)),
      budget: p.budget.map((b) => (b % 5) * 100),
    }));
    await fc.assert(
      fc.asyncProperty(tied, fc.integer(), async (p, seed) => {
        const input = toInput(p);
        const shuffled: SelectionProblemInput = {
          ...input,
          candidates: shuffle(input.candidates, seed),
          constraints: shuffle(input.constraints ?? [], seed + 1),
        };
        const a = await selectPortfolio(input, { solver: solver(), gap: 0, whyNot: "none" });
        const b = await selectPortfolio(shuffled, { solver: solver(), gap: 0, whyNot: "none" });
        expect(b.objective.value?.toFixed()).toBe(a.objective.value?.toFixed());
        expect([...b.selected].sort()).toEqual([...a.selected].sort());
      }),
      { seed: 5, numRuns: 60 },
    );
  }, 120_000);
});
