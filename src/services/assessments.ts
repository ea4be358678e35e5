import type { ProjectRequest } from "../entities/project-request.js";
import type { RolloutPlan } from "../entities/rollout-plan.js";
import { checkOptionKeys } from "../core/index.js";
import { SCORE_OPTION_KEYS, scoreRequests, type ScoreOptions } from "../prioritization/score-requests.js";
import type { ScoringModel } from "../prioritization/model.js";
import type { Scoreboard } from "../prioritization/results.js";
import { evaluateGate, type GateEvaluation, type ReadinessOptions } from "../rollout/gate.js";
import { readinessProgress, type ReadinessProgress } from "../rollout/readiness.js";
import type { PmoContext } from "./context.js";
import { openRequests, rolloutOverviews, type RolloutOverview } from "./queries.js";

/*
 * The report queries that need a calculator: the open intake scored with a model, and open rollouts judged at a
 * date. Reads only; the as-of date is always the caller's.
 */

/** The open intake with its scores. */
export interface ScoredIntake {
  /** The requests still in the pipeline (see `OPEN_REQUEST_STATUSES`). */
  readonly requests: readonly ProjectRequest[];
  /** Their scores, ranks and breakdowns under the model. */
  readonly scoreboard: Scoreboard;
}

/** @internal Scores the open requests with a model. */
export async function scoredOpenRequests(ctx: PmoContext, model: ScoringModel, options: ScoreOptions): Promise<ScoredIntake> {
  checkOptionKeys("scoredOpenRequests", options, SCORE_OPTION_KEYS);
  const requests = await openRequests(ctx);
  return { requests, scoreboard: scoreRequests(requests, model, options) };
}

/** An open rollout judged at a date: its checklist overview, readiness progress and every gate's evaluation. */
export interface RolloutReadiness extends RolloutOverview {
  /** Readiness overall, per phase and per category at the date. */
  readonly readiness: ReadinessProgress;
  /** Each gate evaluated at the date (GO / CONDITIONAL GO / NO-GO with what blocks). */
  readonly gateEvaluations: readonly GateEvaluation[];
}

/** @internal Open rollouts with readiness and gate evaluations at `options.asOf` (the overview judged that day too). */
export async function rolloutReadiness(ctx: PmoContext, options: ReadinessOptions): Promise<RolloutReadiness[]> {
  const overviews = await rolloutOverviews(ctx, options);
  return overviews.map(({ overview, items }) => {
    const plan: RolloutPlan = overview.plan;
    return {
      ...overview,
      readiness: readinessProgress(items, options),
      gateEvaluations: overview.gates.map((g) => evaluateGate({ plan, items, gates: overview.gates }, g.id, options)),
    };
  });
}
