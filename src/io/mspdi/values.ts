import { PmoDecimal, money, type Decimal, type Money } from "../../core/index.js";

/** A work or duration value (`PT8H0M0S`) as an exact number of seconds of working time. */
export interface MspdiDuration {
  /** Discriminator. */
  readonly kind: "duration";
  /** Total seconds (exact; MSPDI allows fractional seconds such as `PT2H0M5.07S`). */
  readonly seconds: Decimal;
}

/** A value read from an MSPDI element: text as written, money (÷100 applied), a rate, or a duration. */
export type MspdiValue = string | Money | MspdiDuration | { readonly kind: "rate"; readonly perHour: Decimal };

const DURATION = /^(-)?PT(\d+)H(\d+)M(\d+(?:\.\d+)?)S$/;

/**
 * Money fields: MSPDI stores currency amounts in hundredths of the currency unit (×100) — `Cost` 80000 is 800.00
 * (see fixtures/mspdi/NOTES.md §1, MPXJ `DatatypeConverter.parseCurrency`). Rates are not scaled.
 */
export const MONEY_FIELDS: ReadonlySet<string> = new Set([
  "Cost", "ActualCost", "RemainingCost", "OvertimeCost", "FixedCost", "CostVariance", "ACWP", "BCWS", "BCWP", "CV",
  "SV", "CostPerUse", "ActualOvertimeCost", "RemainingOvertimeCost", "VAC", "BudgetCost",
]);

/** Rate fields: currency per hour, not scaled (NOTES.md §2). */
export const RATE_FIELDS: ReadonlySet<string> = new Set(["StandardRate", "OvertimeRate"]);

/**
 * Parses an MSPDI duration `PTnHnMnS` into exact seconds; `undefined` when the text is not one.
 *
 * @example
 * ```ts
 * parseMspdiDuration("PT2H0M5.07S")?.seconds.toFixed(); // "7205.07"
 * ```
 */
export function parseMspdiDuration(text: string): MspdiDuration | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const s = new PmoDecimal(m[2]!).times(3600).plus(new PmoDecimal(m[3]!).times(60)).plus(m[4]!);
  return { kind: "duration", seconds: m[1] ? s.negated() : s };
}

/**
 * Writes exact seconds as an MSPDI duration, hours-minutes-seconds as MS Project writes them.
 *
 * @example
 * ```ts
 * formatMspdiDuration(parseMspdiDuration("PT81H8M24S")!); // "PT81H8M24S"
 * ```
 */
export function formatMspdiDuration(d: MspdiDuration): string {
  const neg = d.seconds.isNegative() && !d.seconds.isZero();
  const total = d.seconds.abs();
  const hours = total.dividedToIntegerBy(3600);
  const rest = total.minus(hours.times(3600));
  const minutes = rest.dividedToIntegerBy(60);
  const seconds = rest.minus(minutes.times(60));
  return `${neg ? "-" : ""}PT${hours.toFixed()}H${minutes.toFixed()}M${seconds.toFixed()}S`;
}

/**
 * Hours of a duration (seconds / 3600, exact to 12 decimal places).
 *
 * @example
 * ```ts
 * durationHours(parseMspdiDuration("PT88H0M0S")!).toFixed(); // "88"
 * ```
 */
export function durationHours(d: MspdiDuration): Decimal {
  return d.seconds.dividedBy(3600).toDecimalPlaces(12);
}

/** Reads one field's text into its typed value. `currency` is the file's currency for money fields. */
export function readValue(field: string, text: string, currency: string): MspdiValue {
  if (MONEY_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(text)) return money(new PmoDecimal(text).dividedBy(100), currency);
  if (RATE_FIELDS.has(field) && /^-?\d+(\.\d+)?$/.test(text)) return { kind: "rate", perHour: new PmoDecimal(text) };
  return parseMspdiDuration(text) ?? text;
}

/** Writes a typed field value back to MSPDI text (money ×100, durations as `PTnHnMnS`). */
export function writeValue(value: MspdiValue): string {
  if (typeof value === "string") return value;
  if ("kind" in value) return value.kind === "duration" ? formatMspdiDuration(value) : value.perHour.toFixed();
  return value.amount.times(100).toFixed();
}
