import { decimal, metric, missing, ValidationError, type Decimal, type IsoDate, type Metric, checkArguments, checkOptionKeys } from "../core/index.js";
import { checkDates, checkPeriod, checkRecordIds, inPeriod, kpiRatio, type KpiPeriod, type KpiRatio } from "./period.js";

/**
 * DORA change failure rate: changes in the period that failed (caused an incident, a rollback or a hotfix) ÷
 * changes in the period, as a percentage.
 *
 * @throws {ValidationError} for a bad period or day, an id given twice or not a string, or `failed` not a boolean
 *   (each at its path, `[2, "id"]`).
 * @example
 * ```ts
 * changeFailureRate([{ id: "CHG-1", date: isoDate("2026-11-02"), failed: true }, { id: "CHG-2", date: isoDate("2026-11-03"), failed: false }]).percent; // 50%
 * ```
 */
export function changeFailureRate(
  changes: readonly { readonly id: string; readonly date: IsoDate; readonly failed: boolean }[],
  options: { readonly period?: KpiPeriod } = {},
): KpiRatio {
  checkArguments("changeFailureRate", { changes: [changes, "object[]"], options: [options, "object?"] });
  checkOptionKeys("changeFailureRate", options, { period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof changeFailureRate>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(changes, ["date"], "changes");
  checkRecordIds(changes, "changes", ["failed"]);
  const inside = changes.filter((c) => inPeriod(c.date, options.period));
  return kpiRatio(inside.filter((c) => c.failed).map((c) => c.id), inside.filter((c) => !c.failed).map((c) => c.id), "no-changes");
}

/**
 * SLA breach %: incidents in the period (by the day they were opened) whose SLA was breached ÷ incidents in the
 * period.
 *
 * @throws {ValidationError} for a bad period or day, an id given twice or not a string, or `breached` not a boolean.
 * @example
 * ```ts
 * slaBreachRate(incidents, { period: { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") } }).percent;
 * ```
 */
export function slaBreachRate(
  incidents: readonly { readonly id: string; readonly date: IsoDate; readonly breached: boolean }[],
  options: { readonly period?: KpiPeriod } = {},
): KpiRatio {
  checkArguments("slaBreachRate", { incidents: [incidents, "object[]"], options: [options, "object?"] });
  checkOptionKeys("slaBreachRate", options, { period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof slaBreachRate>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(incidents, ["date"], "incidents");
  checkRecordIds(incidents, "incidents", ["breached"]);
  const inside = incidents.filter((c) => inPeriod(c.date, options.period));
  return kpiRatio(inside.filter((c) => c.breached).map((c) => c.id), inside.filter((c) => !c.breached).map((c) => c.id), "no-incidents");
}

/**
 * CSAT of the survey responses in the period on a 1–5 scale, both ways it is reported: `mean`, the mean rating, and
 * `satisfiedPercent`, the share of responses rated 4 or 5 (the "top-two-box" CSAT % of most survey tools), with the
 * count per rating.
 *
 * @throws {ValidationError} for a rating that is not a whole number from 1 to 5 (with its path).
 * @example
 * ```ts
 * const r = csat([{ date: isoDate("2026-11-02"), rating: 5 }, { date: isoDate("2026-11-03"), rating: 2 }]);
 * r.mean;             // 3.5
 * r.satisfiedPercent; // 50 (one of two rated 4 or 5)
 * ```
 */
export function csat(
  responses: readonly { readonly date: IsoDate; readonly rating: number }[],
  options: { readonly period?: KpiPeriod } = {},
): { readonly mean: Metric<Decimal>; readonly satisfiedPercent: Metric<Decimal>; readonly responses: number; readonly distribution: Readonly<Record<1 | 2 | 3 | 4 | 5, number>> } {
  checkArguments("csat", { responses: [responses, "object[]"], options: [options, "object?"] });
  checkOptionKeys("csat", options, { period: 1 } satisfies Record<keyof NonNullable<Parameters<typeof csat>[1]>, 1>);
  checkPeriod(options.period);
  checkDates(responses, ["date"], "CSAT responses");
  const bad = responses.flatMap((r, i) =>
    Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5 ? [] : [{ path: [i, "rating"], message: "a rating is a whole number 1–5", code: "custom" }],
  );
  if (bad.length > 0) throw new ValidationError(bad, "CSAT responses");
  const inside = responses.filter((r) => inPeriod(r.date, options.period));
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of inside) distribution[r.rating as 1 | 2 | 3 | 4 | 5]++;
  const sum = inside.reduce((s, r) => s + r.rating, 0);
  const none = missing("no-responses");
  return {
    mean: inside.length === 0 ? none : metric(decimal(sum).div(inside.length)),
    satisfiedPercent: inside.length === 0 ? none : metric(decimal(distribution[4] + distribution[5]).times(100).div(inside.length)),
    responses: inside.length,
    distribution,
  };
}
