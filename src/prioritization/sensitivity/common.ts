import { ValidationError } from "../../core/index.js";
import type { ProjectRequest } from "../../entities/index.js";
import type { ScoringModel } from "../model.js";
import { runScoring, type ScoreOptions, type ScoringRun } from "../score-requests.js";

/** @internal What both sensitivity analyses need: normalised scored columns, raw weights and the base ranking. */
export interface SensitivityBase {
  readonly run: ScoringRun;
  /** Rows with status `scored`, in base rank order. */
  readonly scored: readonly number[];
  /** Number of forced-in rows (always ahead of the scored ones). */
  readonly forcedIn: number;
  /** Scored slots among the top k. */
  readonly slots: number;
  /** Raw weights of the scored criteria (columns 0 … w.length−1). */
  readonly weights: readonly number[];
}

/** @internal */
export function sensitivityBase(requests: readonly ProjectRequest[], model: ScoringModel, options: ScoreOptions & { readonly k: number }): SensitivityBase {
  if (model?.kind !== "weighted-sum") throw ValidationError.single(["model", "kind"], "sensitivity analysis needs a weighted-sum model", "sensitivity");
  if (model.riskAdjustment !== undefined) throw ValidationError.single(["model", "riskAdjustment"], "sensitivity analysis does not support risk adjustment", "sensitivity");
  const run = runScoring(requests, model, options);
  const k = options.k;
  if (!Number.isInteger(k) || k < 1) throw ValidationError.single(["options", "k"], "k must be a positive integer", "sensitivity");
  const status = run.engine.status;
  const scored = Array.from(run.engine.order).filter((i) => status[i] === 1);
  let forcedIn = 0;
  for (const s of status) if (s === 0) forcedIn++;
  const weights = run.model.columns.slice(0, run.model.scoredCount).map((c) => c.weight.toNumber());
  return { run, scored, forcedIn, slots: Math.max(0, Math.min(k - forcedIn, scored.length)), weights };
}
