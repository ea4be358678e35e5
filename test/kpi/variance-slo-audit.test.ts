import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { burnRate, portfolioVariance } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

const eur = (x: string) => money(x, "EUR");

describe("portfolioVariance: PV, EV and AC are cumulative, so one snapshot per project counts", () => {
  it("two monthly snapshots of PRJ-P in the period: only the latest counts (was summed twice)", () => {
    const figures = [
      { id: "PRJ-P", statusDate: isoDate("2026-10-31"), pv: eur("100"), ev: eur("50"), ac: eur("60") },
      { id: "PRJ-P", statusDate: isoDate("2026-11-30"), pv: eur("200"), ev: eur("150"), ac: eur("160") },
      { id: "PRJ-Q", statusDate: isoDate("2026-11-30"), pv: eur("1000"), ev: eur("1000"), ac: eur("1000") },
    ];
    const r = portfolioVariance(figures, { currency: "EUR", period: { from: isoDate("2026-10-01"), to: isoDate("2026-11-30") } });
    // Latest of PRJ-P (30 Nov) + PRJ-Q: ΣPV 1,200, ΣEV 1,150, ΣAC 1,160 → SV −50 → −4.1667 %; CV −10 → −0.8696 %.
    // Was ΣPV 1,300, ΣEV 1,200 → SV% −7.6923 (PRJ-P's October figures are already inside its November ones).
    expect(r.svPercent.value!.toFixed(4)).toBe("-4.1667");
    expect(r.cvPercent.value!.toFixed(4)).toBe("-0.8696");
    expect(r.projectIds).toEqual(["PRJ-P", "PRJ-Q"]);
    // Order of the snapshots does not matter.
    expect(portfolioVariance([...figures].reverse(), { currency: "EUR", period: { from: isoDate("2026-10-01"), to: isoDate("2026-11-30") } }).svPercent).toEqual(r.svPercent);
    // With the period ending in October, PRJ-P's October snapshot counts: SV −50 ÷ 100 = −50 %.
    expect(portfolioVariance(figures, { currency: "EUR", period: { to: isoDate("2026-10-31") } }).svPercent.value!.toFixed()).toBe("-50");
  });

  it("two snapshots of one project on the same status date are ambiguous: ValidationError", () => {
    const p = { id: "PRJ-P", statusDate: isoDate("2026-11-30"), pv: eur("100"), ev: eur("50"), ac: eur("60") };
    expect(firstIssuePath(() => portfolioVariance([p, p], { currency: "EUR" }))).toEqual([1, "statusDate"]);
  });
});

describe("burnRate: bucket checks", () => {
  it("a bucket day that is not a date is refused at its path [i, \"date\"] (was [\"date\"])", () => {
    expect(firstIssuePath(() => burnRate([{ date: isoDate("2026-01-01"), total: 10, bad: 0 }, { date: "2026-1-2" as never, total: 10, bad: 1 }], { slo: "0.99" }))).toEqual([1, "date"]);
  });

  it("counts beyond 2^53 − 1 are refused rather than rounded", () => {
    // (2^53 − 1) + 2 = 2^53 + 1 is not a float: the sum read 2^53 and the availability was silently wrong.
    expect(firstIssuePath(() => burnRate([{ date: isoDate("2026-01-01"), total: 2 ** 53 - 1, bad: 1 }, { date: isoDate("2026-01-01"), total: 2, bad: 0 }], { slo: "0.99" }))).toEqual(["total"]);
    expect(firstIssuePath(() => burnRate([{ date: isoDate("2026-01-01"), total: 1e20, bad: 1 }], { slo: "0.99" }))).toEqual([0]);
  });
});
