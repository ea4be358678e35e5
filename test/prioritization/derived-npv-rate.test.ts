import { describe, expect, it } from "vitest";
import { isoDate, money, PmoDecimal, ValidationError } from "../../src/core/index.js";
import { derivedFigure, scoreRequests } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

/*
 * A derived NPV needs a discount rate. A scoring model refuses an `npv` criterion without one ("npv needs a discount
 * rate"); until fin21 derivedFigure(request, "npv", { asOf }) quietly discounted at 0 % and reported the plain net sum
 * as the NPV: cost 1,000 in 2026, benefit 1,100 in 2027 gave 100 — at 10 % the NPV is 0 (−1000 + 1100/1.1).
 */
const asOf = isoDate("2026-11-20");
const eur = (a: string) => money(a, "EUR");
const r = req("R", {}, {
  estimatedCost: [{ period: "2026", expenditure: "capex", category: "labour", amount: eur("1000") }],
  benefits: [{ id: "b", kind: "revenue", description: "b", confidence: new PmoDecimal(1), amounts: [{ period: "2027", amount: eur("1100") }] }],
} as never);

describe("derivedFigure's npv needs a rate, as the scoring model does (fin21)", () => {
  it("no rate is a ValidationError at options.rate, not an NPV at 0 %", () => {
    let error: unknown;
    try {
      derivedFigure(r, "npv", { asOf });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(["options", "rate"]);
  });

  it("the scoring model refuses the same criterion without a rate", () => {
    expect(() => scoreRequests([r], { kind: "weighted-sum", criteria: [{ id: "npv", source: { kind: "derived", figure: "npv" } }] }, { asOf })).toThrow(/discount rate/);
  });

  it("an explicit rate 0 is the undiscounted net sum; 10 % gives the NPV (hand-derived: −1000 + 1100/1.1 = 0)", () => {
    expect(derivedFigure(r, "npv", { asOf, rate: "0" }).value?.toFixed()).toBe("100");
    expect(derivedFigure(r, "npv", { asOf, rate: "0.1" }).value?.toFixed()).toBe("0");
  });

  it("other figures need no rate", () => {
    expect(derivedFigure(r, "net-benefit", { asOf }).value?.toFixed()).toBe("100");
  });
});
