import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal as DecimalJs } from "decimal.js";
import { DECIMAL_PATTERN, PmoDecimal, decimal, type RoundingMode } from "../../src/core/decimal.js";
import { CurrencyMismatchError, ValidationError } from "../../src/core/errors.js";
import { currencyCodes, isCurrencyCode, minorUnits } from "../../src/core/money/currency.js";
import { assertSameCurrency, isMoney, money, zeroMoney, type Money } from "../../src/core/money/money.js";
import { addMoney, multiplyMoney, negateMoney, subtractMoney, sumMoney } from "../../src/core/money/arithmetic.js";
import { compareMoney, isNegativeMoney, isZeroMoney, moneyEquals } from "../../src/core/money/compare.js";
import { divideMoney, roundMoney } from "../../src/core/money/rounding.js";
import { formatMoney, moneyToString } from "../../src/core/money/format.js";
import { moneyCodec, moneyToWire } from "../../src/core/codecs.js";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

/** Independent reference arithmetic, precise enough to be exact for these inputs. */
const Exact = DecimalJs.clone({ precision: 500 });

const wire = (m: Money) => moneyCodec.encode(m);
const amountOf = (m: Money) => moneyToWire(m).amount;

function fromUnits(units: bigint, scale: number): string {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString().padStart(scale + 1, "0");
  if (scale > 0) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

describe("currencies", () => {
  it("knows active ISO 4217 codes only", () => {
    expect(isCurrencyCode("EUR")).toBe(true);
    expect(isCurrencyCode("CHF")).toBe(true);
    expect(isCurrencyCode("KWD")).toBe(true);
    expect(isCurrencyCode("eur")).toBe(false);
    expect(isCurrencyCode("EURO")).toBe(false);
    expect(isCurrencyCode("XAU")).toBe(false); // gold is not money here
    expect(isCurrencyCode("XTS")).toBe(false); // testing code
    expect(isCurrencyCode("XXX")).toBe(false); // "no currency"
    expect(isCurrencyCode("")).toBe(false);
    expect(isCurrencyCode(978)).toBe(false); // EUR's numeric code is not accepted
    expect(isCurrencyCode(undefined)).toBe(false);
  });

  it("minor units follow ISO 4217 table A.1", () => {
    expect(minorUnits("EUR")).toBe(2);
    expect(minorUnits("USD")).toBe(2);
    expect(minorUnits("JPY")).toBe(0);
    expect(minorUnits("KRW")).toBe(0);
    expect(minorUnits("KWD")).toBe(3);
    expect(minorUnits("BHD")).toBe(3);
    expect(minorUnits("CLF")).toBe(4);
  });

  it("currencyCodes() is sorted, unique and all valid", () => {
    const codes = currencyCodes();
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain("CHF");
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z]{3}$/);
      expect(isCurrencyCode(c)).toBe(true);
    }
  });
});

describe("money()", () => {
  it("creates frozen values from strings, Decimals and safe integers", () => {
    const m = money("1234.50", "EUR");
    expect(m.amount.toFixed()).toBe("1234.5");
    expect(m.currency).toBe("EUR");
    expect(Object.isFrozen(m)).toBe(true);
    expect(money(1500, "EUR").amount.toFixed()).toBe("1500");
    expect(money(Number.MAX_SAFE_INTEGER, "USD").amount.toFixed()).toBe("9007199254740991");
    expect(money(new PmoDecimal("0.125"), "EUR").amount.toFixed()).toBe("0.125");
  });

  it("refuses a fractional float (no binary float ever becomes money)", () => {
    const e = thrown(() => money(0.1, "EUR")) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.subject).toBe("money");
    expect(e.issues[0]?.path).toEqual(["amount"]);
    expect(() => money(2 ** 53, "EUR")).toThrow(ValidationError); // beyond safe integers
    expect(() => money(Number.NaN, "EUR")).toThrow(ValidationError);
    expect(() => money(Number.POSITIVE_INFINITY, "EUR")).toThrow(ValidationError);
  });

  it("refuses an unknown currency with path currency", () => {
    for (const c of ["EURO", "eur", "", "XAU"]) {
      const e = thrown(() => money("1", c)) as ValidationError;
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues[0]?.path).toEqual(["currency"]);
    }
  });

  it.each(["1e3", "NaN", "", " 1", "Infinity", "1,50", "€1"])("refuses the amount %j with path amount", (bad) => {
    const e = thrown(() => money(bad, "EUR")) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues[0]?.path).toEqual(["amount"]);
  });

  it("zeroMoney, isMoney, assertSameCurrency", () => {
    expect(amountOf(zeroMoney("USD"))).toBe("0.00");
    expect(amountOf(zeroMoney("JPY"))).toBe("0");
    expect(() => zeroMoney("XXX")).toThrow(ValidationError);
    expect(isMoney(money("1", "EUR"))).toBe(true);
    expect(isMoney({ amount: "1", currency: "EUR" })).toBe(false); // wire form
    expect(isMoney({ amount: new PmoDecimal(1), currency: "EURO" })).toBe(false);
    expect(isMoney(null)).toBe(false);
    expect(() => assertSameCurrency(money(1, "EUR"), money(1, "EUR"))).not.toThrow();
    expect(() => assertSameCurrency(money(1, "EUR"), money(2, "USD"))).toThrow(CurrencyMismatchError);
  });
});

