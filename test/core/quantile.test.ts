import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERCENTILE_METHODS, type PercentileMethod } from "../../src/index.js";
import { isPercentileMethod, minimumSampleSize, percentileDefined, quantileSorted } from "../../src/core/quantile.js";

const sorted = (xs: readonly number[]) => Float64Array.from(xs).sort();
const PS = [0, 0.1, 0.25, 0.5, 0.8, 0.9, 0.95, 1] as const;

/*
 * Reference values, not computed by hand. Each sample (listed unsorted, as given to the tools) at p = 0, 0.1, 0.25,
 * 0.5, 0.8, 0.9, 0.95, 1 from two independent tools that agree to 1e-12 on every figure:
 *
 * - numpy 2.4.6 (Debian python3-numpy): `numpy.quantile(x, p, method=m)` with m = "inverted_cdf" (nearest rank),
 *   "linear" and "weibull" (exclusive), printed with repr();
 * - LibreOffice Calc 7.4.7: one flat-ODF sheet with `=TEXT(COM.MICROSOFT.PERCENTILE.INC(range;p);"0.00000000000000E+000")`
 *   and the same with PERCENTILE.EXC, recalculated by `soffice --headless --convert-to csv percentiles.fods`.
 *
 * `undefined` in the exclusive row is where Calc's PERCENTILE.EXC answers Err:504 (Excel's #NUM!): p outside
 * [1/(n+1), n/(n+1)]. numpy's "weibull" clips to the extremes there instead; pmokit has no value.
 */
const REFERENCE: Record<string, { x: number[]; nearest: number[]; linear: number[]; exclusive: (number | undefined)[] }> = {
  n1: {
    x: [7.0],
    nearest: [7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0],
    linear: [7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0],
    exclusive: [undefined, undefined, undefined, 7.0, undefined, undefined, undefined, undefined],
  },
  n2: {
    x: [10.0, 3.0],
    nearest: [3.0, 3.0, 3.0, 3.0, 10.0, 10.0, 10.0, 10.0],
    linear: [3.0, 3.7, 4.75, 6.5, 8.6, 9.3, 9.65, 10.0],
    exclusive: [undefined, undefined, undefined, 6.5, undefined, undefined, undefined, undefined],
  },
  n5: {
    x: [5.0, 2.0, 11.0, 1.0, 2.0],
    nearest: [1.0, 1.0, 2.0, 2.0, 5.0, 11.0, 11.0, 11.0],
    linear: [1.0, 1.4, 2.0, 2.0, 6.200000000000001, 8.600000000000001, 9.799999999999999, 11.0],
    exclusive: [undefined, undefined, 1.5, 2.0, 9.799999999999999, undefined, undefined, undefined],
  },
  n7: {
    x: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    nearest: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    linear: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    exclusive: [undefined, undefined, 0.5, 0.5, 0.5, undefined, undefined, undefined],
  },
  n10: {
    x: [21.0, 3.0, 8.0, 2.0, 34.0, 3.0, 13.0, 5.0, 21.0, 3.0],
    nearest: [2.0, 2.0, 3.0, 5.0, 21.0, 21.0, 34.0, 34.0],
    linear: [2.0, 2.9, 3.0, 6.5, 21.0, 22.299999999999997, 28.149999999999984, 34.0],
    exclusive: [undefined, 2.1, 3.0, 6.5, 21.0, 32.7, undefined, undefined],
  },
  n10dec: {
    x: [12.5, -3.25, 7.75, 0.1, 99.9, 45.05, 45.05, -0.2, 18.3, 2.6],
    nearest: [-3.25, -3.25, 0.1, 7.75, 45.05, 45.05, 99.9, 99.9],
    linear: [-3.25, -0.5049999999999999, 0.725, 10.125, 45.05, 50.53499999999998, 75.21749999999994, 99.9],
    exclusive: [undefined, -2.945, 0.024999999999999994, 10.125, 45.05, 94.41500000000002, undefined, undefined],
  },
};

/** Equal within 1e-12 relative (the tools' own round-off differs in the last digits), or both undefined. */
const close = (got: number | undefined, want: number | undefined) =>
  want === undefined ? got === undefined : got !== undefined && Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));

