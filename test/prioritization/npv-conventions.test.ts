import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate, money, PmoDecimal } from "../../src/core/index.js";
import { derivedFigure, npv, scoreRequests, type NpvConventions } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

/*
 * The derived NPV's conventions, each against Excel's NPV computed by hand (Python's decimal module at 50 digits).
 * As of 2026-11-20: the as-of's quarter is 2026-Q4, its month 2026-11, its year 2026 (each t = 0).
 *
 * Quarters at rate 0.21550625 = 1.05⁴ − 1, so the periodic rate (1 + r)^(1/4) − 1 is exactly 5 %:
 *   cost 1,000 in 2026-Q4, benefits 400 in 2027-Q1, -Q2, -Q3 (confidence 1).
 *   per-period: −1000 + NPV(5%, 400, 400, 400) = −1000 + 400/1.05 + 400/1.05² + 400/1.05³ = 89.29921174819134…
 *   whole-years (the default): 2026-Q4 is t = 0, 2027-* t = 1: −1000 + 1200/1.21550625 = −12.75703024974162…
 * Months at rate 0.126825030131969720661201 = 1.01¹² − 1 (1 % a month):
 *   cost 500 in 2026-11, benefits 200 in 2026-12, 2027-01, 2027-02.
 *   per-period: −500 + NPV(1%, 200, 200, 200) = 88.19704144711108…
 *   whole-years: −500 + 200 + 400/1.126825030131969720661201 = 54.97969010606147…
 * A past flow (cost 100 in 2026-Q2, two quarters before the as-of's; 50 in 2026-09, two months before):
 *   compound (the default): −100 × 1.05² = −110.25 → 89.2992117… − 110.25 = −20.95078825180865…; −50 × 1.01² = −51.005 → 37.19204144711108…
 *   undiscounted: −100 → −10.70078825180865…; excluded (sunk): 89.29921174819134…
 */
const asOf = isoDate("2026-11-20");
const usd = (a: string) => money(a, "USD");
const cost = (period: string, a: string) => ({ period, expenditure: "capex" as const, category: "labour" as const, amount: usd(a) });
const benefit = (...amounts: [string, string][]) => ({ id: "b", kind: "revenue", description: "b", confidence: new PmoDecimal(1), amounts: amounts.map(([period, a]) => ({ period, amount: usd(a) })) });
const quarters = req("Q", {}, { estimatedCost: [cost("2026-Q4", "1000")], benefits: [benefit(["2027-Q1", "400"], ["2027-Q2", "400"], ["2027-Q3", "400"])] } as never);
const months = req("M", {}, { estimatedCost: [cost("2026-11", "500")], benefits: [benefit(["2026-12", "200"], ["2027-01", "200"], ["2027-02", "200"])] } as never);
const RQ = "0.21550625";
const RM = "0.126825030131969720661201";
const at = (r: typeof quarters, rate: string, c: NpvConventions = {}, places = 12) => derivedFigure(r, "npv", { asOf, rate, ...c }).value?.toFixed(places);

