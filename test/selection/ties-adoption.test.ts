import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { money } from "../../src/index.js";
import { builtInSolver, createBuiltInSolver, selectPortfolio, type SelectionProblemInput, type SelectionSolver } from "../../src/selection/index.js";
import { rawProblem, toInput } from "./oracle.js";

// Among "why not" re-solves with equal gains, selectPortfolio adopted the first in input order, so the plan returned
// depended on how the candidates were listed — against the rule that ties depend only on the problem's content
// (docs/prioritization.md, "Ties"). Equal gains now go to the smaller id, as in the free-room fill.

const eur = (a: string) => money(a, "EUR");
// Budget EUR 10.00. A (7, 6.00); B, C, D (5, 5.00 each). The first solve starts from last quarter's plan {A} and is
// cut by the clock right after its fill: none of B, C, D fits the EUR 4.00 left next to A, so it ends at {A} = 7.
// Re-solves (all three, worth 5 each, within the default 10): B forced in → {B, C} = 10 (the tie {B, C} / {B, D} goes
// to the smaller id); C forced in → {B, C} = 10; D forced in → {B, D} = 10. Each gains 3 over {A}.
// Equal gains, smaller id: B's plan {B, C} is adopted; against it no re-solve gains (A forced in: {A} = 7, D forced
// in: {B, D} = 10, loss 0), so {B, C} = 10 is the answer however the candidates are listed.
const candidates = [
  { id: "A", value: 7, costs: { FY27: eur("6.00") } },
  { id: "B", value: 5, costs: { FY27: eur("5.00") } },
  { id: "C", value: 5, costs: { FY27: eur("5.00") } },
  { id: "D", value: 5, costs: { FY27: eur("5.00") } },
];

/** A solver whose first solve is cut by the clock (nothing from the solver); later solves run normally. */
function cutFirstSolve(): SelectionSolver {
  let calls = 0;
  let phase: "base" | "after" = "base";
  vi.spyOn(globalThis.performance, "now").mockImplementation(() => (phase === "base" && ++calls > 2 ? 1e12 : 0));
  return {
    name: "cut",
    solve(model, options) {
      if (phase === "base") {
        phase = "after";
        return { plan: undefined, bound: 20, stoppedBy: "time-limit" };
      }
      return builtInSolver.solve(model, options);
    },
  };
}

describe("adoption among equal gains does not depend on input order", () => {
  afterEach(() => vi.restoreAllMocks());

  it("{A} = 7 cut short; B, C and D re-solves each gain 3: B's {B, C} is adopted, listed A B C D or D C B A", async () => {
    const results = [];
    for (const list of [candidates, [...candidates].reverse(), [candidates[3]!, candidates[0]!, candidates[1]!, candidates[2]!]]) {
      const r = await selectPortfolio({ periods: ["FY27"], candidates: list, budgets: { FY27: eur("10.00") } }, { solver: cutFirstSolve(), gap: 0, warmStart: ["A"] });
      vi.restoreAllMocks();
      results.push([[...r.selected].sort(), r.objective.value?.toFixed(), r.adopted.map((a) => a.candidate)]);
    }
    // Before: listed D first, D's {B, D} was adopted.
    expect(results).toEqual([
      [["B", "C"], "10", ["B"]],
      [["B", "C"], "10", ["B"]],
      [["B", "C"], "10", ["B"]],
    ]);
  });

  it("property: permuting candidates and constraints changes no set, figure, status, answer or adoption", async () => {
    // Many exact ties (values 0..2, costs 0, 1.00 or 2.00), and a solver stopped early so that fills and adoptions run.
    const tied = rawProblem(8).map((p) => ({ ...p, values: p.values.map((v) => Math.abs(v) % 3), cents: p.cents.map((row) => row.map((c) => (c % 3) * 100)), budget: p.budget.map((b) => (b % 5) * 100) }));
    const shuffled = <T>(list: readonly T[], seed: number): T[] => fc.sample(fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length }), { seed, numRuns: 1 })[0] as T[];
    const early = createBuiltInSolver({ nodeLimit: 2, improvementPasses: 0 });
    const view = (r: Awaited<ReturnType<typeof selectPortfolio>>) => ({
      selected: [...r.selected].sort(),
      figures: [r.status, r.objective.value?.toFixed(), r.bestBound.value?.toFixed(), r.gap.value?.toFixed()],
      whyNot: r.whyNot.map((w) => [w.candidate, w.kind, w.objectiveLost.value?.toFixed(), [...w.displaces].sort(), [...w.bringsIn].sort()]).sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
      adopted: r.adopted.map((a) => [a.candidate, a.objective.toFixed()]),
    });
    await fc.assert(
      fc.asyncProperty(tied, fc.integer(), fc.boolean(), async (p, seed, stop) => {
        const input = toInput(p);
        const other: SelectionProblemInput = { ...input, candidates: shuffled(input.candidates, seed), constraints: shuffled(input.constraints ?? [], seed + 1) };
        const options = { gap: 0, solver: stop ? early : undefined, timeLimitMs: 30_000 };
        expect(view(await selectPortfolio(other, options))).toEqual(view(await selectPortfolio(input, options)));
      }),
      { seed: 11, numRuns: 60 },
    );
  }, 120_000);
});
