import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PmoDecimal, ValidationError, money, type Decimal } from "../../src/core/index.js";
import {
  benefitCostRatio, expectedCommercialValue, irr, mirr, npv, paybackPeriod, roi, xirr, xnpv,
} from "../../src/prioritization/index.js";

/* An independent oracle: exact rational arithmetic with BigInt (no decimal.js, no floats). */
type Q = readonly [bigint, bigint];
const q = (s: string): Q => {
  const [i, f = ""] = s.replace("-", "").split(".");
  const den = 10n ** BigInt(f.length);
  const num = BigInt(i! + f) * (s.startsWith("-") ? -1n : 1n);
  return [num, den];
};
const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const mul = (a: Q, b: Q): Q => [a[0] * b[0], a[1] * b[1]];
const div = (a: Q, b: Q): Q => (b[0] < 0n ? [-a[0] * b[1], a[1] * -b[0]] : [a[0] * b[1], a[1] * b[0]]);
const toDecimal = (a: Q): Decimal => new PmoDecimal(a[0].toString()).div(a[1].toString());
/** Σ f_t / (1+r)^(t+offset), exactly. */
function exactNpv(rate: string, flows: readonly string[], offset: number): Q {
  const base = add([1n, 1n], q(rate));
  let acc: Q = [0n, 1n];
  let disc: Q = [1n, 1n];
  for (let k = 0; k < offset; k++) disc = div(disc, base);
  for (const f of flows) {
    acc = add(acc, mul(q(f), disc));
    disc = div(disc, base);
  }
  return acc;
}
const relErr = (a: Decimal, b: Decimal) => (b.isZero() ? a.abs() : a.minus(b).div(b).abs());
const v = (m: { value?: Decimal | undefined }) => m.value as Decimal;

