import { checkOptionKeys } from "../../core/index.js";
import type { ProjectRequest } from "../../entities/index.js";
import type { ScoringModel } from "../model.js";
import { SCORE_OPTION_KEYS, type ScoreOptions } from "../score-requests.js";
import { rankOrder } from "../ranking.js";
import { sensitivityBase } from "./common.js";
import { firstChange, unitsAt } from "./rounded.js";

/** The pair of requests that trade places at a threshold. */
export interface RankReversal {
  /** The weight just beyond the bound (the adjacent binary64) at which `scoreRequests` ranks a different top k. */
  readonly weight: number;
  /** The request that leaves the top k beyond the threshold (of several, the one ranked last there). */
  readonly leaves: string;
  /** The request that enters (of several, the one ranked first there). */
  readonly enters: string;
}

/** How far one criterion's weight can move before the top-k set changes. */
export interface WeightInterval {
  /** The criterion. */
  readonly criterionId: string;
  /** Its weight now. */
  readonly weight: number;
  /** Lowest weight that keeps the top-k set (≥ 0); 0 with `atLower` at weight 0 when only weight 0 itself changes it. */
  readonly lower: number;
  /** Highest weight that keeps it; `undefined` when no weight, however large, changes it. */
  readonly upper: number | undefined;
  /** The swap just below the lower bound (`undefined` when the set holds down to weight 0). */
  readonly atLower: RankReversal | undefined;
  /** The swap just above the upper bound. */
  readonly atUpper: RankReversal | undefined;
}

const INTERVAL_OPTION_KEYS = { ...SCORE_OPTION_KEYS, k: 1 } satisfies Record<keyof (ScoreOptions & { readonly k: number }), 1>;

/**
 * For each criterion of a weighted-sum model: the interval of its weight (the others held at their values) within
 * which the set of the top k requests does not change, and the rank reversal at each end — which request would
 * leave and which would enter.
 *
 * The top k is the one `scoreRequests` ranks: scores rounded half-even to the model's `decimals`, then the tie-break
 * keys, then the id. Rounding makes it piecewise constant in the weight, and it can change and change back: the
 * interval reported is the one around today's weight, up to the first change on each side. Bounds are binary64
 * weights at which `scoreRequests` still ranks today's top k; each swap's `weight` is the adjacent one, where it does
 * not. Each pair (i in the top k, o outside) is walked from today's weight over the half-unit crossings of its two
 * scores (closed form: s(x) = (a + x·n)/(W + x)), only where their gap is under a unit, then pinned by bisection on
 * the scoring arithmetic itself. Weights are the declared (unnormalised) ones. Forced-in requests always hold their
 * places in the top k; forced-out and unscored requests never enter. Cost O(k · (N − k) · criteria).
 *
 * @throws {ValidationError} for a model that is not weighted-sum, uses risk adjustment, a bad `k`, or an unknown option
 * key (at `options.<key>`).
 * @example
 * ```ts
 * const intervals = weightIntervals(requests, model, { asOf: "2026-11-20", k: 3 });
 * intervals[0]; // { criterionId: "strategic-fit", weight: 3, lower: 1.4999999995, upper: 6.000000001, atUpper: { weight: 6.0000000010000002, leaves: "REQ-…", enters: "REQ-…" } }
 * ```
 */
export function weightIntervals(requests: readonly ProjectRequest[], model: ScoringModel, options: ScoreOptions & { readonly k: number }): WeightInterval[] {
  checkOptionKeys("weightIntervals", options, INTERVAL_OPTION_KEYS, ["options"]);
  const base = sensitivityBase(requests, model, options);
  const { run, scored, slots, weights } = base;
  const ids = run.extracted.ids;
  const inSet = scored.slice(0, slots);
  const outSet = scored.slice(slots);
  // Each row's place when scores are equal (tie-break keys, then id): at weight 0 two rows can tie, and this decides.
  const tiePlace = new Int32Array(ids.length);
  rankOrder(run.model, ids, run.extracted.values, new Float64Array(ids.length), new Uint8Array(ids.length), new Set()).forEach((row, p) => (tiePlace[row] = p));
  const swap = (j: number, x: number): RankReversal => {
    // The set just beyond the bound, as scoreRequests ranks it: units, then the tie-break.
    const w = weights.map((v, t) => (t === j ? x : v));
    const units = new Map(scored.map((r) => [r, unitsAt(base, r, w)]));
    const order = [...scored].sort((a, b) => units.get(b)! - units.get(a)! || tiePlace[a]! - tiePlace[b]!);
    const now = new Set(order.slice(0, slots));
    const leaves = order.filter((r) => inSet.includes(r) && !now.has(r)).pop()!;
    const enters = order.find((r) => now.has(r) && !inSet.includes(r))!;
    return { weight: x, leaves: ids[leaves]!, enters: ids[enters]! };
  };
  return weights.map((wj, j) => {
    const up = firstChange(base, j, tiePlace, inSet, outSet, 1);
    const down = firstChange(base, j, tiePlace, inSet, outSet, -1);
    // A change at exactly 0 (the set holds at every positive weight): reported as lower 0 with atLower at 0.
    const lower = down === undefined || down.changed === 0 ? 0 : down.kept;
    return {
      criterionId: run.model.columns[j]!.id, weight: wj, lower, upper: up?.kept,
      atLower: down && swap(j, down.changed), atUpper: up && swap(j, up.changed),
    };
  });
}
