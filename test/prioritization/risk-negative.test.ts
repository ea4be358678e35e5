import { describe, expect, it } from "vitest";
import { scoreRequests, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

const ASOF = { asOf: "2026-11-20" };

describe("risk adjustment never rewards risk", () => {
  it("a negative score is not multiplied by a confidence (it would rise as the confidence falls)", () => {
    // z-score of value 1, 1, 4: mean 2, population σ = √((1 + 1 + 4)/3) = √2, so A and B score (1 − 2)/√2 = −0.7071.
    // A and B are the same request but A is half as likely to succeed. Before: A −0.7071 × 0.5 = −0.3536 ranked above
    // B −0.7071 (less confidence, better rank). After: a negative score has no risk-adjusted figure.
    const model: ScoringModel = {
      kind: "weighted-sum", decimals: 4, criteria: [{ id: "value", normalization: "z-score" }], attributes: [{ id: "p" }],
      riskAdjustment: { criterionId: "p" },
    };
    const b = scoreRequests([req("A", { value: 1, p: 0.5 }), req("B", { value: 1, p: 1 }), req("C", { value: 4, p: 0.9 })], model, ASOF);
    const by = Object.fromEntries(b.entries.map((e) => [e.requestId, e]));
    expect(by.C!.score.value!.toFixed()).toBe("1.2728"); // 2/√2 = 1.4142 × 0.9
    expect(by.A!.score.reason).toBe("negative-score");
    expect((by.A!.score as { detail?: string }).detail).toMatch(/-0\.7071/);
    expect(by.A!.status).toBe("unscored");
    expect(by.B!.score.reason).toBe("negative-score");
    // No ranking puts the riskier of two otherwise equal requests first.
    expect(b.entries.map((e) => e.requestId)).toEqual(["C", "A", "B"]);
  });
  it("a zero or positive score is adjusted as before", () => {
    const model: ScoringModel = { kind: "weighted-sum", decimals: 2, criteria: [{ id: "value", normalization: "none" }], attributes: [{ id: "p" }], riskAdjustment: { criterionId: "p" } };
    const b = scoreRequests([req("A", { value: 0, p: 0.5 }), req("B", { value: 10, p: 0.5 })], model, ASOF);
    expect(b.entries.map((e) => `${e.requestId}=${e.score.value?.toFixed() ?? e.score.reason}`)).toEqual(["B=5", "A=0"]);
  });
});
