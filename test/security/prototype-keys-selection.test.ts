import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import { compareScenarios, defineSelectionProblem, efficientFrontier, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";
import { HOSTILE, ORDINARY, expectSameModuloRenaming, prototypeSnapshot, renaming } from "./hostile-keys.js";

const [k0, k1, k2, k3, k4, k5] = ORDINARY as [string, string, string, string, string, string];
const eur = (s: string) => money(s, "EUR");

let before: unknown;
beforeEach(() => { before = prototypeSnapshot(); });
afterEach(() => { expect(prototypeSnapshot()).toEqual(before); });

/*
 * Periods, skills and candidate ids are user strings used as dictionary keys (budgets[period], capacity[period][skill],
 * costs[period], demand[period][skill], breakdown[key]). Hand-derived: budget 1000 in each period; A costs 600 in
 * k0, B 500 in k0, C 300 in k1; skill k2 capacity 2 in k0: A needs 1, B needs 1.5 → A and B cannot both run. Optimum
 * {A, C}: A (10) beats B (7), C (5) fits period k1. Period k3 has no budget or capacity and must not invent one.
 */
const problem = (): SelectionProblemInput => ({
  periods: [k0, k1, k3],
  candidates: [
    { id: k4, value: 10, costs: { [k0]: eur("600.00") }, demand: { [k0]: { [k2]: "1" } }, breakdown: { [k5]: "10" } },
    { id: k5, value: 7, costs: { [k0]: eur("500.00"), [k3]: eur("1.00") }, demand: { [k0]: { [k2]: "1.5" } } },
    { id: "C", value: 5, costs: { [k1]: eur("300.00") } },
  ],
  budgets: { [k0]: eur("1000.00"), [k1]: eur("1000.00") },
  capacity: { [k0]: { [k2]: "2" } },
  constraints: [{ kind: "requires", candidate: "C", requires: k4 }],
});

describe("selection: periods, skills and candidate ids named like Object.prototype members", () => {
  it("the ordinary problem gives the hand-derived plan", async () => {
    const r = await selectPortfolio(problem(), { gap: 0 });
    expect(r.selected).toEqual([k4, "C"]);
  });

  it("defineSelectionProblem keeps every key (a __proto__ period is not dropped)", async () => {
    await expectSameModuloRenaming(problem(), (p) => {
      const d = defineSelectionProblem(p);
      return { budgets: { ...d.budgets }, capacity: { ...d.capacity }, candidates: d.candidates.map((c) => ({ ...c, costs: { ...c.costs }, demand: { ...c.demand } })) };
    });
  });

  it("selectPortfolio gives the same plan, binding constraints and why-nots", async () => {
    await expectSameModuloRenaming(problem(), (p) => selectPortfolio(p, { gap: 0 }));
  });

  it("a period without a budget is unlimited, whatever its name", async () => {
    const open = (): SelectionProblemInput => ({ periods: [k1], candidates: [{ id: "A", value: 1, costs: { [k1]: eur("5.00") } }], budgets: {} });
    await expectSameModuloRenaming(open(), (p) => selectPortfolio(p, { gap: 0 }));
  });

  it("efficientFrontier scales budgets of every period", async () => {
    await expectSameModuloRenaming(problem(), (p) => efficientFrontier(p, { levels: [0.5, 1] }));
  });

  it("compareScenarios compares breakdown keys present on one side only", async () => {
    await expectSameModuloRenaming(problem(), async (p) => {
      const base = { name: "base", problem: p, selection: await selectPortfolio(p, { gap: 0 }) };
      const other = { name: "other", problem: { ...p, candidates: p.candidates.map((c) => ({ ...c, breakdown: { [k1]: "3" } })) } };
      return compareScenarios(base, { ...other, selection: await selectPortfolio(other.problem, { gap: 0 }) });
    });
  });
});

describe("selection: property — any assignment of hostile names to periods, skills and ids", () => {
  it("gives the plan of the ordinary names, renamed", async () => {
    // Random budgets and demands over two periods and two skills; each name is an ordinary token or its hostile twin.
    const arb = fc.record({
      hostile: fc.subarray([...HOSTILE], { minLength: 1 }),
      costs: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { minLength: 3, maxLength: 3 }),
      demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
      budget: fc.integer({ min: 1, max: 15 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ hostile, costs, demand, budget }) => {
        const input: SelectionProblemInput = {
          periods: [k0, k1],
          candidates: costs.map(([a, b], i) => ({
            id: ORDINARY[i + 3]!, value: 3 + i,
            costs: { [k0]: eur(`${a}.00`), [k1]: eur(`${b}.00`) },
            demand: { [k1]: { [k2]: String(demand[i]) } },
          })),
          budgets: { [k0]: eur(`${budget}.00`), [k1]: eur(`${budget}.00`) },
          capacity: { [k1]: { [k2]: "3" } },
        };
        await expectSameModuloRenaming(input, (p) => selectPortfolio(p, { gap: 0 }), renaming(hostile));
      }),
      { numRuns: 25, seed: 20261205 },
    );
  });
});

describe("selection: the dictionaries are still checked for shape", () => {
  it("a Map or an array where a dictionary belongs is refused at its path; a prototype-less object is accepted", () => {
    expect(() => defineSelectionProblem({ periods: ["A"], candidates: [], budgets: new Map() as never })).toThrow(/budgets/);
    expect(() => defineSelectionProblem({ periods: ["A"], candidates: [], capacity: { A: [] as never } })).toThrow(/capacity/);
    expect(Object.keys(defineSelectionProblem({ periods: ["A"], candidates: [], capacity: Object.create(null) as never }).capacity)).toEqual([]);
  });
});
