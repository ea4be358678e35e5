import { describe, expect, it } from "vitest";
import { ValidationError, type PercentileMethod } from "../../src/index.js";
import { forecastRange, type ForecastRange } from "../../src/variance/index.js";
import { bandReasons, bandValues, cost, pkg, project, week } from "./fixtures.js";
import type { Money } from "../../src/core/index.js";

/*
 * forecastRange's percentile convention, the draws each band rests on, and why a band is missing.
 *
 * One package, 1000.00 a week for four weeks (BAC 4000, PD 20 working days from Mon 2027-01-04), status Fri 2027-01-22.
 * Weekly periods (ΔEV, ΔAC, ΔES, ΔAT in working days): W1 (800, 1000, 4, 5), W2 (800, 1000, 4, 5), W3 to the
 * status date (400, 800, 2, 5). AC = 2800, EV = 2000, ES = 10, AT = 15. A bootstrap draw picks three periods; with k
 * picks of W3 the draw gives
 *   EAC = 2800 + 2000 × ΣΔAC/ΣΔEV    = 5300, 5600, 6050, 6800        for k = 0, 1, 2, 3,
 *   finish = AT + (PD − ES) × ΣΔAT/ΣΔES = 27.5, 30, 33.75, 40 working days, dated by the working day it reaches
 *   (rounded up): Wed 02-10, Fri 02-12, Thu 02-18, Fri 02-26.
 */
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
  progress: [{ date: "2027-01-08", percentComplete: "20" }, { date: "2027-01-15", percentComplete: "40" }, { date: "2027-01-22", percentComplete: "50" }] });
const costs = [cost("A", "2027-01-08", "1000.00"), cost("A", "2027-01-15", "1000.00"), cost("A", "2027-01-22", "800.00")];
const opts = { statusDate: "2027-01-22" } as const;

const bands = (r: ForecastRange) => ({
  eac: [r.eacBand.low, r.eacBand.median, r.eacBand.high].map((m) => m.value?.amount.toFixed(2) ?? m),
  finish: [r.finishBand.low, r.finishBand.median, r.finishBand.high].map((m) => m.value ?? m),
});

describe("forecastRange: the percentile convention", () => {
  it("two draws (seed 1: k = 0 and k = 2): nearest rank picks draws, linear interpolates as PERCENTILE.INC", () => {
    const run = (percentileMethod?: PercentileMethod) => forecastRange(project([A], costs), opts, { seed: 1, draws: 2, confidence: 0.8, ...(percentileMethod ? { percentileMethod } : {}) });
    const nearest = run();
    // Nearest rank of [5300, 6050] at 0.1, 0.5, 0.9: the ⌈0.2⌉ = 1st, ⌈1⌉ = 1st and ⌈1.8⌉ = 2nd draw.
    expect(bands(nearest)).toEqual({ eac: ["5300.00", "5300.00", "6050.00"], finish: ["2027-02-10", "2027-02-10", "2027-02-18"] });
    expect(nearest.percentileMethod).toBe("nearest-rank");
    expect(bands(run("nearest-rank"))).toEqual(bands(nearest));
    // Linear: 5300 + p × 750 = 5375, 5675, 5975; finish 27.5 + p × 6.25 = 28.125, 30.625, 33.125 working days, rounded
    // up to the 29th, 31st and 34th working day: Thu 02-11, Mon 02-15, Thu 02-18 (never the earlier day).
    const linear = run("linear");
    expect(bands(linear)).toEqual({ eac: ["5375.00", "5675.00", "5975.00"], finish: ["2027-02-11", "2027-02-15", "2027-02-18"] });
    expect(linear.percentileMethod).toBe("linear");
    // Exclusive needs 9 draws for a 10th (and a 90th) percentile: those two are missing and say why; the median
    // (h = 3 × 0.5 = 1.5, between the two draws) is 5675.00 and 30.625 → the 31st working day, Mon 02-15.
    const exclusive = run("exclusive");
    const none = (p: number, what: string) => ({ reason: "no-data", detail: `the exclusive interpolation (Hyndman–Fan type 6, PERCENTILE.EXC) has no ${p}th percentile of 2 usable ${what} draws: it needs at least 9` });
    expect(bands(exclusive)).toEqual({ eac: [none(10, "EAC"), "5675.00", none(90, "EAC")], finish: [none(10, "finish"), "2027-02-15", none(90, "finish")] });
    expect(exclusive.drawsUsed).toEqual({ eac: 2, finish: 2 });
  });

  it("2,000 draws: the 10th, 50th and 90th percentiles fall inside runs of equal draws, so the three conventions agree", () => {
    // P(k = 0) = 8/27 ≈ 0.30, P(k ≤ 1) = 20/27 ≈ 0.74, P(k ≤ 2) = 26/27 ≈ 0.96.
    const want = { eac: ["5300.00", "5600.00", "6050.00"], finish: ["2027-02-10", "2027-02-12", "2027-02-18"] };
    for (const percentileMethod of ["nearest-rank", "linear", "exclusive"] as const) {
      const r = forecastRange(project([A], costs), opts, { seed: 42, percentileMethod });
      expect([percentileMethod, bands(r)]).toEqual([percentileMethod, want]);
      expect(r.drawsUsed).toEqual({ eac: 2000, finish: 2000 });
      expect(r.draws).toBe(2000);
      expect(r.warnings).toEqual([]);
    }
  });

  it("refuses an unknown convention with the option's path", () => {
    const bad = (v: unknown) => () => forecastRange(project([A], costs), opts, { seed: 1, percentileMethod: v as PercentileMethod });
    expect(bad("median")).toThrow(ValidationError);
    try {
      bad("PERCENTILE.INC")();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["percentileMethod", 'unknown percentile method "PERCENTILE.INC": expected "nearest-rank", "linear" or "exclusive"'],
      ]);
    }
    expect.assertions(2);
  });
});

