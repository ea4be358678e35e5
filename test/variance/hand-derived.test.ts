import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * A 4-package project through its life, derived by hand. Weekly grid, Monday–Friday calendar, January 2027:
 * W1 = 01-04…01-10, W2 = 01-11…01-17, W3 = 01-18…01-24, W4 = 01-25…01-31 (5 working days each).
 *   A "Design"     percent-complete  W1 1000, W2 1000         BAC 2000
 *   B "Build"      50/50             W2 500,  W3 500          BAC 1000
 *   C "Migrate"    units (10)        W3 1000, W4 1000         BAC 2000
 *   D "PM"         level of effort   W1–W4 250 each           BAC 1000       → BAC 6000
 * Cumulative PV at the week ends: 1250, 3000, 4750, 6000. ES points in working days: (0,0) (5,1250) (10,3000)
 * (15,4750) (20,6000). PD = 20 working days (01-04…01-29).
 */
const base = [
  { id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")] },
  { id: "B", rule: { type: "50/50" }, slices: [week(2, "500.00"), week(3, "500.00")] },
  { id: "C", rule: { type: "units", totalUnits: "10", unitName: "tables" }, slices: [week(3, "1000.00"), week(4, "1000.00")] },
  { id: "D", rule: { type: "level-of-effort" }, slices: [week(1, "250.00"), week(2, "250.00"), week(3, "250.00"), week(4, "250.00")] },
];
const progress: Record<string, unknown[]> = {
  A: [{ date: "2027-01-08", percentComplete: "50", started: true }, { date: "2027-01-15", percentComplete: "100", finished: true }],
  B: [{ date: "2027-01-11", started: true }, { date: "2027-02-03", finished: true }],
  C: [{ date: "2027-01-22", unitsComplete: "2", started: true }, { date: "2027-02-10", unitsComplete: "10", finished: true }],
  D: [{ date: "2027-01-04", started: true }],
};
const wps = base.map((b) => pkg({ ...b, progress: progress[b.id] ?? [] }));
const costs = [
  cost("A", "2027-01-15", "2000.00"), cost("B", "2027-01-17", "500.00"), cost("D", "2027-01-17", "500.00"),
  cost("B", "2027-01-24", "1200.00"), cost("C", "2027-01-24", "900.00"), cost("D", "2027-01-24", "250.00"),
  cost("B", "2027-02-03", "300.00"), cost("C", "2027-02-10", "1500.00"),
];
const at = (statusDate: string) => earnedValue(project(wps, costs), { statusDate });

describe("a 4-package project through its life", () => {
  it("before start (2027-01-01): nothing planned, earned or spent; indices have a reason, ES = AT = 0", () => {
    const r = at("2027-01-01");
    const f = r.figures;
    expect([show(f.bac), show(f.pv), show(f.ev), show(f.ac)]).toEqual(["6000.00", "0.00", "0.00", "0.00"]);
    expect(f.spi.reason).toBe("before-start");
    expect(f.cpi.reason).toBe("before-start");
    expect(show(r.schedule.es)).toBe("0.00");
    expect(show(r.schedule.at)).toBe("0.00");
    expect(r.schedule.spiT.reason).toBe("before-start");
    expect(r.excludedActuals).toHaveLength(costs.length); // all actuals are after the status date, reported
  });

  it("on plan (end of W2, 2027-01-17): EV = PV = AC = 3000, every index 1, ES = AT = 10", () => {
    // EV: A finished 2000 + B started 50/50 → 500 + C 0 + D (LOE) = PV 500 → 3000. AC = 2000 + 500 + 500.
    const r = at("2027-01-17");
    const f = r.figures;
    expect([show(f.pv), show(f.ev), show(f.ac), show(f.spi, 4), show(f.cpi, 4)]).toEqual(["3000.00", "3000.00", "3000.00", "1.0000", "1.0000"]);
    // C = point 2 (PV 3000 ≤ EV < 4750): ES = 10 exactly. AT = 10 working days (01-04…01-15).
    expect([show(r.schedule.es, 4), show(r.schedule.at, 0), show(r.schedule.spiT, 4)]).toEqual(["10.0000", "10", "1.0000"]);
    expect(show(r.schedule.pFactor, 4)).toBe("1.0000");
  });

  it("late and over budget (end of W3, 2027-01-24)", () => {
    // EV = A 2000 + B 500 (started only) + C 2/10 × 2000 = 400 + D PV 750 = 3650. PV = 4750. AC = 3000 + 2350 = 5350.
    const r = at("2027-01-24");
    const f = r.figures;
    expect([show(f.pv), show(f.ev), show(f.ac), show(f.sv), show(f.cv)]).toEqual(["4750.00", "3650.00", "5350.00", "-1100.00", "-1700.00"]);
    expect(show(f.spi, 6)).toBe("0.768421"); // 3650 / 4750
    expect(show(f.cpi, 6)).toBe("0.682243"); // 3650 / 5350 = 0.6822429…
    // EAC₁ = 6000 × 5350 / 3650 = 8794.5205… → 8794.52; EAC₂ = 5350 + 2350 = 7700.
    expect(show(f.eac.cpi)).toBe("8794.52");
    expect(show(f.eac.budgetRate)).toBe("7700.00");
    // EAC₃ = 5350 + 2350 / (0.682243 × 0.768421) = 5350 + 2350 × 5350 × 4750 / 3650² = 5350 + 59719375000 / 13322500 = 5350 + 4482.60 = 9832.60
    expect(show(f.eac.cpiSpi)).toBe("9832.60");
    expect(show(f.tcpiBac, 6)).toBe("3.615385"); // 2350 / 650
    // ES = 10 + (3650 − 3000) / (4750 − 3000) × 5 = 11.857142…; AT = 15; SV(t) = −3.142857; SPI(t) = 0.790476…
    const s = r.schedule;
    expect([show(s.es, 6), show(s.at, 0), show(s.svT, 6), show(s.spiT, 6)]).toEqual(["11.857143", "15", "-3.142857", "0.790476"]);
    // IEAC(t) with PF = SPI(t) = PD / SPI(t) = 20 / 0.790476 = 25.3012… → the 26th working day from 01-04 = Mon 2027-02-08.
    expect(show(s.ieacT.spiT, 4)).toBe("25.3012");
    expect(s.forecastFinish.spiT.value).toBe("2027-02-08");
    // P-factor: PV_i at ES interpolated with f = 650/1750: A 2000, B 685.71, C 371.43, D 592.86; min with EV_i:
    // 2000 + 500 + 371.43 + 592.86 = 3464.29 → ÷ 3650 = 6062500 / 6387500 = 0.949119…
    expect(show(s.pFactor, 6)).toBe("0.949119");
    // EAC₅ = AC + (BAC − EV) / (CPI · SPI(t)) = 5350 + 2350 × 5350 × 15 / (3650 × 83/7) = 5350 + 4357.53 = 9707.53
    expect(show(f.eac.earnedSchedule)).toBe("9707.53");
  });

  it("finished late (2027-02-12): SV = 0 and SPI = 1, but SV(t) and SPI(t) still show the slip", () => {
    // Every package has earned its budget: EV = PV = BAC = 6000. AC = 5350 + 300 + 1500 = 7150.
    const r = at("2027-02-12");
    const f = r.figures;
    expect(r.complete).toBe(true);
    expect([show(f.sv), show(f.spi, 4), show(f.ac)]).toEqual(["0.00", "1.0000", "7150.00"]);
    // The last finish is C on 2027-02-10: AT freezes there = 20 + 5 + 3 = 28 working days; ES = PD = 20.
    expect(r.actualFinish).toBe("2027-02-10");
    const s = r.schedule;
    expect([show(s.es, 0), show(s.at, 0), show(s.svT, 0), show(s.spiT, 6)]).toEqual(["20", "28", "-8", "0.714286"]);
    expect(s.forecastFinish.spiT.value).toBe("2027-02-10");
    expect(show(f.tcpiBac)).toBe("0.00"); // edge case 6: nothing left to earn
    expect(f.bacUnattainable).toBe(false);
    // Past the status date nothing changes: a later status date gives the same AT.
    expect(show(at("2027-03-01").schedule.at, 0)).toBe("28");
  });
});
