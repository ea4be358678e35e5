import { ValidationError, checkOptionKeys, isIsoDate, type IsoDate, type ValidationIssue } from "../core/index.js";
import { cellIssues } from "./cell-rules.js";
import type { ProjectRequest } from "../entities/index.js";
import { runEngine, type EngineResult } from "./engine.js";
import { extractValues, type Extracted } from "./extract.js";
import { evaluateGates, type GateOutcome } from "./gates.js";
import { resolveModel, type ResolvedModel, type ScoringModel } from "./model.js";
import { explainRow, type RefusedRequest, type Scoreboard } from "./results.js";

/** Options of {@link scoreRequests}. */
export interface ScoreOptions {
  /** The date derived figures (NPV) are discounted to. Required: scoring never reads the clock. */
  readonly asOf: IsoDate | string;
  /**
   * What bad values do. `"throw"` (default): one ValidationError listing every problem of the batch, each with its
   * path. `"refuse"`: requests with a bad value are left out — the rest are scored and ranked among themselves — and
   * listed in `refused` with their problems (every request sharing a duplicate id is refused, so the input order never
   * decides which one counts). Problems of the model itself always throw.
   */
  readonly onInvalid?: "throw" | "refuse";
}

/** @internal The keys of {@link ScoreOptions}; any other is refused. */
export const SCORE_OPTION_KEYS = { asOf: 1, onInvalid: 1 } satisfies Record<keyof ScoreOptions, 1>;

/** @internal Everything a scoring run computed, for sensitivity analysis. */
export interface ScoringRun {
  readonly model: ResolvedModel;
  readonly extracted: Extracted;
  readonly engine: EngineResult;
  readonly outcomes: Map<number, GateOutcome[]>;
  readonly asOf: IsoDate;
  readonly refused: readonly RefusedRequest[];
}

/** @internal */
export function runScoring(requests: readonly ProjectRequest[], model: ScoringModel, options: ScoreOptions): ScoringRun {
  if (!isIsoDate(options?.asOf)) throw ValidationError.single(["options", "asOf"], "asOf must be a calendar date YYYY-MM-DD", "scoring input");
  const onInvalid = options.onInvalid ?? "throw";
  if (onInvalid !== "throw" && onInvalid !== "refuse") {
    throw ValidationError.single(["options", "onInvalid"], 'onInvalid must be "throw" or "refuse"', "scoring input");
  }
  const asOf = options.asOf as IsoDate;
  const resolved = resolveModel(model);
  const attempt = scoreOnce(requests, resolved, asOf);
  if (!attempt.issues.length) return { ...attempt.run!, refused: [] };
  const byRow = new Map<number, ValidationIssue[]>();
  for (const issue of attempt.issues) {
    const row = issue.path[0] === "requests" && typeof issue.path[1] === "number" ? issue.path[1] : -1;
    if (onInvalid === "throw" || row < 0) throw new ValidationError(attempt.issues, "scoring input");
    byRow.set(row, [...(byRow.get(row) ?? []), issue]);
  }
  // A duplicate id is reported at its later rows; refusing only those would let the input order pick the one scored.
  const idOf = (i: number) => (requests[i] as { id?: unknown } | null | undefined)?.id;
  const duplicated = new Set([...byRow.values()].flat().filter((x) => x.message.startsWith("duplicate request id")).map((x) => idOf(x.path[1] as number)));
  requests.forEach((_, i) => {
    if (!byRow.has(i) && duplicated.has(idOf(i))) {
      byRow.set(i, [{ path: ["requests", i, "id"], message: `duplicate request id ${JSON.stringify(idOf(i))}`, code: "custom" }]);
    }
  });
  const kept = requests.filter((_, i) => !byRow.has(i));
  // The rows left are valid, so this second pass cannot find new problems; paths in `refused` stay on the input.
  const second = scoreOnce(kept, resolved, asOf);
  if (second.issues.length) throw new ValidationError(second.issues, "scoring input");
  const refused = [...byRow].sort((a, b) => a[0] - b[0]).map(([index, issues]) => {
    const id = idOf(index);
    return { requestId: typeof id === "string" ? id : "", index, issues };
  });
  return { ...second.run!, refused };
}

function scoreOnce(requests: readonly ProjectRequest[], resolved: ResolvedModel, asOf: IsoDate): { issues: ValidationIssue[]; run?: Omit<ScoringRun, "refused"> } {
  const extracted = extractValues(requests, resolved, asOf);
  const m = resolved.columns.length;
  const pathOf = (row: number, col: number): (string | number)[] => {
    const k = extracted.ratingIndex[row * m + col]!;
    return k >= 0 ? ["requests", row, "ratings", k, "value"] : ["requests", row, resolved.columns[col]!.id];
  };
  const issues = [...extracted.issues, ...cellIssues(resolved, extracted.values, extracted.ids.length, pathOf)];
  if (issues.length) return { issues };
  const { forced, outcomes } = evaluateGates(requests, resolved, extracted.labels);
  const engine = runEngine(resolved, extracted.ids, extracted.values, forced);
  return { issues, run: { model: resolved, extracted, engine, outcomes, asOf } };
}

/**
 * Scores and ranks project requests with a model, explaining every score.
 *
 * 1. The model is validated (see {@link validateScoringModel}); every value is checked against its criterion's
 *    scale and its model's domain (WSJF components ≥ 0 and job size > 0, RICE confidence within its unit and effort
 *    > 0, …); bad input is one `ValidationError` listing every problem with its path
 *    (`requests[3].ratings[1].value`) — or, with `onInvalid: "refuse"`, those requests are left out and listed in
 *    `refused`.
 * 2. Gates run first (mandatory, MoSCoW), each outcome with its reason.
 * 3. Raw values are normalised per criterion over the batch (or on the criterion's absolute scale), then combined
 *    by the model. Each breakdown line is rounded once to the model's `decimals` (default 9) and the score is the
 *    exact sum of its lines.
 * 4. Ranking: forced-in, scored, unscored, forced-out; within each, score descending, the tie-break keys, then the
 *    request id (inside the forced groups, requests without a score come last). The result does not depend on the
 *    input order.
 *
 * @throws {ValidationError} for a bad model, ratings outside their scale, unknown labels, duplicate request ids,
 * WSJF job size or RICE effort ≤ 0, a missing/invalid `asOf`, or an unknown option key (at `options.<key>`).
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
  checkOptionKeys("scoreRequests", options, SCORE_OPTION_KEYS, ["options"]);
  const run = runScoring(requests, model, options);
  const { engine: e, extracted: x } = run;
  const entries = Array.from(e.order, (i, pos) => explainRow(run.model, e, x.ids, i, pos + 1, (cell) => x.raw[cell], run.outcomes.get(i) ?? []));
  return { model: run.model.name, asOf: run.asOf, decimals: run.model.decimals, entries, refused: run.refused };
}
