import {
  addDays,
  compareMoney,
  decimal,
  differenceInDays,
  metric,
  missing,
  multiplyMoney,
  sumMoney,
  ValidationError,
  type CurrencyCode,
  type Decimal,
  type DecimalInput,
  type IsoDate,
  type Metric,
  type Money, checkArguments, checkOptionKeys, moneyToString, subtractMoney
} from "../core/index.js";
import { checkDates, checkDayRows, checkPeriod, checkRecordIds, inPeriod, kpiRatio, type KpiPeriod, type KpiRatio } from "./period.js";

/** A closed project, for the delivery KPIs. */
export interface ClosedProject {
  /** Project id. */
  readonly id: string;
  /** Day the project closed (the period filter reads it). */
  readonly closedOn: IsoDate;
  /** Baseline planned finish. */
  readonly baselineFinish?: IsoDate;
  /** Actual finish. */
  readonly actualFinish?: IsoDate;
  /** Approved budget (BAC). */
  readonly budget?: Money;
  /** Actual cost at completion. */
  readonly actualCost?: Money;
}

/** One project's check in a delivery KPI: whether it met the definition and the figures that decided it. */
export interface DeliveryCheck {
  /** Project id. */
  readonly id: string;
  /** True when it met the definition, false when not; absent when it could not be measured (`unmeasured`). */
  readonly met?: boolean;
  /** The rule with its figures (`PRJ-B: finished 2026-03-12 > 2026-03-10 (baseline 2026-03-05 + 5 days): late, …`). */
  readonly rule: string;
}

/**
 * On-time delivery %: projects closed in the period whose actual finish ≤ baseline finish + tolerance, ÷ projects
 * closed in the period. Projects without both dates are left out of both counts and listed in `unmeasured`. Each
 * project closed in the period has its `checks` entry: the limit (baseline + tolerance) and, when late, the days
 * after the baseline. With no
 * project closed in the period the percentage is missing with `no-data`; with projects closed but none measurable,
 * `no-baseline` when none has a baseline finish, else `not-supplied` (its detail names what each project lacks).
 *
 * @throws {ValidationError} for a bad period, tolerance, or a `closedOn`, `baselineFinish` or `actualFinish` that is not a
 *   calendar date `YYYY-MM-DD` (`[2, "actualFinish"]`), or a project id given twice (`[2, "id"]`).
 * @example
 * ```ts
 * onTimeDelivery(closed, { period: { from: isoDate("2026-01-01"), to: isoDate("2026-12-31") }, toleranceDays: 5 }).percent;
 * ```
 */
