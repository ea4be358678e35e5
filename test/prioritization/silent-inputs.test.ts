import { describe, expect, it } from "vitest";
import { PmoDecimal, ValidationError } from "../../src/core/index.js";
import { derivedFigure, scoreMatrix, scoreRequests, scoreRows, validateScoringModel, type ScoringModel } from "../../src/prioritization/index.js";
import type { ProjectRequest } from "../../src/entities/index.js";
import { firstIssuePath } from "../support/errors.js";
import { req, sampleRequests, summary } from "./helpers.js";

const ASOF = { asOf: "2026-11-20" };
const issuesOf = (fn: () => unknown): string[] => {
  try { fn(); } catch (e) { if (e instanceof ValidationError) return e.issues.map((i) => `${i.path.join(".")}: ${i.message}`); throw e; }
  throw new Error("no error");
};

describe("scoreRows and the mandatory gate", () => {
  const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "value" }], gates: [{ kind: "mandatory" }] };
  it("forces in only the rows marked mandatory (was: every row forced in, the mandatory one ranked last)", () => {
    // min-max over 9, 1, 5: A = 1, C = 0.5, B = 0. Only B is mandatory, so B is forced in and ranks first;
    // A and C are scored (A before C). `mandatory: false` and an absent flag mean the same: not mandatory.
    const b = scoreRows([
      { id: "A", ratings: { value: 9 } },
      { id: "B", ratings: { value: 1 }, mandatory: true },
      { id: "C", ratings: { value: 5 }, mandatory: false },
    ], model, ASOF);
    expect(summary(b)).toEqual(["1:B:forced-in:0", "2:A:scored:1", "3:C:scored:0.5"]);
    expect(b.entries[0]!.gates).toEqual([{ gate: "mandatory", effect: "forced-in", reason: "mandatory", applied: true }]);
    expect(b.entries[1]!.gates).toEqual([]);
  });
  it("gives the same board as the equivalent request entities", () => {
    const rows = scoreRows([{ id: "A", ratings: { value: 9 } }, { id: "B", ratings: { value: 1 }, mandatory: true }], model, ASOF);
    const reqs = scoreRequests([req("A", { value: 9 }), req("B", { value: 1 }, { mandatory: { reason: "mandatory" } })], model, ASOF);
    expect(summary(rows)).toEqual(summary(reqs));
  });
});

describe("money criteria across currencies", () => {
  // REQ-2026-001 costs EUR 2,123,000; REQ-2026-002 EUR 2,432,000; REQ-2026-003 EUR 712,000 (sample office).
  const inYen = (r: ProjectRequest): ProjectRequest => ({
    ...r,
    estimatedCost: r.estimatedCost.map((c) => ({ ...c, amount: { ...c.amount, currency: "JPY" } })),
    benefits: r.benefits.map((b) => ({ ...b, amounts: b.amounts.map((a) => ({ ...a, amount: { ...a.amount, currency: "JPY" } })) })),
  }) as ProjectRequest;
  const three = () => {
    const [a, b, c] = ["REQ-2026-001", "REQ-2026-002", "REQ-2026-003"].map((id) => sampleRequests().find((r) => r.id === id)!);
    return [a!, inYen(b!), c!];
  };
  it("refuses to compare a JPY total cost with EUR ones (was: ¥2,432,000 ranked as if EUR 2,432,000)", () => {
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "cost", source: { kind: "derived", figure: "total-cost" }, direction: "cost" }] };
    expect(firstIssuePath(() => scoreRequests(three(), model, ASOF))).toEqual(["requests", 1, "estimatedCost", 0, "amount", "currency"]);
    expect(issuesOf(() => scoreRequests(three(), model, ASOF))[0]).toMatch(/JPY.*EUR/);
    // a batch-level problem: "refuse" cannot pick which currency is right, so it still throws
    expect(() => scoreRequests(three(), model, { ...ASOF, onInvalid: "refuse" })).toThrow(ValidationError);
  });
  it("applies to every money figure (NPV, benefits, net benefit), not to ratios or hours", () => {
    for (const figure of ["npv", "total-benefit", "expected-benefit", "net-benefit"] as const) {
      const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "f", source: { kind: "derived", figure, ...(figure === "npv" ? { rate: "0.08" } : {}) } }] };
      expect(() => scoreRequests(three(), model, ASOF)).toThrow(ValidationError);
    }
    for (const figure of ["roi", "effort-hours"] as const) {
      const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "f", source: { kind: "derived", figure } }] };
      expect(scoreRequests(three(), model, ASOF).entries).toHaveLength(3);
    }
  });
});

