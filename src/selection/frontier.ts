import { PmoDecimal, ValidationError, checkArguments, checkOptionKeys, decimal, missing, metric, money, type Decimal, type Metric, type Money } from "../core/index.js";
import { dictionaryOf } from "../core/own.js";
import { buildBlocks, shareBlocks } from "./blocks.js";
import { canonicalProblem, knownCanonical } from "./canonical.js";
import { buildSelectionModel, rescaledModel, type SelectionModel } from "./model.js";
import { PlanState } from "./plan-state.js";
import { now } from "./search-context.js";
import { defineSelectionProblem, derivedProblem, type SelectionProblem, type SelectionProblemInput } from "./problem.js";
import { solveOptions, type AdoptedPlan, type SelectPortfolioOptions } from "./select.js";
import { improvePlan } from "./improve.js";
import type { SelectionConflict } from "./infeasibility.js";
import { solveProblem, type SelectionStatus } from "./solve-core.js";
import type { SelectionSolver } from "./solver.js";
import { verifyPlan } from "./verify.js";

/** Options of {@link efficientFrontier}. */
export interface EfficientFrontierOptions extends Pick<SelectPortfolioOptions, "solver" | "gap"> {
  /**
   * Time limit of the whole call in milliseconds, all levels together, validation included. Default 10,000. The model
   * is built once (that time counts); each level re-uses it with its budgets rescaled and is warm-started from the plan
   * of the level below (feasible at the larger budget) or the ranking's, whichever is worth more. Levels are solved smallest first. Each gets an even share of
   * the time left — (time left) / (levels left) — but at least the work of the level before that no limit cuts short
   * (ranking, prices, heuristic plan, exact checks); its heuristic and its solver's search stop at the end of its
   * share, and time a level does not use goes to the levels after it. A level is not started when less than that work
   * is left: it reads status `time-limit`, with no plan (figures missing with reason `time-limit`). The first level is
   * always solved. The call thus ends within the limit, except by what a level's work exceeds the level before's (at
   * most one level's work when there is only one level or the first one overruns).
   */
  readonly timeLimitMs?: number | undefined;
  /** Budget levels as factors of every period's budget. Default 0.1, 0.2, …, 1.0. */
  readonly levels?: readonly number[] | undefined;
  /** The ranking to fund in order (candidate ids, best first). Default: candidates of positive value, highest first, then id. */
  readonly ranking?: readonly string[] | undefined;
}

const FRONTIER_OPTION_KEYS = { solver: 1, gap: 1, timeLimitMs: 1, levels: 1, ranking: 1 } satisfies Record<keyof EfficientFrontierOptions, 1>;

/** One budget level of the frontier: the optimal portfolio beside the one the ranking funds. */
export interface FrontierPoint {
  /** Factor applied to every budget. */
  readonly level: number;
  /** The budgets at this level. */
  readonly budgets: Readonly<Record<string, Money>>;
  /**
   * The optimal portfolio (status, exact objective, proven bound). A level the time limit left unsolved reads status
   * `time-limit` with no plan: `objective`, `bestBound`, `leftBehind` and `leftBehindShare` missing with reason
   * `time-limit`, `selected` empty, `ranking` undefined.
   */
  readonly optimal: {
    readonly status: SelectionStatus;
    /** As in `selectPortfolio`: reason `infeasible` when this level has no plan. */
    readonly objective: Metric<Decimal>;
    readonly bestBound: Metric<Decimal>;
    readonly selected: readonly string[];
    /**
     * Plans adopted after the level's solve, as in `selectPortfolio` (`adopted`): excluded candidates that fit the free
     * room, added. Empty when the solve's plan stood. (Levels run no "why not" re-solves.)
     */
    readonly adopted: readonly AdoptedPlan[];
    /** For `infeasible`: the conflicting constraint sets at this level (e.g. mandatory candidates over its budget), as in `selectPortfolio`. */
    readonly conflicts: readonly SelectionConflict[];
  };
  /**
   * Funding down the ranking: each candidate (with what it requires) is added if it still fits, else skipped. Undefined
   * when the forced-in candidates do not fit, or the level was not reached.
   */
  readonly ranking: { readonly objective: Decimal; readonly selected: readonly string[] } | undefined;
  /**
   * Value the ranking leaves behind: optimal − ranking objective, never negative (the ranking's plan warm-starts the
   * level's solve); reason `infeasible` when either has no plan.
   */
  readonly leftBehind: Metric<Decimal>;
  /** The same as a fraction of the optimal objective (0.05 is 5 %). */
  readonly leftBehindShare: Metric<Decimal>;
}

