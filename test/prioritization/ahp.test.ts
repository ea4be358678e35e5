import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/index.js";
import {
  aggregatePairwiseMatrices, ahpHierarchy, ahpWeights, completePairwiseMatrix, randomIndex, suggestJudgementRevision,
} from "../../src/prioritization/index.js";

const fixed = (xs: readonly number[], d = 3) => xs.map((x) => x.toFixed(d));

// Saaty, T. L. (1990). How to make a decision: The analytic hierarchy process. EJOR 48, 9–26. Table 1 (house
// example, 8 criteria: size, transportation, neighbourhood, age, yard, modern facilities, condition, financing):
// priorities .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
const HOUSE = [
  [1, 5, 3, 7, 6, 6, "1/3", "1/4"],
  ["1/5", 1, "1/3", 5, 3, 3, "1/5", "1/7"],
  ["1/3", 3, 1, 6, 3, 4, 6, "1/5"],
  ["1/7", "1/5", "1/6", 1, "1/3", "1/4", "1/7", "1/8"],
  ["1/6", "1/3", "1/3", 3, 1, "1/2", "1/5", "1/6"],
  ["1/6", "1/3", "1/4", 4, 2, 1, "1/5", "1/6"],
  [3, 5, "1/6", 7, 5, 5, 1, "1/2"],
  [4, 7, 5, 8, 6, 6, 2, 1],
];

