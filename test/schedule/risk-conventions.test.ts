import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";
import { SEVEN_DAY } from "./helpers.js";

/*
 * analyseScheduleRisk echoes the conventions it ran under in `result.conventions`, as scheduleNetwork's result does.
 *
 * Hand derivation (Monday–Friday network calendar, 2027-01-04 is a Monday): A (7-day calendar, 6 days) runs Mon 4 –
 * Sat 9 evening; M (a Monday–Friday milestone) FS after A is reached Saturday 9 evening, its non-working time.
 *   "reached" (default):          M counts on Sat 9, so the deterministic finish is 2027-01-09;
 *   "next-working-time" (MSP):    M is moved to its calendar's next working morning, Mon 11: finish 2027-01-11.
 * Without uncertainty every iteration equals the deterministic run, so P50 is the same day.
 */
const model: ScheduleRiskModel = {
  network: {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }],
    links: [{ from: "A", to: "M" }],
  },
};
const p50 = (r: ReturnType<typeof analyseScheduleRisk>) => r.percentiles.find((p) => p.percent === 50)?.finish;
const stated = (r: ReturnType<typeof analyseScheduleRisk>) => ({ ...r.conventions, criticalDays: r.conventions.criticalDays.toFixed() });
// The plan options scheduleNetwork also states (test/schedule/risk-plan-options.test.ts checks each against it).
const plan = { startNoLaterThan: "working-time", outOfSequence: "retained-logic", criticalDays: "0" };

describe("analyseScheduleRisk: result.conventions", () => {
  it("states the defaults: reached, exact, working-time, retained-logic, 0, nearest-rank, half-even", () => {
    const r = analyseScheduleRisk(model, { iterations: 10, seed: 1 });
    expect(stated(r)).toEqual({ milestoneDating: "reached", startLinkFloat: "exact", ...plan, percentileMethod: "nearest-rank", correlationMeasure: "latent-normal", rounding: "half-even" });
    expect([r.deterministicFinish, p50(r)]).toEqual(["2027-01-09", "2027-01-09"]);
  });

  it("echoes non-default conventions (milestoneDating moves the finish to Mon 11; method text unchanged)", () => {
    const r = analyseScheduleRisk(model, { iterations: 10, seed: 1, milestoneDating: "next-working-time", startLinkFloat: "working-time", percentileMethod: "linear", correlationMeasure: "latent-normal", rounding: "half-up" });
    expect(stated(r)).toEqual({ milestoneDating: "next-working-time", startLinkFloat: "working-time", ...plan, percentileMethod: "linear", correlationMeasure: "latent-normal", rounding: "half-up" });
    expect([r.deterministicFinish, p50(r)]).toEqual(["2027-01-11", "2027-01-11"]);
    expect(r.method).toContain("SS/SF start bounds in working time");
  });
});