/**
 * @internal Funds candidates in ranking order (input order out); undefined when the forced candidates do not fit.
 * `model` is the problem's model in any candidate order (a frontier level's canonical one); built when not given.
 */
export function fundByRanking(problem: SelectionProblem, ranking: readonly string[], model: SelectionModel = buildSelectionModel(problem)): string[] | undefined {
  const blocks = buildBlocks(model);
  const state = new PlanState(model, blocks);
  const index = new Map(model.ids.map((id, i) => [id, i] as const));
  const forced = problem.forcedIn.map((f) => blocks.of[index.get(f.candidate) as number] as number);
  for (const b of [...forced, ...ranking.map((id) => blocks.of[index.get(id) as number] as number)]) {
    if (state.selected[b]) continue;
    const c = state.closure(b);
    const mustTake = forced.includes(b);
    if (c === null || !state.fits(c)) {
      if (mustTake) return undefined;
      continue;
    }
    state.add(c);
  }
  const plan = state.toPlan();
  const chosen = new Set(model.ids.filter((_, i) => plan[i] === 1));
  const selected = problem.candidates.filter((c) => chosen.has(c.id)).map((c) => c.id);
  return verifyPlan(problem, selected).length === 0 ? selected : undefined;
}

/**
 * The efficient frontier: the optimal portfolio value at each budget level (every period's budget scaled by the
 * level), re-solving one model (built once, its budget rows rescaled per level) level by level with the previous
 * level's plan as warm start — beside the ranking curve (funding down the ranking) and the value the ranking leaves
 * behind at each level. `timeLimitMs` bounds the whole call: each level gets an even share of the time left (at least
 * the fixed work measured on the level before), and levels the limit leaves unsolved read status `time-limit` with no
 * plan. A level reads `optimal` only when its optimum is proven.
 *
 * @throws {ValidationError} for an invalid problem, level or ranking, or an unknown option key (at the key).
 * @example
 * ```ts
 * const frontier = await efficientFrontier(problem, { levels: [0.5, 0.75, 1] });
 * frontier.map((p) => [p.level, p.optimal.objective.value?.toFixed(), p.leftBehind.value?.toFixed()]);
 * ```
 */
