import { decimal, metric, missing, ValidationError, type ValidationIssue, type Decimal, type DecimalInput, type IsoDate, type Metric, checkArguments, checkOptionKeys } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";
import { countOf, sloOf } from "./slo-input.js";
import { checkDates, checkPeriod, inPeriod, type KpiPeriod } from "./period.js";

/**
 * Time-based error budget of an SLO over a window: (1 − SLO) × window, in minutes. 99.9% over 30 days is 43.2
 * minutes. The window is `windowDays` (days of 1 440 minutes) or `windowMinutes` — the time the SLO is actually
 * measured over, such as the `agreedMinutes` of `serviceAvailability` (a month in a zone with daylight saving time,
 * office hours): March 2026 in Berlin is 44 580 minutes, so 99.9% allows 44.58, not 31 × 1.44 = 44.64. With
 * `badMinutes` (downtime or bad minutes observed so far) it also gives the share consumed, what remains and whether
 * the budget is `exhausted` (remaining ≤ 0: the whole budget is spent); with `elapsedMinutes` too (how much of the
 * window has passed), the `burnRate` so far, (bad ÷ elapsed) ÷ (1 − SLO), and the `minutesToExhaustion` at that rate.
 * For a budget counted in requests or events,
 * see {@link requestErrorBudget}.
 *
 * @throws {ValidationError} when the SLO is not strictly between 0 and 1, neither or both of `windowDays` (a positive
 *   whole number of days) and `windowMinutes` (a decimal above 0) are given, `badMinutes` is not a decimal from 0 or
 *   is more than the window,
 *   or `elapsedMinutes` is not above 0 and at most the window, or is less than `badMinutes`.
 * @example
 * ```ts
 * errorBudget({ slo: "0.999", windowDays: 30 }).budgetMinutes.toFixed(); // "43.2"
 * errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 50 }).exhausted; // { value: true }
 * errorBudget({ slo: "0.999", windowDays: 30, badMinutes: "21.6", elapsedMinutes: 14_400 }).burnRate; // { value: 1.5 }
 * const a = serviceAvailability(outages, { service: "erp", ...periodInstants(monthPeriod(2026, 3), { timeZone: "Europe/Berlin" }) });
 * errorBudget({ slo: "0.999", windowMinutes: a.agreedMinutes, badMinutes: a.downtimeMinutes }).budgetMinutes.toFixed(); // "44.58"
 * ```
 */
export function errorBudget(options: {
  readonly slo: DecimalInput;
  readonly windowDays?: number;
  readonly windowMinutes?: DecimalInput;
  readonly badMinutes?: DecimalInput;
  readonly elapsedMinutes?: DecimalInput;
}): {
  readonly budgetMinutes: Decimal;
  readonly consumedPercent: Metric<Decimal>;
  readonly remainingMinutes: Metric<Decimal>;
  readonly exhausted: Metric<boolean>;
  /** (bad ÷ elapsed) ÷ (1 − SLO): 1 spends the budget exactly over the window (`not-supplied` without `elapsedMinutes`). */
  readonly burnRate: Metric<Decimal>;
  /** Remaining ÷ (bad ÷ elapsed): minutes until the budget is spent at the rate so far (0 once spent; `no-failures` with no bad minutes). */
  readonly minutesToExhaustion: Metric<Decimal>;
} {
  checkArguments("errorBudget", { options: [options, "object"] });
  checkOptionKeys("errorBudget", options, { slo: 1, windowDays: 1, windowMinutes: 1, badMinutes: 1, elapsedMinutes: 1 } satisfies Record<keyof NonNullable<Parameters<typeof errorBudget>[0]>, 1>);
  const slo = sloOf(options.slo, "error budget");
  let window: Decimal;
  if (options.windowMinutes !== undefined) {
    if (options.windowDays !== undefined) throw ValidationError.single(["windowMinutes"], "give windowDays or windowMinutes, not both", "error budget");
    window = countOf(options.windowMinutes, ["windowMinutes"], "error budget", false);
    if (window.isZero()) throw ValidationError.single(["windowMinutes"], "the window is more than 0 minutes", "error budget");
  } else {
    if (!Number.isInteger(options.windowDays) || options.windowDays! <= 0) {
      throw ValidationError.single(["windowDays"], "the window is a positive whole number of days (or give windowMinutes)", "error budget");
    }
    window = decimal(options.windowDays! * 1440);
  }
  const budget = decimal(1).minus(slo).times(window);
  const none = missing("not-supplied");
  if (options.badMinutes === undefined) {
    return { budgetMinutes: budget, consumedPercent: none, remainingMinutes: none, exhausted: none, burnRate: none, minutesToExhaustion: none };
  }
  const bad = countOf(options.badMinutes, ["badMinutes"], "error budget", false);
  // Bad minutes are minutes of the window: more than it has is input from another window, not an overspend.
  if (bad.gt(window)) throw ValidationError.single(["badMinutes"], `more bad minutes (${bad.toFixed()}) than the window has (${window.toFixed()})`, "error budget");
  const remaining = budget.minus(bad);
  let burnRate: Metric<Decimal> = none;
  let toExhaustion: Metric<Decimal> = none;
  if (options.elapsedMinutes !== undefined) {
    const elapsed = countOf(options.elapsedMinutes, ["elapsedMinutes"], "error budget", false);
    if (elapsed.isZero() || elapsed.gt(window)) throw ValidationError.single(["elapsedMinutes"], `the elapsed time is above 0 and at most the window (${window.toFixed()} minutes)`, "error budget");
    if (bad.gt(elapsed)) throw ValidationError.single(["badMinutes"], `more bad minutes (${bad.toFixed()}) than have elapsed (${elapsed.toFixed()})`, "error budget");
    const rate = bad.div(elapsed);
    burnRate = metric(bad.div(elapsed.times(decimal(1).minus(slo))));
    toExhaustion = remaining.lte(0) ? metric(decimal(0)) : rate.isZero() ? missing("no-failures", "no bad minutes yet: the budget is not being spent") : metric(remaining.div(rate));
  }
  return { budgetMinutes: budget, consumedPercent: metric(bad.times(100).div(budget)), remainingMinutes: metric(remaining), exhausted: metric(remaining.lte(0)), burnRate, minutesToExhaustion: toExhaustion };
}

