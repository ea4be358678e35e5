import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/index.js";
import { normalizeValues } from "../../src/prioritization/index.js";
import { firstIssuePath } from "../support/errors.js";

describe("normalizeValues", () => {
  it("min-max, both directions, and max = min → 1", () => {
    expect(normalizeValues([1, 3, 5], { method: "min-max" })).toEqual([0, 0.5, 1]);
    expect(normalizeValues([1, 3, 5], { method: "min-max", direction: "cost" })).toEqual([1, 0.5, 0]);
    expect(normalizeValues([2, 2, 2], { method: "min-max" })).toEqual([1, 1, 1]);
    expect(normalizeValues([2, undefined, 4], { method: "min-max" })).toEqual([0, undefined, 1]);
  });
  it("max-ratio: x/max and min/x, with x ≤ 0 defined", () => {
    expect(normalizeValues([1, 2, 4], { method: "max-ratio" })).toEqual([0.25, 0.5, 1]);
    expect(normalizeValues([1, 2, 4], { method: "max-ratio", direction: "cost" })).toEqual([1, 0.5, 0.25]);
    expect(normalizeValues([-3, 0, 6], { method: "max-ratio" })).toEqual([0, 0, 1]);
    expect(normalizeValues([-3, -1], { method: "max-ratio" })).toEqual([0, 0]);
    expect(normalizeValues([0, 2, 4], { method: "max-ratio", direction: "cost" })).toEqual([1, 1, 0.5]);
    expect(normalizeValues([0, -1], { method: "max-ratio", direction: "cost" })).toEqual([1, 1]);
  });
  it("vector: x/√Σx² (3-4-5 triangle), zero vector defined", () => {
    expect(normalizeValues([3, 4], { method: "vector" })).toEqual([0.6, 0.8]);
    expect(normalizeValues([3, 4], { method: "vector", direction: "cost" }).map((x) => x!.toFixed(12))).toEqual(["0.400000000000", "0.200000000000"]);
    expect(normalizeValues([0, 0], { method: "vector" })).toEqual([0, 0]);
    expect(normalizeValues([0, 0], { method: "vector", direction: "cost" })).toEqual([1, 1]);
  });
  it("z-score with population σ; σ = 0 → 0", () => {
    // values 2, 4, 4, 4, 5, 5, 7, 9: μ = 5, σ = 2 (the textbook example)
    expect(normalizeValues([2, 4, 4, 4, 5, 5, 7, 9], { method: "z-score" })).toEqual([-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]);
    expect(normalizeValues([3, 3], { method: "z-score" })).toEqual([0, 0]);
    expect(normalizeValues([2, 4, 4, 4, 5, 5, 7, 9], { method: "z-score", direction: "cost" })[0]).toBe(1.5);
  });
  it("rank with each tie rule; a single value → 1", () => {
    expect(normalizeValues([1, 2, 2, 4], { method: "rank" })).toEqual([0, 0.5, 0.5, 1]);
    expect(normalizeValues([1, 2, 2, 4], { method: "rank", tieRule: "min" })).toEqual([0, 1 / 3, 1 / 3, 1]);
    expect(normalizeValues([1, 2, 2, 4], { method: "rank", tieRule: "max" })).toEqual([0, 2 / 3, 2 / 3, 1]);
    expect(normalizeValues([7], { method: "rank" })).toEqual([1]);
    expect(normalizeValues([1, 2, 2, 4], { method: "rank", direction: "cost" })).toEqual([1, 0.5, 0.5, 0]);
  });
  it("absolute: on the scale, clamped; anchors interpolate", () => {
    expect(normalizeValues([1, 3, 5, 6], { method: "absolute", range: { min: 1, max: 5 } })).toEqual([0, 0.5, 1, 1]);
    expect(normalizeValues([1, 4], { method: "absolute", range: { min: 1, max: 5 }, direction: "cost" })).toEqual([1, 0.25]);
    const anchors = [{ value: 0, score: 0 }, { value: 1_000_000, score: 0.5 }, { value: 5_000_000, score: 1 }];
    expect(normalizeValues([-5, 500_000, 3_000_000, 9e9], { method: "absolute", anchors })).toEqual([0, 0.25, 0.75, 1]);
    expect(() => normalizeValues([1], { method: "absolute" })).toThrow(ValidationError);
    expect(() => normalizeValues([Number.NaN], { method: "min-max" })).toThrow(ValidationError);
  });
  it("absolute never moves a value when another is added; min-max can (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 5 }), (xs, extra) => {
        const opts = { method: "absolute" as const, range: { min: 1, max: 5 } };
        expect(normalizeValues([...xs, extra], opts).slice(0, xs.length)).toEqual(normalizeValues(xs, opts));
      }),
      { seed: 42, numRuns: 100 },
    );
  });
  it("never yields NaN or Infinity, and relative methods stay within their ranges (property)", () => {
    const methods = ["none", "min-max", "max-ratio", "vector", "z-score", "rank"] as const;
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.constantFrom(...methods), fc.boolean(), (xs, method, cost) => {
        const out = normalizeValues(xs, { method, direction: cost ? "cost" : "benefit" });
        for (const v of out) {
          expect(Number.isFinite(v)).toBe(true);
          if (method === "min-max" || method === "max-ratio" || method === "rank") expect(v! >= 0 && v! <= 1).toBe(true);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("normalizeValues options", () => {
  it("refuses a misspelt direction, tie rule or nonPositive instead of falling back to the default", () => {
    // was: "costs" normalised as a benefit ([0, 0.5, 1] instead of [1, 0.5, 0]); "minimum" as "average"; "refused" as "fallback"
    expect(firstIssuePath(() => normalizeValues([1, 3, 5], { method: "min-max", direction: "costs" as never }))).toEqual(["direction"]);
    expect(firstIssuePath(() => normalizeValues([1, 2, 2, 4], { method: "rank", tieRule: "minimum" as never }))).toEqual(["tieRule"]);
    expect(firstIssuePath(() => normalizeValues([0, 2, 4], { method: "max-ratio", nonPositive: "refused" as never }))).toEqual(["nonPositive"]);
    expect(normalizeValues([1, 3, 5], { method: "min-max", direction: "cost" })).toEqual([1, 0.5, 0]);
  });
  it("refuses a range or anchors that cannot define a scale (was: NaN results reported as missing, or a reversed range clamped)", () => {
    expect(firstIssuePath(() => normalizeValues([1, 2], { method: "absolute", range: { min: 5, max: 1 } }))).toEqual(["range", "max"]);
    expect(firstIssuePath(() => normalizeValues([1, 2], { method: "absolute", range: { min: Number.NaN, max: 1 } }))).toEqual(["range", "min"]);
    expect(firstIssuePath(() => normalizeValues([1, 2], { method: "absolute", anchors: [{ value: 0, score: Number.NaN }, { value: 5, score: 1 }] }))).toEqual(["anchors", 0, "score"]);
    expect(firstIssuePath(() => normalizeValues([1, 2], { method: "absolute", anchors: [{ value: 0, score: 0 }, { value: 0, score: 1 }] }))).toEqual(["anchors", 1, "value"]);
    expect(firstIssuePath(() => normalizeValues([1, 2], { method: "absolute", anchors: [{ value: 0, score: 0 }] }))).toEqual(["anchors"]);
    // on a 0–4 scale, 1 and 2 sit at a quarter and a half
    expect(normalizeValues([1, 2], { method: "absolute", range: { min: 0, max: 4 } })).toEqual([0.25, 0.5]);
  });
});
