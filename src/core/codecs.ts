import * as z from "zod";
import { ValidationError } from "./errors.js";
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH, PmoDecimal, toDecimalString, type Decimal } from "./decimal.js";
import { isCurrencyCode, minorUnits, type CurrencyCode } from "./money/currency.js";
import { MONEY_SIGNIFICANT_DIGITS, unsafeMoney, type Money } from "./money/money.js";
import { isIsoDate, type IsoDate } from "./dates/iso-date.js";
import { instant, isInstant, isInstantInput, type Instant } from "./dates/instant.js";

/*
 * The codec boundary. Each schema here has a wire form (JSON-safe strings) and a memory form (Decimal, branded
 * strings); entity schemas are built from them, so `Entity.decode(wire)` and `Entity.encode(memory)` convert a whole
 * record in one call. Adapters only ever see wire forms.
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

function isFiniteDecimal(value: unknown): value is Decimal {
  return PmoDecimal.isDecimal(value) && (value as Decimal).isFinite();
}

/**
 * Records an issue from inside an encoder and returns a stand-in value. zod may call encoders on values its memory-side
 * checks have not vetted yet; a wrong memory value must become a ValidationError with a path, not a TypeError.
 */
function refuse<T>(payload: z.core.ParsePayload<unknown>, input: unknown, message: string, standIn: T): T {
  payload.issues.push({ code: "custom", message, input, path: [] });
  return standIn;
}

/**
 * An ISO 4217 currency code (`"EUR"`); unknown codes such as `"EURO"` or `"eur"` are rejected.
 *
 * @example
 * ```ts
 * currencyCodeSchema.parse("CHF"); // "CHF"
 * ```
 */
export const currencyCodeSchema = z
  .string()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { message: "expected an ISO 4217 currency code like EUR" });

/** Wire form of {@link Money}. */
export interface MoneyWire {
  /** Canonical decimal string with at least the currency's minor units: `"1234.50"`. */
  amount: string;
  /** ISO 4217 code. */
  currency: string;
}

const moneyWireSchema = z.strictObject({
  amount: decimalStringSchema
    .refine((a) => a.length <= MONEY_SIGNIFICANT_DIGITS + 2 || new PmoDecimal(a).sd(false) <= MONEY_SIGNIFICANT_DIGITS, {
      message: `amount has more than ${MONEY_SIGNIFICANT_DIGITS} significant digits`,
    })
    .describe("Decimal amount, e.g. \"1234.50\"; never exponent notation"),
  currency: currencyCodeSchema.describe("ISO 4217 currency code, e.g. \"EUR\""),
});

const moneyMemory = z.custom<Money>(
  (v) =>
    typeof v === "object" && v !== null && PmoDecimal.isDecimal((v as Money).amount) && (v as Money).amount.isFinite() &&
    isCurrencyCode((v as Money).currency),
  { message: "expected Money { amount: Decimal, currency }" },
);

/**
 * Money on the wire as `{ "amount": "1234.50", "currency": "EUR" }`. Encoding writes at least the currency's
 * minor units and every further decimal the amount has (`12.5 EUR` → `"12.50"`, `0.125 EUR` → `"0.125"`), never
 * exponent notation, never `-0` — so a canonical wire value round-trips byte for byte.
 *
 * @example
 * ```ts
 * const m = moneyCodec.decode({ amount: "1234.5", currency: "EUR" });
 * moneyCodec.encode(m); // { amount: "1234.50", currency: "EUR" }
 * ```
 */
export const moneyCodec = z.codec(moneyWireSchema, moneyMemory, {
  decode: (w) => unsafeMoney(new PmoDecimal(w.amount), w.currency),
  encode: (m, payload) =>
    typeof m === "object" && m !== null && isFiniteDecimal(m.amount) && isCurrencyCode(m.currency)
      ? { amount: toDecimalString(m.amount, minorUnits(m.currency)), currency: m.currency }
      : refuse(payload, m, "expected Money { amount: Decimal, currency }", { amount: "0", currency: "" }),
});

/**
 * The canonical wire form of a Money value.
 *
 * @example
 * ```ts
 * moneyToWire(money("12.5", "EUR")); // { amount: "12.50", currency: "EUR" }
 * ```
 */
export function moneyToWire(m: Money): MoneyWire {
  return encodeWith(moneyCodec, m, "money");
}

/**
 * Codec of a calendar date: the same string on both sides, branded in memory. Safe to encode (unlike a
 * `.transform`, which cannot run backwards).
 *
 * @example
 * ```ts
 * isoDateCodec.decode("2027-03-01"); // IsoDate
 * ```
 */
export const isoDateCodec = z.codec(
  z.string().refine((s) => isIsoDate(s), { message: "expected a real calendar date YYYY-MM-DD" }),
  z.custom<IsoDate>((v) => isIsoDate(v), { message: "expected an IsoDate" }),
  {
    decode: (s) => s as IsoDate,
    encode: (d, payload) => (isIsoDate(d) ? d : refuse(payload, d, "expected a calendar date YYYY-MM-DD", "" as IsoDate)),
  },
);

/**
 * Codec of an instant: a UTC date-time with `Z` on the wire (seconds required, at most milliseconds), normalised to
 * `YYYY-MM-DDTHH:mm:ss.sssZ` in memory and on the way back out.
 *
 * @example
 * ```ts
 * instantCodec.decode("2026-11-25T14:03:00Z"); // "2026-11-25T14:03:00.000Z"
 * ```
 */