export async function efficientFrontier(
  input: SelectionProblemInput | SelectionProblem,
  options: EfficientFrontierOptions = {},
): Promise<FrontierPoint[]> {
  // The limit counts from the call, validation included.
  const startedAt = now();
  checkArguments("efficientFrontier", { options: [options, "object?"] });
  checkOptionKeys("efficientFrontier", options, FRONTIER_OPTION_KEYS);
  const problem = defineSelectionProblem(input);
  const { solver, gap, timeLimitMs } = solveOptions(options);
  // A list of another shape (text) threw a TypeError from deep inside; it is refused at the option.
  for (const name of ["levels", "ranking"] as const) {
    if (options[name] !== undefined && !Array.isArray(options[name])) throw ValidationError.single([name], `${name} must be a list`, "frontier options");
  }
  const levels = options.levels ?? [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  levels.forEach((l, i) => {
    if (!Number.isFinite(l) || l < 0) throw ValidationError.single(["levels", i], "a level must be a finite number ≥ 0", "frontier options");
  });
  const known = new Set(problem.candidates.map((c) => c.id));
  const ranking = options.ranking ??
    [...problem.candidates].filter((c) => c.value.greaterThan(0)).sort((a, b) => b.value.cmp(a.value) || (a.id < b.id ? -1 : 1)).map((c) => c.id);
  const valueOf = new Map(problem.candidates.map((c) => [c.id, c.value] as const));
  ranking.forEach((id, i) => {
    if (typeof id !== "string") throw ValidationError.single(["ranking", i], "a ranking entry is a candidate id", "frontier options");
    if (!known.has(id)) throw ValidationError.single(["ranking", i], `unknown candidate ${JSON.stringify(id)}`, "frontier options");
  });
  const order = [...levels.keys()].sort((a, b) => (levels[a] as number) - (levels[b] as number));
  // One canonical problem and one model for all levels (its time counts, before the levels share what is left): a
  // level's model is this one with its budget rows' limits rescaled, and it keeps the blocks. Each level built two
  // models from scratch (the ranking's, the solve's), work no limit cut short that the first level measured and kept
  // back for every level after it.
  const canonical = canonicalProblem(problem);
  const base = buildSelectionModel(canonical);
  const points = new Array<FrontierPoint>(levels.length);
  let previous: ReadonlySet<string> | undefined;
  const deadline = startedAt + timeLimitMs;
  // The part of a level no limit cuts short (ranking, model, heuristic plan, exact checks, fill, a solver's overrun)
  // took 0.1–0.3 s a level on 1,000 candidates: with only an even share of the time left per level, ten levels asked
  // for 3 s took 4.1 s. The last level's such work is measured and kept back: each level gets at least that much, its
  // solver's search only what is left beyond it, and a level is not started when less than that is left (the first
  // level always is, as selectPortfolio always answers).
  let fixedMs = 0;
  let searchLimit = Infinity;
  let searched = { limit: 0, spent: 0 };
  const timed: SelectionSolver = {
    name: solver.name,
    async solve(model, o) {
      const limit = Math.max(1, Math.min(o.timeLimitMs, searchLimit));
      const t = now();
      try {
        return await solver.solve(model, { ...o, timeLimitMs: limit });
      } finally {
        searched = { limit: searched.limit + limit, spent: searched.spent + now() - t };
      }
    },
  };
  for (const [j, k] of order.entries()) {
    const levelStart = now();
    const left = deadline - levelStart;
    const level = levels[k] as number;
    const factor = decimal(level);
    const budgets = Object.fromEntries(Object.entries(problem.budgets).map(([p, m]) => [p, money(m.amount.times(factor), m.currency)]));
    if (j > 0 && (left <= 0 || left < fixedMs)) {
      points[k] = notReached(level, budgets);
      continue;
    }
    const share = Math.max(fixedMs, left / (order.length - j));
    searchLimit = share - fixedMs;
    searched = { limit: 0, spent: 0 };
    const scaled = derivedProblem({ ...problem, budgets: dictionaryOf(budgets) });
    const scaledCanonical = derivedProblem({ ...canonical, budgets: scaled.budgets });
    knownCanonical(scaled, scaledCanonical);
    let model = rescaledModel(base, scaledCanonical);
    if (model) shareBlocks(base, model);
    else model = buildSelectionModel(scaledCanonical);
    const worth = (ids: Iterable<string>) => [...ids].reduce((s, id) => s.plus(valueOf.get(id) ?? 0), new PmoDecimal(0));
    const funded = fundByRanking(scaled, ranking, model);
    const rankValue = funded === undefined ? undefined : worth(funded);
    // The ranking's plan fits this level: it warm-starts the solve when it is worth more than the previous level's
    // plan, so a search cut short never reports less than the ranking funds (leftBehind read -3).
    const warm = funded !== undefined && rankValue !== undefined && (previous === undefined || rankValue.greaterThan(worth(previous))) ? new Set(funded) : previous;
    const first = await solveProblem(scaled, timed, { gap, timeLimitMs: Math.max(1, levelStart + share - now()), warmStart: warm, model });
    const feasible = first.status !== "infeasible";
    // selectPortfolio's free-room fill after the solve (its point used to be worth less). No "why not" re-solves: their
    // answers (even the cheap ones, for every excluded candidate) took the later levels' time — 3 s asked, 16 s spent
    // on 1,000 candidates — and left them worse plans.
    const solved = !feasible ? first : await improvePlan(scaled, first, { solver, gap, resolves: 0, deadline, perSolveMs: 0, targets: () => [] });
    fixedMs = Math.max(0, now() - levelStart - Math.min(searched.spent, searched.limit));
    if (feasible) previous = solved.selected;
    const leftBehind = rankValue && feasible ? solved.objective.minus(rankValue) : undefined;
    points[k] = {
      level,
      budgets,
      optimal: {
        status: solved.status,
        objective: feasible ? metric(solved.objective) : missing("infeasible"),
        bestBound: solved.bound === undefined ? missing("infeasible") : metric(solved.bound),
        selected: problem.candidates.filter((c) => solved.selected.has(c.id)).map((c) => c.id),
        adopted: "adopted" in solved ? solved.adopted : [],
        conflicts: first.conflicts,
      },
      ranking: funded && rankValue ? { objective: rankValue, selected: funded } : undefined,
      leftBehind: leftBehind === undefined ? missing("infeasible") : metric(leftBehind),
      leftBehindShare: leftBehind === undefined ? missing("infeasible") : solved.objective.isZero() ? missing("objective-is-zero") : metric(leftBehind.div(solved.objective.abs())),
    };
  }
  return points;
}

/** A level the time limit left unsolved: every figure says so, no plan is claimed. */
function notReached(level: number, budgets: Readonly<Record<string, Money>>): FrontierPoint {
  const why = missing("time-limit", "the time limit was reached before this level was solved");
  return { level, budgets, optimal: { status: "time-limit", objective: why, bestBound: why, selected: [], adopted: [], conflicts: [] }, ranking: undefined, leftBehind: why, leftBehindShare: why };
}
