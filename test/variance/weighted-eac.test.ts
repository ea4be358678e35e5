import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { earnedValue, rollUpEarnedValue, weightedEac } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * The composite (weighted-index) EAC = AC + (BAC − EV) / (w_CPI · CPI + w_SPI · SPI), on the PRA figures of
 * published-references.test.ts: BAC 100,000, PV 40,000, EV 35,000, AC 63,000; CPI = 35/63 = 0.5556, SPI = 0.875.
 *   80/20: factor = 0.8 × 35/63 + 0.2 × 0.875 = 0.619444…; ETC = 65,000 × 63,000 × 40,000 / (35,000 × (0.8 × 40,000
 *          + 0.2 × 63,000)) = 1.638e14 / 1.561e9 = 104,932.735… → 104,932.74; EAC = 167,932.74; VAC = −67,932.74.
 *   50/50: factor = 0.5 × 0.5556 + 0.5 × 0.875 = 0.715278; ETC = 65,000 × 63,000 × 40,000 / (35,000 × (0.5 × 40,000
 *          + 0.5 × 63,000)) = 1.638e14 / 1.8025e9 = 90,873.786… → 90,873.79; EAC = 153,873.79.
 *   1/0:   EAC₁ = BAC / CPI = 180,000.00, as earnedValue's `eac.cpi`.
 *   0/1:   AC + (BAC − EV) / SPI = 63,000 + 74,285.714… = 137,285.71.
 */
const slices = ["10000.00", "10000.00", "20000.00", "30000.00", "30000.00"].map((a, i) => week(i + 1, a));
const wp = pkg({ id: "A", rule: { type: "percent-complete" }, slices, progress: [{ date: "2027-01-24", percentComplete: "35" }] });
const input = project([wp], [cost("A", "2027-01-07", "9000.00"), cost("A", "2027-01-14", "18000.00"), cost("A", "2027-01-21", "36000.00")]);
const r = earnedValue(input, { statusDate: "2027-01-24" });

describe("weightedEac", () => {
  it("80/20 and 50/50", () => {
    const w = weightedEac(r.figures, { cpi: "0.8", spi: "0.2" });
    expect([show(w.eac), show(w.etc), show(w.vac)]).toEqual(["167932.74", "104932.74", "-67932.74"]);
    expect(show(weightedEac(r.figures, { cpi: 0.5, spi: 0.5 }).eac)).toBe("153873.79");
  });

  it("1/0 is EAC₁ and 0/1 the rest at SPI", () => {
    expect(show(weightedEac(r.figures, { cpi: 1, spi: 0 }).eac)).toBe(show(r.figures.eac.cpi));
    expect(show(weightedEac(r.figures, { cpi: 1, spi: 0 }).eac)).toBe("180000.00");
    expect(show(weightedEac(r.figures, { cpi: "0", spi: "1" }).eac)).toBe("137285.71");
  });

  it("an index with weight that is missing gives its reason; one with weight 0 is not needed", () => {
    const early = earnedValue(input, { statusDate: "2027-01-01" }).figures;
    expect(weightedEac(early, { cpi: 0.8, spi: 0.2 }).eac.reason).toBe("before-start");
    // No actuals yet: CPI ac-is-zero; with CPI's weight 0 the rest at SPI still has a figure.
    const noAc = earnedValue(project([wp], []), { statusDate: "2027-01-24" }).figures;
    expect(weightedEac(noAc, { cpi: 0.8, spi: 0.2 }).etc.reason).toBe("ac-is-zero");
    expect(show(weightedEac(noAc, { cpi: 0, spi: 1 }).eac)).toBe("74285.71"); // 0 + 65,000 / 0.875
    // A net credit: CPI ac-is-negative.
    const credit = earnedValue(project([wp], [cost("A", "2027-01-07", "-10.00")]), { statusDate: "2027-01-24" }).figures;
    expect(weightedEac(credit, { cpi: 0.8, spi: 0.2 }).vac.reason).toBe("ac-is-negative");
  });

  it("nothing earned: ev-is-zero, never a division by zero", () => {
    const zero = pkg({ id: "A", rule: { type: "percent-complete" }, slices, progress: [] });
    const f = earnedValue(project([zero], [cost("A", "2027-01-07", "9000.00")]), { statusDate: "2027-01-24" }).figures;
    expect(weightedEac(f, { cpi: 0.8, spi: 0.2 }).eac.reason).toBe("ev-is-zero");
  });

  it("works on a roll-up's figures", () => {
    const up = rollUpEarnedValue([{ ...r, level: "project" }], { id: "pg", level: "programme" });
    expect(show(weightedEac(up.figures, { cpi: "0.8", spi: "0.2" }).eac)).toBe("167932.74");
  });

  it("weights are checked: decimals ≥ 0 adding up to 1, each problem at its path", () => {
    const issues = (w: unknown) => {
      try { weightedEac(r.figures, w as never); } catch (e) { expect(e).toBeInstanceOf(ValidationError); return (e as ValidationError).issues.map((i) => i.path.join(".")); }
      return [];
    };
    expect(issues({ cpi: "0.8", spi: "0.3" })).toEqual(["weights"]);
    expect(issues({ cpi: "-0.2", spi: "1.2" })).toEqual(["weights.cpi"]);
    expect(issues({ cpi: "abc", spi: null })).toEqual(["weights.cpi", "weights.spi"]);
    expect(() => weightedEac({} as never, { cpi: 1, spi: 0 })).toThrow(ValidationError);
    expect(() => weightedEac(null as never, { cpi: 1, spi: 0 })).toThrow(ValidationError);
  });
});
