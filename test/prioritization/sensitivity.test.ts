import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { rankingRobustness, scoreRequests, weightIntervals, type CriterionSpec, type ScoringModel } from "../../src/prioritization/index.js";
import { req, sampleRequests } from "./helpers.js";

const ASOF = "2026-11-20";
const raw = (id: string, weight: number): CriterionSpec => ({ id, weight, normalization: "none" });

describe("weightIntervals", () => {
  // A = 3a + b, B = a + 2b, C = 2a with weights (1, 1): A 4, B 3, C 2, top-1 = {A}.
  // Weight x of a: A = 3x + 1 ≥ B = x + 2 ⇔ x ≥ 0.5; A ≥ C = 2x always → [0.5, ∞), B replaces A below 0.5.
  // Weight y of b: A = 3 + y ≥ B = 1 + 2y ⇔ y ≤ 2; A ≥ C = 2 always → [0, 2], B replaces A above 2.
  const model: ScoringModel = { kind: "weighted-sum", criteria: [raw("a", 1), raw("b", 1)] };
  const requests = [req("A", { a: 3, b: 1 }), req("B", { a: 1, b: 2 }), req("C", { a: 2, b: 0 })];
  it("finds the hand-derived intervals and reversals", () => {
    const [a, b] = weightIntervals(requests, model, { asOf: ASOF, k: 1 });
    // Scores are rounded to 9 decimals (the default) and A wins a tie by id, so A holds a hair past each unrounded
    // threshold: while the shares differ by less than a unit, (1 − 2x)/(x + 1) < 1e-9 at a, i.e. within ~1.5e-9 of 0.5.
    expect(a).toMatchObject({ criterionId: "a", weight: 1, upper: undefined, atLower: { leaves: "A", enters: "B" }, atUpper: undefined });
    expect(a!.lower).toBeGreaterThan(0.5 - 2e-9);
    expect(a!.lower).toBeLessThanOrEqual(0.5);
    expect(b).toMatchObject({ criterionId: "b", weight: 1, lower: 0, atLower: undefined, atUpper: { leaves: "A", enters: "B" } });
    expect(b!.upper).toBeGreaterThanOrEqual(2);
    expect(b!.upper).toBeLessThan(2 + 1e-8);
  });
  it("on the sample office, the top 3 holds inside each interval and changes just beyond a finite bound", () => {
    const criteria = ["strategic-fit", "financial-value", "risk-reduction", "urgency"].map((id, j): CriterionSpec => ({ id, weight: [3, 3, 2, 2][j]!, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" }))
      .concat([{ id: "complexity", weight: 1, direction: "cost", scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" }]);
    const office: ScoringModel = { kind: "weighted-sum", criteria };
    const requests = sampleRequests();
    const top3 = (m: ScoringModel) => scoreRequests(requests, m, { asOf: ASOF }).entries.filter((e) => e.status === "scored").slice(0, 3).map((e) => e.requestId).sort();
    const base = top3(office);
    const withWeight = (j: number, w: number): ScoringModel => ({ ...office, criteria: criteria.map((c, k) => (k === j ? { ...c, weight: w } : c)) });
    const intervals = weightIntervals(requests, office, { asOf: ASOF, k: 3 });
    let checkedBeyond = 0;
    intervals.forEach((iv, j) => {
      expect(iv.lower).toBeLessThanOrEqual(iv.weight);
      if (iv.upper !== undefined) expect(iv.upper).toBeGreaterThanOrEqual(iv.weight);
      const mid = iv.upper === undefined ? iv.weight * 2 : (iv.lower + iv.upper) / 2;
      expect(top3(withWeight(j, Number(mid.toFixed(6))))).toEqual(base);
      if (iv.upper !== undefined) {
        const beyond = top3(withWeight(j, Number((iv.upper + 0.01).toFixed(6))));
        expect(beyond).not.toEqual(base);
        expect(beyond).toContain(iv.atUpper!.enters);
        expect(beyond).not.toContain(iv.atUpper!.leaves);
        checkedBeyond++;
      }
    });
    expect(checkedBeyond).toBeGreaterThan(0);
  });
  it("rejects models it cannot analyse", () => {
    expect(() => weightIntervals(requests, { kind: "ice", criteria: [{ id: "a" }, { id: "b" }, { id: "c" }], impact: "a", confidence: "b", ease: "c", convention: "mean" }, { asOf: ASOF, k: 1 })).toThrow(ValidationError);
    expect(() => weightIntervals(requests, model, { asOf: ASOF, k: 0 })).toThrow(/k must be a positive integer/);
  });
});

describe("rankingRobustness", () => {
  const model: ScoringModel = { kind: "weighted-sum", criteria: [raw("a", 1), raw("b", 1)], gates: [{ kind: "mandatory" }] };
  const requests = [
    req("clear", { a: 10, b: 10 }), // 20: always first
    req("close-1", { a: 6, b: 4 }), // 10
    req("close-2", { a: 4, b: 5.9 }), // 9.9: beats close-1 when 4x + 5.9y > 6x + 4y, i.e. y/x > 2/1.9
    req("far", { a: 1, b: 1 }), // 2: never
    req("law", { a: 0, b: 0 }, { mandatory: { reason: "regulation" } }),
    req("unrated", { a: 1 }),
  ];
  it("labels robust-in, robust-out and contested, reproducibly", () => {
    const opts = { asOf: ASOF, k: 3, seed: 42, samples: 400 } as const; // k = 3: the forced-in one + 2 scored slots
    const r = rankingRobustness(requests, model, opts);
    const by = Object.fromEntries(r.map((x) => [x.requestId, x]));
    expect(by["law"]).toMatchObject({ probability: 1, label: "robust-in", inBase: true });
    expect(by["clear"]).toMatchObject({ probability: 1, label: "robust-in", inBase: true });
    expect(by["far"]).toMatchObject({ probability: 0, label: "robust-out", inBase: false });
    expect(by["unrated"]).toMatchObject({ probability: 0, label: "robust-out" });
    expect(by["close-1"]!.label).toBe("contested");
    expect(by["close-2"]!.label).toBe("contested");
    // exactly one of the two close ones takes the last slot in every sample
    expect(by["close-1"]!.probability + by["close-2"]!.probability).toBeCloseTo(1, 12);
    expect(rankingRobustness(requests, model, opts)).toEqual(r);
  });
  it("without perturbation reproduces today's top k", () => {
    const r = rankingRobustness(requests, model, { asOf: ASOF, k: 3, perturbation: { kind: "uniform", spread: 0 }, samples: 5 });
    expect(r.filter((x) => x.label === "robust-in").map((x) => x.requestId)).toEqual(["law", "clear", "close-1"]);
    expect(r.every((x) => (x.probability === 1) === x.inBase)).toBe(true);
  });
  it("samples Dirichlet weights centred on today's shares", () => {
    const tight = rankingRobustness(requests, model, { asOf: ASOF, k: 3, perturbation: { kind: "dirichlet", concentration: 1e6 }, seed: 7, samples: 200 });
    const loose = rankingRobustness(requests, model, { asOf: ASOF, k: 3, perturbation: { kind: "dirichlet", concentration: 2 }, seed: 7, samples: 200 });
    const p = (r: typeof tight, id: string) => r.find((x) => x.requestId === id)!.probability;
    expect(p(loose, "clear")).toBe(1);
    expect(p(tight, "close-1")).toBeGreaterThan(0.9); // very concentrated → almost always today's answer
    expect(p(loose, "close-2")).toBeGreaterThan(0.2); // spread out → the other one often wins
    expect(() => rankingRobustness(requests, model, { asOf: ASOF, k: 3, perturbation: { kind: "dirichlet", concentration: 0 } })).toThrow(ValidationError);
  });
});

describe("rankingRobustness options", () => {
  const model: ScoringModel = { kind: "weighted-sum", criteria: [raw("a", 1), raw("b", 1)] };
  const requests = [req("A", { a: 3, b: 1 }), req("B", { a: 1, b: 2 })];
  it("refuses an unknown perturbation kind (was: taken for Dirichlet without a concentration — the sampler never returned)", () => {
    // Before the fix this call did not return (checked with a 20 s timeout outside vitest): Gamma(NaN) rejects every draw.
    expect(() => rankingRobustness(requests, model, { asOf: ASOF, k: 1, samples: 5, perturbation: { kind: "dirichet" } as never })).toThrow(ValidationError);
  });
  it("refuses a seed that is not an integer (was: NaN and 0.5 silently seeded as 0)", () => {
    for (const seed of [Number.NaN, 0.5, Infinity]) {
      expect(() => rankingRobustness(requests, model, { asOf: ASOF, k: 1, samples: 5, seed })).toThrow(ValidationError);
    }
    expect(rankingRobustness(requests, model, { asOf: ASOF, k: 1, samples: 5, seed: 0 })).toHaveLength(2);
  });
});

describe("weightIntervals when a weight reaches 0", () => {
  it("reports the swap at weight 0 when the tie-break lets the outsider in", () => {
    // Z = a + 0.5b, A = 0·a + 0.5b with weights (1, 1): Z 1.5, A 0.5, top-1 = {Z}. Weight x of a: Z = x + 0.5 ≥ A = 0.5
    // for every x ≥ 0, but at x = 0 the scores tie (0.5 = 0.5) and the id tie-break puts "A" before "Z": dropping
    // criterion a (weight 0) swaps Z out — scoreRequests with a's weight 0 ranks A first. Before: atLower undefined.
    const model: ScoringModel = { kind: "weighted-sum", criteria: [raw("a", 1), raw("b", 1)] };
    const requests = [req("Z", { a: 1, b: 0.5 }), req("A", { a: 0, b: 0.5 })];
    // Rounded to 9 decimals (the default), Z = (x + 0.5)/(x + 1) and A = 0.5/(x + 1) read the same once x/(x + 1) is
    // below about a unit, 1e-9: the tie-break lets A in at weights of a just above 0 already, not only at 0.
    const [a] = weightIntervals(requests, model, { asOf: ASOF, k: 1 });
    expect(a).toMatchObject({ criterionId: "a", weight: 1, upper: undefined, atLower: { leaves: "Z", enters: "A" }, atUpper: undefined });
    expect(a!.lower).toBeGreaterThan(0.4e-9);
    expect(a!.lower).toBeLessThan(1.6e-9);
    expect(scoreRequests(requests, { ...model, criteria: [raw("a", a!.atLower!.weight), raw("b", 1)] }, { asOf: ASOF }).entries[0]!.requestId).toBe("A");
    expect(scoreRequests(requests, { ...model, criteria: [raw("a", a!.lower), raw("b", 1)] }, { asOf: ASOF }).entries[0]!.requestId).toBe("Z");
    const dropped = scoreRequests(requests, { ...model, criteria: [raw("a", 0), raw("b", 1)] }, { asOf: ASOF });
    expect(dropped.entries[0]!.requestId).toBe("A");
  });
  it("reports no swap at weight 0 when the insider wins the tie-break", () => {
    // Same figures with the ids exchanged: at x = 0 the tie goes to "A" (the insider), so the top-1 holds on [0, ∞).
    const model: ScoringModel = { kind: "weighted-sum", criteria: [raw("a", 1), raw("b", 1)] };
    const requests = [req("A", { a: 1, b: 0.5 }), req("Z", { a: 0, b: 0.5 })];
    const [a] = weightIntervals(requests, model, { asOf: ASOF, k: 1 });
    expect(a).toEqual({ criterionId: "a", weight: 1, lower: 0, upper: undefined, atLower: undefined, atUpper: undefined });
  });
  it("lets a tie-break key decide the tie at weight 0", () => {
    // Z and A tie at 0.5 when a's weight is 0; the tie-break on b2 (desc) ranks A (b2 = 2) ahead of Z (b2 = 1).
    const model: ScoringModel = { kind: "weighted-sum", criteria: [raw("a", 1), raw("b", 1)], attributes: [{ id: "b2" }], tieBreak: [{ criterionId: "b2" }] };
    const requests = [req("A", { a: 1, b: 0.5, b2: 1 }), req("Z", { a: 0, b: 0.5, b2: 2 })];
    const [a] = weightIntervals(requests, model, { asOf: ASOF, k: 1 });
    expect(a!.atLower).toMatchObject({ leaves: "A", enters: "Z" }); // at a weight of a within ~1e-9 of 0 (9 decimals)
    expect(a!.atLower!.weight).toBeLessThan(1.6e-9);
    expect(scoreRequests(requests, { ...model, criteria: [raw("a", 0), raw("b", 1)] }, { asOf: ASOF }).entries[0]!.requestId).toBe("Z");
  });
});