describe("npv", () => {
  // Microsoft Support, "NPV function", example 1: rate 10%, -10,000 (end of year 1), 3,000, 4,200, 6,800 → $1,188.44
  it("matches Excel's NPV example 1", () => {
    const r = v(npv("0.1", ["-10000", "3000", "4200", "6800"], { convention: "excel" }));
    expect(r.toFixed(2)).toBe("1188.44");
    expect(relErr(r, toDecimal(exactNpv("0.1", ["-10000", "3000", "4200", "6800"], 1))).lt("1e-25")).toBe(true);
  });
  // Microsoft Support, "NPV function", example 2: 8%, investment 40,000 now, returns 8,000 … 14,500 → $1,922.06;
  // with a 9,000 loss in year 6 → ($3,749.47). Excel writes NPV(rate, returns) + investment; t0 is that directly.
  it("matches Excel's NPV example 2 in both conventions", () => {
    const returns = ["8000", "9200", "10000", "12000", "14500"];
    expect(v(npv("0.08", returns, { convention: "excel" })).minus(40000).toFixed(2)).toBe("1922.06");
    expect(v(npv("0.08", ["-40000", ...returns], { convention: "t0" })).toFixed(2)).toBe("1922.06");
    expect(v(npv("0.08", [...returns, "-9000"], { convention: "excel" })).minus(40000).toFixed(2)).toBe("-3749.47");
  });
  // LibreOffice Help, "NPV": =NPV(8.75%;10;20;30) returns 49.43 (minus the initial 40 gives 9.43).
  it("matches LibreOffice's NPV example", () => {
    expect(v(npv("0.0875", ["10", "20", "30"], { convention: "excel" })).toFixed(2)).toBe("49.43");
  });
  it("agrees with an exact rational oracle to 1e-10 relative (property)", () => {
    const amount = fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 500 }).map((b) => (b / 1000).toFixed(3)), fc.array(amount, { minLength: 1, maxLength: 30 }), fc.boolean(), (rate, flows, excel) => {
        const got = v(npv(rate, flows, { convention: excel ? "excel" : "t0" }));
        const want = toDecimal(exactNpv(rate, flows, excel ? 1 : 0));
        expect(got.minus(want).abs().lte(want.abs().times("1e-10").plus("1e-20"))).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it("the conventions differ by exactly one period's discount", () => {
    const f = ["-500", "200", "300", "400"];
    expect(relErr(v(npv("0.07", f, { convention: "t0" })).div("1.07"), v(npv("0.07", f, { convention: "excel" }))).lt("1e-30")).toBe(true);
  });
  it("accepts Money flows in one currency and rejects bad input with paths", () => {
    expect(v(npv("0", [money("1.10", "EUR"), money("2.20", "EUR")], { convention: "t0" })).toFixed(2)).toBe("3.30");
    const err = (() => { try { npv("0.1", ["1", Number.NaN as never, "x1"], { convention: "t0" }); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual([["flows", 1], ["flows", 2]]);
    expect(() => npv("-1", ["1"], { convention: "t0" })).toThrow(/greater than -1/);
    expect(() => npv("0.1", [money("1", "EUR"), money("1", "USD")], { convention: "t0" })).toThrow(ValidationError);
    expect(() => npv("0.1", ["1"], {} as never)).toThrow(/convention/);
  });
});

describe("irr", () => {
  // Microsoft Support, "IRR function": -70,000 then 12,000, 15,000, 18,000, 21,000 → -2.1%; with 26,000 → 8.7%;
  // IRR(A2:A4, -10%) after two years → -44.4%.
  it("matches Excel's IRR examples", () => {
    expect(v(irr(["-70000", "12000", "15000", "18000", "21000"])).times(100).toFixed(1)).toBe("-2.1");
    expect(v(irr(["-70000", "12000", "15000", "18000", "21000", "26000"])).times(100).toFixed(1)).toBe("8.7");
    expect(v(irr(["-70000", "12000", "15000"], { guess: "-0.1" })).times(100).toFixed(1)).toBe("-44.4");
  });
  // LibreOffice Help, "IRR": A1=-10000, A2=3500, A3=7600, A4=1000 → 11.33%.
  it("matches LibreOffice's IRR example", () => {
    expect(v(irr(["-10000", "3500", "7600", "1000"])).times(100).toFixed(2)).toBe("11.33");
  });
  it("is a root to far better than 1e-10 (checked with the exact oracle)", () => {
    const flows = ["-70000", "12000", "15000", "18000", "21000", "26000"];
    const r = v(irr(flows));
    const atRoot = toDecimal(exactNpv(r.toFixed(34), flows, 0));
    expect(atRoot.abs().lt("1e-20")).toBe(true);
  });
  it("reports no sign change, too few flows and multiple roots", () => {
    expect(irr(["100", "200"]).reason).toBe("no-sign-change");
    expect(irr(["-100"]).reason).toBe("too-few-flows");
    // -100 + 230/(1+r) - 132/(1+r)² = 0 ⇔ (1+r) ∈ {1.1, 1.2}: roots 10% and 20% (hand-derived)
    const m = irr(["-100", "230", "-132"]);
    expect(m.signChanges).toBe(2);
    expect(m.multipleRootsPossible).toBe(true);
    expect(m.roots.map((x) => x.toFixed(10))).toEqual(["0.1000000000", "0.2000000000"]);
    expect(v(irr(["-100", "230", "-132"], { guess: "0.19" })).toFixed(10)).toBe("0.2000000000");
    // -1 + 1/(1+r) - 1/(1+r)^2: discriminant < 0, no real root although the signs change
    expect(irr(["-1", "1", "-1"]).reason).toBe("no-root-found");
  });
  it("finds the root of any conventional investment (property: one sign change → NPV(irr) ≈ 0)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 1, maxLength: 15 }), (inv, back) => {
        fc.pre(back.some((b) => b > 0));
        const flows = [String(-inv), ...back.map(String)];
        const r = irr(flows);
        if (r.value === undefined) {
          expect(r.reason).toBe("no-root-found"); // only when the rate would exceed 10,000%
          return;
        }
        expect(toDecimal(exactNpv(r.value.toFixed(34), flows, 0)).abs().lt("1e-12")).toBe(true);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe("xnpv and xirr", () => {
  // Microsoft Support, "XNPV function" and "XIRR function": 9%, flows on 2008-01-01 … 2009-04-01 → 2,086.65;
  // XIRR → 0.373362535.
  const flows = [["2008-01-01", "-10000"], ["2008-03-01", "2750"], ["2008-10-30", "4250"], ["2009-02-15", "3250"], ["2009-04-01", "2750"]]
    .map(([date, amount]) => ({ date: date!, amount: amount! }));
  it("match Excel's examples", () => {
    expect(v(xnpv("0.09", flows)).toFixed(2)).toBe("2086.65");
    // Excel iterates only "until the result is accurate within 0.000001 percent" (its XIRR help), so its printed
    // 0.373362535 is itself within 1e-8 of the root; ours is the root to ~30 digits (XNPV there is < 1e-20).
    expect(v(xirr(flows)).minus("0.373362535").abs().lte("1e-8")).toBe(true);
    expect(v(xirr(flows)).toFixed(6)).toBe("0.373363");
    expect(v(xnpv(v(xirr(flows)), flows)).abs().lt("1e-20")).toBe(true);
  });
  it("reduces to npv(t0) on yearly 365-day steps", () => {
    const yearly = ["2021-01-01", "2022-01-01", "2023-01-01"].map((date, i) => ({ date, amount: ["-100", "60", "70"][i]! }));
    // 2021→2022 is 365 days, 2022→2023 365 days, so exponents are exactly 1 and 2
    expect(relErr(v(xnpv("0.05", yearly)), v(npv("0.05", ["-100", "60", "70"], { convention: "t0" }))).lt("1e-30")).toBe(true);
  });
  it("rejects bad dates with paths", () => {
    expect(() => xnpv("0.1", [{ date: "2020-01-01", amount: "-1" }, { date: "2020-02-30", amount: "1" }])).toThrow(ValidationError);
    try { xnpv("0.1", [{ date: "2020-01-02", amount: "-1" }, { date: "2020-01-01", amount: "1" }]); } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["flows", 1, "date"]);
    }
    expect(xirr([{ date: "2020-01-01", amount: "1" }, { date: "2020-06-01", amount: "1" }]).reason).toBe("no-sign-change");
  });
  it("xirr takes flows in any order, also when the first listed is not the earliest (as Excel and LibreOffice Calc)", () => {
    // The outlay listed first is dated 2024-03-01, a receipt of 300 two months before it. Calc and Excel measure
    // time from the first listed date (the earlier flow gets a negative exponent; Excel accepts such dates per
    // MS-OI29500 2.1.1070); the root does not depend on that origin (moving it multiplies every term by the same
    // positive (1 + r)^c). LibreOffice Calc:
    // =XIRR({-1000;300;400;500}; {2024-03-01;2024-01-01;2024-09-01;2025-03-01}) → 0.435620304912673.
    // Before: a ValidationError at flows.1.date ("no flow may precede the first flow's date").
    const unsorted = [["2024-03-01", "-1000"], ["2024-01-01", "300"], ["2024-09-01", "400"], ["2025-03-01", "500"]].map(([date, amount]) => ({ date: date!, amount: amount! }));
    const m = xirr(unsorted);
    expect(v(m).minus("0.435620304912673").abs().lt("1e-14")).toBe(true);
    // The same rate as the flows sorted by date (there the earliest is first, nothing precedes it).
    const sorted = [...unsorted].sort((a, b) => a.date.localeCompare(b.date));
    expect(v(xirr(sorted)).minus(v(m)).abs().lt("1e-26")).toBe(true);
  });
});

describe("mirr", () => {
  // Microsoft Support, "MIRR function": -120,000, 39,000, 30,000, 21,000, 37,000, 46,000, finance 10%, reinvest 12%
  // → 12.6% after five years; -4.8% after three; 13.5% at a 14% reinvestment rate.
  it("matches Excel's MIRR examples", () => {
    const f = ["-120000", "39000", "30000", "21000", "37000", "46000"];
    expect(v(mirr(f, "0.10", "0.12")).times(100).toFixed(1)).toBe("12.6");
    expect(v(mirr(f.slice(0, 4), "0.10", "0.12")).times(100).toFixed(1)).toBe("-4.8");
    expect(v(mirr(f, "0.10", "0.14")).times(100).toFixed(1)).toBe("13.5");
  });
  it("is the rate that grows PV(negatives) into FV(positives) (hand-derived: -100, 0, 121 at 10% → 10%)", () => {
    expect(v(mirr(["-100", "0", "121"], "0.1", "0.1")).toFixed(20)).toBe("0.10000000000000000000");
    expect(mirr(["100", "5"], "0.1", "0.1").reason).toBe("no-negative-flow");
    expect(mirr(["-100", "-5"], "0.1", "0.1").reason).toBe("no-positive-flow");
  });
});

describe("payback, roi, benefit-cost ratio, ECV", () => {
  it("interpolates payback inside the recovering period", () => {
    expect(v(paybackPeriod(["-1000", "400", "400", "400"])).toFixed()).toBe("2.5");
    expect(v(paybackPeriod(["0", "5"])).toFixed()).toBe("0");
    expect(paybackPeriod(["-1000", "100", "100"]).reason).toBe("never-pays-back");
    // discounted at 10%: -1000, 550/1.1 = 500, 605/1.21 = 500 → exactly 2 periods
    expect(v(paybackPeriod(["-1000", "550", "605"], { discountRate: "0.1" })).toFixed(20)).toBe("2.00000000000000000000");
  });
  it("roi and benefit-cost ratio are exact and typed when undefined", () => {
    expect(v(roi(money("1250000.00", "EUR"), money("1000000.00", "EUR"))).toFixed()).toBe("0.25");
    expect(roi("5", "0").reason).toBe("cost-is-zero");
    expect(() => roi(money("1", "EUR"), money("1", "USD"))).toThrow(ValidationError);
    expect(v(benefitCostRatio({ benefits: ["0", "600", "600"], costs: ["1000"] })).toFixed()).toBe("1.2");
    // at 20%: PV(b) = 600/1.2 + 600/1.44 = 500 + 416.66… = 916.66…; BCR = 0.91666…
    expect(v(benefitCostRatio({ benefits: ["0", "600", "600"], costs: ["1000"] }, { rate: "0.2" })).toFixed(6)).toBe("0.916667");
    expect(benefitCostRatio({ benefits: ["1"], costs: [] }).reason).toBe("cost-is-zero");
    expect(() => benefitCostRatio({ benefits: ["-1"], costs: ["1"] })).toThrow(ValidationError);
    // The rate is an option: its issue is at options.rate, as paybackPeriod's discountRate (before: at ["rate"]).
    const issue = (() => { try { benefitCostRatio({ benefits: ["1"], costs: ["1"] }, { rate: "-1" }); } catch (e) { return (e as ValidationError).issues[0]; } })();
    expect(issue?.path).toEqual(["options", "rate"]);
  });
  it("ECV = (NPV·p_cs − C)·p_ts − D", () => {
    expect(expectedCommercialValue({ npv: "1000000", commercialSuccess: "0.5", technicalSuccess: "0.8", commercialisationCost: "100000", developmentCost: "200000" }).toFixed()).toBe("120000");
    expect(() => expectedCommercialValue({ npv: "1", commercialSuccess: "1.5", technicalSuccess: "1", commercialisationCost: "0", developmentCost: "0" })).toThrow(ValidationError);
  });
});

describe("roi with a cost given as an outflow", () => {
  it("refuses a negative cost instead of flipping the sign of the return", () => {
    // Spending 50 to get 100 back: ROI = (100 − 50)/50 = 1 (100 %). A cost entered with the spreadsheet outflow sign
    // (−50, as the annuity functions take it) gave (100 − (−50))/(−50) = −3, a −300 % return that reads as a loss.
    expect(v(roi("100", "50")).toFixed()).toBe("1");
    let err: unknown;
    try {
      roi("100", "-50");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues[0]!.path).toEqual(["cost"]);
    expect(() => roi(money("100", "EUR"), money("-50", "EUR"))).toThrow(ValidationError);
    // "-0" is a zero cost, not a negative one.
    expect(roi("5", "-0").reason).toBe("cost-is-zero");
    // A negative benefit is a loss and still computes: (−20 − 50)/50 = −1.4.
    expect(v(roi("-20", "50")).toFixed()).toBe("-1.4");
  });
});
