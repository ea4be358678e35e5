import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import {
  annuityFutureValue, annuityPayment, annuityPeriods, annuityPresentValue, annuityRate, benefitCostRatio, expectedCommercialValue,
  irr, mirr, npv, paybackCrossings, paybackPeriod, roi, xirr, xnpv,
} from "../../src/prioritization/index.js";
import { anyDecimal, centsAmount, nonNegCents, nonNegDecimal, rate } from "./arbitraries.js";
import { expectClean, violations } from "./walk.js";

/* Finance calculators over edge inputs: every result is a Decimal or a typed reason — never NaN, ±Infinity or -0. */

const flows = fc.array(centsAmount, { minLength: 0, maxLength: 6 });
const RUNS = { seed: 7, numRuns: 200 };

describe("walker", () => {
  it("finds NaN, Infinity, -0, numbers where money is expected and metrics with both value and reason", () => {
    const found = violations({ a: NaN, b: [Infinity], c: -0, d: { amount: 3, currency: "EUR" }, e: { value: 1, reason: "x" }, f: "-0.00 %", g: { bac: 5 } });
    expect(found.map((v) => v.path)).toEqual(["$.a", "$.b[0]", "$.c", "$.d.amount", "$.d.amount", "$.e", "$.f", "$.g.bac"]);
    expect(violations({ ok: "2027-01-04", n: 0, m: { amount: "0.00", currency: "EUR" }, x: { reason: "ac-is-zero" } })).toEqual([]);
  });
});

describe("finance: figures or reasons", () => {
  it("npv, irr, mirr, payback over edge flows", () => {
    fc.assert(fc.property(rate, flows, (r, f) => {
      for (const convention of ["excel", "t0"] as const) expectClean(npv(r, f, { convention }));
      expectClean(irr(f));
      expectClean(paybackPeriod(f));
      expectClean(paybackPeriod(f, { discountRate: r }));
      expectClean(paybackCrossings(f, { discountRate: r }));
      expectClean(mirr(f, r, r));
    }), RUNS);
  });

  it("xnpv and xirr over edge dated flows (same dates, one flow, zeros)", () => {
    const dated = fc.array(fc.record({ date: fc.constantFrom("2027-01-01", "2027-01-01", "2027-07-01", "2028-01-01", "2030-12-31"), amount: centsAmount }), { maxLength: 5 })
      .map((xs) => [...xs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)));
    fc.assert(fc.property(rate, dated, (r, f) => {
      expectClean(xnpv(r, f));
      expectClean(xirr(f));
    }), RUNS);
  });

  it("roi, benefit–cost ratio and ECV with zero costs and probabilities", () => {
    fc.assert(fc.property(anyDecimal, nonNegDecimal, centsAmount, fc.array(nonNegCents, { maxLength: 4 }), fc.array(nonNegCents, { maxLength: 4 }), (b, c, m, bs, cs) => {
      expectClean(roi(b, c));
      expectClean(roi(money(m, "EUR"), money("0", "EUR")));
      expectClean(benefitCostRatio({ benefits: bs, costs: cs }));
      expectClean(expectedCommercialValue({ npv: b, commercialSuccess: "0", technicalSuccess: "1", commercialisationCost: c, developmentCost: "0" }));
    }), RUNS);
  });

  it("annuities with rate 0, nper 0, pmt 0", () => {
    const terms = fc.record({ rate, nper: fc.constantFrom("0", "1", "12", "0.5", "360"), pmt: centsAmount, pv: centsAmount, fv: centsAmount, type: fc.constantFrom(0 as const, 1 as const) });
    // Each function takes the terms but the one it solves for (giving that one is refused as an unknown term).
    fc.assert(fc.property(terms, ({ rate: r, nper, pmt, pv, fv, type }) => {
      expectClean(annuityPayment({ rate: r, nper, pv, fv, type }));
      expectClean(annuityPresentValue({ rate: r, nper, pmt, fv, type }));
      expectClean(annuityFutureValue({ rate: r, nper, pmt, pv, type }));
      expectClean(annuityPeriods({ rate: r, pmt, pv, fv, type }));
      expectClean(annuityRate({ nper, pmt, pv, fv, type }));
    }), { seed: 7, numRuns: 150 });
  });
});

describe("finance: worked edge cases", () => {
  it("an annuity with no cash flow is worth plain 0, not −0 (PV = −(0·n + 0)/1, FV = −(0·1 + 0·n), PMT = −(0·1.1¹² + 0)/a)", () => {
    const none = { rate: "0.1", nper: "12", fv: "0" };
    for (const m of [annuityPresentValue({ ...none, pmt: "0" }), annuityFutureValue({ rate: "0.1", nper: "12", pmt: "0", pv: "0" }), annuityPayment({ ...none, pv: "0" })]) {
      expect(m.value!.isZero()).toBe(true);
      expect(m.value!.isNeg()).toBe(false);
    }
    expect(annuityPresentValue({ rate: "0", nper: "0", pmt: "0" }).value!.isNeg()).toBe(false);
  });

  it("a rate for flows that never differ in sign is no-solution, found at once (was a runaway Newton search that ran out of memory)", () => {
    // pmt 18,814.51 received at the end and fv 23,454.38 received: pv·g + pmt·a + fv > 0 for every r > −1, so no root.
    expect(annuityRate({ nper: "0.5", pmt: "18814.51", pv: "0", fv: "23454.38" }).reason).toBe("no-solution");
    // No cash flow at all: every rate balances the terms; the guess (0.1) used to come back as if it were the answer.
    expect(annuityRate({ nper: "12", pmt: "0", pv: "0" }).reason).toBe("no-solution");
    // pv + pmt·(1+r) at the start of the one period: (1+r)(−0.13 + 10³⁰) = 0 only at r = −1, which is excluded; the
    // search halves towards −1 until the midpoint rounds to −1 itself (this used to loop for ever).
    expect(annuityRate({ nper: "1", pmt: "999999999999999999999999999999.99", pv: "-0.13", type: 1 }).reason).toBe("no-convergence");
    // A real rate is still found: 8,000 now, −200 for 48 months → 0.77 % a month (spreadsheet RATE).
    expect(annuityRate({ nper: 48, pmt: -200, pv: 8000 }).value?.times(12).toFixed(4)).toBe("0.0924");
  });

  it("expected commercial value of a negative NPV at 0 % commercial success is plain 0 ((−0.01 × 0 − 0) × 1 − 0)", () => {
    const ecv = expectedCommercialValue({ npv: "-0.01", commercialSuccess: "0", technicalSuccess: "1", commercialisationCost: "0", developmentCost: "0" });
    expect(ecv.isZero() && !ecv.isNeg()).toBe(true);
  });
});
