import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  PmoDecimal,
  ValidationError,
  annuityFutureValue,
  annuityPayment,
  annuityPeriods,
  annuityPresentValue,
  annuityRate,
  paybackCrossings,
  paybackPeriod,
  npv,
} from "../../src/index.js";

const monthly = (annual: string) => new PmoDecimal(annual).div(12);

describe("annuity functions match the spreadsheet documentation examples (issue 16)", () => {
  it("PMT", () => {
    // =PMT(8%/12, 10, 10000) → -1,037.03 ; =PMT(6%/12, 18*12, 0, 50000) → -129.08
    expect(annuityPayment({ rate: monthly("0.08"), nper: 10, pv: 10000 }).value?.toFixed(2)).toBe("-1037.03");
    expect(annuityPayment({ rate: monthly("0.06"), nper: 216, pv: 0, fv: 50000 }).value?.toFixed(2)).toBe("-129.08");
  });

  it("PV", () => {
    // =PV(0.08/12, 12*20, 500, , 0) → -59,777.15
    expect(annuityPresentValue({ rate: monthly("0.08"), nper: 240, pmt: 500 }).value?.toFixed(2)).toBe("-59777.15");
  });

  it("FV", () => {
    // =FV(0.06/12, 10, -200, -500, 1) → 2,581.40 ; =FV(0.12/12, 12, -1000) → 12,682.50 ; =FV(0.11/12, 35, -2000, , 1) → 82,846.25
    expect(annuityFutureValue({ rate: "0.005", nper: 10, pmt: -200, pv: -500, type: 1 }).value?.toFixed(2)).toBe("2581.40");
    expect(annuityFutureValue({ rate: "0.01", nper: 12, pmt: -1000, pv: 0 }).value?.toFixed(2)).toBe("12682.50");
    expect(annuityFutureValue({ rate: monthly("0.11"), nper: 35, pmt: -2000, pv: 0, type: 1 }).value?.toFixed(2)).toBe("82846.25");
  });

  it("NPER", () => {
    // =NPER(0.12/12, -100, -1000, 10000, 1) → 59.6738657 ; without type → 60.0821229 ; =NPER(0.12/12, -100, -1000) → -9.57859404
    expect(annuityPeriods({ rate: "0.01", pmt: -100, pv: -1000, fv: 10000, type: 1 }).value?.toFixed(7)).toBe("59.6738657");
    expect(annuityPeriods({ rate: "0.01", pmt: -100, pv: -1000, fv: 10000 }).value?.toFixed(7)).toBe("60.0821229");
    expect(annuityPeriods({ rate: "0.01", pmt: -100, pv: -1000 }).value?.toFixed(8)).toBe("-9.57859404");
    // LibreOffice help: NPER(10%/12; -250; 10000) → 48.86 months
    expect(annuityPeriods({ rate: monthly("0.1"), pmt: -250, pv: 10000 }).value?.toFixed(2)).toBe("48.86");
  });

  it("RATE", () => {
    // =RATE(4*12, -200, 8000) → 1 % shown (0.77 % a month); ×12 → 9.24 % a year
    const r = annuityRate({ nper: 48, pmt: -200, pv: 8000 }).value!;
    expect(r.toFixed(4)).toBe("0.0077");
    expect(r.times(12).toFixed(4)).toBe("0.0924");
  });

  it("rate 0 uses the linear form", () => {
    // pv + pmt·n + fv = 0: 1200 over 12 periods → -100 each
    expect(annuityPayment({ rate: 0, nper: 12, pv: 1200 }).value?.toFixed()).toBe("-100");
    expect(annuityPeriods({ rate: 0, pmt: -100, pv: 1200 }).value?.toFixed()).toBe("12");
    expect(annuityFutureValue({ rate: 0, nper: 12, pmt: -100, pv: 1200 }).value?.toFixed()).toBe("0");
  });

  it("error cases are typed reasons or ValidationErrors, never NaN or Infinity", () => {
    expect(annuityPayment({ rate: "0.01", nper: 0, pv: 1000 }).reason).toBe("nper-is-zero");
    // Interest 10 % of 1000 = 100 a period; paying 50 never clears it (spreadsheet #NUM!).
    expect(annuityPeriods({ rate: "0.1", pmt: -50, pv: 1000 }).reason).toBe("no-solution");
    expect(annuityPeriods({ rate: 0, pmt: 0, pv: 1000 }).reason).toBe("pmt-is-zero");
    expect(() => annuityPayment({ rate: "-1", nper: 10, pv: 1 })).toThrow(ValidationError);
    expect(() => annuityPayment({ rate: "0.1", nper: 10, pv: 1, type: 2 as never })).toThrow(ValidationError);
    expect(() => annuityPayment({ rate: "0.1", nper: "ten" as never, pv: 1 })).toThrow(ValidationError);
    expect(() => annuityPayment(null as never)).toThrow(ValidationError);
  });

  it("property: PMT, PV, FV, NPER and RATE solve the same equation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }).map((n) => new PmoDecimal(n).div(10000)),
        // nper ≥ 2: with one payment due at the start (type 1) the loan is repaid before any interest runs, so every
        // rate solves the equation and RATE has nothing to find.
        fc.integer({ min: 2, max: 360 }),
        fc.integer({ min: 1000, max: 1_000_000 }),
        fc.constantFrom<0 | 1>(0, 1),
        (rate, nper, pv, type) => {
          const pmt = annuityPayment({ rate, nper, pv, type }).value!;
          // The payment makes the future value zero …
          expect(annuityFutureValue({ rate, nper, pmt, pv, type }).value!.abs().lt("1e-20")).toBe(true);
          // … the present value of those payments is the loan …
          expect(annuityPresentValue({ rate, nper, pmt, type }).value!.minus(pv).abs().lt("1e-20")).toBe(true);
          // … they take nper periods, at that rate.
          expect(annuityPeriods({ rate, pmt, pv, type }).value!.minus(nper).abs().lt("1e-15")).toBe(true);
          expect(annuityRate({ nper, pmt, pv, type }).value!.minus(rate).abs().lt("1e-18")).toBe(true);
        },
      ),
      { numRuns: 40, seed: 42 },
    );
  });
});

