import { describe, expect, it } from "vitest";
import { earnedValue, evaluatePortfolio, compileEarnedValue, rollUpPortfolio } from "../../src/variance/index.js";
import { cost, pkg, project, show } from "./fixtures.js";

/*
 * Issue 12 #4, the exact case: one percent-complete package, slice 2025-03-03..03-07 of 1000.00 EUR, an actual of
 * 100.00 on 2025-02-24, status date 2025-02-28 (before the baseline start 2025-03-03).
 * Old answers: CPI = EV / AC = 0 / 100 = 0; TSPI = (PD − ES) / (PD − AT) = (5 − 0) / (5 − 0) = 1;
 * TCPI(EAC) = (BAC − EV) / (EAC₂ − AC) = 1000 / (1100 − 100) = 1. docs/earned-value.md says indices are before-start.
 */
const slice = { start: "2025-03-03", finish: "2025-03-07", amount: { amount: "1000.00", currency: "EUR" } };
const input = () => project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [slice] })], [cost("A", "2025-02-24", "100.00")]);
const INDICES = ["spi", "cpi", "csi", "svPercent", "cvPercent", "tcpiBac", "tcpiEac"] as const;
const SCHEDULE_INDICES = ["spiT", "tspi", "tspiEd", "pFactor"] as const;

describe("issue 12 #4: one before-start rule for every index", () => {
  it("issue 12 #4: CPI, TSPI and TCPI(EAC) before the baseline start are before-start", () => {
    const r = earnedValue(input(), { statusDate: "2025-02-28" });
    expect(r.figures.cpi.reason).toBe("before-start");
    expect(r.schedule.tspi.reason).toBe("before-start");
    expect(r.figures.tcpiEac.reason).toBe("before-start");
  });

  it("issue 12 #4: every index of the project and of the package says before-start; money figures stay", () => {
    const r = earnedValue(input(), { statusDate: "2025-02-28" });
    for (const f of [r.figures, r.packages[0]!.figures]) {
      expect(INDICES.map((k) => f[k].reason)).toEqual(INDICES.map(() => "before-start"));
      // Performance-based forecasts rest on CPI, so they wait too; the budget-rate EAC does not: AC + (BAC − EV) = 1100.
      expect([f.eac.cpi.reason, f.eac.cpiSpi.reason, f.eac.earnedSchedule.reason]).toEqual(["before-start", "before-start", "before-start"]);
      expect([show(f.ac), show(f.ev), show(f.pv), show(f.cv), show(f.eac.budgetRate)]).toEqual(["100.00", "0.00", "0.00", "-100.00", "1100.00"]);
      expect(f.selectedEac.method).toBe("budget-rate");
    }
    expect(SCHEDULE_INDICES.map((k) => r.schedule[k].reason)).toEqual(SCHEDULE_INDICES.map(() => "before-start"));
    expect([r.schedule.ieacT.spiT.reason, r.schedule.ieacT.spiTCpi.reason]).toEqual(["before-start", "before-start"]);
  });

  it("issue 12 #4: the compiled path and the roll-ups follow the same rule", () => {
    const p = evaluatePortfolio([compileEarnedValue(input(), { statusDate: "2025-02-28" })], "2025-02-28");
    expect([p.projects[0]!.figures.cpi.reason, p.projects[0]!.schedule.tspi.reason, p.portfolios[0]!.figures.cpi.reason, p.portfolios[0]!.figures.tcpiEac.reason])
      .toEqual(["before-start", "before-start", "before-start", "before-start"]);
    expect(rollUpPortfolio([earnedValue(input(), { statusDate: "2025-02-28" })]).portfolios[0]!.figures.tcpiBac.reason).toBe("before-start");
  });

  it("from the baseline start on, the indices have figures again: on 2025-03-03 PV = 200, EV 0, AC 100 → SPI 0, CPI 0", () => {
    const r = earnedValue(input(), { statusDate: "2025-03-03" });
    expect([show(r.figures.spi), show(r.figures.cpi)]).toEqual(["0.00", "0.00"]);
    // TCPI(BAC) = (1000 − 0) / (1000 − 100) = 1.1111
    expect(show(r.figures.tcpiBac, 4)).toBe("1.1111");
  });
});
