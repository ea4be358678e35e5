import { describe, expect, it } from "vitest";
import { PmoDecimal, type Decimal } from "../../src/core/index.js";
import { annuityRate } from "../../src/prioritization/index.js";

const D = (s: string | number) => new PmoDecimal(s);

/*
 * Defects the differential run found, pinned by hand-derived cases (these run with or without soffice).
 */
describe("RATE does not report a rate of −100 % that balances nothing (found against Calc)", () => {
  /** The annuity equation pv·(1+r)^n + pmt·(1 + r·type)·((1+r)^n − 1)/r + fv at r, exactly. */
  const residual = (r: Decimal, t: { nper: string; pmt: string; pv: string; fv?: string; type?: 0 | 1 }) => {
    const q = r.plus(1);
    const g = q.pow(t.nper);
    return D(t.pv).times(g).plus(D(t.pmt).times(r.times(t.type ?? 0).plus(1)).times(g.minus(1)).div(r)).plus(t.fv ?? "0");
  };

  it("RATE(120; -553.92; 4802.08) is 11.5349779 % (Calc agrees), not −99.99…%", () => {
    // Hand derivation: the loan is nearly a perpetuity, r = (553.92 / 4802.08)·(1 − (1+r)^−120). 553.92 / 4802.08 =
    // 0.1153500…, and (1.11535)^−120 = e^(−120·0.109168) ≈ 2.05e-6, so r ≈ 0.1153500·(1 − 2.05e-6) ≈ 0.1153498;
    // iterating the fixed point to 50 digits gives 0.11534977911553226684… (Calc: 0.115349779115536).
    // Newton's method from the guess 0.1 first steps left (the equation dips between 0.1 and the root), was halved
    // towards −1 step after step, and the shrinking halved steps were taken for convergence: −0.99999999999…93.
    const t = { nper: "120", pmt: "-553.92", pv: "4802.08" };
    const m = annuityRate(t);
    expect(m.reason).toBeUndefined();
    expect(m.value!.minus("0.11534977911553226684274369567").abs().lt("1e-24")).toBe(true);
    expect(residual(m.value!, t).abs().lt("1e-20")).toBe(true);
  });

  it("RATE(120; -1177.46; 1491.09; -4535.41; 1) is 1177.46 / 313.63 = 375.43 % a period (Calc: Err:523)", () => {
    // Hand derivation: divide the equation by q^120 (q = 1 + r ≈ 4.75): pv + pmt·q·(1 − q^−120)/r + fv·q^−120 = 0,
    // and q^−120 ≈ 1e-81 is negligible, so pv + pmt·(1 + r)/r = 0 → r = −pmt / (pv + pmt) = 1177.46 / 313.63.
    const t = { nper: "120", pmt: "-1177.46", pv: "1491.09", fv: "-4535.41", type: 1 as const };
    const m = annuityRate(t);
    expect(m.reason).toBeUndefined();
    expect(m.value!.minus(D("1177.46").div("313.63")).abs().lt("1e-24")).toBe(true);
  });

  it("RATE(120; -553.92; 4802.08) from a guess of −0.5 still finds 11.53 %, the only rate", () => {
    // One sign change between pv and pmt: exactly one rate above −100 % (Descartes), so any guess must end there.
    expect(annuityRate({ nper: "120", pmt: "-553.92", pv: "4802.08" }, { guess: "-0.5" }).value?.toFixed(10)).toBe("0.1153497791");
  });

  it("terms that balance at no rate stay no-convergence, never a figure", () => {
    // pv 1000 received, 10 payments of 1, 5 received at the end: with q = 1 + r the equation is
    // 1000·q^10 − (1 + q + … + q^9) + 5. For q ≥ 0.8, 1000·q^10 ≥ 107 > 10 ≥ the sum; for q < 0.8 the sum is below
    // (1 − 0.8^10)/0.2 < 4.5 < 5. So it is positive at every rate above −100 %: no rate, but pv and pmt differ in sign.
    const m = annuityRate({ nper: "10", pmt: "-1", pv: "1000", fv: "5" });
    expect(m.value).toBeUndefined();
    expect(m.reason).toBe("no-convergence");
  });
});