describe("payback: first and final crossing (issue 16)", () => {
  it("a second outlay after recovery gives a later final payback", () => {
    // cum: −1000, −400, +200 (crossing 1 + 400/600 = 1.6667), −300, +300 (crossing 3 + 300/600 = 3.5)
    const flows = ["-1000", "600", "600", "-500", "600"];
    const p = paybackCrossings(flows);
    expect(p.crossings.map((c) => c.toFixed(4))).toEqual(["1.6667", "3.5000"]);
    expect(paybackPeriod(flows).value?.toFixed(4)).toBe("1.6667");
    expect(paybackPeriod(flows, { crossing: "final" }).value?.toFixed(4)).toBe("3.5000");
  });

  it("ending below zero has no final payback, though a first one exists", () => {
    // cum: −1000, +200 (crossing 0 + 1000/1200), −300
    const p = paybackCrossings(["-1000", "1200", "-500"]);
    expect(p.first.value?.toFixed(4)).toBe("0.8333");
    expect(p.final.reason).toBe("never-pays-back");
  });

  it("a zero or positive first flow before the outlay is no payback at t = 0", () => {
    // The investment a period late: cum 0, −100, +50 → the cumulative flow first goes below zero in period 1 and is
    // recovered in period 2: 1 + 100/150 = 1.6667 (before: 0, because the cumulative flow was 0 — "nothing owed" — at t = 0).
    expect(paybackPeriod(["0", "-100", "150"]).value?.toFixed(4)).toBe("1.6667");
    // A grant of 100 received first, then the outlay: cum 100, −900, −500, −100, +300 → 3 + 100/400 = 3.25 (before: 0).
    const granted = paybackCrossings(["100", "-1000", "400", "400", "400"]);
    expect(granted.crossings.map((c) => c.toFixed(2))).toEqual(["3.25"]);
    expect([granted.first.value?.toFixed(2), granted.final.value?.toFixed(2)]).toEqual(["3.25", "3.25"]);
    // Discounted at 10 %: 0, −100/1.1 = −90.909…, 150/1.21 = 123.966… → 1 + 90.909…/123.966… = 1 + 0.73333… (= 1 + 110/150).
    expect(paybackPeriod(["0", "-100", "150"], { discountRate: "0.1" }).value?.toFixed(6)).toBe("1.733333");
  });

  it("flows whose cumulative never goes below zero pay back at once (nothing to recover)", () => {
    // cum 0, 5 and 100, 50, 150: never below zero → 0, as before; no flow at all stays no-data.
    for (const f of [["0", "5"], ["100", "-50", "100"], ["0", "0"]]) {
      const p = paybackCrossings(f);
      expect([p.first.value?.toFixed(), p.final.value?.toFixed(), p.crossings.map((c) => c.toFixed())]).toEqual(["0", "0", ["0"]]);
    }
    expect(paybackPeriod([]).reason).toBe("no-data");
  });
});

describe("issue 16 #4: exponent notation in finance inputs", () => {
  it("is refused with the same explanation as Money and every decimal input", () => {
    let e: unknown;
    try {
      npv("0.1", ["-1e12", "1"], { convention: "excel" });
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["flows", 0]);
    expect((e as ValidationError).issues[0]?.message).toMatch(/exponent notation/);
  });
});
