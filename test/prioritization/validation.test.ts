import { describe, expect, it } from "vitest";
import { PmoDecimal, ValidationError } from "../../src/core/index.js";
import { scoreMatrix, scoreRequests, scoreRows, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";

const asOf = { asOf: "2026-11-20" };

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }
  throw new Error("expected a ValidationError");
}

const rice: ScoringModel = {
  kind: "rice",
  criteria: [
    { id: "reach", scale: { kind: "numeric", min: 0 } },
    { id: "impact" },
    { id: "confidence", scale: { kind: "numeric", min: 0, max: 1 } },
    { id: "effort" },
  ],
  reach: "reach", impact: "impact", confidence: "confidence", effort: "effort",
  confidenceUnit: "fraction",
};

describe("issue 16 #2: one set of value rules on every scoring path", () => {
  it("scoreMatrix refuses a rating outside its scale, as scoreRequests does", () => {
    // confidence 80 on a 0–1 scale: scoreRequests refuses; scoreMatrix used to give 32000.
    const values = Float64Array.of(100, 2, 80, 5);
    const m = issuesOf(() => scoreMatrix({ requestIds: ["A"], criterionIds: ["reach", "impact", "confidence", "effort"], values }, rice));
    expect(m.some((i) => i.path === "values.2" && /outside confidence's scale 0–1/.test(i.message))).toBe(true);
    const r = issuesOf(() => scoreRequests([req("A", { reach: 100, impact: 2, confidence: 80, effort: 5 })], rice, asOf));
    expect(r.some((i) => i.path === "requests.0.ratings.2.value")).toBe(true);
  });

  it("RICE confidenceUnit fraction refuses 80 even without a scale", () => {
    const noScale: ScoringModel = { ...rice, criteria: [{ id: "reach" }, { id: "impact" }, { id: "confidence" }, { id: "effort" }] } as ScoringModel;
    const r = issuesOf(() => scoreRequests([req("A", { reach: 100, impact: 2, confidence: 80, effort: 5 })], noScale, asOf));
    expect(r).toEqual([{ path: "requests.0.ratings.2.value", message: "RICE confidence is a fraction from 0 to 1 (got 80)" }]);
    // The same value is fine as a percent.
    const pct = scoreRequests([req("A", { reach: 100, impact: 2, confidence: 80, effort: 5 })], { ...noScale, confidenceUnit: "percent" } as ScoringModel, asOf);
    // 100 × 2 × 0.8 / 5 = 32
    expect(pct.entries[0]!.score.value?.toFixed()).toBe("32");
  });

  it("WSJF refuses negative components", () => {
    const wsjf: ScoringModel = {
      kind: "wsjf",
      criteria: [{ id: "bv" }, { id: "tc" }, { id: "rr" }, { id: "js" }],
      businessValue: "bv", timeCriticality: "tc", riskReduction: "rr", jobSize: "js",
    };
    const r = issuesOf(() => scoreRequests([req("A", { bv: -3, tc: 2, rr: 1, js: 5 })], wsjf, asOf));
    expect(r).toEqual([{ path: "requests.0.ratings.0.value", message: "WSJF businessValue must not be negative (got -3)" }]);
  });

  it("an open-ended scale (min only) expresses ≥ 0", () => {
    const r = issuesOf(() => scoreRequests([req("A", { reach: -1, impact: 2, confidence: 0.5, effort: 5 })], rice, asOf));
    expect(r.some((i) => i.path === "requests.0.ratings.0.value" && /outside reach's scale minimum 0/.test(i.message))).toBe(true);
    expect(scoreRequests([req("A", { reach: 1_000_000, impact: 2, confidence: 0.5, effort: 5 })], rice, asOf).entries[0]!.status).toBe("scored");
  });
});

describe("issue 16 #3: one error lists every problem", () => {
  const wsjf: ScoringModel = {
    kind: "wsjf",
    criteria: [{ id: "bv", scale: { kind: "numeric", min: 1, max: 10 } }, { id: "tc" }, { id: "rr" }, { id: "js" }],
    businessValue: "bv", timeCriticality: "tc", riskReduction: "rr", jobSize: "js",
  };
  const requests = [
    req("A", { bv: 11, tc: 2, rr: 1, js: 5 }), // scale problem
    req("B", { bv: 5, tc: 2, rr: 1, js: 0 }), // job size ≤ 0 — reported in the same error, not on the next call
    req("C", { bv: 5, tc: 2, rr: 1, js: 2 }),
  ];

  it("scale problems and job size ≤ 0 arrive in the same ValidationError", () => {
    const r = issuesOf(() => scoreRequests(requests, wsjf, asOf));
    expect(r.map((i) => i.path)).toEqual(["requests.0.ratings.0.value", "requests.1.ratings.3.value"]);
  });

  it('onInvalid: "refuse" scores the valid requests and lists the refused ones', () => {
    const board = scoreRequests(requests, wsjf, { ...asOf, onInvalid: "refuse" });
    expect(board.entries.map((e) => e.requestId)).toEqual(["C"]);
    // C alone: (5 + 2 + 1) / 2 = 4 with no normalisation across the batch of one.
    expect(board.refused.map((r) => [r.requestId, r.index, r.issues.map((i) => i.path.join("."))])).toEqual([
      ["A", 0, ["requests.0.ratings.0.value"]],
      ["B", 1, ["requests.1.ratings.3.value"]],
    ]);
    // Without problems nothing is refused.
    expect(scoreRequests([requests[2]!], wsjf, { ...asOf, onInvalid: "refuse" }).refused).toEqual([]);
  });
});

describe("issue 16: max-ratio normalisation on zero or negative values", () => {
  const model = (nonPositive?: "fallback" | "refuse"): ScoringModel => ({
    kind: "weighted-sum",
    criteria: [{ id: "value", normalization: "max-ratio", ...(nonPositive ? { nonPositive } : {}) }],
  });
  const rows = [req("A", { value: 4 }), req("B", { value: 0 }), req("C", { value: -2 })];

  it("falls back by default (benefit: x ≤ 0 scores 0; A = 4/4 = 1)", () => {
    const board = scoreRequests(rows, model(), asOf);
    expect(board.entries.map((e) => `${e.requestId}:${e.score.value?.toFixed()}`)).toEqual(["A:1", "B:0", "C:0"]);
  });

  it('refuses with nonPositive: "refuse", every offending value listed', () => {
    const r = issuesOf(() => scoreRequests(rows, model("refuse"), asOf));
    expect(r.map((i) => i.path)).toEqual(["requests.1.ratings.0.value", "requests.2.ratings.0.value"]);
  });
});

describe("issue 16: plain rows for scoreRequests", () => {
  const model: ScoringModel = {
    kind: "weighted-sum",
    criteria: [
      { id: "value", weight: 2, scale: { kind: "numeric", min: 0, max: 10 } },
      { id: "effort", direction: "cost", scale: { kind: "numeric", min: 1, max: 5 } },
    ],
  };

  it("scores rows exactly as the same requests would be scored", () => {
    const rows = [
      { id: "CRM", ratings: { value: 8, effort: "3" } },
      { id: "WMS", ratings: { value: "5", effort: 1 } },
      { id: "DCX", ratings: { value: 2, effort: 5 } },
    ];
    const fromRows = scoreRows(rows, model, asOf);
    const fromRequests = scoreRequests(
      rows.map((r) => req(r.id, { value: Number(r.ratings.value), effort: Number(r.ratings.effort) })),
      model,
      asOf,
    );
    expect(fromRows.entries.map((e) => `${e.requestId}:${e.score.value?.toFixed()}`)).toEqual(
      fromRequests.entries.map((e) => `${e.requestId}:${e.score.value?.toFixed()}`),
    );
  });

  it("reports problems with paths into the rows", () => {
    const r = issuesOf(() => scoreRows([{ id: "A", ratings: { value: 11, effort: 2 } }, { id: "B", ratings: { value: "1e3", effort: 2 } }], model, asOf));
    expect(r.map((i) => i.path)).toEqual(["rows.1.ratings.value"]);
    const s = issuesOf(() => scoreRows([{ id: "A", ratings: { value: 11, effort: 2 } }], model, asOf));
    expect(s.map((i) => i.path)).toEqual(["rows.0.ratings.value"]);
  });
});

describe("finance audit 4: the NPV rate is compared exactly", () => {
  const model = (rate: string | number): ScoringModel => ({
    kind: "weighted-sum", decimals: 0, criteria: [{ id: "npv", source: { kind: "derived", figure: "npv", rate }, normalization: "none" }],
  });

  it("takes -0.99999999999999999 (> -1; a float reads it as -1) and refuses -1 and below, also written long", () => {
    // A cost of 0 EUR in the as-of year (t = 0) and a benefit of 0.01 EUR (confidence 1) a year later:
    // NPV = 0.01 / (1 + r) = 0.01 / 1e-17 = 1,000,000,000,000,000 exactly.
    const eur = (n: string) => ({ amount: new PmoDecimal(n), currency: "EUR" });
    const r = req("A", {}, {
      estimatedCost: [{ period: "FY2026", amount: eur("0") }],
      benefits: [{ id: "b", confidence: new PmoDecimal(1), amounts: [{ period: "FY2027", amount: eur("0.01") }] }],
    } as never);
    const b = scoreRequests([r], model("-0.99999999999999999"), asOf);
    expect(b.entries[0]!.breakdown[0]!.raw!.toFixed()).toBe("1000000000000000");
    for (const bad of ["-1", "-1.00000000000000000001", "-0001.5", -1, -1e21]) {
      expect(issuesOf(() => scoreRequests([], model(bad), asOf))).toEqual([{ path: "criteria.0.source.rate", message: "rate must be greater than -1" }]);
    }
    // -1e-7 prints as "-1e-7"; 20 nines is still above −1.
    for (const ok of ["-0.99999999999999999999", "-0.5", "-00.99", "0", -0.999, -1e-7]) expect(() => scoreRequests([], model(ok), asOf)).not.toThrow();
  });
});
