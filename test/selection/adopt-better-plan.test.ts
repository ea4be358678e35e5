import { afterEach, describe, expect, it, vi } from "vitest";
import { money } from "../../src/index.js";
import { builtInSolver, selectPortfolio, verifyPlan, defineSelectionProblem, type SelectionSolver } from "../../src/selection/index.js";

// selectPortfolio kept the first solve's plan even when a "why not" re-solve (the problem with one more candidate
// forced in, so every plan it finds is a plan of the problem too) found a strictly better one: it returned {A} = 7
// with a note saying {B, C} = 10 exists. A worse plan is never the answer: the better plan is adopted, its usage,
// gap and "why not" answers recomputed against it, and the adoption named in `notes` and `adopted`.

const eur = (a: string) => money(a, "EUR");
const input = {
  periods: ["FY27"],
  candidates: [{ id: "A", value: 7, costs: { FY27: eur("6.00") } }, { id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
  budgets: { FY27: eur("10.00") },
};

/** A solver whose first solve is cut by the clock (greedy {A} = 7, nothing from the solver); later solves run normally. */
function cutFirstSolve(): SelectionSolver {
  // The clock reads 0, except between the main solve's deadline and its solver call, where it reads far past it:
  // the heuristic is cut after its greedy fill (A first: 7/6 per euro beats 5/5) and the solver returns nothing.
  let calls = 0;
  let phase: "base" | "after" = "base";
  vi.spyOn(globalThis.performance, "now").mockImplementation(() => (phase === "base" && ++calls > 2 ? 1e12 : 0));
  return {
    name: "cut",
    solve(model, options) {
      if (phase === "base") {
        phase = "after";
        return { plan: undefined, bound: 17, stoppedBy: "time-limit" };
      }
      return builtInSolver.solve(model, options);
    },
  };
}

describe("selectPortfolio adopts a strictly better plan found by a why-not re-solve", () => {
  afterEach(() => vi.restoreAllMocks());

  it("first solve {A} = 7 (cut); the re-solve with B forced in finds {B, C} = 10: the answer is {B, C} = 10", async () => {
    const r = await selectPortfolio(input, { solver: cutFirstSolve(), gap: 0 });
    // B + C = 5 + 5 = 10 within the EUR 10.00 budget (5.00 + 5.00); A alone is 7.
    expect([r.selected, r.excluded, r.objective.value?.toFixed()]).toEqual([["B", "C"], ["A"], "10"]);
    expect(verifyPlan(defineSelectionProblem(input), r.selected)).toEqual([]);
    // The usage is the adopted plan's: EUR 10.00 of EUR 10.00, binding.
    expect(r.usage.map((u) => [u.used.toFixed(2), u.slack.toFixed(2), u.binding])).toEqual([["10.00", "0.00", true]]);
    // The "why not" answers are against the adopted plan: forcing A in (6.00 leaves 4.00, room for neither B nor C)
    // gives {A} = 7, 3 less than 10, displacing B and C.
    expect(r.whyNot.map((w) => [w.candidate, w.kind, w.objectiveLost.value?.toFixed(), w.displaces])).toEqual([["A", "displaces", "3", ["B", "C"]]]);
    // The bound (≤ 17, the cut solve's) still holds; the gap is (bound − 10) / 10, never negative.
    expect(r.bestBound.value!.greaterThanOrEqualTo(10)).toBe(true);
    expect(r.gap.value!.toFixed()).toBe(r.bestBound.value!.minus(10).div(10).toFixed());
    expect(r.adopted).toEqual([{ candidate: "B", replaced: ["A"], objective: expect.anything(), previousObjective: expect.anything() }]);
    expect([r.adopted[0]!.previousObjective.toFixed(), r.adopted[0]!.objective.toFixed()]).toEqual(["7", "10"]);
    expect(r.notes).toContain(
      'the first solve (time-limit) selected A, worth 7; the "why not" re-solve with B forced in found B, C, worth 10 (3 more): that plan is adopted',
    );
  });

  it("an optimal first solve adopts nothing: adopted is empty and the notes do not mention it", async () => {
    const r = await selectPortfolio(input, { gap: 0 });
    expect([r.status, r.selected, r.objective.value?.toFixed(), r.adopted]).toEqual(["optimal", ["B", "C"], "10", []]);
    expect(r.notes.some((n) => n.includes("adopted"))).toBe(false);
  });

  it("whyNot 'none' runs no re-solve, so nothing is adopted: the cut plan {A} = 7 stands, status time-limit", async () => {
    const r = await selectPortfolio(input, { solver: cutFirstSolve(), gap: 0, whyNot: "none" });
    expect([r.status, r.selected, r.objective.value?.toFixed(), r.adopted]).toEqual(["time-limit", ["A"], "7", []]);
  });
});
