import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHighsSolver } from "../../src/highs/index.js";
import { defineSelectionProblem, efficientFrontier, selectPortfolio, verifyPlan, type SelectionProblemInput } from "../../src/selection/index.js";

// A budget or capacity row with more than 12 decimals (FTE fractions written out to 16 places, e.g. from a
// spreadsheet) is solved in floats, where the heuristic accepts a plan within 1e-9 of the limit. A plan over the limit
// by less than that failed the exact check and selectPortfolio threw "unreachable: the heuristic plan is feasible by
// construction" instead of answering. Such a plan is now repaired in exact decimals.

// Capacity 1 FTE. A, B and C need a third each, written to 16 places: 0.3333333333333333 + 0.3333333333333333 +
// 0.3333333333333334 = 1 exactly, so {A, B, C} fits (6). D needs 0.0000000000000001 and is worth 1: with A, B, C it
// needs 1.0000000000000001 > 1; any two of A, B, C with D is 5. Optimum {A, B, C} = 6.
const fte: SelectionProblemInput = {
  periods: ["P"],
  candidates: [
    { id: "A", value: 2, demand: { P: { dev: "0.3333333333333333" } } },
    { id: "B", value: 2, demand: { P: { dev: "0.3333333333333333" } } },
    { id: "C", value: 2, demand: { P: { dev: "0.3333333333333334" } } },
    { id: "D", value: 1, demand: { P: { dev: "0.0000000000000001" } } },
  ],
  capacity: { P: { dev: "1" } },
};

// Capacity 0.3. A (1, 0.1) and B (1, 0.2) fit exactly (0.3); C (1.5, 0.3) alone; D (0, 0.0000000000001) puts the row
// in floats and never fits next to A and B (0.3000000000001). Optimum {A, B} = 2.
const tenths: SelectionProblemInput = {
  periods: ["P"],
  candidates: [
    { id: "A", value: 1, demand: { P: { dev: "0.1" } } },
    { id: "B", value: 1, demand: { P: { dev: "0.2" } } },
    { id: "C", value: "1.5", demand: { P: { dev: "0.3" } } },
    { id: "D", value: 0, demand: { P: { dev: "0.0000000000001" } } },
  ],
  capacity: { P: { dev: "0.3" } },
};

// Capacity 1 FTE. A needs 0.1 + 0.2 as a JavaScript number (0.30000000000000004, 17 decimals), B 0.7, C 0.8; worth
// 3, 2, 4. A + B = 1.00000000000000004 > 1 exactly, though in floats 0.30000000000000004 + 0.7 is 1; every other pair
// exceeds 1 by far (1.1, 1.5). Optimum {C} = 4.
const sum = {
  periods: ["P"],
  candidates: [
    { id: "A", value: 3, demand: { P: { dev: 0.1 + 0.2 } } },
    { id: "B", value: 2, demand: { P: { dev: 0.7 } } },
    { id: "C", value: 4, demand: { P: { dev: 0.8 } } },
  ],
  capacity: { P: { dev: 1 } },
};

describe("rows in floats: plans at the limit are decided exactly, so the optimum is found and proven", () => {
  // The floats took {A, B, C, D} = 7 (1.0000000000000001 is within their 1e-9 tolerance of 1), so the search ended on
  // a plan the exact check refused: {A, B, C} was repaired out of it, with the float bound 7 — "node-limit", not
  // proven. The built-in search now decides a row within its tolerance of the limit in exact decimals: it refuses D
  // next to A, B, C and proves {A, B, C} = 6 (bound 6). HiGHS still takes {A, B, C, D}; after its plan is refused the
  // built-in search runs with the time left and proves the same.
  it.each([["built-in"], ["highs"]] as const)("%s: 16-place FTE fractions give {A, B, C} = 6, optimal (was node-limit, bound 7)", async (which) => {
    const solver = which === "highs" ? await createHighsSolver() : undefined;
    const r = await selectPortfolio(fte, { solver, gap: 0 });
    expect([r.selected, r.objective.value?.toFixed(), r.status, r.bestBound.value?.toFixed()]).toEqual([["A", "B", "C"], "6", "optimal", "6"]);
    expect(verifyPlan(defineSelectionProblem(fte), r.selected)).toEqual([]);
    expect(r.notes.some((n) => n.startsWith("the plans found exceed a row held in floats"))).toBe(false);
  });

  // Before: the floats took {A, B} = 5; the exact repair kept A (the more valuable) and returned {A} = 3, node-limit,
  // bound 5 — a wrong answer, {C} = 4 fits. Now {C} = 4, optimal.
  it.each([["built-in"], ["highs"]] as const)("%s: a 0.1 + 0.2 demand beside 0.7 against 1 gives {C} = 4, optimal (was {A} = 3, node-limit)", async (which) => {
    const solver = which === "highs" ? await createHighsSolver() : undefined;
    const r = await selectPortfolio(sum, { solver, gap: 0 });
    expect([r.selected, r.objective.value?.toFixed(), r.status, r.bestBound.value?.toFixed()]).toEqual([["C"], "4", "optimal", "4"]);
  });

  it("built-in: tenths beside a 13-place demand give {A, B} = 2, optimal (the float bound is 2)", async () => {
    const r = await selectPortfolio(tenths, { gap: 0 });
    expect([r.selected, r.objective.value?.toFixed(), r.status]).toEqual([["A", "B"], "2", "optimal"]);
    expect(verifyPlan(defineSelectionProblem(tenths), r.selected)).toEqual([]);
  });
});