describe("a request rating one criterion twice", () => {
  it("is refused with the second rating's path (was: the last rating silently won, Y scored 9 instead of 1)", () => {
    const y = req("Y", { v: 1 });
    const twice = { ...y, ratings: [...y.ratings, ...req("Y", { v: 9 }).ratings] } as ProjectRequest;
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "v", normalization: "none" }] };
    expect(issuesOf(() => scoreRequests([req("X", { v: 5 }), twice], model, ASOF))).toEqual(['requests.1.ratings.1.criterionId: criterion "v" is rated twice (also ratings[0])']);
  });
});

describe("scoreMatrix forced ids", () => {
  it("refuses a forced-in or forced-out id that is not a row (was: silently ignored)", () => {
    const matrix = { requestIds: ["a", "b"], criterionIds: ["v"], values: Float64Array.of(1, 2) };
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "v" }] };
    expect(issuesOf(() => scoreMatrix({ ...matrix, forcedIn: new Map([["A", "law"]]), forcedOut: new Map([["c", "withdrawn"]]) }, model)))
      .toEqual(['forcedIn.A: unknown request "A"', 'forcedOut.c: unknown request "c"']);
    expect(Array.from(scoreMatrix({ ...matrix, forcedIn: new Map([["a", "law"]]) }, model).status)).toEqual([0, 1]);
  });
});

describe("ranking inside the forced groups", () => {
  it("a forced-in request without a score ranks after the scored forced-in ones, whatever their sign (was: above a negative score)", () => {
    // z-score (population σ). v = 1, 1, 9, 5 (A, B, C, D): μ = 4, σ = √11; w = 1, 9, 5 (B has none): μ = 5, σ = √(32/3).
    // weights ½ each: A = (−3/√11 − 4/√(32/3))/2 = −1.064639453, C = (5/√11 + 4/√(32/3))/2 = 1.366150797,
    // D = (1/√11 + 0)/2 = 0.150755672. B is unscored: it follows A inside the forced-in group.
    const m: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "v", normalization: "z-score" }, { id: "w", normalization: "z-score" }], gates: [{ kind: "mandatory" }] };
    const law = { mandatory: { reason: "law" } } as Partial<ProjectRequest>;
    const rs = [req("A", { v: 1, w: 1 }, law), req("B", { v: 1 }, law), req("C", { v: 9, w: 9 }), req("D", { v: 5, w: 5 })];
    expect(summary(scoreRequests(rs, m, ASOF))).toEqual([
      "1:A:forced-in:-1.064639453", "2:B:forced-in:missing-rating", "3:C:scored:1.366150797", "4:D:scored:0.150755672",
    ]);
  });
  it("the same for forced-out requests (MoSCoW Won't)", () => {
    const m: ScoringModel = {
      kind: "weighted-sum", criteria: [{ id: "v", normalization: "none", direction: "cost" }, { id: "w", normalization: "none" }],
      attributes: [{ id: "moscow", scale: { kind: "ordinal", labels: { must: 4, should: 3, could: 2, wont: 1 } } }],
      gates: [{ kind: "moscow", criterionId: "moscow" }],
    };
    // X: (−3 + 1)/2 = −1; Y has no w: unscored. Both Won't: X (scored) before Y.
    const b = scoreRequests([req("Y", { v: 1, moscow: "wont" }), req("X", { v: 3, w: 1, moscow: "wont" }), req("Z", { v: 1, w: 1 })], m, ASOF);
    expect(summary(b)).toEqual(["1:Z:scored:0", "2:X:forced-out:-1", "3:Y:forced-out:missing-rating"]);
  });
});

describe("ordinal labels that differ only in case or spaces", () => {
  it("are refused (was: { High: 3, high: 1 } silently made 'High' worth 1)", () => {
    expect(issuesOf(() => validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "v", scale: { kind: "ordinal", labels: { High: 3, high: 1, low: 2 } } }] })))
      .toEqual(['criteria.0.scale.labels.high: label "high" repeats an earlier one, ignoring case']);
  });
});

