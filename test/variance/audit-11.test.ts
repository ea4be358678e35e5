import { describe, expect, it } from "vitest";
import { createWorkingCalendar } from "../../src/index.js";
import { earnedValueSeries, type EarnedValueSeries } from "../../src/variance/index.js";
import { cost, pkg, project, week } from "./fixtures.js";

/*
 * Earned-value audit 11: a series whose point forecast finish has no date (`beyond-horizon`) says so in `unplotted`
 * instead of dropping its forecast paths silently.
 */

/** label date PV eacPath ieacPath, money to cents, "-" where absent. */
const rows = (s: EarnedValueSeries) => s.points.map((p) => `${p.label} ${p.date} ${p.pv.amount.toFixed(2)} ${p.eacPath?.amount.toFixed(2) ?? "-"} ${p.ieacPath?.amount.toFixed(2) ?? "-"}`);

describe("earnedValueSeries in periods when the forecast finish lies past the fiscal list", () => {
  // As audit 8: holiday Wed 2027-01-06; A = W1 1000 + W2 1000 (spread by calendar days), 50 % on Wed 01-13, cost 1000
  // on 01-12, status 01-13. In periods ES = 1, AT = 1.6 (3 of P2's 5 working days), PD = 2, SPI(t) = 1 / 1.6 = 0.625,
  // IEAC(t) = 1.6 + (2 − 1) / 0.625 = 3.2 periods: 0.2 into period 4, which P1–P3 do not list → no date.
  const calendar = createWorkingCalendar({ holidays: ["2027-01-06"] });
  const input = project([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-13", percentComplete: "50" }] })], [cost("A", "2027-01-12", "1000.00")]);
  const P = [["P1", "2027-01-04", "2027-01-10"], ["P2", "2027-01-11", "2027-01-17"], ["P3", "2027-01-18", "2027-01-24"]] as const;
  const s = earnedValueSeries(input, { statusDate: "2027-01-13", calendar, grid: { kind: "fiscal", periods: P.map(([label, start, finish]) => ({ label, start, finish })) }, policy: { timeUnit: "periods" } });

  it("`unplotted` names the undrawn forecast with reason beyond-horizon (there were no paths and no unplotted)", () => {
    expect(s.atStatusDate.schedule.ieacT.spiT.value?.toString()).toBe("3.2");
    expect(s.atStatusDate.schedule.forecastFinish.spiT.reason).toBe("beyond-horizon");
    // The paths are spread by working days from the day after the status date to the finish date: with no finish date
    // (period 4's working days are unknown) no fraction along them is known, so none is drawn — from Thu 01-14 on,
    // with no end date.
    expect(s.unplotted).toEqual({
      reason: "beyond-horizon", from: "2027-01-14",
      detail: "the forecast finish (IEAC(t) 3.2 periods from the baseline start) lies past the last listed fiscal period (it ends on 2027-01-24), so it has no date and the forecast paths, which end on that date, are not drawn after the status date (pmokit does not invent fiscal periods: list the later ones to plot them)",
    });
  });

  it("the points still run through the listed periods to the list's end, PV flat at BAC (they stopped at P2)", () => {
    // PV: P1 end 1000.00; at Wed 01-13, 3 of W2's 7 calendar days: 1000 + 1000 × 3/7 = 1428.57; P2 end 2000.00 = BAC,
    // P3 flat at 2000.00. No forecast paths anywhere.
    expect(rows(s)).toEqual([
      "P1 2027-01-10 1000.00 - -",
      "P2 2027-01-13 1428.57 - -",
      "P2 2027-01-17 2000.00 - -",
      "P3 2027-01-24 2000.00 - -",
    ]);
  });
});

describe("earnedValueSeries on weekly and monthly grids when the forecast finish lies past the horizon", () => {
  // Four weeks of 1000.00 from Mon 2027-01-04, 0.001 % on Fri 01-15 → EV 0.04; status Fri 01-15.
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-15", percentComplete: "0.001" }] });
  const input = project([A], [cost("A", "2027-01-08", "900.00")]);

  it("weekly, working days: IEAC(t) 1,000,000 working days is past the 50,000 horizon, said in `unplotted` (there was nothing)", () => {
    // ES = 0.04 × 5 / 1000 = 0.0002 working days (W1 ends at 5 with PV 1000), AT = 10, PD = 20, SPI(t) = 0.00002,
    // IEAC(t) = 10 + (20 − 0.0002) / 0.00002 = 1,000,000 working days.
    const s = earnedValueSeries(input, { statusDate: "2027-01-15", grid: { kind: "weekly" } });
    expect(s.atStatusDate.schedule.forecastFinish.spiT.reason).toBe("beyond-horizon");
    expect(s.unplotted).toEqual({
      reason: "beyond-horizon", from: "2027-01-16",
      detail: "the forecast finish (IEAC(t) 1000000 working days from the baseline start) lies past the horizon of 50,000 working days (about 200 years), so it has no date and the forecast paths, which end on that date, are not drawn after the status date",
    });
    // The plan is plotted to its end; no path. PV at Fri 01-15: 1000 + 1000 × 5/7 = 1714.29.
    expect(rows(s)).toEqual([
      "2027-W01 2027-01-10 1000.00 - -",
      "2027-W02 2027-01-15 1714.29 - -",
      "2027-W02 2027-01-17 2000.00 - -",
      "2027-W03 2027-01-24 3000.00 - -",
      "2027-W04 2027-01-31 4000.00 - -",
    ]);
  });

  it("monthly, periods: IEAC(t) 42,857.25 periods is past the 5,000-period horizon", () => {
    // One month from the start: Mon 01-04 – Sun 01-31 has 20 working days, 10 elapsed → AT = 0.5, PD = 1. The status
    // date is inside the month, so ES reads the partial month up to it (PV 1714.29 at AT): ES = 0.04 / 1714.29 × 0.5 =
    // 2/171429, SPI(t) = 4/171429, IEAC(t) = 0.5 + (1 − 2/171429) × 171429/4 = 0.5 + 171427/4 = 42,857.25 (audit ev17;
    // read between the month's ends, ES = 0.04 / 4000 = 0.00001 and IEAC(t) = 50,000).
    const s = earnedValueSeries(input, { statusDate: "2027-01-15", grid: { kind: "monthly" }, policy: { timeUnit: "periods" } });
    expect(s.unplotted).toEqual({
      reason: "beyond-horizon", from: "2027-01-16",
      detail: "the forecast finish (IEAC(t) 42857.25 periods from the baseline start) lies past the horizon of 5,000 periods, so it has no date and the forecast paths, which end on that date, are not drawn after the status date",
    });
    expect(rows(s)).toEqual(["2027-01 2027-01-15 1714.29 - -", "2027-01 2027-01-31 4000.00 - -"]);
  });
});

describe("earnedValueSeries when the forecast has no figure for another reason", () => {
  // Four weeks of 1000.00 from Mon 2027-01-04, nothing earned by Fri 01-08 (0 %), 900.00 spent: ES = 0, so SPI(t) = 0
  // and IEAC(t) has no figure (ev-is-zero); the forecast finish has none either. Before: no paths and no word why.
  const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "0" }] });
  const input = project([A], [cost("A", "2027-01-08", "900.00")]);

  it("nothing earned yet: `unplotted` gives the finish's reason from the day after the status date", () => {
    const s = earnedValueSeries(input, { statusDate: "2027-01-08", grid: { kind: "weekly" } });
    const reason = s.atStatusDate.schedule.forecastFinish.spiT.reason;
    expect(reason).toBe("ev-is-zero");
    expect(s.unplotted).toEqual({ reason: "ev-is-zero", from: "2027-01-09", detail: "the forecast finish has no figure (ev-is-zero), so the forecast paths are not drawn after the status date" });
    expect(s.points.some((p) => p.eacPath !== undefined || p.ieacPath !== undefined)).toBe(false);
  });

  it("a forecast with a finish and an EAC draws its paths and has no `unplotted`", () => {
    // 50 % earned by Fri 01-15 (EV 2000.00 of BAC 4000.00): finish and EAC both have figures.
    const B = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-15", percentComplete: "50" }] });
    const s = earnedValueSeries(project([B], [cost("A", "2027-01-08", "900.00")]), { statusDate: "2027-01-15", grid: { kind: "weekly" } });
    expect(s.unplotted).toBeUndefined();
    expect(s.points.some((p) => p.eacPath !== undefined)).toBe(true);
  });
});
