import { ValidationError, divideToScale, minorUnits, isIsoDate, metric, missing, money, toEpochDay, type Decimal, type IsoDate, type Metric, type Money, type ValidationIssue, checkArguments, checkOptionKeys } from "../core/index.js";
import { describeValue } from "../core/describe.js";
import type { CostEntry, Project } from "../entities/index.js";
import { fromMinor, magnitudeCounter, toMinor } from "./exact.js";
import type { Period } from "./period-grid.js";
import type { FxRate } from "./types.js";
import { checkFxRates, rateOn } from "./fx-table.js";

/** Planned vs actual vs forecast for one cost category in one period. */
export interface BudgetVarianceLine {
  /** Period label (as on the budget lines). */
  readonly period: string;
  /** Cost category. */
  readonly category: string;
  /** Budgeted. */
  readonly planned: Money;
  /** Booked up to the status date. */
  readonly actual: Money;
  /** Forecast: actual for closed periods, max(planned, actual) for the open one, planned for future ones. */
  readonly forecast: Money;
  /** planned − forecast (negative: overspend). */
  readonly variance: Money;
  /** variance / planned × 100, rounded to 4 decimals half-even (`divisor-is-zero` when nothing was planned). */
  readonly variancePercent: Metric<Decimal>;
}

/**
 * Budget variance by cost category and period: the project's budget lines against actual cost entries bucketed by
 * the periods you give (label them like the budget lines, e.g. `fiscalQuarters(2026, 2027)`), with a forecast and
 * percent. Entries after the status date are left out; entries in another currency need their own rate or `fxRates`.
 *
 * @throws {ValidationError} for a missing status date, a budget line whose period is not in `periods`, an actual
 *   in another currency without a rate, a bad `fxRates` row, or periods with a repeated label, bad dates or an overlap.
 * @example
 * ```ts
 * const lines = budgetVariance(project, costEntries, { statusDate: "2026-11-20", periods: fiscalQuarters(2026, 2027).periods });
 * lines.filter((l) => l.variance.amount.isNegative());
 * ```
 */
export function budgetVariance(
  project: Pick<Project, "id" | "budget">,
  costEntries: readonly CostEntry[],
  options: { readonly statusDate: IsoDate | string; readonly periods: readonly Period[]; readonly fxRates?: readonly FxRate[] },
): readonly BudgetVarianceLine[] {
  checkArguments("budgetVariance", { project: [project, "object"], costEntries: [costEntries, "object[]"], options: [options, "object"] });
  checkOptionKeys("budgetVariance", options, { statusDate: 1, periods: 1, fxRates: 1 } satisfies Record<keyof NonNullable<Parameters<typeof budgetVariance>[2]>, 1>);
  checkArguments("budgetVariance", { budget: [project.budget, "object"], periods: [options.periods, "object[]"] });
  if (!isIsoDate(options.statusDate)) throw ValidationError.single(["statusDate"], "a status date (YYYY-MM-DD) is required", "budget variance");
  const cur = project.budget.currency;
  const t = options.statusDate;
  const key = (p: string, c: string) => `${p}\u0000${c}`;
  const planned = new Map<string, number>();
  const actual = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  const fx = checkFxRates(options.fxRates, issues);
  checkPeriods(options.periods, issues);
  const counted = magnitudeCounter(issues);
  const labels = new Set(options.periods.map((p) => p.label));
  project.budget.lines.forEach((l, i) => {
    if (!labels.has(l.period)) { issues.push({ path: ["budget", "lines", i, "period"], message: `period ${l.period} is not in the grid`, code: "custom" }); return; }
    planned.set(key(l.period, l.category), (planned.get(key(l.period, l.category)) ?? 0) + counted(toMinor(l.amount, ["budget", "lines", i, "amount"], "budget variance"), ["budget", "lines", i, "amount"]));
  });
  costEntries.forEach((c, i) => {
    if (c.projectId !== project.id || c.date > t) return;
    const period = options.periods.find((p) => p.start <= c.date && c.date <= p.finish);
    if (!period) { issues.push({ path: ["costEntries", i, "date"], message: "no period covers this date", code: "custom" }); return; }
    let amount = c.amount;
    if (c.amount.currency !== cur) {
      const rate = c.fxRate?.currency === cur ? c.fxRate.rate : rateOn(fx, c.amount.currency, cur, c.date);
      if (rate === undefined) { issues.push({ path: ["costEntries", i, "amount", "currency"], message: `needs a rate to ${cur}`, code: "custom" }); return; }
      amount = money(c.amount.amount.times(rate).toDecimalPlaces(minorUnits(cur)), cur);
    }
    const k = key(period.label, c.category);
    actual.set(k, (actual.get(k) ?? 0) + counted(toMinor(amount, ["costEntries", i, "amount"], "budget variance"), ["costEntries", i, "amount"]));
  });
  if (issues.length) throw new ValidationError(issues, "budget variance");
  const out: BudgetVarianceLine[] = [];
  const tDay = toEpochDay(t as IsoDate);
  for (const p of options.periods) {
    const cats = new Set([...planned.keys(), ...actual.keys()].filter((k) => k.startsWith(`${p.label}\u0000`)).map((k) => k.split("\u0000")[1] as string));
    for (const category of [...cats].sort()) {
      const pl = planned.get(key(p.label, category)) ?? 0;
      const ac = actual.get(key(p.label, category)) ?? 0;
      const closed = toEpochDay(p.finish) <= tDay;
      const open = !closed && toEpochDay(p.start) <= tDay;
      const fc = closed ? ac : open ? Math.max(pl, ac) : pl;
      const v = pl - fc;
      out.push({
        period: p.label, category, planned: fromMinor(pl, cur), actual: fromMinor(ac, cur), forecast: fromMinor(fc, cur), variance: fromMinor(v, cur),
        variancePercent: pl === 0 ? missing("divisor-is-zero", "nothing was planned") : metric(divideToScale(fromMinor(BigInt(v) * 100n, cur).amount, fromMinor(pl, cur).amount, 4, "half-even")),
      });
    }
  }
  return out;
}

/**
 * Periods are buckets: each label once (else its budget lines are listed, and totalled, twice), dates in order, and
 * no two overlapping (an actual in both would count in the first only). Gaps are allowed: an actual in one is reported.
 */
function checkPeriods(periods: readonly Period[], issues: ValidationIssue[]): void {
  const seen = new Map<string, number>();
  const good: { p: Period; i: number }[] = [];
  periods.forEach((p, i) => {
    const bad = (key: string, message: string) => issues.push({ path: ["periods", i, key], message, code: "custom" });
    const before = seen.get(p.label);
    if (before !== undefined) bad("label", `label ${p.label} is already used by period ${before}`);
    seen.set(p.label, before ?? i);
    for (const key of ["start", "finish"] as const) if (!isIsoDate(p[key])) return bad(key, `expected a calendar date YYYY-MM-DD, got ${describeValue(p[key])}`);
    if (p.finish < p.start) return bad("finish", `the finish ${p.finish} is before the start ${p.start}`);
    good.push({ p, i });
  });
  good.sort((a, b) => (a.p.start < b.p.start ? -1 : a.p.start > b.p.start ? 1 : a.i - b.i));
  for (let k = 1; k < good.length; k++) {
    const prev = (good[k - 1] as (typeof good)[number]).p, { p, i } = good[k] as (typeof good)[number];
    if (p.start <= prev.finish) issues.push({ path: ["periods", i, "start"], message: `period ${p.label} overlaps period ${prev.label} (${prev.start}…${prev.finish})`, code: "custom" });
  }
}
