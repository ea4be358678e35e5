import { ValidationError, metric, missing, type Decimal, type Metric } from "../core/index.js";
import { builtInSolver } from "./built-in-solver.js";
import { constraintUsage, whyNotCandidate, whyNotFromUsage, whyNotWithoutSolve, type ConstraintUsage, type WhyNot } from "./explain.js";
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
  /** Remarks, e.g. a solver plan that had to be repaired. */
  readonly notes: readonly string[];
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
 * @throws {ValidationError} for an invalid problem (unknown ids, negative costs, non-finite values…) or options.
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
  const selected = problem.candidates.filter((c) => solved.selected.has(c.id)).map((c) => c.id);
  const excluded = problem.candidates.filter((c) => !solved.selected.has(c.id)).map((c) => c.id);
  if (solved.status === "infeasible") {
    const none = missing("infeasible");
    return { status: "infeasible", solver: solver.name, selected: [], excluded, objective: none, bestBound: none, gap: none, usage: [], binding: [], whyNot: [], conflicts: solved.conflicts, notes: solved.notes };
  }
  const usage = constraintUsage(problem, solved.selected);
  const targets = asked === "none" ? [] : asked === "all" || asked === undefined ? excluded : excluded.filter((id) => (asked as readonly string[]).includes(id));
  const whyNot = await explainExclusions(problem, solved, targets, {
    solver, gap, usage, resolves, deadline, perSolveMs: options.whyNotTimeLimitMs ?? Math.min(timeLimitMs, 1_000),
  });
  // A re-solve with a candidate forced in that beat the selection proves the selection is not optimal: say so.
  const notes = [...solved.notes];
  const better = whyNot.filter((w) => w.objectiveLost.value?.isNegative() === true);
  if (better.length > 0) {
    const best = better.reduce((a, b) => ((b.objectiveLost.value as Decimal).lessThan(a.objectiveLost.value as Decimal) ? b : a));
    const gain = (best.objectiveLost.value as Decimal).negated();
    notes.push(
      `the "why not" re-solve with ${best.candidate} forced in found a plan worth ${solved.objective.plus(gain).toFixed()}, ${gain.toFixed()} more than this selection (${solved.status}): the selection is not optimal`,
    );
  }
  return {
    status: solved.status,
    solver: solver.name,
    selected,
    excluded,
    objective: metric(solved.objective),
    bestBound: solved.bound === undefined ? missing("infeasible") : metric(solved.bound),
    gap: solved.gap,
    usage,
    binding: usage.filter((u) => u.binding),
    whyNot,
    conflicts: [],
    notes,
  };
}

/**
 * "Why not" for each target, in input order: at most `resolves` re-solves (most valuable candidates first), each
 * within the time left before `deadline`; the rest name the rows that keep them out.
 */
async function explainExclusions(
  problem: SelectionProblem,
  solved: { readonly selected: ReadonlySet<string>; readonly objective: Decimal },
  targets: readonly string[],
  o: { solver: SelectionSolver; gap: number; usage: readonly ConstraintUsage[]; resolves: number; deadline: number; perSolveMs: number },
): Promise<WhyNot[]> {
  const value = new Map(problem.candidates.map((c) => [c.id, c.value] as const));
  const byValue = [...targets].sort((a, b) => (value.get(b) as Decimal).comparedTo(value.get(a) as Decimal) || (a < b ? -1 : a > b ? 1 : 0));
  const answers = new Map<string, WhyNot>();
  let used = 0;
  let timeUp = false;
  for (const id of byValue) {
    const cheap = whyNotWithoutSolve(problem, solved.selected, id, o.usage);
    if (cheap) { answers.set(id, cheap); continue; }
    // Once the time is up the clock is not read again.
    const left = used >= o.resolves || timeUp ? 0 : o.deadline - now();
    if (left <= 0) timeUp = used < o.resolves;
    if (used >= o.resolves || timeUp) {
      answers.set(id, whyNotFromUsage(problem, solved.selected, id, o.usage, used >= o.resolves ? `the limit of ${o.resolves} re-solve${o.resolves === 1 ? "" : "s"} was reached` : "the time limit was reached"));
      continue;
    }
    used++;
    answers.set(id, await whyNotCandidate(problem, solved, id, o.solver, { gap: o.gap, timeLimitMs: Math.min(o.perSolveMs, left), usage: o.usage }));
  }
  return targets.map((id) => answers.get(id) as WhyNot);
}
