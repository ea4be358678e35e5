import { decimal, metric, missing, ValidationError, type Decimal, type DecimalInput, type IsoDate, type Metric } from "../core/index.js";
import { checkPeriod, inPeriod, type KpiPeriod } from "./period.js";

function sloOf(slo: DecimalInput, subject: string): Decimal {
  let d: Decimal;
  try {
    d = decimal(slo);
  } catch {
    throw ValidationError.single(["slo"], "the SLO is a decimal fraction such as 0.999", subject);
  }
  if (!d.gt(0) || !d.lt(1)) throw ValidationError.single(["slo"], "the SLO is a fraction above 0 and below 1 (0.999 for 99.9%)", subject);
  return d;
}

/**
 * Error budget of an SLO over a window: (1 − SLO) × window, in minutes. 99.9% over 30 days is 43.2 minutes.
 * With `badMinutes` (downtime or bad minutes observed so far) it also gives the share consumed and what remains.
 *
 * @throws {ValidationError} when the SLO is not strictly between 0 and 1 or the window is not a positive number of days.
 * @example
 * ```ts
 * errorBudget({ slo: "0.999", windowDays: 30 }).budgetMinutes.toFixed(); // "43.2"
 * ```
 */
export function errorBudget(options: { readonly slo: DecimalInput; readonly windowDays: number; readonly badMinutes?: DecimalInput }): {
  readonly budgetMinutes: Decimal;
  readonly consumedPercent: Metric<Decimal>;
  readonly remainingMinutes: Metric<Decimal>;
} {
  const slo = sloOf(options.slo, "error budget");
  if (!Number.isInteger(options.windowDays) || options.windowDays <= 0) {
    throw ValidationError.single(["windowDays"], "the window is a positive whole number of days", "error budget");
  }
  const budget = decimal(1).minus(slo).times(options.windowDays * 1440);
  if (options.badMinutes === undefined) return { budgetMinutes: budget, consumedPercent: missing("not-supplied"), remainingMinutes: missing("not-supplied") };
  const bad = decimal(options.badMinutes);
  return { budgetMinutes: budget, consumedPercent: metric(bad.times(100).div(budget)), remainingMinutes: metric(budget.minus(bad)) };
}

/** Request counts of one bucket (a day, an hour ending on that day). */
export interface RequestBucket {
  /** Day of the bucket (the period filter reads it). */
  readonly date: IsoDate;
  /** Requests (or events) in the bucket. */
  readonly total: number;
  /** Failed or too-slow requests in the bucket. */
  readonly bad: number;
}

/**
 * Error-budget burn rate: observed error rate ÷ (1 − SLO), over the buckets in the period. A burn rate of 1 spends
 * the budget exactly over the window; 14.4 spends a 30-day budget in about two days. Also gives the
 * request-based availability (good ÷ total).
 *
 * @throws {ValidationError} for a bad SLO or period, or a bucket with negative counts or more bad than total.
 * @example
 * ```ts
 * burnRate([{ date: isoDate("2026-11-20"), total: 100_000, bad: 500 }], { slo: "0.999" }).burnRate; // 5
 * ```
 */
export function burnRate(
  buckets: readonly RequestBucket[],
  options: { readonly slo: DecimalInput; readonly period?: KpiPeriod },
): { readonly burnRate: Metric<Decimal>; readonly errorRate: Metric<Decimal>; readonly availabilityPercent: Metric<Decimal>; readonly total: number; readonly bad: number } {
  const slo = sloOf(options.slo, "burn rate");
  checkPeriod(options.period);
  const issues = buckets.flatMap((b, i) =>
    Number.isInteger(b.total) && Number.isInteger(b.bad) && b.bad >= 0 && b.bad <= b.total
      ? []
      : [{ path: [i], message: "counts are whole numbers with 0 ≤ bad ≤ total", code: "custom" }],
  );
  if (issues.length > 0) throw new ValidationError(issues, "burn rate");
  const inside = buckets.filter((b) => inPeriod(b.date, options.period));
  const total = inside.reduce((s, b) => s + b.total, 0);
  const bad = inside.reduce((s, b) => s + b.bad, 0);
  if (total === 0) return { burnRate: missing("no-events"), errorRate: missing("no-events"), availabilityPercent: missing("no-events"), total, bad };
  const errorRate = decimal(bad).div(total);
  return {
    burnRate: metric(errorRate.div(decimal(1).minus(slo))),
    errorRate: metric(errorRate),
    availabilityPercent: metric(decimal(total - bad).times(100).div(total)),
    total,
    bad,
  };
}
