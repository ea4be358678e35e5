import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError, money } from "../../src/core/index.js";
import { compareScenarios, efficientFrontier, selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";
import { enumerateOptimum, rawProblem, toInput } from "./oracle.js";

const eur = (s: string) => money(s, "EUR");

/*
 * Ranking vs optimum, hand-derived. Budget 100 at level 1. Values/costs: A 60/60 (ranked first: highest value),
 * B 50/50, C 45/50. Ranking funds A (60), then B and C do not fit (60 + 50 > 100) → 60. Optimum {B, C} = 95.
 * The ranking leaves 35 behind (35/95 of the optimum). At level 0.5 (budget 50): ranking skips A, funds B → 50;
 * optimum is B (50) as well → nothing left behind.
 */
const threeProjects: SelectionProblemInput = {
  periods: ["FY27"],
  candidates: [
    { id: "A", value: 60, costs: { FY27: eur("60.00") } },
    { id: "B", value: 50, costs: { FY27: eur("50.00") } },
    { id: "C", value: 45, costs: { FY27: eur("50.00") } },
  ],
  budgets: { FY27: eur("100.00") },
};

describe("efficientFrontier", () => {
  it("puts the optimum beside the ranking curve and the value the ranking leaves behind", async () => {
    const points = await efficientFrontier(threeProjects, { levels: [1, 0.5], gap: 0 });
    expect(points.map((p) => [p.level, p.budgets["FY27"]?.amount.toFixed(2), p.optimal.objective.value?.toFixed(), p.ranking?.objective.toFixed(), p.leftBehind.value?.toFixed()])).toEqual([
      [1, "100.00", "95", "60", "35"],
      [0.5, "50.00", "50", "50", "0"],
    ]);
    expect(points[0]?.optimal.selected).toEqual(["B", "C"]);
    expect(points[0]?.ranking?.selected).toEqual(["A"]);
    expect(points[0]?.leftBehindShare.value?.toNumber()).toBeCloseTo(35 / 95, 12);
  });

  it("is monotone in the budget and never below the ranking curve (enumeration-checked)", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(9), async (p) => {
        const levels = [0.25, 0.5, 1];
        const points = await efficientFrontier(toInput(p), { levels, gap: 0 });
        let previous = -Infinity;
        for (const point of points) {
          if (point.optimal.status === "infeasible") continue;
          const value = point.optimal.objective.value?.toNumber() as number;
          expect(value).toBeGreaterThanOrEqual(previous);
          previous = value;
          if (point.ranking) expect(value).toBeGreaterThanOrEqual(point.ranking.objective.toNumber());
        }
        // Level 1 is the original problem.
        expect(points[2]?.optimal.status === "infeasible" ? undefined : points[2]?.optimal.objective.value?.toNumber()).toBe(enumerateOptimum(p));
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it("rejects bad levels and unknown ids in the ranking", async () => {
    await expect(efficientFrontier(threeProjects, { levels: [Number.NaN] })).rejects.toBeInstanceOf(ValidationError);
    await expect(efficientFrontier(threeProjects, { ranking: ["A", "Z"] })).rejects.toThrow(/unknown candidate "Z"/);
  });
});

describe("compareScenarios", () => {
  it("names who moved and the contributions that moved them", async () => {
    // Scenario "balanced": A = 50 + 10 risk = 60, B = 40 + 15 = 55, budget fits one. A wins.
    // Scenario "risk-averse": risk weight doubled: A = 50 + 5 = 55 (risk −5), B = 40 + 30 = 70 (risk +15). B wins.
    const build = (a: [number, number], b: [number, number]): SelectionProblemInput => ({
      periods: ["FY27"],
      candidates: [
        { id: "A", value: a[0] + a[1], breakdown: { value: a[0], risk: a[1] }, costs: { FY27: eur("100.00") } },
        { id: "B", value: b[0] + b[1], breakdown: { value: b[0], risk: b[1] }, costs: { FY27: eur("100.00") } },
      ],
      budgets: { FY27: eur("100.00") },
    });
    const p1 = build([50, 10], [40, 15]);
    const p2 = build([50, 5], [40, 30]);
    const s1 = await selectPortfolio(p1, { gap: 0 });
    const s2 = await selectPortfolio(p2, { gap: 0 });
    const diff = compareScenarios({ name: "balanced", problem: p1, selection: s1 }, { name: "risk-averse", problem: p2, selection: s2 });
    expect(diff.movedIn.map((m) => [m.candidate, m.reasons])).toEqual([["B", ["value rose from 55 to 70 (risk +15)"]]]);
    expect(diff.movedOut.map((m) => [m.candidate, m.reasons])).toEqual([["A", ["value fell from 60 to 55 (risk -5)"]]]);
    expect(diff.objective.delta.value?.toFixed()).toBe("10");
    expect(diff.constraintChanges).toEqual([]);
  });

  it("explains moves caused by constraint changes around a candidate", async () => {
    const p2: SelectionProblemInput = { ...threeProjects, budgets: { FY27: eur("60.00") } };
    const s1 = await selectPortfolio(threeProjects, { gap: 0 });
    const s2 = await selectPortfolio(p2, { gap: 0 });
    const diff = compareScenarios({ name: "plan", problem: threeProjects, selection: s1 }, { name: "cut", problem: p2, selection: s2 });
    expect(diff.movedIn.map((m) => m.candidate)).toEqual(["A"]);
    expect(diff.movedOut.map((m) => m.candidate)).toEqual(["B", "C"]);
    expect(diff.constraintChanges).toEqual(["budget FY27 fell from EUR 100.00 to EUR 60.00"]);
    expect(diff.movedIn[0]?.reasons).toEqual([
      "room freed by B, C moving out",
      "constraints changed: budget FY27 fell from EUR 100.00 to EUR 60.00",
    ]);
  });
});
