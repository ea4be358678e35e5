import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PmoDecimal, ValidationError, divideToScale } from "../../src/core/index.js";
import { shareOf } from "../../src/variance/exact.js";

/*
 * Earning rules take a share of a package budget (integer minor units) — percent complete / 100, units / total,
 * milestone weights / their sum — rounded half-even to the cent. They used the general `divideToScale`; issue 17
 * (bundle size) gave them a BigInt `shareOf`. It must give what `divideToScale(units × num, den, 0, "half-even")`
 * gave for every input that fits decimal128 (34 digits), and refuse what that refused with the same errors.
 */
const dec = (digits: bigint, places: number) => {
  const neg = digits < 0n;
  const s = (neg ? -digits : digits).toString().padStart(places + 1, "0");
  return new PmoDecimal(`${neg ? "-" : ""}${places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s}`);
};
const decimalArb = (nonZero: boolean) =>
  fc
    .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 12 }))
    .filter(([d]) => !nonZero || d !== 0n)
    .map(([d, p]) => dec(d, p));

describe("shareOf (earning rules' budget share)", () => {
  it("equals divideToScale(units × num, den, 0, half-even) on inputs within 34 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), decimalArb(false), decimalArb(true), (units, num, den) => {
        const before = divideToScale(new PmoDecimal(units).times(num), den, 0, "half-even").toNumber();
        // A negative share that rounds to zero was -0 before; an integer BigInt has no -0 (pmokit normalises -0 anyway).
        expect(shareOf(units, num, den)).toBe(before === 0 ? 0 : before);
      }),
      { numRuns: 2000 },
    );
  });

  it("rounds exact halves to even, hand-checked", () => {
    // 12345 cents × 50 % = 6172.5 → 6172 (even); 12347 × 50 % = 6173.5 → 6174; 100 × 1/3 = 33.33… → 33.
    expect(shareOf(12345, new PmoDecimal(50), new PmoDecimal(100))).toBe(6172);
    expect(shareOf(12347, new PmoDecimal(50), new PmoDecimal(100))).toBe(6174);
    expect(shareOf(100, new PmoDecimal(1), new PmoDecimal(3))).toBe(33);
    // 2^53 − 1 cents × 99.999999999999999999 % (20 significant digits): exact, where a 34-digit product would round.
    expect(shareOf(2 ** 53 - 1, new PmoDecimal("99.999999999999999999"), new PmoDecimal(100))).toBe(2 ** 53 - 1);
  });

  it("refuses a zero or non-finite divisor and a non-finite factor as divideToScale did", () => {
    const paths = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => [i.path, i.message]);
      }
      throw new Error("expected a ValidationError");
    };
    expect(paths(() => shareOf(100, new PmoDecimal(1), new PmoDecimal(0)))).toEqual([[["divisor"], "division by zero"]]);
    expect(paths(() => shareOf(100, new PmoDecimal(Infinity), new PmoDecimal(1)))).toEqual([[["a"], "expected a finite Decimal"]]);
    expect(paths(() => shareOf(100, new PmoDecimal(1), new PmoDecimal(NaN)))).toEqual([[["b"], "expected a finite Decimal"]]);
    expect(paths(() => divideToScale(new PmoDecimal(100), new PmoDecimal(0), 0, "half-even"))).toEqual([[["divisor"], "division by zero"]]);
  });
});