describe("MoSCoW gate labels", () => {
  const labels = { "Must have": 4, "Should have": 3, "Could have": 2, "Won't have": 1 };
  const model = (gate: Record<string, unknown>, scale: unknown = { kind: "ordinal", labels }): ScoringModel => ({
    kind: "weighted-sum", criteria: [{ id: "v" }],
    attributes: [{ id: "moscow", ...(scale === null ? {} : { scale }) } as never],
    gates: [{ kind: "moscow", criterionId: "moscow", ...gate } as never],
  });
  it("refuses Must/Won't labels that are not on the criterion's scale (was: the gate never fired, a 'Must have' request was scored like any other)", () => {
    // the default Must labels ("must") and Won't labels ("wont", "won't") are not among "Must have" … "Won't have"
    expect(issuesOf(() => validateScoringModel(model({})))).toEqual([
      "gates.0.must: no default must label (must) is on moscow's scale (must have, should have, could have, won't have): name them",
      "gates.0.wont: no default wont label (wont, won't) is on moscow's scale (must have, should have, could have, won't have): name them, or [] for none",
    ]);
    expect(issuesOf(() => validateScoringModel(model({ must: ["Must have"], wont: ["Wont have"] }))))
      .toEqual(['gates.0.wont.0: "Wont have" is not a label of moscow\'s scale']);
    expect(issuesOf(() => validateScoringModel(model({}, null))))
      .toEqual(["gates.0.criterionId: a MoSCoW gate reads labels: give moscow an ordinal scale"]);
  });
  it("refuses a label named both Must and Won't (was: such requests silently forced out, the Won't test running second)", () => {
    // "Should have" listed under both: a Should request was forced out with reason "MoSCoW: should have".
    const m = model({ must: ["Must have", "Should have"], wont: ["won't have", " should HAVE"] });
    expect(issuesOf(() => validateScoringModel(m))).toEqual(['gates.0.wont.1: " should HAVE" is a must label too']);
  });
  it("fires with labels named on the scale, case and spaces aside", () => {
    const m = model({ must: [" must HAVE"], wont: ["won't have"] });
    const b = scoreRequests([req("A", { v: 1, moscow: "Must have" }), req("B", { v: 9, moscow: "Won't have" }), req("C", { v: 5, moscow: "Could have" })], m, ASOF);
    expect(b.entries.map((e) => `${e.requestId}:${e.status}`)).toEqual(["A:forced-in", "C:scored", "B:forced-out"]);
    // a scale without a Won't class says so with wont: []
    expect(() => validateScoringModel(model({ wont: [] }, { kind: "ordinal", labels: { must: 3, should: 2, could: 1 } }))).not.toThrow();
  });
});

describe("formula division by zero inside another operation", () => {
  const f = (formula: unknown): ScoringModel => ({ kind: "formula", criteria: [{ id: "v" }, { id: "e" }], formula: formula as never });
  const v = { criterion: "v" };
  const e = { criterion: "e" };
  it("leaves the request unscored however the quotient is used (was: 1 ÷ (v ÷ 0) scored 0, min(v ÷ 0, 5) scored 5)", () => {
    // B has e = 0: v ÷ e is undefined, and so is anything computed from it. A (e = 2): 1 ÷ (4 ÷ 2) = 0.5; min(4 ÷ 2, 5) = 2.
    const rows = [req("A", { v: 4, e: 2 }), req("B", { v: 4, e: 0 })];
    const inverse = scoreRequests(rows, f({ op: "divide", args: [{ constant: 1 }, { op: "divide", args: [v, e] }] }), ASOF);
    expect(summary(inverse)).toEqual(["1:A:scored:0.5", "2:B:unscored:divisor-is-zero"]);
    const capped = scoreRequests(rows, f({ op: "min", args: [{ op: "divide", args: [v, e] }, { constant: 5 }] }), ASOF);
    expect(summary(capped)).toEqual(["1:A:scored:2", "2:B:unscored:divisor-is-zero"]);
    const floored = scoreRequests(rows, f({ op: "max", args: [{ op: "subtract", args: [{ constant: 0 }, { op: "divide", args: [v, e] }] }, { constant: -1 }] }), ASOF);
    expect(summary(floored)).toEqual(["1:A:scored:-1", "2:B:unscored:divisor-is-zero"]);
  });
});