describe("HiGHS with amounts of 10^15 and more (a whole budget in a currency of small units)", () => {
  // EUR 1,000,000,000,000,000 budget: A (5) costs all of it, B (1) costs EUR 1; A and B together exceed it by 1, so
  // the optimum is {A} = 5. HiGHS refused the model ("passModel failed with HiGHS status -1": it reads matrix values of
  // 10^15 and more as infinite) and selectPortfolio threw; rows are now scaled by a power of two before HiGHS sees them.
  const big: SelectionProblemInput = {
    periods: ["P"],
    candidates: [
      { id: "A", value: 5, costs: { P: { amount: "1000000000000000", currency: "EUR" } } },
      { id: "B", value: 1, costs: { P: { amount: "1", currency: "EUR" } } },
    ],
    budgets: { P: { amount: "1000000000000000", currency: "EUR" } },
  };
  // In floats EUR 1 is below HiGHS' tolerance on such a row: it returns {A, B} = 6 with bound 6, which the exact check
  // rejects. Its search was then of another problem: the built-in search (exact integers here) runs with the time left
  // and proves {A} = 5 optimal — before, {A} = 5 was returned "node-limit" with HiGHS' bound 6 (gap 0.2).
  it("HiGHS: {A} = 5, optimal (was node-limit, bound 6)", async () => {
    const r = await selectPortfolio(big, { solver: await createHighsSolver(), gap: 0, whyNot: "none" });
    expect([r.selected, r.objective.value?.toFixed(), r.status, r.bestBound.value?.toFixed(), r.gap.value?.toFixed()]).toEqual([["A"], "5", "optimal", "5", "0"]);
    expect(r.notes[0]).toMatch(/^highs returned a plan that breaks budget P .*; it was repaired$/);
    expect(r.notes[1]).toBe("the built-in search, exact near the limits, then searched with the time left (optimal)");
  });
});

/*
 * Property, against exhaustive enumeration in decimal.js (no selection code): demands that are JavaScript sums of
 * tenths and thirds (0.1 + 0.2 = 0.30000000000000004, 1/3 = 0.3333333333333333, 16–17 decimals), capacities the
 * exact decimal sum of a random subset of them — so plans land exactly on the limit, or 1e-17 above it, where the
 * floats cannot tell. The built-in solver must return the enumerated optimum, and "optimal" whenever it says it is.
 */
const floaty = fc.oneof(
  fc.integer({ min: 1, max: 9 }).chain((a) => fc.integer({ min: 1, max: 9 }).map((b) => a / 10 + b / 10)),
  fc.integer({ min: 1, max: 5 }).map((k) => k / 3),
  fc.integer({ min: 1, max: 9 }).map((k) => k * 0.1),
);
const floatRowProblem = fc.integer({ min: 3, max: 8 }).chain((n) =>
  fc.record({
    values: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
    demand: fc.array(floaty, { minLength: n, maxLength: n }),
    subset: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    nudge: fc.constantFrom("0", "0.00000000000000001", "-0.00000000000000001"),
  }),
);

describe("property: rows of 16–17-decimal floats, against enumeration in exact decimals", () => {
  it("built-in: the enumerated optimum, proven optimal", async () => {
    await fc.assert(
      fc.asyncProperty(floatRowProblem, async ({ values, demand, subset, nudge }) => {
        const exact = demand.map((d) => new Decimal(String(d)));
        let capacity = new Decimal(nudge);
        subset.forEach((s, i) => { if (s) capacity = capacity.plus(exact[i] as Decimal); });
        if (capacity.isNegative()) capacity = new Decimal(0);
        let best = 0;
        for (let mask = 0; mask < 1 << values.length; mask++) {
          let used = new Decimal(0);
          let worth = 0;
          values.forEach((v, i) => { if (mask & (1 << i)) { used = used.plus(exact[i] as Decimal); worth += v; } });
          if (used.lessThanOrEqualTo(capacity) && worth > best) best = worth;
        }
        const input = {
          periods: ["P"],
          candidates: values.map((v, i) => ({ id: `C${i}`, value: v, demand: { P: { dev: demand[i] as number } } })),
          capacity: { P: { dev: capacity.toFixed() } },
        };
        const r = await selectPortfolio(input, { gap: 0, whyNot: "none", timeLimitMs: 60_000 });
        expect(verifyPlan(defineSelectionProblem(input), r.selected)).toEqual([]);
        expect([r.objective.value?.toFixed(), r.status]).toEqual([String(best), "optimal"]);
      }),
      { seed: 16, numRuns: 150 },
    );
  });
});

describe("efficientFrontier on a row held in floats: the ranking curve is funded exactly", () => {
  // Capacity 1: A (5) needs 0.1 + 0.2 = 0.30000000000000004, B (4) 0.7, C (3) 0.8. Down the ranking A fits; B next to
  // it needs 1.00000000000000004 > 1 (1 in floats), C 1.1: the ranking funds {A} = 5, which is also the optimum.
  // Before: the floats funded {A, B}, the exact check refused it, and the level had no ranking at all — `ranking`
  // undefined and `leftBehind` missing with reason "infeasible" on a feasible level (status node-limit).
  it("level 1: ranking {A} = 5, optimal {A} = 5, leftBehind 0", async () => {
    const [point] = await efficientFrontier({
      periods: ["P"],
      candidates: [
        { id: "A", value: 5, demand: { P: { dev: 0.1 + 0.2 } } },
        { id: "B", value: 4, demand: { P: { dev: 0.7 } } },
        { id: "C", value: 3, demand: { P: { dev: 0.8 } } },
      ],
      capacity: { P: { dev: 1 } },
    }, { levels: [1], gap: 0 });
    expect([point?.optimal.status, point?.optimal.selected, point?.ranking?.selected, point?.ranking?.objective.toFixed(), point?.leftBehind.value?.toFixed()]).toEqual(["optimal", ["A"], ["A"], "5", "0"]);
  });
});
