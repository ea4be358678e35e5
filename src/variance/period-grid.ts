import { ValidationError, fromEpochDay, isIsoDate, toEpochDay, type IsoDate } from "../core/index.js";
import { weekdayOfEpochDay } from "../core/dates/iso-date.js";
import { requireObject } from "../core/guard.js";

/** One reporting period: a label and its first and last day (inclusive). */
export interface Period {
  /** Label: `2026-W47` (ISO week), `2026-11` (month) or the fiscal label you gave (`2026-Q4`, `FY2027`). */
  readonly label: string;
  /** First day. */
  readonly start: IsoDate;
  /** Last day (inclusive). */
  readonly finish: IsoDate;
}

/** How to cut time into reporting periods. */
export type PeriodGridSpec =
  | { readonly kind: "weekly" }
  | { readonly kind: "monthly" }
  | { readonly kind: "fiscal"; readonly periods: readonly { readonly label: string; readonly start: string; readonly finish: string }[] };

/** Contiguous periods in date order, covering a date range. */
export interface PeriodGrid {
  /** The kind of grid. */
  readonly kind: PeriodGridSpec["kind"];
  /** The periods, contiguous and in order. */
  readonly periods: readonly Period[];
}

function isoWeekLabel(epochDay: number): string {
  // ISO week: the week's Thursday decides the year.
  const thursday = epochDay - weekdayOfEpochDay(epochDay) + 4;
  const year = fromEpochDay(thursday).slice(0, 4);
  const jan1 = toEpochDay(`${year}-01-01` as IsoDate);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * Builds the period grid that covers `from`–`to`: ISO weeks (Monday–Sunday), calendar months, or the fiscal periods
 * you list (they must be contiguous, in order, and cover the range).
 *
 * @throws {ValidationError} for bad dates, gaps or overlaps in fiscal periods, or fiscal periods that do not cover
 *   the range; at `["to"]` for a `to` more than 400 years (146,097 days) after `from`.
 * @example
 * ```ts
 * periodGrid({ kind: "weekly" }, isoDate("2026-11-18"), isoDate("2026-11-30")).periods.map((p) => p.label);
 * // ["2026-W47", "2026-W48", "2026-W49"]
 * ```
 */
export function periodGrid(spec: PeriodGridSpec, from: IsoDate, to: IsoDate): PeriodGrid {
  // One period per week or month: a `to` centuries away is a typo (3026 for 2026; 9999-12-31's week ends in year
  // 10000). Earned value's bound, one Gregorian cycle.
  if (isIsoDate(from) && isIsoDate(to) && toEpochDay(to) - toEpochDay(from) > 146097) throw ValidationError.single(["to"], `more than 400 years (146,097 days) after from (${from})`, "period grid");
  return gridOver(spec, from, to);
}

/**
 * @internal {@link periodGrid} without its 400-year bound, for earned value: it bounds its own span (from the plan)
 * before building a grid, and its series and forecasts extend it past the status date.
 */
export function gridOver(spec: PeriodGridSpec, from: IsoDate, to: IsoDate): PeriodGrid {
  requireObject(spec, ["spec"], "periodGrid");
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) throw ValidationError.single(["to"], "the grid range must be two dates in order", "period grid");
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  const periods: Period[] = [];
  if (spec.kind === "weekly") {
    for (let d = a - weekdayOfEpochDay(a) + 1; d <= b; d += 7) {
      periods.push({ label: isoWeekLabel(d), start: fromEpochDay(d), finish: fromEpochDay(d + 6) });
    }
  } else if (spec.kind === "monthly") {
    // From the first of from's month; the next month's first is the first of the month 31 days on. Labels "YYYY-MM".
    const first = (d: IsoDate) => toEpochDay(`${d.slice(0, 7)}-01` as IsoDate);
    for (let s = first(from), n; s <= b; s = n) {
      n = first(fromEpochDay(s + 31));
      const start = fromEpochDay(s);
      periods.push({ label: start.slice(0, 7), start, finish: fromEpochDay(n - 1) });
    }
  } else if (spec.kind === "fiscal") {
    spec.periods.forEach((p, i) => {
      if (!isIsoDate(p.start) || !isIsoDate(p.finish) || p.finish < p.start) {
        throw ValidationError.single(["periods", i], "a period needs a start and a finish in order", "period grid");
      }
      const prev = spec.periods[i - 1];
      if (prev && toEpochDay(p.start as IsoDate) !== toEpochDay(prev.finish as IsoDate) + 1) {
        throw ValidationError.single(["periods", i, "start"], "fiscal periods must be contiguous, without gap or overlap", "period grid");
      }
      periods.push({ label: p.label, start: p.start as IsoDate, finish: p.finish as IsoDate });
    });
    const first = periods[0];
    const last = periods[periods.length - 1];
    if (!first || !last || first.start > from || last.finish < to) {
      throw ValidationError.single(["periods"], `fiscal periods must cover ${from}…${to}`, "period grid");
    }
    // Keep only the periods that touch the range.
    return { kind: "fiscal", periods: periods.filter((p) => p.finish >= from && p.start <= to) };
  } else {
    throw ValidationError.single(["kind"], "grid kind must be weekly, monthly or fiscal", "period grid");
  }
  return { kind: spec.kind, periods };
}
