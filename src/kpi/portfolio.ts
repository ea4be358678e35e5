import { decimal, isIsoDate, metric, missing, ratio, sumMoney, subtractMoney, ValidationError, type ValidationIssue, type CurrencyCode, type Decimal, type IsoDate, type Metric, type Money, checkArguments, checkOptionKeys } from "../core/index.js";
import { checkDates, checkDayRows, checkPeriod, checkRecordIds, inPeriod, kpiRatio, type KpiPeriod, type KpiRatio } from "./period.js";

/** An active project as the portfolio health KPI sees it. */
export interface PortfolioProjectHealth {
  /** Project id. */
  readonly id: string;
  /** True while the project runs (only active projects count). */
  readonly active: boolean;
  /** Its current overall RAG colour, if rated. */
  readonly colour?: "green" | "amber" | "red";
  /** Planned finish (a project past it and not finished is overdue). */
  readonly plannedFinish: IsoDate;
  /** Open critical issues. */
  readonly openCriticalIssues: number;
}

/**
 * Portfolio health %: 1 − |active projects that are red ∪ overdue (planned finish before `asOf`) ∪ have an open
 * critical issue| ÷ active projects, as a percentage. `notMet` lists the unhealthy projects; `why` says which of the
 * three sets each one is in; `unrated` lists the active projects with no colour (healthy by the definition when in
 * no set, but nobody rated them: a figure that leans on them is worth a question).
 *
 * @throws {ValidationError} when `asOf` (path `["asOf"]`) or a planned finish (`[2, "plannedFinish"]`) is not a calendar
 *   date `YYYY-MM-DD`, a project id is given twice, `active` is not a boolean, `colour` is not green, amber or red, or
 *   `openCriticalIssues` is not a whole number from 0 — each at its path.
 * @example
 * ```ts
 * portfolioHealth(projects, { asOf: isoDate("2026-11-20") }).percent; // 3 healthy of 4 → 75%
 * ```
 */
