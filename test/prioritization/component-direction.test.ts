import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { scoreRows, type ScoringModel } from "../../src/prioritization/index.js";

/*
 * sel22: WSJF, RICE and ICE fix each part's direction themselves — the job size or effort is the divisor, the other
 * parts count up. A `direction: "cost"` on one of them (natural to write for "job size is a cost") negated or inverted
 * it: under the default `none`, −x, so A (BV 8, TC 2, RR 1, job size 2: WSJF 11/2 = 5.5, the best) scored −5.5 and
 * ranked last behind C ((1 + 1 + 1)/5 = 0.6, scored −0.6) — the ranking reversed without a word. It is refused.
 */
const rows = [
  { id: "A", ratings: { bv: 8, tc: 2, rr: 1, js: 2 } },
  { id: "B", ratings: { bv: 8, tc: 2, rr: 1, js: 8 } },
  { id: "C", ratings: { bv: 1, tc: 1, rr: 1, js: 5 } },
];
const wsjf = (js: object, bv: object = {}): ScoringModel => ({
  kind: "wsjf", criteria: [{ id: "bv", ...bv }, { id: "tc" }, { id: "rr" }, { id: "js", ...js }],
  businessValue: "bv", timeCriticality: "tc", riskReduction: "rr", jobSize: "js",
});
const pathOf = (f: () => unknown) => { try { f(); } catch (e) { return (e as ValidationError).issues.map((i) => i.path.join(".")); } return "no error"; };

describe("WSJF, RICE and ICE parts take no cost direction", () => {
  it("hand-derived: without a direction A 5.5, B 1.375, C 0.6 in that order", () => {
    const board = scoreRows(rows, wsjf({}), { asOf: "2026-01-01" });
    expect(board.entries.map((e) => `${e.requestId} ${e.score.value?.toFixed()}`)).toEqual(["A 5.5", "B 1.375", "C 0.6"]);
  });
  it("direction cost on the job size or a component is a ValidationError at the criterion (was: scores −5.5, −1.375, −0.6, C first)", () => {
    expect(pathOf(() => scoreRows(rows, wsjf({ direction: "cost" }), { asOf: "2026-01-01" }))).toEqual(["criteria.3.direction"]);
    expect(pathOf(() => scoreRows(rows, wsjf({ direction: "cost", normalization: "max-ratio" }), { asOf: "2026-01-01" }))).toEqual(["criteria.3.direction"]);
    expect(pathOf(() => scoreRows(rows, wsjf({}, { direction: "cost" }), { asOf: "2026-01-01" }))).toEqual(["criteria.0.direction"]);
    const rice: ScoringModel = { kind: "rice", confidenceUnit: "fraction", criteria: [{ id: "r" }, { id: "i" }, { id: "c" }, { id: "e", direction: "cost" }], reach: "r", impact: "i", confidence: "c", effort: "e" };
    expect(pathOf(() => scoreRows([{ id: "A", ratings: { r: 1, i: 1, c: 1, e: 1 } }], rice, { asOf: "2026-01-01" }))).toEqual(["criteria.3.direction"]);
    const ice: ScoringModel = { kind: "ice", convention: "mean", criteria: [{ id: "i" }, { id: "c" }, { id: "e", direction: "cost" }], impact: "i", confidence: "c", ease: "e" };
    expect(pathOf(() => scoreRows([{ id: "A", ratings: { i: 1, c: 1, e: 1 } }], ice, { asOf: "2026-01-01" }))).toEqual(["criteria.2.direction"]);
  });
  it("direction benefit stays accepted, and a cost attribute (a tie-break) too", () => {
    const m = { ...wsjf({ direction: "benefit" }), attributes: [{ id: "risk", direction: "cost" }], tieBreak: [{ criterionId: "risk" }] } as ScoringModel;
    expect(scoreRows(rows, m, { asOf: "2026-01-01" }).entries.map((e) => e.requestId)).toEqual(["A", "B", "C"]);
  });
});

describe("a WSJF job size or RICE effort takes no normalisation that can reach 0", () => {
  /*
   * min-max maps the smallest job size to 0: A (job size 2, WSJF 5.5, the best) was unscored (divisor-is-zero) and
   * ranked below B (job size 8, WSJF 1.375, normalised to 1: scored 11) and C. rank, z-score, z-score-sample and
   * absolute (at the scale's minimum) reach 0 too. none, max-ratio (x / max) and vector (x / √Σx²) scale every job
   * size by one positive number, so the ranking is WSJF's.
   */
  it("min-max, rank, z-score and absolute on the divisor are a ValidationError at its normalization (was: the smallest job unscored)", () => {
    for (const normalization of ["min-max", "rank", "z-score", "z-score-sample"]) {
      expect(pathOf(() => scoreRows(rows, wsjf({ normalization }), { asOf: "2026-01-01" }))).toEqual(["criteria.3.normalization"]);
    }
    expect(pathOf(() => scoreRows(rows, wsjf({ normalization: "absolute", scale: { kind: "numeric", min: 1, max: 13 } }), { asOf: "2026-01-01" }))).toEqual(["criteria.3.normalization"]);
    const rice: ScoringModel = { kind: "rice", confidenceUnit: "fraction", criteria: [{ id: "r" }, { id: "i" }, { id: "c" }, { id: "e", normalization: "min-max" }], reach: "r", impact: "i", confidence: "c", effort: "e" };
    expect(pathOf(() => scoreRows([{ id: "A", ratings: { r: 1, i: 1, c: 1, e: 1 } }], rice, { asOf: "2026-01-01" }))).toEqual(["criteria.3.normalization"]);
  });
  it("none, max-ratio and vector keep WSJF's order A, B, C; max-ratio divides by 8/8, 2/8, 5/8: A 44, B 11, C 4.8", () => {
    for (const normalization of ["none", "max-ratio", "vector"]) {
      expect(scoreRows(rows, wsjf({ normalization }), { asOf: "2026-01-01" }).entries.map((e) => e.requestId)).toEqual(["A", "B", "C"]);
    }
    expect(scoreRows(rows, wsjf({ normalization: "max-ratio" }), { asOf: "2026-01-01" }).entries.map((e) => e.score.value?.toFixed())).toEqual(["44", "11", "4.8"]);
  });
  it("the other parts may still be normalised (min-max business value: A and B 1, C 0)", () => {
    const board = scoreRows(rows, wsjf({}, { normalization: "min-max" }), { asOf: "2026-01-01" });
    // (1 + 2 + 1)/2 = 2, (1 + 2 + 1)/8 = 0.5, (0 + 1 + 1)/5 = 0.4
    expect(board.entries.map((e) => `${e.requestId} ${e.score.value?.toFixed()}`)).toEqual(["A 2", "B 0.5", "C 0.4"]);
  });
});
