import { ValidationError, checkArguments, checkOptionKeys, metric, missing, type Decimal, type Metric } from "../core/index.js";
import { builtInSolver } from "./built-in-solver.js";
import type { ConstraintUsage, WhyNot } from "./explain.js";
import { improvePlan } from "./improve.js";
import type { SelectionConflict } from "./infeasibility.js";
import { defineSelectionProblem, type SelectionProblem, type SelectionProblemInput } from "./problem.js";
import { now } from "./search-context.js";
import { solveProblem, type SelectionStatus } from "./solve-core.js";
import type { SelectionSolver } from "./solver.js";

/** Options of {@link selectPortfolio}. */
export interface SelectPortfolioOptions {
  /** The solver. Default: the built-in solver ({@link builtInSolver}); use `pmokit/highs` for large problems. */
  readonly solver?: SelectionSolver | undefined;
  /** Relative gap at which to stop. Default 0.0001 (0.01%). */
  readonly gap?: number | undefined;
  /**
   * Time limit of the whole call in milliseconds (the solve and the "why not" re-solves). Default 10,000. There is
   * always a limit. When re-solves are planned, the main solve gets half of it and the re-solves the rest.
   */
  readonly timeLimitMs?: number | undefined;
  /** Which excluded candidates get a "why not": `"all"` (default), `"none"` or a list of ids (anything else is a ValidationError). */
  readonly whyNot?: "all" | "none" | readonly string[] | undefined;
  /**
   * How many "why not" answers may re-solve the problem with the candidate forced in (most valuable candidates
   * first). The others name the rows that keep them out (`not-re-solved`). Default 10.
   */
  readonly whyNotResolves?: number | undefined;
  /** Time limit of each "why not" re-solve (never beyond the call's limit). Default the smaller of `timeLimitMs` and 1,000. */
  readonly whyNotTimeLimitMs?: number | undefined;
  /** A plan to start from (candidate ids), e.g. last quarter's portfolio. */
  readonly warmStart?: readonly string[] | undefined;
}

const SELECT_OPTION_KEYS = {
  solver: 1, gap: 1, timeLimitMs: 1, whyNot: 1, whyNotResolves: 1, whyNotTimeLimitMs: 1, warmStart: 1,
} satisfies Record<keyof SelectPortfolioOptions, 1>;

/** The selected portfolio with its proof quality and its explanations. */
export interface PortfolioSelection {
  /**
   * Why it stopped: `optimal` (gap 0), `gap-reached` (within the requested gap), `time-limit` (the clock cut the
   * work short above it), `node-limit` (the solver's work limit was reached above it), `infeasible`.
   */
  readonly status: SelectionStatus;
  /** Solver used. */
  readonly solver: string;
  /** Selected candidate ids, in input order. */
  readonly selected: readonly string[];
  /** Excluded candidate ids, in input order. */
  readonly excluded: readonly string[];
  /** Exact total value of the selected candidates; reason `infeasible` when there is no plan. */
  readonly objective: Metric<Decimal>;
  /** Best proven upper bound on the total value; reason `infeasible` when there is no plan. */
  readonly bestBound: Metric<Decimal>;
  /**
   * Proven relative gap `(bestBound − objective) / |objective|` as a fraction (0.01 is 1 %); reason `infeasible`, or
   * `objective-is-zero` when the plan is worth 0 below a positive bound.
   */
  readonly gap: Metric<Decimal>;
  /** Budget and capacity use, with the binding rows. */
  readonly usage: readonly ConstraintUsage[];
  /** Only the binding rows of `usage`. */
  readonly binding: readonly ConstraintUsage[];
  /** A "why not" per excluded candidate (as many as `whyNot` asked for). */
  readonly whyNot: readonly WhyNot[];
  /** For `infeasible`: the conflicting constraint sets found, smallest first. */
  readonly conflicts: readonly SelectionConflict[];
  /** Remarks, e.g. a solver plan that had to be repaired, or a better plan a "why not" re-solve found (`adopted`). */
  readonly notes: readonly string[];
  /**
   * The plans adopted after the first solve, in order (empty when it stood): a "why not" re-solve with a candidate
   * forced in found a plan worth strictly more than the selection, or an excluded candidate fits next to it under
   * every constraint (with what it requires) and adds value (the first solve was cut short, by the clock, its work
   * limit or the gap asked for), so that plan replaced it and `selected`, `objective`, `gap`, `status`, `usage` and
   * `whyNot` are the last adopted plan's. `notes` says the same in words.
   */
  readonly adopted: readonly AdoptedPlan[];
}

/**
 * A better plan adopted in place of the selection: found by a "why not" re-solve, or the selection with an excluded
 * candidate added that fits its free room (see {@link PortfolioSelection.adopted}).
 *
 * @example
 * ```ts
 * (await selectPortfolio(problem, { timeLimitMs: 50 })).adopted;
 * // [{ candidate: "E", replaced: ["B", "C"], previousObjective: 12, objective: 14 }]
 * ```
 */
export interface AdoptedPlan {
  /** The candidate whose forced-in re-solve found it, or the candidate added (with what it requires) to the free room. */
  readonly candidate: string;
  /** The plan it replaced (candidate ids, in input order). */
  readonly replaced: readonly string[];
  /** Exact value of the plan it replaced. */
  readonly previousObjective: Decimal;
  /** Exact value of the adopted plan. */
  readonly objective: Decimal;
}

