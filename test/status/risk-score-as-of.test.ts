import { describe, expect, it } from "vitest";
import { eur, risk } from "./risks.js";
import { decimal, isoDate, isPmoError, type IsoDate } from "../../src/index.js";
import { DEFAULT_RISK_MATRIX, expectedMonetaryValue, riskScore } from "../../src/status/index.js";

// riskScore and expectedMonetaryValue took no as-of day: they always read the current assessment, so a score or EMV
// "as of" an earlier day (a past status report) used today's probability, impact and cost impact. They now take
// `{ asOf }` as the other as-of calculators do and read the assessment in force on that day (`assessments`).
// Default matrix: bands ≤ 0.1, ≤ 0.3, ≤ 0.5, ≤ 0.7, ≤ 1; medium from 6, high from 15.

const on = (day: string) => ({ asOf: isoDate(day) });

// A: p 0.2, impact 2, 10,000.00 EUR until 03-01; since then p 0.8, impact 5, 50,000.00 EUR.
const a = risk("RSK-A", {
  probability: "0.8", impact: 5, costImpact: eur("50000.00"),
  assessments: [{ probability: "0.2", impact: 2, costImpact: eur("10000.00"), reassessedOn: "2026-03-01" }],
});
// T: reassessed twice — p 0.1, impact 1, 1,000.00 until 02-01; p 0.4, impact 3, 5,000.00 until 03-01; now p 0.9, impact 4, 8,000.00.
const t = risk("RSK-T", {
  probability: "0.9", impact: 4, costImpact: eur("8000.00"),
  assessments: [
    { probability: "0.1", impact: 1, costImpact: eur("1000.00"), reassessedOn: "2026-02-01" },
    { probability: "0.4", impact: 3, costImpact: eur("5000.00"), reassessedOn: "2026-03-01" },
  ],
});
// B: no assessment history, p 0.5, impact 3, 20,000.00 EUR, last changed 03-05.
const b = risk("RSK-B", { probability: "0.5", impact: 3, costImpact: eur("20000.00") });
const why = "assessment with no day recorded, known only from 2026-03-05: unknown on 2026-02-15, counted as current";
const amount = (m: { value?: { amount: { toFixed(n: number): string } } }) => m.value?.amount.toFixed(2);

function refusedAt(fn: () => unknown, path: (string | number)[]): void {
  let e: unknown;
  try {
    fn();
  } catch (x) {
    e = x;
  }
  expect(isPmoError(e, "validation")).toBe(true);
  expect((e as { issues: { path: unknown }[] }).issues.map((x) => x.path)).toContainEqual(path);
}

describe("riskScore as of a day reads the assessment in force then", () => {
  it("A on 02-15: p 0.2 → band 2; 2 × impact 2 = 4 < 6 → low (was 25, high, today's values)", () => {
    const s = riskScore(a, DEFAULT_RISK_MATRIX, on("2026-02-15"));
    expect([s.probabilityBand, s.impact, s.score, s.rating]).toEqual([2, 2, 4, "low"]);
    expect(s.explanation).toBe("p 0.2 → band 2; 2 × impact 2 = 4 < 6 → low");
    expect(s.currentAssessmentUsed).toBeUndefined();
  });

  it("A on the reassessment day and without asOf: p 0.8 → band 5; 5 × 5 = 25 ≥ 15 → high", () => {
    expect(riskScore(a, DEFAULT_RISK_MATRIX, on("2026-03-01")).score).toBe(25);
    expect(riskScore(a).score).toBe(25);
    expect(riskScore(a, undefined, {}).score).toBe(25);
  });

  it("T, reassessed twice: 01-20 band 1 × 1 = 1 low; 02-01 band 3 × 3 = 9 medium; 03-01 band 5 × 4 = 20 high", () => {
    const r = (day: string) => riskScore(t, DEFAULT_RISK_MATRIX, on(day));
    expect([r("2026-01-20"), r("2026-02-01"), r("2026-03-01")].map((s) => [s.score, s.rating])).toEqual([[1, "low"], [9, "medium"], [20, "high"]]);
  });

  it("B without history, before its last change: current values (band 3 × 3 = 9), said so in currentAssessmentUsed", () => {
    const s = riskScore(b, DEFAULT_RISK_MATRIX, on("2026-02-15"));
    expect([s.score, s.currentAssessmentUsed]).toEqual([9, why]);
    expect("currentAssessmentUsed" in riskScore(b, DEFAULT_RISK_MATRIX, on("2026-03-05"))).toBe(false);
  });

  it("refuses a day before the risk was raised, a malformed day, and an as-of view of a risk without raisedOn", () => {
    refusedAt(() => riskScore(a, DEFAULT_RISK_MATRIX, on("2026-01-09")), ["asOf"]);
    refusedAt(() => riskScore(a, DEFAULT_RISK_MATRIX, { asOf: "2026-02-30" as IsoDate }), ["asOf"]);
    refusedAt(() => riskScore({ id: "RSK-P", probability: decimal("0.5"), impact: 3 }, DEFAULT_RISK_MATRIX, on("2026-02-15")), ["risk", "raisedOn"]);
  });
});

describe("expectedMonetaryValue as of a day reads the assessment in force then", () => {
  it("A: 0.2 × 10,000.00 = 2,000.00 EUR on 02-15 (was 40,000.00); 0.8 × 50,000.00 = 40,000.00 on 03-01 and without asOf", () => {
    expect(amount(expectedMonetaryValue(a, on("2026-02-15")))).toBe("2000.00");
    expect(amount(expectedMonetaryValue(a, on("2026-03-01")))).toBe("40000.00");
    expect(amount(expectedMonetaryValue(a))).toBe("40000.00");
  });

  it("T: 0.1 × 1,000.00 = 100.00 on 01-20; 0.4 × 5,000.00 = 2,000.00 on 02-01; 0.9 × 8,000.00 = 7,200.00 on 03-01", () => {
    expect(["2026-01-20", "2026-02-01", "2026-03-01"].map((d) => amount(expectedMonetaryValue(t, on(d))))).toEqual(["100.00", "2000.00", "7200.00"]);
  });

  it("an assessment without a cost impact then: no-cost-impact, although it is priced now", () => {
    const u = risk("RSK-U", { probability: "0.8", impact: 5, costImpact: eur("50000.00"), assessments: [{ probability: "0.3", impact: 2, reassessedOn: "2026-03-01" }] });
    expect(expectedMonetaryValue(u, on("2026-02-15"))).toEqual({ reason: "no-cost-impact" });
  });

  it("B without history, before its last change: 0.5 × 20,000.00 = 10,000.00 on current values, said so", () => {
    const m = expectedMonetaryValue(b, on("2026-02-15"));
    expect([amount(m), m.currentAssessmentUsed]).toEqual(["10000.00", why]);
    expect("currentAssessmentUsed" in expectedMonetaryValue(b, on("2026-03-05"))).toBe(false);
  });

  it("before the risk was raised there is no EMV: not-yet-raised (was 40,000.00)", () => {
    expect(expectedMonetaryValue(a, on("2026-01-09"))).toEqual({ reason: "not-yet-raised" });
    refusedAt(() => expectedMonetaryValue(a, { asOf: "15/02/2026" as IsoDate }), ["asOf"]);
  });
});