export const instantCodec = z.codec(
  z.string().refine((s) => isInstantInput(s), { message: "expected a UTC date-time like 2026-11-25T14:03:00.000Z" }),
  z.custom<Instant>((v) => isInstantInput(v), { message: "expected an Instant" }),
  {
    decode: (s) => (isInstant(s) ? s : instant(s)), // canonical input (the common case) needs no Date round trip
    encode: (i, payload) => (isInstantInput(i) ? instant(i) : refuse(payload, i, "expected a UTC instant", "")),
  },
);

/**
 * An identifier: 1–128 characters, starting with a letter or digit, then letters, digits and `. _ : -`.
 * That admits UUIDs and readable keys (`REQ-012`, `prj.crm:2027`) and rules out `__proto__`, spaces and paths.
 *
 * @example
 * ```ts
 * idSchema.parse("BR-012"); // "BR-012"
 * ```
 */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: "ids start with a letter or digit, then letters, digits, . _ : -" });

/**
 * Why a string cannot be stored faithfully by every database, or `null` when it can: NUL (PostgreSQL text refuses
 * it, SQLite's string functions stop at it) and lone UTF-16 surrogates (not text: no database stores them as
 * given). One rule for every adapter, applied to every string field of every entity kind.
 *
 * @example
 * ```ts
 * unstorableText("Müller 😀"); // null
 * unstorableText("lone \ud800 surrogate"); // "contains a lone UTF-16 surrogate at index 5"
 * ```
 * @throws {ValidationError} when `value` is not a string.
 */
export function unstorableText(value: string): string | null {
  if (typeof value !== "string") throw ValidationError.single(["value"], "expected a string", "unstorableText");
  const nul = value.indexOf("\u0000");
  if (nul >= 0) return `contains a NUL character at index ${nul}`;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `contains a lone UTF-16 surrogate at index ${i}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `contains a lone UTF-16 surrogate at index ${i}`;
  }
  return null;
}

/**
 * Reports every string inside a value (plain objects and arrays, recursively) that {@link unstorableText} refuses,
 * as zod issues with their paths — object keys included. Entity codecs run it on every record, decoding and encoding.
 *
 * @example
 * ```ts
 * z.strictObject({ notes: z.string() }).superRefine(refuseUnstorableText).safeParse({ notes: "a\u0000b" }).success; // false
 * ```
 */
export function refuseUnstorableText(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (typeof (ctx as { addIssue?: unknown } | null)?.addIssue !== "function") {
    throw ValidationError.single(["ctx"], "expected a zod refinement context", "refuseUnstorableText");
  }
  // One path stack, copied only when an issue is reported, and a quick scan that passes ordinary text without the
  // per-character loop: this runs on every string of every record, decoding and encoding.
  const path: (string | number)[] = [];
  const check = (text: string, what: string, at: readonly (string | number)[]): void => {
    if (!SUSPECT_TEXT.test(text)) return;
    const why = unstorableText(text);
    if (why) ctx.addIssue({ code: "custom", message: `${what} ${why}`, path: [...at], input: text });
  };
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      check(v, "text", path);
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
      return;
    }
    if (v !== null && typeof v === "object") {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return; // Decimal, Money: not text
      for (const k of Object.keys(v)) {
        path.push(k);
        check(k, "key", path);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(value);
}

/** NUL or any surrogate code unit: only text containing one needs the exact check (paired surrogates pass it). */
const SUSPECT_TEXT = /[\u0000\ud800-\udfff]/;

/**
 * Decodes wire input through a schema, turning zod's error into a {@link ValidationError}.
 *
 * @throws {ValidationError} listing every issue with its path.
 * @example
 * ```ts
 * const m = decodeWith(moneyCodec, { amount: "1.00", currency: "EUR" }, "money");
 * ```
 */
export function decodeWith<S extends z.ZodType>(schema: S, input: unknown, subject?: string): z.output<S> {
  checkSchema(schema, "decodeWith");
  const r = schema.safeDecode(input as z.input<S>);
  if (!r.success) throw ValidationError.fromZod(r.error, subject);
  return r.data;
}

function checkSchema(schema: unknown, subject: string): void {
  if (typeof schema !== "object" || schema === null || typeof (schema as { safeDecode?: unknown }).safeDecode !== "function") {
    throw ValidationError.single(["schema"], "expected a zod schema", subject);
  }
}

/**
 * Encodes a memory value through a schema to its wire form.
 *
 * @throws {ValidationError} when the value does not match the schema's memory form.
 * @example
 * ```ts
 * encodeWith(moneyCodec, money("1", "EUR"), "money"); // { amount: "1.00", currency: "EUR" }
 * ```
 */
export function encodeWith<S extends z.ZodType>(schema: S, value: z.output<S>, subject?: string): z.input<S> {
  checkSchema(schema, "encodeWith");
  const r = schema.safeEncode(value);
  if (!r.success) throw ValidationError.fromZod(r.error, subject);
  return r.data;
}

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
export const decimalInputSchema = z
  .union([
    decimalStringSchema,
    z.number().refine((n) => Number.isFinite(n), { message: "expected a finite number" }),
  ])
  .transform((v) => new PmoDecimal(v));
