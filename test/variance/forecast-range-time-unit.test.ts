import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PmoDecimal, createWorkingCalendar } from "../../src/core/index.js";
import { earnedValue, forecastRange, type EarnedValueOptions } from "../../src/variance/index.js";
import { bandReasons, bandValues, cost, pkg, project } from "./fixtures.js";

/*
 * forecastRange's finish band in the policy's time unit, and past the horizon.
 *
 * Zero spread: every closed period (and the open one up to the status date) has the same ΔES / ΔAT, so every bootstrap
 * draw gives ΣΔAT / ΣΔES = AT / ES and IEAC(t) = AT + (PD − ES) × AT / ES = PD / SPI(t) — the point forecast
 * `forecastFinish.spiT` exactly. The band must then be that date three times (or say beyond-horizon when the point
 * forecast does), in the unit the point forecast uses.
 *
 * Construction: N equal slices of 1000.00 (weeks from Mon 2027-01-04, or calendar months from Fri 2027-01-01), EV at
 * the end of period k = k × e cents (a percent-complete record of k·e / (N·1000) %, exact for N in {4, 5, 8, 10}),
 * status date the last day of period m. In periods ES_k = k·e / 100000 and AT_k = k (PV at period ends is k × 1000.00):
 * constant ratio. In working days on a weekly grid, ES_k = 5·k·e / 100000 and AT_k = 5k: constant too. (On a monthly
 * grid months have 20–23 working days, so in working days the ratio is not constant: only periods are tested there.)
 */
const MONTH_END = ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31"];
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
function slices(n: number, monthly: boolean) {
  return Array.from({ length: n }, (_, k) => monthly
    ? { start: `2027-${String(k + 1).padStart(2, "0")}-01`, finish: MONTH_END[k] as string, amount: { amount: "1000.00", currency: "EUR" } }
    : { start: iso(Date.UTC(2027, 0, 4 + 7 * k)), finish: iso(Date.UTC(2027, 0, 10 + 7 * k)), amount: { amount: "1000.00", currency: "EUR" } });
}

function zeroSpread(n: number, m: number, e: number, monthly: boolean) {
  const s = slices(n, monthly);
  const progress = Array.from({ length: m }, (_, i) => ({
    date: s[i]!.finish,
    percentComplete: new PmoDecimal((i + 1) * e).div(n * 1000).toFixed(),
  }));
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: s, progress });
  // Cost is irrelevant to the finish band; one entry per period keeps the EAC band defined.
  const costs = s.slice(0, m).map((x) => cost("A", x.finish, "900.00"));
  return { input: project([A], costs), statusDate: s[m - 1]!.finish };
}

describe("forecastRange: the finish band follows policy.timeUnit", () => {
  it("with zero spread every percentile is the point forecast, in both units (property)", () => {
    const cases = fc.record({
      n: fc.constantFrom(4, 5, 8, 10),
      m: fc.integer({ min: 2, max: 10 }),
      // EV per period in cents: from 1 (SPI(t) 0.00001: past the horizon) to ahead of plan.
      e: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1000, max: 150_000 })),
      unit: fc.constantFrom("working-days" as const, "periods" as const),
      monthly: fc.boolean(),
    }).filter(({ n, m, e, unit, monthly }) => m < n && m * e <= n * 100_000 && !(monthly && unit === "working-days"));
    fc.assert(fc.property(cases, ({ n, m, e, unit, monthly }) => {
      const { input, statusDate } = zeroSpread(n, m, e, monthly);
      const options: EarnedValueOptions = { statusDate, policy: { timeUnit: unit }, grid: { kind: monthly ? "monthly" : "weekly" } };
      const point = earnedValue(input, options).schedule.forecastFinish.spiT;
      const r = forecastRange(input, options, { seed: 7, draws: 50 });
      expect(r.periodsObserved).toBe(m);
      expect(r.drawsUsed.finish).toBe(50);
      if (point.value === undefined) {
        expect(point.reason).toBe("beyond-horizon");
        expect(bandReasons(r.finishBand)).toEqual(["beyond-horizon", "beyond-horizon", "beyond-horizon"]);
      } else {
        expect(bandValues(r.finishBand)).toEqual({ low: point.value, median: point.value, high: point.value });
      }
    }), { numRuns: 60, seed: 20261207 });
  });

  it("monthly grid in periods: Jan–Mar at half the plan's pace gives the 8th period's last working day, not a working-day date", () => {
    // N = 4, e = 50000 cents: ES = 1.5 periods, AT = 3, PD = 4, SPI(t) = 0.5, IEAC(t) = 3 + 2.5 / 0.5 = 8 periods: the
    // last working day of August 2027, Tue 08-31, as the point forecast. (The band read ΔES / ΔAT in working days,
    // on months of 21, 20 and 23 working days, and said Fri 08-27 for all three percentiles.)
    const { input, statusDate } = zeroSpread(4, 3, 50_000, true);
    const options: EarnedValueOptions = { statusDate, policy: { timeUnit: "periods" }, grid: { kind: "monthly" } };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.value).toBe("2027-08-31");
    expect(bandValues(forecastRange(input, options, { seed: 1, draws: 20 }).finishBand)).toEqual({ low: "2027-08-31", median: "2027-08-31", high: "2027-08-31" });
  });
});

