import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Published worked examples, reproduced to their published precision.
 *
 * [VH] M. Vanhoucke, "Earned Value Management: Forecasting time", PM Knowledge Center (pmknowledgecenter.com,
 *      node 167), Table 2: a 9-week project, BAC 150, weekly cumulative PV and EV, and ES by Lipke's
 *      ES = C + (EV − PV_C) / (PV_{C+1} − PV_C), in weeks:
 *        week  W1    W2    W3     W4     W5     W6
 *        PV    5.00  10.00 25.00  55.00  85.00  120.00  (then 130, 140, 150 at W9, PD = 9)
 *        EV    3.33  6.67  10.00  22.50  70.00  82.50
 *        ES    0.67  1.33  2.00   2.83   4.50   4.92
 * [PRA] P. Govan, PRA (R package) reference pages for spi, tcpi and eac (paulgovan.github.io/PRA/reference): BAC
 *      100,000, schedule 10/20/40/70/100 %, period 3 → PV 40,000; 35 % complete → EV 35,000; SPI 0.875; AC 63,000:
 *      EAC "atypical" AC + (BAC − EV) = 128,000; ETC at the planned rate 65,000; TCPI to meet BAC 1.76; TCPI to meet
 *      an EAC of 120,482: 1.13.
 * [MS] Microsoft Project, "SPI fields" (support.microsoft.com): a four-day task budgeted at $100; after two days BCWS
 *      is $50; 60 % of the work is done at a cost of $60, so BCWP = $60 and SPI = 60 / 50 = 1.2.
 */

describe("[VH] earned schedule in periods, Vanhoucke's Table 2", () => {
  const increments = ["5.00", "5.00", "15.00", "30.00", "30.00", "35.00", "10.00", "10.00", "10.00"];
  // EV as units of 1 cent out of 15,000: the published EV to the cent, exactly.
  const ev = ["3.33", "6.67", "10.00", "22.50", "70.00", "82.50"];
  const sunday = (k: number) => new Date(Date.UTC(2027, 0, 10 + 7 * (k - 1))).toISOString().slice(0, 10);
  const progress = ev.map((e, i) => ({ date: sunday(i + 1), unitsComplete: String(Math.round(Number(e) * 100)) }));
  const input = project([pkg({ id: "A", rule: { type: "units", totalUnits: "15000", unitName: "cent" }, slices: increments.map((a, i) => week(i + 1, a)), progress })], []);
  const at = (k: number) => earnedValue(input, { statusDate: sunday(k), policy: { timeUnit: "periods" } });

  it("PD is 9 weeks and the cumulative PV matches the table", () => {
    expect(show(at(1).schedule.pd, 0)).toBe("9");
    expect([1, 2, 3, 4, 5, 6].map((k) => show(at(k).figures.pv))).toEqual(["5.00", "10.00", "25.00", "55.00", "85.00", "120.00"]);
    expect([1, 2, 3, 4, 5, 6].map((k) => show(at(k).figures.ev))).toEqual(ev);
  });

  it("ES at the end of weeks 1–6: 0.67, 1.33, 2.00, 2.83, 4.50, 4.92", () => {
    expect([1, 2, 3, 4, 5, 6].map((k) => show(at(k).schedule.es))).toEqual(["0.67", "1.33", "2.00", "2.83", "4.50", "4.92"]);
  });

  it("SV(t) = ES − AT, SPI(t) = ES / AT and IEAC(t) = PD / SPI(t) at week 6", () => {
    // ES = 4 + (82.5 − 55) / 30 = 59/12 = 4.9167; AT = 6: SV(t) = −13/12 = −1.08, SPI(t) = 59/72 = 0.8194,
    // IEAC(t) = 9 / (59/72) = 648/59 = 10.98 weeks; with PF = 1: AT + PD − ES = 6 + 9 − 59/12 = 10.08.
    const s = at(6).schedule;
    expect([show(s.at, 0), show(s.svT), show(s.spiT, 4), show(s.ieacT.spiT), show(s.ieacT.planned)]).toEqual(["6", "-1.08", "0.8194", "10.98", "10.08"]);
    // TSPI = (PD − ES) / (PD − AT) = (9 − 59/12) / 3 = 49/36 = 1.3611.
    expect(show(s.tspi, 4)).toBe("1.3611");
  });

  it("weeks 7–11 (EV 90, 120, 130, 140, 150; the excerpt of the table ends at W6, these are derived the same way)", () => {
    // W7: 5 + (90 − 85) / 35 = 5.14; W8: EV = PV(W6) = 120 → 6; W9: = PV(W7) → 7; W10: = PV(W8) → 8; W11: = BAC → PD = 9
    // (PV is flat at 150 after W9: the last point with PV ≤ EV is the end of that stretch, capped at PD).
    const more = ["90.00", "120.00", "130.00", "140.00", "150.00"].map((e, i) => ({ date: sunday(i + 7), unitsComplete: String(Math.round(Number(e) * 100)) }));
    const all = project([pkg({ id: "A", rule: { type: "units", totalUnits: "15000", unitName: "cent" }, slices: increments.map((a, i) => week(i + 1, a)), progress: [...progress, ...more] })], []);
    const es = [7, 8, 9, 10, 11].map((k) => show(earnedValue(all, { statusDate: sunday(k), policy: { timeUnit: "periods" } }).schedule.es));
    expect(es).toEqual(["5.14", "6.00", "7.00", "8.00", "9.00"]);
  });
});

