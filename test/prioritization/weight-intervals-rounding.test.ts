import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scoreRequests, weightIntervals, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

const ASOF = "2026-11-20";

/*
 * sel23: weightIntervals against scoreRequests' own ranking — scores rounded half-even to `decimals`, then the
 * tie-break (keys, then id). The bounds are binary64 weights: at `lower` and `upper` scoreRequests still ranks the
 * same top k; at `atLower.weight` / `atUpper.weight` (the adjacent weights) it does not.
 */
const topK = (requests: Parameters<typeof scoreRequests>[0], model: ScoringModel, k: number) =>
  scoreRequests(requests, model, { asOf: ASOF }).entries.filter((e) => e.status === "forced-in" || e.status === "scored").slice(0, k).map((e) => e.requestId).sort();

describe("weightIntervals with rounded scores", () => {
  // Z (c0 0.5, c1 1) and A (c0 0.5, c1 0), normalisation none, decimals 1, k 1, weights (x, 1).
  //   Z(x) = (0.5x + 1)/(x + 1) = 0.5 + 0.5/(x + 1),  A(x) = 0.5x/(x + 1) = 0.5 − 0.5/(x + 1).
  // Unrounded Z > A at every x ≥ 0 (c0 is equal, so the unrounded analysis saw no pair and reported [0, ∞)). Rounded
  // to one decimal, both read 0.5 once 0.5/(x + 1) < 0.05, i.e. x > 9 (at x = 9: Z 0.55 → 0.6 and A 0.45 → 0.4, half
  // to even); tied, the id puts A first. So A replaces Z just above 9 (at 500: Z 0.500998 → 0.5 = A 0.499002 → 0.5).
  // The half-unit tie rule holds within 2^-47 of a unit, so the last weight keeping Z is 9 + at most ~1e-12.
  // Weight y of c1 (c0 at 1): Z = 0.5 + 0.5y/(1 + y), A = 0.5 − 0.5y/(1 + y): both read 0.5 while 0.5y/(1 + y) < 0.05,
  // i.e. y < 1/9 — below it A wins the tie, so the lower bound is 1/9 (before: 0, "swap at weight 0" only).
  const model: ScoringModel = { kind: "weighted-sum", decimals: 1, criteria: [{ id: "c0", weight: 1, normalization: "none" }, { id: "c1", weight: 1, normalization: "none" }] };
  const requests = [req("Z", { c0: 0.5, c1: 1 }), req("A", { c0: 0.5, c1: 0 })];
  const withWeight = (j: number, w: number): ScoringModel => ({ ...model, criteria: model.criteria.map((c, t) => (t === j ? { ...c, weight: w } : c)) });
  it("reports the change that rounding makes at weight 9 of c0 (was: stable on [0, ∞))", () => {
    expect(topK(requests, withWeight(0, 500), 1)).toEqual(["A"]);
    expect(topK(requests, withWeight(0, 8.9), 1)).toEqual(["Z"]);
    const [c0, c1] = weightIntervals(requests, model, { asOf: ASOF, k: 1 });
    expect(c0!.lower).toBe(0);
    expect(c0!.atLower).toBeUndefined();
    expect(c0!.upper).toBeGreaterThanOrEqual(9);
    expect(c0!.upper).toBeLessThan(9 + 1e-11);
    expect(c0!.atUpper).toMatchObject({ leaves: "Z", enters: "A" });
    expect(c1!.lower).toBeGreaterThan(1 / 9 - 1e-12);
    expect(c1!.lower).toBeLessThanOrEqual(1 / 9);
    expect(c1!.upper).toBeUndefined();
    expect(c1!.atLower).toMatchObject({ leaves: "Z", enters: "A" });
  });

  it("property (decimals 0–3): scoreRequests keeps the top k at both reported ends and inside, and changes it just beyond", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2, max: 3 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), fc.boolean(), fc.integer({ min: 0, max: 3 })), { minLength: 2, maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        (decimals, m, weights, data, k, withCost, us) => {
          const requests = data.map(([r, mandatory, t], i) => req(`R${i}`, { ...Object.fromEntries(r.slice(0, m).map((v, j) => [`c${j}`, v])), t }, i === 0 && mandatory ? ({ mandatory: { reason: "law" } } as never) : {}));
          const mk = (w: readonly number[]): ScoringModel => ({
            kind: "weighted-sum", decimals, gates: [{ kind: "mandatory" }], tieBreak: [{ criterionId: "t" }], attributes: [{ id: "t" }],
            criteria: w.slice(0, m).map((x, j) => ({ id: `c${j}`, weight: x, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute", ...(withCost && j === 1 ? { direction: "cost" as const } : {}) })),
          });
          const base = topK(requests, mk(weights), k);
          const at = (j: number, x: number) => topK(requests, mk(weights.map((w, t) => (t === j ? x : w))), k);
          weightIntervals(requests, mk(weights), { asOf: ASOF, k }).forEach((iv, j) => {
            const label = `${iv.criterionId} [${iv.lower}, ${iv.upper}] w=${weights.slice(0, m)} dec=${decimals} k=${k} ${JSON.stringify(data)} cost=${withCost}`;
            expect(iv.lower, label).toBeLessThanOrEqual(weights[j]!);
            if (iv.upper !== undefined) expect(iv.upper, label).toBeGreaterThanOrEqual(weights[j]!);
            // lower 0 with atLower at 0: the set holds at every positive weight, not at 0 itself
            const zeroChange = iv.lower === 0 && iv.atLower !== undefined;
            const top = iv.upper ?? Math.max(2 * iv.lower, 1) * 1000;
            const inside = [...(zeroChange ? [] : [iv.lower]), ...(iv.upper === undefined ? [1e9] : [iv.upper]), ...us.map((u) => iv.lower + (u || 0.5) * (top - iv.lower))];
            for (const x of inside) expect(at(j, x), `inside at ${x}: ${label}`).toEqual(base);
            for (const swap of [iv.atLower, iv.atUpper]) {
              if (swap === undefined) continue;
              const there = at(j, swap.weight);
              expect(there, `at ${swap.weight}: ${label}`).toContain(swap.enters);
              expect(there, `at ${swap.weight}: ${label}`).not.toContain(swap.leaves);
            }
            if (iv.atUpper) expect(iv.atUpper.weight, label).toBeGreaterThan(iv.upper!);
            if (iv.atLower) expect(iv.atLower.weight, label).toBeLessThan(iv.lower || Number.MIN_VALUE);
            if (iv.atLower === undefined) expect(iv.lower, label).toBe(0);
          });
        },
      ),
      { numRuns: Number(process.env.ORACLE_RUNS ?? 300), seed: Number(process.env.ORACLE_SEED ?? 23) },
    );
  });
});
