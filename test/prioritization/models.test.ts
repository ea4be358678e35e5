import { describe, expect, it } from "vitest";
import { PmoDecimal, ValidationError, type Decimal } from "../../src/core/index.js";
import { explainScore, scoreMatrix, scoreRequests, type ScoringModel } from "../../src/prioritization/index.js";
import { req, sampleRequests, summary } from "./helpers.js";

const ASOF = { asOf: "2026-11-20" };
const lines = (e: { breakdown: readonly { term: string; contribution: Decimal }[] }) => e.breakdown.map((c) => `${c.term}=${c.contribution.toFixed()}`);
const total = (e: { breakdown: readonly { contribution: Decimal }[] }) => e.breakdown.reduce((s, c) => s.plus(c.contribution), new PmoDecimal(0)).toFixed();

describe("WSJF", () => {
  const model: ScoringModel = {
    kind: "wsjf", decimals: 4,
    criteria: [{ id: "ubv" }, { id: "tc" }, { id: "rr" }, { id: "size" }],
    businessValue: "ubv", timeCriticality: "tc", riskReduction: "rr", jobSize: "size",
  };
  it("is cost of delay ÷ job size, one line per component (hand-derived)", () => {
    // A: (8 + 5 + 0)/3 = 4.3333; running totals 8/3 → 2.6667, 13/3 → 4.3333, so lines 2.6667, 1.6666, 0, 0.
    // RR|OE = 0 must not zero the score (the bug in microsoft/AzureDevOps-WSJF-Extension#13).
    // B: (3 + 2 + 1)/1 = 6
    const b = scoreRequests([req("A", { ubv: 8, tc: 5, rr: 0, size: 3 }), req("B", { ubv: 3, tc: 2, rr: 1, size: 1 })], model, ASOF);
    expect(summary(b)).toEqual(["1:B:scored:6", "2:A:scored:4.3333"]);
    expect(lines(b.entries[1]!)).toEqual(["ubv=2.6667", "tc=1.6666", "rr=0", "size=0"]);
    expect(b.entries[1]!.breakdown.map((c) => c.role)).toEqual(["component", "component", "component", "divisor"]);
  });
  it("rejects a job size ≤ 0 with the rating's path", () => {
    try {
      scoreRequests([req("A", { ubv: 1, tc: 1, rr: 1, size: 1 }), req("B", { ubv: 1, tc: 1, rr: 1, size: 0 })], model, ASOF);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["requests", 1, "ratings", 3, "value"]]);
    }
  });
});

describe("RICE and ICE", () => {
  it("RICE: reach × impact × confidence ÷ effort, lines telescoping in the model's order", () => {
    // 500 × 2 × 80% ÷ 4 = 200; partial products 500, 1000, 800, 200 → lines 500, 500, −200, −600
    const model: ScoringModel = {
      kind: "rice", decimals: 2, criteria: [{ id: "reach" }, { id: "impact" }, { id: "confidence" }, { id: "effort" }],
      reach: "reach", impact: "impact", confidence: "confidence", effort: "effort", confidenceUnit: "percent",
    };
    const e = scoreRequests([req("X", { reach: 500, impact: 2, confidence: 80, effort: 4 })], model, ASOF).entries[0]!;
    expect(e.score.value!.toFixed()).toBe("200");
    expect(lines(e)).toEqual(["reach=500", "impact=500", "confidence=-200", "effort=-600"]);
    expect(() => scoreRequests([req("X", { reach: 1, impact: 1, confidence: 1, effort: 0 })], model, ASOF)).toThrow(/effort must be greater than 0/);
  });
  it("ICE product and mean are both available and give different orders", () => {
    const criteria = [{ id: "i" }, { id: "c" }, { id: "e" }];
    const reqs = [req("P", { i: 9, c: 9, e: 1 }), req("Q", { i: 4, c: 4, e: 4 })];
    const product = scoreRequests(reqs, { kind: "ice", criteria, impact: "i", confidence: "c", ease: "e", convention: "product" }, ASOF);
    const mean = scoreRequests(reqs, { kind: "ice", criteria, impact: "i", confidence: "c", ease: "e", convention: "mean", decimals: 3 }, ASOF);
    expect(summary(product)).toEqual(["1:P:scored:81", "2:Q:scored:64"]); // 9·9·1 vs 4·4·4
    expect(summary(mean)).toEqual(["1:P:scored:6.333", "2:Q:scored:4"]); // P: 3, 6, 6.333; Q: 1.333, 2.667, 4
    expect(() => scoreRequests(reqs, { kind: "ice", criteria, impact: "i", confidence: "c", ease: "e" } as never, ASOF)).toThrow(ValidationError);
  });
});

