import { describe, expect, it } from "vitest";
import { earnedValue, earnedValueSeries, forecastRange } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * A baseline whose budget is 0 (a package planned over W1–W2 of January 2027 with 0.00 in each week; 100.00 spent in
 * each week). With nothing planned there is no PV curve to read EV against: earned schedule has no figure.
 * Before: every point of the flat PV curve (0) is ≤ EV (0), so ES went to the end of the stretch, ES = PD = 10
 * working days at AT = 5: SV(t) = +5, SPI(t) = 2.00, TSPI 0, and IEAC(t) = 5 dated the forecast finish on the status
 * date itself — a project "twice as fast as planned" and "finishing today", with nothing planned or earned.
 */
const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "0.00"), week(2, "0.00")],
  progress: [{ date: "2027-01-08", percentComplete: "50" }, { date: "2027-01-14", percentComplete: "60" }] });
const input = project([w], [cost("A", "2027-01-07", "100.00"), cost("A", "2027-01-13", "100.00")]);

describe("BAC = 0: earned schedule is bac-is-zero, never ES = PD", () => {
  it("PD and AT keep their values; ES, SV(t), SPI(t), TSPI, IEAC(t) and the forecast finish are bac-is-zero", () => {
    const s = earnedValue(input, { statusDate: "2027-01-08" }).schedule;
    expect([show(s.pd, 0), show(s.at, 0)]).toEqual(["10", "5"]);
    for (const m of [s.es, s.esDate, s.svT, s.spiT, s.tspi, s.tspiEd, s.pFactor, s.ieacT.planned, s.ieacT.spiT, s.ieacT.spiTCpi, s.forecastFinish.spiT, s.forecastFinish.planned]) {
      expect(m.reason).toBe("bac-is-zero");
    }
  });

  it("the S-curve draws no forecast path and says why", () => {
    const u = earnedValueSeries(input, { statusDate: "2027-01-08" }).unplotted;
    expect(u?.reason).toBe("bac-is-zero");
  });

  it("the forecast range's finish band is bac-is-zero (it was dated on the status date)", () => {
    const r = forecastRange(input, { statusDate: "2027-01-14" }, { seed: 1 });
    expect([r.finishBand.low.reason, r.finishBand.median.reason, r.finishBand.high.reason]).toEqual(["bac-is-zero", "bac-is-zero", "bac-is-zero"]);
  });

  it("cost figures are unchanged: EAC₂ = AC + (BAC − EV) = 100.00, % complete bac-is-zero", () => {
    const f = earnedValue(input, { statusDate: "2027-01-08" }).figures;
    expect([show(f.eac.budgetRate), f.percentComplete.reason]).toEqual(["100.00", "bac-is-zero"]);
  });
});
