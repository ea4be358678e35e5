import { describe, expect, it } from "vitest";
import { ValidationError, type RoundingMode } from "../../src/index.js";
import { forecastRange, type ForecastRange } from "../../src/variance/index.js";
import { bandReasons, bandValues, cost, pkg, project, week } from "./fixtures.js";
import type { Money } from "../../src/core/index.js";

/*
 * The EAC band's money: rounded once to the cent by a named convention (half-even by default, as roundMoney), and
 * exact at any size.
 *
 * Two packages from Mon 2027-01-04, status Fri 2027-01-15, weekly periods W1 (to Sun 01-10) and W2 (to the status
 * date). A (percent complete) earns and spends the same in both weeks; B (0/100, never started) only adds budget. Each
 * period has the same ΔAC/ΔEV, so every bootstrap draw has CPI* = ΣΔEV/ΣΔAC = EV/AC and the band is one value:
 *   EAC = AC + (BAC − EV) × AC/EV.
 */
const band = (r: ForecastRange) => {
  const v = bandValues(r.eacBand) as { low: Money; median: Money; high: Money };
  return [v.low, v.median, v.high].map((m) => `${m.amount.toFixed(2)} ${m.currency}`);
};

describe("forecastRange: the EAC band's rounding", () => {
  // A: BAC 3200.00, 25 % at W1 and 50 % at W2 (EV 800.00 a week); AC 1000.00 a week. B: BAC 1600.02.
  // AC = 2000.00, EV = 1600.00, BAC = 4800.02: EAC = 2000 + 3200.02 × 1.25 = 2000 + 4000.025 = 6000.025 (exact in
  // doubles: 600002.5 minor units).
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "800.00"), week(2, "800.00"), week(3, "800.00"), week(4, "800.00")],
    progress: [{ date: "2027-01-08", percentComplete: "25" }, { date: "2027-01-15", percentComplete: "50" }] });
  const B = pkg({ id: "B", rule: { type: "0/100" }, slices: [week(3, "800.00"), week(4, "800.02")] });
  const input = project([A, B], [cost("A", "2027-01-08", "1000.00"), cost("A", "2027-01-15", "1000.00")]);
  const opts = { statusDate: "2027-01-15" } as const;

  it("rounds half-even by default, as roundMoney (6000.025 -> 6000.02; it was half-up: 6000.03)", () => {
    const r = forecastRange(input, opts, { seed: 7, draws: 50 });
    expect(r.atStatusDate.figures.ac.value?.amount.toFixed(2)).toBe("2000.00");
    expect(r.atStatusDate.figures.ev.value?.amount.toFixed(2)).toBe("1600.00");
    expect(r.atStatusDate.figures.bac.value?.amount.toFixed(2)).toBe("4800.02");
    expect(band(r)).toEqual(["6000.02 EUR", "6000.02 EUR", "6000.02 EUR"]);
    expect(r.rounding).toBe("half-even");
  });

  it("band.rounding names another convention: half-up 6000.03, floor 6000.02, ceil 6000.03", () => {
    const run = (rounding: RoundingMode) => forecastRange(input, opts, { seed: 7, draws: 50, rounding });
    expect(band(run("half-up"))).toEqual(["6000.03 EUR", "6000.03 EUR", "6000.03 EUR"]);
    expect(run("half-up").rounding).toBe("half-up");
    expect(band(run("half-even"))).toEqual(["6000.02 EUR", "6000.02 EUR", "6000.02 EUR"]);
    expect(band(run("floor"))).toEqual(["6000.02 EUR", "6000.02 EUR", "6000.02 EUR"]);
    expect(band(run("ceil"))).toEqual(["6000.03 EUR", "6000.03 EUR", "6000.03 EUR"]);
  });

  it("refuses an unknown rounding mode at its path", () => {
    try {
      forecastRange(input, opts, { seed: 7, rounding: "bankers" as RoundingMode });
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["rounding", 'unknown rounding mode "bankers": expected "half-even", "half-up", "half-down", "up", "down", "ceil" or "floor"'],
      ]);
    }
    expect.assertions(2);
  });
});

