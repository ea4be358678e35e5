import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Earned-value audit 13, item 5: the figures published-references.test.ts does not check on the PRA example (P. Govan,
 * PRA reference pages: BAC 100,000, cumulative PV 10/20/40/70/100 % over five periods, status at the end of period 3,
 * EV 35,000, AC 63,000), derived by hand with the PMBOK/PMI Practice Standard formulas (CSI, EAC = BAC / CPI,
 * EAC = AC + (BAC − EV) / (CPI · SPI), CV%, SV%) and Lipke's earned schedule in periods (ES, SPI(t), IEAC(t) for
 * PF = 1, SPI(t) and SPI(t) · CPI, TSPI, and the hybrid EAC = AC + (BAC − EV) / (CPI · SPI(t))). Every figure agreed.
 */

describe("[PRA] forecasts and earned schedule by the published formulas", () => {
  const slices = ["10000.00", "10000.00", "20000.00", "30000.00", "30000.00"].map((a, i) => week(i + 1, a));
  const wp = pkg({ id: "A", rule: { type: "percent-complete" }, slices, progress: [{ date: "2027-01-24", percentComplete: "35" }] });
  const input = project([wp], [cost("A", "2027-01-07", "9000.00"), cost("A", "2027-01-14", "18000.00"), cost("A", "2027-01-21", "36000.00")]);
  const r = earnedValue(input, { statusDate: "2027-01-24", policy: { timeUnit: "periods" } });

  it("cost: CSI 0.4861, EAC 180,000.00 and 196,714.29, VAC −80,000.00, CV% −80, SV% −12.5", () => {
    // CPI = 35/63 = 0.5556, SPI = 35/40 = 0.875, CSI = 0.4861; EAC₁ = 100,000 / (35/63) = 180,000;
    // EAC₃ = 63,000 + 65,000 / (0.5556 × 0.875) = 63,000 + 133,714.29; CV% = −28,000 / 35,000; SV% = −5,000 / 40,000.
    const f = r.figures;
    expect([show(f.csi, 4), show(f.eac.cpi), show(f.eac.cpiSpi), show(f.vac.cpi), show(f.cvPercent), show(f.svPercent)])
      .toEqual(["0.4861", "180000.00", "196714.29", "-80000.00", "-80.00", "-12.50"]);
  });

  it("schedule: ES 2.75, SPI(t) 0.9167, IEAC(t) 5.25 / 5.4545 / 7.4182, TSPI 1.125, EAC₅ 190,636.36", () => {
    // C = 2 (PV 20,000 ≤ 35,000 < 40,000): ES = 2 + 15,000 / 20,000 = 2.75; AT = 3; SPI(t) = 11/12.
    // IEAC(t): PF 1: 3 + (5 − 2.75) = 5.25; PF SPI(t): 5 / (11/12) = 5.4545; PF SPI(t) · CPI: 3 + 2.25 / (11/12 × 5/9) = 7.4182.
    // TSPI = (5 − 2.75) / (5 − 3) = 1.125. EAC₅ = 63,000 + 65,000 / (5/9 × 11/12) = 63,000 + 127,636.36.
    const s = r.schedule;
    expect([show(s.es), show(s.spiT, 4), show(s.ieacT.planned, 4), show(s.ieacT.spiT, 4), show(s.ieacT.spiTCpi, 4), show(s.tspi, 3), show(r.figures.eac.earnedSchedule)])
      .toEqual(["2.75", "0.9167", "5.2500", "5.4545", "7.4182", "1.125", "190636.36"]);
    // 5.25 periods: a quarter into period 6 (Mon 02-08 … Fri 02-12 working), its ⌈0.25 × 5⌉ = 2nd working day.
    expect(s.forecastFinish.planned.value).toBe("2027-02-09");
  });
});
