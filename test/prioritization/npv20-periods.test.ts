import { describe, expect, it } from "vitest";
import { isoDate, money, PmoDecimal } from "../../src/core/index.js";
import { derivedFigure, npv, scoreRequests, type NpvConventions } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

/*
 * npv20: half-years, weeks and mixed period lengths under `discounting: "per-period"`, as of 2026-11-20.
 *
 * Half-years follow the quarters' and months' rule: a 6-month period, discounted from the start of the as-of's
 * half-year (2026-H2, t = 0) by (1 + r)^(k/2) for the k-th half-year after it, i.e. Excel's NPV at the periodic rate
 * (1 + r)^(1/2) − 1. At r = 0.1025 = 1.05² − 1 that rate is exactly 5 %:
 *   cost 1,000 in 2026-H2, benefits 600 in 2027-H1 and 2027-H2 (confidence 1):
 *   −1000 + NPV(5%, 600, 600) = −1000 + 600/1.05 + 600/1.1025
 *     = −1000 + 571.428571428571428571… + 544.217687074829931972…
 *     = 115.646258503401360544217687074829931972789115646… (Python decimal, 50 digits)
 *   + a cost of 100 in 2026-H1 (one half-year before the as-of's), compounded: −100 × 1.05 = −105
 *     → 115.646258503401360544… − 105 = 10.646258503401360544…; excluded (sunk): 115.646258503401…
 *   whole years (the default) read only the year: 2026-H2 t = 0, 2027-H1 and -H2 t = 1:
 *     −1000 + 1200/1.1025 = 88.435374149659863945578231292517… 
 */
const asOf = isoDate("2026-11-20");
const usd = (a: string) => money(a, "USD");
const cost = (period: string, a: string) => ({ period, expenditure: "capex" as const, category: "labour" as const, amount: usd(a) });
const benefit = (...amounts: [string, string][]) => ({ id: "b", kind: "revenue", description: "b", confidence: new PmoDecimal(1), amounts: amounts.map(([period, a]) => ({ period, amount: usd(a) })) });
const halves = req("H", {}, { estimatedCost: [cost("2026-H2", "1000")], benefits: [benefit(["2027-H1", "600"], ["2027-H2", "600"])] } as never);
const pp = { discounting: "per-period" } as const;
const at = (r: typeof halves, rate: string, c: NpvConventions = {}) => derivedFigure(r, "npv", { asOf, rate, ...c });

describe("derived NPV per period: half-years", () => {
  it("discounts the k-th half-year after the as-of's by (1 + r)^(k/2): −1000 + NPV(5%, 600, 600) = 115.646258503401…", () => {
    expect(at(halves, "0.1025", pp).value?.toFixed(12)).toBe("115.646258503401");
    // The library's own npv() over the half-yearly flows at the periodic rate 5 %.
    expect(npv("0.05", ["-1000", "600", "600"], { convention: "t0" }).value?.toFixed(12)).toBe("115.646258503401");
    expect(at(halves, "0.1025").value?.toFixed(12)).toBe("88.435374149660"); // whole years, unchanged
  });

  it("a half-year before the as-of's is past: compounded × 1.05, or excluded as sunk", () => {
    const past = { ...halves, estimatedCost: [...halves.estimatedCost, cost("2026-H1", "100")] };
    expect(at(past, "0.1025", pp).value?.toFixed(12)).toBe("10.646258503401");
    expect(at(past, "0.1025", { ...pp, pastFlows: "excluded" }).value?.toFixed(12)).toBe("115.646258503401");
  });

  it("an as-of in the first half-year counts from 2026-H1: on 2026-03-01 2026-H2 is one half-year away", () => {
    // −1000/1.05 + 600/1.1025 + 600/1.157625 = −952.380952… + 544.217687… + 518.302559… = 110.139294…
    // (= 115.646258503401… / 1.05, every flow one half-year further).
    const v = derivedFigure(halves, "npv", { asOf: isoDate("2026-03-01"), rate: "0.1025", ...pp }).value!;
    expect(v.toFixed(12)).toBe("110.139293812763");
    expect(v.times("1.05").toFixed(12)).toBe("115.646258503401");
  });

  it("a scoring criterion reads half-years too", () => {
    const board = scoreRequests([halves], { kind: "weighted-sum", criteria: [{ id: "npv", source: { kind: "derived", figure: "npv", rate: "0.1025", discounting: "per-period" }, normalization: "none" }] }, { asOf });
    expect(board.entries[0]!.breakdown[0]!.raw!.toFixed(12)).toBe("115.646258503401");
  });

  it("H3 or a half-year with more after it is no period label; a label without a year has none under whole years", () => {
    for (const p of ["2027-H3", "2027-H0", "2027-H1x"]) {
      const f = at({ ...halves, estimatedCost: [cost(p, "1")] }, "0.1025", pp);
      expect([f.value, f.reason, (f as { detail?: string }).detail]).toEqual([undefined, "unknown-period", `"${p}" is no year, half-year, quarter or month`]);
    }
    const f = at({ ...halves, estimatedCost: [cost("next year", "1")] }, "0.1025");
    expect([f.value, f.reason, (f as { detail?: string }).detail]).toEqual([undefined, "unknown-period", '"next year" has no year']);
  });
});

describe("derived NPV per period: weeks and mixed lengths are refused, saying why", () => {
  it("a week label is unknown-period, naming the convention it would need (whole years still read its year)", () => {
    const weeks = { ...halves, estimatedCost: [cost("2027-W05", "1000")] };
    const f = at(weeks, "0.1025", pp);
    expect([f.value, f.reason]).toEqual([undefined, "unknown-period"]);
    expect((f as { detail?: string }).detail).toBe('"2027-W05" is a week: weeks (52 or 53 to a year) have no periodic rate that follows from the annual one, so they are not discounted per period');
    // Whole years: 2027-W05 is t = 1 like the benefits: (1200 − 1000)/1.1025 = 181.405895691609…
    expect(at(weeks, "0.1025").value?.toFixed(12)).toBe("181.405895691610");
  });

  it("a request mixing a year and months is unknown-period under per-period (whole years take it)", () => {
    // Per period each label would count from the as-of's period of its own length: 2027 from 2026-01-01 (one year)
    // but 2027-01 from 2026-11-01 (two months), though both begin on 2027-01-01. So a mix is refused.
    const mixed = req("X", {}, { estimatedCost: [cost("2026-11", "500")], benefits: [benefit(["2027", "1100"])] } as never);
    const f = at(mixed, "0.1", pp);
    // Flows are read benefits first: 2027 (a year), then the cost's 2026-11 (a month).
    expect([f.value, f.reason, (f as { detail?: string }).detail]).toEqual([undefined, "unknown-period", `"2026-11" and "2027" have different period lengths: per-period discounting counts each length from the as-of's period of that length, so a request takes one length`]);
    expect(Object.keys(f)).toEqual(["reason", "detail"]); // no internal field leaks out
    // Whole years: −500 + 1100/1.1 = 500.
    expect(at(mixed, "0.1").value?.toFixed(2)).toBe("500.00");
    // A quarter with a half-year is a mix too; one length throughout is not.
    const qh = { ...halves, estimatedCost: [cost("2026-Q4", "1000")] };
    expect(at(qh, "0.1025", pp).reason).toBe("unknown-period");
    expect(at(req("Y", {}, { estimatedCost: [cost("FY2026", "1000")], benefits: [benefit(["2027", "1100"])] } as never), "0.1", pp).value?.toFixed(2)).toBe("0.00");
  });
});
