import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { portfolioVariance, resourceUtilisation } from "../../src/kpi/index.js";

// A period with no records is no data: its reason must say so, not name a zero denominator (PV, EV or capacity of
// zero is a different finding: figures recorded that sum to zero).

const eur = (x: string) => money(x, "EUR");
const april = { from: isoDate("2026-04-01"), to: isoDate("2026-04-30") };

describe("portfolioVariance: no project in the period", () => {
  const march = { id: "P", statusDate: isoDate("2026-03-31"), pv: eur("100"), ev: eur("90"), ac: eur("95") };

  it("is no-data, not pv-is-zero / ev-is-zero", () => {
    const r = portfolioVariance([march], { currency: "EUR", period: april });
    // Before: svPercent { reason: "pv-is-zero" }, cvPercent { reason: "ev-is-zero" }.
    expect(r.svPercent).toEqual({ reason: "no-data", detail: "no project's status date in the period" });
    expect(r.cvPercent).toEqual({ reason: "no-data", detail: "no project's status date in the period" });
    expect(r.projectIds).toEqual([]);
  });

  it("a project in the period with PV and EV of zero still says so", () => {
    const r = portfolioVariance([{ ...march, statusDate: isoDate("2026-04-30"), pv: eur("0"), ev: eur("0") }], { currency: "EUR", period: april });
    expect(r.svPercent.reason).toBe("pv-is-zero");
    expect(r.cvPercent.reason).toBe("ev-is-zero");
  });

  it("the period edge is inclusive: a status date on the last day counts", () => {
    // SV = 90 − 100 = −10 → −10 ÷ 100 = −10 %; CV = 90 − 95 = −5 → −5 ÷ 90 = −5.5…%
    const r = portfolioVariance([{ ...march, statusDate: isoDate("2026-04-30") }], { currency: "EUR", period: april });
    expect(r.svPercent.value!.toFixed()).toBe("-10");
    expect(r.cvPercent.value!.toFixed(4)).toBe("-5.5556");
  });
});

describe("resourceUtilisation: no hours in the period", () => {
  const row = { resourceId: "dev-1", date: isoDate("2026-03-31"), capacityHours: 40, allocatedHours: 32, actualHours: 30 };

  it("is no-data, not no-capacity", () => {
    const r = resourceUtilisation([row], { period: april });
    // Before: committed and forecast { reason: "no-capacity" }, actual { reason: "not-supplied" }.
    const none = { reason: "no-data", detail: "no resource hours in the period" };
    expect(r.overall.committedPercent).toEqual(none);
    expect(r.overall.forecastPercent).toEqual(none);
    expect(r.overall.actualPercent).toEqual(none);
    expect(r.byResource).toEqual({});
  });

  it("rows in the period with zero capacity keep no-capacity", () => {
    const r = resourceUtilisation([{ ...row, date: isoDate("2026-04-01"), capacityHours: 0, allocatedHours: 0, actualHours: 0 }], { period: april });
    expect(r.overall.committedPercent.reason).toBe("no-capacity");
    expect(r.overall.actualPercent.reason).toBe("no-capacity");
  });
});
