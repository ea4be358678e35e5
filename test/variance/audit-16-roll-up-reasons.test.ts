import { describe, expect, it } from "vitest";
import { ValidationError, decodeEntity, type Baseline } from "../../src/index.js";
import { earnedValue, rollUpEarnedValue } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, show, week } from "./fixtures.js";

/*
 * Roll-ups probed with a project finished, AC = 0, PV = 0 (not started) and mixed currencies.
 *
 * P1: 1000.00 a week for two weeks from Mon 2027-01-04, 50 % at Sun 01-10 (EV 1000 = PV), AC 800: CPI 1.25,
 *     EAC₅ = 800 + 1000 / (1.25 × 1) = 1600.00 (SPI(t) = 1: on plan at the week's end).
 * P0: the same, no actuals (AC = 0): CPI ac-is-zero, so no EAC₁, EAC₃ or EAC₅.
 * PL: 1000.00 in week 3 (starts Mon 01-18, PV 0 at 01-10), 500.00 booked early: every index before-start.
 * PF: 1000.00 in week 1, finished on 01-08 at AC 1100: EAC₁ = EAC₅ = AC = 1100.00.
 */
const project = (id: string, slices: ReturnType<typeof week>[], progress: unknown[], ac?: string, currency = "EUR") => {
  const w = pkg({ id: `A-${id}`, rule: { type: "percent-complete" }, slices, progress }, id);
  return earnedValue({ project: { id, name: id }, workPackages: [w], baselines: [baselineOf([w], 0, id)], costEntries: ac ? [cost(`A-${id}`, "2027-01-08", ac, currency, id)] : [] }, { statusDate: "2027-01-10" });
};
const half = [{ date: "2027-01-10", percentComplete: "50" }];
const p1 = project("P1", [week(1, "1000.00"), week(2, "1000.00")], half, "800.00");
const p0 = project("P0", [week(1, "1000.00"), week(2, "1000.00")], half);
const pl = project("PL", [week(3, "1000.00")], [], "500.00");
const pf = project("PF", [week(1, "1000.00")], [{ date: "2027-01-08", percentComplete: "100", finished: true }], "1100.00");

describe("roll-up: a child's missing EAC₅ or EAC₄ is named, not passed off as the roll-up's own reason", () => {
  it("AC = 0 in one child: EAC₅ says which child has none (it said only ac-is-zero, for a roll-up with AC 800 and CPI 2.50)", () => {
    const r = rollUpEarnedValue([p1, p0], { id: "PG", level: "programme" });
    // CPI = (1000 + 1000) / 800 = 2.5: the roll-up's AC is not zero.
    expect([show(r.figures.ac), show(r.figures.cpi)]).toEqual(["800.00", "2.50"]);
    expect(r.figures.eac.earnedSchedule).toEqual({ reason: "ac-is-zero", detail: "EAC₅ is the children's sum: none for P0 (ac-is-zero)" });
    expect(r.figures.etc.earnedSchedule).toEqual(r.figures.eac.earnedSchedule);
    expect(r.figures.vac.earnedSchedule).toEqual(r.figures.eac.earnedSchedule);
  });

  it("a child not started (PV 0): EAC₅ names it (it said before-start for a roll-up whose indices have figures)", () => {
    const r = rollUpEarnedValue([p1, pl], { id: "PG", level: "programme" });
    expect(show(r.figures.spi)).toBe("1.00"); // PV 1000, EV 1000: the roll-up has started
    expect(r.figures.eac.earnedSchedule).toEqual({ reason: "before-start", detail: "EAC₅ is the children's sum: none for PL (before-start: the status date is before the baseline start)" });
  });

  it("bottom-up EAC₄ names every child without an estimate, in its EAC, ETC and VAC", () => {
    const r = rollUpEarnedValue([p1, pf], { id: "PG", level: "programme" });
    // The sum is of the bottom-up ETCs (audit ev17: it said "EAC₄ is the children's sum", in the ETC and VAC too).
    const want = { reason: "no-estimate", detail: "the bottom-up ETC is the children's sum: none for P1 (no-estimate: a package that is not finished has no estimate to complete)" };
    expect([r.figures.eac.bottomUp, r.figures.etc.bottomUp, r.figures.vac.bottomUp]).toEqual([want, want, want]);
  });
});