export function onTimeDelivery(
  projects: readonly ClosedProject[],
  options: { readonly period?: KpiPeriod; readonly toleranceDays?: number } = {},
): KpiRatio & { readonly unmeasured: readonly string[]; readonly checks: readonly DeliveryCheck[] } {
  checkArguments("onTimeDelivery", { projects: [projects, "object[]"], options: [options, "object?"] });
  checkOptionKeys("onTimeDelivery", options, { period: 1, toleranceDays: 1 } satisfies Record<keyof NonNullable<Parameters<typeof onTimeDelivery>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(projects, ["closedOn"], "closed projects", ["baselineFinish", "actualFinish"]);
  checkRecordIds(projects, "closed projects");
  const tol = options.toleranceDays ?? 0;
  if (!Number.isInteger(tol) || tol < 0) throw ValidationError.single(["toleranceDays"], "tolerance is a whole number of days from 0", "on-time delivery");
  const met: string[] = [];
  const notMet: string[] = [];
  const unmeasured: string[] = [];
  const checks: DeliveryCheck[] = [];
  const lacks = (p: ClosedProject) => [...(p.baselineFinish === undefined ? ["baseline finish"] : []), ...(p.actualFinish === undefined ? ["actual finish"] : [])];
  for (const p of projects.filter((p) => inPeriod(p.closedOn, options.period))) {
    if (p.baselineFinish === undefined || p.actualFinish === undefined) {
      unmeasured.push(p.id);
      checks.push({ id: p.id, rule: `${p.id}: no ${lacks(p).join(" and no ")}: not measured` });
      continue;
    }
    // Counted in days: baseline + tolerance can lie past 9999-12-31, which no date reaches (every finish is within it).
    const late = differenceInDays(p.actualFinish, p.baselineFinish);
    const ok = late <= tol;
    (ok ? met : notMet).push(p.id);
    const days = `${tol} day${tol === 1 ? "" : "s"}`;
    const why = differenceInDays("9999-12-31" as IsoDate, p.baselineFinish) < tol
      ? `${p.actualFinish} ≤ ${p.baselineFinish} + ${days}, past 9999-12-31`
      : `${p.actualFinish} ${ok ? "≤" : ">"} ${addDays(p.baselineFinish, tol)} (baseline ${p.baselineFinish} + ${days})`;
    checks.push({ id: p.id, met: ok, rule: `${p.id}: finished ${why}: ${ok ? "on time" : `late, ${late} day${late === 1 ? "" : "s"} after the baseline`}` });
  }
  return { ...kpiRatio(met, notMet, ...emptyReason(projects, unmeasured, lacks, "baseline finish")), unmeasured, checks };
}

/**
 * On-budget %: projects closed in the period whose actual cost ≤ budget × (1 + tolerance), ÷ projects closed in the
 * period. Projects without both figures are listed in `unmeasured`. Each project closed in the period has its
 * `checks` entry with the exact limit (budget × (1 + tolerance), never rounded to cents). Nothing closed: `no-data`; closed but none with
 * both figures: `no-baseline` when none has a budget, else `not-supplied` (its detail names what each lacks).
 *
 * @throws {ValidationError} for a bad period, a tolerance that is negative or not a decimal (`["tolerance"]`), a
 *   negative budget (`[2, "budget"]`) or a project id given twice; {@link CurrencyMismatchError} when a project's
 *   cost and budget differ in currency.
 * @example
 * ```ts
 * onBudget(closed, { tolerance: "0.05" }).percent; // within 5% of budget counts as on budget
 * ```
 */
export function onBudget(
  projects: readonly ClosedProject[],
  options: { readonly period?: KpiPeriod; readonly tolerance?: DecimalInput } = {},
): KpiRatio & { readonly unmeasured: readonly string[]; readonly checks: readonly DeliveryCheck[] } {
  checkArguments("onBudget", { projects: [projects, "object[]"], options: [options, "object?"] });
  checkOptionKeys("onBudget", options, { period: 1, tolerance: 1 } satisfies Record<keyof NonNullable<Parameters<typeof onBudget>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(projects, ["closedOn"], "closed projects");
  checkRecordIds(projects, "closed projects");
  let tol: Decimal;
  try {
    tol = decimal(options.tolerance ?? 0);
  } catch (e) {
    throw ValidationError.single(["tolerance"], e instanceof ValidationError ? (e.issues[0]?.message ?? "not a decimal") : "not a decimal", "on-budget");
  }
  if (tol.lt(0)) throw ValidationError.single(["tolerance"], "tolerance cannot be negative", "on-budget");
  // A negative budget turns the tolerance round (−100 × 1.05 = −105, below the budget): refused, across all records.
  const negative = projects.flatMap((p, i) => (p.budget !== undefined && p.budget.amount.lt(0) ? [{ path: [i, "budget"], message: "a budget cannot be negative", code: "custom" }] : []));
  if (negative.length > 0) throw new ValidationError(negative, "on-budget");
  const met: string[] = [];
  const notMet: string[] = [];
  const unmeasured: string[] = [];
  const checks: DeliveryCheck[] = [];
  const lacks = (p: ClosedProject) => [...(p.budget === undefined ? ["budget"] : []), ...(p.actualCost === undefined ? ["actual cost"] : [])];
  for (const p of projects.filter((p) => inPeriod(p.closedOn, options.period))) {
    if (p.budget === undefined || p.actualCost === undefined) {
      unmeasured.push(p.id);
      checks.push({ id: p.id, rule: `${p.id}: no ${lacks(p).join(" and no ")}: not measured` });
      continue;
    }
    const limit = multiplyMoney(p.budget, tol.plus(1));
    const ok = compareMoney(p.actualCost, limit) <= 0;
    (ok ? met : notMet).push(p.id);
    const why = `${moneyToString(p.actualCost)} ${ok ? "≤" : ">"} ${moneyToString(limit)} (budget ${moneyToString(p.budget)} × ${tol.plus(1).toFixed()})`;
    checks.push({ id: p.id, met: ok, rule: `${p.id}: actual cost ${why}: ${ok ? "on budget" : `over budget, ${moneyToString(subtractMoney(p.actualCost, p.budget))} above the budget`}` });
  }
  return { ...kpiRatio(met, notMet, ...emptyReason(projects, unmeasured, lacks, "budget")), unmeasured, checks };
}

// Why an on-time or on-budget % has no figure: nothing closed in the period (`no-data`), or projects closed but none
// measurable — `no-baseline` when none has its baseline, else `not-supplied` (an actual is missing) — naming what
// each lacks. Not the same news for a PMO as "nothing closed".
function emptyReason(
  projects: readonly ClosedProject[],
  unmeasured: readonly string[],
  lacks: (p: ClosedProject) => string[],
  baseline: string,
): [string, string?] {
  if (unmeasured.length === 0) return ["no-data"];
  const ids = new Set(unmeasured);
  const gaps = projects.filter((p) => ids.has(p.id)).map((p) => ({ id: p.id, lacks: lacks(p) }));
  const n = gaps.length;
  const reason = gaps.every((g) => g.lacks.includes(baseline)) ? "no-baseline" : "not-supplied";
  return [reason, `${n} project${n === 1 ? "" : "s"} closed in the period, none measurable: ${gaps.map((g) => `${g.id} has no ${g.lacks.join(" and no ")}`).join("; ")}`];
}

/** A monetary benefit: planned and actual amounts realised on a day (or in the period ending that day). */
export interface MonetaryBenefit {
  /** Benefit id. */
  readonly id: string;
  /** Day the benefit is measured. */
  readonly date: IsoDate;
  /** Planned amount. */
  readonly planned: Money;
  /** Actual amount. */
  readonly actual: Money;
}

/** A non-monetary benefit in its own unit (hours saved, tonnes of CO2, NPS points). */
export interface NonMonetaryBenefit {
  /** Benefit id. */
  readonly id: string;
  /** Day the benefit is measured. */
  readonly date: IsoDate;
  /** Unit ("hours", "t CO2e"). */
  readonly unit: string;
  /** Planned quantity. */
  readonly planned: DecimalInput;
  /** Actual quantity. */
  readonly actual: DecimalInput;
}

/** Realisation of one group of benefits. */
export interface BenefitRealisation<T> {
  /** Σ actual ÷ Σ planned × 100 (`nothing-planned` when Σ planned is zero; `no-data` when nothing was measured in the period). */
  readonly percent: Metric<Decimal>;
  /** Σ planned. */
  readonly planned: T;
  /** Σ actual. */
  readonly actual: T;
}

/**
 * Benefits realisation %: Σ actual ÷ Σ planned, monetary benefits in one currency and non-monetary benefits per
 * unit (as written, without surrounding blanks: "hours " is "hours"), never mixed. A group with no benefit measured in
 * the period is missing with `no-data` — the monetary one, and each unit any benefit is measured in (it is listed,
 * not dropped); `nothing-planned` is a measured plan that sums to zero.
 *
 * @throws {ValidationError} for a bad period, a quantity that is not a decimal, a unit that is not a non-blank string
 *   (`["nonMonetary", 0, "unit"]`), a benefit day that is not a calendar date `YYYY-MM-DD` (`["monetary", 0, "date"]`),
 *   or one benefit measured twice on one day (`["monetary", 3, "date"]`).
 * @throws {ValidationError} for a bad period or a non-decimal quantity; {@link CurrencyMismatchError} for an amount in
 *   another currency.
 * @example
 * ```ts
 * const r = benefitsRealisation({ monetary, nonMonetary }, { currency: "EUR", period: { from: isoDate("2027-01-01") } });
 * r.monetary.percent; r.nonMonetary["hours"]?.percent;
 * ```
 */
export function benefitsRealisation(
  benefits: { readonly monetary?: readonly MonetaryBenefit[]; readonly nonMonetary?: readonly NonMonetaryBenefit[] },
  options: { readonly currency: CurrencyCode; readonly period?: KpiPeriod },
): { readonly monetary: BenefitRealisation<Money>; readonly nonMonetary: Readonly<Record<string, BenefitRealisation<Decimal>>> } {
  checkArguments("benefitsRealisation", { benefits: [benefits, "object"], options: [options, "object"] });
  checkOptionKeys("benefitsRealisation", options, { currency: 1, period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof benefitsRealisation>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(benefits.monetary ?? [], ["date"], "benefits", [], ["monetary"]);
  checkDates(benefits.nonMonetary ?? [], ["date"], "benefits", [], ["nonMonetary"]);
  // A benefit is measured once a day: the same measurement twice would count twice.
  checkDayRows(benefits.monetary ?? [], "id", "benefits", ["monetary"]);
  checkDayRows(benefits.nonMonetary ?? [], "id", "benefits", ["nonMonetary"]);
  const mon = (benefits.monetary ?? []).filter((b) => inPeriod(b.date, options.period));
  const planned = sumMoney(mon.map((b) => b.planned), options.currency);
  const actual = sumMoney(mon.map((b) => b.actual), options.currency);
  // Nothing realised against a negative plan is 0 %, not −0 %.
  const pct = (a: Decimal, p: Decimal): Metric<Decimal> => (p.isZero() ? missing("nothing-planned") : metric(a.isZero() ? decimal(0) : a.times(100).div(p)));
  const bad: { path: (string | number)[]; message: string; code: string }[] = [];
  (benefits.nonMonetary ?? []).forEach((b, i) => {
    // A missing unit grouped the benefit under "undefined", a blank one under "": neither is a unit.
    if (typeof b.unit !== "string" || b.unit.trim() === "") bad.push({ path: ["nonMonetary", i, "unit"], message: "a unit is a non-blank string (\"hours\")", code: "custom" });
    for (const field of ["planned", "actual"] as const) {
      try {
        decimal(b[field]);
      } catch {
        bad.push({ path: ["nonMonetary", i, field], message: "not a decimal", code: "custom" });
      }
    }
  });
  if (bad.length > 0) throw new ValidationError(bad, "benefits");
  // Every unit the benefits are measured in has its group: one with no measurement in the period says no-data, as the
  // monetary group does, rather than dropping out of the result.
  const units = new Map<string, { planned: Decimal; actual: Decimal; measured: boolean }>();
  (benefits.nonMonetary ?? []).forEach((b) => {
    // "hours" and "hours " (a spreadsheet's trailing blank) are one unit, not two groups with their own percentages.
    const unit = b.unit.trim();
    const u = units.get(unit) ?? { planned: decimal(0), actual: decimal(0), measured: false };
    units.set(unit, inPeriod(b.date, options.period) ? { planned: u.planned.plus(decimal(b.planned)), actual: u.actual.plus(decimal(b.actual)), measured: true } : u);
  });
  return {
    // No measurement in the period is no data, not a plan of zero.
    monetary: { percent: mon.length === 0 ? missing("no-data", "no monetary benefit measured in the period") : pct(actual.amount, planned.amount), planned, actual },
    nonMonetary: Object.fromEntries([...units].map(([unit, u]) => [unit, { percent: u.measured ? pct(u.actual, u.planned) : missing("no-data", `no benefit in ${unit} measured in the period`), planned: u.planned, actual: u.actual }])),
  };
}
