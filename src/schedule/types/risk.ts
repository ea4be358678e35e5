import type { CurrencyCode, Decimal, IsoDate, Metric, Money, PercentileMethod, RoundingMode, WorkingCalendar } from "../../core/index.js";
import type { MilestoneDating, OutOfSequenceRule, ScheduleDecimalInput, ScheduleInput, StartLinkFloat, StartNoLaterThan } from "./network.js";
import type { CorrelationMeasure } from "./risk-correlation.js";

/* Schedule risk (Monte Carlo) inputs and results, and the converter signature. This file only grows. */

/**
 * A duration distribution in working days:
 *
 * - `triangular` (min ≤ mostLikely ≤ max, min < max);
 * - `pert` — PERT-beta on [min, max] with mode `mostLikely`: α = 1 + λ(m − a)/(b − a), β = 1 + λ(b − m)/(b − a),
 *   λ = `lambda` (default 4);
 * - `uniform` (min < max);
 * - `lognormal` — a duration whose mean and standard deviation (in days, > 0) are given.
 *
 * @example
 * ```ts
 * const d: DurationDistribution = { kind: "triangular", min: 4, mostLikely: 5, max: 9 };
 * ```
 */
export type DurationDistribution =
  | { readonly kind: "triangular"; readonly min: ScheduleDecimalInput; readonly mostLikely: ScheduleDecimalInput; readonly max: ScheduleDecimalInput }
  | {
      readonly kind: "pert";
      readonly min: ScheduleDecimalInput;
      readonly mostLikely: ScheduleDecimalInput;
      readonly max: ScheduleDecimalInput;
      readonly lambda?: ScheduleDecimalInput | undefined;
    }
  | { readonly kind: "uniform"; readonly min: ScheduleDecimalInput; readonly max: ScheduleDecimalInput }
  | { readonly kind: "lognormal"; readonly mean: ScheduleDecimalInput; readonly standardDeviation: ScheduleDecimalInput };

/**
 * An activity's uncertain duration.
 *
 * @example
 * ```ts
 * const u: DurationUncertainty = { activityId: "PKG-3", distribution: { kind: "pert", min: 8, mostLikely: 10, max: 16 } };
 * ```
 */
export interface DurationUncertainty {
  /** Activity id. */
  readonly activityId: string;
  /** Its distribution (working days). */
  readonly distribution: DurationDistribution;
}

/**
 * A group of activities whose durations move together: every member takes the same quantile in an iteration
 * (rank correlation 1 within the group). Groups are what {@link RiskCorrelation}s correlate.
 *
 * @example
 * ```ts
 * const g: CorrelationGroup = { id: "backend", activityIds: ["PKG-3", "PKG-4"] };
 * ```
 */
export interface CorrelationGroup {
  /** Group id (must not clash with an activity id). */
  readonly id: string;
  /** Activities in the group (each with a duration uncertainty; an activity belongs to at most one group). */
  readonly activityIds: readonly string[];
}

/**
 * A correlation coefficient between two groups or ungrouped activities, imposed through a Gaussian copula
 * (the coefficient is that of the latent normals, or a Spearman rank correlation: {@link CorrelationMeasure}). The full matrix must be positive semi-definite: it is refused
 * with a ValidationError otherwise, never silently repaired.
 *
 * @example
 * ```ts
 * const c: RiskCorrelation = { between: "backend", and: "PKG-9", coefficient: "0.6" };
 * ```
 */
export interface RiskCorrelation {
  /** A group id or an ungrouped activity id with a duration uncertainty. */
  readonly between: string;
  /** The other group or activity id. */
  readonly and: string;
  /** Coefficient in [−1, 1]. */
  readonly coefficient: ScheduleDecimalInput;
}

/**
 * One impact of a risk event on an activity when the event occurs.
 *
 * @example
 * ```ts
 * const i: RiskImpact = { activityId: "PKG-7", days: 10, cost: "25000" };
 * ```
 */
export interface RiskImpact {
  /** Activity affected. */
  readonly activityId: string;
  /** Working days added to its duration (≥ 0; rounded to whole minutes, so 0 or at least half a minute's worth). */
  readonly days?: ScheduleDecimalInput | undefined;
  /** Duration factor (≥ 1): duration = round(sampled × Π factors of the events that occurred) + Σ their days. */
  readonly factor?: ScheduleDecimalInput | undefined;
  /** Cost added (≥ 0), in the model's currency. */
  readonly cost?: ScheduleDecimalInput | undefined;
}

/**
 * A risk event (e.g. from the RAID register): occurs in an iteration with `probability` (a Bernoulli draw), and then
 * applies all its impacts.
 *
 * @example
 * ```ts
 * const r: RiskEventInput = { id: "R-12", probability: "0.3", impacts: [{ activityId: "PKG-7", days: 10 }] };
 * ```
 */
