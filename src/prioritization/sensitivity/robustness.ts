import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import type { ProjectRequest } from "../../entities/index.js";
import type { ScoringModel } from "../model.js";
import { SCORE_OPTION_KEYS, type ScoreOptions } from "../score-requests.js";
import { sensitivityBase } from "./common.js";
import { rankOrder } from "../ranking.js";
import { roundHalfEven } from "../fixed-point.js";
import { gamma, seededRandom } from "./random.js";

/** How weights are perturbed in each sample. */
export type WeightPerturbation =
  | { /** Each weight times (1 + spread·u), u uniform in [−1, 1], floored at 0. */ readonly kind: "uniform"; readonly spread: number }
  | { /** Weights drawn from Dirichlet(concentration · w/Σw): centred on today's shares, tighter as concentration grows. */ readonly kind: "dirichlet"; readonly concentration: number };

/** Options of {@link rankingRobustness}. */
export interface RobustnessOptions extends ScoreOptions {
  /** Size of the set being chosen (the top k of the ranking). */
  readonly k: number;
  /** Perturbation (default uniform ±20%). */
  readonly perturbation?: WeightPerturbation;
  /** Number of samples (default 1,000). */
  readonly samples?: number;
  /** PRNG seed, an integer (default 1): the same seed gives the same answer. */
  readonly seed?: number;
  /** Probability at or above which a request is robust-in (default 0.95); robust-out at or below 1 − this. */
  readonly threshold?: number;
}

const ROBUSTNESS_OPTION_KEYS = { ...SCORE_OPTION_KEYS, k: 1, perturbation: 1, samples: 1, seed: 1, threshold: 1 } satisfies Record<keyof RobustnessOptions, 1>;

/** A request's robustness label. */
export interface RobustnessLabel {
  /** The request. */
  readonly requestId: string;
  /** Share of samples in which it was in the top k. */
  readonly probability: number;
  /** `robust-in`, `robust-out` or `contested`. */
  readonly label: "robust-in" | "robust-out" | "contested";
  /** Whether it is in the top k with today's weights. */
  readonly inBase: boolean;
}

/**
 * Robustness of the top-k set to the weights: samples perturbed weights (seeded), re-ranks, and labels each request
 * robust-in (in the top k in ≥ 95% of samples), robust-out (≤ 5%) or contested, with its selection probability.
 * Forced-in requests are always in (probability 1); forced-out and unscored ones never (0). Results are in base
 * rank order.
 *
 * @throws {ValidationError} for a model that is not weighted-sum, or bad options (an unknown key too, at `options.<key>`).
 * @example
 * ```ts
 * rankingRobustness(requests, model, { asOf: "2026-11-20", k: 5, perturbation: { kind: "dirichlet", concentration: 50 }, seed: 42 });
 * // [{ requestId: "REQ-…", probability: 1, label: "robust-in", inBase: true }, …]
 * ```
 */
export function rankingRobustness(requests: readonly ProjectRequest[], model: ScoringModel, options: RobustnessOptions): RobustnessLabel[] {
  checkArguments("rankingRobustness", { requests: [requests, "array"], model: [model, "object"], options: [options, "object"] });
  checkOptionKeys("rankingRobustness", options, ROBUSTNESS_OPTION_KEYS, ["options"]);
  const samples = options.samples ?? 1000;
  const threshold = options.threshold ?? 0.95;
  const pert = options.perturbation ?? { kind: "uniform", spread: 0.2 };
  if (!Number.isInteger(samples) || samples < 1 || samples > 1e6) throw ValidationError.single(["options", "samples"], "samples must be an integer from 1 to 1,000,000", "robustness");
  if (!(threshold > 0.5 && threshold <= 1)) throw ValidationError.single(["options", "threshold"], "threshold must be in (0.5, 1]", "robustness");
  if (pert?.kind !== "uniform" && pert?.kind !== "dirichlet") {
    throw ValidationError.single(["options", "perturbation", "kind"], 'perturbation kind must be "uniform" or "dirichlet"', "robustness");
  }
  checkOptionKeys("rankingRobustness", pert, pert.kind === "uniform" ? { kind: 1, spread: 1 } : { kind: 1, concentration: 1 }, ["options", "perturbation"]);
  if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) throw ValidationError.single(["options", "seed"], "seed must be an integer", "robustness");
  if (pert.kind === "uniform" && !(pert.spread >= 0 && pert.spread <= 1)) throw ValidationError.single(["options", "perturbation", "spread"], "spread must be between 0 and 1", "robustness");
  if (pert.kind === "dirichlet" && !(pert.concentration > 0 && Number.isFinite(pert.concentration))) throw ValidationError.single(["options", "perturbation", "concentration"], "concentration must be positive", "robustness");
  const base = sensitivityBase(requests, model, options);
  const { run, scored, slots, weights } = base;
  const rnd = seededRandom(options.seed ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const hits = new Float64Array(scored.length);
  const w = new Float64Array(weights.length);
  const scores = new Float64Array(scored.length);
  const idx = Array.from(scored, (_, p) => p);
  const { normalized, m } = run.engine;
  const scale = 10 ** run.model.decimals;
  // Each row's place among equal scores (tie-break keys, then id), as in weightIntervals.
  const ids0 = run.extracted.ids;
  const tiePlace = new Int32Array(ids0.length);
  rankOrder(run.model, ids0, run.extracted.values, new Float64Array(ids0.length), new Uint8Array(ids0.length), new Set()).forEach((row, p) => (tiePlace[row] = p));
  for (let s = 0; s < samples; s++) {
    if (pert.kind === "uniform") weights.forEach((x, j) => (w[j] = Math.max(0, x * (1 + pert.spread * (2 * rnd() - 1)))));
    else {
      let g = 0;
      weights.forEach((x, j) => (g += w[j] = x === 0 ? 0 : gamma(rnd, (pert.concentration * x) / total)));
      if (g > 0) for (let j = 0; j < w.length; j++) w[j] = w[j]! / g;
    }
    // Ranked as scoreRequests ranks: the score in units of the model's decimals (w/Σw per line, summed in the model's
    // order, rounded half-even), equal units by the tie-break keys and the id. Raw float sums put float noise first:
    // 0.1 + 0.2 beat 0.3, and a score of 1/30 beat 0 at 0 decimals, so even unperturbed weights moved today's top k.
    const sum = w.reduce((t, x) => t + x, 0);
    const factor = Array.from(w, (x) => (sum ? x / sum : 0) * scale);
    for (let p = 0; p < scored.length; p++) {
      let s = 0;
      for (let j = 0; j < factor.length; j++) s += normalized[scored[p]! * m + j]! * factor[j]!;
      scores[p] = roundHalfEven(s);
    }
    idx.sort((a, b) => scores[b]! - scores[a]! || tiePlace[scored[a]!]! - tiePlace[scored[b]!]!);
    for (let p = 0; p < slots; p++) hits[idx[p]!]! += 1;
  }
  const label = (p: number): RobustnessLabel["label"] => (p >= threshold ? "robust-in" : p <= 1 - threshold ? "robust-out" : "contested");
  const pos = new Map(scored.map((row, p) => [row, p]));
  const ids = run.extracted.ids;
  return Array.from(run.engine.order, (row) => {
    const st = run.engine.status[row]!;
    const p = pos.get(row);
    const probability = st === 0 ? 1 : p === undefined ? 0 : hits[p]! / samples;
    return { requestId: ids[row]!, probability, label: label(probability), inBase: st === 0 || (p !== undefined && p < slots) };
  });
}
