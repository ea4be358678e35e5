import { describe, expect, it } from "vitest";
import { validationIssues } from "./helpers.js";
import { analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";
import { lognormal, pert, triangular } from "../../src/schedule/risk/distributions.js";
import { Xoshiro128, inverseNormal, normalCdf } from "../../src/schedule/risk/random.js";
import { ranks } from "../../src/schedule/risk/stats.js";

const network = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }, { id: "C", duration: 2 }],
  links: [{ from: "A", to: "B" }],
};

function issues(model: ScheduleRiskModel, options = {}): string[] {
  return validationIssues(() => analyseScheduleRisk(model, options));
}

describe("samplers", () => {
  it("xoshiro128** is deterministic for a seed and uniform on (0, 1)", () => {
    const a = new Xoshiro128(42);
    const b = new Xoshiro128(42);
    const xs = Array.from({ length: 20000 }, () => a.uniform());
    expect(Array.from({ length: 20000 }, () => b.uniform())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Mean 1/2 and variance 1/12 within 4 standard errors.
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / xs.length));
  });
  it("inverse normal and normal CDF agree with published values", () => {
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });
  it("quantile functions: triangular (closed form), PERT (mean (a + 4m + b)/6), lognormal (median mean/√(1 + cv²))", () => {
    const t = triangular(0, 5, 10);
    // F(x) = x²/50 below the mode: u = 0.125 ↔ x = √(0.125 × 50) = 2.5; symmetric, so the median is the mode.
    expect(t(0.125)).toBeCloseTo(2.5, 10);
    expect(t(0.5)).toBeCloseTo(5, 10);
    const p = pert(2, 4, 12, 4);
    let s = 0;
    for (let k = 1; k < 2000; k++) s += p(k / 2000);
    expect(s / 1999).toBeCloseTo((2 + 16 + 12) / 6, 2);
    expect(lognormal(10, 5)(0.5)).toBeCloseTo(10 / Math.sqrt(1.25), 6);
  });
  it("ranks average ties (both the counting and the sorting path)", () => {
    expect(Array.from(ranks([10, 20, 10, 30]))).toEqual([1.5, 3, 1.5, 4]);
    expect(Array.from(ranks([1e9, 5, 1e9, 0]))).toEqual([3.5, 2, 3.5, 1]);
  });
});

