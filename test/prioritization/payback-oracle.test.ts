import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PmoDecimal, type Decimal } from "../../src/core/index.js";
import { mirr, paybackCrossings, paybackPeriod } from "../../src/prioritization/index.js";

/*
 * Payback against an exact BigInt-rational oracle written from the definition (no code shared with src): the
 * cumulative flow C_k = Σ_{i≤k} CF_i; a crossing is every k with C_{k−1} < 0 ≤ C_k, at (k − 1) + (−C_{k−1}) / CF_k;
 * `first` is the first crossing (0 when C is never below zero, never-pays-back when it never comes back), `final` the
 * last when C ends ≥ 0. Flows touch zero exactly (cumulative 0, then below again), dip after recovery, and never
 * recover, with and without a discount rate (discounted flows CF_i / (1 + r)^i, exact as fractions).
 */
type Q = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => { const s = d < 0n ? -1n : 1n; const g = gcd(n, d) || 1n; return [(s * n) / g, (s * d) / g]; };
const add = (a: Q, b: Q) => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const div = (a: Q, b: Q) => q(a[0] * b[1], a[1] * b[0]);
const neg = (a: Q): Q => [-a[0], a[1]];
const lt0 = (a: Q) => a[0] < 0n;
const dec = (a: Q) => new PmoDecimal(a[0].toString()).div(a[1].toString());

function oracle(flows: readonly Q[]): { crossings: Q[]; endsBelow: boolean } {
  const crossings: Q[] = [];
  let cum = flows[0]!;
  let owed = lt0(cum);
  for (let k = 1; k < flows.length; k++) {
    const next = add(cum, flows[k]!);
    if (lt0(cum) && !lt0(next)) crossings.push(add(div(neg(cum), flows[k]!), q(BigInt(k - 1))));
    cum = next;
    owed ||= lt0(cum);
  }
  if (!owed) crossings.push(q(0n));
  return { crossings, endsBelow: lt0(cum) };
}

// Amounts in hundreds so that cumulative sums hit 0 exactly often.
const flowsArb = fc.array(fc.integer({ min: -6, max: 6 }).map((k) => k * 100), { minLength: 1, maxLength: 9 });

