import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { earnedValue, earnedValueInputFromRows, type EarnedValueRows } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/* Issue 12: an earnedValue input from plain rows, without hand-assembling entities and baselines. */
const rows = (): EarnedValueRows => ({
  project: { id: "PRJ-T", name: "Test", currency: "EUR" },
  packages: [
    { id: "A", name: "Design", rule: "percent-complete", budget: [{ start: "2027-01-04", finish: "2027-01-10", amount: "1000.00" }, { start: "2027-01-11", finish: "2027-01-17", amount: 1000 }], estimateToComplete: { amount: 900, asOf: "2027-01-12" } },
    { id: "B", rule: { type: "fixed-split", startPercent: 25 }, budget: [{ start: "2027-01-11", finish: "2027-01-17", amount: "400" }] },
  ],
  // Out of date order on purpose: the builder sorts each package's rows.
  progress: [{ package: "A", date: "2027-01-14", percentComplete: "70" }, { package: "A", date: "2027-01-08", percentComplete: 40 }, { package: "B", date: "2027-01-12", started: true }],
  actuals: [{ package: "A", date: "2027-01-07", amount: "700.00" }, { package: "B", date: "2027-01-13", amount: 150.5 }, { date: "2027-01-13", amount: "49.50" }],
});

describe("issue 12: earnedValueInputFromRows", () => {
  it("gives the same figures as the hand-assembled entities", () => {
    const built = earnedValueInputFromRows(rows());
    const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], etc: "900.00",
      progress: [{ date: "2027-01-08", percentComplete: "40" }, { date: "2027-01-14", percentComplete: "70" }] });
    const b = pkg({ id: "B", rule: { type: "fixed-split", startPercent: "25" }, slices: [week(2, "400.00")], progress: [{ date: "2027-01-12", started: true }] });
    const hand = project([a, b], [cost("A", "2027-01-07", "700.00"), cost("B", "2027-01-13", "150.50"), cost(undefined, "2027-01-13", "49.50")]);
    for (const statusDate of ["2027-01-03", "2027-01-10", "2027-01-14", "2027-01-20"]) {
      const x = earnedValue(built, { statusDate }).figures, y = earnedValue(hand, { statusDate }).figures;
      expect([show(x.pv), show(x.ev), show(x.ac), show(x.cpi, 6), show(x.eac.bottomUp)]).toEqual([show(y.pv), show(y.ev), show(y.ac), show(y.cpi, 6), show(y.eac.bottomUp)]);
    }
    // Hand-derived on 2027-01-14: EV = 70 % × 2000 + 25 % × 400 = 1500; AC = 700 + 150.50 + 49.50 = 900; CPI = 5/3.
    const f = earnedValue(built, { statusDate: "2027-01-14" }).figures;
    expect([show(f.bac), show(f.ev), show(f.ac), show(f.cpi, 4)]).toEqual(["2400.00", "1500.00", "900.00", "1.6667"]);
    expect(built.baselines).toHaveLength(1);
    expect([built.baselines[0]!.number, built.baselines[0]!.capturedAt, built.project.activeBaseline]).toEqual([0, "2027-01-04T00:00:00.000Z", 0]);
  });

  it("reports every bad row with its zod path", () => {
    const bad = rows() as unknown as { packages: Record<string, unknown>[]; progress: Record<string, unknown>[]; actuals: Record<string, unknown>[] };
    (bad.packages[0]!["budget"] as Record<string, unknown>[])[1]!["amount"] = "10.001";
    bad.progress.push({ package: "GHOST", date: "2027-01-09", started: true });
    bad.progress.push({ package: "A", date: "2027-01-14", percentComplete: 80 });
    bad.actuals[1]!["amount"] = "1.5e3";
    try {
      earnedValueInputFromRows(bad as unknown as EarnedValueRows);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["actuals.1.amount"]); // shape first: not an exact decimal
    }
    bad.actuals[1]!["amount"] = 150.5;
    try {
      earnedValueInputFromRows(bad as unknown as EarnedValueRows);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["packages.0.budget.1.amount", "progress.3.package", "progress.4.date"]);
    }
  });

  it("entity rules are reported at the row they came from", () => {
    const r = rows() as unknown as { packages: Record<string, unknown>[] };
    r.packages[1]!["rule"] = { type: "fixed-split", startPercent: 120 };
    try {
      earnedValueInputFromRows(r as unknown as EarnedValueRows);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual(["packages.1.rule.startPercent"]);
    }
  });
});
