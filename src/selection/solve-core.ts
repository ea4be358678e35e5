import { PmoDecimal, missing, metric, type Decimal, type Metric } from "../core/index.js";
import { fractionalBound } from "./bounds.js";
import { canonicalProblem } from "./canonical.js";
import { builtInSolver } from "./built-in-solver.js";
import { heuristicState, searchContext } from "./heuristic.js";
import { findConflicts, type SelectionConflict } from "./infeasibility.js";
import { exactBound } from "./exact-bound.js";
import { exactRepair } from "./exact-repair.js";
import { buildSelectionModel, type SelectionModel } from "./model.js";
import type { SelectionProblem } from "./problem.js";
import { now } from "./search-context.js";
import type { SelectionSolver } from "./solver.js";
import { verifyPlan } from "./verify.js";

/**
 * How a selection ended, and why it stopped: `optimal` (proven gap 0), `gap-reached` (proven gap ≤ the gap asked
 * for), `time-limit` (the time limit cut the work short above that gap), `node-limit` (the solver's work limit was
 * reached above that gap), `infeasible` (no plan satisfies the constraints).
 */
export type SelectionStatus = "optimal" | "gap-reached" | "time-limit" | "node-limit" | "infeasible";

/** @internal One solve of one problem, verified. */
export interface SolvedPlan {
  readonly status: SelectionStatus;
  readonly selected: ReadonlySet<string>;
  readonly objective: Decimal;
  readonly bound: Decimal | undefined;
  readonly gap: Metric<Decimal>;
  readonly conflicts: readonly SelectionConflict[];
  readonly notes: readonly string[];
  readonly model: SelectionModel | undefined;
}

const ids = (model: SelectionModel, plan: Uint8Array): string[] => model.ids.filter((_, i) => plan[i] === 1);

function exactValue(problem: SelectionProblem, selected: ReadonlySet<string>): Decimal {
  let total: Decimal = new PmoDecimal(0);
  for (const c of problem.candidates) if (selected.has(c.id)) total = total.plus(c.value);
  return total;
}

/** @internal Relative gap `(bound − objective) / |objective|`, or the reason it has no value. */
export function relativeGap(objective: Decimal, bound: Decimal): Metric<Decimal> {
  const diff = bound.minus(objective);
  if (diff.lessThanOrEqualTo(0)) return metric(new PmoDecimal(0));
  if (objective.isZero()) return missing("objective-is-zero", "the plan is worth 0 while the bound is positive");
  return metric(diff.div(objective.abs()));
}

