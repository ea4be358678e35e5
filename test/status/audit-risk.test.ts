import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimal, decodeEntity, isoDate, money, PmoDecimal, ValidationError, type Risk } from "../../src/index.js";
import { contingencyReserve, expectedMonetaryValue, riskScore } from "../../src/status/index.js";

// Audit of the risk matrix, EMV and contingency reserve (status layer). Each case is derived by hand in its comment.

const at = "2026-01-05T09:00:00.000Z";
function risk(id: string, probability: string, amount: string | undefined, extra: Record<string, unknown> = {}): Risk {
  return decodeEntity("risk", {
    id, version: 1, createdAt: at, updatedAt: at, projectId: "PRJ-A", title: `risk ${id}`, probability, impact: 3,
    ownerId: "p-owner", response: "mitigate", mitigation: "plan", status: "open", raisedOn: "2026-01-05",
    ...(amount !== undefined ? { costImpact: { amount, currency: "EUR" } } : {}), ...extra,
  }) as Risk;
}

function issuesOf(f: () => unknown): readonly { path: readonly (string | number)[] }[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues;
  }
  throw new Error("expected a ValidationError");
}

describe("riskScore refuses what the 1–5 impact scale cannot hold", () => {
  it("an impact outside 1–5 is a ValidationError at risk.impact, not a score", () => {
    // Before: impact 7 at p 0.5 scored 3 × 7 = 21 "high"; impact 0 scored 0 "low"; impact −3 at p 0.9 scored −15 "low".
    for (const impact of [0, 6, 7, -3]) {
      expect(issuesOf(() => riskScore({ id: "R", probability: decimal("0.5"), impact }))[0]!.path).toEqual(["risk", "impact"]);
    }
    // The scale's ends still score: p 0.5 → band 3; 3 × 1 = 3 low, 3 × 5 = 15 high (15 ≥ highFrom 15).
    expect(riskScore({ id: "R", probability: decimal("0.5"), impact: 1 })).toMatchObject({ score: 3, rating: "low" });
    expect(riskScore({ id: "R", probability: decimal("0.5"), impact: 5 })).toMatchObject({ score: 15, rating: "high" });
  });

  it("a NaN probability is refused at risk.probability (it fell in band 0 before)", () => {
    expect(issuesOf(() => riskScore({ id: "R", probability: new PmoDecimal(NaN), impact: 3 }))[0]!.path).toEqual(["risk", "probability"]);
    expect(issuesOf(() => expectedMonetaryValue({ probability: new PmoDecimal(NaN), costImpact: money("100.00", "EUR") }))[0]!.path).toEqual(["risk", "probability"]);
  });
});