describe("an anchored scale whose anchors would be ignored", () => {
  const anchored = { kind: "anchored" as const, anchors: [{ value: 0, score: 0 }, { value: 100, score: 1 }] };
  it("is refused without absolute normalisation (was: min-max silently replaced the anchors)", () => {
    // anchors 0 → 0, 100 → 1: values 10 and 20 are worth 0.1 and 0.2 whatever the batch; min-max made them 0 and 1.
    expect(issuesOf(() => validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "v", scale: anchored }] })))
      .toEqual(['criteria.0.normalization: an anchored scale needs normalization "absolute"']);
    const ok = scoreRequests([req("A", { v: 10 }), req("B", { v: 20 })], { kind: "weighted-sum", criteria: [{ id: "v", scale: anchored, normalization: "absolute" }] }, ASOF);
    expect(summary(ok)).toEqual(["1:B:scored:0.2", "2:A:scored:0.1"]);
  });
  it("is refused with direction cost (was: ignored, the anchors carry their own direction)", () => {
    expect(issuesOf(() => validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "v", scale: anchored, normalization: "absolute", direction: "cost" }] })))
      .toEqual(["criteria.0.direction: anchors carry the direction: give decreasing scores"]);
  });
});

describe("a weight that no score uses", () => {
  it("is refused on WSJF/RICE/ICE/formula criteria and on attributes (was: silently ignored)", () => {
    // WSJF = (BV + TC + RR) ÷ size has no weights: weight 3 on business value changed nothing.
    expect(issuesOf(() => validateScoringModel({
      kind: "wsjf", criteria: [{ id: "bv", weight: 3 }, { id: "tc" }, { id: "rr" }, { id: "size" }],
      businessValue: "bv", timeCriticality: "tc", riskReduction: "rr", jobSize: "size",
    }))).toEqual(["criteria.0.weight: weights are for weighted-sum scored criteria (not wsjf)"]);
    expect(issuesOf(() => validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "v" }], attributes: [{ id: "u", weight: 2 }] })))
      .toEqual(["attributes.0.weight: weights are for weighted-sum scored criteria (not an attribute)"]);
  });
});

describe("a tie rule without rank normalisation", () => {
  it("is refused (was: silently ignored — min-max has no ties to share)", () => {
    expect(issuesOf(() => validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "v", tieRule: "min" }] })))
      .toEqual(['criteria.0.tieRule: tieRule needs rank normalisation (not "min-max")']);
    expect(() => validateScoringModel({ kind: "weighted-sum", criteria: [{ id: "v", normalization: "rank", tieRule: "min" }] })).not.toThrow();
  });
});

describe("scoreMatrix missing mask", () => {
  it("must have one flag per value (was: a short mask left the rest 'present', so placeholder 0s were scored)", () => {
    // 2 rows × 2 criteria; the caller marked b's effort missing in a mask sized by rows (2) instead of cells (4)
    const matrix = { requestIds: ["a", "b"], criterionIds: ["value", "effort"], values: Float64Array.of(5, 2, 3, 0), missing: Uint8Array.of(0, 0) };
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "value" }, { id: "effort", direction: "cost" }] };
    expect(issuesOf(() => scoreMatrix(matrix, model))).toEqual(["missing: expected a Uint8Array of 2 × 2 flags"]);
    const table = scoreMatrix({ ...matrix, missing: Uint8Array.of(0, 0, 0, 1) }, model);
    expect(Array.from(table.status)).toEqual([1, 2]); // b is unscored (missing effort), not scored with effort 0
  });
});

describe("scoreMatrix duplicate columns", () => {
  it("refuses a criterion id given for two columns (was: the first column silently won)", () => {
    const matrix = { requestIds: ["a", "b"], criterionIds: ["v", "v"], values: Float64Array.of(1, 9, 2, 0) };
    expect(issuesOf(() => scoreMatrix(matrix, { kind: "weighted-sum", criteria: [{ id: "v" }] }))).toEqual(['criterionIds.1: duplicate criterion id "v"']);
  });
});

