import { decimal, isIsoDate, metric, missing, ValidationError, type Decimal, type IsoDate, type Metric, type ValidationIssue, checkArguments, checkOptionKeys } from "../core/index.js";
import { duplicateIdIssues } from "../core/unique-ids.js";

/** A reporting period: calendar days from `from` to `to`, both inclusive; either end may be open. */
export interface KpiPeriod {
  /** First day counted. */
  readonly from?: IsoDate;
  /** Last day counted. */
  readonly to?: IsoDate;
}

/** A ratio KPI: the percentage and the counts behind it. */
export interface KpiRatio {
  /** `numerator ÷ denominator × 100`, or why there is none (`no-data` when nothing falls in the period). */
  readonly percent: Metric<Decimal>;
  /** Records that meet the definition. */
  readonly numerator: number;
  /** Records counted. */
  readonly denominator: number;
  /** Ids of the records in the numerator. */
  readonly met: readonly string[];
  /** Ids of the records in the denominator but not the numerator. */
  readonly notMet: readonly string[];
}

/**
 * True when the day lies in the period (ends inclusive; an open end accepts everything on that side).
 *
 * @throws {ValidationError} when `date` is not a calendar date `YYYY-MM-DD` (path `["date"]`); check the period with
 *   {@link checkPeriod}.
 * @example
 * ```ts
 * inPeriod(isoDate("2026-03-31"), { from: isoDate("2026-01-01"), to: isoDate("2026-03-31") }); // true
 * ```
 */
export function inPeriod(date: IsoDate, period: KpiPeriod | undefined): boolean {
  checkArguments("inPeriod", { date: [date, "date"] });
  return (period?.from === undefined || date >= period.from) && (period?.to === undefined || date <= period.to);
}

/**
 * Checks a period: real dates, `from` not after `to`, and no key but `from` and `to`.
 *
 * @throws {ValidationError} with the path of each problem (`["period", "until"]`: an unknown key, which would leave
 *   that end open).
 * @example
 * ```ts
 * checkPeriod({ from: isoDate("2026-01-01"), to: isoDate("2026-12-31") });
 * ```
 */
export function checkPeriod(period: KpiPeriod | undefined, subject = "KPI period"): void {
  if (!period) return;
  // A misspelt end (`until`) read as an open end, and a periodToDate result passed whole as no period at all: every
  // later record counted.
  checkOptionKeys("KPI period", period, { from: 1, to: 1 } satisfies Record<keyof KpiPeriod, 1>, ["period"]);
  const issues: ValidationIssue[] = [];
  if (period.from !== undefined && !isIsoDate(period.from)) issues.push({ path: ["period", "from"], message: "not a date", code: "custom" });
  if (period.to !== undefined && !isIsoDate(period.to)) issues.push({ path: ["period", "to"], message: "not a date", code: "custom" });
  if (issues.length === 0 && period.from !== undefined && period.to !== undefined && period.to < period.from) {
    issues.push({ path: ["period", "to"], message: `period ends (${period.to}) before it starts (${period.from})`, code: "custom" });
  }
  if (issues.length > 0) throw new ValidationError(issues, subject);
}

/**
 * Builds a ratio KPI from the ids that meet the definition and those that do not; with none of either, the percentage
 * is missing with `reason` (and `detail`, in words, when given).
 *
 * @throws {ValidationError} when an id is in both lists or twice in one (`["notMet", 0]`): it would count twice. *
 * @example
 * ```ts
 * kpiRatio(["PRJ-A"], ["PRJ-B", "PRJ-C"]).percent; // 33.33…%
 * ```
 */
export function kpiRatio(met: readonly string[], notMet: readonly string[], reason = "no-data", detail?: string): KpiRatio {
  checkArguments("kpiRatio", { met: [met, "array"], notMet: [notMet, "array"], reason: [reason, "string?"], detail: [detail, "string?"] });
  // An id in both lists, or twice in one, would count twice.
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const [name, ids] of [["met", met], ["notMet", notMet]] as const) {
    ids.forEach((id, i) => {
      if (seen.has(id)) issues.push({ path: [name, i], message: `${JSON.stringify(id)} is counted twice`, code: "custom" });
      seen.add(id);
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, "KPI ratio");
  const denominator = met.length + notMet.length;
  return {
    percent: denominator === 0 ? missing(reason, detail) : metric(decimal(met.length).times(100).div(denominator)),
    numerator: met.length,
    denominator,
    met,
    notMet,
  };
}

/**
 * @internal Refuses records whose days are not real calendar dates, every problem at its path (`[3, "closedOn"]`, or
 * under `prefix`). `required` fields must be dates; `optional` ones may be absent. The KPIs compare days as strings,
 * which orders only `YYYY-MM-DD`: "2026-3-1" would sort after "2026-03-10".
 */
export function checkDates(
  records: readonly object[],
  required: readonly string[],
  subject: string,
  optional: readonly string[] = [],
  prefix: readonly (string | number)[] = [],
): void {
  const issues: ValidationIssue[] = [];
  records.forEach((r, i) => {
    const rec = r as Record<string, unknown>;
    for (const f of required) if (!isIsoDate(rec[f])) issues.push({ path: [...prefix, i, f], message: "not a date", code: "custom" });
    for (const f of optional) if (rec[f] !== undefined && !isIsoDate(rec[f])) issues.push({ path: [...prefix, i, f], message: "not a date", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
}

/**
 * @internal Refuses what a ratio KPI would otherwise miscount: an id that is not a string, an id given twice (the
 * record would count twice) and a flag that is not a boolean (`"false"` is truthy). Each problem at its path
 * (`[2, "id"]`, `[0, "failed"]`). Duplicates are refused across all records, not only those in the period, so that
 * the same input does not change meaning with the period.
 */
export function checkRecordIds(records: readonly object[], subject: string, flags: readonly string[] = []): void {
  const issues: ValidationIssue[] = duplicateIdIssues(records);
  records.forEach((r, i) => {
    const rec = r as Record<string, unknown>;
    if (typeof rec["id"] !== "string") issues.push({ path: [i, "id"], message: "an id is a string", code: "custom" });
    for (const f of flags) if (typeof rec[f] !== "boolean") issues.push({ path: [i, f], message: "expected true or false", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
}

/**
 * @internal Refuses what a KPI summed per (who, day) would count twice: a row whose `key` and `date` an earlier row
 * already has (at `[...prefix, i, "date"]`), and a key that is not a string (at `[...prefix, i, key]`). Checked across
 * all rows, not only those in the period, as {@link checkRecordIds} does.
 */
export function checkDayRows(rows: readonly object[], key: string, subject: string, prefix: readonly (string | number)[] = []): void {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const rec = r as Record<string, unknown>;
    const who = rec[key];
    if (typeof who !== "string") return void issues.push({ path: [...prefix, i, key], message: `${key} is a string`, code: "custom" });
    const pair = `${who}\u0000${String(rec["date"])}`;
    if (seen.has(pair)) issues.push({ path: [...prefix, i, "date"], message: `${who} on ${String(rec["date"])} is listed twice (it would count twice)`, code: "custom" });
    seen.add(pair);
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
}