describe("derived NPV: whole years or per period", () => {
  it("quarters: per-period discounts each quarter at (1 + r)^(1/4) (Excel −1000 + NPV(5%, 400, 400, 400)); whole-years by the year", () => {
    expect(at(quarters, RQ, { discounting: "per-period" })).toBe("89.299211748191");
    expect(at(quarters, RQ, { discounting: "whole-years" })).toBe("-12.757030249742");
    expect(at(quarters, RQ)).toBe("-12.757030249742"); // the default: whole years, as before
    // The same as the library's own npv() over the quarterly flows at the periodic rate.
    expect(npv("0.05", ["-1000", "400", "400", "400"], { convention: "t0" }).value?.toFixed(12)).toBe("89.299211748191");
  });

  it("months: per-period discounts each month at (1 + r)^(1/12) (Excel −500 + NPV(1%, 200, 200, 200))", () => {
    expect(at(months, RM, { discounting: "per-period" })).toBe("88.197041447111");
    expect(at(months, RM)).toBe("54.979690106061");
  });

  it("year labels read the same under both conventions (a year is its own period)", () => {
    const years = req("Y", {}, { estimatedCost: [cost("FY2026", "1000")], benefits: [benefit(["2027", "1100"], ["FY2028", "121"])] } as never);
    // −1000 + 1100/1.1 + 121/1.21 = −1000 + 1000 + 100 = 100, exactly.
    expect([at(years, "0.1", { discounting: "per-period" }, 2), at(years, "0.1", {}, 2)]).toEqual(["100.00", "100.00"]);
  });

  it("past flows: compounded (default), undiscounted or excluded as sunk", () => {
    const past = { ...quarters, estimatedCost: [...quarters.estimatedCost, cost("2026-Q2", "100")] };
    const pp = { discounting: "per-period" } as const;
    expect(at(past, RQ, pp)).toBe("-20.950788251809");
    expect(at(past, RQ, { ...pp, pastFlows: "compound" })).toBe("-20.950788251809");
    expect(at(past, RQ, { ...pp, pastFlows: "undiscounted" })).toBe("-10.700788251809");
    expect(at(past, RQ, { ...pp, pastFlows: "excluded" })).toBe("89.299211748191");
    const pastMonth = { ...months, estimatedCost: [...months.estimatedCost, cost("2026-09", "50")] };
    expect(at(pastMonth, RM, pp)).toBe("37.192041447111");
    // Whole years: 2026-Q2 is in the as-of's year (t = 0), so it is not past; FY2025 is: −100 × 1.21550625.
    expect(at(past, RQ)).toBe("-112.757030249742");
    const lastYear = { ...quarters, estimatedCost: [...quarters.estimatedCost, cost("FY2025", "100")] };
    expect([at(lastYear, RQ), at(lastYear, RQ, { pastFlows: "undiscounted" }), at(lastYear, RQ, { pastFlows: "excluded" })])
      .toEqual(["-134.307655249742", "-112.757030249742", "-12.757030249742"]);
  });

  it("per-period needs a year, half-year, quarter or month label: a week is unknown-period (whole years read its year)", () => {
    const weeks = { ...quarters, estimatedCost: [cost("2027-W05", "1000")] };
    const f = derivedFigure(weeks, "npv", { asOf, rate: RQ, discounting: "per-period" });
    expect([f.value, f.reason, (f as { detail?: string }).detail]).toEqual([undefined, "unknown-period", '"2027-W05" is a week: weeks (52 or 53 to a year) have no periodic rate that follows from the annual one, so they are not discounted per period']);
    expect(at(weeks, RQ, {}, 2)).toBe((1200 / 1.21550625 - 1000 / 1.21550625).toFixed(2));
  });

  it("a scoring criterion carries the same options", () => {
    const board = scoreRequests([quarters], { kind: "weighted-sum", criteria: [{ id: "npv", source: { kind: "derived", figure: "npv", rate: RQ, discounting: "per-period", pastFlows: "excluded" }, normalization: "none" }] }, { asOf });
    expect(board.entries[0]!.breakdown[0]!.raw!.toFixed(12)).toBe("89.299211748191");
  });

  it("refuses an unknown convention with its path", () => {
    expect(() => derivedFigure(quarters, "npv", { asOf, rate: RQ, discounting: "quarterly" as never })).toThrow(/discounting/);
    expect(() => scoreRequests([quarters], { kind: "weighted-sum", criteria: [{ id: "npv", source: { kind: "derived", figure: "npv", rate: RQ, pastFlows: "ignored" as never } }] }, { asOf })).toThrow(/pastFlows/);
  });
});

describe("derived NPV conventions: properties", () => {
  // One period length per request (per period, a request that mixes lengths is unknown-period: npv20-periods.test.ts).
  const labels = [
    fc.integer({ min: 2024, max: 2030 }).map((y) => `FY${y}`),
    fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`),
    fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(fc.integer({ min: 2024, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
  ];
  const flows = fc.constantFrom(...labels).chain((label) => {
    const flow = fc.tuple(label, fc.integer({ min: 1, max: 10_000 }));
    return fc.tuple(fc.array(flow, { minLength: 1, maxLength: 6 }), fc.array(flow, { maxLength: 6 }));
  });
  const requestOf = (costs: [string, number][], benefits: [string, number][]) =>
    req("P", {}, { estimatedCost: costs.map(([p, a]) => cost(p, String(a))), benefits: benefits.length > 0 ? [benefit(...benefits.map(([p, a]) => [p, String(a)] as [string, string]))] : [] } as never);
  const rate = fc.integer({ min: -50, max: 100 }).map((p) => (p / 100).toString());

  it("undiscounted = excluded + the past flows at face value; at rate 0 compound = undiscounted; year labels read alike", () => {
    fc.assert(
      fc.property(flows, rate, ([costs, benefits], r) => {
        const p = requestOf(costs, benefits);
        const v = (c: NpvConventions, rr = r) => derivedFigure(p, "npv", { asOf, rate: rr, discounting: "per-period", ...c }).value!;
        // Past (per period): before 2026-H2 for a half-year, 2026-Q4 for a quarter, 2026-11 for a month, 2026 for a year.
        const isPast = (l: string) => (/H/.test(l) ? l < "2026-H2" : /Q/.test(l) ? l < "2026-Q4" : l.startsWith("FY") ? l < "FY2026" : l < "2026-11");
        const past = [...benefits.filter(([l]) => isPast(l)).map(([, a]) => a), ...costs.filter(([l]) => isPast(l)).map(([, a]) => -a)].reduce((x, y) => x + y, 0);
        expect(v({ pastFlows: "undiscounted" }).minus(v({ pastFlows: "excluded" })).minus(past).abs().lt("1e-20")).toBe(true);
        expect(v({ pastFlows: "compound" }, "0").minus(v({ pastFlows: "undiscounted" }, "0")).isZero()).toBe(true);
        const years = requestOf(costs.map(([l, a]) => [`FY${l.slice(l.startsWith("FY") ? 2 : 0, l.startsWith("FY") ? 6 : 4)}`, a]), []);
        const y = (c: NpvConventions) => derivedFigure(years, "npv", { asOf, rate: r, ...c }).value!;
        expect(y({ discounting: "per-period" }).eq(y({ discounting: "whole-years" }))).toBe(true);
      }),
      { seed: 15, numRuns: 150 },
    );
  });
});