describe("forecastRange: a finish past the horizon is not dated", () => {
  it("EV of 0.01 a week on a 4,000.00 plan: SPI(t) 0.00001, the band says beyond-horizon as the point forecast does", () => {
    // ES = 0.02 / 200 per working day = 0.0001 working days at AT = 10: IEAC(t) = 20 / 0.00001 = 2,000,000 working days.
    // It was dated 50,000 working days out (Math.min(50_000, x)): 2218-08-… — a date nobody forecast.
    const { input, statusDate } = zeroSpread(4, 2, 1, false);
    const options: EarnedValueOptions = { statusDate };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.reason).toBe("beyond-horizon");
    const band = forecastRange(input, options, { seed: 3, draws: 20 }).finishBand;
    expect(bandValues(band)).toEqual({ low: undefined, median: undefined, high: undefined });
    expect(bandReasons(band)).toEqual(["beyond-horizon", "beyond-horizon", "beyond-horizon"]);
  });
});

describe("forecastRange: a band partly past the horizon", () => {
  it("says beyond-horizon and dates the percentiles that are not (the high end was dated 50,000 working days out)", () => {
    // Four weeks of 1000.00 from Mon 2027-01-04; EV 1000.00 at the end of W1 (on plan: ΔES = 5 working days, ΔAT = 5),
    // then 0.01 in W2 (ΔES = 0.01 / 200 = 0.00005, ΔAT = 5). Status Sun 2027-01-17: AT = 10, ES = 5.00005, PD = 20.
    // A draw of two periods: W1 W1 (1/4) IEAC(t) = 10 + 14.99995 × 10 / 10 = 24.99995 → 25th working day, Fri 02-05;
    // W1 W2 (1/2) 10 + 14.99995 × 10 / 5.00005 = 39.9993… → 40th, Fri 02-26; W2 W2 (1/4) 10 + 14.99995 × 10 / 0.0001
    // ≈ 1.5 million working days: past the horizon. Nearest rank over 2000 draws: P10 02-05, P50 02-26, P90 beyond.
    // The point forecast: PD / SPI(t) = 20 × 10 / 5.00005 = 39.9996… → Fri 02-26, as the median.
    const s = slices(4, false);
    const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: s, progress: [{ date: "2027-01-10", percentComplete: "25" }, { date: "2027-01-17", percentComplete: "25.00025" }] });
    const input = project([A], [cost("A", "2027-01-08", "900.00"), cost("A", "2027-01-15", "900.00")]);
    const options: EarnedValueOptions = { statusDate: "2027-01-17" };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.value).toBe("2027-02-26");
    const r = forecastRange(input, options, { seed: 42 });
    expect(r.drawsUsed.finish).toBe(2000);
    // Each percentile its own value or reason (the whole band was beyond-horizon, the dates only in its detail).
    expect(r.finishBand).toEqual({
      low: { value: "2027-02-05" },
      median: { value: "2027-02-26" },
      high: { reason: "beyond-horizon", detail: "the 90th percentile lies past the calendar's horizon (about 200 years, or the last fiscal period)" },
    });
  });
});

