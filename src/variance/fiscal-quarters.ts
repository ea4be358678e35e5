import { ValidationError, fromEpochDay, toEpochDay, type IsoDate, checkArguments } from "../core/index.js";
import type { Period } from "./period-grid.js";

/**
 * Fiscal quarters labelled like budget lines (`2026-Q1`), for a fiscal year starting in `startMonth` (1–12).
 * The label's year is the fiscal year (the calendar year when the fiscal year starts in January).
 *
 * @example
 * ```ts
 * fiscalQuarters(2026, 2027).periods.length; // 8 (2026-Q1 … 2027-Q4), ready for { kind: "fiscal", periods }
 * ```
 */
export function fiscalQuarters(firstYear: number, lastYear: number, startMonth = 1): { kind: "fiscal"; periods: Period[] } {
  checkArguments("fiscalQuarters", { firstYear: [firstYear, "integer"], lastYear: [lastYear, "integer"], startMonth: [startMonth, "integer"] });
  // Calendar years only (and a bounded loop for a caller's typo like 20266).
  if (firstYear < 1 || lastYear > 9998) throw ValidationError.single(["firstYear"], "fiscal years must lie between 1 and 9998", "fiscal quarters");
  // 1,600 quarters at most, as earned value's bound (a typo such as 20266 − 2026 would list thousands of years).
  if (lastYear - firstYear >= 400) throw ValidationError.single(["lastYear"], `more than 400 years after firstYear (${firstYear})`, "fiscal quarters");
  if (startMonth < 1 || startMonth > 12) throw ValidationError.single(["startMonth"], "the fiscal year starts in a month 1–12", "fiscal quarters");
  const periods: Period[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (let q = 0; q < 4; q++) {
      const m0 = startMonth - 1 + q * 3;
      const sy = y + Math.floor(m0 / 12);
      const sm = (m0 % 12) + 1;
      const m1 = m0 + 3;
      const ny = y + Math.floor(m1 / 12);
      const nm = (m1 % 12) + 1;
      const start = `${sy}-${String(sm).padStart(2, "0")}-01` as IsoDate;
      const next = `${ny}-${String(nm).padStart(2, "0")}-01` as IsoDate;
      periods.push({ label: `${y}-Q${q + 1}`, start, finish: fromEpochDay(toEpochDay(next) - 1) });
    }
  }
  return { kind: "fiscal", periods };
}