export interface RiskEventInput {
  /** Risk id. */
  readonly id: string;
  /** Probability of occurrence in [0, 1]. */
  readonly probability: ScheduleDecimalInput;
  /** Impacts when it occurs. */
  readonly impacts: readonly RiskImpact[];
}

/**
 * An activity's cost: `fixed + perDay × sampled duration` (plus risk event costs), in the model's currency.
 *
 * @example
 * ```ts
 * const c: ActivityCost = { activityId: "PKG-3", fixed: "5000", perDay: "1200" };
 * ```
 */
export interface ActivityCost {
  /** Activity id. */
  readonly activityId: string;
  /** Fixed cost (≥ 0). Default 0. */
  readonly fixed?: ScheduleDecimalInput | undefined;
  /** Cost per working day of duration (≥ 0). Default 0. */
  readonly perDay?: ScheduleDecimalInput | undefined;
}

/**
 * A schedule risk model: the network plus uncertainty, correlation, risk events and costs.
 *
 * @example
 * ```ts
 * const model: ScheduleRiskModel = {
 *   network: input,
 *   durations: [{ activityId: "A", distribution: { kind: "triangular", min: 2, mostLikely: 3, max: 6 } }],
 * };
 * ```
 */
export interface ScheduleRiskModel {
  /** The network; activities without a duration uncertainty keep their deterministic duration. */
  readonly network: ScheduleInput;
  /** Duration distributions. */
  readonly durations?: readonly DurationUncertainty[] | undefined;
  /**
   * Groups of activities that move together. Their order (and the order of their members) does not matter: draws
   * follow group and activity ids, so the same groups listed in another order give the same result for a seed.
   */
  readonly groups?: readonly CorrelationGroup[] | undefined;
  /** Correlations between groups / ungrouped activities; one row per pair, in any order (a pair given twice is refused). */
  readonly correlations?: readonly RiskCorrelation[] | undefined;
  /** Risk events. */
  readonly riskEvents?: readonly RiskEventInput[] | undefined;
  /** Activity costs. */
  readonly costs?: readonly ActivityCost[] | undefined;
  /** Currency of all costs; default `"EUR"`. */
  readonly currency?: CurrencyCode | undefined;
}

/**
 * Monte Carlo options, strict: an unknown key is refused at its path (a `ScheduleOptions` object passes as it is).
 *
 * @example
 * ```ts
 * const o: RiskOptions = { iterations: 5000, seed: 42, targetFinish: "2027-06-30", targetCost: "1200000" };
 * ```
 */
