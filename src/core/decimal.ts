import { Decimal as DecimalJs } from "decimal.js";
import { describeValue } from "./describe.js";
import { ValidationError } from "./errors.js";

/**
 * pmokit's decimal type: a decimal.js `Decimal`.
 *
 * Values are created by {@link decimal} from pmokit's private constructor, configured once and never through
 * `Decimal.set` (which would change the numbers of every other library in the process):
 *
 * - **precision 34** significant digits (the precision of IEEE 754 decimal128), so sums of millions of cents and
 *   products with rates stay exact;
 * - **rounding `ROUND_HALF_EVEN`** (banker's rounding) wherever a result exceeds 34 digits;
 * - exponent notation disabled (`toExpNeg`/`toExpPos` at their limits), so `toString()` never prints `1e+21`.
 *
 * Operations that must round to a currency's minor unit (division, allocation) take an explicit
 * {@link RoundingMode} instead of relying on this default.
 */
export type Decimal = DecimalJs;

/** Values accepted where a decimal is expected: a Decimal, a canonical decimal string, or a finite number. */
export type DecimalInput = Decimal | string | number;

/*
 * decimal.js' rounding constants, as the numbers its documentation fixes (ROUND_UP 0 … ROUND_HALF_EVEN 6; a test
 * checks them against the library). Literals rather than `DecimalJs.ROUND_*` reads, and the clones marked pure, so that
 * a bundle which never uses WideDecimal or the rounding table can drop them: a property read on an import counts as
 * a possible side effect to a bundler.
 */
const ROUND_UP = 0;
const ROUND_DOWN = 1;
const ROUND_CEIL = 2;
const ROUND_FLOOR = 3;
const ROUND_HALF_UP = 4;
const ROUND_HALF_DOWN = 5;
const ROUND_HALF_EVEN = 6;

/**
 * pmokit's private Decimal constructor (see {@link Decimal} for its configuration).
 *
 * @example
 * ```ts
 * const rate = new PmoDecimal("0.075");
 * rate.times(2).toFixed(); // "0.15"
 * ```
 */
