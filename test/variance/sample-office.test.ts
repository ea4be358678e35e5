import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { decodeEntity, type EntityKind } from "../../src/index.js";
import { earnedValue, fiscalQuarters, milestoneSlips, budgetVariance, performanceHistory, rollUpPortfolio, type EarnedValueInput } from "../../src/variance/index.js";
import { show } from "./fixtures.js";

/*
 * The sample office at its status date 2026-11-20 (examples/data/README.md, "The four projects"). The README's
 * figures come from projectFigures() in build-office.ts: PV linear within each monthly slice by calendar day, EV by
 * the earning rule from the latest progress record, AC summed with the USD entry converted at its rate — the same
 * reading as pmokit's defaults (spread by calendar days). pmokit is exact where the README uses floats: a partly
 * elapsed slice contributes its share rounded half-even to the cent, EV shares are rounded to the cent per package,
 * and the USD entry (4800.00 × 0.8614 = 4134.72) is exact. So PV/EV/AC agree with the README's rounded euros, and
 * SPI/CPI with its two decimals.
 */
const office = loadSampleOffice();
const decoded = <K extends EntityKind>(kind: K) => office[kind].map((r) => decodeEntity(kind, r));
const projects = decoded("project");
const input = (id: string): EarnedValueInput => ({
  project: projects.find((p) => p.id === id)!, workPackages: decoded("work-package"), baselines: decoded("baseline"), costEntries: decoded("cost-entry"),
});
const at = (id: string) => earnedValue(input(id), { statusDate: SAMPLE_STATUS_DATE, grid: { kind: "monthly" } });

describe("the sample office at 2026-11-20", () => {
  it.each([
    // id, baseline, BAC, PV, EV, AC, SPI, CPI (README: 731,933 / 727,698 / 749,424 / 0.99 / 0.97, …)
    ["PRJ-CRM", 1, "1167000.00", "731933.04", "727698.00", "749423.58", "0.99", "0.97"],
    ["PRJ-WMS", 0, "1787400.00", "1390501.89", "909747.67", "1031876.97", "0.65", "0.88"],
    ["PRJ-EINV", 0, "568000.00", "512859.70", "534778.33", "517804.76", "1.04", "1.03"],
    ["PRJ-DCX", 0, "1951000.00", "179589.05", "177070.38", "180520.74", "0.99", "0.98"],
  ])("%s against baseline %i", (id, bl, bac, pv, ev, ac, spi, cpi) => {
    const r = at(id);
    expect(r.baseline).toBe(bl);
    const f = r.figures;
    expect([show(f.bac), show(f.pv), show(f.ev), show(f.ac), show(f.spi), show(f.cpi)]).toEqual([bac, pv, ev, ac, spi, cpi]);
    expect(r.excludedActuals).toEqual([]);
  });

  it("tells the story in time too: WMS is 55.6 working days late by earned schedule, EINV ahead", () => {
    const wms = at("PRJ-WMS").schedule;
    expect(show(wms.svT, 1)).toBe("-55.6"); // ES 169.43 − AT 225
    expect(show(wms.spiT, 2)).toBe("0.75");
    expect(Number(show(at("PRJ-EINV").schedule.svT, 2))).toBeGreaterThan(0);
  });

  it("warns about level-of-effort packages and the USD entry is converted at its ECB rate", () => {
    const dcx = at("PRJ-DCX");
    expect(dcx.warnings.some((w) => w.code === "loe-hides-schedule-variance")).toBe(true);
    // No rate table: the entry's own ECB rate is its booking rate; what it cost at the rate in force on the baseline
    // capture day is unknown, so CV has no split (it read an FX part of 0.00: the booking rate taken for the baseline's).
    expect(dcx.cvSplit.reason).toBe("no-baseline-rate");
    expect(dcx.cvSplit.reason && dcx.cvSplit.detail).toMatch(/^no USD→EUR rate on or before \d{4}-\d{2}-\d{2}, the baseline capture day$/);
  });

  it("rolls up programmes and the portfolio from summed EV, PV and AC", () => {
    const { programmes, portfolios } = rollUpPortfolio(["PRJ-CRM", "PRJ-WMS", "PRJ-EINV", "PRJ-DCX"].map(at));
    const otc = programmes.find((p) => p.id === "pg-order-to-cash")!;
    // (727698.00 + 534778.33) / (731933.04 + 512859.70) = 1262476.33 / 1244792.74 = 1.01420…
    expect(show(otc.figures.spi, 4)).toBe("1.0142");
    expect(show(portfolios[0]!.figures.bac)).toBe("5473400.00");
  });

  it("keeps the original CRM plan visible: the performance history switches to baseline 1 on 2026-09-18", () => {
    const h = performanceHistory(input("PRJ-CRM"), ["2026-08-31", "2026-09-30", "2026-11-20"], { grid: { kind: "monthly" } });
    expect(h.snapshots.map((s) => s.baseline)).toEqual([0, 1, 1]);
    expect(h.rebaselines).toHaveLength(1);
    expect(h.rebaselines[0]).toMatchObject({ date: "2026-09-30", from: 0, to: 1 });
    expect(show(h.rebaselines[0]!.before.bac)).toBe("1083000.00"); // baseline 0's BAC (README)
  });

  it("WMS pilot slipped 55 working days (2026-11-02 → 2027-01-18 is 11 weeks)", () => {
    const ms = decoded("milestone").filter((m) => m.projectId === "PRJ-WMS");
    const pilot = milestoneSlips(ms, decoded("baseline"), { statusDate: SAMPLE_STATUS_DATE }).find((m) => m.id === "ms-wms-pilot")!;
    expect(pilot).toMatchObject({ baselineDate: "2026-11-02", forecastDate: "2027-01-18", slip: 55, status: "overdue" });
  });

  it("budget variance by quarter and category adds up to the budget", () => {
    const crm = projects.find((p) => p.id === "PRJ-CRM")!;
    const lines = budgetVariance(crm, decoded("cost-entry"), { statusDate: SAMPLE_STATUS_DATE, periods: fiscalQuarters(2026, 2027).periods });
    const planned = lines.reduce((s, l) => s + Math.round(Number(l.planned.amount) * 100), 0);
    expect(planned / 100).toBe(1167000);
    const future = lines.filter((l) => l.period === "2027-Q2");
    expect(future.every((l) => l.actual.amount.isZero() && l.forecast.amount.eq(l.planned.amount))).toBe(true);
  });
});
