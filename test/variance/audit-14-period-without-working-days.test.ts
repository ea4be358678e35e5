import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/index.js";
import { earnedValue, forecastRange } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Earned-value audit 14: a whole grid period without a working day (W3, 2027-01-18 … 01-24, a shutdown week) in earned
 * schedule by periods (Lipke's original unit). AT in periods is calendar time on the grid: at the end of a period the
 * period has elapsed, whether or not it had working days (within a period time runs by working days). And whether
 * SPI(t) has a figure is decided by AT in the policy's unit, not by AT in working days.
 */

const calendar = createWorkingCalendar({ holidays: ["2027-01-18", "2027-01-19", "2027-01-20", "2027-01-21", "2027-01-22"] });
const periods = { calendar, policy: { timeUnit: "periods" as const } };

describe("AT in periods at the end of a period without working days", () => {
  // A: W1 … W4, 1000 each, spread by calendar days: PV at the period ends 1000, 2000, 3000, 4000.
  const slices = [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")];
  const at = (date: string, pct: string) => earnedValue(project([pkg({ id: "A", rule: { type: "percent-complete" }, slices, progress: [{ date: "2027-01-15", percentComplete: pct }] })],
    [cost("A", "2027-01-08", "2000.00")]), { statusDate: date, ...periods }).schedule;

  it("status Sun 01-24 (end of W3), EV = PV₃ = 3000: AT = 3 = ES, SPI(t) 1, SV(t) 0 (AT read 2: SPI(t) 1.5, a period ahead)", () => {
    // ES = C = 3 (PV₃ = 3000 ≤ EV 3000 < PV₄). Three whole weeks have passed: AT = 3.
    const s = at("2027-01-24", "75");
    expect([show(s.es), show(s.at), show(s.spiT), show(s.svT)]).toEqual(["3.00", "3.00", "1.00", "0.00"]);
  });

  it("inside the shutdown week (Wed 01-20) none of W3's time has elapsed: AT stays 2", () => {
    expect(show(at("2027-01-20", "50").at)).toBe("2.00");
  });

  it("working days are unchanged: AT = 10 at the end of W3 (W3 has none)", () => {
    const s = earnedValue(project([pkg({ id: "A", rule: { type: "percent-complete" }, slices, progress: [{ date: "2027-01-15", percentComplete: "75" }] })], []), { statusDate: "2027-01-24", calendar }).schedule;
    expect([show(s.es), show(s.at), show(s.spiT)]).toEqual(["10.00", "10.00", "1.00"]);
  });
});

describe("a project starting in a period without working days, in periods", () => {
  // B: W3 (shutdown) 1000 + W4 1000, baseline start Mon 01-18. Status Sun 01-24 (end of W3), EV 1000 (50 %), AC 1000.
  const input = project([pkg({ id: "B", rule: { type: "percent-complete" }, slices: [week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-24", percentComplete: "50" }] })], [cost("B", "2027-01-24", "1000.00")]);

  it("AT = 1 period, ES = 1, SPI(t) = 1, IEAC(t) = 2 (SPI(t) was no-working-days: AT counted in working days, 0)", () => {
    const s = earnedValue(input, { statusDate: "2027-01-24", ...periods }).schedule;
    expect([show(s.pd), show(s.at), show(s.es), show(s.spiT), show(s.ieacT.spiT), show(s.ieacT.spiTCpi)]).toEqual(["2.00", "1.00", "1.00", "1.00", "2.00", "2.00"]);
    // EAC₅ = AC + (BAC − EV) / (CPI · SPI(t)) = 1000 + 1000 / (1 · 1) = 2000.00 (it was no-working-days).
    expect(show(earnedValue(input, { statusDate: "2027-01-24", ...periods }).figures.eac.earnedSchedule)).toBe("2000.00");
  });

  it("in working days AT is 0 there: SPI(t) stays no-working-days", () => {
    expect(earnedValue(input, { statusDate: "2027-01-24", calendar }).schedule.spiT.reason).toBe("no-working-days");
  });
});

describe("a project planned wholly inside a period without working days, in periods", () => {
  // C: W3 only (1000), start Mon 01-18, finish Sun 01-24: PD = 1 period (0 working days). Status Sun 01-31 (end of W4),
  // nothing earned: AT = 2 periods, ES = 0, SV(t) = −2.
  const input = project([pkg({ id: "C", rule: { type: "percent-complete" }, slices: [week(3, "1000.00")] })], []);

  it("PD = 1 period and AT = 2 periods (it was no-working-days for all, with AT = 5, the working days since the start, shown as periods)", () => {
    const s = earnedValue(input, { statusDate: "2027-01-31", ...periods }).schedule;
    expect([show(s.pd), show(s.at), show(s.es), show(s.svT)]).toEqual(["1.00", "2.00", "0.00", "-2.00"]);
  });

  it("the forecast range does not call it no-working-days either", () => {
    const r = forecastRange(input, { statusDate: "2027-01-31", ...periods }, { seed: 1, draws: 20 });
    expect(r.finishBand.median.reason).not.toBe("no-working-days");
  });

  it("in working days the schedule is no-working-days, PD 0 and AT in working days", () => {
    const s = earnedValue(input, { statusDate: "2027-01-31", calendar }).schedule;
    expect([s.es.reason, show(s.pd), show(s.at)]).toEqual(["no-working-days", "0.00", "5.00"]);
  });
});
