import { describe, expect, it } from "vitest";
import { earnedValue, earnedValueInputFromRows, forecastRange } from "../../src/index.js";
import { esDeltas } from "../../src/variance/es-deltas.js";
import { bandValues } from "./fixtures.js";

/*
 * The finish band's day is read from each draw's exact IEAC(t), not from doubles.
 *
 * One package A, percent complete, 1000.00 a week for 31 weeks from Mon 2027-01-04 (BAC 31,000; PD = 31 × 5 = 155
 * working days, Monday–Friday). 2 % is reported every Sunday, so EV grows by 620.00 a week, and 700.00 is booked every
 * Friday. Status Sun 2027-02-07, the end of week 5: AT = 25, EV = 3100, ES = 15 + (3100 − 3000)/1000 × 5 = 15.5.
 * Every week has ΔES = 620/1000 × 5 = 3.1 and ΔAT = 5, so every bootstrap draw has SPI(t)* = ΣΔES/ΣΔAT = 0.62 exactly
 * and the band is one value:
 *   IEAC(t) = AT + (PD − ES) / 0.62 = 25 + 139.5 / 0.62 = 25 + 225 = 250 working days,
 * the 250th working day from Mon 2027-01-04: 49 whole weeks, then the 5th day of the 50th = Fri 2027-12-17.
 * In doubles 3.1 is not exact: sums of five such deltas, in a draw's order, came to 250.00000000000003 and were
 * rounded up to the 251st working day, Mon 2027-12-20.
 */
const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
const input = earnedValueInputFromRows({
  project: { id: "P", currency: "EUR" },
  packages: [{ id: "A", rule: "percent-complete", budget: Array.from({ length: 31 }, (_, i) => ({ start: day(7 * i), finish: day(7 * i + 6), amount: 1000 })) }],
  progress: Array.from({ length: 5 }, (_, i) => ({ package: "A", date: day(7 * i + 6), percentComplete: String(2 * (i + 1)) })),
  actuals: Array.from({ length: 5 }, (_, i) => ({ package: "A", date: day(7 * i + 4), amount: 700 })),
});
const opts = { statusDate: "2027-02-07" } as const;

describe("forecastRange: the finish band's day is exact", () => {
  it("constant SPI(t)* = 0.62: every draw is 250 working days, Fri 2027-12-17 (it read Mon 2027-12-20 at the high end)", () => {
    const point = earnedValue(input, opts).schedule;
    expect(point.es.value?.toString()).toBe("15.5");
    expect(point.at.value?.toString()).toBe("25");
    expect(point.ieacT.spiT.value?.toString()).toBe("250");
    expect(point.forecastFinish.spiT.value).toBe("2027-12-17");
    for (const percentileMethod of ["nearest-rank", "linear", "exclusive"] as const) {
      const r = forecastRange(input, opts, { seed: 1, draws: 200, percentileMethod });
      expect([percentileMethod, bandValues(r.finishBand)]).toEqual([percentileMethod, { low: "2027-12-17", median: "2027-12-17", high: "2027-12-17" }]);
      expect(r.drawsUsed.finish).toBe(200);
    }
  });
});

describe("esDeltas: ES deltas over one common denominator", () => {
  it("1/3 then 1/2 working days: L = 6, deltas 2/6 and 1/6", () => {
    const d = esDeltas([{ num: 1, den: 3 }, { num: 1, den: 2 }]);
    expect([d.denominator, d.exact, d.small]).toEqual([6n, [2n, 1n], [2, 1]]);
  });

  it("denominators past 2^53 together stay exact in BigInt (no double to sum them in)", () => {
    // p = 2^53 − 111 (odd, not a multiple of 3): 5/p then 2/3. L = 3p; deltas 15 and 2p − 15 (past 2^53).
    const p = 9007199254740881;
    const d = esDeltas([{ num: 5, den: p }, { num: 2, den: 3 }]);
    expect(d.denominator).toBe(3n * BigInt(p));
    expect(d.exact).toEqual([15n, 2n * BigInt(p) - 15n]);
    expect(d.small).toBeUndefined();
  });
});
