import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Risk } from "../../src/index.js";
import { DEFAULT_RAG_RULES, ragStatus, riskScore } from "../../src/status/index.js";
import { firstIssuePath } from "../support/errors.js";

// Which pending risk is "high" is a convention: the probability alone (≥ highRiskProbability, default 0.7 — the
// default, unchanged) or the risk's place on the probability × impact matrix (riskScore's rating "high"), named by
// `highRisk: "probability" | "score"`.
const asOf = isoDate("2026-11-20");
const at = "2026-11-01T09:00:00.000Z";
const only = (...ids: string[]) => DEFAULT_RAG_RULES.filter((r) => ids.includes(r.id));
const risk = (id: string, probability: string, impact: number): Risk =>
  decodeEntity("risk", {
    id, version: 1, createdAt: at, updatedAt: at, projectId: "P", title: id, probability, impact, ownerId: "p-o",
    response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-11-01",
  }) as Risk;

// Default matrix: bands ≤ 0.1, ≤ 0.3, ≤ 0.5, ≤ 0.7, ≤ 1; high from score 15.
//   R1 p 0.9 impact 1: band 5 × 1 = 5 (low)      — probability 0.9 ≥ 0.7: high by probability only
//   R2 p 0.5 impact 5: band 3 × 5 = 15 (high)    — probability 0.5 < 0.7: high by score only
//   R3 p 0.7 impact 3: band 4 × 3 = 12 (medium)  — probability 0.7 ≥ 0.7: high by probability only
//   R4 p 0.8 impact 4: band 5 × 4 = 20 (high)    — high both ways
const risks = [risk("R1", "0.9", 1), risk("R2", "0.5", 5), risk("R3", "0.7", 3), risk("R4", "0.8", 4)];
const rules = only("risks-high");

describe("ragStatus: highRisk names how a high risk is told", () => {
  it("the matrix figures above are riskScore's", () => {
    expect(risks.map((r) => [riskScore(r).score, riskScore(r).rating])).toEqual([[5, "low"], [15, "high"], [12, "medium"], [20, "high"]]);
  });

  it("default (probability): R1, R3, R4 — unchanged; 'probability' named gives the same", () => {
    expect(ragStatus({ id: "P", risks }, { asOf, rules }).derived["highRisksPending"]).toEqual({ value: "3", from: ["R1", "R3", "R4"] });
    expect(ragStatus({ id: "P", risks }, { asOf, rules, highRisk: "probability" }).derived["highRisksPending"]).toEqual({ value: "3", from: ["R1", "R3", "R4"] });
  });

  it("score: R2 and R4, the risks the default matrix rates high (score ≥ 15)", () => {
    const s = ragStatus({ id: "P", risks }, { asOf, rules, highRisk: "score" });
    expect(s.derived["highRisksPending"]).toEqual({ value: "2", from: ["R2", "R4"], note: "probability × impact score ≥ 15 on the risk matrix" });
    expect(s.dimensions[0]!.colour).toBe("amber");
  });

  it("score on a given matrix: bands ≤ 0.5, ≤ 1, high from 6 → R3 (2 × 3 = 6) and R4 (2 × 4 = 8)", () => {
    // R1: band 2 × 1 = 2; R2: band 1 × 5 = 5 (below 6).
    const riskMatrix = { probabilityBands: ["0.5", "1"], mediumFrom: 3, highFrom: 6 };
    expect(ragStatus({ id: "P", risks }, { asOf, rules, highRisk: "score", riskMatrix }).derived["highRisksPending"])
      .toEqual({ value: "2", from: ["R3", "R4"], note: "probability × impact score ≥ 6 on the risk matrix" });
  });

  it("a convention that is not one of the two, or an option of the other convention, is refused", () => {
    expect(firstIssuePath(() => ragStatus({ id: "P", risks }, { asOf, rules, highRisk: "impact" as "score" }))).toEqual(["highRisk"]);
    expect(firstIssuePath(() => ragStatus({ id: "P", risks }, { asOf, rules, highRisk: "score", highRiskProbability: "0.5" }))).toEqual(["highRiskProbability"]);
    expect(firstIssuePath(() => ragStatus({ id: "P", risks }, { asOf, rules, riskMatrix: { probabilityBands: ["1"], mediumFrom: 2, highFrom: 4 } }))).toEqual(["riskMatrix"]);
    // A matrix the score cannot use (high above its top cell, 2 bands × 5 = 10) is refused at its own path.
    expect(firstIssuePath(() => ragStatus({ id: "P", risks }, { asOf, rules, highRisk: "score", riskMatrix: { probabilityBands: ["0.5", "1"], mediumFrom: 3, highFrom: 11 } })))
      .toEqual(["riskMatrix", "highFrom"]);
  });
});

describe("ragStatus highRisk: \"score\" reads impact on the 1–5 scale", () => {
  it("a memory-form risk with impact 7 is a ValidationError at its path, not a score off the matrix (35 ≥ 15, high)", () => {
    const off = { ...risk("R9", "0.2", 3), impact: 7 } as Risk;
    expect(firstIssuePath(() => ragStatus({ id: "P", risks: [risks[0]!, off] }, { asOf, rules, highRisk: "score" }))).toEqual(["project", "risks", 1, "impact"]);
  });
});
