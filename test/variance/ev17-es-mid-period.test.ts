import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earnedValue, type EvmPolicy } from "../../src/variance/index.js";
import { pkg, project, show, week } from "./fixtures.js";

/*
 * Earned schedule with the status date inside a period (audit ev17).
 *
 * Lipke: ES = C + (EV − PV_C) / (PV_{C+1} − PV_C). With the status date inside a period, AT counts that period in part
 * (working days elapsed), and PV at the status date is known: the curve's last period is the partial one up to the
 * status date. ES was read between the period ends only, as if PV ran evenly over the whole period, so under the
 * default calendar-day spread a project with SV = 0 read SV(t) < 0, one ahead of plan (SV > 0) read SV(t) = 0, and the
 * P-factor charged a package for not having started by an ES before its planned start.
 *
 * Weekly grid and slices, weeks Monday–Sunday (fixtures.week), W1 = Mon 2027-01-04 … Sun 01-10. Slices of 700.00 a
 * week spread by calendar days: PV grows 100.00 a day. Working time Monday–Friday: W1 ends at 5 working days, W2 at 10.
 */
const weeks = ["700.00", "700.00", "700.00", "700.00"];
const pct = (p: string) => project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: weeks.map((a, i) => week(i + 1, a)), progress: [{ date: "2027-01-13", percentComplete: p }] })], []);
const loe = project([pkg({ id: "PM", rule: { type: "level-of-effort" }, slices: weeks.map((a, i) => week(i + 1, a)), progress: [{ date: "2027-01-04", started: true }] })], []);
const at = (input: ReturnType<typeof pct>, statusDate: string, policy: EvmPolicy = {}) => earnedValue(input, { statusDate, policy });
const WED = "2027-01-13";

