import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal as DecimalJs } from "decimal.js";
import {
  DECIMAL_PATTERN,
  MAX_DECIMAL_LENGTH,
  PmoDecimal,
  decimal,
  divideToScale,
  isDecimalInput,
  roundingConstant,
  toDecimalString,
  type RoundingMode,
} from "../../src/core/decimal.js";
import { ValidationError } from "../../src/core/errors.js";

/** An independent, effectively exact Decimal for checking results (products and sums of short decimals fit easily). */
const Exact = DecimalJs.clone({ precision: 500, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const MODES: readonly RoundingMode[] = ["half-even", "half-up", "half-down", "up", "down", "ceil", "floor"];

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw");
}

/** Decimal string of `units × 10^-scale`, built from a bigint so no float is involved. */
function fromUnits(units: bigint, scale: number): string {
  const neg = units < 0n;
  let s = (neg ? -units : units).toString().padStart(scale + 1, "0");
  if (scale > 0) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`;
  return neg ? `-${s}` : s;
}

/** A decimal string with up to 15 integer digits and up to 6 decimals. */
const decimalString = fc
  .tuple(fc.bigInt({ min: -(10n ** 21n), max: 10n ** 21n }), fc.integer({ min: 0, max: 6 }))
  .map(([u, s]) => fromUnits(u, s));

describe("PmoDecimal configuration", () => {
  it("uses 34 significant digits and half-even, without touching the global decimal.js settings", () => {
    // 1/3 at 34 significant digits: "0." followed by 34 threes.
    expect(new PmoDecimal(1).div(3).toString()).toBe(`0.${"3".repeat(34)}`);
    // 2/3 = 0.666…6|66… rounds up at the 34th digit.
    expect(new PmoDecimal(2).div(3).toString()).toBe(`0.${"6".repeat(33)}7`);
    // Half-even at the 34th digit: 1 followed by 33 zeros then 5 (35 digits) → the even neighbour …0.
    expect(new PmoDecimal(`1${"0".repeat(33)}5`).plus(0).toFixed()).toBe(`1${"0".repeat(33)}0`);
    expect(new PmoDecimal(`1${"0".repeat(32)}15`).plus(0).toFixed()).toBe(`1${"0".repeat(32)}20`);
    // decimal.js' own defaults are untouched (precision 20, exponent from 1e21).
    expect(DecimalJs.precision).toBe(20);
    expect(new DecimalJs("1e21").toString()).toBe("1e+21");
  });

  it("never prints exponent notation from toString", () => {
    expect(new PmoDecimal("1e21").toString()).toBe("1000000000000000000000");
    expect(new PmoDecimal("1e-9").toString()).toBe("0.000000001");
    expect(new PmoDecimal("-1.5e-12").toString()).toBe("-0.0000000000015");
  });
});

describe("decimal()", () => {
  it("accepts canonical strings, finite numbers and Decimals", () => {
    expect(decimal("1234.50").toFixed()).toBe("1234.5");
    expect(decimal("-0.001").toFixed()).toBe("-0.001");
    expect(decimal("007").toFixed()).toBe("7");
    expect(decimal(12).toFixed()).toBe("12");
    expect(decimal(0.1).toFixed()).toBe("0.1"); // the number's shortest round-trip string, not 0.1000000000000000055…
    expect(decimal(new PmoDecimal("2.5")).toFixed()).toBe("2.5");
    expect(decimal(new DecimalJs("3.25")).toFixed()).toBe("3.25"); // a plain decimal.js value is accepted too
    expect(decimal("1234.50")).toBeInstanceOf(PmoDecimal);
  });

  it("returns a fresh value (not the same object)", () => {
    const d = new PmoDecimal("1");
    expect(decimal(d)).not.toBe(d);
  });

  it.each(["1e3", "NaN", "", " 1", "1 ", "Infinity", "-Infinity", "+1", "1.", ".5", "1,5", "0x10", "--1", "1.2.3", "١٢"])(
    "rejects the string %j with a ValidationError",
    (bad) => {
      const e = thrown(() => decimal(bad));
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe("validation");
      expect((e as ValidationError).subject).toBe("decimal");
      expect((e as ValidationError).issues).toHaveLength(1);
    },
  );

  it("rejects strings longer than MAX_DECIMAL_LENGTH (80) even when well formed", () => {
    expect(MAX_DECIMAL_LENGTH).toBe(80);
    expect(decimal("9".repeat(80)).toFixed()).toBe("9".repeat(80));
    expect(() => decimal("9".repeat(81))).toThrow(ValidationError);
  });

  it("rejects non-finite numbers and Decimals", () => {
    expect(() => decimal(Number.NaN)).toThrow(ValidationError);
    expect(() => decimal(Number.POSITIVE_INFINITY)).toThrow(ValidationError);
    expect(() => decimal(Number.NEGATIVE_INFINITY)).toThrow(ValidationError);
    expect(() => decimal(new PmoDecimal(Number.NaN))).toThrow(ValidationError);
    expect(() => decimal(new PmoDecimal(Number.POSITIVE_INFINITY))).toThrow(ValidationError);
    expect(() => decimal({} as never)).toThrow(ValidationError);
    expect(() => decimal(null as never)).toThrow(ValidationError);
  });

  it("DECIMAL_PATTERN is the documented wire form", () => {
    expect(DECIMAL_PATTERN.test("-12.50")).toBe(true);
    expect(DECIMAL_PATTERN.test("12")).toBe(true);
    expect(DECIMAL_PATTERN.test("1e3")).toBe(false);
    expect(DECIMAL_PATTERN.test("+1")).toBe(false);
  });

  it("isDecimalInput agrees with decimal() on strings, numbers and Decimals", () => {
    for (const v of ["12.50", "-0", "1e3", "NaN", "", " 1", "Infinity", 1.5, Number.NaN, Number.POSITIVE_INFINITY,
      new PmoDecimal(1), new PmoDecimal(Number.NaN), null, undefined, {}, "9".repeat(81)]) {
      let accepted = true;
      try {
        decimal(v as never);
      } catch {
        accepted = false;
      }
      expect(isDecimalInput(v), String(v)).toBe(accepted);
    }
  });
});

describe("toDecimalString", () => {
  it("never uses exponent notation", () => {
    expect(toDecimalString(new PmoDecimal("1e-9"))).toBe("0.000000001");
    expect(toDecimalString(new PmoDecimal("1e21"))).toBe("1000000000000000000000");
    expect(toDecimalString(new PmoDecimal("-1e21"))).toBe("-1000000000000000000000");
    expect(toDecimalString(new PmoDecimal("1.5e-20"))).toBe("0.000000000000000000015");
    expect(toDecimalString(decimal(1e21))).toBe("1000000000000000000000");
    expect(toDecimalString(decimal(1e-7))).toBe("0.0000001");
  });

  it("normalises negative zero", () => {
    expect(toDecimalString(decimal("-0"))).toBe("0");
    expect(toDecimalString(decimal("-0.000"))).toBe("0");
    expect(toDecimalString(decimal("-0"), 2)).toBe("0.00");
    expect(toDecimalString(new PmoDecimal(-0), 3)).toBe("0.000");
    expect(toDecimalString(new PmoDecimal("0.001").times(-0))).toBe("0");
  });

  it("pads to minDecimals and never rounds", () => {
    expect(toDecimalString(decimal("12.5"), 2)).toBe("12.50");
    expect(toDecimalString(decimal("12"), 2)).toBe("12.00");
    expect(toDecimalString(decimal("-3"), 3)).toBe("-3.000");
    expect(toDecimalString(decimal("0.125"), 2)).toBe("0.125"); // more places than asked: kept, not rounded
    expect(toDecimalString(decimal("12.50"))).toBe("12.5"); // trailing zeros are not significant by default
    expect(toDecimalString(decimal("100"))).toBe("100"); // …but integer zeros are
  });

  it("property: output is on the wire pattern, round-trips, has ≥ minDecimals places and is never -0", () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 8 }), fc.integer({ min: -30, max: 30 }), (s, min, shift) => {
        const d = decimal(s).times(new PmoDecimal(10).pow(shift)); // spread the magnitude over 1e-36 … 1e51
        const out = toDecimalString(d, min);
        expect(out).toMatch(DECIMAL_PATTERN);
        expect(new PmoDecimal(out).eq(d)).toBe(true);
        const places = out.includes(".") ? out.length - out.indexOf(".") - 1 : 0;
        expect(places).toBeGreaterThanOrEqual(min);
        expect(places).toBe(Math.max(min, d.decimalPlaces()));
        if (d.isZero()) expect(out.startsWith("-")).toBe(false);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("roundingConstant", () => {
  it("maps each named mode to the decimal.js constant", () => {
    expect(roundingConstant("half-even")).toBe(DecimalJs.ROUND_HALF_EVEN);
    expect(roundingConstant("half-up")).toBe(DecimalJs.ROUND_HALF_UP);
    expect(roundingConstant("half-down")).toBe(DecimalJs.ROUND_HALF_DOWN);
    expect(roundingConstant("up")).toBe(DecimalJs.ROUND_UP);
    expect(roundingConstant("down")).toBe(DecimalJs.ROUND_DOWN);
    expect(roundingConstant("ceil")).toBe(DecimalJs.ROUND_CEIL);
    expect(roundingConstant("floor")).toBe(DecimalJs.ROUND_FLOOR);
  });

  it("rejects an unknown mode", () => {
    expect(() => roundingConstant("banker" as RoundingMode)).toThrow(ValidationError);
  });
});

describe("divideToScale", () => {
  it("hand-derived quotients", () => {
    // 100 / 3 = 33.333… → 33.33 (the dropped digit 3 < 5).
    expect(divideToScale(decimal("100"), decimal("3"), 2, "half-even").toFixed()).toBe("33.33");
    // 200 / 3 = 66.666… → 66.67 half-even, 66.66 down.
    expect(divideToScale(decimal("200"), decimal("3"), 2, "half-even").toFixed()).toBe("66.67");
    expect(divideToScale(decimal("200"), decimal("3"), 2, "down").toFixed()).toBe("66.66");
    // Exact quotients are returned exactly in every mode: 1 / 8 = 0.125 at scale 3.
    for (const m of MODES) expect(divideToScale(decimal("1"), decimal("8"), 3, m).toFixed()).toBe("0.125");
    // 10 / 4 = 2.5 at scale 0: half-even → 2, half-up → 3.
    expect(divideToScale(decimal("10"), decimal("4"), 0, "half-even").toFixed()).toBe("2");
    expect(divideToScale(decimal("10"), decimal("4"), 0, "half-up").toFixed()).toBe("3");
    // 14 / 4 = 3.5 at scale 0: half-even → 4 (the even neighbour).
    expect(divideToScale(decimal("14"), decimal("4"), 0, "half-even").toFixed()).toBe("4");
    // Negative divisor: 1 / -3 = -0.333… → -0.33 (half-even), -0.34 (floor), -0.33 (ceil).
    expect(divideToScale(decimal("1"), decimal("-3"), 2, "half-even").toFixed()).toBe("-0.33");
    expect(divideToScale(decimal("1"), decimal("-3"), 2, "floor").toFixed()).toBe("-0.34");
    expect(divideToScale(decimal("1"), decimal("-3"), 2, "ceil").toFixed()).toBe("-0.33");
    // Both negative: -1 / -3 = +0.333… → ceil 0.34.
    expect(divideToScale(decimal("-1"), decimal("-3"), 2, "ceil").toFixed()).toBe("0.34");
  });

  it.each([
    // 0.125 lies exactly halfway between 0.12 and 0.13.
    ["0.125", "half-even", "0.12"],
    ["0.125", "half-up", "0.13"],
    ["0.125", "half-down", "0.12"],
    ["0.125", "up", "0.13"],
    ["0.125", "down", "0.12"],
    ["0.125", "ceil", "0.13"],
    ["0.125", "floor", "0.12"],
    // 0.135 is halfway between 0.13 and 0.14; half-even picks the even 0.14.
    ["0.135", "half-even", "0.14"],
    ["0.135", "half-down", "0.13"],
    // Mirror images: "up"/"half-up" go away from zero, ceil towards +∞, floor towards −∞.
    ["-0.125", "half-even", "-0.12"],
    ["-0.125", "half-up", "-0.13"],
    ["-0.125", "half-down", "-0.12"],
    ["-0.125", "up", "-0.13"],
    ["-0.125", "down", "-0.12"],
    ["-0.125", "ceil", "-0.12"],
    ["-0.125", "floor", "-0.13"],
    // Not a half: 0.1251 is above the midpoint, so every half-* mode goes up.
    ["0.1251", "half-even", "0.13"],
    ["0.1251", "half-down", "0.13"],
    ["0.1249", "half-up", "0.12"],
  ] as const)("%s at scale 2 with %s → %s", (a, mode, expected) => {
    expect(divideToScale(decimal(a), decimal("1"), 2, mode).toFixed()).toBe(expected);
  });

  it("rejects a zero divisor (also -0) with path divisor", () => {
    for (const z of ["0", "-0", "0.000"]) {
      const e = thrown(() => divideToScale(decimal("1"), decimal(z), 2, "half-even")) as ValidationError;
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.issues[0]?.path).toEqual(["divisor"]);
    }
  });

  it("rejects an unknown rounding mode", () => {
    expect(() => divideToScale(decimal("1"), decimal("3"), 2, "nearest" as RoundingMode)).toThrow(ValidationError);
  });

  it("property: |a/b − r| ≤ half a unit (half-* modes), < one unit and on the right side (directed modes)", () => {
    fc.assert(
      fc.property(
        decimalString,
        decimalString.filter((s) => !new Exact(s).isZero()),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...MODES),
        (as, bs, scale, mode) => {
          const r = divideToScale(decimal(as), decimal(bs), scale, mode);
          expect(r.decimalPlaces()).toBeLessThanOrEqual(scale);
          const a = new Exact(as);
          const b = new Exact(bs);
          const unit = new Exact(10).pow(-scale);
          // err = a/b − r, compared exactly as (a − r·b)/|b| against the unit: no division is needed.
          const diffTimesB = a.minus(new Exact(r.toFixed()).times(b)); // = (a/b − r)·b
          const errTimesAbsB = b.isNegative() ? diffTimesB.negated() : diffTimesB; // = (a/b − r)·|b|
          const bound = unit.times(b.abs());
          if (mode.startsWith("half-")) {
            expect(errTimesAbsB.abs().times(2).lte(bound)).toBe(true);
          } else {
            expect(errTimesAbsB.abs().lt(bound)).toBe(true);
            const sign = a.isZero() ? 0 : a.isNegative() === b.isNegative() ? 1 : -1; // sign of a/b
            const towardZero = errTimesAbsB.times(sign); // ≥ 0 when r is nearer zero than a/b
            if (mode === "floor") expect(errTimesAbsB.gte(0)).toBe(true); // r ≤ a/b
            if (mode === "ceil") expect(errTimesAbsB.lte(0)).toBe(true); // r ≥ a/b
            if (mode === "down") expect(towardZero.gte(0)).toBe(true); // |r| ≤ |a/b|
            if (mode === "up") expect(towardZero.lte(0)).toBe(true); // |r| ≥ |a/b|
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("property: agrees with an exact reference rounding in every mode", () => {
    const RM: Record<RoundingMode, DecimalJs.Rounding> = {
      "half-even": DecimalJs.ROUND_HALF_EVEN,
      "half-up": DecimalJs.ROUND_HALF_UP,
      "half-down": DecimalJs.ROUND_HALF_DOWN,
      up: DecimalJs.ROUND_UP,
      down: DecimalJs.ROUND_DOWN,
      ceil: DecimalJs.ROUND_CEIL,
      floor: DecimalJs.ROUND_FLOOR,
    };
    fc.assert(
      fc.property(
        decimalString,
        decimalString.filter((s) => !new Exact(s).isZero()),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...MODES),
        (as, bs, scale, mode) => {
          // Reference: the quotient to 500 digits is exact enough to decide every tie produced by these inputs
          // (a tie at `scale` means a·10^scale/b has a finite expansion ending in 5, which 500 digits contain).
          const expected = new Exact(as).div(new Exact(bs)).toDecimalPlaces(scale, RM[mode]);
          const r = divideToScale(decimal(as), decimal(bs), scale, mode);
          expect(r.toFixed()).toBe(expected.toFixed());
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("property: exact ties are found (a = (2k+1)·b/2 at scale 0)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), decimalString.filter((s) => !new Exact(s).isZero()), (k, bs) => {
        const b = new Exact(bs);
        const a = b.times((2n * k + 1n).toString()).div(2); // exact: b/2 has a finite expansion
        const q = new Exact((2n * k + 1n).toString()).div(2); // k + 0.5, the exact quotient
        const aStr = a.toFixed();
        if (aStr.length > MAX_DECIMAL_LENGTH) return;
        expect(divideToScale(decimal(aStr), decimal(bs), 0, "half-up").toFixed()).toBe(q.toDecimalPlaces(0, DecimalJs.ROUND_HALF_UP).toFixed());
        expect(divideToScale(decimal(aStr), decimal(bs), 0, "half-down").toFixed()).toBe(q.toDecimalPlaces(0, DecimalJs.ROUND_HALF_DOWN).toFixed());
        expect(divideToScale(decimal(aStr), decimal(bs), 0, "half-even").toFixed()).toBe(q.toDecimalPlaces(0, DecimalJs.ROUND_HALF_EVEN).toFixed());
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("decides an exact tie correctly even when q·b needs more than 34 digits (src bug: remainder is rounded)", () => {
    // 1 ÷ (2^41 · 10^-40) = 10^40 / 2^41 = 5^40 / 2 = 9094947017729282379150390625 / 2
    //   = 4547473508864641189575195312.5 exactly — a tie whose lower neighbour …312 is even.
    // The inputs are tiny (1 digit and 13 digits), but q (28 digits) × b (13 digits) has 41 digits, so
    // `n.minus(q.times(b))` is computed from a product rounded to 34 digits and the tie is misjudged.
    const b = decimal("0.0000000000000000000000000002199023255552"); // 2^41 = 2199023255552
    expect(divideToScale(decimal("1"), b, 0, "down").toFixed()).toBe("4547473508864641189575195312");
    expect(divideToScale(decimal("1"), b, 0, "up").toFixed()).toBe("4547473508864641189575195313");
    expect(divideToScale(decimal("1"), b, 0, "half-up").toFixed()).toBe("4547473508864641189575195313");
    expect(divideToScale(decimal("1"), b, 0, "half-even").toFixed()).toBe("4547473508864641189575195312");
    expect(divideToScale(decimal("1"), b, 0, "half-down").toFixed()).toBe("4547473508864641189575195312");
  });
});
