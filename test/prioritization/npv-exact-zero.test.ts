import { describe, expect, it } from "vitest";
import { isoDate, money, PmoDecimal } from "../../src/core/index.js";
import { derivedFigure, scoreRequests } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

/*
 * Cost 1 in 2026, benefits 1, 3 and 9 in 2027, 2028 and 2029, at 200 % as of 2026: the NPV is exactly
 * −1 + 1/3 + 3/9 + 9/27 = −1 + 1/3 + 1/3 + 1/3 = 0. Each third rounds to 34 digits (0.333…3), so the sum was
 * 0.999…9 − 1 = −1e-34, which reads "-0.00" to two places. A residue that small against the flows (below the rounding
 * of 34 digits) is no NPV: it is now 0.
 */
const asOf = isoDate("2026-06-30");
const eur = (a: string) => money(a, "EUR");
const benefit = (period: string, amount: string) => ({ period, amount: eur(amount) });
const r = req("R", {}, {
  estimatedCost: [{ period: "2026", expenditure: "capex", category: "labour", amount: eur("1") }],
  benefits: [{ id: "b", kind: "revenue", description: "b", confidence: new PmoDecimal(1), amounts: [benefit("2027", "1"), benefit("2028", "3"), benefit("2029", "9")] }],
} as never);

describe("a derived NPV that is exactly zero reads 0, not -0.00", () => {
  it("derivedFigure: cost 1, benefits 1, 3, 9 at 200 % is 0", () => {
    const v = derivedFigure(r, "npv", { asOf, rate: "2" }).value!;
    expect(v.toFixed(2)).toBe("0.00");
    expect(v.isZero() && !v.isNegative()).toBe(true);
  });

  it("scoreRequests shows the same raw 0 on the criterion's line", () => {
    const board = scoreRequests([r], { kind: "weighted-sum", criteria: [{ id: "npv", source: { kind: "derived", figure: "npv", rate: "2" } }] } as never, { asOf });
    const raw = board.entries[0]!.breakdown[0]!.raw!;
    expect(raw.toFixed(2)).toBe("0.00");
  });

  it("a true NPV a cent off zero is kept: cost 1.01 gives −0.01 (hand: −1.01 + 1 = −0.01)", () => {
    const cost = req("C", {}, { ...r, estimatedCost: [{ period: "2026", expenditure: "capex", category: "labour", amount: eur("1.01") }] } as never);
    expect(derivedFigure(cost, "npv", { asOf, rate: "2" }).value!.toFixed(2)).toBe("-0.01");
  });
});
