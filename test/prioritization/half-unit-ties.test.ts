import { describe, expect, it } from "vitest";
import { scoreRequests, type ScoringModel } from "../../src/prioritization/index.js";
import { req, summary } from "./helpers.js";

/*
 * Scores are rounded half-even to the model's decimals. A score exactly halfway between two units is a tie, whatever
 * float noise the weighted sum carries: the running total 3/9·10·n₁ + 6/9·10·n₂ lands on 7.499999999999999 for one
 * request and on 7.5 for another whose exact score is the same 0.75.
 */
const model: ScoringModel = {
  kind: "weighted-sum", decimals: 1,
  criteria: [
    { id: "fit", weight: 3, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
    { id: "value", weight: 6, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" },
  ],
};

describe("a score exactly halfway between two units is rounded half-even, like every other", () => {
  it("A (2, 5) and B (4, 4) both score exactly 0.75 → 0.8, tied, A first by id (was A 0.7, ranked below B 0.8)", () => {
    // absolute on 1–5: n = (x − 1)/4. A: (3·0.25 + 6·1)/9 = 6.75/9 = 0.75; B: (3·0.75 + 6·0.75)/9 = 0.75.
    // 7.5 tenths, half-even → 8 (0.8) for both; equal scores fall to the id.
    const board = scoreRequests([req("B", { fit: 4, value: 4 }), req("A", { fit: 2, value: 5 })], model, { asOf: "2026-11-20" });
    expect(summary(board)).toEqual(["1:A:scored:0.8", "2:B:scored:0.8"]);
    // A's lines: running totals 0.25·3/9 = 0.0833… → 0.1, then 0.75 → 0.8: lines 0.1 and 0.7, summing to 0.8.
    expect(board.entries[0]!.breakdown.map((c) => c.contribution.toFixed())).toEqual(["0.1", "0.7"]);
  });

  it("an exact 0.625 at two decimals is the tie 62.5 → 0.62 (was 0.63: the float total overshot to 62.50000000000001)", () => {
    // weights 2, 9, 9 and 8 (a cost; Σ 28), ratings 1, 3, 5, 3 on 1–5 absolute: n = 0, 0.5, 1 and 1 − 0.5 = 0.5 →
    // (0 + 4.5 + 9 + 4)/28 = 17.5/28 = 0.625 → half-even 0.62.
    const m2: ScoringModel = {
      kind: "weighted-sum", decimals: 2,
      criteria: [2, 9, 9, 8].map((weight, k) => ({
        id: `c${k}`, weight, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" as const, ...(k === 3 ? { direction: "cost" as const } : {}),
      })),
    };
    const board = scoreRequests([req("R", { c0: 1, c1: 3, c2: 5, c3: 3 })], m2, { asOf: "2026-11-20" });
    expect(board.entries[0]!.score.value?.toFixed()).toBe("0.62");
  });
});