export const PmoDecimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone({
  precision: 34,
  rounding: ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/**
 * @internal A wide clone for exact integer steps (products, remainders) inside division and allocation: results
 * of those steps can exceed 34 digits before the final rounding, and must not be rounded on the way.
 */
export const WideDecimal: typeof DecimalJs = /* @__PURE__ */ DecimalJs.clone({
  precision: 1000,
  rounding: ROUND_DOWN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** Rounding modes, by name, for operations that must land on a fixed number of decimal places. */
export type RoundingMode = "half-even" | "half-up" | "half-down" | "up" | "down" | "ceil" | "floor";

const ROUNDING: Record<RoundingMode, DecimalJs.Rounding> = {
  "half-even": ROUND_HALF_EVEN,
  "half-up": ROUND_HALF_UP,
  "half-down": ROUND_HALF_DOWN,
  up: ROUND_UP,
  down: ROUND_DOWN,
  ceil: ROUND_CEIL,
  floor: ROUND_FLOOR,
};

/**
 * The decimal.js rounding constant for a named {@link RoundingMode}.
 *
 * @example
 * ```ts
 * decimal("2.5").toDecimalPlaces(0, roundingConstant("half-even")).toFixed(); // "2"
 * ```
 */
export function roundingConstant(mode: RoundingMode): DecimalJs.Rounding {
  // Own keys only: "constructor" or "toString" must not find Object.prototype's members.
  const r = typeof mode === "string" && Object.hasOwn(ROUNDING, mode) ? ROUNDING[mode] : undefined;
  if (r === undefined) throw ValidationError.single([], `unknown rounding mode ${describeValue(mode)}`, "rounding mode");
  return r;
}

/**
 * @internal Why `mode` is not a {@link RoundingMode}, in words, or `undefined` when it is one: for options that name a
 * rounding convention (the simulations' `rounding`), so each reports the problem at its own path.
 *
 * @example
 * ```ts
 * roundingModeProblem("half-even"); // undefined
 * roundingModeProblem("bankers");   // 'unknown rounding mode "bankers": expected "half-even", "half-up", …'
 * ```
 */
export function roundingModeProblem(mode: unknown): string | undefined {
  if (typeof mode === "string" && Object.hasOwn(ROUNDING, mode)) return undefined;
  const names = Object.keys(ROUNDING).map((k) => `"${k}"`);
  return `unknown rounding mode ${describeValue(mode)}: expected ${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

/**
 * The wire form of a decimal: optional minus, digits, optional fraction. No exponent, no spaces, no `+`.
 *
 * @example
 * ```ts
 * DECIMAL_PATTERN.test("1234.50"); // true
 * DECIMAL_PATTERN.test("1e3");     // false
 * ```
 */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * Longest decimal string accepted on the wire (a guard against pathological input).
 *
 * @example
 * ```ts
 * decimal("9".repeat(MAX_DECIMAL_LENGTH + 1)); // throws ValidationError
 * ```
 */
export const MAX_DECIMAL_LENGTH = 80;

/**
 * Creates a Decimal from a canonical decimal string, a finite number or another Decimal.
 * Strings must match `-?digits(.digits)?`: `"1e3"`, `"NaN"`, `""`, `" 1"` and `"Infinity"` are rejected.
 *
 * @throws {ValidationError} when the value is not a finite decimal.
 * @example
 * ```ts
 * decimal("1234.50").plus(decimal(1)).toFixed(); // "1235.5"
 * ```
 */
export function decimal(value: DecimalInput): Decimal {
  if (typeof value === "string") {
    if (value.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(value)) {
      throw ValidationError.single([], whyNotDecimal(value), "decimal");
    }
    return new PmoDecimal(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw ValidationError.single([], `${value} is not a finite number`, "decimal");
    return new PmoDecimal(value);
  }
  if (PmoDecimal.isDecimal(value) && value.isFinite()) return new PmoDecimal(value);
  throw ValidationError.single([], "value is not a finite Decimal", "decimal");
}

/** Says exactly why a string is not a decimal input, so "1e12" does not get a vague "not a decimal". */
function whyNotDecimal(value: string): string {
  // describeValue's words for a string: quoted, cut at 40 characters.
  const shown = describeValue(value);
  if (value.length > MAX_DECIMAL_LENGTH) return `${shown} is longer than ${MAX_DECIMAL_LENGTH} characters`;
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(value)) {
    return `${shown} uses exponent notation, which pmokit does not accept (write the digits out, e.g. "1000000000000" for 1e12)`;
  }
  if (value.trim() !== value || value === "") return `${shown} is not a decimal number (no spaces, not empty)`;
  return `${shown} is not a decimal number like 1234.50 (digits, optional minus and fraction)`;
}

/**
 * The canonical wire string of a decimal: plain notation (never exponent), no `-0`.
 * With `minDecimals`, pads the fraction to at least that many places (never rounds).
 *
 * @example
 * ```ts
 * toDecimalString(decimal("1e-9"));      // "0.000000001"
 * toDecimalString(decimal("-0"));        // "0"
 * toDecimalString(decimal("12.5"), 2);   // "12.50"
 * ```
 */
export function toDecimalString(value: Decimal, minDecimals = 0): string {
  if (!PmoDecimal.isDecimal(value) || !value.isFinite()) {
    throw ValidationError.single(["value"], "expected a finite Decimal", "toDecimalString");
  }
  if (!Number.isInteger(minDecimals) || minDecimals < 0 || minDecimals > 1000) {
    throw ValidationError.single(["minDecimals"], "expected a whole number from 0 to 1000", "toDecimalString");
  }
  const places = Math.max(value.decimalPlaces(), minDecimals);
  const s = value.toFixed(places);
  // toFixed prints "-0.00" for a negative value that rounds to zero; no rounding happens here, but the wire form
  // must never carry a negative zero, so the guard stays.
  return value.isZero() && s.startsWith("-") ? s.slice(1) : s;
}

/**
 * True for a value that {@link decimal} would accept.
 *
 * @example
 * ```ts
 * isDecimalInput("12.50"); // true
 * isDecimalInput("1e3");   // false
 * ```
 */
export function isDecimalInput(value: unknown): value is DecimalInput {
  if (typeof value === "string") return value.length <= MAX_DECIMAL_LENGTH && DECIMAL_PATTERN.test(value);
  if (typeof value === "number") return Number.isFinite(value);
  return PmoDecimal.isDecimal(value) && (value as Decimal).isFinite();
}

/**
 * `a ÷ b` rounded to `scale` decimal places with one exact rounding step.
 *
 * The quotient is found by integer division with an exact remainder, so the rounding decision never depends on an
 * intermediate 34-digit approximation (which could round twice, e.g. …4999…9 → …5 → up).
 *
 * @throws {ValidationError} when `b` is zero.
 * @example
 * ```ts
 * divideToScale(decimal("100"), decimal("3"), 2, "half-even").toFixed(); // "33.33"
 * divideToScale(decimal("0.125"), decimal("1"), 2, "half-even").toFixed(); // "0.12"
 * ```
 */
export function divideToScale(a: Decimal, b: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (!PmoDecimal.isDecimal(a) || !a.isFinite()) throw ValidationError.single(["a"], "expected a finite Decimal", "decimal division");
  if (!PmoDecimal.isDecimal(b) || !b.isFinite()) throw ValidationError.single(["b"], "expected a finite Decimal", "decimal division");
  if (!Number.isInteger(scale) || scale < 0 || scale > 1000) {
    throw ValidationError.single(["scale"], "expected a whole number of decimal places from 0 to 1000", "decimal division");
  }
  roundingConstant(mode);
  if (b.isZero()) throw ValidationError.single(["divisor"], "division by zero", "decimal division");
  const factor = new WideDecimal(10).pow(scale);
  const bw = new WideDecimal(b);
  const n = new WideDecimal(a).times(factor);
  const q = n.divToInt(bw); // truncated toward zero, exact at 1000 digits
  const r = n.minus(q.times(bw)); // exact remainder
  if (r.isZero()) return new PmoDecimal(q.div(factor));
  const sign = n.isNegative() !== b.isNegative() ? -1 : 1;
  const half = r.abs().times(2).cmp(bw.abs()); // -1 below half, 0 exactly half, 1 above
  let awayFromZero: boolean;
  switch (mode) {
    case "up": awayFromZero = true; break;
    case "down": awayFromZero = false; break;
    case "ceil": awayFromZero = sign > 0; break;
    case "floor": awayFromZero = sign < 0; break;
    case "half-up": awayFromZero = half >= 0; break;
    case "half-down": awayFromZero = half > 0; break;
    case "half-even": awayFromZero = half > 0 || (half === 0 && !q.mod(2).isZero()); break;
    default: throw ValidationError.single([], `unknown rounding mode ${describeValue(mode)}`, "rounding mode");
  }
  return new PmoDecimal((awayFromZero ? q.plus(sign) : q).div(factor));
}
