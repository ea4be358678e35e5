import { decimal, ValidationError, type Decimal, type DecimalInput } from "../core/index.js";

/** @internal An SLO as a decimal fraction strictly between 0 and 1, or a ValidationError at `["slo"]`. */
export function sloOf(slo: DecimalInput, subject: string): Decimal {
  let d: Decimal;
  try {
    d = decimal(slo);
  } catch {
    throw ValidationError.single(["slo"], "the SLO is a decimal fraction such as 0.999", subject);
  }
  if (!d.gt(0) || !d.lt(1)) throw ValidationError.single(["slo"], "the SLO is a fraction above 0 and below 1 (0.999 for 99.9%)", subject);
  return d;
}

/** @internal A decimal from 0 (a whole number when `whole`), or a ValidationError at `path`. */
export function countOf(value: DecimalInput, path: (string | number)[], subject: string, whole: boolean): Decimal {
  let d: Decimal | undefined;
  try {
    d = decimal(value);
  } catch {
    d = undefined;
  }
  if (d === undefined || d.lt(0) || (whole && !d.isInteger())) {
    throw ValidationError.single(path, whole ? "a count is a whole number from 0" : "a decimal from 0", subject);
  }
  return d;
}