describe("gates and risk adjustment", () => {
  const model: ScoringModel = {
    kind: "weighted-sum", decimals: 3,
    criteria: [{ id: "value", normalization: "none" }],
    attributes: [{ id: "moscow", scale: { kind: "ordinal", labels: { must: 4, should: 3, could: 2, wont: 1 } } }],
    gates: [{ kind: "mandatory" }, { kind: "moscow", criterionId: "moscow" }],
  };
  it("Must → forced in, Won't → forced out, first gate wins and the rest are recorded", () => {
    const b = scoreRequests([
      req("low-must", { value: 1, moscow: "Must" }),
      req("high-wont", { value: 9, moscow: "wont" }),
      req("law-wont", { value: 2, moscow: "wont" }, { mandatory: { reason: "regulation" } }),
      req("plain", { value: 5, moscow: "should" }),
    ], model, ASOF);
    expect(summary(b)).toEqual(["1:law-wont:forced-in:2", "2:low-must:forced-in:1", "3:plain:scored:5", "4:high-wont:forced-out:9"]);
    expect(b.entries[0]!.gates).toEqual([
      { gate: "mandatory", effect: "forced-in", reason: "regulation", applied: true },
      { gate: "moscow:moscow", effect: "forced-out", reason: "MoSCoW: wont", applied: false },
    ]);
    expect(b.entries[3]!.gates[0]).toMatchObject({ effect: "forced-out", reason: "MoSCoW: wont", applied: true });
  });
  it("risk adjustment multiplies by the confidence and shows the change as its own line", () => {
    const risky: ScoringModel = { kind: "weighted-sum", decimals: 2, criteria: [{ id: "value", normalization: "none" }], attributes: [{ id: "p" }], riskAdjustment: { criterionId: "p" } };
    const e = scoreRequests([req("A", { value: 80, p: 0.6 })], risky, ASOF).entries[0]!;
    expect(lines(e)).toEqual(["value=80", "risk-adjustment=-32"]); // 80 × 0.6 = 48
    expect(e.score.value!.toFixed()).toBe("48");
    expect(() => scoreRequests([req("A", { value: 1, p: 1.5 })], risky, ASOF)).toThrow(/between 0 and 1/);
    expect(scoreRequests([req("A", { value: 1 })], risky, ASOF).entries[0]!.score.reason).toBe("missing-rating");
  });
});

describe("formula models", () => {
  const model: ScoringModel = {
    kind: "formula", decimals: 4, criteria: [{ id: "value" }, { id: "urgency" }, { id: "effort" }],
    formula: { op: "add", args: [{ op: "divide", args: [{ criterion: "value" }, { criterion: "effort" }] }, { op: "multiply", args: [{ constant: "0.5" }, { criterion: "urgency" }] }] },
  };
  it("evaluates the data formula; top-level terms are the lines", () => {
    // 9/4 + 0.5·3 = 2.25 + 1.5 = 3.75
    const e = scoreRequests([req("A", { value: 9, urgency: 3, effort: 4 })], model, ASOF).entries[0]!;
    expect(lines(e)).toEqual(["term-1=2.25", "term-2=1.5"]);
    expect(e.breakdown.map((c) => c.criterionIds)).toEqual([["value", "effort"], ["urgency"]]);
    expect(total(e)).toBe(e.score.value!.toFixed());
  });
  it("a division by zero leaves that request unscored with a reason", () => {
    const e = scoreRequests([req("A", { value: 9, urgency: 3, effort: 0 })], model, ASOF).entries[0]!;
    expect(e.score).toMatchObject({ reason: "divisor-is-zero" });
  });
  it("rejects references to unknown criteria", () => {
    expect(() => scoreRequests([], { ...model, formula: { criterion: "nope" } }, ASOF)).toThrow(/formula\.criterion/);
  });
});

