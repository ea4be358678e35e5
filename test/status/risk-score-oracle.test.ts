import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, type Risk } from "../../src/index.js";
import { contingencyReserve, expectedMonetaryValue, riskScore, type RiskMatrix } from "../../src/status/index.js";
import { eur, risk } from "./risks.js";

// status22 audit: riskScore and the reserve against the reference (rollout-status-kpi.md §2, "Risk register": score =
// P × I on an ordinal matrix; EMV = P × cost impact; contingency reserve = Σ EMV), written out independently in
// integer thousandths of a probability: band = 1 + the number of band bounds the probability exceeds, score = band ×
// impact, rating from the matrix's thresholds.
const oracleBand = (pThousandths: number, boundsThousandths: readonly number[]) => 1 + boundsThousandths.filter((b) => pThousandths > b).length;
const RANK = { low: 0, medium: 1, high: 2 } as const;
const p = (k: number) => decimal(k).div(1000);

describe("riskScore against the definition (hand-derived)", () => {
  it("the default 5 × 5 matrix at its band edges and thresholds", () => {
    // p 0.1 → band 1 (≤ 0.1); 0.1001 → band 2; 0.7 → band 4; 0.7001 → band 5; p 0 → band 1.
    // 1 × 5 = 5 < 6 low; 2 × 3 = 6 ≥ 6 medium; 3 × 5 = 15 ≥ 15 high; 5 × 2 = 10 medium; 4 × 4 = 16 high.
    const cases: [string, number, number, number, string][] = [
      ["0.1", 5, 1, 5, "low"],
      ["0.1001", 3, 2, 6, "medium"],
      ["0.5", 5, 3, 15, "high"],
      ["0.7001", 2, 5, 10, "medium"],
      ["0.6", 4, 4, 16, "high"],
      ["0", 5, 1, 5, "low"],
      ["1", 5, 5, 25, "high"],
    ];
    for (const [prob, impact, band, score, rating] of cases) {
      expect(riskScore({ id: "R", probability: decimal(prob), impact })).toMatchObject({ probabilityBand: band, score, rating });
    }
  });
});

describe("riskScore against the definition (property, fixed seed)", () => {
  const matrixArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 5 })
    .map((xs) => [...xs.sort((a, b) => a - b), 1000])
    .chain((bounds) => {
      const top = bounds.length * 5;
      return fc.tuple(fc.constant(bounds), fc.integer({ min: 1, max: top - 1 })).chain(([b, m]) => fc.tuple(fc.constant(b), fc.constant(m), fc.integer({ min: m + 1, max: top })));
    });
  it("band, score and rating as written out; monotone in probability and impact", () => {
    fc.assert(
      fc.property(matrixArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), ([bounds, mediumFrom, highFrom], k1, k2, i1, i2) => {
        const matrix: RiskMatrix = { probabilityBands: bounds.map((b) => p(b).toFixed()), mediumFrom, highFrom };
        const band = oracleBand(k1, bounds);
        const score = band * i1;
        const rating = score >= highFrom ? "high" : score >= mediumFrom ? "medium" : "low";
        const got = riskScore({ id: "R", probability: p(k1), impact: i1 }, matrix);
        expect([got.probabilityBand, got.score, got.rating]).toEqual([band, score, rating]);
        // Monotone: more probable and more impactful is never scored or rated lower.
        const [lo, hi] = k1 <= k2 ? [k1, k2] : [k2, k1];
        const [il, ih] = i1 <= i2 ? [i1, i2] : [i2, i1];
        const a = riskScore({ id: "R", probability: p(lo), impact: il }, matrix);
        const b = riskScore({ id: "R", probability: p(hi), impact: ih }, matrix);
        expect(a.score).toBeLessThanOrEqual(b.score);
        expect(RANK[a.rating]).toBeLessThanOrEqual(RANK[b.rating]);
      }),
      { seed: 2222, numRuns: 500 },
    );
  });
});

describe("contingency reserve against Σ EMV (property, fixed seed)", () => {
  it("total = Σ p × cost impact of the pending priced risks, the same in any input order", () => {
    const spec = fc.record({
      k: fc.integer({ min: 0, max: 1000 }),
      // Whole tens of euros, so p (thousandths) × cost is exact in cents; negative = opportunity.
      tens: fc.option(fc.integer({ min: -500, max: 5000 }), { nil: undefined }),
      status: fc.constantFrom("open", "monitoring", "closed", "occurred"),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 8 }), fc.integer({ min: 0, max: 7 }), (specs, rot) => {
        const risks: Risk[] = specs.map((s, i) =>
          risk(`R${i}`, {
            probability: p(s.k).toFixed(),
            impact: 3,
            status: s.status,
            ...(s.tens !== undefined ? { costImpact: eur((s.tens * 10).toFixed(2)) } : {}),
            ...(s.status === "closed" ? { closedOn: "2026-03-01" } : {}),
            ...(s.status === "occurred" ? { occurredOn: "2026-03-01" } : {}),
          }),
        );
        // Oracle in cents: p × cost = k/1000 × tens × 10 € = k × tens cents.
        const pending = specs.filter((s) => s.status === "open" || s.status === "monitoring");
        const cents = pending.reduce((t, s) => t + (s.tens === undefined ? 0 : s.k * s.tens), 0);
        const check = (list: Risk[]) => {
          const r = contingencyReserve(list, { currency: "EUR" });
          expect(r.total.amount.times(100).toNumber()).toBe(cents);
          expect(r.partial).toBe(pending.some((s) => s.tens === undefined));
          expect(r.contributions.map((c) => c.riskId).sort()).toEqual(specs.flatMap((s, i) => (pending.includes(s) && s.tens !== undefined ? [`R${i}`] : [])).sort());
          return r;
        };
        const a = check(risks);
        const k = risks.length === 0 ? 0 : rot % risks.length;
        const b = check([...risks.slice(k), ...risks.slice(0, k)].reverse());
        expect(b.total.amount.eq(a.total.amount)).toBe(true);
        expect([...b.excluded].sort((x, y) => x.riskId.localeCompare(y.riskId))).toEqual([...a.excluded].sort((x, y) => x.riskId.localeCompare(y.riskId)));
        // EMV of each counted risk is p × cost impact.
        for (const c of a.contributions) expect(expectedMonetaryValue(risks.find((r) => r.id === c.riskId)!).value!.amount.eq(c.emv.amount)).toBe(true);
      }),
      { seed: 2222, numRuns: 300 },
    );
  });
});
