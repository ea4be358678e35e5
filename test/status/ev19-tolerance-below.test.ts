import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, decodeRagRules, isoDate, metric, ragStatus, type RagRuleInput } from "../../src/index.js";

/*
 * PRINCE2 sets a tolerance as the permissible deviation *above and below* a plan's target, and the two sides may
 * differ (a cost tolerance of +10 % / −5 %: an underspend ties up funds and also calls for a re-forecast). With sides
 * "above" and "both" only, the under side alone could not be rated (a custom figure had to be supplied negated).
 * `sides: "below"` reads the deviation below the target, −figure: red when figure < −tolerance, amber from
 * −amberShare × tolerance. Two rules on one figure give an asymmetric tolerance.
 */
const over: RagRuleInput = { id: "cost-over", dimension: "cost", kind: "tolerance", figure: "costDeviationPercent", tolerance: "10", amberShare: "0.8" };
const under: RagRuleInput = { id: "cost-under", dimension: "cost", kind: "tolerance", figure: "costDeviationPercent", tolerance: "5", amberShare: "0.8", sides: "below" };
const rate = (v: string, rules: RagRuleInput[] = [over, under]) =>
  ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), rules, figures: { custom: { costDeviationPercent: metric(decimal(v)) } }, minimumRatedDimensions: 1 }).dimensions[0]!;

describe("tolerance rules: sides \"below\" (the deviation under the target)", () => {
  it("decodes: \"above\", \"below\" and \"both\" are the three sides", () => {
    expect(decodeRagRules([under], ["costDeviationPercent"])[0]).toMatchObject({ sides: "below" });
  });

  it("+10 % / −5 %: −6 % is red by the under side, −4 % amber (≥ 0.8 × 5 = 4), −3 % green, +9 % amber by the over side", () => {
    // under: −(−6) = 6 > 5 → red; −(−4) = 4 ≥ 4 and ≤ 5 → amber; 3 < 4 → green. over: 9 ≥ 8 → amber.
    const d = rate("-6");
    expect([d.colour, d.rules.map((r) => r.colour)]).toEqual(["red", ["green", "red"]]);
    expect(d.rules[1]!.rule).toBe("-costDeviationPercent > 5 red; ≥ 4 amber; below green");
    expect(d.rules[1]!.explanation).toBe("-costDeviationPercent 6 > 5 → red");
    expect(d.rules[1]!.figures).toEqual({ costDeviationPercent: "-6" });
    expect(rate("-4").rules.map((r) => r.colour)).toEqual(["green", "amber"]);
    expect(rate("-3").colour).toBe("green");
    expect(rate("9").rules.map((r) => r.colour)).toEqual(["amber", "green"]);
    // An overrun is never rated by the under side: +50 % is green there (red by the over side).
    expect(rate("50").rules.map((r) => r.colour)).toEqual(["red", "green"]);
  });
});

describe("property: under sides \"below\" a lower figure is never a better colour; above it never a worse one", () => {
  it("monotone in the figure, mirror of \"above\"", () => {
    const rank = { green: 0, amber: 1, red: 2 } as const;
    const hundredths = fc.integer({ min: -2000, max: 2000 }).map((n) => decimal(n).div(100));
    fc.assert(fc.property(hundredths, hundredths, (a, b) => {
      const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
      const c = (v: typeof a, rule: RagRuleInput) => rank[rate(v.toFixed(), [rule]).colour!];
      expect(c(lo, under)).toBeGreaterThanOrEqual(c(hi, under));
      expect(c(hi, over)).toBeGreaterThanOrEqual(c(lo, over));
      // "below" on v is "above" on −v.
      expect(c(lo, under)).toBe(c(lo.neg(), { ...under, sides: "above" }));
    }), { numRuns: 200 });
  });
});