describe("scoreMatrix (typed-array path)", () => {
  it("gives the same ranking and scores as scoreRequests on the sample office", () => {
    const model: ScoringModel = {
      kind: "weighted-sum",
      criteria: [
        ...["strategic-fit", "financial-value", "risk-reduction", "urgency"].map((id, j) => ({ id, weight: 4 - j })),
        { id: "complexity", weight: 1, direction: "cost" },
      ],
    };
    const requests = sampleRequests().filter((r) => r.ratings.length === 5);
    const ids = requests.map((r) => r.id);
    const criterionIds = model.criteria.map((c) => c.id);
    const values = Float64Array.from(requests.flatMap((r) => criterionIds.map((c) => (r.ratings.find((x) => x.criterionId === c) as { value: Decimal }).value.toNumber())));
    const table = scoreMatrix({ requestIds: ids, criterionIds, values }, model);
    const board = scoreRequests(requests, model, ASOF);
    expect(Array.from(table.order, (i) => ids[i])).toEqual(board.entries.map((e) => e.requestId));
    for (const e of board.entries) {
      const x = explainScore(table, e.requestId);
      expect(x.score.value!.toFixed()).toBe(e.score.value!.toFixed());
      expect(x.rank).toBe(e.rank);
    }
    // units: the contributions of each row add up to its score units exactly
    for (let i = 0; i < ids.length; i++) {
      let s = 0;
      for (let t = 0; t < table.termIds.length; t++) s += table.contributionUnits[i * table.termIds.length + t]!;
      expect(s).toBe(table.scoreUnits[i]);
    }
  });
  it("validates the matrix", () => {
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "a" }] };
    expect(() => scoreMatrix({ requestIds: ["x"], criterionIds: ["b"], values: Float64Array.of(1) }, model)).toThrow(/no column for criterion "a"/);
    expect(() => scoreMatrix({ requestIds: ["x", "x"], criterionIds: ["a"], values: Float64Array.of(1, 2) }, model)).toThrow(/duplicate/);
    expect(() => scoreMatrix({ requestIds: ["x"], criterionIds: ["a"], values: Float64Array.of(Number.NaN) }, model)).toThrow(/finite/);
    const t = scoreMatrix({ requestIds: ["x", "y"], criterionIds: ["a"], values: Float64Array.of(1, 0), missing: Uint8Array.of(0, 1), forcedOut: new Map([["x", "budget"]]) }, model);
    expect([explainScore(t, "x").status, explainScore(t, "y").status]).toEqual(["forced-out", "unscored"]);
    expect(explainScore(t, "x").gates[0]).toMatchObject({ effect: "forced-out", reason: "budget" });
  });
});

describe("ranking paths", () => {
  it("large scores (the comparator path) rank exactly like small ones (the packed-key path)", () => {
    const base = (k: string): ScoringModel => ({
      kind: "formula", criteria: [{ id: "v" }], attributes: [{ id: "u" }], tieBreak: [{ criterionId: "u" }],
      formula: { op: "multiply", args: [{ constant: k }, { criterion: "v" }] },
    });
    const rs = [req("e", { v: 2, u: 1 }), req("b", { v: 3, u: 1 }), req("a", { v: 2, u: 5 }), req("d", { v: 2, u: 1 }), req("c", { v: 7 })];
    const small = scoreRequests(rs, base("1"), ASOF).entries.map((e) => e.requestId);
    const large = scoreRequests(rs, base("1000000"), ASOF).entries.map((e) => e.requestId); // 7e6 × 1e9 units: beyond the packed range
    expect(small).toEqual(["c", "b", "a", "d", "e"]);
    expect(large).toEqual(small);
  });
});
