import { describe, expect, it } from "vitest";
import { decodeRagRules, scoreRows, selectPortfolio, validateScoringModel } from "../../src/index.js";
import { issuesOfAsync } from "../support/errors.js";

// ent21 made an absent field read "required field is missing" in the entity codecs; the other public inputs parsed
// with their own schema still said zod's "Invalid input: expected string, received undefined". Each now says it at
// the field's path.

describe("an absent field reads 'required field is missing' in every public input", () => {
  it("a RAG rule without its figure", async () => {
    expect(await issuesOfAsync(() => decodeRagRules([{ id: "x", dimension: "cost", kind: "index", greenAtLeast: "1", amberAtLeast: "0.9" } as never]))).toEqual([["0.figure", "required field is missing"]]);
  });
  it("a scored row without its ratings", async () => {
    const model = { kind: "weighted-sum" as const, criteria: [{ id: "c", weight: 1 }] };
    expect(await issuesOfAsync(() => scoreRows([{ id: "r1" } as never], model as never, { asOf: "2026-01-01" } as never))).toContainEqual(["rows.0.ratings", "required field is missing"]);
  });
  it("a scoring model whose criterion lacks its id", async () => {
    // The criterion's id is required (criteria.ts): absent at criteria[1], it is reported there and only there.
    const model = { kind: "weighted-sum", criteria: [{ id: "value", weight: 1 }, { weight: 2 }] };
    expect(await issuesOfAsync(() => validateScoringModel(model as never))).toEqual([["criteria.1.id", "required field is missing"]]);
  });
  it("a WSJF model without its job size", async () => {
    const model = { kind: "wsjf", criteria: [{ id: "bv" }], businessValue: "bv", timeCriticality: "bv", riskReduction: "bv" };
    expect(await issuesOfAsync(() => validateScoringModel(model as never))).toEqual([["jobSize", "required field is missing"]]);
  });
  it("a selection problem without its periods", async () => {
    expect(await issuesOfAsync(() => selectPortfolio({ candidates: [{ id: "a", value: "1" }], constraints: [] } as never))).toEqual([["periods", "required field is missing"]]);
  });
});
