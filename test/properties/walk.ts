import { expect } from "vitest";
import { PmoDecimal } from "../../src/core/index.js";

/*
 * A recursive walk over a calculator's result that lists every value breaking the quality bar:
 * - a JS number that is NaN, ±Infinity or -0;
 * - a Decimal that is NaN, ±Infinity or -0;
 * - a string that shows NaN, Infinity or a negative zero ("-0", "-0.00");
 * - a Money-like object (`{ amount, currency }`) whose amount is not a Decimal or a decimal string;
 * - a JS number under a key that names money (`amount`, `bac`, `eac`, `npv`, …);
 * - a Metric-like object (`reason` is a string) that also carries a `value`, or a `{ value: undefined }` without a reason.
 */

/** Keys whose value is money or a money figure, never a JS number. */
export const MONEY_KEYS: ReadonlySet<string> = new Set([
  "amount", "bac", "pv", "ev", "ac", "eac", "etc", "vac", "cv", "sv", "npv", "xnpv", "cost", "budget", "emv", "benefit",
  "contingency", "reserve", "totalCost", "totalBenefit",
]);

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;
const NEG_ZERO_TEXT = /(^|[^\w.-])-0(\.0+)?(?![\d.])/;

export interface Violation {
  readonly path: string;
  readonly problem: string;
}

function isDecimal(v: unknown): v is InstanceType<typeof PmoDecimal> {
  return PmoDecimal.isDecimal(v);
}

/** Lists every value in `root` that breaks the rules above (an empty list when all is well). */
export function violations(root: unknown, options: { readonly numberKeysAllowed?: ReadonlySet<string> } = {}): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string, key: string): void => {
    if (typeof v === "number") {
      if (Number.isNaN(v)) out.push({ path, problem: "NaN" });
      else if (!Number.isFinite(v)) out.push({ path, problem: String(v) });
      else if (Object.is(v, -0)) out.push({ path, problem: "-0" });
      else if (MONEY_KEYS.has(key) && !options.numberKeysAllowed?.has(key)) out.push({ path, problem: `JS number ${v} where money is expected` });
      return;
    }
    if (typeof v === "string") {
      if (/\bNaN\b/.test(v)) out.push({ path, problem: `text shows NaN: ${v}` });
      else if (/Infinity/.test(v)) out.push({ path, problem: `text shows Infinity: ${v}` });
      else if (NEG_ZERO_TEXT.test(v)) out.push({ path, problem: `text shows a negative zero: ${v}` });
      return;
    }
    if (typeof v !== "object" || v === null) return;
    if (isDecimal(v)) {
      if (!v.isFinite()) out.push({ path, problem: `Decimal ${v.toString()}` });
      else if (v.isZero() && v.isNeg()) out.push({ path, problem: "Decimal -0" });
      return;
    }
    if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) out.push({ path, problem: "Invalid Date" });
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      Array.from(v as unknown as ArrayLike<number>).forEach((x, i) => walk(x, `${path}[${i}]`, ""));
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${path}.get(${String(k)})`, String(k));
      return;
    }
    if (v instanceof Set) {
      let i = 0;
      for (const x of v) walk(x, `${path}{${i++}}`, "");
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, ""));
      return;
    }
    const o = v as Record<string, unknown>;
    if ("currency" in o && "amount" in o && typeof o.currency === "string") {
      const a = o.amount;
      if (!isDecimal(a) && !(typeof a === "string" && DECIMAL_STRING.test(a))) out.push({ path: `${path}.amount`, problem: `money amount is ${typeof a}` });
    }
    if (typeof o.reason === "string" && "value" in o && o.value !== undefined) out.push({ path, problem: `metric has both a value and the reason ${o.reason}` });
    if ("value" in o && o.value === undefined && !("reason" in o)) out.push({ path, problem: "metric with value undefined and no reason" });
    for (const k of Object.keys(o)) walk(o[k], `${path}.${k}`, k);
  };
  walk(root, "$", "");
  return out;
}

/** Asserts that `root` has no violation; the message lists the first few. */
export function expectClean(root: unknown, options: { readonly numberKeysAllowed?: ReadonlySet<string> } = {}): void {
  expect(violations(root, options).slice(0, 8)).toEqual([]);
}

/** Every Metric-like object under `root` (objects with a `reason` string, or a `value` key), with its path. */
export function metricsIn(root: unknown): { path: string; m: { value?: unknown; reason?: string } }[] {
  const out: { path: string; m: { value?: unknown; reason?: string } }[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== "object" || v === null || isDecimal(v) || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
    const o = v as Record<string, unknown>;
    if (typeof o.reason === "string" || ("value" in o && Object.keys(o).every((k) => k === "value" || k === "reason" || k === "detail"))) out.push({ path, m: o as { value?: unknown; reason?: string } });
    for (const k of Object.keys(o)) walk(o[k], `${path}.${k}`);
  };
  walk(root, "$");
  return out;
}