export function portfolioHealth(
  projects: readonly PortfolioProjectHealth[],
  options: { readonly asOf: IsoDate },
): KpiRatio & { readonly why: Readonly<Record<string, readonly ("red" | "overdue" | "critical-issue")[]>>; readonly unrated: readonly string[] } {
  checkArguments("portfolioHealth", { projects: [projects, "object[]"], options: [options, "object"] });
  checkOptionKeys("portfolioHealth", options, { asOf: 1 } satisfies Record<keyof NonNullable<Parameters<typeof portfolioHealth>[1]>, 1>);
  checkArguments("portfolioHealth", { asOf: [options.asOf, "date"] });
  checkDates(projects, ["plannedFinish"], "portfolio health");
  checkRecordIds(projects, "portfolio health", ["active"]);
  // A colour "Red" or a count NaN would make an unhealthy project count as healthy.
  const issues: ValidationIssue[] = [];
  projects.forEach((p, i) => {
    if (p.colour !== undefined && p.colour !== "green" && p.colour !== "amber" && p.colour !== "red") {
      issues.push({ path: [i, "colour"], message: "expected green, amber or red", code: "custom" });
    }
    if (!Number.isInteger(p.openCriticalIssues) || p.openCriticalIssues < 0) {
      issues.push({ path: [i, "openCriticalIssues"], message: "a count is a whole number from 0", code: "custom" });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, "portfolio health");
  const met: string[] = [];
  const notMet: string[] = [];
  const why: [string, ("red" | "overdue" | "critical-issue")[]][] = [];
  for (const p of projects.filter((p) => p.active)) {
    const reasons: ("red" | "overdue" | "critical-issue")[] = [];
    if (p.colour === "red") reasons.push("red");
    if (p.plannedFinish < options.asOf) reasons.push("overdue");
    if (p.openCriticalIssues > 0) reasons.push("critical-issue");
    if (reasons.length === 0) met.push(p.id);
    else {
      notMet.push(p.id);
      why.push([p.id, reasons]);
    }
  }
  // fromEntries makes own entries: a project id "__proto__" is an entry, not the object's prototype.
  const unrated = projects.filter((p) => p.active && p.colour === undefined).map((p) => p.id);
  return { ...kpiRatio(met, notMet, "no-active-projects"), why: Object.fromEntries(why), unrated };
}

/** Earned-value figures of one project at a status date. */
export interface ProjectEarnedValue {
  /** Project id. */
  readonly id: string;
  /** Status date the figures are as of (the period filter reads it). */
  readonly statusDate: IsoDate;
  /** Planned value. */
  readonly pv: Money;
  /** Earned value. */
  readonly ev: Money;
  /** Actual cost. */
  readonly ac: Money;
}

/**
 * Portfolio schedule and cost variance %: SV% = Σ(EV − PV) ÷ Σ PV × 100 and CV% = Σ(EV − AC) ÷ Σ EV × 100 over the
 * projects whose status date lies in the period (sums first, so large projects weigh more — the portfolio view). The
 * figures are cumulative, so of several snapshots of one project in the period only the latest counts. With no
 * project in the period both percentages are missing with `no-data` (`pv-is-zero` / `ev-is-zero` are kept for
 * projects whose sums are zero).
 *
 * @throws {ValidationError} for a bad period, a status date that is not a calendar date `YYYY-MM-DD` (`[2, "statusDate"]`),
 *   or two snapshots of one project on the same status date.
 * @throws {CurrencyMismatchError} for a figure not in `currency`.
 * @example
 * ```ts
 * portfolioVariance(figures, { currency: "EUR" }).svPercent; // { value: Decimal(-12.3…) }
 * ```
 */
export function portfolioVariance(
  projects: readonly ProjectEarnedValue[],
  options: { readonly currency: CurrencyCode; readonly period?: KpiPeriod },
): { readonly svPercent: Metric<Decimal>; readonly cvPercent: Metric<Decimal>; readonly sv: Money; readonly cv: Money; readonly pv: Money; readonly ev: Money; readonly ac: Money; readonly projectIds: readonly string[] } {
  checkArguments("portfolioVariance", { projects: [projects, "object[]"], options: [options, "object"] });
  checkOptionKeys("portfolioVariance", options, { currency: 1, period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof portfolioVariance>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(projects, ["statusDate"], "portfolio variance");
  // PV, EV and AC are cumulative to the status date: a project's earlier snapshots are inside its latest one, so
  // only its latest snapshot in the period counts (summing them counted the same work twice).
  const latest = new Map<string, ProjectEarnedValue>();
  const issues: ValidationIssue[] = [];
  projects.forEach((p, i) => {
    if (!inPeriod(p.statusDate, options.period)) return;
    const prev = latest.get(p.id);
    if (prev !== undefined && prev.statusDate === p.statusDate) {
      issues.push({ path: [i, "statusDate"], message: `two snapshots of ${JSON.stringify(p.id)} on ${p.statusDate}`, code: "custom" });
    } else if (prev === undefined || p.statusDate > prev.statusDate) latest.set(p.id, p);
  });
  if (issues.length > 0) throw new ValidationError(issues, "portfolio variance");
  const ps = [...latest.values()];
  const pv = sumMoney(ps.map((p) => p.pv), options.currency);
  const ev = sumMoney(ps.map((p) => p.ev), options.currency);
  const ac = sumMoney(ps.map((p) => p.ac), options.currency);
  const sv = subtractMoney(ev, pv);
  const cv = subtractMoney(ev, ac);
  // No project in the period is no data, not a PV (or EV) of zero.
  const none = ps.length === 0 && missing("no-data", "no project's status date in the period");
  return {
    // ratio: a zero variance over a negative PV or EV (booked reversals) is plain 0, not −0.
    svPercent: none || ratio(sv.amount.times(100), pv.amount, "pv-is-zero"),
    cvPercent: none || ratio(cv.amount.times(100), ev.amount, "ev-is-zero"),
    sv,
    cv,
    pv,
    ev,
    ac,
    projectIds: ps.map((p) => p.id),
  };
}

/** One resource's hours on a day or in a period bucket ending that day. */
export interface ResourceHours {
  /** Resource (person or role) id. */
  readonly resourceId: string;
  /** Day (or bucket end) the hours belong to. */
  readonly date: IsoDate;
  /** Hours the resource can work. */
  readonly capacityHours: string | number;
  /** Hours allocated (committed). */
  readonly allocatedHours: string | number;
  /** Further hours requested and confirmed but not yet allocated. */
  readonly confirmedHours?: string | number;
  /** Hours actually booked. */
  readonly actualHours?: string | number;
}

/** Utilisation figures of a set of resource hours. */
export interface Utilisation {
  /** Committed utilisation: Σ allocated ÷ Σ capacity × 100. */
  readonly committedPercent: Metric<Decimal>;
  /** Forecast utilisation: (Σ allocated + Σ confirmed) ÷ Σ capacity × 100. */
  readonly forecastPercent: Metric<Decimal>;
  /**
   * Actual utilisation: Σ actual ÷ Σ capacity × 100 over the rows that record actual hours (a row without them is
   * not 0 hours worked); `not-supplied` when no row records actual hours.
   */
  readonly actualPercent: Metric<Decimal>;
  /** Availability: Σ capacity − Σ allocated, in hours (negative when over-allocated). */
  readonly availableHours: Decimal;
  /** Σ capacity. */
  readonly capacityHours: Decimal;
}

/**
 * Resource utilisation over a period, overall and per resource: committed (allocated ÷ capacity), forecast
 * ((allocated + confirmed) ÷ capacity), actual (actual ÷ capacity, over the rows that record actual hours; `not-supplied`
 * when none does) and the hours still available. With no row in the period the percentages are missing with
 * `no-data` (`no-capacity` is kept for rows whose capacity sums to zero) and the hours are 0.
 *
 * @throws {ValidationError} for a bad period, a day that is not a date, or an hour figure that is not a decimal from 0
 *   (each with its path, `[3, "allocatedHours"]`); a resource id that is not a string, or a resource's day given
 *   twice (`[4, "date"]`: its hours would count twice).
 * @example
 * ```ts
 * resourceUtilisation(hours, { period: { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") } }).overall.committedPercent;
 * ```
 */
export function resourceUtilisation(
  hours: readonly ResourceHours[],
  options: { readonly period?: KpiPeriod } = {},
): { readonly overall: Utilisation; readonly byResource: Readonly<Record<string, Utilisation>> } {
  checkArguments("resourceUtilisation", { hours: [hours, "object[]"], options: [options, "object?"] });
  checkOptionKeys("resourceUtilisation", options, { period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof resourceUtilisation>[1]>, 1>);
  checkPeriod(options.period);
  const issues: ValidationIssue[] = [];
  hours.forEach((h, i) => {
    for (const field of ["capacityHours", "allocatedHours", "confirmedHours", "actualHours"] as const) {
      const v = h[field];
      if (v === undefined) continue;
      let ok = false;
      try {
        ok = decimal(v).gte(0);
      } catch {
        ok = false;
      }
      if (!ok) issues.push({ path: [i, field], message: "hours are a decimal from 0", code: "custom" });
    }
    if (!isIsoDate(h.date)) issues.push({ path: [i, "date"], message: "not a date", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, "resource hours");
  // One row per resource and day: a row given twice would count its capacity and hours twice.
  checkDayRows(hours, "resourceId", "resource hours");
  const rows = hours.filter((h) => inPeriod(h.date, options.period));
  const calc = (rs: readonly ResourceHours[]): Utilisation => {
    const sum = (f: (r: ResourceHours) => string | number | undefined) => rs.reduce((s, r) => s.plus(decimal(f(r) ?? 0)), decimal(0));
    const cap = sum((r) => r.capacityHours);
    const alloc = sum((r) => r.allocatedHours);
    const conf = sum((r) => r.confirmedHours);
    const act = sum((r) => r.actualHours);
    // No row in the period is no data, not a capacity of zero.
    const pct = (n: Decimal, of = cap): Metric<Decimal> => (rs.length === 0 ? missing("no-data", "no resource hours in the period") : of.isZero() ? missing("no-capacity") : metric(n.times(100).div(of)));
    // A row without actual hours (a week not worked yet, timesheets not in) is not 0 hours worked: its capacity is
    // left out of the actual utilisation, which has no figure when no row records actual hours.
    const worked = rs.filter((r) => r.actualHours !== undefined);
    const actual = worked.length === 0 && rs.length > 0 ? missing("not-supplied", "no actual hours recorded") : pct(act, sum((r) => (r.actualHours === undefined ? 0 : r.capacityHours)));
    return { committedPercent: pct(alloc), forecastPercent: pct(alloc.plus(conf)), actualPercent: actual, availableHours: cap.minus(alloc), capacityHours: cap };
  };
  const ids = [...new Set(rows.map((r) => r.resourceId))];
  return { overall: calc(rows), byResource: Object.fromEntries(ids.map((id) => [id, calc(rows.filter((r) => r.resourceId === id))])) };
}