describe("forecastRange: an EAC band past 10^21 minor units is exact", () => {
  // A: BAC 4.00, 0.25 % at W1 and 0.5 % at W2: EV 0.01 a week. AC 5,000,000,000.00 a week. B: BAC 9,999,999,996.04.
  // AC = 10,000,000,000.00 = 10^12 cents, EV = 0.02 = 2 cents, BAC = 10,000,000,000.04, BAC − EV = 1,000,000,000,002
  // cents; every draw has ΣΔAC/ΣΔEV = 10^12 / 2 = 5 × 10^11:
  //   EAC = 10^12 + 1,000,000,000,002 × 5 × 10^11 = 500,000,000,002,000,000,000,000 cents
  //       = 5,000,000,000,020,000,000,000.00 EUR.
  // In doubles that is 5.00000000002e+23, which fromMinor read as "5.00000000002e+.23" (a DecimalError).
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1.00"), week(2, "1.00"), week(3, "1.00"), week(4, "1.00")],
    progress: [{ date: "2027-01-08", percentComplete: "0.25" }, { date: "2027-01-15", percentComplete: "0.5" }] });
  const B = pkg({ id: "B", rule: { type: "0/100" }, slices: [week(3, "4999999998.02"), week(4, "4999999998.02")] });
  const input = project([A, B], [cost("A", "2027-01-08", "5000000000.00"), cost("A", "2027-01-15", "5000000000.00")]);

  it("gives 5,000,000,000,020,000,000,000.00 EUR, the same EAC as earnedValue's CPI method", () => {
    const r = forecastRange(input, { statusDate: "2027-01-15" }, { seed: 3, draws: 20 });
    expect(r.atStatusDate.figures.ev.value?.amount.toFixed(2)).toBe("0.02");
    expect(r.atStatusDate.figures.bac.value?.amount.toFixed(2)).toBe("10000000000.04");
    expect(band(r)).toEqual(Array(3).fill("5000000000020000000000.00 EUR"));
    expect(r.atStatusDate.figures.eac.cpi.value?.amount.toFixed(2)).toBe("5000000000020000000000.00");
  });
});

describe("forecastRange: resampled sums past 2^53 minor units", () => {
  // Three weekly periods to Fri 2027-01-22. A (BAC 1.00, percent complete 3 %, 4 %, 5 %) earns 3, 1, 1 cents; it costs
  // a = 3,300,000,000,000,003 cents in W1 and k = 1,100,000,000,000,001 in W2 and W3: every period has ΔAC/ΔEV = k.
  // B (0/100, BAC 0.05) adds budget. AC = a + 2k = 5,500,000,000,000,005, EV = 5, BAC = 105, BAC − EV = 100 cents:
  //   EAC = AC + 100 × k = 115,500,000,000,000,105 cents = 1,155,000,000,000,001.05 EUR for every draw.
  // A draw picking W1 three times sums 3a = 9,900,000,000,000,009 cents, past 2^53 and odd: a double holds ...008 or
  // ...010, which moved that draw's EAC by about 11 cents (seen at the 0.5th or 99.5th percentile).
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "0.25"), week(2, "0.25"), week(3, "0.25"), week(4, "0.25")],
    progress: [{ date: "2027-01-08", percentComplete: "3" }, { date: "2027-01-15", percentComplete: "4" }, { date: "2027-01-22", percentComplete: "5" }] });
  const B = pkg({ id: "B", rule: { type: "0/100" }, slices: [week(4, "0.05")] });
  const input = project([A, B], [cost("A", "2027-01-08", "33000000000000.03"), cost("A", "2027-01-15", "11000000000000.01"), cost("A", "2027-01-22", "11000000000000.01")]);

  it("sums them in BigInt: the whole band is 1,155,000,000,000,001.05 EUR", () => {
    const r = forecastRange(input, { statusDate: "2027-01-22" }, { seed: 11, confidence: 0.99 });
    expect(r.periodsObserved).toBe(3);
    expect(r.atStatusDate.figures.eac.cpi.value?.amount.toFixed(2)).toBe("1155000000000001.05");
    expect(band(r)).toEqual(Array(3).fill("1155000000000001.05 EUR"));
  });
});
