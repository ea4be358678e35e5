import { describe, expect, it } from "vitest";
import { decimal } from "../../src/core/index.js";
import { coverageHeatMapChart } from "../../src/reports/charts/heat-map.js";
import { efficientFrontierChart } from "../../src/reports/charts/frontier.js";
import { tornadoChart } from "../../src/reports/charts/tornado.js";

/*
 * Charts draw in floats (pixel positions), but the figures they print come from exact Decimals. These used to be
 * printed or chosen through a double: a Decimal 0.615 is the double 0.61499999…, so `toFixed(2)` printed 0.61.
 */

describe("printed chart figures are rounded from the exact Decimal", () => {
  it("tornado: a Decimal 0.615 prints 0.62 (was 0.61)", () => {
    // 0.615 to two decimals: the dropped digit is exactly 5 and the kept 1 is odd, so half-even and half-up both give 0.62.
    const svg = tornadoChart({ title: "T", bars: [{ label: "A", value: decimal("0.615") }] });
    expect(svg).toContain("<title>A: 0.62</title>");
    expect(svg).not.toContain("0.61");
  });

  it("heat map: a Decimal share 0.285 prints 29% (was 28%); 0.99999999999999999999 is not fully covered (was counted)", () => {
    // 0.285 × 100 = 28.5 exactly, which Math.round-style rounding (half up) makes 29 %; as a double it is 28.4999…, so 28 %.
    // 0.99999999999999999999 < 1, but its double is 1: the description counted it as fully covered.
    const svg = coverageHeatMapChart({ title: "H", rows: ["R"], columns: ["a", "b"], cells: [[{ value: decimal("0.285") }, { value: decimal("0.99999999999999999999") }]] });
    expect(svg).toContain(">29%</text>");
    expect(svg).toContain("0 fully covered");
  });

  it("frontier: the best value named in the description is the exact maximum (was the first of two equal doubles)", () => {
    // 1 and 1.00000000000000001 are the same double; the best value is 1.00000000000000001.
    const pts = [{ cost: decimal("1"), value: decimal("1") }, { cost: decimal("2"), value: decimal("1.00000000000000001") }];
    const svg = efficientFrontierChart({ title: "F", frontier: pts, ranking: pts });
    expect(svg).toContain("best value 1.00000000000000001");
    expect(svg).not.toContain("best value 1)");
  });
});
