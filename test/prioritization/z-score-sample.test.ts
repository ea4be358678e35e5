import { describe, expect, it } from "vitest";
import { normalizeValues, scoreRequests, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

// Excel's STDEV.S / STDEV.P help pages, one data set of breaking strengths: STDEV.S = 27.46391572 ("n−1" method),
// STDEV.P = 26.05455814 (whole population). Mean = 13286/10 = 1328.6.
const STRENGTH = [1345, 1301, 1368, 1322, 1310, 1370, 1318, 1350, 1303, 1299];
const MEAN = 1328.6;

describe("z-score: population or sample standard deviation (named convention with its alternative)", () => {
  it("z-score divides by the population σ (Excel STDEV.P 26.05455814)", () => {
    const z = normalizeValues(STRENGTH, { method: "z-score" });
    expect(z[5]!).toBeCloseTo((1370 - MEAN) / 26.05455814, 7);
  });
  it("z-score-sample divides by the sample σ (Excel STDEV.S 27.46391572), i.e. STANDARDIZE(x, AVERAGE, STDEV.S)", () => {
    const z = normalizeValues(STRENGTH, { method: "z-score-sample" });
    STRENGTH.forEach((x, i) => expect(z[i]!).toBeCloseTo((x - MEAN) / 27.46391572, 7));
    const c = normalizeValues(STRENGTH, { method: "z-score-sample", direction: "cost" });
    expect(c[5]!).toBeCloseTo((MEAN - 1370) / 27.46391572, 7);
  });
  it("z-score-sample of one value (n − 1 = 0) or equal values is 0, never NaN; missing values stay missing", () => {
    expect(normalizeValues([7], { method: "z-score-sample" })).toEqual([0]);
    expect(normalizeValues([3, 3, undefined], { method: "z-score-sample" })).toEqual([0, 0, undefined]);
    // 1, 3 (missing skipped): mean 2, sample σ = √((1 + 1)/1) = √2
    const z = normalizeValues([1, undefined, 3], { method: "z-score-sample" });
    expect(z[0]!).toBeCloseTo(-1 / Math.SQRT2, 12);
    expect(z[1]).toBeUndefined();
  });
  it("equal values have σ = 0 and score 0 under both, even where their float mean misses them", () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, /3 = 0.10000000000000002 ≠ 0.1: σ came out 1.4e-17, not 0, and every
    // z-score −1 (seven values: +1) instead of the documented 0.
    expect(normalizeValues([0.1, 0.1, 0.1], { method: "z-score" })).toEqual([0, 0, 0]);
    expect(normalizeValues(Array(7).fill(0.1), { method: "z-score" })).toEqual(Array(7).fill(0));
    expect(normalizeValues([0.1, 0.1, 0.1], { method: "z-score-sample", direction: "cost" })).toEqual([0, 0, 0]);
  });
  it("a scoring model takes it per criterion", () => {
    const model: ScoringModel = { kind: "weighted-sum", decimals: 6, criteria: [{ id: "v", normalization: "z-score-sample" }] };
    // 1, 2, 3: mean 2, sample σ = 1 → scores −1, 0, 1 (population σ √(2/3) would give ±1.224745)
    const b = scoreRequests([req("A", { v: 1 }), req("B", { v: 2 }), req("C", { v: 3 })], model, { asOf: "2026-11-20" });
    expect(b.entries.map((e) => `${e.requestId}=${e.score.value!.toFixed()}`)).toEqual(["C=1", "B=0", "A=-1"]);
  });
});