/** A request-based (event-based) error budget: good and bad events against what the SLO allows. */
export interface RequestErrorBudget {
  /** Events (requests) counted. */
  readonly totalEvents: Decimal;
  /** Bad events: total − good. */
  readonly badEvents: Decimal;
  /** Bad events the SLO allows: (1 − SLO) × total. */
  readonly allowedBadEvents: Decimal;
  /** Allowed − bad (negative once overspent). */
  readonly remainingBadEvents: Decimal;
  /** Bad ÷ allowed × 100 (`no-events` when there were none). */
  readonly consumedPercent: Metric<Decimal>;
  /** True when the budget is spent: remaining ≤ 0 (`no-events` when there were none). */
  readonly exhausted: Metric<boolean>;
  /** Observed error rate ÷ (1 − SLO) = bad ÷ allowed: 1 spends the budget exactly, above 1 overspends. */
  readonly burnRate: Metric<Decimal>;
  /** Request-based availability: good ÷ total × 100. */
  readonly availabilityPercent: Metric<Decimal>;
}

/**
 * Request-based error budget (SRE): the SLO allows (1 − SLO) × total bad events; consumed = bad ÷ allowed, burn rate
 * = (bad ÷ total) ÷ (1 − SLO), and the budget is `exhausted` once remaining ≤ 0. Counts are whole numbers, exact.
 * The time-based budget in minutes is {@link errorBudget}.
 *
 * @throws {ValidationError} for a bad SLO, a count that is not a whole number from 0, or more good than total events.
 * @example
 * ```ts
 * const b = requestErrorBudget({ slo: "0.999", good: 999_400, total: 1_000_000 });
 * b.allowedBadEvents.toFixed(); // "1000"
 * b.burnRate;                   // { value: Decimal(0.6) }
 * b.exhausted;                  // { value: false }
 * ```
 */
export function requestErrorBudget(options: { readonly slo: DecimalInput; readonly good: DecimalInput; readonly total: DecimalInput }): RequestErrorBudget {
  checkArguments("requestErrorBudget", { options: [options, "object"] });
  checkOptionKeys("requestErrorBudget", options, { slo: 1, good: 1, total: 1 } satisfies Record<keyof NonNullable<Parameters<typeof requestErrorBudget>[0]>, 1>);
  if (typeof options !== "object" || options === null) throw ValidationError.single(["options"], "expected { slo, good, total }", "request error budget");
  const slo = sloOf(options.slo, "request error budget");
  const total = countOf(options.total, ["total"], "request error budget", true);
  const good = countOf(options.good, ["good"], "request error budget", true);
  if (good.gt(total)) throw ValidationError.single(["good"], `more good events (${good.toFixed()}) than total (${total.toFixed()})`, "request error budget");
  const bad = total.minus(good);
  const allowed = decimal(1).minus(slo).times(total);
  const remaining = allowed.minus(bad);
  if (total.isZero()) {
    const none = missing("no-events");
    return { totalEvents: total, badEvents: bad, allowedBadEvents: allowed, remainingBadEvents: remaining, consumedPercent: none, exhausted: none, burnRate: none, availabilityPercent: none };
  }
  return {
    totalEvents: total,
    badEvents: bad,
    allowedBadEvents: allowed,
    remainingBadEvents: remaining,
    consumedPercent: metric(bad.times(100).div(allowed)),
    exhausted: metric(remaining.lte(0)),
    burnRate: metric(bad.div(allowed)),
    availabilityPercent: metric(good.times(100).div(total)),
  };
}

