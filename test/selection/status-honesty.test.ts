import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBuiltInSolver, selectPortfolio, type SelectionSolver } from "../../src/selection/index.js";
import { createHighsSolver } from "../../src/highs/index.js";
import { slowClock } from "./instances.js";
import { enumerateOptimum, feasible, planOf, rawProblem, toInput, type RawProblem } from "./oracle.js";

// Gap 1 of the selection audit: after the free-room fill or the adoption of a re-solve's plan, the status and the gap
// must still be true. Every result is compared with exhaustive enumeration (oracle.ts, which shares no code with
// src/selection) on random problems of ≤ 12 candidates, with solvers that stop early so that the fill and the
// adoption actually run: "optimal" must be the enumerated optimum, the bound never below it, and "gap-reached" within
// the gap asked for.

/** A solver that returns nothing (or an empty plan) with a loose but true bound: Σ of the positive values. */
const lazy = (withPlan: boolean): SelectionSolver => ({
  name: withPlan ? "lazy-empty" : "lazy-none",
  solve: (model) => ({
    plan: withPlan ? Uint8Array.from(model.fixed, (f) => (f === 1 ? 1 : 0)) : undefined,
    bound: model.values.reduce((s, v) => s + Math.max(0, v), 0),
    stoppedBy: "node-limit",
  }),
});

/** Best plan by enumeration of all 2^n plans of `p` with `fixed` (model order = id order) applied, skipping `skip`. */
function bestPlan(p: RawProblem, fixed: Int8Array, skip: (x: number[]) => boolean): { x: number[]; value: number } | undefined {
  let best: { x: number[]; value: number } | undefined;
  for (let mask = 0; mask < 1 << p.n; mask++) {
    const x = Array.from({ length: p.n }, (_, i) => (mask >> i) & 1);
    if (x.some((b, i) => (fixed[i] === 1 && b !== 1) || (fixed[i] === 0 && b !== 0))) continue;
    if (!feasible(p, x) || skip(x)) continue;
    const value = x.reduce((s, b, i) => s + b * (p.values[i] as number), 0);
    if (!best || value > best.value) best = { x, value };
  }
  return best;
}

/**
 * An adversarial but truthful solver (for problem `p`, candidates C00… in id order): its plan is the best plan that
 * leaves out the optimum's least valuable free candidate (so the fill or an adoption has work to do), its bound the
 * true optimum plus `slack` (a proven bound, tight at 0), stopped by its work limit.
 */
const secondBest = (p: RawProblem, slack: number): SelectionSolver => ({
  name: `second-best+${slack}`,
  solve: (model) => {
    const opt = bestPlan(p, model.fixed, () => false);
    if (!opt) return { plan: undefined, bound: -Infinity, stoppedBy: "infeasible" };
    const free = opt.x.map((b, i) => i).filter((i) => opt.x[i] === 1 && model.fixed[i] !== 1 && (p.values[i] as number) > 0);
    const victim = free.sort((a, b) => (p.values[a] as number) - (p.values[b] as number))[0];
    // The optimum without the victim when that is a plan (the fill can add it back), else the best plan without it.
    const dropped = opt.x.map((b, i) => (i === victim ? 0 : b));
    const plan = victim === undefined ? opt : feasible(p, dropped) && model.fixed[victim] !== 1 ? { x: dropped } : (bestPlan(p, model.fixed, (x) => x[victim] === 1) ?? opt);
    return { plan: Uint8Array.from(plan.x), bound: opt.value + slack, stoppedBy: "node-limit" };
  },
});

const solvers: readonly SelectionSolver[] = [
  createBuiltInSolver({ branchAndBound: false, improvementPasses: 0 }),
  createBuiltInSolver({ nodeLimit: 1, improvementPasses: 0 }),
  createBuiltInSolver({ nodeLimit: 8, improvementPasses: 1 }),
  lazy(true),
  lazy(false),
];

/**
 * Correlated knapsacks (value ≈ cost, the hard kind: greedy by value per euro is often short of the optimum), one
 * period, a budget of 30–70 % of the total cost, with a few dependencies and exclusive groups, forced in and out.
 */
