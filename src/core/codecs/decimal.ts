import * as z from "zod";
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH, PmoDecimal, toDecimalString, type Decimal } from "../decimal.js";
import { isFiniteDecimal, refuse } from "./refuse.js";

/*
 * Decimal codecs: the wire string, the codec to a Decimal, and the calculator input schema. One file per codec family,
 * so a calculator that decodes decimals does not carry the money, date and id schemas into a bundle (zod schema
 * construction is top-level code a bundler must keep).
 */

/**
 * Wire schema of a decimal string: `-?digits(.digits)?`, no exponent, at most 80 characters.
 *
 * @example
 * ```ts
 * decimalStringSchema.safeParse("12.5").success; // true
 * decimalStringSchema.safeParse("NaN").success;  // false
 * ```
 */
export const decimalStringSchema = z
  .string()
  .max(MAX_DECIMAL_LENGTH)
  .regex(DECIMAL_PATTERN, { message: "expected a decimal number like 1234.50 (no exponent, no spaces)" });

const decimalMemory = z.custom<Decimal>((v) => PmoDecimal.isDecimal(v) && (v as Decimal).isFinite(), {
  message: "expected a finite Decimal",
});

/**
 * Codec between a decimal string on the wire and a {@link Decimal} in memory. Encodes in plain notation, without
 * `-0`, keeping the value's own decimal places (`"12.50"` decodes to 12.5 and encodes to `"12.5"`; use
 * {@link moneyCodec} where a fixed number of places matters).
 *
 * @example
 * ```ts
 * decimalCodec.decode("0.075").times(2).toFixed(); // "0.15"
 * decimalCodec.encode(new PmoDecimal("1e-7"));     // "0.0000001"
 * ```
 */
export const decimalCodec = z.codec(decimalStringSchema, decimalMemory, {
  decode: (s) => new PmoDecimal(s),
  encode: (d, payload) => (isFiniteDecimal(d) ? toDecimalString(d) : refuse(payload, d, "expected a finite Decimal", "0")),
});

/**
 * The one way every public calculator input takes a decimal: an exact decimal string (`"1234.50"`) or a finite
 * JavaScript number (`0.1` is read as the decimal its shortest printed form names, `0.1`, never as the binary
 * fraction behind it). Decodes to a {@link Decimal}. Exponent strings, `NaN`, `Infinity` and `""` are refused with
 * the path of the offending value.
 *
 * @example
 * ```ts
 * const row = z.object({ budget: decimalInputSchema }).parse({ budget: "1200.50" });
 * row.budget.toFixed(); // "1200.5"
 * decimalInputSchema.parse(0.1).toFixed(); // "0.1"
 * ```
 */
export const decimalInputSchema = /* @__PURE__ */ z
  .union([
    decimalStringSchema,
    z.number().refine((n) => Number.isFinite(n), { message: "expected a finite number" }),
  ])
  .transform((v) => new PmoDecimal(v));
