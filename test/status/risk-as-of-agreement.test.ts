import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Risk } from "../../src/index.js";
import { DEFAULT_RAG_RULES, DEFAULT_RISK_MATRIX, contingencyReserve, expectedMonetaryValue, ragStatus, riskScore } from "../../src/status/index.js";

// The as-of views of one risk agree: riskScore(…, { asOf }) rates a pending risk high exactly when ragStatus's
// `highRisk: "score"` counts it, and expectedMonetaryValue(…, { asOf }) is its contribution to contingencyReserve
// (or its no-cost-impact exclusion), with the same currentAssessmentUsed words.

const day = (n: number) => isoDate(`2026-0${1 + Math.floor(n / 28)}-${String(1 + (n % 28)).padStart(2, "0")}`);
const p = fc.integer({ min: 0, max: 10 }).map((n) => (n / 10).toFixed(1));
const assessment = fc.record({ probability: p, impact: fc.integer({ min: 1, max: 5 }), cost: fc.option(fc.integer({ min: -5000, max: 90000 }), { nil: undefined }) });
const riskArb = fc.record({
  now: assessment,
  history: fc.option(fc.array(fc.tuple(assessment, fc.integer({ min: 1, max: 150 })), { maxLength: 3 }), { nil: undefined }),
  updated: fc.integer({ min: 0, max: 160 }),
});

type Assessment = { probability: string; impact: number; cost: number | undefined };
function build({ now, history, updated }: { now: Assessment; history: [Assessment, number][] | undefined; updated: number }): Risk {
  const eur = (c: number | undefined) => (c === undefined ? {} : { costImpact: { amount: `${c}.00`, currency: "EUR" } });
  const days = (history ?? []).map(([, d]) => d).sort((x, y) => x - y);
  return decodeEntity("risk", {
    id: "RSK-1", version: 2, createdAt: "2026-01-01T09:00:00.000Z", updatedAt: `${day(updated)}T09:00:00.000Z`, projectId: "P",
    title: "t", ownerId: "o", response: "mitigate", mitigation: "m", status: "open", raisedOn: "2026-01-01",
    probability: now.probability, impact: now.impact, ...eur(now.cost),
    ...(history && { assessments: history.map(([a], i) => ({ probability: a.probability, impact: a.impact, ...eur(a.cost), reassessedOn: day(days[i]!) })) }),
  }) as Risk;
}

describe("the as-of views of a risk agree", () => {
  it("riskScore(…, { asOf }) high ⇔ counted by ragStatus highRisk score; EMV(…, { asOf }) = its reserve contribution", () => {
    const rules = DEFAULT_RAG_RULES.filter((r) => r.id === "risks-high");
    fc.assert(
      fc.property(riskArb, fc.integer({ min: 0, max: 160 }), (input, n) => {
        const r = build(input);
        const asOf = day(n);
        const s = riskScore(r, DEFAULT_RISK_MATRIX, { asOf });
        const rag = ragStatus({ id: "P", risks: [r] }, { asOf, rules, highRisk: "score" }).derived["highRisksPending"]!;
        expect(rag.from.includes("RSK-1")).toBe(s.rating === "high");
        const emv = expectedMonetaryValue(r, { asOf });
        const reserve = contingencyReserve([r], { currency: "EUR", asOf });
        if (emv.value === undefined) expect(reserve.excluded).toEqual([{ riskId: "RSK-1", reason: emv.reason }]);
        else expect(reserve.contributions.map((c) => c.emv.amount.toFixed())).toEqual([emv.value.amount.toFixed()]);
        expect(reserve.currentAssessmentUsed.map((x) => x.why)).toEqual(emv.currentAssessmentUsed ? [emv.currentAssessmentUsed] : []);
        expect(s.currentAssessmentUsed).toBe(emv.currentAssessmentUsed);
      }),
      { numRuns: 300, seed: 13 },
    );
  });
});