describe("analyseScheduleRisk", () => {
  const model: ScheduleRiskModel = {
    network,
    durations: [
      { activityId: "A", distribution: { kind: "triangular", min: 4, mostLikely: 5, max: 10 } },
      { activityId: "C", distribution: { kind: "uniform", min: 1, max: 3 } },
    ],
    riskEvents: [{ id: "R-1", probability: "0.25", impacts: [{ activityId: "B", days: 2, cost: "1000.10" }] }],
    costs: [{ activityId: "A", fixed: "500.05", perDay: "100" }, { activityId: "B", perDay: "0.5" }],
  };
  const r = analyseScheduleRisk(model, { iterations: 3000, seed: 7, targetFinish: "2027-01-14", targetCost: "1200" });
  it("is deterministic for a seed", () => {
    expect(analyseScheduleRisk(model, { iterations: 3000, seed: 7, targetFinish: "2027-01-14", targetCost: "1200" })).toEqual(r);
    expect(analyseScheduleRisk(model, { iterations: 3000, seed: 8 }).meanCost).not.toEqual(r.meanCost);
  });
  it("reports the deterministic plan exactly: A 5 d + B 3 d, cost 500.05 + 5 × 100 + 3 × 0.5 = 1001.55", () => {
    expect(r.deterministicFinish).toBe("2027-01-13");
    expect(r.deterministicCost).toEqual({ amount: expect.anything(), currency: "EUR" });
    expect(r.deterministicCost.amount.toFixed(2)).toBe("1001.55");
  });
  it("percentiles are ordered, P50 not before the deterministic finish (right-skewed A), probabilities consistent", () => {
    const f = r.percentiles.map((p) => p.finish);
    expect([...f].sort()).toEqual(f);
    expect(r.percentiles.map((p) => p.percent)).toEqual([10, 50, 80, 90]);
    expect(f[1]! >= r.deterministicFinish).toBe(true);
    const pf = r.probabilityOfFinish.value!;
    const pc = r.probabilityOfCost.value!;
    const joint = r.jointConfidence.value!;
    expect(joint.lte(pf) && joint.lte(pc)).toBe(true);
    expect(r.histogram.at(-1)?.cumulative.toFixed()).toBe("1");
    expect(r.histogram.reduce((s, b) => s + b.count, 0)).toBe(3000);
  });
  it("criticality, sensitivity and cruciality: C never drives; A and B always critical", () => {
    const by = Object.fromEntries(r.activities.map((a) => [a.id, a]));
    expect(by.A?.criticalityIndex.toFixed()).toBe("1");
    expect(by.B?.criticalityIndex.toFixed()).toBe("1");
    expect(by.C?.criticalityIndex.toFixed()).toBe("0");
    expect(r.tornado[0]?.id).toBe("A");
    expect(by.C?.sensitivity.value?.abs().lt("0.1")).toBe(true);
    expect(r.riskEvents[0]?.occurrence.minus("0.25").abs().lt("0.03")).toBe(true);
    expect(r.method).toContain("xoshiro128**");
  });
  it("an activity without uncertainty has no sensitivity, with a reason", () => {
    const plain = analyseScheduleRisk({ network }, { iterations: 10 });
    expect("value" in plain.activities[0]!.sensitivity).toBe(false);
    expect(plain.activities[0]?.sensitivity).toMatchObject({ reason: "constant-duration" });
    expect(plain.percentiles.every((p) => p.finish === plain.deterministicFinish)).toBe(true);
    expect(plain.probabilityOfFinish).toEqual({ value: undefined, reason: "no-target" });
  });
  it("correlation widens the spread of a chain (A → B, both uncertain)", () => {
    const base: ScheduleRiskModel = {
      network,
      durations: [
        { activityId: "A", distribution: { kind: "pert", min: 2, mostLikely: 5, max: 12 } },
        { activityId: "B", distribution: { kind: "pert", min: 1, mostLikely: 3, max: 9 } },
      ],
    };
    const spread = (m: ScheduleRiskModel) => {
      const q = analyseScheduleRisk(m, { iterations: 4000, seed: 3, percentiles: [5, 95] });
      return Date.parse(q.percentiles[1]!.finish) - Date.parse(q.percentiles[0]!.finish);
    };
    const correlated = spread({ ...base, correlations: [{ between: "A", and: "B", coefficient: "0.9" }] });
    const grouped = spread({ ...base, groups: [{ id: "all", activityIds: ["A", "B"] }] });
    expect(correlated).toBeGreaterThan(spread(base));
    expect(grouped).toBeGreaterThanOrEqual(correlated);
  });
});

describe("bad risk input is a ValidationError with paths", () => {
  it("distributions, events, costs, options", () => {
    expect(
      issues(
        {
          network,
          durations: [
            { activityId: "A", distribution: { kind: "triangular", min: 6, mostLikely: 5, max: 4 } },
            { activityId: "Z", distribution: { kind: "uniform", min: 1, max: 2 } },
            { activityId: "B", distribution: { kind: "lognormal", mean: 0, standardDeviation: 1 } },
          ],
          riskEvents: [{ id: "R", probability: 1.5, impacts: [{ activityId: "C", days: -1 }] }],
        },
        { iterations: 0 },
      ),
    ).toEqual([
      "durations.0.distribution: expected min ≤ mostLikely ≤ max",
      'durations.1.activityId: unknown activity "Z"',
      "durations.2.distribution: a lognormal needs mean > 0 and standardDeviation > 0",
      "riskEvents.0.probability: a probability lies in [0, 1]",
      "riskEvents.0.impacts.0.days: must not be negative",
      "iterations: iterations must be an integer 1–1,000,000",
    ]);
  });
  it("refuses a correlation matrix that is not positive semi-definite, naming the pivot", () => {
    const u = { kind: "uniform" as const, min: 1, max: 2 };
    const out = issues({
      network,
      durations: ["A", "B", "C"].map((activityId) => ({ activityId, distribution: u })),
      correlations: [
        { between: "A", and: "B", coefficient: "0.9" },
        { between: "B", and: "C", coefficient: "0.9" },
        { between: "A", and: "C", coefficient: "-0.9" },
      ],
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^correlations: the correlation matrix is not positive semi-definite \(Cholesky pivot at C/);
  });
});
