import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { earnedValue, type EvmPolicy } from "../../src/variance/index.js";
import { pkg, project, show, week } from "./fixtures.js";

/*
 * Earned schedule mid-period under the default calendar-day spread (docs/earned-value.md, "Earned schedule").
 *
 * ES interpolates between the points of the PV curve: the period ends and, inside a period, the status date (PV there
 * is known; the partial period up to it is Lipke's last, audit ev17). Under the default calendar-day spread PV also
 * grows on Saturday and Sunday. Audit 16 named the reading between period ends only (ES = 60/7 for an on-plan project
 * on Friday of week 2, SV(t) −1.43) a convention; audit ev17 reads the status point too, so a project on plan (level of
 * effort, EV ≡ PV) reads ES = AT on any day under either spread.
 *
 * Weekly slices of 700.00 (weeks Monday–Sunday, fixtures.week): PV grows 100.00 a calendar day, or 140.00 a working day.
 */
const loe = (amounts: readonly string[]) =>
  project([pkg({ id: "PM", rule: { type: "level-of-effort" }, slices: amounts.map((a, i) => week(i + 1, a)), progress: [{ date: "2027-01-04", started: true }] })], []);
const onPlan = loe(["700.00", "700.00", "700.00", "700.00"]);
const at = (statusDate: string, policy: EvmPolicy = {}) => earnedValue(onPlan, { statusDate, policy });

describe("earned schedule mid-period under the default calendar-day spread", () => {
  it("an on-plan project on Friday of week 2 reads ES = AT = 10: SV(t) 0 (it read ES 8.571429, SV(t) −1.43)", () => {
    // PV = 700 + 5 × 100 = 1200 = EV: the status point (AT 10, PV 1200) is C. ES = 10. Between the period ends only,
    // ES = 5 + (1200 − 700) / 700 × 5 = 60/7.
    const s = at("2027-01-15").schedule;
    expect([show(at("2027-01-15").figures.pv), show(s.es, 6), show(s.at, 0), show(s.svT, 6)]).toEqual(["1200.00", "10.000000", "10", "0.000000"]);
    // In periods: ES = AT = 1 + 5/5 = 2 (it read C + I = 1 + 500/700 = 1.714286).
    const p = at("2027-01-15", { timeUnit: "periods" }).schedule;
    expect([show(p.es, 6), show(p.at, 6)]).toEqual(["2.000000", "2.000000"]);
  });

  it("at the period end the reading is exact: Sunday 01-17, ES = AT = 10", () => {
    const s = at("2027-01-17").schedule;
    expect([show(s.es, 6), show(s.at, 0), show(s.svT, 6)]).toEqual(["10.000000", "10", "0.000000"]);
  });

  it("`spread: \"working-days\"` reads the same project on plan on Friday: ES = AT = 10", () => {
    // PV = 700 + 5 × 140 = 1400 = EV = PV at the end of W2: ES = 10.
    const s = at("2027-01-15", { spread: "working-days" }).schedule;
    expect([show(s.es, 6), show(s.svT, 6)]).toEqual(["10.000000", "0.000000"]);
    // Wednesday: PV 700 + 3 × 140 = 1120 → ES = 5 + 420/700 × 5 = 8 = AT.
    expect(show(at("2027-01-13", { spread: "working-days" }).schedule.svT, 6)).toBe("0.000000");
  });
});

describe("property: under a working-day spread a project on plan (EV ≡ PV) has SV(t) = 0 on any day, in both time units", () => {
  it("ES = AT and SPI(t) = 1 from the first day to the planned finish", () => {
    // Slices in multiples of 0.05: a whole number of cents per working day (÷ 5), so PV is exact on every day.
    const arb = fc.record({
      weeks: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 5 }),
      day: fc.nat(),
      timeUnit: fc.constantFrom("working-days" as const, "periods" as const),
    });
    fc.assert(fc.property(arb, ({ weeks, day, timeUnit }) => {
      const input = loe(weeks.map((k) => (k * 0.05).toFixed(2)));
      const statusDate = new Date(Date.UTC(2027, 0, 4 + (day % (7 * weeks.length)))).toISOString().slice(0, 10);
      const s = earnedValue(input, { statusDate, policy: { spread: "working-days", timeUnit } }).schedule;
      expect(s.svT.value?.isZero()).toBe(true);
      expect(s.spiT.value?.eq(1)).toBe(true);
    }), { numRuns: 100 });
  });
});
