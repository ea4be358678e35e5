import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annuityRate } from "../../src/prioritization/index.js";

/*
 * A rate of exactly 0 is the answer when pv + pmt·nper + fv = 0 and no other rate balances the terms. Newton's method
 * ends a hair from it — its last iterate below 34 digits of 1 + r — and until fin21 RATE(10; 0; −1000; 1000) was
 * −3.95e-34, printed "-0.0000" by toFixed(4). Hand-derived: −1000·(1 + r)^10 + 1000 = 0 → (1 + r)^10 = 1 → r = 0, the
 * only rate above −100 %.
 */
describe("annuityRate of a zero-interest annuity is exactly 0 (fin21)", () => {
  it("RATE(10; 0; −1000; 1000) is 0, not −3.95e-34", () => {
    const r = annuityRate({ nper: 10, pmt: 0, pv: -1000, fv: 1000 });
    expect(r.value?.isZero()).toBe(true);
    expect(r.value?.isNegative()).toBe(false);
    expect(r.value?.toFixed(4)).toBe("0.0000");
  });

  it("property: a lump sum returned unchanged after n periods earns exactly 0 (type 0 and 1)", () => {
    // pv·(1 + r)^n + fv = 0 with fv = −pv has the one rate 0 whatever n > 0 and the timing.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(0 as const, 1 as const), fc.boolean(), (nper, amount, type, lend) => {
        const pv = lend ? -amount : amount;
        const r = annuityRate({ nper, pmt: 0, pv, fv: -pv, type });
        expect(r.value?.toFixed()).toBe("0");
        expect(r.value?.isNegative()).toBe(false);
      }),
      { seed: 2103, numRuns: 60 },
    );
  });

  it("a zero rate among payments stays 0, and a small true rate is not rounded to it", () => {
    // 10 payments of 100 repay 1,000 at 0 % (the spreadsheet's RATE(10; −100; 1000) = 0)
    expect(annuityRate({ nper: 10, pmt: -100, pv: 1000 }).value?.toFixed()).toBe("0");
    // −1000·(1 + r) + 1000.000001 = 0 → r = 1e-9 exactly
    expect(annuityRate({ nper: 1, pmt: 0, pv: -1000, fv: "1000.000001" }).value?.toFixed()).toBe("0.000000001");
  });
});
