import { describe, expect, it } from "vitest";
import { decimal, npv } from "../../src/index.js";

/*
 * ev19, period conventions of `npv` checked against the spreadsheet function with the same flows. `npv` takes one flow
 * per period at the rate per period, whatever the period (week, half-year): Excel's NPV(rate, v1…vn) discounts v_i by
 * (1 + rate)^i ("excel"), and the textbook form with the first flow now is v0 + NPV(rate, v1…) ("t0").
 *
 * Half-years at 10.25 % a year: the periodic rate is 1.1025^(1/2) − 1 = 5 % exactly. Excel: =NPV(5%, 600, 600)
 * = 600/1.05 + 600/1.1025 = 571.428571… + 544.217687… = 1115.646258…; with the outlay of 1,000 now, −1000 + that
 * = 115.646258….
 * Weeks at 1 % a week: =NPV(1%, -500, 200, 200, 200) = −495.049505 + 196.059210 + 194.118030 + 192.196069 (rounded terms)
 * = 87.3238034 (to 7 places; computed with 40-digit decimals).
 */
describe("npv per period matches spreadsheet NPV", () => {
  it("half-years at the periodic 5 %: excel 1115.646258…, t0 with the outlay now 115.646258…", () => {
    expect(npv("0.05", ["600", "600"], { convention: "excel" }).value!.toFixed(6)).toBe("1115.646259");
    expect(npv("0.05", ["-1000", "600", "600"], { convention: "t0" }).value!.toFixed(6)).toBe("115.646259");
    // t0 of (v0, v1…) = v0 + excel of (v1…), to every digit.
    expect(npv("0.05", ["-1000", "600", "600"], { convention: "t0" }).value!.eq(npv("0.05", ["600", "600"], { convention: "excel" }).value!.minus(1000))).toBe(true);
  });

  it("weeks at 1 %: excel 87.323803 (=NPV(1%, -500, 200, 200, 200))", () => {
    const v = npv("0.01", ["-500", "200", "200", "200"], { convention: "excel" }).value!;
    expect(v.toFixed(6)).toBe("87.323803");
    // The same flows one period later under "excel" than under "t0": a factor 1.01.
    expect(npv("0.01", ["-500", "200", "200", "200"], { convention: "t0" }).value!.div(v).toDecimalPlaces(30).eq(decimal("1.01"))).toBe(true);
  });
});