/** Request counts of one bucket (a day, an hour ending on that day). */
export interface RequestBucket {
  /** Optional name of the bucket: a repeated id is refused, so a bucket exported twice is not counted twice. */
  readonly id?: string;
  /** Day of the bucket (the period filter reads it). */
  readonly date: IsoDate;
  /** Requests (or events) in the bucket: a whole number, or its decimal string (`"100000"`). */
  readonly total: number | string;
  /** Failed or too-slow requests in the bucket: a whole number, or its decimal string. */
  readonly bad: number | string;
}

/**
 * Error-budget burn rate: observed error rate ÷ (1 − SLO), over the buckets in the period. A burn rate of 1 spends
 * the budget exactly over the window; 14.4 spends a 30-day budget in about two days. Also gives the
 * request-based availability (good ÷ total).
 *
 * @throws {ValidationError} for a bad SLO or period, a bucket day that is not a date (`[1, "date"]`), a bucket with
 *   counts that are not whole numbers from 0 (a number beyond 2^53 − 1 included; a decimal string is read) or more bad
 *   than total, an `id` that is not a string or is
 *   given twice (`[2, "id"]`, checked across all buckets, not only those in the period), or more than 2^53 − 1
 *   events in all.
 * @example
 * ```ts
 * burnRate([{ date: isoDate("2026-11-20"), total: 100_000, bad: 500 }], { slo: "0.999" }).burnRate; // 5
 * ```
 */
export function burnRate(
  buckets: readonly RequestBucket[],
  options: { readonly slo: DecimalInput; readonly period?: KpiPeriod },
): { readonly burnRate: Metric<Decimal>; readonly errorRate: Metric<Decimal>; readonly availabilityPercent: Metric<Decimal>; readonly total: number; readonly bad: number } {
  checkArguments("burnRate", { buckets: [buckets, "object[]"], options: [options, "object"] });
  checkOptionKeys("burnRate", options, { slo: 1, period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof burnRate>[1]>, 1>);
  const slo = sloOf(options.slo, "burn rate");
  checkPeriod(options.period);
  checkDates(buckets, ["date"], "burn rate");
  // A count is a whole number or its decimal string (as requestErrorBudget takes it). A number beyond 2^53 − 1 is
  // already rounded, and so would be the figures: refused; a longer count is given as a string.
  const count = (v: unknown): Decimal | undefined => {
    if (typeof v === "number" ? !Number.isSafeInteger(v) : typeof v !== "string") return undefined;
    try {
      const d = decimal(v as DecimalInput);
      return d.isInteger() && !d.isNegative() ? d : undefined;
    } catch {
      return undefined;
    }
  };
  const counted = buckets.map((b) => ({ total: count(b.total), bad: count(b.bad) }));
  const issues: ValidationIssue[] = buckets.flatMap((b, i) => [
    ...(counted[i]!.total && counted[i]!.bad?.lte(counted[i]!.total!)
      ? []
      : [{ path: [i], message: "counts are whole numbers with 0 ≤ bad ≤ total", code: "custom" }]),
    ...(b.id === undefined || typeof b.id === "string" ? [] : [{ path: [i, "id"], message: "an id is a string", code: "custom" }]),
  ]);
  // A bucket listed twice (an export repeated after an edit) would count its requests twice; as with outages and
  // kpiRatio records, refused across all buckets so the input does not change meaning with the period.
  issues.push(...duplicateIdIssues(buckets));
  if (issues.length > 0) throw new ValidationError(issues, "burn rate");
  const inside = counted.filter((_, i) => inPeriod(buckets[i]!.date, options.period));
  const sum = (f: "total" | "bad") => inside.reduce((s, b) => s.plus(b[f]!), decimal(0)).toNumber();
  const total = sum("total");
  const bad = sum("bad");
  if (!Number.isSafeInteger(total)) {
    throw ValidationError.single(["total"], "more than 2^53 − 1 events in the period: use requestErrorBudget with decimal counts", "burn rate");
  }
  if (total === 0) return { burnRate: missing("no-events"), errorRate: missing("no-events"), availabilityPercent: missing("no-events"), total, bad };
  const errorRate = decimal(bad).div(total);
  return {
    // One division: (bad ÷ total) ÷ (1 − SLO) rounded twice, off in the 34th digit.
    burnRate: metric(decimal(bad).div(decimal(total).times(decimal(1).minus(slo)))),
    errorRate: metric(errorRate),
    availabilityPercent: metric(decimal(total - bad).times(100).div(total)),
    total,
    bad,
  };
}