describe("contingencyReserve counts each risk once", () => {
  it("a risk listed twice is a ValidationError at its second position, not a doubled reserve", () => {
    // Before: [R1, R1] with 0.5 × 1,000.00 gave 1,000.00 instead of 500.00.
    const r1 = risk("R1", "0.5", "1000.00");
    expect(issuesOf(() => contingencyReserve([r1, risk("R2", "0.1", "10.00"), r1], { currency: "EUR" }))[0]!.path).toEqual(["risks", 2, "id"]);
    expect(contingencyReserve([r1], { currency: "EUR" }).total).toEqual(money("500.00", "EUR"));
  });

  it("as of a day: raised and closed the same day never counted; closed after asOf still counts", () => {
    // R1 raised 01-05 closed 01-05: not pending on 01-05. R2 closed 01-20: pending on 01-10 → 0.2 × 300 = 60.
    const r1 = risk("R1", "0.5", "1000.00", { status: "closed", closedOn: "2026-01-05" });
    const r2 = risk("R2", "0.2", "300.00", { status: "closed", closedOn: "2026-01-20" });
    const res = contingencyReserve([r1, r2], { currency: "EUR", asOf: isoDate("2026-01-05") });
    expect(res.total).toEqual(money("60.00", "EUR"));
    expect(res.excluded).toEqual([{ riskId: "R1", reason: "closed" }]);
  });

  it("Σ EMV is additive over any split of distinct risks, and independent of their order", () => {
    const arb = fc.uniqueArray(
      fc.record({ p: fc.integer({ min: 0, max: 100 }), cents: fc.integer({ min: -5_000_000, max: 5_000_000 }), left: fc.boolean() }),
      { minLength: 1, maxLength: 12, selector: (x) => `${x.p}/${x.cents}` },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const risks = rows.map((x, i) => risk(`R${i}`, decimal(x.p).div(100).toString(), decimal(x.cents).div(100).toFixed(2)));
        const whole = contingencyReserve(risks, { currency: "EUR" }).total.amount;
        const a = contingencyReserve(risks.filter((_, i) => rows[i]!.left), { currency: "EUR" }).total.amount;
        const b = contingencyReserve(risks.filter((_, i) => !rows[i]!.left), { currency: "EUR" }).total.amount;
        expect(a.plus(b).eq(whole)).toBe(true);
        expect(contingencyReserve([...risks].reverse(), { currency: "EUR" }).total.amount.eq(whole)).toBe(true);
        // Σ p × c computed in integer cents × percent, then scaled: exact.
        const expected = decimal(rows.reduce((s, x) => s + x.p * x.cents, 0)).div(10_000);
        expect(whole.eq(expected)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe("riskScore: a matrix whose bands cannot hold a probability is refused", () => {
  it("a band bound below 0 holds no probability and shifted every band number", () => {
    // Before: bands ["-1", "1"] put p 0 in band 2 (the top band): 2 × 3 = 6 → high with highFrom 3.
    const matrix = { probabilityBands: ["-1", "1"], mediumFrom: 2, highFrom: 3 };
    expect(issuesOf(() => riskScore({ id: "R", probability: decimal("0"), impact: 3 }, matrix))[0]!.path).toEqual(["probabilityBands", 0]);
  });

  it("a bad mediumFrom is reported at mediumFrom, a bad highFrom at highFrom", () => {
    const p = { id: "R", probability: decimal("0.5"), impact: 3 };
    expect(issuesOf(() => riskScore(p, { probabilityBands: ["1"], mediumFrom: 0, highFrom: 15 }))[0]!.path).toEqual(["mediumFrom"]);
    expect(issuesOf(() => riskScore(p, { probabilityBands: ["1"], mediumFrom: 6, highFrom: 6 }))[0]!.path).toEqual(["highFrom"]);
  });
});

describe("contingencyReserve says when it is partial", () => {
  // Hand-derived. Pending: R1 0.4 × 50,000.00 = 20,000.00; R2 an opportunity, 0.1 × −10,000.00 = −1,000.00;
  // R3 open with no cost impact (its EMV is unknown). R4 closed, also without a cost impact. The reserve of the priced
  // pending risks is 20,000.00 − 1,000.00 = 19,000.00, but the full reserve is unknown while R3 has no figure: the
  // result says so with `partial: true` (it read as the full reserve before). R4 is rightly out (closed): it never
  // makes the reserve partial.
  const r1 = risk("R1", "0.4", "50000.00");
  const r2 = risk("R2", "0.1", "-10000.00");
  const r3 = risk("R3", "0.7", undefined, { raisedOn: "2026-02-01" });
  const r4 = risk("R4", "0.5", undefined, { status: "closed", closedOn: "2026-01-20" });

  it("a pending risk without a cost impact makes the total partial", () => {
    const res = contingencyReserve([r1, r2, r3, r4], { currency: "EUR" });
    expect(res.total).toEqual(money("19000.00", "EUR"));
    expect(res.excluded).toEqual([{ riskId: "R3", reason: "no-cost-impact" }, { riskId: "R4", reason: "closed" }]);
    expect(res.partial).toBe(true);
  });

  it("every pending risk priced: the total is the full reserve (partial false), whatever is closed or not yet raised", () => {
    expect(contingencyReserve([r1, r2, r4], { currency: "EUR" })).toMatchObject({ total: money("19000.00", "EUR"), partial: false });
    // As of 2026-01-10, R3 (raised 02-01) did not exist and R4 (closed 01-20) was pending but unpriced: partial.
    const jan10 = contingencyReserve([r1, r2, r3, r4], { currency: "EUR", asOf: isoDate("2026-01-10") });
    expect(jan10.excluded).toEqual([{ riskId: "R3", reason: "not-yet-raised" }, { riskId: "R4", reason: "no-cost-impact" }]);
    expect(jan10.partial).toBe(true);
    // As of 2026-01-25, R4 is closed and R3 still not raised: every pending risk is priced.
    expect(contingencyReserve([r1, r2, r3, r4], { currency: "EUR", asOf: isoDate("2026-01-25") })).toMatchObject({ total: money("19000.00", "EUR"), partial: false });
    // Nothing pending: an empty reserve is complete, not partial.
    expect(contingencyReserve([], { currency: "EUR" })).toMatchObject({ total: money("0.00", "EUR"), partial: false });
  });
});

describe("riskScore: a rating threshold the matrix cannot reach is refused", () => {
  // The highest score on a matrix is (number of bands) × 5 (the top impact). A threshold above it can never be met:
  // no risk would ever rate high (or medium), whatever the register holds — as a highRiskProbability above 1 made
  // the RAG risk rule green. Before: 5 bands with highFrom 26 rated p 1 × impact 5 = 25 "medium", the matrix's
  // worst cell; 3 bands (max 3 × 5 = 15) with mediumFrom 16, highFrom 20 rated the worst cell "low".
  const worst = { id: "R", probability: decimal("1"), impact: 5 };
  it("highFrom above bands × 5 is a ValidationError at highFrom", () => {
    const issues = issuesOf(() => riskScore(worst, { probabilityBands: ["0.1", "0.3", "0.5", "0.7", "1"], mediumFrom: 6, highFrom: 26 }));
    expect(issues.map((i) => i.path)).toEqual([["highFrom"]]);
  });

  it("mediumFrom above bands × 5 is a ValidationError at mediumFrom", () => {
    const issues = issuesOf(() => riskScore(worst, { probabilityBands: ["0.2", "0.6", "1"], mediumFrom: 16, highFrom: 20 }));
    expect(issues.map((i) => i.path)).toEqual([["mediumFrom"], ["highFrom"]]);
  });

  it("thresholds at the top cell still rate: 3 bands, highFrom 15 → p 1 × impact 5 = 15 high; 14 → band 3 × 4 = 12 medium", () => {
    const m = { probabilityBands: ["0.2", "0.6", "1"], mediumFrom: 8, highFrom: 15 };
    expect(riskScore(worst, m)).toMatchObject({ probabilityBand: 3, score: 15, rating: "high" });
    expect(riskScore({ id: "R", probability: decimal("0.61"), impact: 4 }, m)).toMatchObject({ probabilityBand: 3, score: 12, rating: "medium" });
  });
});

describe("contingencyReserve against a published worked example", () => {
  it("five risks (three threats, two opportunities): net reserve 13,375.00", () => {
    // The textbook exercise (brainmass.com/business/business-management/482750, "net expected value … contingency
    // reserve"): 30 % × 50,000 delay; 20 % resources 10,000 cheaper; 25 % × 3,500 integration fix; 30 % development
    // simpler, saving 2,500; 5 % × 5,000 rework. Threats add to the reserve, opportunities reduce it:
    // 15,000 − 2,000 + 875 − 750 + 250 = 13,375.
    const risks = [
      risk("R1", "0.30", "50000.00"), risk("R2", "0.20", "-10000.00"), risk("R3", "0.25", "3500.00"),
      risk("R4", "0.30", "-2500.00"), risk("R5", "0.05", "5000.00"),
    ];
    const res = contingencyReserve(risks, { currency: "EUR" });
    expect(res.contributions.map((c) => c.emv.amount.toFixed(2))).toEqual(["15000.00", "-2000.00", "875.00", "-750.00", "250.00"]);
    expect(res.total.amount.toFixed(2)).toBe("13375.00");
    expect(res.partial).toBe(false);
    // Given as percent, the probability is refused rather than read as 3,000 %.
    expect(issuesOf(() => expectedMonetaryValue({ probability: decimal("30"), costImpact: money("50000.00", "EUR") }))[0]!.path).toEqual(["risk", "probability"]);
  });
});