export interface RiskOptions {
  /** Iterations (1–1,000,000); default 1,000. */
  readonly iterations?: number | undefined;
  /** PRNG seed (an integer, taken modulo 2³²); default 1. */
  readonly seed?: number | undefined;
  /** Percentiles to report (0–100); default [10, 50, 80, 90]. */
  readonly percentiles?: readonly number[] | undefined;
  /**
   * How a percentile is read from the sorted iterations (the same option as `forecastRange`'s); default
   * `"nearest-rank"`, the smallest simulated value with at least p % of the iterations at or below it (Hyndman–Fan
   * type 1). `"linear"` interpolates as Excel's `PERCENTILE.INC` (type 7), `"exclusive"` as `PERCENTILE.EXC` (type 6).
   * An interpolated finish is rounded up: to a whole minute, then to the first working day of the network calendar
   * on or after it (never past the next iteration's finish day); an interpolated cost is rounded once to the minor
   * unit, by `rounding`. With `"exclusive"`, a percentile outside [100/(N+1), 100·N/(N+1)] for N iterations has no value and
   * is refused (`ValidationError` at `percentiles.i`, naming the iterations it needs). Anything else is refused at
   * `percentileMethod`.
   */
  readonly percentileMethod?: PercentileMethod | undefined;
  /** What a correlation coefficient means: {@link CorrelationMeasure}; default `"latent-normal"`. */
  readonly correlationMeasure?: CorrelationMeasure | undefined;
  /**
   * How every cost figure (deterministic, percentile, mean) is rounded to the currency's minor unit, once, from the
   * iterations' exact minor-unit-minutes: default `"half-even"`, as `roundMoney` and the rest of pmokit's money
   * (1.005 reads 1.00); `"half-up"` (1.01) or any other `RoundingMode` on request. Anything else is refused at
   * `rounding`.
   */
  readonly rounding?: RoundingMode | undefined;
  /**
   * How a milestone reached in its calendar's non-working time counts in each iteration's finish, as
   * `ScheduleOptions.milestoneDating` dates it: `"reached"` (default, the day it is reached) or `"next-working-time"`
   * (MS Project: its calendar's next working morning).
   */
  readonly milestoneDating?: MilestoneDating | undefined;
  /**
   * How an SS or SF link bounds its predecessor's late start when it must start by an instant in its non-working
   * time, in each iteration's criticality, as `ScheduleOptions.startLinkFloat` does: `"exact"` (default, the last
   * working minute before the instant) or `"working-time"` (MS Project: the instant's working-time position, Fri 17:00
   * ≡ Mon 08:00). A one-minute float is critical under the one and not the other. `"working-time"` is stated in the
   * result's `method`. Anything else is refused at `startLinkFloat`.
   */
  readonly startLinkFloat?: StartLinkFloat | undefined;
  /** An SNLT date on a non-working day, in the criticality: `ScheduleOptions.startNoLaterThan` (default `"working-time"`). */
  readonly startNoLaterThan?: StartNoLaterThan | undefined;
  /** Out-of-sequence progress of every run: `ScheduleOptions.outOfSequence` (default `"retained-logic"`). */
  readonly outOfSequence?: OutOfSequenceRule | undefined;
  /** Critical in an iteration = total float ≤ this many working days, as `ScheduleOptions.criticalDays` (default 0). */
  readonly criticalDays?: ScheduleDecimalInput | undefined;
  /** Late dates (so criticality) from this day's evening in every run, as `ScheduleOptions.finishBy`. */
  readonly finishBy?: string | undefined;
  /** Date for P(finish ≤ date); not before the network's `projectStart` (refused at `targetFinish`). */
  readonly targetFinish?: string | undefined;
  /** Cost (≥ 0; refused at `targetCost` otherwise) for P(cost ≤ cost) and the joint confidence with `targetFinish`. */
  readonly targetCost?: ScheduleDecimalInput | undefined;
  /** Bins of the finish-date histogram; default 20. */
  readonly histogramBins?: number | undefined;
  /** Called every ~1% of iterations with (done, total), for progress bars. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * A percentile of the finish date and cost.
 *
 * @example
 * ```ts
 * `P${p.percent}: ${p.finish}, ${p.cost.amount.toFixed(2)} ${p.cost.currency}`;
 * ```
 */
export interface RiskPercentile {
  /** Percent (e.g. 80 for P80). */
  readonly percent: number;
  /** Finish date at that percentile. */
  readonly finish: IsoDate;
  /** Cost at that percentile. */
  readonly cost: Money;
}

/**
 * Per-activity risk figures.
 *
 * - `criticalityIndex`: share of iterations in which the activity was critical (total float ≤ 0);
 * - `durationCorrelation`: Pearson correlation of its sampled duration with the project duration;
 * - `cruciality`: criticality index × duration correlation (PRA's cruciality);
 * - `sensitivity`: Spearman rank correlation of its sampled duration with the project duration (the tornado figure).
 *
 * Activities with a constant duration have no correlation: a Metric with reason `constant-duration`.
 *
 * @example
 * ```ts
 * `${a.id}: critical in ${a.criticalityIndex.times(100).toFixed(1)}% of runs`;
 * ```
 */
export interface ActivityRisk {
  /** Activity id. */
  readonly id: string;
  /** Share of iterations critical, 0–1 (4 decimals). */
  readonly criticalityIndex: Decimal;
  /** Pearson correlation of duration with project duration (4 decimals). */
  readonly durationCorrelation: Metric<Decimal>;
  /** Criticality × duration correlation (4 decimals). */
  readonly cruciality: Metric<Decimal>;
  /** Spearman rank correlation of duration with project duration (4 decimals). */
  readonly sensitivity: Metric<Decimal>;
  /** Mean sampled duration, working days (2 decimals). */
  readonly meanDuration: Decimal;
}

/**
 * One bar of the finish-date distribution.
 *
 * @example
 * ```ts
 * `${b.from}–${b.to}: ${b.count} runs, cumulative ${b.cumulative.toFixed(3)}`;
 * ```
 */
export interface FinishHistogramBin {
  /** First finish date in the bin. */
  readonly from: IsoDate;
  /** Last finish date in the bin. */
  readonly to: IsoDate;
  /** Iterations finishing in the bin. */
  readonly count: number;
  /** Share of iterations finishing on or before `to`, 0–1. */
  readonly cumulative: Decimal;
}

/**
 * The conventions a Monte Carlo schedule risk analysis ran under (`ScheduleRiskResult.conventions`), each the option
 * given or its default.
 *
 * @example
 * ```ts
 * analyseScheduleRisk(model, { startLinkFloat: "working-time" }).conventions;
 * // { milestoneDating: "reached", startLinkFloat: "working-time", startNoLaterThan: "working-time",
 * //   outOfSequence: "retained-logic", criticalDays: Decimal(0), percentileMethod: "nearest-rank",
 * //   correlationMeasure: "latent-normal", rounding: "half-even" }
 * ```
 */
export interface RiskConventions {
  /** How a milestone reached in its calendar's non-working time counts (`RiskOptions.milestoneDating`, default `"reached"`). */
  readonly milestoneDating: MilestoneDating;
  /** How SS and SF links bound a predecessor's late start in the criticality (`RiskOptions.startLinkFloat`, default `"exact"`). */
  readonly startLinkFloat: StartLinkFloat;
  /** How an SNLT date on a non-working day bounds the late start (`RiskOptions.startNoLaterThan`, default `"working-time"`). */
  readonly startNoLaterThan: StartNoLaterThan;
  /** Out-of-sequence progress rule (`RiskOptions.outOfSequence`, default `"retained-logic"`). */
  readonly outOfSequence: OutOfSequenceRule;
  /** Critical = total float ≤ this many working days (`RiskOptions.criticalDays`, default 0). */
  readonly criticalDays: Decimal;
  /** How percentiles were read (`RiskOptions.percentileMethod`, default `"nearest-rank"`). */
  readonly percentileMethod: PercentileMethod;
  /** What the correlation coefficients meant (`RiskOptions.correlationMeasure`, default `"latent-normal"`). */
  readonly correlationMeasure: CorrelationMeasure;
  /** How costs were rounded to the minor unit (`RiskOptions.rounding`, default `"half-even"`). */
  readonly rounding: RoundingMode;
}

/**
 * The result of a Monte Carlo schedule risk analysis; the same model, options and seed give the same result.
 *
 * @example
 * ```ts
 * const r = analyseScheduleRisk(model, { iterations: 5000, seed: 7 });
 * r.percentiles.find((p) => p.percent === 80)?.finish;
 * ```
 */
export interface ScheduleRiskResult {
  /** Iterations run. */
  readonly iterations: number;
  /** Seed used. */
  readonly seed: number;
  /** PRNG and samplers, stated ("xoshiro128**; normals by Box–Muller; …"), the percentile convention included. */
  readonly method: string;
  /** The percentile convention the percentiles were read by (`options.percentileMethod`, default `"nearest-rank"`). */
  readonly percentileMethod: PercentileMethod;
  /** How the cost figures were rounded to the minor unit (`options.rounding`, default `"half-even"`). */
  readonly rounding: RoundingMode;
  /**
   * The conventions the simulation ran under, stated as `scheduleNetwork`'s `result.conventions` states them:
   * `milestoneDating`, `startLinkFloat`, `startNoLaterThan`, `outOfSequence`, `criticalDays`, `percentileMethod` and
   * `rounding` (the last two also as fields of their own).
   */
  readonly conventions: RiskConventions;
  /** The deterministic (CPM) finish and cost. */
  readonly deterministicFinish: IsoDate;
  /** Deterministic cost (durations as given, no risk events). */
  readonly deterministicCost: Money;
  /** Percentiles of finish and cost (each computed on its own marginal distribution). */
  readonly percentiles: readonly RiskPercentile[];
  /** Mean finish date (rounded to the nearest day) and mean cost. */
  readonly meanFinish: IsoDate;
  /** Mean cost. */
  readonly meanCost: Money;
  /** P(finish ≤ targetFinish); missing with reason `no-target` when no target was given. */
  readonly probabilityOfFinish: Metric<Decimal>;
  /** P(cost ≤ targetCost). */
  readonly probabilityOfCost: Metric<Decimal>;
  /** Joint confidence: P(finish ≤ targetFinish and cost ≤ targetCost). */
  readonly jointConfidence: Metric<Decimal>;
  /** Per activity, input order. */
  readonly activities: readonly ActivityRisk[];
  /** Activities ranked by |sensitivity| (descending, then id), those without a figure left out. */
  readonly tornado: readonly { readonly id: string; readonly sensitivity: Decimal }[];
  /** Finish-date histogram with the cumulative curve. */
  readonly histogram: readonly FinishHistogramBin[];
  /** How often each risk event occurred (share of iterations, 4 decimals). */
  readonly riskEvents: readonly { readonly id: string; readonly occurrence: Decimal }[];
}

/**
 * The signature of a converter from stored records (work packages, dependencies, resources…) to a scheduling input.
 * The io, report and CLI layers implement it; the calculators only see {@link ScheduleInput}.
 *
 * @example
 * ```ts
 * const fromPlan: ScheduleInputConverter<{ packages: WorkPackage[] }> = (src, ctx) => ({
 *   projectStart: ctx.projectStart,
 *   activities: src.packages.map((p) => ({ id: p.id, duration: 5 })),
 * });
 * ```
 */
export type ScheduleInputConverter<Source> = (
  source: Source,
  context: { readonly projectStart: string; readonly calendar?: WorkingCalendar | undefined; readonly statusDate?: string | undefined },
) => ScheduleInput;