describe("[MS] SPI of a four-day task", () => {
  it("BCWS 50 after two of four days, BCWP 60: SPI 1.2, CPI 1", () => {
    const wp = pkg({ id: "T", rule: { type: "percent-complete" }, slices: [{ start: "2027-01-04", finish: "2027-01-07", amount: { amount: "100.00", currency: "EUR" } }],
      progress: [{ date: "2027-01-05", percentComplete: "60" }] });
    const f = earnedValue(project([wp], [cost("T", "2027-01-05", "60.00")]), { statusDate: "2027-01-05" }).figures;
    expect([show(f.pv), show(f.ev), show(f.spi, 1), show(f.cpi, 1)]).toEqual(["50.00", "60.00", "1.2", "1.0"]);
  });
});

describe("[PRA] cost formulas, BAC 100,000, EV 35,000, AC 63,000", () => {
  // One package over five periods of 10/10/20/30/30 % (cumulative 10/20/40/70/100 %); status at the end of period 3.
  const slices = ["10000.00", "10000.00", "20000.00", "30000.00", "30000.00"].map((a, i) => week(i + 1, a));
  const wp = pkg({ id: "A", rule: { type: "percent-complete" }, slices, progress: [{ date: "2027-01-24", percentComplete: "35" }], etc: "57482.00" });
  const input = project([wp], [cost("A", "2027-01-07", "9000.00"), cost("A", "2027-01-14", "18000.00"), cost("A", "2027-01-21", "36000.00")]);
  const r = earnedValue(input, { statusDate: "2027-01-24", policy: { eacOrder: ["bottom-up"] } });
  const f = r.figures;

  it("PV 40,000, EV 35,000, SPI 0.875", () => {
    expect([show(f.pv), show(f.ev), show(f.ac), show(f.spi, 3)]).toEqual(["40000.00", "35000.00", "63000.00", "0.875"]);
  });

  it("EAC atypical = AC + (BAC − EV) = 128,000 and its ETC 65,000", () => {
    expect([show(f.eac.budgetRate), show(f.etc.budgetRate)]).toEqual(["128000.00", "65000.00"]);
  });

  it("TCPI to meet BAC = (BAC − EV) / (BAC − AC) = 65,000 / 37,000 = 1.76", () => {
    expect(show(f.tcpiBac)).toBe("1.76");
  });

  it("TCPI to meet an EAC of 120,482 = 65,000 / 57,482 = 1.13", () => {
    expect(show(f.selectedEac.value)).toBe("120482.00");
    expect(show(f.tcpiEac)).toBe("1.13");
  });
});
