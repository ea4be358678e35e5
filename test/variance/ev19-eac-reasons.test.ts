import { describe, expect, it } from "vitest";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * Every EAC, ETC and VAC without a figure says which formula could not be computed and on which input. EAC₅ =
 * AC + (BAC − EV) / (CPI · SPI(t)) gave bare reasons: `ev-is-zero` with no detail (also when EV > 0 and SPI(t) = ES / AT
 * is 0, where the reason alone reads as if nothing were earned), `no-working-days` with no detail (SPI(t)'s AT = 0), and
 * a package's `project-level-only` with no detail. EAC₁ and EAC₃ named their index ("CPI is 0", "CPI · SPI is 0").
 */
const slice = (start: string, finish: string, amount: string) => ({ start, finish, amount: { amount, currency: "EUR" } });
const fallBack = (idx: string) => ({ reason: "ev-is-zero", detail: `${idx} is 0: fall back to budget-rate or bottom-up` });

describe("EAC₅ (and its ETC and VAC) name SPI(t) when it is missing or 0", () => {
  // S: percent-complete, 1000.00 over Sat 2027-01-02 … Fri 2027-01-15 (PD = 10 working days), 5 % on Sun 01-03,
  // cost 10.00 on 01-02 (as audit 13's Saturday start).
  const s = pkg({ id: "S", rule: { type: "percent-complete" }, slices: [slice("2027-01-02", "2027-01-15", "1000.00")], progress: [{ date: "2027-01-03", percentComplete: "5" }] });
  const input = project([s], [cost("S", "2027-01-02", "10.00")]);

  it("Mon 2027-01-04: EV 50 > 0 but ES = 0 (PV 142.86 at the first period end, no working day elapsed), SPI(t) = 0 / 1: EAC₅ names CPI · SPI(t)", () => {
    const f = earnedValue(input, { statusDate: "2027-01-04" }).figures;
    expect([show(f.ev), show(f.cpi)]).toEqual(["50.00", "5.00"]); // CPI = 50 / 10
    for (const fam of [f.eac, f.etc, f.vac]) expect(fam.earnedSchedule).toStrictEqual(fallBack("CPI · SPI(t)")); // was { reason: "ev-is-zero" }
  });

  it("Sat 2027-01-02 (AT = 0): EAC₅ says SPI(t) has no working time, as SPI(t) does", () => {
    const r = earnedValue(input, { statusDate: "2027-01-02" });
    const noTime = { reason: "no-working-days", detail: "the calendar has no working day between baseline start and status date (AT = 0)" };
    expect(r.schedule.spiT).toStrictEqual(noTime);
    for (const fam of [r.figures.eac, r.figures.etc, r.figures.vac]) expect(fam.earnedSchedule).toStrictEqual(noTime); // was { reason: "no-working-days" }
  });

  it("EV = 0 with AC > 0: EAC₁, EAC₃ and EAC₅ each name their own index", () => {
    // A: percent-complete, 700.00 in week 1, no progress; cost 100.00 on Tue 01-05. Status Fri 01-08: PV 500, EV 0.
    const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "700.00")] });
    const f = earnedValue(project([a], [cost("A", "2027-01-05", "100.00")]), { statusDate: "2027-01-08" }).figures;
    expect(f.eac.cpi).toStrictEqual(fallBack("CPI"));
    expect(f.eac.cpiSpi).toStrictEqual(fallBack("CPI · SPI"));
    expect(f.eac.earnedSchedule).toStrictEqual(fallBack("CPI · SPI(t)")); // was { reason: "ev-is-zero" }
  });

  it("a package's EAC₅ says why it has none: earned schedule is per project", () => {
    const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "700.00")], progress: [{ date: "2027-01-05", percentComplete: "50" }] });
    const p = earnedValue(project([a], [cost("A", "2027-01-05", "100.00")]), { statusDate: "2027-01-08" }).packages[0]!.figures;
    expect(p.eac.earnedSchedule).toStrictEqual({ reason: "project-level-only", detail: "SPI(t) is per project" }); // was { reason: "project-level-only" }
  });
});
