import { describe, expect, it } from "vitest";
import { ValidationError, analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";

/*
 * What a correlation coefficient means. @RISK, Crystal Ball and Primavera Risk Analysis take a coefficient as a
 * Spearman rank correlation (Iman–Conover); pmokit's Gaussian copula took it as the correlation r of the latent
 * normals, whose rank correlation is ρs = (6/π)·asin(r/2) (Pearson 1907; Kruskal 1958): 0.7 → 0.6829, 0.5 → 0.4826.
 * `correlationMeasure: "spearman"` converts a rank coefficient to the copula's r = 2·sin(π·ρs/6) (0.7 → 0.7167).
 *
 * How it is observed: A (uniform 200–300 days) and B (uniform 0–100 days) run in parallel, so the project duration is
 * A's in every iteration and B's sensitivity — the Spearman correlation of B's duration with the project's — is the
 * sample rank correlation of A's and B's durations (monotone in their uniforms; minute rounding leaves ≈ 48,000
 * distinct values per activity, ties negligible).
 *
 * Tolerance from the sample size, not tuned: the Fisher-z standard error of a sample Spearman is √(1.06/(N − 3))
 * (Fieller, Hartley & Pearson 1957); on the ρ scale × (1 − ρ²). N = 50,000, ρ = 0.7: 0.0046 × 0.51 = 0.0024; the
 * band is 4 SE = 0.0094 — less than the 0.0171 between the two conventions, so the test tells them apart. The seed is
 * fixed, so the figure cannot change from run to run.
 */
const N = 50_000;
const model = (coefficient: string): ScheduleRiskModel => ({
  network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 250 }, { id: "B", duration: 50 }] },
  durations: [
    { activityId: "A", distribution: { kind: "uniform", min: 200, max: 300 } },
    { activityId: "B", distribution: { kind: "uniform", min: 0, max: 100 } },
  ],
  correlations: [{ between: "A", and: "B", coefficient }],
});
const rankOfB = (r: ReturnType<typeof analyseScheduleRisk>) => Number(r.activities.find((a) => a.id === "B")?.sensitivity.value);
const tol = 4 * Math.sqrt(1.06 / (N - 3)) * (1 - 0.7 * 0.7);

describe("analyseScheduleRisk: correlationMeasure", () => {
  it('"spearman": a coefficient of 0.7 gives a rank correlation of 0.7 (± 4 SE)', () => {
    const r = analyseScheduleRisk(model("0.7"), { iterations: N, seed: 11, correlationMeasure: "spearman" });
    expect(Math.abs(rankOfB(r) - 0.7)).toBeLessThan(tol);
    expect(r.conventions.correlationMeasure).toBe("spearman");
    expect(r.method).toContain("Spearman");
  });

  it('"latent-normal" (default, as before): 0.7 gives a rank correlation of (6/π)·asin(0.35) = 0.6829 (± 4 SE)', () => {
    const r = analyseScheduleRisk(model("0.7"), { iterations: N, seed: 11 });
    const expected = (6 / Math.PI) * Math.asin(0.35);
    expect(Math.abs(rankOfB(r) - expected)).toBeLessThan(tol);
    expect(Math.abs(rankOfB(r) - 0.7)).toBeGreaterThan(tol); // the two conventions differ visibly
    expect(r.conventions.correlationMeasure).toBe("latent-normal");
  });

  it("a negative rank coefficient converts by the odd function 2·sin(π·ρs/6): −0.7 gives −0.7 (± 4 SE)", () => {
    const r = analyseScheduleRisk(model("-0.7"), { iterations: N, seed: 12, correlationMeasure: "spearman" });
    expect(Math.abs(rankOfB(r) + 0.7)).toBeLessThan(tol);
  });

  it("±1 stays ±1 (2·sin(π/6) = 1): the same quantile for both, rank correlation 1", () => {
    const r = analyseScheduleRisk(model("1"), { iterations: 2000, seed: 3, correlationMeasure: "spearman" });
    expect(rankOfB(r)).toBeGreaterThan(0.9999);
  });

  it("an unknown measure is refused at correlationMeasure", () => {
    let paths: string[] = [];
    try {
      analyseScheduleRisk(model("0.7"), { iterations: 10, correlationMeasure: "pearson" as never });
    } catch (e) {
      if (e instanceof ValidationError) paths = e.issues.map((i) => i.path.join("."));
    }
    expect(paths).toEqual(["correlationMeasure"]);
  });
});
