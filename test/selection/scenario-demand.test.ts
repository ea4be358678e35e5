import { describe, expect, it } from "vitest";
import { compareScenarios, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";

describe("compareScenarios names a candidate's own demand change", () => {
  it("A's dev demand in FY27 rose 1 → 2 (over the capacity of 1): A moved out for its demand, not 'displaced by B'", async () => {
    // Capacity dev 1. Base: A (5, dev 1) and B (4, dev 1) cannot both fit; A is worth more → {A}. Other: A needs dev 2,
    // which no plan can give it → {B}. Before: A's reasons read only "displaced by B moving in" (its own change, the
    // demand, was not compared: only value, costs and forcing were); B's read "room freed by A moving out".
    const base: SelectionProblemInput = {
      periods: ["FY27"],
      candidates: [{ id: "A", value: 5, demand: { FY27: { dev: 1 } } }, { id: "B", value: 4, demand: { FY27: { dev: 1 } } }],
      capacity: { FY27: { dev: 1 } },
    };
    const other: SelectionProblemInput = { ...base, candidates: [{ id: "A", value: 5, demand: { FY27: { dev: 2 } } }, base.candidates[1]!] };
    const s1 = await selectPortfolio(base);
    const s2 = await selectPortfolio(other);
    expect([s1.selected, s2.selected]).toEqual([["A"], ["B"]]);
    const diff = compareScenarios({ name: "base", problem: base, selection: s1 }, { name: "more dev", problem: other, selection: s2 });
    expect(diff.movedOut.map((m) => [m.candidate, m.reasons])).toEqual([["A", ["dev demand in FY27 changed from 1 to 2"]]]);
    expect(diff.movedIn.map((m) => [m.candidate, m.reasons])).toEqual([["B", ["room freed by A moving out"]]]);
  });
  it("a demand added for a skill, or dropped, counts from or to 0", async () => {
    const base: SelectionProblemInput = { periods: ["FY27"], candidates: [{ id: "A", value: 5 }, { id: "B", value: 4, demand: { FY27: { ops: 1 } } }], capacity: { FY27: { dev: 1, ops: 1 } } };
    const other: SelectionProblemInput = { ...base, candidates: [{ id: "A", value: 5, demand: { FY27: { dev: 3 } } }, { id: "B", value: 4 }] };
    const diff = compareScenarios({ name: "a", problem: base, selection: await selectPortfolio(base) }, { name: "b", problem: other, selection: await selectPortfolio(other) });
    expect(diff.movedOut.map((m) => [m.candidate, m.reasons])).toEqual([["A", ["dev demand in FY27 changed from 0 to 3"]]]);
  });
});
