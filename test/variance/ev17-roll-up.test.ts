import { describe, expect, it } from "vitest";
import { earnedValue, rollUpEarnedValue, rollUpPortfolio } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, show, week } from "./fixtures.js";

/*
 * Roll-ups (audit ev17): the child whose actual cost has no earned value against it is named, and the bottom-up
 * figures' reason names the figure the roll-up sums.
 *
 * P1: 1000.00 a week for two weeks from Mon 2027-01-04, 50 % at Sun 01-10: EV 1000 = PV, AC 800, CPI 1.25.
 * PL: 1000.00 in week 3 (starts Mon 01-18), 500.00 booked early on 01-08: EV 0, its own CPI before-start.
 * PS: 1000.00 in week 1, started with nothing earned (0 %), AC 300: EV 0, its own CPI 0.
 * PF: 1000.00 in week 1, finished on 01-08 at AC 1100 (its ETC 0).
 */
const project = (id: string, slices: ReturnType<typeof week>[], progress: unknown[], ac?: string, programmeId?: string) => {
  const w = pkg({ id: `A-${id}`, rule: { type: "percent-complete" }, slices, progress }, id);
  return earnedValue({ project: { id, name: id, ...(programmeId ? { programmeId } : {}) }, workPackages: [w], baselines: [baselineOf([w], 0, id)], costEntries: ac ? [cost(`A-${id}`, "2027-01-08", ac, "EUR", id)] : [] }, { statusDate: "2027-01-10" });
};
const p1 = project("P1", [week(1, "1000.00"), week(2, "1000.00")], [{ date: "2027-01-10", percentComplete: "50" }], "800.00");
const pl = project("PL", [week(3, "1000.00")], [], "500.00");
const ps = project("PS", [week(1, "1000.00")], [{ date: "2027-01-05", percentComplete: "0", started: true }], "300.00");
const pf = project("PF", [week(1, "1000.00")], [{ date: "2027-01-08", percentComplete: "100", finished: true }], "1100.00");

describe("roll-up: AC with no EV against it is named with the children it comes from", () => {
  it("a child not started with 500.00 booked early: CPI 1000 / 1300 = 0.7692, and the roll-up names PL and its 500.00", () => {
    // Σ EV / Σ AC = (1000 + 0) / (800 + 500): the documented rule (the roll-up's AC is the spend to date), now explained.
    const r = rollUpEarnedValue([p1, pl], { id: "PG", level: "programme" });
    expect([show(r.figures.ac), show(r.figures.cpi, 4)]).toEqual(["1300.00", "0.7692"]);
    expect([r.acWithoutEv.children, show({ value: r.acWithoutEv.ac })]).toEqual([[{ level: "project", id: "PL" }], "500.00"]);
  });

  it("a child started with nothing earned counts too (EV 0, AC 300: CPI 2000 / 2200); children with EV are not listed", () => {
    const r = rollUpEarnedValue([p1, ps, pf], { id: "PG", level: "programme" });
    // EV 1000 + 0 + 1000, AC 800 + 300 + 1100 = 2200: CPI 2000 / 2200 = 0.9091.
    expect([show(r.figures.cpi, 4), r.acWithoutEv.children.map((c) => c.id), show({ value: r.acWithoutEv.ac })]).toEqual(["0.9091", ["PS"], "300.00"]);
    expect(rollUpEarnedValue([p1, pf], { id: "PG", level: "programme" }).acWithoutEv.children).toEqual([]);
  });

  it("a programme carries its list up into the portfolio (PL inside PG-A, whose own EV is 1000)", () => {
    const a = { ...p1, programmeId: "PG-A" }, b = { ...pl, programmeId: "PG-A" };
    const { programmes, portfolios } = rollUpPortfolio([a, b, pf]);
    expect([programmes[0]?.acWithoutEv.children, portfolios[0]?.acWithoutEv.children, portfolios[0]?.acWithoutEv.ac.amount.toFixed(2)])
      .toEqual([[{ level: "project", id: "PL" }], [{ level: "project", id: "PL" }], "500.00"]);
  });
});

describe("roll-up: the bottom-up figures' reason names the bottom-up ETC the roll-up sums, not EAC₄", () => {
  it("EAC₄, ETC and VAC by bottom-up: 'the bottom-up ETC is the children's sum: none for P1 (…)'", () => {
    // The roll-up sums the children's bottom-up ETCs (EAC₄ = AC + Σ ETC, VAC = BAC − EAC₄): the ETC of P1 is missing.
    const r = rollUpEarnedValue([p1, pf], { id: "PG", level: "programme" });
    const want = { reason: "no-estimate", detail: "the bottom-up ETC is the children's sum: none for P1 (no-estimate: a package that is not finished has no estimate to complete)" };
    expect([r.figures.eac.bottomUp, r.figures.etc.bottomUp, r.figures.vac.bottomUp]).toEqual([want, want, want]);
  });
});
