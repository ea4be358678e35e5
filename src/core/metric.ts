import { PmoDecimal, type Decimal } from "./decimal.js";
import { ValidationError } from "./errors.js";

/**
 * Every reason pmokit's calculators give for a missing figure (see {@link MetricReason} for what each means).
 *
 * @example
 * ```ts
 * METRIC_REASONS.includes("before-start"); // true
 * ```
 */
export const METRIC_REASONS = [
  // Zero denominators.
  "ac-is-zero", "pv-is-zero", "ev-is-zero", "bac-is-zero", "cost-is-zero", "objective-is-zero", "divisor-is-zero",
  // Earned value and earned schedule.
  "before-start", "no-baseline", "ac-is-negative", "ev-exceeds-bac", "bac-unattainable", "no-estimate", "no-eac", "complete",
  "past-planned-finish", "no-working-days", "beyond-horizon", "project-level-only", "no-baseline-rate",
  // Observations and inputs.
  "no-data", "not-supplied", "not-rated", "unknown-period", "missing-rating", "score-out-of-range", "negative-score", "infeasible",
  "forced-out", "not-re-solved", "time-limit", "no-scope", "no-cost-estimate", "no-effort-estimate",
  // Schedule.
  "constant-duration", "no-earned-schedule",
  // Finance (IRR, payback, annuities).
  "too-few-flows", "no-positive-flow", "no-negative-flow", "no-sign-change", "no-root-found", "never-pays-back",
  "nper-is-zero", "pmt-is-zero", "no-solution", "no-convergence",
  // KPIs, rollout and risk.
  "no-events", "no-failures", "no-agreed-service-time", "no-capacity", "no-responses", "nothing-planned", "no-active-projects",
  "no-changes", "no-incidents", "no-target", "no-attempts", "no-applicable-items", "no-planned-date", "no-cost-impact",
  "not-yet-raised",
] as const;

/**
 * Why a figure could not be computed. pmokit's calculators use only the reasons below (also listed at run time in
 * `METRIC_REASONS`); you may use your own strings too.
 *
 * Zero denominators:
 * - `ac-is-zero`, `pv-is-zero`, `ev-is-zero`, `bac-is-zero`: an earned-value ratio whose AC, PV, EV or BAC is zero
 *   (`ev-is-zero` also: SPI(t) or CPI is 0, so no forecast extrapolates from it; nothing earned yet for ES date and P-factor).
 * - `cost-is-zero`: a benefit–cost ratio with no cost. `objective-is-zero`: a relative gap with a zero objective.
 * - `divisor-is-zero`: any other ratio whose denominator is zero (e.g. EAC does not exceed AC in TCPI(EAC)).
 *
 * Earned value and earned schedule:
 * - `before-start`: the status date is before the baseline start (or before the work began), so no index has a figure yet.
 * - `no-baseline`: the figure needs a baseline and none was captured (or the package is not in it).
 * - `ac-is-negative`: AC is a net credit (refunds larger than the costs to date), so CPI and what rests on it (CSI,
 *   EAC₁, EAC₃, EAC₅ and their ETC and VAC, IEAC(t) by SPI(t) · CPI) mean nothing.
 * - `ev-exceeds-bac`: earned value above the budget at completion.
 * - `bac-unattainable`: AC has reached BAC with work left, so no performance can meet BAC (TCPI against BAC).
 * - `no-estimate`: bottom-up EAC, but an unfinished package has no estimate to complete as of the status date.
 * - `no-eac`: no EAC method in the policy's order has a figure (selected EAC, TCPI(EAC), EAC range).
 * - `complete`: all value is earned, so a to-complete index (TSPI) has nothing left to measure.
 * - `past-planned-finish`: the planned finish has passed (TSPI against the planned duration: use `tspiEd`).
 * - `no-working-days`: the calendar has no working day in the span the figure is measured over.
 * - `beyond-horizon`: a forecast date more than ~200 years out is not dated.
 * - `project-level-only`: earned schedule is per project, so a package has no EAC₅.
 * - `no-baseline-rate`: an actual in another currency has no exchange rate in force on the baseline capture date, so
 *   its cost at baseline rates, and the CV split into performance and FX parts, are unknown.
 *
 * Observations and inputs:
 * - `no-data`: there were no observations in the period. `not-supplied`: a figure a rule reads was not given.
 * - `not-rated`: a RAG dimension without a colour. `unknown-period`: a period label without a year (or, where flows are discounted per period, not a year, half-year, quarter or month, or of another length than the request's other labels).
 * - `missing-rating`, `score-out-of-range`: a request could not be scored (a rating is missing; a score exceeds the
 *   model's range). `negative-score`: a risk-adjusted model's score before the adjustment is below 0, where
 *   multiplying by a confidence would raise it (less confidence, better rank). `infeasible`: the selection problem has no feasible solution. `forced-out`: a candidate forced
 *   out of the portfolio has no objective lost (or, under `normalizeOver: "candidates"`, a request a gate forced out has no score). `not-re-solved`: a "why not" beyond the re-solve budget (its blocking
 *   rows are named instead). `time-limit`: an efficient-frontier level the time limit left unsolved. `no-scope`: an agile release with no story points planned. `no-cost-estimate`,
 *   `no-effort-estimate`: a request without cost (or effort) estimates has no total cost, net benefit, NPV (or effort
 *   hours) — unknown, not 0.
 *
 * Schedule: `constant-duration` (an activity whose duration never varies has no sensitivity or cruciality),
 * `no-earned-schedule` (the forecast table was given no earned-schedule finish to compare with).
 *
 * Finance: `too-few-flows`, `no-positive-flow`, `no-negative-flow`, `no-sign-change`, `no-root-found` (IRR has no
 * answer), `never-pays-back` (cumulative cash flow never turns positive); annuities: `nper-is-zero` (no periods),
 * `pmt-is-zero` (no payment at rate 0), `no-solution` (no rate, payment or term meets the terms), `no-convergence`
 * (the rate search did not settle).
 *
 * KPIs, rollout and risk: `no-events` (no good/total events for an error budget), `no-failures` (MTBF without a
 * failure), `no-agreed-service-time`, `no-capacity`, `no-responses`, `nothing-planned`, `no-active-projects`,
 * `no-changes`, `no-incidents`, `no-target` (no users targeted), `no-attempts` (no installs attempted),
 * `no-applicable-items` (readiness without applicable items), `no-planned-date` (a go/no-go gate without a planned
 * date whose day cannot be told from its scope's due dates), `no-cost-impact` (EMV of a risk without a cost impact),
 * `not-yet-raised` (EMV of a risk as of a day before it was raised).
 */
