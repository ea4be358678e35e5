import { afterEach, describe, expect, it, vi } from "vitest";
import type { SelectionSolver } from "../../src/selection/index.js";
import { instance } from "./instances.js";

/*
 * A clock that moves only where work is charged, so the test cannot flake: building a solver model costs 100 ms (the
 * work no limit cuts short, which on a loaded machine took most of the time), and the solver — the built-in one with a
 * node limit, so its answer is work-limited, never clock-limited — spends exactly the limit it is given.
 */
let clock = 0;
let builds = 0;
// Test files share the module cache (isolate: false): the library is loaded afresh here, with the mocked model.
vi.resetModules();
vi.doMock("../../src/selection/model.js", async (load) => {
  const real = await load<typeof import("../../src/selection/model.js")>();
  return { ...real, buildSelectionModel: (p: Parameters<typeof real.buildSelectionModel>[0]) => { clock += 100; builds++; return real.buildSelectionModel(p); } };
});
const { createBuiltInSolver, efficientFrontier, selectPortfolio } = await import("../../src/selection/index.js");
vi.doUnmock("../../src/selection/model.js");
vi.resetModules();
const nodes = createBuiltInSolver({ nodeLimit: 2_000 });
const spends: SelectionSolver = {
  name: "spends-its-limit",
  solve(model, options) {
    clock += options.timeLimitMs;
    return nodes.solve(model, { ...options, timeLimitMs: 3_600_000 });
  },
};

describe("efficientFrontier builds the model once and shares the time limit fairly across levels", () => {
  afterEach(() => vi.restoreAllMocks());

  it("1,500 ms for 10 levels, 100 ms a model build: every level solved (was 0.1–0.7, then time-limit), one build (was 14)", async () => {
    // Before: each level built two models (the ranking's, the solve's). Level 0.1: share 1500/10 = 150, the builds took
    // 200 of it, its search got 50 (clock 250); the 200 ms no limit cut was kept back for every later level, whose
    // search then got the 1 ms minimum: 201 ms a level, clock 451, 652, … 1456 after level 0.7; 44 ms left < 200, so
    // levels 0.8–1 were not started (`time-limit`, no plan). 14 builds.
    // Now: the canonical model is built once (100 ms), each level re-uses it with its budget rows rescaled, and gets
    // (time left) / (levels left) = 1400/10 = 140 ms for all of its work (nothing else is charged): 10 levels, clock
    // 100 + 10 × 140 = 1500, one build.
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => clock);
    clock = 0;
    builds = 0;
    const problem = instance(3, 40);
    const points = await efficientFrontier(problem, { solver: spends, gap: 0, timeLimitMs: 1_500 });
    const reached = points.filter((p) => p.optimal.objective.value !== undefined).map((p) => p.level);
    expect(reached).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect([builds, clock]).toEqual([1, 1_500]);
    // Statuses stay honest: a level is `optimal` only when its search finished (node-limit otherwise).
    vi.restoreAllMocks();
    for (const p of points) {
      const budgets = Object.fromEntries(Object.entries(problem.budgets ?? {}).map(([k, m]) => [k, { amount: p.budgets[k]?.amount.toFixed() ?? "", currency: m.currency }]));
      const single = await selectPortfolio({ ...problem, budgets }, { solver: nodes, gap: 0, whyNot: "none", timeLimitMs: 3_600_000 });
      if (p.optimal.status === "optimal") expect([p.level, p.optimal.objective.value?.toFixed()]).toEqual([p.level, single.objective.value?.toFixed()]);
      else expect(["node-limit", "gap-reached"]).toContain(p.optimal.status);
    }
  }, 60_000);
});
