import fc from "fast-check";

/* Edge-biased decimal strings: zero, one, tiny and huge magnitudes within 34 significant digits, both signs. */

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(""));

/** A non-negative decimal string: 0, small integers, cents, tiny fractions and up to 30 integer digits. */
export const nonNegDecimal: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "0.00", "1", "0.01", "100", "0.000000000000000000000000000001", "999999999999999999999999999999.99"),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
  fc.tuple(fc.integer({ min: 1, max: 9 }), digits(0, 29)).map(([h, t]) => `${h}${t}`),
  fc.tuple(digits(1, 20), fc.integer({ min: 1, max: 9 })).map(([z, d]) => `0.${"0".repeat(z.length)}${d}`),
);

/** A decimal string of either sign, including zero. */
export const anyDecimal: fc.Arbitrary<string> = fc.tuple(fc.boolean(), nonNegDecimal).map(([neg, s]) => (neg && !/^0(\.0+)?$/.test(s) ? `-${s}` : s));

/** A money amount with at most two decimals (cents) of either sign, including 0 and huge amounts. */
export const centsAmount: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "0.00", "0.01", "-0.01", "1", "999999999999999999999999999999.99", "-999999999999999999999999999999.99"),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
);

/** A non-negative money amount (cents). */
export const nonNegCents: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "0.00", "0.01", "1", "999999999999999999999999999.99"),
  fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2)),
);

/** A rate per period strictly above −1 (−0.99 … 1), edge-biased to 0. */
export const rate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0", "0.1", "-0.5", "-0.99", "1", "0.000001"),
  fc.integer({ min: -99, max: 100 }).map((p) => (p / 100).toFixed(2)),
);
