import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../src/index.js";
import { selectPortfolio } from "../../src/selection/index.js";
import { rawProblem, toInput } from "./oracle.js";

const eur = (a: string) => money(a, "EUR");

/*
 * Budget P = EUR 100.00. A (10, EUR 60.00) is forced in (regulatory); B (5) costs EUR 120.00, more than the whole
 * budget; C (5, EUR 10.00) requires D, which is forced out (policy). Optimum {A} = 10.
 * Forcing B in is infeasible by the budget alone (120 > 100); forcing C in needs D, which is forced out.
 * The "why not" asks as if B (or C) were forced in; that hypothetical was labelled "(what if)", an internal word that
 * leaked into the answers: "forcing B in is infeasible: B (what if) is forced in; …" and a constraint labelled
 * "B forced in (what if)".
 */
const problem = {
  periods: ["P"],
  candidates: [
    { id: "A", value: 10, costs: { P: eur("60.00") } },
    { id: "B", value: 5, costs: { P: eur("120.00") } },
    { id: "C", value: 5, costs: { P: eur("10.00") } },
    { id: "D", value: 5, costs: { P: eur("10.00") } },
  ],
  budgets: { P: eur("100.00") },
  constraints: [
    { kind: "forced-in" as const, candidate: "A", reason: "regulatory" },
    { kind: "requires" as const, candidate: "C", requires: "D" },
    { kind: "forced-out" as const, candidate: "D", reason: "policy" },
  ],
};

describe("an infeasible 'why not' is worded for the question asked, without the what-if label", () => {
  it("B over the whole budget, C needing a forced-out D: plain words, constraints named as in the problem", async () => {
    const r = await selectPortfolio(problem, { gap: 0 });
    expect([r.selected, r.objective.value?.toFixed()]).toEqual([["A"], "10"]);
    const why = Object.fromEntries(r.whyNot.map((w) => [w.candidate, w]));
    expect(why["B"]?.kind).toBe("infeasible");
    // B alone (EUR 120.00) already breaks the budget, but the plan with it holds the forced-in A too: 60 + 120 = 180
    // (before: "it uses EUR 120.00", as if A's cost were not counted).
    expect(why["B"]?.explanation).toBe("forcing B in is infeasible: B is forced in; with A (regulatory), also forced in, they use EUR 180.00 against budget P (EUR 100.00)");
    expect(why["B"]?.conflict?.constraints.map((c) => c.label)).toEqual(["B forced in", "budget P (EUR 100.00)"]);
    expect(why["C"]?.explanation).toBe("forcing C in is infeasible: C is forced in and needs D through C requires D, but D is forced out (policy)");
    expect(why["C"]?.conflict?.constraints.map((c) => c.label)).toEqual(["C forced in", "C requires D", "D forced out: policy"]);
    // The asked-about forcing carries no reason: none was given.
    expect(why["C"]?.conflict?.constraints[0]).toEqual({ kind: "forced-in", candidate: "C", reason: undefined, label: "C forced in" });
  });

  it("property: no 'why not' answer or conflict says 'what if'", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(7), async (p) => {
        const r = await selectPortfolio(toInput(p), { gap: 0 });
        const text = JSON.stringify([r.whyNot, r.conflicts, r.notes]);
        expect(text).not.toMatch(/what if/i);
      }),
      { seed: 12, numRuns: 60 },
    );
  });
});
