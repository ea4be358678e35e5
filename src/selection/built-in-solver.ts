import { checkArguments, checkOptionKeys } from "../core/index.js";
import { fractionalBound } from "./bounds.js";
import { heuristicState } from "./heuristic.js";
import type { SelectionModel } from "./model.js";
import type { PlanState } from "./plan-state.js";
import { now, type SearchContext } from "./search-context.js";
import { searchContext } from "./heuristic.js";
import { FLOAT_NOISE } from "./local-search.js";
import type { SelectionSolver, SolverRun, SolverRunOptions } from "./solver.js";

/** Options of {@link createBuiltInSolver}. */
export interface BuiltInSolverOptions {
  /**
   * After the heuristic, search for a proof with a depth-first branch and bound until the gap is reached or the
   * node or time limit hits. Default true. With false, the result is the heuristic plan with the root bound.
   */
  readonly branchAndBound?: boolean;
  /**
   * Node limit of the branch and bound. Work limits (this and `improvementPasses`) decide what is found, so the
   * same input and options always give the same plan unless the time limit cuts the work short — and then the
   * status says `time-limit`. Default 2,000,000.
   */
  readonly nodeLimit?: number;
  /**
   * Rounds of local improvement (drop-and-refill and swap moves) after each greedy start; the rounds stop early when
   * no move helps. 0 skips the improvement and the alternative greedy orders. Default 20.
   */
  readonly improvementPasses?: number;
}

const SOLVER_OPTION_KEYS = { branchAndBound: 1, nodeLimit: 1, improvementPasses: 1 } satisfies Record<keyof BuiltInSolverOptions, 1>;

/** Depth-first branch and bound over blocks, include branch first; returns why it stopped and the pruned bound. */
function branchAndBound(
  ctx: SearchContext,
  state: PlanState,
  incumbent: { value: number; plan: Uint8Array },
  banned: Uint8Array,
  limits: { readonly gap: number; readonly deadline: number; readonly nodeLimit: number },
): { stopped: "complete" | "node-limit" | "time-limit"; prunedBound: number } {
  let nodes = 0;
  let stopped: "complete" | "node-limit" | "time-limit" = "complete";
  let prunedBound = -Infinity;
  const order = ctx.order;
  // Float noise only (1e-12): a wider tolerance pruned real improvements (0.50 on a billion is 5e-10).
  const tolerance = (v: number) => Math.max(FLOAT_NOISE * Math.max(1, Math.abs(v)), limits.gap * Math.abs(v));
  const dfs = (k: number): void => {
    if (stopped !== "complete") return;
    if (++nodes > limits.nodeLimit) { stopped = "node-limit"; return; }
    if ((nodes & 255) === 0 && now() > limits.deadline) { stopped = "time-limit"; return; }
    if (state.value > incumbent.value + FLOAT_NOISE * Math.max(1, Math.abs(incumbent.value))) {
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
  return { stopped, prunedBound };
}

/**
 * Reduced-cost fixing: a block whose reduced cost is below `−(L − incumbent)` cannot be in any plan better than the
 * incumbent (selecting it costs the Lagrangian bound at least that much), so the search never tries it.
 */
function fixedOut(ctx: SearchContext, incumbent: number): Uint8Array {
  const { reducedCost, bound, excluded } = ctx.prices;
  const slack = bound - incumbent;
  const banned = new Uint8Array(ctx.blocks.count);
  for (let b = 0; b < banned.length; b++) {
    if (excluded[b] || (ctx.blocks.fixed[b] === -1 && (reducedCost[b] as number) < -slack - 1e-9 * Math.max(1, Math.abs(bound)))) banned[b] = 1;
  }
  return banned;
}

/**
 * Creates the built-in, dependency-free solver. It prices every budget and capacity row by a Lagrangian
 * relaxation (subgradient steps), builds a greedy plan by value per priced resource use, improves it by
 * drop-and-refill and swap moves, and then runs a branch and bound (fractional-knapsack, surrogate and Lagrangian
 * bounds; reduced-cost fixing) that proves optimality or the requested gap on small and medium problems. Work
 * limits decide the result; the time limit only cuts work short, and the result then says `time-limit`. It runs
 * anywhere (browsers, workers, edge runtimes) and is the warm start for other solvers.
 *
 * @throws {ValidationError} for an unknown option key (at the key).
 * @example
 * ```ts
 * const result = await selectPortfolio(problem, { solver: createBuiltInSolver({ nodeLimit: 100_000 }) });
 * ```
 */
export function createBuiltInSolver(options: BuiltInSolverOptions = {}): SelectionSolver {
  checkArguments("createBuiltInSolver", { options: [options, "object?"] });
  checkOptionKeys("createBuiltInSolver", options, SOLVER_OPTION_KEYS);
  const useBnb = options.branchAndBound ?? true;
  const nodeLimit = options.nodeLimit ?? 2_000_000;
  const passes = options.improvementPasses ?? 20;
  return {
    name: useBnb ? "built-in" : "built-in (heuristic only)",
    solve(model: SelectionModel, run: SolverRunOptions): SolverRun {
      const deadline = now() + run.timeLimitMs;
      const ctx = searchContext(model);
      const start = heuristicState(ctx, { warmStart: run.warmStart, passes, timeUp: () => now() > deadline });
      if (start === null) return { plan: undefined, bound: -Infinity, stoppedBy: "infeasible", detail: "forced candidates do not fit" };
      const { state, cut } = start;
      const rootBound = Math.min(fractionalBound(ctx, state.fresh()), ctx.prices.bound);
      const incumbent = { value: state.value, plan: state.toPlan() };
      const unproven = cut ? "time-limit" : "node-limit";
      if (!useBnb || cut) {
        const bound = Math.max(rootBound, incumbent.value);
        return { plan: incumbent.plan, bound, stoppedBy: stopReason(incumbent.value, bound, run.gap, unproven) };
      }
      const banned = fixedOut(ctx, incumbent.value);
      const { stopped, prunedBound } = branchAndBound(ctx, state.fresh(), incumbent, banned, { gap: run.gap, deadline, nodeLimit });
      const complete = stopped === "complete";
      const bound = complete ? Math.max(incumbent.value, prunedBound) : Math.max(rootBound, incumbent.value);
      const stoppedBy = complete ? stopReason(incumbent.value, bound, 0, "gap") : stopReason(incumbent.value, bound, run.gap, stopped);
      return { plan: incumbent.plan, bound, stoppedBy, detail: `built-in: ${stopped}` };
    },
  };
}

function stopReason<U extends SolverRun["stoppedBy"]>(value: number, bound: number, gap: number, otherwise: U): "optimal" | "gap" | U {
  const diff = bound - value;
  if (diff <= FLOAT_NOISE * Math.max(1, Math.abs(value))) return "optimal";
  return diff <= gap * Math.abs(value) ? "gap" : otherwise;
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