/** @internal Solves, re-verifies in exact arithmetic, repairs a plan a solver got wrong, and grades the result. */
export async function solveProblem(
  problem: SelectionProblem,
  solver: SelectionSolver,
  options: {
    readonly gap: number;
    readonly timeLimitMs: number;
    readonly warmStart?: ReadonlySet<string> | undefined;
    /** The model of `canonicalProblem(problem)` when the caller has it (a frontier level's, rescaled): not built again. */
    readonly model?: SelectionModel | undefined;
  },
): Promise<SolvedPlan> {
  const conflicts = findConflicts(problem);
  if (conflicts.length > 0) {
    return { status: "infeasible", selected: new Set(), objective: new PmoDecimal(0), bound: undefined, gap: missing("infeasible"), conflicts, notes: [], model: undefined };
  }
  // Solvers see one canonical order, so a tie between equally good plans never depends on how the input was listed.
  const original = problem;
  problem = canonicalProblem(problem);
  const model = options.model ?? buildSelectionModel(problem);
  const notes: string[] = [];
  const deadline = now() + options.timeLimitMs;
  const ctx = searchContext(model);
  const warm = options.warmStart ? Uint8Array.from(model.ids, (id) => (options.warmStart?.has(id) ? 1 : 0)) : undefined;
  // The heuristic plan is the warm start for the solver and the fallback if the solver returns nothing usable. Its
  // local improvement is a fixed amount of work (one round), never a slice of the clock: results depend only on the
  // input and the options.
  const started = heuristicState(ctx, { warmStart: warm, passes: 1, timeUp: () => now() > deadline });
  if (started === null) throw new Error("unreachable: forced candidates fit by findConflicts");
  const start = started.state;
  const heuristicPlan = start.toPlan();
  // Every plan is verified in exact decimals; a solver plan that breaks a constraint is repaired, never returned.
  let best: { selected: Set<string>; objective: Decimal } | undefined;
  const consider = (plan: Uint8Array): boolean => {
    const selected = new Set(ids(model, plan));
    const violations = verifyPlan(problem, selected);
    if (violations.length > 0) {
      notes.push(`${solver.name} returned a plan that breaks ${violations.map((v) => `${v.constraint.label} (${v.message})`).join("; ")}; it was repaired`);
      return false;
    }
    const objective = exactValue(problem, selected);
    if (!best || objective.greaterThan(best.objective)) best = { selected, objective };
    return true;
  };
  // The heuristic plan is verified first, and that exact check is timed: the solver gets what is left of the limit
  // after the model, prices and warm start were built, less room for checking its plan and the usage figures the same
  // way (about three such checks), so the whole call keeps to `timeLimitMs`.
  const checkStarted = now();
  consider(heuristicPlan);
  const checkMs = now() - checkStarted;
  const run = await solver.solve(model, { gap: options.gap, timeLimitMs: Math.max(1, deadline - now() - 3 * checkMs), warmStart: heuristicPlan });
  // A solver whose plan breaks a constraint did not finish a search of this problem: its "optimal" or "gap" is not
  // taken (it read "gap-reached" with a gap of 0.2 above the 0 asked for).
  const rejected = run.plan !== undefined && !consider(run.plan);
  let search = run;
  if (rejected && run.plan) {
    const repaired = heuristicState(ctx, { warmStart: run.plan, passes: 1 });
    if (repaired) consider(repaired.state.toPlan());
    // Its search was of another problem (a row within its float tolerance, a bug), so it proves nothing about this
    // one: the built-in search, whose feasibility tests are exact near a limit, searches with the time left (without
    // it HiGHS' plan over a 16-decimal row by 4e-17 left "node-limit" where the optimum is provable).
    const left = deadline - now() - 3 * checkMs;
    if (left > 0 && best) {
      search = await builtInSolver.solve(model, { gap: options.gap, timeLimitMs: left, warmStart: Uint8Array.from(model.ids, (id) => (best?.selected.has(id) ? 1 : 0)) });
      if (search.plan) consider(search.plan);
      notes.push(`the built-in search, exact near the limits, then searched with the time left (${search.stoppedBy})`);
    }
  } else if (!run.plan && run.stoppedBy === "infeasible") {
    notes.push(`${solver.name} reported the problem infeasible although the forced candidates fit; the heuristic plan is used`);
  }
  // Rows held in floats accept a plan within their tolerance of the limit: one over it by less fails the exact check
  // (it threw "unreachable" here). It is repaired in exact decimals; the solver's search then did not end on a plan.
  let repairedExactly = false;
  if (!best) {
    repairedExactly = true;
    const fixed = exactRepair(problem, new Set(ids(model, run.plan ?? heuristicPlan)));
    notes.push(`the plans found exceed a row held in floats by less than its tolerance; one was repaired in exact decimals`);
    best = { selected: fixed, objective: exactValue(problem, fixed) };
  }
  const chosen = best as { selected: Set<string>; objective: Decimal };
  const { objective } = chosen;
  // Reported in input order (whyNot lists who is displaced in that order).
  const selected = new Set(original.candidates.filter((c) => chosen.selected.has(c.id)).map((c) => c.id));
  // Both bounds are proven (the solver's, and the Lagrangian one of the search context): the smaller one counts.
  const boundFloat = Math.min(Number.isFinite(run.bound) && run.stoppedBy !== "infeasible" ? run.bound : fractionalBound(ctx, start.fresh()), search === run ? Infinity : search.bound, ctx.prices.bound);
  // Exact, not within a float tolerance: a better plan a fraction of a unit away is not "optimal" (exact-bound.ts).
  const bound = exactBound(problem, objective, boundFloat);
  const gap = relativeGap(objective, bound);
  const cutByClock = started.cut || search.stoppedBy === "time-limit";
  // A search that finished but whose float bound cannot separate the plans (values with more digits than a double
  // holds) hit no limit: it ends "gap-reached", and says why the gap is not zero.
  const finished = !cutByClock && !repairedExactly && (!rejected || search !== run) && (search.stoppedBy === "optimal" || search.stoppedBy === "gap");
  const within = gap.value?.lessThanOrEqualTo(options.gap) === true;
  if (finished && !within && !gap.value?.isZero()) notes.push(`${solver.name} finished its search; its bound is proven only to the precision of binary64 on these values, so a gap of ${gap.value?.toSignificantDigits(3).toString() ?? "?"} remains`);
  const status: SelectionStatus = gap.value?.isZero() ? "optimal" : within || finished ? "gap-reached" : cutByClock ? "time-limit" : "node-limit";
  return { status, selected, objective, bound, gap, conflicts: [], notes: [...new Set(notes)], model };
}
