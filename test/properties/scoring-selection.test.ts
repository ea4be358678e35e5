import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../src/core/index.js";
import { ahpWeights, scoreRows, type ScoringModel } from "../../src/prioritization/index.js";
import { selectPortfolio } from "../../src/selection/index.js";
import { expectClean } from "./walk.js";

/* Scoring, AHP and selection over single items, all-equal ratings, zeros and zero budgets: every score carries its
   contributions, every figure is a Decimal or a typed reason. */

const asOf = { asOf: "2026-11-20" };
const MODELS: ScoringModel[] = [
  { kind: "weighted-sum", criteria: [{ id: "a", weight: 2, normalization: "min-max" }, { id: "b", direction: "cost", normalization: "max-ratio" }, { id: "c", weight: 0.5, normalization: "z-score" }] },
  { kind: "weighted-sum", criteria: [{ id: "a", scale: { kind: "numeric", min: 0, max: 10 } }, { id: "b", direction: "cost", scale: { kind: "numeric", min: 0, max: 10 } }, { id: "c", normalization: "rank" }] },
  { kind: "wsjf", criteria: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }], businessValue: "a", timeCriticality: "b", riskReduction: "c", jobSize: "d" },
  { kind: "rice", criteria: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }], reach: "a", impact: "b", confidence: "c", effort: "d", confidenceUnit: "percent" },
];
const rating = fc.constantFrom(0, 0, 1, 5, 10, 10);
const rows = fc.array(fc.record({ a: rating, b: rating, c: rating, d: fc.constantFrom(1, 2, 8) }), { minLength: 1, maxLength: 4 })
  .map((rs) => rs.map((r, i) => ({ id: `R${i}`, ratings: r })));

describe("scoring: a score or a reason, with its contributions", () => {
  it("every model over single rows, all-equal rows and zero ratings", () => {
    fc.assert(fc.property(rows, fc.integer({ min: 0, max: MODELS.length - 1 }), fc.boolean(), (rs, k, equal) => {
      const input = equal ? rs.map((r) => ({ ...r, ratings: rs[0]!.ratings })) : rs;
      const board = scoreRows(input, MODELS[k]!, asOf);
      expectClean(board);
      for (const e of board.entries) {
        if (e.score.value !== undefined) expect(e.breakdown.length).toBeGreaterThan(0);
        else expect(typeof e.score.reason).toBe("string");
      }
    }), { seed: 5, numRuns: 200 });
  });
});

describe("AHP: weights and consistency are finite", () => {
  it("1×1, 2×2 and all-equal judgements", () => {
    const j = fc.constantFrom(1, 3, 9, "1/9", "1/3");
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(j, { minLength: 6, maxLength: 6 }), (n, vals) => {
      const m: (number | string)[][] = Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => 1 as number | string));
      let k = 0;
      for (let r = 0; r < n; r++) for (let c = r + 1; c < n; c++) {
        const v = vals[k++]!;
        m[r]![c] = v;
        m[c]![r] = typeof v === "number" ? (v === 1 ? 1 : `1/${v}`) : Number(v.slice(2));
      }
      expectClean(ahpWeights(m));
    }), { seed: 5, numRuns: 100 });
  });
});

describe("selection: zero budgets, zero values, empty and single candidates", () => {
  it("every figure is a Decimal, Money or a typed reason", async () => {
    const cand = fc.array(fc.record({ value: fc.constantFrom(0, 0, 1, 7), cost: fc.constantFrom("0.00", "0.00", "100.00", "600.00") }), { maxLength: 4 });
    await fc.assert(fc.asyncProperty(cand, fc.constantFrom("0.00", "0.00", "500.00"), async (cs, budget) => {
      const r = await selectPortfolio({
        periods: ["FY27"],
        candidates: cs.map((c, i) => ({ id: `C${i}`, value: c.value, costs: { FY27: money(c.cost, "EUR") } })),
        budgets: { FY27: money(budget, "EUR") },
      }, { gap: 0, whyNot: "all" });
      expectClean(r);
      // Every excluded candidate is explained, in words.
      expect(r.whyNot.map((w) => w.candidate).sort()).toEqual([...r.excluded].sort());
      for (const w of r.whyNot) expect(w.explanation.length).toBeGreaterThan(0);
    }), { seed: 5, numRuns: 60 });
  });
});
