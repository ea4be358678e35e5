import { afterEach, describe, expect, it, vi } from "vitest";
import { money } from "../../src/index.js";
import { builtInSolver, efficientFrontier, type SelectionSolver } from "../../src/selection/index.js";

const eur = (a: string) => money(a, "EUR");
const problem = {
  periods: ["FY27"],
  candidates: [{ id: "A", value: 7, costs: { FY27: eur("6.00") } }, { id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
  budgets: { FY27: eur("10.00") },
};

describe("efficientFrontier: timeLimitMs bounds the whole call, and levels it did not reach say so", () => {
  afterEach(() => vi.restoreAllMocks());

  it("each level costs 150 ms beyond its solver's limit: 1000 ms asked → 854 ms spent (was 2,500 ms), levels 0.6–1 reported time-limit", async () => {
    // A clock that moves only in the solver, which spends its limit and then 150 ms more: the work of a level that no
    // limit can cut short (building its model and heuristic plan, checking it, a solver's overrun).
    // Before: every level got an even share of what was left and started whatever the clock said: 10 × 150 ms of
    // overrun on top of the 1000 ms. Now a level's work beyond its solver's search is measured (150 ms after the
    // first) and kept back: level 0.1 gets 1000/10 = 100 ms of search and spends 250 (left 750); each later level gets
    // the larger of that 150 and an even share of what is left (750/9, 599/8, … all below 150), so its search gets
    // the 1 ms minimum and it spends 151: left 599, 448, 297, 146 after levels 0.2–0.5. 146 < 150: levels 0.6–1 are
    // not started. Spent 250 + 4 × 151 = 854 ≤ 1000.
    let clock = 0;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => clock);
    const limits: number[] = [];
    const overruns: SelectionSolver = {
      name: "overruns",
      solve(model, options) {
        limits.push(options.timeLimitMs);
        clock += options.timeLimitMs + 150;
        return builtInSolver.solve(model, { ...options, timeLimitMs: 60_000 });
      },
    };
    const points = await efficientFrontier(problem, { solver: overruns, timeLimitMs: 1000 });
    expect(clock).toBe(854);
    expect(limits).toEqual([100, 1, 1, 1, 1]);
    // Every level is in the answer, in the order asked; the ones not reached have no plan and say why.
    expect(points.map((p) => [p.level, p.optimal.status])).toEqual([
      [0.1, "optimal"], [0.2, "optimal"], [0.3, "optimal"], [0.4, "optimal"], [0.5, "optimal"],
      [0.6, "time-limit"], [0.7, "time-limit"], [0.8, "time-limit"], [0.9, "time-limit"], [1, "time-limit"],
    ]);
    const last = points[9];
    expect(last?.optimal.objective).toEqual({ reason: "time-limit", detail: "the time limit was reached before this level was solved" });
    expect([last?.optimal.bestBound.reason, last?.optimal.selected, last?.ranking, last?.leftBehind.reason, last?.leftBehindShare.reason]).toEqual(["time-limit", [], undefined, "time-limit", "time-limit"]);
    // Levels reached keep their answers: at EUR 5.00 (0.5) B or C alone (5); the budget of 0.1 funds nothing.
    expect(points.slice(0, 5).map((p) => p.optimal.objective.value?.toFixed())).toEqual(["0", "0", "0", "0", "5"]);
  });

  it("the clock already past the limit: the first level is still solved (as selectPortfolio always answers), the others are not started", async () => {
    let clock = 0;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => clock);
    const late: SelectionSolver = { name: "late", solve(model, options) { clock += 5_000; return builtInSolver.solve(model, options); } };
    const points = await efficientFrontier(problem, { solver: late, timeLimitMs: 1000, levels: [1, 0.5] });
    // Levels are solved smallest first: 0.5 ({B} or {C} = 5) is solved, 1 is reported in its place, not reached.
    expect(points.map((p) => [p.level, p.optimal.status, p.optimal.objective.value?.toFixed() ?? p.optimal.objective.reason])).toEqual([
      [1, "time-limit", "time-limit"],
      [0.5, "optimal", "5"],
    ]);
    expect(clock).toBe(5_000);
  });
});
