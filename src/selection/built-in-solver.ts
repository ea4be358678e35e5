import { buildBlocks } from "./blocks.js";
import { fractionalBound, heuristicState, now, searchContext, type SearchContext } from "./heuristic.js";
import type { SelectionModel } from "./model.js";
import type { PlanState } from "./plan-state.js";
import type { SelectionSolver, SolverRun, SolverRunOptions } from "./solver.js";

/** Options of {@link createBuiltInSolver}. */
export interface BuiltInSolverOptions {
  /**
   * After the heuristic, search for a proof with a depth-first branch and bound (fractional-knapsack bounds per
   * row) until the gap is reached or the time/node limit hits. Default true. With false, the result is the
   * heuristic plan with the root bound.
   */
  readonly branchAndBound?: boolean;
  /** Node limit of the branch and bound (keeps results deterministic on slow machines). Default 2,000,000. */
  readonly nodeLimit?: number;
}

function branchAndBound(
  ctx: SearchContext,
  state: PlanState,
  incumbent: { value: number; plan: Uint8Array },
  gap: number,
  deadline: number,
  nodeLimit: number,
): { complete: boolean; prunedBound: number } {
  const banned = new Uint8Array(ctx.blocks.count);
  let nodes = 0;
  let stopped = false;
  let prunedBound = -Infinity;
  const order = ctx.order;
  const tolerance = (v: number) => Math.max(1e-9 * Math.max(1, Math.abs(v)), gap * Math.abs(v));
  const dfs = (k: number): void => {
    if (stopped) return;
    if (++nodes > nodeLimit || ((nodes & 255) === 0 && now() > deadline)) { stopped = true; return; }
    if (state.value > incumbent.value + 1e-9 * Math.max(1, Math.abs(incumbent.value))) {
      incumbent.value = state.value;
      incumbent.plan = state.toPlan();
    }
    const ub = fractionalBound(ctx, state, banned);
    if (ub <= incumbent.value + tolerance(incumbent.value)) {
      if (ub > incumbent.value) prunedBound = Math.max(prunedBound, ub);
      return;
    }
    let j = k;
    while (j < order.length && (state.selected[order[j] as number] || banned[order[j] as number])) j++;
    if (j >= order.length) return;
    const b = order[j] as number;
    const c = state.closure(b, banned);
    if (c !== null && state.fits(c)) {
      state.add(c);
      dfs(j + 1);
      state.remove(c);
    }
    banned[b] = 1;
    dfs(j + 1);
    banned[b] = 0;
  };
  dfs(0);
  return { complete: !stopped, prunedBound };
}

/**
 * Creates the built-in, dependency-free solver: greedy by value density with repair and local improvement, then a
 * branch and bound that proves optimality (or the requested gap) on small and medium problems within the time
 * limit. It runs anywhere (browsers, workers, edge runtimes) and is the warm start for other solvers.
 *
 * @example
 * ```ts
 * const result = await selectPortfolio(problem, { solver: createBuiltInSolver({ nodeLimit: 100_000 }) });
 * ```
 */
export function createBuiltInSolver(options: BuiltInSolverOptions = {}): SelectionSolver {
  const useBnb = options.branchAndBound ?? true;
  const nodeLimit = options.nodeLimit ?? 2_000_000;
  return {
    name: useBnb ? "built-in" : "built-in (heuristic only)",
    solve(model: SelectionModel, run: SolverRunOptions): SolverRun {
      const deadline = now() + run.timeLimitMs;
      const blocks = buildBlocks(model);
      const ctx = searchContext(model, blocks);
      // Local improvement may use at most a third of the time, so the search always gets a turn.
      const state = heuristicState(ctx, { warmStart: run.warmStart, deadline: now() + run.timeLimitMs / 3 });
      if (state === null) return { plan: undefined, bound: -Infinity, stoppedBy: "infeasible", detail: "forced candidates do not fit" };
      const rootBound = fractionalBound(ctx, state.fresh());
      const incumbent = { value: state.value, plan: state.toPlan() };
      if (!useBnb) return { plan: incumbent.plan, bound: Math.max(rootBound, incumbent.value), stoppedBy: stopReason(incumbent.value, rootBound, run.gap) };
      const base = state.fresh();
      const { complete, prunedBound } = branchAndBound(ctx, base, incumbent, run.gap, deadline, nodeLimit);
      const bound = complete ? Math.max(incumbent.value, prunedBound) : Math.max(rootBound, incumbent.value);
      const stoppedBy = complete ? stopReason(incumbent.value, bound, 0) === "optimal" ? "optimal" : "gap" : stopReason(incumbent.value, bound, run.gap);
      return { plan: incumbent.plan, bound, stoppedBy };
    },
  };
}

function stopReason(value: number, bound: number, gap: number): "optimal" | "gap" | "time-limit" {
  const diff = bound - value;
  if (diff <= 1e-9 * Math.max(1, Math.abs(value))) return "optimal";
  return diff <= gap * Math.abs(value) ? "gap" : "time-limit";
}

/**
 * The built-in solver with default options (see {@link createBuiltInSolver}).
 *
 * @example
 * ```ts
 * const result = await selectPortfolio(problem, { solver: builtInSolver, gap: 0, timeLimitMs: 2_000 });
 * ```
 */
export const builtInSolver: SelectionSolver = createBuiltInSolver();