describe("earned schedule with the status date inside a period: the partial period is Lipke's last", () => {
  it("on plan (level of effort, EV ≡ PV) on Friday of W2: ES = AT = 10, SV(t) 0, SPI(t) 1 (was ES 8.571429, SV(t) −1.43)", () => {
    // PV = 700 + 5 × 100 = 1200 = EV. Points: end of W1 (5, 700), status (10, 1200), end of W2 (10, 1400).
    // C = the status point (1200 ≤ EV): ES = 10 + 0 = 10. Before: 5 + 500/700 × 5 = 60/7.
    const r = at(loe, "2027-01-15");
    expect([show(r.figures.sv), show(r.schedule.es, 6), show(r.schedule.at, 0), show(r.schedule.svT, 6), show(r.schedule.spiT, 6)])
      .toEqual(["0.00", "10.000000", "10", "0.000000", "1.000000"]);
    // In periods: AT = 1 + 5/5 = 2; ES = 2 (was C + I = 1 + 500/700 = 1.714286).
    const p = at(loe, "2027-01-15", { timeUnit: "periods" }).schedule;
    expect([show(p.es, 6), show(p.at, 6), show(p.svT, 6)]).toEqual(["2.000000", "2.000000", "0.000000"]);
  });

  it("on plan on Wednesday of W2 and on Saturday: ES = AT (was SV(t) −0.86 on Wednesday)", () => {
    // Wednesday: PV = 700 + 300 = 1000, AT = 8: ES = 8 (was 5 + 300/700 × 5 = 7.142857).
    expect([show(at(loe, WED).schedule.es, 6), show(at(loe, WED).schedule.svT, 6)]).toEqual(["8.000000", "0.000000"]);
    // Saturday 01-16: PV 1300, AT 10 (no working time on Saturday): ES = 10 (was 5 + 600/700 × 5 = 9.285714).
    expect(show(at(loe, "2027-01-16").schedule.svT, 6)).toBe("0.000000");
  });

  it("behind on Wednesday of W2 (30 % of 2800 = EV 840, PV 1000): ES 6.4, SV(t) −1.6, SPI(t) 0.8, IEAC(t) 25, TSPI 1.1333", () => {
    // Points: end of W1 (5, 700), status (8, 1000). ES = 5 + (840 − 700) / (1000 − 700) × 3 = 5 + 1.4 = 6.4.
    // SPI(t) = 6.4 / 8 = 0.8; IEAC(t) = PD / SPI(t) = 20 / 0.8 = 25 working days → the 25th from Mon 01-04: Fri 02-05.
    // TSPI = (20 − 6.4) / (20 − 8) = 13.6 / 12 = 1.1333. (Before: ES = 5 + 140/700 × 5 = 6, SPI(t) 0.75, IEAC(t) 26.67 → Tue 02-09.)
    const s = at(pct("30"), WED).schedule;
    expect([show(s.es, 6), show(s.svT, 6), show(s.spiT, 6), show(s.ieacT.spiT, 6), show(s.forecastFinish.spiT), show(s.tspi, 4), show(s.esDate)])
      .toEqual(["6.400000", "-1.600000", "0.800000", "25.000000", "2027-02-05", "1.1333", "2027-01-12"]);
    // In periods: AT = 1 + 3/5 = 1.6; ES = 1 + 140/300 × 0.6 = 1.28; SPI(t) = 1.28 / 1.6 = 0.8 (was 1 + 140/700 = 1.2, 0.75).
    const p = at(pct("30"), WED, { timeUnit: "periods" }).schedule;
    expect([show(p.es, 6), show(p.at, 6), show(p.spiT, 6)]).toEqual(["1.280000", "1.600000", "0.800000"]);
  });

  it("ahead on Wednesday of W2 (40 % = EV 1120 > PV 1000, SV +120): SV(t) +0.6, SPI(t) 1.075 (was SV(t) 0, SPI(t) 1)", () => {
    // Points: status (8, 1000), end of W2 (10, 1400). ES = 8 + 120/400 × 2 = 8.6. Before: 5 + 420/700 × 5 = 8 = AT.
    const r = at(pct("40"), WED);
    expect([show(r.figures.sv), show(r.schedule.es, 6), show(r.schedule.svT, 6), show(r.schedule.spiT, 6)]).toEqual(["120.00", "8.600000", "0.600000", "1.075000"]);
    // In periods: ES = 1.6 + 120/400 × 0.4 = 1.72 against AT 1.6: SPI(t) 1.075.
    const p = at(pct("40"), WED, { timeUnit: "periods" }).schedule;
    expect([show(p.es, 6), show(p.spiT, 6)]).toEqual(["1.720000", "1.075000"]);
  });

  it("P-factor reads each package's PV at ES on the same partial period: a package planned to start after ES is not charged", () => {
    // A: 700.00 in W1 and in W2, 60 % done (EV 840). B: 400.00 Thu 01-14 … Sun 01-17 (100.00 a day), not started (EV 0).
    // Wednesday: PV_A = 1000, PV_B = 0 → PV 1000; ends: W1 700 (A 700), W2 1800 (A 1400, B 400).
    // ES = 5 + 140/300 × 3 = 6.4; PV_A@ES = 700 + 140/300 × 300 = 840, PV_B@ES = 0: P = (840 + 0) / 840 = 1.
    // Before (between the period ends): PV_A@ES = 700 + 140/1100 × 700, PV_B@ES = 140/1100 × 400 = 50.91:
    // P = (700 × 1100 + 140 × 700) / (840 × 1100) = 0.939394, B charged for a start the plan had not reached.
    const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "700.00"), week(2, "700.00")], progress: [{ date: WED, percentComplete: "60" }] });
    const b = pkg({ id: "B", rule: { type: "percent-complete" }, slices: [{ ...week(2, "400.00"), start: "2027-01-14" }] });
    const r = at(project([a, b], []), WED);
    expect([show(r.figures.ev), show(r.figures.pv), show(r.schedule.es, 6), show(r.schedule.pFactor, 6)]).toEqual(["840.00", "1000.00", "6.400000", "1.000000"]);
  });

  it("at a period end nothing changes (Sunday of W2, 40 % of 2800 = 1120: ES = 5 + 420/700 × 5 = 8)", () => {
    expect(show(at(pct("40"), "2027-01-17").schedule.es, 6)).toBe("8.000000");
  });
});

describe("property: a project on plan (EV ≡ PV) reads SV(t) = 0 on any day, under either spread and in either unit", () => {
  it("ES = AT and SPI(t) = 1 from the first day to the planned finish", () => {
    const arb = fc.record({
      weeks: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }),
      day: fc.nat(),
      spread: fc.constantFrom("calendar-days" as const, "working-days" as const),
      timeUnit: fc.constantFrom("working-days" as const, "periods" as const),
    });
    fc.assert(fc.property(arb, ({ weeks: w, day, spread, timeUnit }) => {
      // Multiples of 0.35: a whole number of cents per calendar day (÷ 7) and per working day (÷ 5), so PV is exact.
      const input = project([pkg({ id: "PM", rule: { type: "level-of-effort" }, slices: w.map((k, i) => week(i + 1, (k * 0.35).toFixed(2))), progress: [{ date: "2027-01-04", started: true }] })], []);
      const statusDate = new Date(Date.UTC(2027, 0, 4 + (day % (7 * w.length)))).toISOString().slice(0, 10);
      const s = earnedValue(input, { statusDate, policy: { spread, timeUnit } }).schedule;
      expect(s.svT.value?.isZero()).toBe(true);
      expect(s.spiT.value?.eq(1)).toBe(true);
    }), { numRuns: 200 });
  });
});