export type MetricReason = (typeof METRIC_REASONS)[number] | (string & {});

/** A computed figure. */
export interface MetricValue<T> {
  /** The figure. */
  readonly value: T;
  /** Always `undefined` on a value. */
  readonly reason?: undefined;
}

/**
 * The typed reason why a figure is missing. It has no `value` key at all (`"value" in m` is false, and a JSON
 * rendering shows only the reason); reading `m.value` gives `undefined`.
 */
export interface MetricMissing<R extends string = MetricReason> {
  /** Never present: there is no figure. */
  readonly value?: never;
  /** Why there is no figure. */
  readonly reason: R;
  /** Optional plain-words detail, e.g. which package caused it. */
  readonly detail?: string;
}

/**
 * A figure or the typed reason why there is none. Never NaN, never Infinity, never a 0 that means "unknown".
 *
 * @example
 * ```ts
 * const cpi: Metric<Decimal> = ac.isZero() ? missing("ac-is-zero") : metric(ev.div(ac));
 * if (hasValue(cpi)) console.log(cpi.value.toFixed(2)); else console.log(cpi.reason);
 * ```
 */
export type Metric<T, R extends string = MetricReason> = MetricValue<T> | MetricMissing<R>;

/**
 * Wraps a computed figure.
 *
 * @example
 * ```ts
 * metric(decimal("0.95")); // { value: Decimal(0.95) }
 * ```
 */
export function metric<T>(value: T): MetricValue<T> {
  return { value };
}

/**
 * A missing figure with its reason.
 *
 * @example
 * ```ts
 * missing("pv-is-zero", "no work was planned before the status date");
 * // { reason: "pv-is-zero", detail: "…" } — no `value` key
 * ```
 */
export function missing<R extends string = MetricReason>(reason: R, detail?: string): MetricMissing<R> {
  return detail === undefined ? { reason } : { reason, detail };
}

/**
 * True when the metric carries a figure.
 *
 * @example
 * ```ts
 * if (hasValue(spi)) chart.push(spi.value);
 * ```
 */