describe("payback against an exact rational oracle (fin21)", () => {
  it("property: every crossing, the first and the final payback, undiscounted and at 10 %", () => {
    fc.assert(
      fc.property(flowsArb, fc.boolean(), (amounts, discounted) => {
        // at 10 %: CF_i / 1.1^i = CF_i · 10^i / 11^i, exact
        const flows = amounts.map((a, i) => (discounted ? q(BigInt(a) * 10n ** BigInt(i), 11n ** BigInt(i)) : q(BigInt(a))));
        const want = oracle(flows);
        const got = paybackCrossings(amounts.map(String), discounted ? { discountRate: "0.1" } : {});
        const close = (x: Decimal | undefined, y: Q) => x !== undefined && x.minus(dec(y)).abs().lte("1e-30");
        expect(got.crossings).toHaveLength(want.crossings.length);
        got.crossings.forEach((c, i) => expect(close(c, want.crossings[i]!)).toBe(true));
        if (want.crossings.length === 0) expect(got.first.reason).toBe("never-pays-back");
        else expect(close(got.first.value, want.crossings[0]!)).toBe(true);
        if (want.crossings.length === 0 || want.endsBelow) expect(got.final.reason).toBe("never-pays-back");
        else expect(close(got.final.value, want.crossings[want.crossings.length - 1]!)).toBe(true);
        // paybackPeriod is the same first / final figure
        const first = paybackPeriod(amounts.map(String), discounted ? { discountRate: "0.1" } : {});
        expect(first.value?.toString()).toBe(got.first.value?.toString());
      }),
      { seed: 2104, numRuns: 400 },
    );
  });

  it("a discounted cumulative flow that comes back to exactly zero pays back then (was never-pays-back)", () => {
    // Hand-derived at 10 %: −200,000 + 50,000/1.1 + 187,000/1.21 = −200,000 + 45,454.54… + 154,545.45… = 0 exactly
    // (50,000·1.1 + 187,000 = 242,000 = 200,000·1.21). In 34-digit decimals the two quotients add up to 199,999.99…9,
    // one unit of the last digit short, and the project that pays back at 2 years was reported as never paying back.
    const p = paybackPeriod(["-200000", "50000", "187000"], { discountRate: "0.1" });
    expect(p.value?.toFixed()).toBe("2");
    // At 200 %: −1 + 1/3 + 3/9 + 9/27 = 0 (0.333…3 three times was 0.999…9)
    expect(paybackPeriod(["-1", "1", "3", "9"], { discountRate: "2" }).value?.toFixed()).toBe("3");
  });

  it("property: flows built to bring the discounted cumulative back to exactly 0 at period k pay back at exactly k", () => {
    // f_k = −Σ_{i<k} f_i·b^(k−i) makes C_k = Σ_{i≤k} f_i / b^i exactly 0 (b = 1 + rate, a terminating decimal, so f_k is
    // one too). The crossing is then (k − 1) + (−C_{k−1}) / (f_k / b^k) = (k − 1) + 1 = k, exactly.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -900, max: 400 }).map((k) => k * 1000), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("0.05", "0.08", "0.1", "0.125", "0.3", "2"),
        (head, rate) => {
          const b = new PmoDecimal(rate).plus(1);
          const k = head.length;
          const cum = head.reduce((acc, f, i) => acc.plus(b.pow(k - i).times(f)), new PmoDecimal(0));
          fc.pre(cum.isNegative());
          // Every earlier cumulative stays below zero (checked exactly on the compounded values), so k is the first crossing.
          let below = true;
          for (let j = 0; j < k; j++) below &&= head.slice(0, j + 1).reduce((acc, f, i) => acc.plus(b.pow(j - i).times(f)), new PmoDecimal(0)).isNegative();
          fc.pre(below);
          const flows = [...head.map(String), cum.negated().toFixed()];
          expect(paybackPeriod(flows, { discountRate: rate }).value?.toFixed()).toBe(String(k));
        },
      ),
      { seed: 2106, numRuns: 200 },
    );
  });

  it("touching zero exactly is a payback; dipping below again adds a later final one", () => {
    // −100, +100 (C = 0 at 1: paid back), −50 (C = −50), +100 (C = +50 at 2 + 50/100)
    const p = paybackCrossings(["-100", "100", "-50", "100"]);
    expect(p.crossings.map((c) => c.toFixed())).toEqual(["1", "2.5"]);
    expect(p.first.value?.toFixed()).toBe("1");
    expect(p.final.value?.toFixed()).toBe("2.5");
    // −100, +100, −1: paid back at 1, but ends below zero: no final payback
    expect(paybackCrossings(["-100", "100", "-1"]).final.reason).toBe("never-pays-back");
  });
});

describe("mirr is the rate that grows −PV(negatives) into FV(positives) (fin21)", () => {
  it("property: (1 + MIRR)^(n−1) · (−PV_finance(negatives)) = FV_reinvest(positives) to 1e-28 relative", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 10 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (amounts, fPct, rPct) => {
        fc.pre(amounts.some((a) => a > 0) && amounts.some((a) => a < 0));
        const fr = new PmoDecimal(fPct).div(100);
        const rr = new PmoDecimal(rPct).div(100);
        const m = mirr(amounts.map(String), fr, rr);
        const n = amounts.length;
        let pvNeg = new PmoDecimal(0);
        let fvPos = new PmoDecimal(0);
        amounts.forEach((a, i) => {
          if (a < 0) pvNeg = pvNeg.plus(new PmoDecimal(a).div(fr.plus(1).pow(i)));
          if (a > 0) fvPos = fvPos.plus(new PmoDecimal(a).times(rr.plus(1).pow(n - 1 - i)));
        });
        const grown = m.value!.plus(1).pow(n - 1).times(pvNeg.negated());
        expect(grown.minus(fvPos).abs().div(fvPos).lte("1e-28")).toBe(true);
      }),
      { seed: 2105, numRuns: 200 },
    );
  });
});