describe("derivedFigure arguments", () => {
  const r = () => sampleRequests().find((x) => x.id === "REQ-2027-002")!;
  it("refuses an unknown figure (was: returned undefined — neither a value nor a reason)", () => {
    expect(firstIssuePath(() => derivedFigure(r(), "total_cost" as never, { asOf: "2026-11-20" as never }))).toEqual(["figure"]);
  });
  it("reports a bad asOf at options.asOf", () => {
    expect(firstIssuePath(() => derivedFigure(r(), "npv", { asOf: "2026-13-45" as never, rate: "0.08" }))).toEqual(["options", "asOf"]);
  });
});

describe('duplicate request ids with onInvalid: "refuse"', () => {
  it("refuses every request with that id, so the input order cannot decide which one is scored (was: the first kept)", () => {
    // X appears twice (v = 1 and v = 9). Before: [X1, Y, X9] kept X = 1 (ranked 2nd), [X9, Y, X1] kept X = 9 (ranked 1st).
    const m: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "v", normalization: "none" }] };
    const refuse = { ...ASOF, onInvalid: "refuse" as const };
    const a = scoreRequests([req("X", { v: 1 }), req("Y", { v: 5 }), req("X", { v: 9 })], m, refuse);
    const b = scoreRequests([req("X", { v: 9 }), req("Y", { v: 5 }), req("X", { v: 1 })], m, refuse);
    expect(summary(a)).toEqual(["1:Y:scored:5"]);
    expect(summary(b)).toEqual(summary(a));
    expect(a.refused.map((r) => [r.index, r.requestId, r.issues.map((i) => i.path.join("."))])).toEqual([
      [0, "X", ["requests.0.id"]], [2, "X", ["requests.2.id"]],
    ]);
  });
});

describe("a business case without estimates", () => {
  const bare = (r: ProjectRequest, drop: "estimatedCost" | "effort"): ProjectRequest => ({ ...r, id: "NEW", [drop]: [] }) as ProjectRequest;
  const base = () => ["REQ-2026-001", "REQ-2026-003"].map((id) => sampleRequests().find((r) => r.id === id)!);
  it("has no total cost, net benefit or NPV — not a cost of 0 (was: ranked first as the cheapest request)", () => {
    // REQ-2026-003 costs EUR 712,000, REQ-2026-001 EUR 2,123,000; NEW has no cost estimate yet: it cannot be ranked on cost.
    const rs = [...base(), bare(base()[0]!, "estimatedCost")];
    const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "cost", source: { kind: "derived", figure: "total-cost" }, direction: "cost" }] };
    expect(summary(scoreRequests(rs, model, ASOF))).toEqual(["1:REQ-2026-003:scored:1", "2:REQ-2026-001:scored:0", "3:NEW:unscored:missing-rating"]);
    for (const figure of ["total-cost", "net-benefit", "npv"] as const) {
      const f = derivedFigure(rs[2]!, figure, { asOf: "2026-11-20" as never, rate: "0.08" });
      expect([f.value, f.reason]).toEqual([undefined, "no-cost-estimate"]);
    }
  });
  it("has no ROI for want of an estimate, not for a cost of zero (was: cost-is-zero, as if the costs were estimated at 0)", () => {
    const rs = [...base(), bare(base()[0]!, "estimatedCost")];
    const f = derivedFigure(rs[2]!, "roi", { asOf: "2026-11-20" as never });
    expect([f.value, f.reason]).toEqual([undefined, "no-cost-estimate"]);
    // Costs estimated at 0 stay cost-is-zero: (benefit − 0) ÷ 0 has no figure.
    const free = { ...rs[0]!, estimatedCost: rs[0]!.estimatedCost.map((c) => ({ ...c, amount: { ...c.amount, amount: new PmoDecimal(0) } })) } as ProjectRequest;
    expect(derivedFigure(free, "roi", { asOf: "2026-11-20" as never }).reason).toBe("cost-is-zero");
  });
  it("has no effort hours without effort estimates (was: 0 hours, the best value of a cost criterion)", () => {
    const r = bare(base()[0]!, "effort");
    const f = derivedFigure(r, "effort-hours", { asOf: "2026-11-20" as never });
    expect([f.value, f.reason]).toEqual([undefined, "no-effort-estimate"]);
    // benefits are a statement, not an estimate that may be missing: none means 0
    expect(derivedFigure({ ...r, benefits: [] } as ProjectRequest, "total-benefit", { asOf: "2026-11-20" as never }).value?.toFixed()).toBe("0");
  });
});
