import { checkOptionKeys } from "../../core/index.js";
import type { ProjectRequest } from "../../entities/index.js";
import type { ScoringModel } from "../model.js";
import { SCORE_OPTION_KEYS, type ScoreOptions } from "../score-requests.js";
import { rankOrder } from "../ranking.js";
import { rowScore, sensitivityBase } from "./common.js";

/** The pair of requests that trade places at a threshold. */
export interface RankReversal {
  /** The weight at which the two scores are equal. */
  readonly weight: number;
  /** The request that leaves the top k beyond the threshold. */
  readonly leaves: string;
  /** The request that enters. */
  readonly enters: string;
}

/** How far one criterion's weight can move before the top-k set changes. */
export interface WeightInterval {
  /** The criterion. */
  readonly criterionId: string;
  /** Its weight now. */
  readonly weight: number;
  /** Lowest weight that keeps the top-k set (≥ 0). */
  readonly lower: number;
  /** Highest weight that keeps it; `undefined` when no weight, however large, changes it. */
  readonly upper: number | undefined;
  /** The swap at the lower threshold (`undefined` when the lower bound is 0 and nothing swaps). */
  readonly atLower: RankReversal | undefined;
  /** The swap at the upper threshold. */
  readonly atUpper: RankReversal | undefined;
}

const INTERVAL_OPTION_KEYS = { ...SCORE_OPTION_KEYS, k: 1 } satisfies Record<keyof (ScoreOptions & { readonly k: number }), 1>;

/**
 * For each criterion of a weighted-sum model: the interval of its weight (the others held at their values) within
 * which the set of the top k requests does not change, and the rank reversal at each end — which request would
 * leave and which would enter.
 *
 * Scores are linear in one weight: `s_i(x) = a_i + x·n_ij`. For every request i in the top k and o outside, the set
 * holds while `s_i(x) ≥ s_o(x)`; each pair bounds x from one side. At weight 0 a pair that ties (equal on every
 * other criterion) swaps when the tie-break ranks the outsider first: `lower` 0 with `atLower` set. Weights are the declared (unnormalised) ones,
 * figures are binary64. Forced-in requests always hold their places in the top k; forced-out and unscored
 * requests never enter. Cost O(k · (N − k) · criteria).
 *
 * @throws {ValidationError} for a model that is not weighted-sum, uses risk adjustment, a bad `k`, or an unknown option
 * key (at `options.<key>`).
 * @example
 * ```ts
 * const intervals = weightIntervals(requests, model, { asOf: "2026-11-20", k: 3 });
 * intervals[0]; // { criterionId: "strategic-fit", weight: 3, lower: 1.5, upper: 6, atUpper: { leaves: "REQ-…", enters: "REQ-…" } }
 * ```
 */
export function weightIntervals(requests: readonly ProjectRequest[], model: ScoringModel, options: ScoreOptions & { readonly k: number }): WeightInterval[] {
  checkOptionKeys("weightIntervals", options, INTERVAL_OPTION_KEYS, ["options"]);
  const base = sensitivityBase(requests, model, options);
  const { run, scored, slots, weights } = base;
  const { normalized, m } = run.engine;
  const ids = run.extracted.ids;
  const inSet = scored.slice(0, slots);
  const outSet = scored.slice(slots);
  // Each row's place when scores are equal (tie-break keys, then id): at weight 0 two rows can tie, and this decides.
  const tiePlace = new Int32Array(ids.length);
  rankOrder(run.model, ids, run.extracted.values, new Float64Array(ids.length), new Uint8Array(ids.length), new Set()).forEach((row, p) => (tiePlace[row] = p));
  return weights.map((wj, j) => {
    // The score without criterion j, summed without it (not subtracted) so rows equal elsewhere tie exactly.
    const others = weights.map((w, k) => (k === j ? 0 : w));
    const a = (row: number) => rowScore(base, row, others);
    const aIn = inSet.map(a);
    const aOut = outSet.map(a);
    let lower = 0;
    let upper: number | undefined;
    let zeroSwap = false;
    const pairs: [number, number, number, number][] = [];
    inSet.forEach((i, p) => {
      outSet.forEach((o, q) => {
        const dn = normalized[i * m + j]! - normalized[o * m + j]!;
        if (dn === 0) return;
        const x = -(aIn[p]! - aOut[q]!) / dn + 0;
        pairs.push([i, o, dn, x]);
        if (dn > 0 && x > lower) lower = x;
        // x = 0: the two tie once the weight is 0 (criterion dropped); the set changes there if the tie-break puts o first.
        if (dn > 0 && x === 0 && tiePlace[o]! < tiePlace[i]!) zeroSwap = true;
        if (dn < 0 && (upper === undefined || x < upper)) upper = x;
      });
    });
    // Every pair meeting at a threshold ties there at one score, so several insiders and outsiders can meet (two
    // identical requests). Just beyond it they rank by their slope in this weight (higher first above the threshold,
    // lower first below it; equal slopes, or weight exactly 0, by the tie-break): the insider ranked last leaves and
    // the outsider ranked first enters. (The first pair found was named: R0 "left" at weight 0 while its twin R1 did.)
    const swap = (x: number, side: number, slope: number): RankReversal => {
      let leaves = -1;
      let enters = -1;
      const before = (a: number, b: number) => slope * (normalized[b * m + j]! - normalized[a * m + j]!) < 0 || (normalized[a * m + j] === normalized[b * m + j] || !slope ? tiePlace[a]! < tiePlace[b]! : false);
      for (const [i, o, dn, y] of pairs) {
        if (y !== x || dn * side <= 0) continue;
        if (leaves < 0 || before(leaves, i)) leaves = i;
        if (enters < 0 || before(o, enters)) enters = o;
      }
      return { weight: x, leaves: ids[leaves]!, enters: ids[enters]! };
    };
    const atLower = lower > 0 ? swap(lower, 1, -1) : zeroSwap ? swap(0, 1, 0) : undefined;
    const atUpper = upper === undefined ? undefined : swap(upper, -1, 1);
    return { criterionId: run.model.columns[j]!.id, weight: wj, lower, upper, atLower, atUpper };
  });
}
