import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { compileEarnedValue, earnedValue, evaluatePortfolio, rollUpEarnedValue, rollUpPortfolio, type EarnedValueInput } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, show, week } from "./fixtures.js";

/*
 * A project without a baseline has actual cost but no BAC, PV or EV. Roll-ups added its AC to the sums, silently:
 * P1 (BAC 2000, EV 1000, AC 800, CPI 1.25) rolled up with P2 (no baseline, AC 1200) gave a portfolio CPI of
 * 1000 / 2000 = 0.50 and EAC₁ 4000.00, for a portfolio whose only measured project runs 25 % under cost.
 * Now the treatment is an option, `withoutBaseline`: "exclude" (default: figures of the projects with a baseline) or
 * "include-ac" (their AC summed, as before); either way the result lists them with their AC.
 */
const wp = (p: string) => pkg({ id: `A-${p}`, rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-10", percentComplete: "50" }] }, p);
const input = (p: string, baseline: boolean, ac: string, extra: Partial<EarnedValueInput["project"]> = {}): EarnedValueInput => ({
  project: { id: p, name: p, ...extra }, workPackages: [wp(p)], baselines: baseline ? [baselineOf([wp(p)], 0, p)] : [], costEntries: [cost(`A-${p}`, "2027-01-08", ac, "EUR", p)],
});
const opts = { statusDate: "2027-01-10" };
const p1 = earnedValue(input("P1", true, "800.00", { programmeId: "PG", portfolioId: "PF" }), opts);
const p2 = earnedValue(input("P2", false, "1200.00", { programmeId: "PG", portfolioId: "PF" }), opts);
const p3 = earnedValue(input("P3", false, "300.00", { portfolioId: "PF" }), opts);
const figs = (r: { figures: typeof p1.figures }) => [show(r.figures.bac), show(r.figures.ev), show(r.figures.ac), show(r.figures.cpi, 4), show(r.figures.eac.cpi), show(r.figures.eac.budgetRate)];

describe("roll-ups: projects without a baseline", () => {
  it("the inputs: P1 CPI 1.25; P2 has AC 1200 and no baseline", () => {
    expect(figs(p1)).toEqual(["2000.00", "1000.00", "800.00", "1.2500", "1600.00", "1800.00"]);
    expect([show(p2.figures.bac), show(p2.figures.ac)]).toEqual(["<no-baseline>", "1200.00"]);
  });

  it("default (exclude): the figures are P1's — CPI 1.25, EAC₁ 1600.00 (it read CPI 0.50, EAC₁ 4000.00) — and P2 is listed with its AC", () => {
    const r = rollUpEarnedValue([p1, p2], { id: "PG", level: "programme" });
    // EAC₁ = BAC / CPI = 2000 / 1.25; EAC₂ = AC + BAC − EV = 800 + 1000.
    expect(figs(r)).toEqual(["2000.00", "1000.00", "800.00", "1.2500", "1600.00", "1800.00"]);
    expect(r.withoutBaseline.treatment).toBe("exclude");
    expect(r.withoutBaseline.children).toEqual([{ level: "project", id: "P2" }]);
    expect(r.withoutBaseline.ac.amount.toFixed(2)).toBe("1200.00");
  });

  it("include-ac: P2's AC joins the sums — AC 2000, CPI 0.50, EAC₁ 4000.00, EAC₂ 3000.00 — and P2 is still listed", () => {
    const r = rollUpEarnedValue([p1, p2], { id: "PG", level: "programme", withoutBaseline: "include-ac" });
    // CPI = 1000 / (800 + 1200); EAC₁ = 2000 / 0.5; EAC₂ = 2000 + 2000 − 1000.
    expect(figs(r)).toEqual(["2000.00", "1000.00", "2000.00", "0.5000", "4000.00", "3000.00"]);
    expect(r.withoutBaseline).toMatchObject({ treatment: "include-ac", children: [{ level: "project", id: "P2" }] });
    expect(r.withoutBaseline.ac.amount.toFixed(2)).toBe("1200.00");
  });

  it("no child with a baseline: exclude says no-baseline for AC too (not 0.00); include-ac sums the AC", () => {
    const ex = rollUpEarnedValue([p2, p3], { id: "X", level: "group" });
    expect([show(ex.figures.ac), show(ex.figures.cpi), show(ex.figures.bac)]).toEqual(["<no-baseline>", "<no-baseline>", "<no-baseline>"]);
    expect([ex.withoutBaseline.children.map((c) => c.id), ex.withoutBaseline.ac.amount.toFixed(2)]).toEqual([["P2", "P3"], "1500.00"]);
    const inc = rollUpEarnedValue([p2, p3], { id: "X", level: "group", withoutBaseline: "include-ac" });
    expect([show(inc.figures.ac), show(inc.figures.cpi)]).toEqual(["1500.00", "<no-baseline>"]);
  });

  it("nested: a portfolio lists the projects its programmes left out, and its own (P2 via PG, P3 direct: AC 1500)", () => {
    for (const treatment of ["exclude", "include-ac"] as const) {
      const { programmes, portfolios } = rollUpPortfolio([p1, p2, p3], { withoutBaseline: treatment });
      expect(programmes[0]?.withoutBaseline.children.map((c) => c.id)).toEqual(["P2"]);
      const pf = portfolios[0]!;
      expect([pf.id, pf.withoutBaseline.treatment, pf.withoutBaseline.children.map((c) => c.id).sort(), pf.withoutBaseline.ac.amount.toFixed(2)]).toEqual(["PF", treatment, ["P2", "P3"], "1500.00"]);
      // exclude: AC 800 (P1's); include-ac: 800 + 1200 + 300 = 2300.
      expect(show(pf.figures.ac)).toBe(treatment === "exclude" ? "800.00" : "2300.00");
    }
  });

  it("a programme rolled up with one treatment cannot join a roll-up with the other", () => {
    const pg = rollUpEarnedValue([p1, p2], { id: "PG", level: "programme", withoutBaseline: "include-ac" });
    const e = (() => { try { rollUpEarnedValue([pg, p3], { id: "PF", level: "portfolio" }); } catch (x) { return x; } })() as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.issues[0]?.path).toEqual(["children", 0, "withoutBaseline", "treatment"]);
  });

  it("an unknown treatment is a ValidationError at [\"withoutBaseline\"]", () => {
    expect(() => rollUpEarnedValue([p1], { id: "X", level: "group", withoutBaseline: "drop" as never })).toThrow(ValidationError);
    const e = (() => { try { rollUpPortfolio([p1], { withoutBaseline: "ac" as never }); } catch (x) { return x; } })() as ValidationError;
    expect(e.issues[0]?.path).toEqual(["withoutBaseline"]);
  });

  it("evaluatePortfolio takes the same option (default exclude)", () => {
    const compiled = [input("P1", true, "800.00", { portfolioId: "PF" }), input("P2", false, "1200.00", { portfolioId: "PF" })].map((i) => compileEarnedValue(i, opts));
    const ex = evaluatePortfolio(compiled, "2027-01-10").portfolios[0]!;
    const inc = evaluatePortfolio(compiled, "2027-01-10", { withoutBaseline: "include-ac" }).portfolios[0]!;
    expect([show(ex.figures.cpi, 4), show(inc.figures.cpi, 4), ex.withoutBaseline.children.map((c) => c.id)]).toEqual(["1.2500", "0.5000", ["P2"]]);
  });
});
