// gates21 audit: ragStatus's highRiskProbability took only a string ("0.5"), where every other decimal input of the
// status and KPI calculators (an SLO, a tolerance, evidence facts) takes a decimal string or a finite number: 0.5 was
// refused. It now takes either, read as the decimal its shortest printed form names (0.1 is 0.1).
import { describe, expect, it } from "vitest";
import { decimal, isoDate, metric } from "../../src/index.js";
import { ragStatus } from "../../src/status/index.js";
import { issuesOf } from "../support/errors.js";
import { risk } from "./risks.js";

const asOf = isoDate("2026-11-20");
const figures = { spi: metric(decimal("1")), cpi: metric(decimal("1")) };
// Pending risks with probability 0.5 and 0.4: high from 0.5 is one of them.
const project = { id: "P", risks: [risk("r-05", { probability: "0.5", impact: 3 }), risk("r-04", { probability: "0.4", impact: 3 })] };

describe("ragStatus highRiskProbability takes a decimal as the other calculators do", () => {
  it("0.5 as a number was a ValidationError; now one high risk, as with \"0.5\" (amber)", () => {
    for (const p of [0.5, "0.5", decimal("0.5")]) {
      const s = ragStatus(project, { asOf, figures, highRiskProbability: p });
      expect(s.derived["highRisksPending"]?.from).toEqual(["r-05"]);
      expect(s.dimensions.find((d) => d.dimension === "risks-and-issues")?.colour).toBe("amber");
    }
  });

  it("outside 0–1, NaN or an exponent string is still refused at [highRiskProbability]", () => {
    for (const p of [1.5, -0.1, Number.NaN, "5e-1"]) {
      expect(issuesOf(() => ragStatus(project, { asOf, figures, highRiskProbability: p as never })).map(([path]) => path)).toEqual(["highRiskProbability"]);
    }
  });
});