/** @internal Checks and fills in the options. */
export function solveOptions(options: SelectPortfolioOptions): { solver: SelectionSolver; gap: number; timeLimitMs: number } {
  const gap = options.gap ?? 0.0001;
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  if (!Number.isFinite(gap) || gap < 0) throw ValidationError.single(["gap"], "gap must be a finite number ≥ 0", "selection options");
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0) throw ValidationError.single(["timeLimitMs"], "timeLimitMs must be a positive finite number", "selection options");
  return { solver: options.solver ?? builtInSolver, gap, timeLimitMs };
}

/**
 * Picks the portfolio of maximum total value within budgets per period, capacity per skill and period,
 * dependencies ("B requires A", cycles mean all or none), mutual inclusion, mutually exclusive groups and forced
 * in/out candidates — and explains it: the proven gap, the binding constraints, and for every excluded candidate
 * what forcing it in would cost and whom it would displace. Every plan is re-verified against every constraint in
 * exact decimals before it is returned; an infeasible problem returns `infeasible` with the smallest conflicting
 * constraint set found, in plain words. Among equally good plans the choice depends only on the problem's content,
 * never on the order of its candidates or constraints (solvers see them sorted by id).
 *
 * @throws {ValidationError} for an invalid problem (unknown ids, negative costs, non-finite values…) or options (an
 * unknown option key too, at the key).
 * @example
 * ```ts
 * const result = await selectPortfolio(problem, { gap: 0, timeLimitMs: 5_000 });
 * result.status;      // "optimal"
 * result.selected;    // ["REQ-1", "REQ-3"]
 * result.objective.value?.toFixed(); // "147"
 * result.whyNot[0];   // { candidate: "REQ-2", kind: "displaces", objectiveLost: { value: 12 }, displaces: ["REQ-3"], … }
 * ```
 */
export async function selectPortfolio(
  input: SelectionProblemInput | SelectionProblem,
  options: SelectPortfolioOptions = {},
): Promise<PortfolioSelection> {
  const startedAt = now();
  checkArguments("selectPortfolio", { options: [options, "object?"] });
  checkOptionKeys("selectPortfolio", options, SELECT_OPTION_KEYS);
  const problem = defineSelectionProblem(input);
  const { solver, gap, timeLimitMs } = solveOptions(options);
  const resolves = options.whyNotResolves ?? 10;
  if (!Number.isInteger(resolves) || resolves < 0) throw ValidationError.single(["whyNotResolves"], "whyNotResolves must be an integer ≥ 0", "selection options");
  const known = new Set(problem.candidates.map((c) => c.id));
  const asked = options.whyNot;
  // A string other than "all"/"none" must not reach `.includes` below, where it would be searched as text.
  if (asked !== undefined && asked !== "all" && asked !== "none" && !(Array.isArray(asked) && asked.every((id) => typeof id === "string"))) {
    throw ValidationError.single(["whyNot"], 'whyNot must be "all", "none" or a list of candidate ids', "selection options");
  }
  const perSolve = options.whyNotTimeLimitMs;
  if (perSolve !== undefined && !(typeof perSolve === "number" && Number.isFinite(perSolve) && perSolve > 0)) {
    throw ValidationError.single(["whyNotTimeLimitMs"], "whyNotTimeLimitMs must be a positive finite number", "selection options");
  }
  if (options.warmStart !== undefined && !(Array.isArray(options.warmStart) && options.warmStart.every((id) => typeof id === "string"))) {
    throw ValidationError.single(["warmStart"], "warmStart must be a list of candidate ids", "selection options");
  }
  if (Array.isArray(asked)) {
    const bad = (asked as readonly string[]).map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
    if (bad.length > 0) throw new ValidationError(bad.map(({ id, i }) => ({ path: ["whyNot", i], message: `unknown candidate ${JSON.stringify(id)}`, code: "custom" })), "selection options");
  }
  const warm = options.warmStart ? new Set(options.warmStart.filter((id) => known.has(id))) : undefined;
  const deadline = startedAt + timeLimitMs;
  // Re-solves planned: the main solve gets half of the time, so that the whole call keeps to the limit.
  const mainLimit = asked !== "none" && resolves > 0 ? timeLimitMs / 2 : timeLimitMs;
  const solved = await solveProblem(problem, solver, { gap, timeLimitMs: mainLimit, warmStart: warm });
  if (solved.status === "infeasible") {
    const none = missing("infeasible");
    const excluded = problem.candidates.map((c) => c.id);
    return { status: "infeasible", solver: solver.name, selected: [], excluded, objective: none, bestBound: none, gap: none, usage: [], binding: [], whyNot: [], conflicts: solved.conflicts, notes: solved.notes, adopted: [] };
  }
  // Candidate ids in input order (a solver's set may hold them in any order).
  const inOrder = (s: ReadonlySet<string>, keep = true) => problem.candidates.filter((c) => s.has(c.id) === keep).map((c) => c.id);
  const targets = (out: readonly string[]) => (asked === "none" ? [] : asked === "all" || asked === undefined ? out : out.filter((id) => (asked as readonly string[]).includes(id)));
  const { selected, objective, usage, whyNot, notes, adopted, bound, gap: planGap, status } = await improvePlan(problem, solved, {
    solver, gap, targets, resolves, deadline, perSolveMs: options.whyNotTimeLimitMs ?? Math.min(timeLimitMs, 1_000),
  });
  return {
    status,
    solver: solver.name,
    selected: inOrder(selected),
    excluded: inOrder(selected, false),
    objective: metric(objective),
    bestBound: bound === undefined ? missing("infeasible") : metric(bound),
    gap: planGap,
    usage,
    binding: usage.filter((u) => u.binding),
    whyNot,
    conflicts: [],
    notes,
    adopted,
  };
}