describe("forecastRange: the draws a band rests on", () => {
  it("says how many draws were dropped, and why, when a resampled sum is not positive", () => {
    // Progress stays at 40 % in W3: ΔEV = 0 and ΔES = 0 there, so a draw that picks W3 three times (1 in 27) has no
    // CPI* and no SPI(t)*: left out of both bands, counted, and warned about.
    const stalled = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")],
      progress: [{ date: "2027-01-08", percentComplete: "20" }, { date: "2027-01-15", percentComplete: "40" }, { date: "2027-01-22", percentComplete: "40" }] });
    const r = forecastRange(project([stalled], costs), opts, { seed: 42 });
    expect(r.drawsUsed).toEqual({ eac: 1927, finish: 1927 }); // 73 of 2000 dropped (2000/27 ≈ 74 expected)
    expect(r.warnings).toEqual([
      { code: "draws-dropped", band: "eacBand", dropped: 73, message: "eacBand rests on 1927 of 2000 draws: 73 had a resampled ΣΔEV or ΣΔAC that was not positive and were left out" },
      { code: "draws-dropped", band: "finishBand", dropped: 73, message: "finishBand rests on 1927 of 2000 draws: 73 had a resampled ΣΔES or ΣΔAT that was not positive and were left out" },
    ]);
    expect(bandReasons(r.eacBand)).toEqual([undefined, undefined, undefined]);
  });

  it("a band with no usable draw stays missing (ev-is-zero), with a detail that says why", () => {
    const idle = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [] });
    const r = forecastRange(project([idle], costs), opts, { seed: 42 });
    expect(bands(r)).toEqual({
      eac: Array(3).fill({ reason: "ev-is-zero", detail: "none of the 2000 draws had a positive resampled ΣΔEV and ΣΔAC, so there is no CPI* to extrapolate with" }),
      finish: Array(3).fill({ reason: "ev-is-zero", detail: "none of the 2000 draws had a positive resampled ΣΔES and ΣΔAT, so there is no SPI(t)* to extrapolate with" }),
    });
    expect(r.drawsUsed).toEqual({ eac: 0, finish: 0 });
    expect(r.warnings).toEqual([]);
  });

  it("fewer than two periods: no-data, as before", () => {
    const r = forecastRange(project([A], costs), { statusDate: "2027-01-08" }, { seed: 42 });
    expect(r.periodsObserved).toBe(1);
    const one = { reason: "no-data", detail: "fewer than two periods observed" };
    expect(bands(r)).toEqual({ eac: [one, one, one], finish: [one, one, one] });
    expect(r.warnings).toEqual([]);
  });
});