const correlated: fc.Arbitrary<RawProblem> = fc.integer({ min: 4, max: 12 }).chain((n) => {
  const idx = fc.integer({ min: 0, max: n - 1 });
  return fc.record({
    costs: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }),
    noise: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }),
    share: fc.integer({ min: 30, max: 70 }),
    requires: fc.array(fc.tuple(idx, idx).filter(([a, b]) => a !== b), { maxLength: 2 }),
    exclusive: fc.array(fc.uniqueArray(idx, { minLength: 2, maxLength: 3 }), { maxLength: 1 }),
    forced: fc.uniqueArray(idx, { maxLength: 2 }),
    forcedIn: fc.boolean(),
  }).map(({ costs, noise, share, requires, exclusive, forced, forcedIn }): RawProblem => ({
    n, periods: 1, skills: 0,
    values: costs.map((c, i) => c * 10 + (noise[i] as number)),
    cents: costs.map((c) => [c * 100]),
    demand: costs.map(() => [[]]),
    budget: [Math.floor((costs.reduce((a, b) => a + b, 0) * share) / 100) * 100],
    capacity: [[]],
    requires, together: [], exclusive,
    forcedIn: forcedIn ? forced.slice(0, 1) : [],
    forcedOut: forced.slice(forcedIn ? 1 : 0),
  }));
});

function expectHonest(p: RawProblem, r: Awaited<ReturnType<typeof selectPortfolio>>, gap: number): void {
  const best = enumerateOptimum(p);
  if (best === undefined) return void expect(r.status).toBe("infeasible");
  const objective = r.objective.value?.toNumber() as number;
  expect(feasible(p, planOf(p, r.selected))).toBe(true);
  expect(objective).toBeLessThanOrEqual(best);
  // The bound is proven: never below the true optimum.
  expect(r.bestBound.value?.toNumber()).toBeGreaterThanOrEqual(best);
  if (r.status === "optimal") {
    expect(objective).toBe(best);
    expect(r.gap.value?.toNumber()).toBe(0);
  }
  if (r.status === "gap-reached") expect(best - objective).toBeLessThanOrEqual(gap * Math.abs(objective) + 1e-9);
  // A gap of 0 is a claim of optimality too.
  if (r.gap.value?.isZero()) expect(objective).toBe(best);
}

describe("status and gap stay true after the free-room fill and adoptions (against enumeration)", () => {
  afterEach(() => vi.restoreAllMocks());
  it("solvers that stop early: 'optimal' is the enumerated optimum, whatever was filled or adopted", async () => {
    let adoptedRuns = 0;
    let adoptedOptimal = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawProblem(12), correlated), fc.integer({ min: 0, max: solvers.length + 1 }), fc.constantFrom(0, 3), fc.constantFrom(0, 0.05), fc.boolean(), async (p, s, resolves, gap, slow) => {
        vi.restoreAllMocks();
        // A slow machine: every solve is cut by the clock (the heuristic stops after its greedy fill).
        if (slow) slowClock(1e7);
        const solver = s < solvers.length ? solvers[s] : secondBest(p, s === solvers.length ? 0 : 7);
        const r = await selectPortfolio(toInput(p), { solver, gap, whyNotResolves: resolves });
        if (r.adopted.length > 0) adoptedRuns++;
        if (r.adopted.length > 0 && r.status === "optimal") adoptedOptimal++;
        vi.restoreAllMocks();
        expectHonest(p, r, gap);
      }),
      { seed: 7, numRuns: 300 },
    );
    // The property is not vacuous: the fill or an adoption ran in many of the runs.
    // (On this seed about 12 of 300 runs adopt a plan, 4 or more of them then claim "optimal" — each checked above;
    // runs on the real clock vary a little with the machine.)
    expect(adoptedRuns).toBeGreaterThanOrEqual(8);
    expect(adoptedOptimal).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it("HiGHS stopped at its first node (no presolve, no heuristics): 'optimal' after the fill or adoption is the enumerated optimum", async () => {
    const highs = await createHighsSolver({ options: { mip_max_nodes: 1, mip_heuristic_effort: 0, presolve: "off" } });
    let adoptedRuns = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawProblem(12), correlated), fc.constantFrom(0, 3), fc.boolean(), async (p, resolves, slow) => {
        vi.restoreAllMocks();
        if (slow) slowClock(1e7);
        const r = await selectPortfolio(toInput(p), { solver: highs, gap: 0, whyNotResolves: resolves });
        vi.restoreAllMocks();
        if (r.adopted.length > 0) adoptedRuns++;
        expectHonest(p, r, 0);
      }),
      { seed: 3, numRuns: 60 },
    );
    // HiGHS mostly proves these at its root, so few runs adopt (1 of 60 on this seed); the property above carries the
    // fill and adoption cases. Here every HiGHS bound is checked against the enumerated optimum.
    expect(adoptedRuns).toBeLessThanOrEqual(60);
  }, 120_000);
});