export function hasValue<T, R extends string>(m: Metric<T, R>): m is MetricValue<T> {
  if (typeof m !== "object" || m === null) {
    throw ValidationError.single(["metric"], "expected a Metric ({ value } or { reason })", "metric");
  }
  return m.reason === undefined;
}

function checkFunction(fn: unknown, subject: string): void {
  if (typeof fn !== "function") throw ValidationError.single(["fn"], "expected a function", subject);
}

/**
 * Applies `fn` to the figure; a missing metric passes through unchanged.
 *
 * @example
 * ```ts
 * const pct = mapMetric(cpi, (v) => v.times(100));
 * ```
 */
export function mapMetric<T, U, R extends string>(m: Metric<T, R>, fn: (value: T) => U): Metric<U, R> {
  checkFunction(fn, "mapMetric");
  return hasValue(m) ? metric(fn(m.value)) : m;
}

/**
 * Chains a computation that may itself be missing.
 *
 * @example
 * ```ts
 * const eac = flatMapMetric(cpi, (c) => ratio(bac, c, "divisor-is-zero"));
 * ```
 */
export function flatMapMetric<T, U, R extends string, R2 extends string>(
  m: Metric<T, R>,
  fn: (value: T) => Metric<U, R2>,
): Metric<U, R | R2> {
  checkFunction(fn, "flatMapMetric");
  return hasValue(m) ? fn(m.value) : m;
}

/** The figures of a tuple of metrics, position by position (what `combineMetrics` hands to its function). */
export type MetricValues<M extends readonly Metric<unknown, string>[]> = {
  [K in keyof M]: M[K] extends Metric<infer T, string> ? T : never;
};
/** The union of the reasons a tuple of metrics may carry. */
export type MetricReasons<M extends readonly Metric<unknown, string>[]> = M[number] extends Metric<unknown, infer R> ? R : never;

/**
 * Combines several metrics: when all have figures, `fn` receives them in order; otherwise the first missing one
 * (in argument order) is returned, so the reason reported is deterministic.
 *
 * @example
 * ```ts
 * const eac = combineMetrics([cpi, spi], (c, s) => ac.plus(bac.minus(ev).div(c.times(s))));
 * ```
 */
export function combineMetrics<const M extends readonly Metric<unknown, string>[], U>(
  metrics: M,
  fn: (...values: MetricValues<M>) => U,
): Metric<U, MetricReasons<M>> {
  if (!Array.isArray(metrics)) throw ValidationError.single(["metrics"], "expected an array of Metrics", "combineMetrics");
  checkFunction(fn, "combineMetrics");
  for (const m of metrics) {
    if (!hasValue(m)) return m as MetricMissing<MetricReasons<M>>;
  }
  return metric(fn(...(metrics.map((m) => m.value) as MetricValues<M>)));
}

/**
 * The figure, or `fallback` when it is missing. Use at the edge (display), not inside calculations.
 *
 * @example
 * ```ts
 * metricOr(cpi, null); // Decimal or null
 * ```
 */
export function metricOr<T, F>(m: Metric<T, string>, fallback: F): T | F {
  return hasValue(m) ? m.value : fallback;
}

/**
 * `numerator ÷ denominator` as a metric: a zero denominator gives `reason` instead of Infinity or NaN, and a zero
 * numerator gives plain 0 (never −0, whatever the denominator's sign).
 * The quotient is computed at pmokit's decimal precision (34 significant digits).
 *
 * @example
 * ```ts
 * ratio(ev, ac, "ac-is-zero"); // CPI, or { reason: "ac-is-zero" }
 * ```
 */
export function ratio<R extends string>(numerator: Decimal, denominator: Decimal, reason: R): Metric<Decimal, R> {
  for (const [name, d] of [["numerator", numerator], ["denominator", denominator]] as const) {
    if (!PmoDecimal.isDecimal(d) || !d.isFinite()) throw ValidationError.single([name], "expected a finite Decimal", "ratio");
  }
  if (typeof reason !== "string") throw ValidationError.single(["reason"], "expected a reason string", "ratio");
  if (denominator.isZero()) return missing(reason);
  // 0 ÷ a negative is −0 in decimal.js; a ratio reads plain 0.
  return metric(numerator.isZero() ? new PmoDecimal(0) : numerator.div(denominator));
}