describe("ahpWeights", () => {
  it("reproduces Saaty's house example (1990): priorities, λmax, CI, CR", () => {
    const r = ahpWeights(HOUSE, { riTable: "saaty-classic" });
    expect(fixed(r.weights)).toEqual(["0.173", "0.054", "0.188", "0.018", "0.031", "0.036", "0.167", "0.333"]);
    expect(r.lambdaMax.toFixed(3)).toBe("9.669");
    expect(r.ci.toFixed(3)).toBe("0.238");
    expect(r.cr.toFixed(3)).toBe("0.169");
    expect(r.consistent).toBe(false);
  });
  // Same paper, size of house for houses A, B, C: [[1,6,8],[1/6,1,4],[1/8,1/4,1]] → .754 .181 .065,
  // λmax = 3.136, C.I. = 0.068, C.R. = 0.117.
  it("reproduces Saaty's 3×3 alternatives matrix (1990)", () => {
    const r = ahpWeights([[1, 6, 8], ["1/6", 1, 4], ["1/8", "1/4", 1]], { riTable: "saaty-classic" });
    expect(fixed(r.weights)).toEqual(["0.754", "0.181", "0.065"]);
    expect(r.lambdaMax.toFixed(3)).toBe("3.136");
    expect(r.ci.toFixed(3)).toBe("0.068");
    expect(r.cr.toFixed(3)).toBe("0.117");
  });
  // Saaty, T. L. (2008). Decision making with the analytic hierarchy process. Int. J. Services Sciences 1(1),
  // Table 2, drink consumption in the US: eigenvector .177 .019 .042 .116 .190 .129 .327.
  it("reproduces Saaty's drink-consumption example (2008)", () => {
    const drinks = [
      [1, 9, 5, 2, 1, 1, "1/2"], ["1/9", 1, "1/3", "1/9", "1/9", "1/9", "1/9"], ["1/5", 3, 1, "1/3", "1/4", "1/3", "1/9"],
      ["1/2", 9, 3, 1, "1/2", 1, "1/3"], [1, 9, 4, 2, 1, 2, "1/2"], [1, 9, 3, 1, "1/2", 1, "1/3"], [2, 9, 9, 3, 2, 3, 1],
    ];
    expect(fixed(ahpWeights(drinks).weights)).toEqual(["0.177", "0.019", "0.042", "0.116", "0.190", "0.129", "0.327"]);
  });
  it("gives exact weights, λmax = n and CR = 0 for a consistent matrix, by both methods (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 9 }), (v) => {
        const a = v.map((x) => v.map((y) => x / y));
        const sum = v.reduce((s, x) => s + x, 0);
        for (const method of ["eigenvector", "geometric-mean"] as const) {
          const r = ahpWeights(a, { method });
          r.weights.forEach((w, i) => expect(Math.abs(w - v[i]! / sum)).toBeLessThan(1e-12));
          expect(Math.abs(r.lambdaMax - v.length)).toBeLessThan(1e-9);
          expect(r.cr).toBeLessThan(1e-9);
          expect(r.consistent).toBe(true);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
  it("geometric mean differs from the eigenvector on inconsistent input but keeps the same CR", () => {
    const e = ahpWeights(HOUSE, { riTable: "saaty-classic" });
    const g = ahpWeights(HOUSE, { method: "geometric-mean", riTable: "saaty-classic" });
    expect(g.cr).toBe(e.cr);
    expect(g.weights).not.toEqual(e.weights);
    expect(g.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });
  it("defines n ≤ 2: weight 1; one judgement; CR 0", () => {
    expect(ahpWeights([[1]])).toMatchObject({ weights: [1], ci: 0, cr: 0, consistent: true });
    const two = ahpWeights([[1, 3], ["1/3", 1]]);
    expect(fixed(two.weights, 6)).toEqual(["0.750000", "0.250000"]);
    expect(two.cr).toBe(0);
  });
  it("rejects matrices that are not square, positive or reciprocal, with paths", () => {
    const paths = (m: unknown) => { try { ahpWeights(m as never); } catch (e) { return (e as ValidationError).issues.map((i) => i.path); } return []; };
    expect(paths([[1, 2], [0.5]])).toEqual([["matrix", 1]]);
    expect(paths([[1, -2], [0.5, 1]])).toEqual([["matrix", 0, 1]]);
    expect(paths([[2, 1], [1, 1]])).toEqual([["matrix", 0, 0]]);
    expect(paths([[1, 2], [2, 1]])).toEqual([["matrix", 1, 0]]);
    expect(paths([[1, Number.NaN], [1, 1]])).toEqual([["matrix", 0, 1]]);
    expect(paths([])).toEqual([["matrix"]]);
    expect(() => ahpWeights(HOUSE, { method: "column-mean" as never })).toThrow(ValidationError);
  });
});

describe("random index tables", () => {
  it("serves each table and interpolates Donegan–Dodd between sizes", () => {
    expect(randomIndex(3, "saaty-classic")).toBe(0.58);
    expect(randomIndex(12, "saaty-classic")).toBe(1.48); // the published non-monotone value, kept as published
    expect(randomIndex(3, "saaty-2005")).toBe(0.52);
    expect(randomIndex(15, "alonso-lamata")).toBe(1.5838);
    expect(randomIndex(2)).toBe(0);
    expect(randomIndex(22, "donegan-dodd")).toBeCloseTo(1.5371 + (2 / 5) * (1.5619 - 1.5371), 12);
    expect(randomIndex(100)).toBe(1.6339);
    // Alonso–Lamata beyond 15: (1.7699·20 − 4.3513 − 20)/19
    expect(randomIndex(20, "alonso-lamata")).toBeCloseTo((1.7699 * 20 - 4.3513 - 20) / 19, 12);
    expect(randomIndex(4, { 3: 0.5, 5: 1.1 })).toBeCloseTo(0.8, 12);
  });
  it("refuses sizes a table does not cover instead of passing silently", () => {
    expect(() => randomIndex(16, "saaty-classic")).toThrow(ValidationError);
    expect(() => randomIndex(101, "donegan-dodd")).toThrow(ValidationError);
    // A property hunt found `randomIndex(3, null)` throwing a TypeError (null is typeof "object").
    // A later hunt: a bigint table (`randomIndex(3, 10n)`) threw "Do not know how to serialize a BigInt" while
    // writing the message; a symbol printed "undefined".
    for (const table of [null, 5, true, 10n, Symbol("t")]) {
      expect(() => randomIndex(3, table as never)).toThrow(expect.objectContaining({ name: "ValidationError", issues: [expect.objectContaining({ path: ["riTable"] })] }));
    }
    expect(() => randomIndex(3, 10n as never)).toThrow("unknown RI table bigint 10");
    expect(() => randomIndex(3, "saaty" as never)).toThrow('unknown RI table "saaty"');
    // An empty table said "it covers undefined…undefined".
    expect(() => randomIndex(3, {})).toThrow("the RI table has no value for n = 3 (it lists no size with a number)");
    const big = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 1));
    expect(() => ahpWeights(big, { riTable: "saaty-2005" })).toThrow(/no value for n = 16/);
    expect(ahpWeights(big, { riTable: "donegan-dodd" }).cr).toBeLessThan(1e-12);
  });
});

describe("incomplete matrices and group judgements", () => {
  it("completes a missing judgement from the others (consistent chain 2 × 3 = 6)", () => {
    const c = completePairwiseMatrix([[1, 2, null], ["1/2", 1, 3], [null, "1/3", 1]]);
    expect(c[0]![2]).toBeCloseTo(6, 12);
    expect(c[2]![0]).toBeCloseTo(1 / 6, 12);
    const r = ahpWeights([[1, 2, null], ["1/2", 1, 3], [null, "1/3", 1]]);
    expect(r.completed).toEqual([[0, 2]]);
    expect(r.cr).toBeLessThan(1e-12);
  });
  it("rejects one-sided or disconnected gaps", () => {
    expect(() => completePairwiseMatrix([[1, 2, null], ["1/2", 1, 3], [4, "1/3", 1]])).toThrow(/one side only/);
    expect(() => completePairwiseMatrix([[1, null, null], [null, 1, 3], [null, "1/3", 1]])).toThrow(/do not connect/);
  });
  it("aggregates judges by the geometric mean (AIJ), keeping reciprocity", () => {
    const g = aggregatePairwiseMatrices([[[1, 2], ["1/2", 1]], [[1, 8], ["1/8", 1]]]);
    expect(g[0]![1]).toBeCloseTo(4, 12);
    expect(g[1]![0]).toBeCloseTo(0.25, 12);
    // weighted 3:1 → 2^(3/4)·8^(1/4) = 2^(3/4 + 3/4) = 2^1.5
    expect(aggregatePairwiseMatrices([[[1, 2], ["1/2", 1]], [[1, 8], ["1/8", 1]]], [3, 1])[0]![1]).toBeCloseTo(2 ** 1.5, 12);
    // a judge who left a judgement out does not drag it towards 1
    expect(aggregatePairwiseMatrices([[[1, null], [null, 1]], [[1, 5], ["1/5", 1]]])[0]![1]).toBeCloseTo(5, 12);
    expect(() => aggregatePairwiseMatrices([[[1]], [[1, 2], ["1/2", 1]]])).toThrow(ValidationError);
    expect(() => aggregatePairwiseMatrices([[[1]]], [0])).toThrow(ValidationError);
  });
});

describe("suggestJudgementRevision", () => {
  it("names the judgement whose revision lowers CR most in Saaty's house example, and a value that fits", () => {
    const advice = suggestJudgementRevision(HOUSE, { riTable: "saaty-classic" });
    expect(advice.cr.toFixed(3)).toBe("0.169");
    const best = advice.revisions[0]!;
    // neighbourhood (2) vs general condition (6) was judged 6; the rest of the matrix implies ≈ 0.47
    expect([best.i, best.j, best.current]).toEqual([2, 6, 6]);
    expect(best.consistentValue).toBeCloseTo(0.4714, 3);
    expect(best.scaleValue).toBe(0.5);
    expect(best.crWithConsistentValue).toBeLessThan(0.1);
    expect(best.crWithScaleValue).toBeLessThan(0.1);
    // it is the best single change: no other judgement's revision reaches a lower CR
    for (const r of advice.revisions) expect(r.crWithConsistentValue).toBeGreaterThanOrEqual(best.crWithConsistentValue);
  });
  it("finds a planted error in an otherwise consistent matrix and restores the true value (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 7 }), fc.nat(), fc.constantFrom(4, 9, 1 / 9), (v, pick, factor) => {
        const n = v.length;
        const a = v.map((x) => v.map((y) => x / y));
        const pairs = Array.from({ length: n }, (_, i) => Array.from({ length: n - i - 1 }, (_, k) => [i, i + 1 + k] as const)).flat();
        const [i, j] = pairs[pick % pairs.length]!;
        a[i]![j]! *= factor;
        a[j]![i] = 1 / a[i]![j]!;
        const best = suggestJudgementRevision(a).revisions[0]!;
        expect([best.i, best.j]).toEqual([i, j]);
        expect(Math.abs(best.consistentValue - v[i]! / v[j]!) / (v[i]! / v[j]!)).toBeLessThan(1e-9);
        expect(best.crWithConsistentValue).toBeLessThan(1e-9);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
  it("has nothing to revise for n ≤ 2 and refuses incomplete input", () => {
    expect(suggestJudgementRevision([[1, 3], ["1/3", 1]]).revisions).toEqual([]);
    expect(() => suggestJudgementRevision([[1, 2, null], ["1/2", 1, 3], [null, "1/3", 1]])).toThrow(/complete the matrix/);
  });
});

describe("the consistency threshold", () => {
  it("must be a number from 0 to 1 (was: NaN or \"0.1\" accepted; NaN called a perfectly consistent matrix inconsistent)", () => {
    // [[1, 2], [1/2, 1]] is consistent by definition (CR = 0), whatever a valid threshold is
    const m = [[1, 2], ["1/2", 1]];
    for (const threshold of [Number.NaN, -0.1, 2, "0.1" as unknown as number]) {
      expect(() => ahpWeights(m, { threshold })).toThrow(ValidationError);
      expect(() => ahpHierarchy({ goal: { id: "g", compare: m, children: [{ id: "a", compare: m }, { id: "b", compare: m }] }, alternatives: ["X", "Y"] }, { threshold })).toThrow(ValidationError);
    }
    expect(ahpWeights(m, { threshold: 0 }).consistent).toBe(true);
  });
});