describe("forecastRange: before the start and without a baseline, the bands give the point forecast's reason", () => {
  // Four weeks of 1000.00 from Mon 2027-01-04, progress 20 % at the end of week 1.
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: slices(4, false), progress: [{ date: "2027-01-10", percentComplete: "20" }] });
  const costs = [cost("A", "2027-01-08", "900.00")];
  it("a status date before the baseline start: before-start (it was no-data, 'fewer than two periods observed')", () => {
    const input = project([A], costs), options: EarnedValueOptions = { statusDate: "2027-01-01" };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.reason).toBe("before-start");
    const r = forecastRange(input, options, { seed: 1, draws: 10 });
    expect([...bandReasons(r.finishBand), ...bandReasons(r.eacBand)]).toEqual(Array(6).fill("before-start"));
  });
  it("no baseline: no-baseline (it was no-data)", () => {
    const input = project([A], costs, []), options: EarnedValueOptions = { statusDate: "2027-01-22" };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.reason).toBe("no-baseline");
    const r = forecastRange(input, options, { seed: 1, draws: 10 });
    expect([...bandReasons(r.finishBand), ...bandReasons(r.eacBand)]).toEqual(Array(6).fill("no-baseline"));
  });
});

describe("forecastRange: a net credit (AC < 0) has no EAC band, as it has no EAC₁", () => {
  it("eacBand is ac-is-negative; the finish band does not rest on AC and keeps its dates", () => {
    // W1: 25 % (EV 1000), costs 1000; W2: 50 % (EV 2000), a refund of −1500 → AC = −500 at Sun 2027-01-17.
    // Draws of W1 alone have ΣΔAC > 0 and gave EAC = −500 + 2000 × 2000/2000 = 1500 … (a band about a CPI the point
    // figures refuse). ES = AT = 10 in every period (on plan): the finish is PD = 20 working days, Fri 2027-01-29.
    const s = slices(4, false);
    const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: s, progress: [{ date: "2027-01-10", percentComplete: "25" }, { date: "2027-01-17", percentComplete: "50" }] });
    const input = project([A], [cost("A", "2027-01-08", "1000.00"), cost("A", "2027-01-15", "-1500.00")]);
    const options: EarnedValueOptions = { statusDate: "2027-01-17" };
    const point = earnedValue(input, options).figures;
    expect([point.ac.value?.amount.toFixed(2), point.eac.cpi.reason]).toEqual(["-500.00", "ac-is-negative"]);
    const r = forecastRange(input, options, { seed: 1, draws: 100 });
    expect(bandReasons(r.eacBand)).toEqual(Array(3).fill("ac-is-negative"));
    expect(bandValues(r.finishBand)).toEqual({ low: "2027-01-29", median: "2027-01-29", high: "2027-01-29" });
  });
});

describe("forecastRange: no working day between baseline start and finish", () => {
  it("the finish band is no-working-days, as the point forecast (it was ev-is-zero)", () => {
    // One week of 10.00 (Mon 2027-01-04 – Sun 01-10), every weekday a holiday: PD = 0 working days. Status Wed 01-13:
    // two periods observed (W1 and W2 to the status date).
    const holidays = createWorkingCalendar({ holidays: ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"] });
    const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: slices(1, false), progress: [{ date: "2027-01-08", percentComplete: "50" }] });
    const input = project([A], [cost("A", "2027-01-08", "5.00"), cost("A", "2027-01-12", "2.00")]);
    const options: EarnedValueOptions = { statusDate: "2027-01-13", calendar: holidays };
    expect(earnedValue(input, options).schedule.forecastFinish.spiT.reason).toBe("no-working-days");
    const r = forecastRange(input, options, { seed: 1, draws: 20 });
    expect(r.periodsObserved).toBe(2);
    expect(bandReasons(r.finishBand)).toEqual(Array(3).fill("no-working-days"));
  });
});
