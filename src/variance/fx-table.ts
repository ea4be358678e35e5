import { PmoDecimal, ValidationError, decimal, isCurrencyCode, isIsoDate, type Decimal, type ValidationIssue } from "../core/index.js";
import { describeValue } from "../core/describe.js";
import { requireArray } from "../core/guard.js";
import type { FxRate } from "./types.js";

/** @internal An `fxRates` row once checked: its rate exact and above zero. */
export interface CheckedFxRate {
  readonly from: string;
  readonly to: string;
  readonly date: string;
  readonly rate: Decimal;
}

/**
 * @internal Checks an `fxRates` option table (plain data, not a decoded entity) row by row, every problem with its
 * path in `issues`, and returns the rows (used only once `issues` is empty). A zero or negative rate would turn an actual into nothing or a credit.
 */
export function checkFxRates(rows: readonly FxRate[] | undefined, issues: ValidationIssue[]): CheckedFxRate[] {
  const out: CheckedFxRate[] = [];
  requireArray<FxRate>(rows ?? [], ["fxRates"], "fx rates").forEach((r, i) => {
    const bad = (path: string[], message: string) => issues.push({ path: ["fxRates", i, ...path], message, code: "custom" });
    if (typeof r !== "object" || r === null) return bad([], `expected an object, got ${describeValue(r)}`);
    for (const key of ["from", "to"] as const) if (!isCurrencyCode(r[key])) bad([key], `${describeValue(r[key])} is not an ISO 4217 currency code`);
    if (!isIsoDate(r.date)) bad(["date"], `expected a calendar date YYYY-MM-DD, got ${describeValue(r.date)}`);
    let rate: Decimal = new PmoDecimal(0);
    try {
      rate = decimal(r.rate);
      if (!rate.gt(0)) bad(["rate"], "an exchange rate must be above zero");
    } catch (e) {
      bad(["rate"], (e as ValidationError).issues[0]?.message ?? "not a decimal");
    }
    // Two rates for one pair on one day leave the conversion to row order: ambiguous, so refused.
    const twin = out.findIndex((o) => o.from === r.from && o.to === r.to && o.date === r.date);
    if (twin >= 0) bad(["date"], `a second ${r.from}→${r.to} rate on ${r.date} (row ${twin} has one)`);
    out.push({ from: r.from, to: r.to, date: r.date, rate });
  });
  return out;
}

/** @internal The rate from → to in force on `date` (the latest dated on or before it), if any. */
export function rateOn(table: readonly CheckedFxRate[], from: string, to: string, date: string): Decimal | undefined {
  let best: CheckedFxRate | undefined;
  for (const r of table) if (r.from === from && r.to === to && r.date <= date && (!best || r.date > best.date)) best = r;
  return best?.rate;
}
