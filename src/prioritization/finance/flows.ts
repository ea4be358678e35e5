import { PmoDecimal, ValidationError, decimal, isMoney, type Decimal, type DecimalInput, type Money, type ValidationIssue } from "../../core/index.js";

/** A cash flow: a decimal (string, Decimal or finite number) or a Money amount. */
export type CashFlowInput = DecimalInput | Money;

/**
 * @internal Turns flows into Decimals, reporting every non-finite or malformed value with its path, and checking
 * that Money flows share one currency.
 */
export function toFlows(flows: readonly CashFlowInput[], subject: string, path: readonly (string | number)[] = ["flows"]): Decimal[] {
  const issues: ValidationIssue[] = [];
  const out: Decimal[] = [];
  let currency: string | undefined;
  if (!Array.isArray(flows)) throw ValidationError.single([...path], "expected an array of cash flows", subject);
  flows.forEach((f, i) => {
    const d = toDecimalOrUndefined(f);
    if (d === undefined) {
      issues.push({ path: [...path, i], message: whyNotAFlow(f), code: "custom" });
      return;
    }
    if (isMoney(f)) {
      currency ??= f.currency;
      if (f.currency !== currency) issues.push({ path: [...path, i, "currency"], message: `all flows must be in ${currency}`, code: "custom" });
    }
    out.push(d);
  });
  if (issues.length > 0) throw new ValidationError(issues, subject);
  return out;
}

/** The same explanation Money and every decimal input give (e.g. exponent notation is named as such). */
function whyNotAFlow(value: unknown): string {
  if (typeof value === "string") {
    try {
      decimal(value);
    } catch (e) {
      if (e instanceof ValidationError && e.issues[0]) return `cash flow ${e.issues[0].message}`;
    }
  }
  return "cash flow must be a finite decimal (a string like \"1234.50\", a finite number, a Decimal or Money)";
}

/** @internal A finite Decimal from an input, or undefined. */
export function toDecimalOrUndefined(v: unknown): Decimal | undefined {
  if (isMoney(v)) return v.amount;
  if (typeof v === "number") return Number.isFinite(v) ? new PmoDecimal(v) : undefined;
  if (typeof v === "string") return /^-?\d+(\.\d+)?$/.test(v) && v.length <= 80 ? new PmoDecimal(v) : undefined;
  if (PmoDecimal.isDecimal(v) && (v as Decimal).isFinite()) return new PmoDecimal(v as Decimal);
  return undefined;
}

/** @internal A rate as a Decimal, or a ValidationError at `path`. Rates must be greater than −1 (−100%). */
export function toRate(rate: DecimalInput, subject: string, path: readonly (string | number)[] = ["rate"]): Decimal {
  const r = toDecimalOrUndefined(rate);
  if (r === undefined) throw ValidationError.single([...path], "rate must be a finite decimal", subject);
  if (r.lte(-1)) throw ValidationError.single([...path], "rate must be greater than -1 (-100%)", subject);
  return r;
}

/** @internal Number of sign changes in the flows, zeros skipped (Descartes' bound on the number of positive roots of the discount factor). */
export function signChanges(flows: readonly Decimal[]): number {
  let last = 0;
  let changes = 0;
  for (const f of flows) {
    const s = f.isZero() ? 0 : f.isNegative() ? -1 : 1;
    if (s === 0) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}