describe("roll-up figures that were right (evidence)", () => {
  it("a finished child: BAC 3000, EV 2000, AC 1900; EAC₁ = 3000 / (2000 / 1900) = 2850.00, EAC₅ = 1600 + 1100 = 2700.00, TCPI = 1000 / 1100", () => {
    expect([pf.complete, show(pf.figures.eac.cpi), show(pf.figures.eac.earnedSchedule)]).toEqual([true, "1100.00", "1100.00"]);
    const r = rollUpEarnedValue([p1, pf], { id: "PG", level: "programme" });
    expect([show(r.figures.bac), show(r.figures.ev), show(r.figures.ac), show(r.figures.eac.cpi), show(r.figures.eac.earnedSchedule), show(r.figures.tcpiBac, 4)])
      .toEqual(["3000.00", "2000.00", "1900.00", "2850.00", "2700.00", "0.9091"]);
  });

  it("named convention: a child before its start adds its early AC (EV 0) to the roll-up: CPI 1000 / 1300 = 0.7692", () => {
    expect([show(pl.figures.cpi), show(pl.figures.ac)]).toEqual(["<before-start>", "500.00"]);
    const r = rollUpEarnedValue([p1, pl], { id: "PG", level: "programme" });
    expect([show(r.figures.ac), show(r.figures.cpi, 4)]).toEqual(["1300.00", "0.7692"]);
    // Named since audit ev17: the child whose AC has no EV against it.
    expect(r.acWithoutEv.children.map((c) => c.id)).toEqual(["PL"]);
  });

  it("every child before its start, or with AC = 0: the indices say so", () => {
    expect([show(rollUpEarnedValue([pl], { id: "X", level: "group" }).figures.cpi), show(rollUpEarnedValue([p0], { id: "X", level: "group" }).figures.cpi)]).toEqual(["<before-start>", "<ac-is-zero>"]);
  });

  it("mixed currencies are refused, a baseline-less child's too (its AC is summed in withoutBaseline.ac)", () => {
    // A baseline-less project whose actuals are in USD: its currency is USD.
    const w = pkg({ id: "A-PU", rule: { type: "percent-complete" }, slices: [], start: "2027-01-04", finish: "2027-01-17" }, "PU");
    const usd = earnedValue({ project: { id: "PU", name: "PU" }, workPackages: [w], baselines: [], costEntries: [cost("A-PU", "2027-01-08", "100.00", "USD", "PU")] }, { statusDate: "2027-01-10" });
    expect(usd.currency).toBe("USD");
    const e = (() => { try { rollUpEarnedValue([p1, usd], { id: "X", level: "group" }); } catch (x) { return x; } })() as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues.map((i) => i.path)).toEqual([["children", 1, "currency"]]);
  });

  it("a project with no money at all (no baseline, no actuals: its currency the EUR fallback) joins a USD roll-up, listed (it was refused)", () => {
    const usdPkg = pkg({ id: "A-PU", rule: { type: "percent-complete" }, slices: [{ ...week(1, "1000.00"), amount: { amount: "1000.00", currency: "USD" } }], progress: half }, "PU");
    const T = "2027-01-01T09:00:00.000Z";
    const bl = decodeEntity("baseline", {
      id: "bl-PU-0", version: 1, createdAt: T, updatedAt: T, projectId: "PU", number: 0, capturedAt: T, capturedBy: "p-pm", reason: "Initial baseline", milestones: [],
      workPackages: [{ workPackageId: "A-PU", code: usdPkg.code, name: "A-PU", plannedStart: "2027-01-04", plannedFinish: "2027-01-10", timePhasedBudget: [{ start: "2027-01-04", finish: "2027-01-10", amount: { amount: "1000.00", currency: "USD" } }], earningRule: { type: "percent-complete" } }],
      budgetAtCompletion: { amount: "1000.00", currency: "USD" },
    }) as Baseline;
    const usd = earnedValue({ project: { id: "PU", name: "PU" }, workPackages: [usdPkg], baselines: [bl], costEntries: [cost("A-PU", "2027-01-08", "400.00", "USD", "PU")] }, { statusDate: "2027-01-10" });
    const empty = earnedValue({ project: { id: "PE", name: "PE" }, workPackages: [], baselines: [], costEntries: [] }, { statusDate: "2027-01-10" });
    expect([usd.currency, show(usd.figures.cpi, 4), empty.currency, show(empty.figures.ac)]).toEqual(["USD", "1.2500", "EUR", "0.00"]);
    for (const children of [[usd, empty], [empty, usd]]) {
      const r = rollUpEarnedValue(children, { id: "X", level: "group" });
      // PU alone: EV 500 (50 % of 1000.00 USD), AC 400: CPI 1.25; PE adds nothing and is listed.
      expect([r.currency, show(r.figures.cpi, 4), r.withoutBaseline.children.map((c) => c.id), r.withoutBaseline.ac.amount.toFixed(2)]).toEqual(["USD", show(usd.figures.cpi, 4), ["PE"], "0.00"]);
    }
    // A project without a baseline but with EUR actuals still has money in another currency: refused.
    expect(() => rollUpEarnedValue([usd, earnedValue({ project: { id: "PX", name: "PX" }, workPackages: [], baselines: [], costEntries: [cost(undefined, "2027-01-08", "5.00", "EUR", "PX")] }, { statusDate: "2027-01-10" })], { id: "X", level: "group" })).toThrow(ValidationError);
  });
});
