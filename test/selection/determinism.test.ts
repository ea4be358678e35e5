import { afterEach, describe, expect, it, vi } from "vitest";
import { money } from "../../src/core/index.js";
import { createBuiltInSolver, selectPortfolio, verifyPlan, defineSelectionProblem, type SelectionProblemInput } from "../../src/selection/index.js";

/** A seeded 120-candidate problem, 2 periods × 3 skills, budgets and capacities at 30 % of demand (hard enough that
 * the local improvement matters). Park–Miller LCG, so the instance is the same on every machine. */
function instance(seed: number): SelectionProblemInput {
  let s = seed;
  const rnd = () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const periods = ["P1", "P2"];
  const skills = ["a", "b", "c"];
  const total: Record<string, number> = {};
  const candidates = Array.from({ length: 120 }, (_, i) => {
    const costs: Record<string, ReturnType<typeof money>> = {};
    const demand: Record<string, Record<string, number>> = {};
    for (const p of periods) {
      const cents = int(100_000, 900_000);
      costs[p] = money((cents / 100).toFixed(2), "EUR");
      total[p] = (total[p] ?? 0) + cents;
      for (const k of skills) {
        const d = int(0, 4);
        (demand[p] ??= {})[k] = d;
        total[`${p}${k}`] = (total[`${p}${k}`] ?? 0) + d;
      }
    }
    return { id: `R${i}`, value: int(10, 100), costs, demand };
  });
  return {
    periods,
    candidates,
    budgets: Object.fromEntries(periods.map((p) => [p, money((Math.floor(0.3 * (total[p] as number)) / 100).toFixed(2), "EUR")])),
    capacity: Object.fromEntries(periods.map((p) => [p, Object.fromEntries(skills.map((k) => [k, Math.floor(0.3 * (total[`${p}${k}`] as number))]))])),
    requires: [{ candidate: "R5", requires: "R7" }, { candidate: "R20", requires: "R30" }],
    exclusive: [{ candidates: ["R1", "R2", "R3"] }],
  };
}

/** Makes `performance.now()` advance `stepMs` on every call: a machine that is slow by any amount. */
function slowClock(stepMs: number): void {
  let t = 0;
  vi.spyOn(globalThis.performance, "now").mockImplementation(() => (t += stepMs));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("built-in solver: work limits decide the result, the clock only cuts it short", () => {
  const solver = createBuiltInSolver({ nodeLimit: 3_000 });
  const options = { solver, gap: 0, timeLimitMs: 3_600_000, whyNot: "none" } as const;

  it("issue 12 #5: the same input and options give the same plan twice, and under a slowed clock", async () => {
    const problem = instance(808); // on the old solver this instance gave 3203, and 3154 under the slowed clock
    const first = await selectPortfolio(problem, options);
    const second = await selectPortfolio(problem, options);
    // Every clock reading 1 s later than the one before: a 50 ms slice would end after the first reading.
    slowClock(1_000);
    const slowed = await selectPortfolio(problem, options);
    vi.restoreAllMocks();
    expect(slowed.objective.toFixed()).toBe(first.objective.toFixed());
    expect(slowed.selected).toEqual(first.selected);
    expect(second.selected).toEqual(first.selected);
    // The node limit (work) stopped it, not the clock: the status says which.
    expect(["node-limit", "optimal"]).toContain(first.status);
    expect(slowed.status).toBe(first.status);
  });

  it("the time limit only cuts the work short, and the status says so", async () => {
    const problem = instance(777);
    slowClock(60_000); // every reading a minute later: a 1 s limit is over at the first check
    const r = await selectPortfolio(problem, { solver, gap: 0, timeLimitMs: 1_000, whyNot: "none" });
    vi.restoreAllMocks();
    expect(r.status).toBe("time-limit");
    expect(verifyPlan(defineSelectionProblem(problem), r.selected)).toEqual([]);
  });
});
