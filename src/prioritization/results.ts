import { PmoDecimal, missing, metric, type Decimal, type IsoDate, type Metric, type ValidationIssue } from "../core/index.js";
import { STATUS, type EngineResult, type ScoreStatus } from "./engine.js";
import { unitsToDecimal } from "./fixed-point.js";
import type { GateOutcome } from "./gates.js";
import type { ContributionRole, ResolvedModel } from "./model.js";

/** One line of a score's breakdown. The lines' contributions add up to the score exactly. */
export interface Contribution {
  /** The criterion id (or `term-k` for a formula term, `risk-adjustment`). */
  readonly term: string;
  /**
   * How the line enters the score: `weighted` (weighted sum), `component` (WSJF cost-of-delay part ÷ job size, ICE
   * mean part ÷ 3), `factor` / `divisor` (sequential product: the line is how much the score changed when this
   * factor was applied, in the model's order), `term` (formula), `risk-adjustment` (round(S × p) − S).
   */
  readonly role: ContributionRole;
  /** Criteria the line uses. */
  readonly criterionIds: readonly string[];
  /** Raw value (rating or derived figure), for single-criterion lines. */
  readonly raw: Decimal | undefined;
  /** Normalised value (binary64, shown as a Decimal), for single-criterion lines. */
  readonly normalized: Decimal | undefined;
  /** Weight as declared (weighted-sum lines). */
  readonly weight: Decimal | undefined;
  /** Weight share w / Σw (weighted-sum lines). */
  readonly weightShare: Decimal | undefined;
  /**
   * The line's contribution in units of the model's decimals. Additive lines are rounded cumulatively
   * (`round(running total) − round(previous running total)`), product lines telescope the partial products, so the
   * lines add up exactly to the correctly rounded score and each is within one unit of its exact value.
   */
  readonly contribution: Decimal;
}

/** A request's score, rank and the data that explains them. */
export interface ScoredRequest {
  /** The request. */
  readonly requestId: string;
  /** 1-based position in the ranking (every request has one, groups in the order of {@link ScoreStatus}). */
  readonly rank: number;
  /** `forced-in` / `forced-out` by a gate, `scored`, or `unscored` (missing values). */
  readonly status: ScoreStatus;
  /** The score, or why there is none (`missing-rating`, `divisor-is-zero`, `score-out-of-range`, `negative-score` under risk adjustment; `forced-out` under `normalizeOver: "candidates"`). */
  readonly score: Metric<Decimal>;
  /** Lines adding up exactly to the score (empty when unscored). */
  readonly breakdown: readonly Contribution[];
  /** Gates that fired, in the model's order. */
  readonly gates: readonly GateOutcome[];
}

/** A request left out of a scoring run because of bad values (with `onInvalid: "refuse"`). */
export interface RefusedRequest {
  /** The request's id (empty when the entry was not a request at all). */
  readonly requestId: string;
  /** Its position in the input. */
  readonly index: number;
  /** Every problem, with paths into the original input. */
  readonly issues: readonly ValidationIssue[];
}

/** The result of {@link scoreRequests}. */
export interface Scoreboard {
  /** The model's name. */
  readonly model: string;
  /** The as-of date the figures were derived at. */
  readonly asOf: IsoDate;
  /** Decimal places of scores and contributions. */
  readonly decimals: number;
  /** Every request, in rank order. */
  readonly entries: readonly ScoredRequest[];
  /** Requests left out for bad values (only with `onInvalid: "refuse"`; otherwise empty). */
  readonly refused: readonly RefusedRequest[];
}

/** @internal Materialises one request's result as plain data with Decimals (the edge of the typed-array engine). */
export function explainRow(
  model: ResolvedModel,
  e: EngineResult,
  ids: readonly string[],
  i: number,
  rank: number,
  rawOf: (cell: number) => Decimal | undefined,
  gates: readonly GateOutcome[],
): ScoredRequest {
  const status = STATUS[e.status[i]!]!;
  const why = e.unscored.get(i);
  const d = model.decimals;
  const base: Omit<ScoredRequest, "score" | "breakdown"> = { requestId: ids[i]!, rank, status, gates };
  if (why !== undefined) return { ...base, score: missing(why.reason, why.detail), breakdown: [] };
  const shares = weightShares(model);
  const breakdown = model.terms.map((t, k): Contribution => {
    const single = t.col !== undefined;
    const cell = i * e.m + (t.col ?? 0);
    const nv = single && t.role !== "risk-adjustment" ? e.normalized[cell]! : Number.NaN;
    const w = t.role === "weighted" ? model.columns[t.col!]!.weight : undefined;
    return {
      term: t.id, role: t.role, criterionIds: t.criterionIds,
      raw: single ? rawOf(cell) : undefined,
      normalized: nv === nv ? new PmoDecimal(nv) : undefined,
      weight: w,
      weightShare: t.role === "weighted" ? shares[k] : undefined,
      contribution: unitsToDecimal(e.termUnits[i * e.terms + k]!, d),
    };
  });
  return { ...base, score: metric(unitsToDecimal(e.scoreUnits[i]!, d)), breakdown };
}

const shareCache = new WeakMap<ResolvedModel, readonly (Decimal | undefined)[]>();

/** w / Σw per weighted line, computed once per model (a Decimal division per line per request is the slow part). */
function weightShares(model: ResolvedModel): readonly (Decimal | undefined)[] {
  let s = shareCache.get(model);
  if (s === undefined) {
    const total = model.columns.slice(0, model.scoredCount).reduce((t, c) => t.plus(c.weight), new PmoDecimal(0));
    // Σw > 0: the model refuses negative weights and weights that are all zero.
    s = model.terms.map((t) => (t.role === "weighted" ? model.columns[t.col!]!.weight.div(total) : undefined));
    shareCache.set(model, s);
  }
  return s;
}