describe("arithmetic", () => {
  it("adds and subtracts exactly", () => {
    // 0.10 + 0.20 is 0.30000000000000004 in binary floats; exactly 0.30 here.
    expect(amountOf(addMoney(money("0.10", "EUR"), money("0.20", "EUR")))).toBe("0.30");
    expect(amountOf(subtractMoney(money("100.00", "EUR"), money("0.01", "EUR")))).toBe("99.99");
    expect(amountOf(subtractMoney(money("0.01", "EUR"), money("100.00", "EUR")))).toBe("-99.99");
    expect(Object.isFrozen(addMoney(money(1, "EUR"), money(2, "EUR")))).toBe(true);
  });

  it("sums 1e6 × 0.01 to exactly 10000.00", () => {
    function* cents(): Generator<Money> {
      for (let i = 0; i < 1_000_000; i++) yield money("0.01", "EUR");
    }
    const total = sumMoney(cents());
    expect(moneyCodec.encode(total)).toEqual({ amount: "10000.00", currency: "EUR" });
    // The float sum of 10^6 × 0.01 is not 10000 — the reason for exact decimals.
    let f = 0;
    for (let i = 0; i < 1_000_000; i++) f += 0.01;
    expect(f).not.toBe(10000);
  }, 30_000); // a million Money values are built and checked: correctness here, speed in `npm run bench -- core`

  it("sums small lists and the empty list", () => {
    expect(amountOf(sumMoney([money("0.01", "EUR"), money("0.02", "EUR")]))).toBe("0.03");
    expect(wire(sumMoney([], "EUR"))).toEqual({ amount: "0.00", currency: "EUR" });
    expect(wire(sumMoney([], "JPY"))).toEqual({ amount: "0", currency: "JPY" });
    expect(amountOf(sumMoney([money("1.5", "EUR")], "EUR"))).toBe("1.50");
    const e = thrown(() => sumMoney([])) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.subject).toBe("sumMoney");
  });

  it("throws CurrencyMismatchError when mixing currencies", () => {
    const eur = money("1.00", "EUR");
    const usd = money("1.00", "USD");
    for (const [fn, expected, actual] of [
      [() => addMoney(eur, usd), "EUR", "USD"],
      [() => subtractMoney(usd, eur), "USD", "EUR"],
      [() => sumMoney([eur, eur, usd]), "EUR", "USD"],
      [() => sumMoney([eur], "USD"), "USD", "EUR"],
      [() => compareMoney(eur, usd), "EUR", "USD"],
    ] as const) {
      const e = thrown(fn) as CurrencyMismatchError;
      expect(e).toBeInstanceOf(CurrencyMismatchError);
      expect(e.code).toBe("currency-mismatch");
      expect(e.expected).toBe(expected);
      expect(e.actual).toBe(actual);
    }
  });

  it("multiplies exactly and negates", () => {
    expect(amountOf(multiplyMoney(money("200.00", "EUR"), "1.075"))).toBe("215.00"); // 200 × 1.075 = 215 exactly
    expect(multiplyMoney(money("0.10", "EUR"), 3).amount.toFixed()).toBe("0.3"); // not 0.30000000000000004
    expect(multiplyMoney(money("19.99", "EUR"), "0.19").amount.toFixed()).toBe("3.7981"); // no rounding here
    expect(() => multiplyMoney(money("1", "EUR"), "1e3")).toThrow(ValidationError);
    expect(amountOf(negateMoney(money("5.00", "EUR")))).toBe("-5.00");
    expect(amountOf(negateMoney(money("0", "EUR")))).toBe("0.00"); // -0 never reaches the wire
    expect(isNegativeMoney(negateMoney(money("0", "EUR")))).toBe(false);
  });

  it("property: add/subtract are inverse and sum equals the exact sum", () => {
    const amount = fc.tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 4 })).map(([u, s]) => money(fromUnits(u, s), "EUR"));
    fc.assert(
      fc.property(amount, amount, fc.array(amount, { maxLength: 20 }), (a, b, list) => {
        expect(moneyEquals(subtractMoney(addMoney(a, b), b), a)).toBe(true);
        expect(moneyEquals(addMoney(a, b), addMoney(b, a))).toBe(true);
        const exact = list.reduce((acc, m) => acc.plus(new Exact(m.amount.toFixed())), new Exact(0));
        expect(sumMoney(list, "EUR").amount.toFixed()).toBe(exact.toFixed());
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("comparison", () => {
  it("compares, tests equality, zero and sign", () => {
    expect(compareMoney(money("1", "EUR"), money("3", "EUR"))).toBe(-1);
    expect(compareMoney(money("3", "EUR"), money("1", "EUR"))).toBe(1);
    expect(compareMoney(money("1.5", "EUR"), money("1.50", "EUR"))).toBe(0);
    const sorted = [money("3", "EUR"), money("-1", "EUR"), money("1", "EUR")].sort(compareMoney).map(amountOf);
    expect(sorted).toEqual(["-1.00", "1.00", "3.00"]);
    expect(moneyEquals(money("1.5", "EUR"), money("1.50", "EUR"))).toBe(true);
    expect(moneyEquals(money("1", "EUR"), money("1", "USD"))).toBe(false);
    expect(moneyEquals(money("1", "EUR"), money("1.01", "EUR"))).toBe(false);
    expect(isZeroMoney(money("0.00", "EUR"))).toBe(true);
    expect(isZeroMoney(money("-0", "EUR"))).toBe(true);
    expect(isZeroMoney(money("0.01", "EUR"))).toBe(false);
    expect(isNegativeMoney(money("-0.01", "EUR"))).toBe(true);
    expect(isNegativeMoney(money("-0", "EUR"))).toBe(false);
    expect(isNegativeMoney(money("0.01", "EUR"))).toBe(false);
  });
});

describe("roundMoney", () => {
  it("rounds to the minor unit with an explicit mode", () => {
    // 2.345 is a tie between 2.34 and 2.35; 4 is even.
    expect(amountOf(roundMoney(money("2.345", "EUR"), { rounding: "half-even" }))).toBe("2.34");
    expect(amountOf(roundMoney(money("2.345", "EUR"), { rounding: "half-up" }))).toBe("2.35");
    expect(amountOf(roundMoney(money("2.345", "EUR"), { rounding: "floor" }))).toBe("2.34");
    expect(amountOf(roundMoney(money("-2.345", "EUR"), { rounding: "floor" }))).toBe("-2.35");
    expect(amountOf(roundMoney(money("-2.345", "EUR"), { rounding: "ceil" }))).toBe("-2.34");
    // JPY has no minor unit: 1234.5 → 1234 (half-even, 4 is even), 1235 (half-up).
    expect(amountOf(roundMoney(money("1234.5", "JPY"), { rounding: "half-even" }))).toBe("1234");
    expect(amountOf(roundMoney(money("1234.5", "JPY"), { rounding: "half-up" }))).toBe("1235");
    // KWD has three: 1.2345 → 1.234 (half-even), 1.235 (half-up).
    expect(amountOf(roundMoney(money("1.2345", "KWD"), { rounding: "half-even" }))).toBe("1.234");
    expect(amountOf(roundMoney(money("1.2345", "KWD"), { rounding: "half-up" }))).toBe("1.235");
    // Explicit scale: 2.345 at 1 place → 2.3.
    expect(roundMoney(money("2.345", "EUR"), { rounding: "half-even", scale: 1 }).amount.toFixed()).toBe("2.3");
  });

  it("rejects bad scales and modes", () => {
    for (const scale of [-1, 31, 1.5, Number.NaN]) {
      const e = thrown(() => roundMoney(money("1", "EUR"), { rounding: "half-even", scale })) as ValidationError;
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues[0]?.path).toEqual(["scale"]);
    }
    expect(roundMoney(money("1.23456", "EUR"), { rounding: "down", scale: 30 }).amount.toFixed()).toBe("1.23456");
    expect(() => roundMoney(money("1", "EUR"), { rounding: "nearest" as RoundingMode })).toThrow(ValidationError);
  });
});

describe("divideMoney", () => {
  it("divides to the minor unit", () => {
    expect(amountOf(divideMoney(money("100.00", "EUR"), 3, { rounding: "half-even" }))).toBe("33.33");
    expect(amountOf(divideMoney(money("100.00", "EUR"), "0.5", { rounding: "half-even" }))).toBe("200.00");
    // 10 / -4 = -2.5 exactly.
    expect(amountOf(divideMoney(money("10.00", "EUR"), -4, { rounding: "up" }))).toBe("-2.50");
    // JPY: 100 / 3 = 33.3… → 33 (half-even), 34 (ceil).
    expect(amountOf(divideMoney(money(100, "JPY"), 3, { rounding: "half-even" }))).toBe("33");
    expect(amountOf(divideMoney(money(100, "JPY"), 3, { rounding: "ceil" }))).toBe("34");
    // KWD: 1 / 3 = 0.333… → 0.333 (half-even), 0.334 (up).
    expect(amountOf(divideMoney(money("1.000", "KWD"), 3, { rounding: "half-even" }))).toBe("0.333");
    expect(amountOf(divideMoney(money("1.000", "KWD"), 3, { rounding: "up" }))).toBe("0.334");
    // Explicit scale 4: 100 / 3 = 33.3333.
    expect(divideMoney(money("100", "EUR"), 3, { rounding: "half-even", scale: 4 }).amount.toFixed()).toBe("33.3333");
  });

  it.each([
    // 0.25 / 2 = 0.125: a tie between 0.12 and 0.13.
    ["0.25", "half-even", "0.12"],
    ["0.25", "half-up", "0.13"],
    ["0.25", "half-down", "0.12"],
    ["0.25", "up", "0.13"],
    ["0.25", "down", "0.12"],
    ["0.25", "ceil", "0.13"],
    ["0.25", "floor", "0.12"],
    // -0.25 / 2 = -0.125: ceil goes toward +∞ (-0.12), floor toward −∞ (-0.13).
    ["-0.25", "half-even", "-0.12"],
    ["-0.25", "half-up", "-0.13"],
    ["-0.25", "half-down", "-0.12"],
    ["-0.25", "up", "-0.13"],
    ["-0.25", "down", "-0.12"],
    ["-0.25", "ceil", "-0.12"],
    ["-0.25", "floor", "-0.13"],
    // 0.27 / 2 = 0.135: half-even → 0.14 (4 is even).
    ["0.27", "half-even", "0.14"],
    ["-0.27", "half-even", "-0.14"],
  ] as const)("%s EUR / 2 with %s → %s", (a, mode, expected) => {
    expect(amountOf(divideMoney(money(a, "EUR"), 2, { rounding: mode }))).toBe(expected);
  });

  it("a result that rounds to zero is written as 0.00, never -0.00", () => {
    const m = divideMoney(money("-0.01", "EUR"), 3, { rounding: "half-even" }); // -0.00333… → -0 → "0.00"
    expect(amountOf(m)).toBe("0.00");
    expect(moneyToString(m)).toBe("0.00 EUR");
    expect(isNegativeMoney(m)).toBe(false);
  });

  it("rejects a zero or malformed divisor", () => {
    const e = thrown(() => divideMoney(money("1", "EUR"), 0, { rounding: "half-even" })) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues[0]?.path).toEqual(["divisor"]);
    expect(() => divideMoney(money("1", "EUR"), "0.00", { rounding: "half-even" })).toThrow(ValidationError);
    expect(() => divideMoney(money("1", "EUR"), "1e3", { rounding: "half-even" })).toThrow(ValidationError);
  });
});

describe("wire form and strings", () => {
  it("moneyCodec.encode writes at least the minor units, never exponent, never -0", () => {
    expect(wire(money("12.5", "EUR"))).toEqual({ amount: "12.50", currency: "EUR" });
    expect(wire(money("0.125", "EUR"))).toEqual({ amount: "0.125", currency: "EUR" });
    expect(wire(money("1234", "JPY"))).toEqual({ amount: "1234", currency: "JPY" });
    expect(wire(money("1.5", "KWD"))).toEqual({ amount: "1.500", currency: "KWD" });
    expect(wire(money(new PmoDecimal("1e-9"), "EUR"))).toEqual({ amount: "0.000000001", currency: "EUR" });
    expect(wire(money(new PmoDecimal("1e21"), "EUR"))).toEqual({ amount: "1000000000000000000000.00", currency: "EUR" });
    expect(wire(money(new PmoDecimal("-1e21"), "JPY"))).toEqual({ amount: "-1000000000000000000000", currency: "JPY" });
    expect(wire(money("-0.00", "EUR"))).toEqual({ amount: "0.00", currency: "EUR" });
    expect(wire(money(new PmoDecimal(-0), "JPY"))).toEqual({ amount: "0", currency: "JPY" });
    expect(moneyToWire(money("12.5", "EUR"))).toEqual({ amount: "12.50", currency: "EUR" });
  });

  it("property: wire amounts are canonical (pattern, no -0, round-trip byte for byte)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: -25, max: 25 }),
        fc.constantFrom("EUR", "JPY", "KWD", "CLF"),
        (u, s, shift, cur) => {
          const m = money(decimal(fromUnits(u, s)).times(new PmoDecimal(10).pow(shift)), cur);
          const w = moneyCodec.encode(m);
          expect(w.amount).toMatch(DECIMAL_PATTERN);
          expect(w.amount).not.toMatch(/e/i);
          expect(/^-0(\.0*)?$/.test(w.amount)).toBe(false);
          const places = w.amount.includes(".") ? w.amount.length - w.amount.indexOf(".") - 1 : 0;
          expect(places).toBe(Math.max(minorUnits(cur), m.amount.decimalPlaces()));
          const back = moneyCodec.decode(w);
          expect(moneyEquals(back, m)).toBe(true);
          expect(moneyCodec.encode(back)).toEqual(w);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("moneyToString", () => {
    expect(moneyToString(money("12.5", "EUR"))).toBe("12.50 EUR");
    expect(moneyToString(money("-1234.5", "USD"))).toBe("-1234.50 USD");
    expect(moneyToString(money("1234", "JPY"))).toBe("1234 JPY");
    expect(moneyToString(money("0.5", "KWD"))).toBe("0.500 KWD");
    expect(moneyToString(money("-0", "EUR"))).toBe("0.00 EUR");
    expect(moneyToString(money(new PmoDecimal("1e21"), "EUR"))).toBe("1000000000000000000000.00 EUR");
    expect(moneyToString(money(new PmoDecimal("1e-9"), "EUR"))).toBe("0.000000001 EUR");
  });

  it("formatMoney in en-US (default) and de-DE", () => {
    expect(formatMoney(money("1234567.5", "EUR"))).toBe("EUR 1,234,567.50");
    expect(formatMoney(money("1234567.5", "USD"), { currencyDisplay: "symbol" })).toBe("$1,234,567.50");
    expect(formatMoney(money("-5", "EUR"))).toBe("-EUR 5.00");
    expect(formatMoney(money("-0", "EUR"))).toBe("EUR 0.00");
    expect(formatMoney(money("0.125", "EUR"))).toBe("EUR 0.125"); // every decimal the amount has
    expect(formatMoney(money("1234", "JPY"), { currencyDisplay: "symbol" })).toBe("¥1,234");
    expect(formatMoney(money("1.5", "KWD"))).toBe("KWD 1.500");
    expect(formatMoney(money("1.5", "EUR"), { currencyDisplay: "name" })).toBe("1.50 euros");
    expect(formatMoney(money("1234.5", "EUR"), { locale: "de-DE", currencyDisplay: "symbol" })).toBe("1.234,50 €");
    expect(formatMoney(money("1234.5", "EUR"), { locale: "de-DE" })).toBe("1.234,50 EUR");
    expect(formatMoney(money("-5", "EUR"), { locale: "de-DE", currencyDisplay: "symbol" })).toBe("-5,00 €");
    expect(formatMoney(money("1234567.891", "EUR"), { locale: "de-DE", currencyDisplay: "symbol" })).toBe("1.234.567,891 €");
  });

  it("formatMoney is exact beyond float precision (the digits never pass through a double)", () => {
    // 12345678901234567890.12 as a double would print as 12,345,678,901,234,567,000 or similar.
    expect(formatMoney(money("12345678901234567890.12", "EUR"))).toBe("EUR 12,345,678,901,234,567,890.12");
    expect(formatMoney(money(new PmoDecimal("1e-9"), "EUR"), { locale: "de-DE" })).toBe("0,000000001 EUR");
    expect(formatMoney(money("0.1", "EUR"))).toBe("EUR 0.10");
  });
});
