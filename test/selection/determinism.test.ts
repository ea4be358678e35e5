import { afterEach, describe, expect, it, vi } from "vitest";
import { createBuiltInSolver, defineSelectionProblem, selectPortfolio, verifyPlan } from "../../src/selection/index.js";
import { instance, slowClock } from "./instances.js";

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
    expect(slowed.objective.value?.toFixed()).toBe(first.objective.value?.toFixed());
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
