import { describe, expect, it } from "vitest";
import { ValidationError, money } from "../../src/core/index.js";
import { defineSelectionProblem, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";

/*
 * Issue 12, "One shape for inputs". Hand-derived: budget 1,000.00; A 600.00 → 10, B 400.00 → 7, C 300.00 → 5,
 * D 300.00 → 4; D requires C; architect capacity 2 (A 1, B 1, C 0.5, D 0.5). Optimum {A, B} = 17 (budget exactly
 * used, architects 2 of 2).
 */
const asStrings: SelectionProblemInput = {
  periods: ["FY27"],
  candidates: [
    { id: "A", value: "10", costs: { FY27: { amount: "600.00", currency: "EUR" } }, demand: { FY27: { architect: "1" } } },
    { id: "B", value: "7", costs: { FY27: { amount: "400.00", currency: "EUR" } }, demand: { FY27: { architect: "1" } } },
    { id: "C", value: "5", costs: { FY27: { amount: "300.00", currency: "EUR" } }, demand: { FY27: { architect: "0.5" } } },
    { id: "D", value: "4", costs: { FY27: { amount: "300.00", currency: "EUR" } }, demand: { FY27: { architect: "0.5" } } },
  ],
  budgets: { FY27: { amount: "1000.00", currency: "EUR" } },
  capacity: { FY27: { architect: "2" } },
  constraints: [{ kind: "requires", candidate: "D", requires: "C" }],
};
const asNumbers: SelectionProblemInput = {
  periods: ["FY27"],
  candidates: [
    { id: "A", value: 10, costs: { FY27: { amount: 600, currency: "EUR" } }, demand: { FY27: { architect: 1 } } },
    { id: "B", value: 7, costs: { FY27: { amount: 400, currency: "EUR" } }, demand: { FY27: { architect: 1 } } },
    { id: "C", value: 5, costs: { FY27: { amount: 300, currency: "EUR" } }, demand: { FY27: { architect: 0.5 } } },
    { id: "D", value: 4, costs: { FY27: money("300.00", "EUR") }, demand: { FY27: { architect: 0.5 } } },
  ],
  budgets: { FY27: { amount: 1000, currency: "EUR" } },
  capacity: { FY27: { architect: 2 } },
  constraints: [{ kind: "requires", candidate: "D", requires: "C" }],
};

describe("selection input: one shape (issue 12)", () => {
  it("issue 12: amounts, values, demands and capacities take the same decimal forms (string, number, Money)", async () => {
    const a = defineSelectionProblem(asStrings);
    const b = defineSelectionProblem(asNumbers);
    expect(a.candidates.map((c) => [c.value.toFixed(), c.costs["FY27"]?.amount.toFixed(2), c.demand["FY27"]?.["architect"]?.toFixed()]))
      .toEqual(b.candidates.map((c) => [c.value.toFixed(), c.costs["FY27"]?.amount.toFixed(2), c.demand["FY27"]?.["architect"]?.toFixed()]));
    expect(a.budgets["FY27"]?.amount.toFixed(2)).toBe("1000.00");
    const [ra, rb] = [await selectPortfolio(asStrings, { gap: 0 }), await selectPortfolio(asNumbers, { gap: 0 })];
    expect(ra.selected).toEqual(["A", "B"]);
    expect(rb.selected).toEqual(["A", "B"]);
    // A number that is no exact decimal has no place in money: NaN and Infinity are refused with their path.
    expect(() => defineSelectionProblem({ ...asNumbers, budgets: { FY27: { amount: Number.POSITIVE_INFINITY, currency: "EUR" } } })).toThrow(ValidationError);
    expect(() => defineSelectionProblem({ ...asNumbers, budgets: { FY27: { amount: "1e3", currency: "EUR" } } })).toThrow(ValidationError);
  });

  it("issue 12: every constraint kind is an object with a kind; a reason is optional for forced in and out alike", async () => {
    const r = await selectPortfolio({
      ...asNumbers,
      constraints: [
        { kind: "requires", candidate: "D", requires: "C" },
        { kind: "together", candidates: ["C", "D"] },
        { kind: "exclusive", candidates: ["A", "B"] },
        { kind: "forced-in", candidate: "C" },
        { kind: "forced-out", candidate: "B" },
      ],
    }, { gap: 0 });
    // C forced in brings D (together); A and B exclusive, B out: A fits? A 600 + C 300 + D 300 = 1,200 > 1,000, so
    // the plan is {C, D} = 9.
    expect(r.selected).toEqual(["C", "D"]);
    expect(r.whyNot.find((w) => w.candidate === "B")?.explanation).toBe("B is forced out");
    const labels = defineSelectionProblem({ ...asNumbers, constraints: [{ kind: "forced-in", candidate: "C" }, { kind: "forced-out", candidate: "B", reason: "vendor withdrew" }] }).constraints;
    expect(labels).toEqual([{ kind: "forced-in", candidate: "C", reason: undefined }, { kind: "forced-out", candidate: "B", reason: "vendor withdrew" }]);
    // The old shapes are refused, with the path.
    expect(() => defineSelectionProblem({ ...asNumbers, together: [["C", "D"]] } as unknown as SelectionProblemInput)).toThrow(ValidationError);
  });

  it("issue 12: an infeasible result has no objective, bound or gap (a reason, not 0); gap and bound are Decimals", async () => {
    const bad = await selectPortfolio({ ...asNumbers, constraints: [{ kind: "forced-in", candidate: "A" }, { kind: "forced-in", candidate: "B" }, { kind: "forced-in", candidate: "C" }] });
    expect(bad.status).toBe("infeasible");
    expect(bad.objective).toEqual({ value: undefined, reason: "infeasible" });
    expect(bad.bestBound).toEqual({ value: undefined, reason: "infeasible" });
    expect(bad.gap).toEqual({ value: undefined, reason: "infeasible" });
    const ok = await selectPortfolio(asNumbers, { gap: 0 });
    expect(ok.objective.value?.toFixed()).toBe("17");
    expect(ok.bestBound.value?.toFixed()).toBe("17");
    expect(ok.gap.value?.toFixed()).toBe("0");
  });

  it("a group lists each candidate once, together as exclusive (a repeated id was accepted in together, refused in exclusive)", () => {
    for (const kind of ["together", "exclusive"] as const) {
      const input = { ...asNumbers, constraints: [{ kind, candidates: ["C", "D", "C"] }] } as SelectionProblemInput;
      expect(() => defineSelectionProblem(input)).toThrow(/constraints\[0\]\.candidates: a candidate is listed twice/);
    }
  });
});