describe("quantileSorted against numpy and LibreOffice Calc", () => {
  for (const [name, ref] of Object.entries(REFERENCE)) {
    it(`${name}: nearest rank = numpy inverted_cdf, linear = PERCENTILE.INC, exclusive = PERCENTILE.EXC`, () => {
      const xs = sorted(ref.x);
      const rows = PS.map((p, k) => ({
        p,
        nearest: [quantileSorted(xs, p, "nearest-rank"), ref.nearest[k]],
        linear: [quantileSorted(xs, p, "linear"), ref.linear[k]],
        exclusive: [quantileSorted(xs, p, "exclusive"), ref.exclusive[k]],
      }));
      const wrong = rows.flatMap((r) => (["nearest", "linear", "exclusive"] as const).filter((m) => !close(r[m][0], r[m][1])).map((m) => `p=${r.p} ${m}: ${r[m][0]} ≠ ${r[m][1]}`));
      expect(wrong).toEqual([]);
    });
  }

  it("nearest rank takes p·n as the decimal it means: P7 of 1…100 is the 7th value (numpy's inverted_cdf says 8)", () => {
    // 0.07 × 100 = 7.000000000000001 in doubles: numpy.quantile(numpy.arange(1, 101), 0.07, method="inverted_cdf")
    // gives 8.0, and 0.55 gives 56.0. A product within 4 ulps of a whole number is that number here (as R's fuzz).
    const xs = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect([0.07, 0.14, 0.28, 0.55, 0.56, 0.68].map((p) => quantileSorted(xs, p, "nearest-rank"))).toEqual([7, 14, 28, 55, 56, 68]);
    // (1 − 0.8)/2 = 0.09999999999999998, and × 2001 = 200.09999999999997 for exclusive: still 200.1, between the
    // 200th and 201st values.
    const ys = Float64Array.from({ length: 2000 }, (_, i) => i + 1);
    expect(quantileSorted(ys, (1 - 0.8) / 2, "nearest-rank")).toBe(200);
    expect(quantileSorted(ys, (1 - 0.8) / 2, "exclusive")).toBeCloseTo(200.1, 9);
    expect(quantileSorted(ys, (1 - 0.8) / 2, "linear")).toBeCloseTo(200.9, 9);
  });

  it("has no value for an empty sample, a p outside [0, 1] or NaN; works on plain arrays too", () => {
    for (const m of PERCENTILE_METHODS) {
      expect(quantileSorted([], 0.5, m)).toBeUndefined();
      expect(quantileSorted([1, 2], -0.1, m)).toBeUndefined();
      expect(quantileSorted([1, 2], 1.1, m)).toBeUndefined();
      expect(quantileSorted([1, 2], Number.NaN, m)).toBeUndefined();
    }
    expect(quantileSorted([1, 2, 3, 4], 0.5, "linear")).toBe(2.5);
  });

  it("exclusive: defined exactly on [1/(n+1), n/(n+1)], and the smallest sample that defines a percentile", () => {
    expect([1, 2, 3, 9, 10].map((n) => percentileDefined(n, 0.1, "exclusive"))).toEqual([false, false, false, true, true]);
    expect(percentileDefined(98, 0.99, "exclusive")).toBe(false);
    expect(percentileDefined(99, 0.99, "exclusive")).toBe(true);
    expect(minimumSampleSize(0.99, "exclusive")).toBe(99);
    expect(minimumSampleSize(0.1, "exclusive")).toBe(9);
    expect(minimumSampleSize(0.05, "exclusive")).toBe(19);
    expect(minimumSampleSize(0.5, "exclusive")).toBe(1);
    expect(minimumSampleSize(0.8, "exclusive")).toBe(4);
    expect(minimumSampleSize(1, "exclusive")).toBe(Infinity);
    expect(minimumSampleSize(0.8, "linear")).toBe(1);
    expect(minimumSampleSize(0.8, "nearest-rank")).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        const n = minimumSampleSize(p, "exclusive");
        return percentileDefined(n, p, "exclusive") && (n === 1 || !percentileDefined(n - 1, p, "exclusive"));
      }),
    );
  });

  it("names the conventions", () => {
    expect(PERCENTILE_METHODS).toEqual(["nearest-rank", "linear", "exclusive"]);
    expect(PERCENTILE_METHODS.every(isPercentileMethod)).toBe(true);
    expect(["nearest", "Linear", "", undefined, 7].some(isPercentileMethod)).toBe(false);
  });
});

describe("quantileSorted: properties", () => {
  const sample = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 });
  const prob = fc.double({ min: 0, max: 1, noNaN: true });
  const method = fc.constantFrom<PercentileMethod>(...PERCENTILE_METHODS);

  it("is monotone in p", () => {
    fc.assert(
      fc.property(sample, prob, prob, method, (xs, p, q, m) => {
        const s = sorted(xs);
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = quantileSorted(s, lo, m);
        const b = quantileSorted(s, hi, m);
        return a === undefined || b === undefined || a <= b;
      }),
      { numRuns: 500 },
    );
  });

  it("lies within [min, max], and nearest rank returns a sample value", () => {
    fc.assert(
      fc.property(sample, prob, method, (xs, p, m) => {
        const s = sorted(xs);
        const v = quantileSorted(s, p, m);
        if (v === undefined) return m === "exclusive" && !percentileDefined(s.length, p, m);
        return v >= (s[0] as number) && v <= (s[s.length - 1] as number) && (m !== "nearest-rank" || s.includes(v));
      }),
      { numRuns: 500 },
    );
  });

  it("nearest rank is the smallest value with at least p of the sample at or below it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 1000 }), (xs, k) => {
        const p = k / 1000;
        const s = sorted(xs);
        const v = quantileSorted(s, p, "nearest-rank") as number;
        // Counted in integers: at least p of n ⇔ 1000·count ≥ k·n.
        const atLeast = (y: number) => 1000 * s.filter((x) => x <= y).length >= k * s.length;
        return atLeast(v) && s.filter((x) => x < v).every((x) => !atLeast(x));
      }),
      { numRuns: 500 },
    );
  });

  it("does not depend on the order of the sample before sorting", () => {
    fc.assert(
      fc.property(sample, prob, method, fc.integer(), (xs, p, m, seed) => {
        const shuffled = [...xs];
        let r = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          r = (Math.imul(r, 1664525) + 1013904223) >>> 0;
          const j = r % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
        }
        return Object.is(quantileSorted(sorted(xs), p, m), quantileSorted(sorted(shuffled), p, m));
      }),
      { numRuns: 300 },
    );
  });

  it("linear and exclusive equal nearest rank on a constant sample, and interpolate between neighbours", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 30 }), prob, method, (c, n, p, m) => {
        const v = quantileSorted(new Float64Array(n).fill(c), p, m);
        return v === undefined ? m === "exclusive" : v === c;
      }),
    );
  });
});
