import { ValidationError, isIsoDate, type IsoDate } from "../core/index.js";
import type { ProjectRequest } from "../entities/index.js";
import { runEngine, type EngineResult } from "./engine.js";
import { extractValues, type Extracted } from "./extract.js";
import { evaluateGates, type GateOutcome } from "./gates.js";
import { resolveModel, type ResolvedModel, type ScoringModel } from "./model.js";
import { explainRow, type Scoreboard } from "./results.js";

/** Options of {@link scoreRequests}. */
export interface ScoreOptions {
  /** The date derived figures (NPV) are discounted to. Required: scoring never reads the clock. */
  readonly asOf: IsoDate | string;
}

/** @internal Everything a scoring run computed, for sensitivity analysis. */
export interface ScoringRun {
  readonly model: ResolvedModel;
  readonly extracted: Extracted;
  readonly engine: EngineResult;
  readonly outcomes: Map<number, GateOutcome[]>;
  readonly asOf: IsoDate;
}

/** @internal */
export function runScoring(requests: readonly ProjectRequest[], model: ScoringModel, options: ScoreOptions): ScoringRun {
  if (!isIsoDate(options?.asOf)) throw ValidationError.single(["options", "asOf"], "asOf must be a calendar date YYYY-MM-DD", "scoring input");
  const asOf = options.asOf as IsoDate;
  const resolved = resolveModel(model);
  const extracted = extractValues(requests, resolved, asOf);
  const { forced, outcomes } = evaluateGates(requests, resolved, extracted.labels);
  const m = resolved.columns.length;
  const pathOf = (row: number, col: number): (string | number)[] => {
    const k = extracted.ratingIndex[row * m + col]!;
    return k >= 0 ? ["requests", row, "ratings", k, "value"] : ["requests", row, resolved.columns[col]!.id];
  };
  const engine = runEngine(resolved, extracted.ids, extracted.values, forced, pathOf);
  return { model: resolved, extracted, engine, outcomes, asOf };
}

/**
 * Scores and ranks project requests with a model, explaining every score.
 *
 * 1. The model is validated (see {@link validateScoringModel}); every rating is checked against its criterion's
 *    scale; bad input is one `ValidationError` listing each problem with its path (`requests[3].ratings[1].value`).
 * 2. Gates run first (mandatory, MoSCoW), each outcome with its reason.
 * 3. Raw values are normalised per criterion over the batch (or on the criterion's absolute scale), then combined
 *    by the model. Each breakdown line is rounded once to the model's `decimals` (default 9) and the score is the
 *    exact sum of its lines.
 * 4. Ranking: forced-in, scored, unscored, forced-out; within each, score descending, the tie-break keys, then the
 *    request id. The result does not depend on the input order.
 *
 * @throws {ValidationError} for a bad model, ratings outside their scale, unknown labels, duplicate request ids,
 * WSJF job size or RICE effort ≤ 0, or a missing/invalid `asOf`.
 * @example
 * ```ts
 * const board = scoreRequests(requests, {
 *   kind: "weighted-sum",
 *   criteria: [
 *     { id: "strategic-fit", weight: 3, scale: { kind: "numeric", min: 1, max: 5 } },
 *     { id: "complexity", weight: 1, direction: "cost", scale: { kind: "numeric", min: 1, max: 5 } },
 *   ],
 *   gates: [{ kind: "mandatory" }],
 * }, { asOf: "2026-11-20" });
 * board.entries[0].breakdown; // [{ term: "strategic-fit", raw, normalized, weight, contribution }, …]
 * ```
 */
export function scoreRequests(requests: readonly ProjectRequest[], model: ScoringModel, options: ScoreOptions): Scoreboard {
  const run = runScoring(requests, model, options);
  const { engine: e, extracted: x } = run;
  const entries = Array.from(e.order, (i, pos) => explainRow(run.model, e, x.ids, i, pos + 1, (cell) => x.raw[cell], run.outcomes.get(i) ?? []));
  return { model: run.model.name, asOf: run.asOf, decimals: run.model.decimals, entries };
}
