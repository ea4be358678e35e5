import { describe, expect, it } from "vitest";
import { money } from "../../src/index.js";
import { earnedValue } from "../../src/variance/index.js";
import { cost, pkg, project, show, week } from "./fixtures.js";

/*
 * An apportioned package (quality assurance at 10 % of the build) earns factor × its base's EV. Once the base is
 * finished the apportioned effort has nothing left to earn: it is finished with its base (on the base's finish day),
 * its ETC is 0, and the bottom-up EAC no longer asks for an estimate of it.
 *   A Build   percent-complete  W1 1000, W2 1000   BAC 2000   estimate to complete 0 (unused once finished)
 *   Q QA      apportioned to A, factor 0.1   W1 100, W2 100   BAC 200
 * A finished on Fri 2027-01-15 (record), Q has no record of its own.
 */
const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")],
  progress: [{ date: "2027-01-08", percentComplete: "40" }, { date: "2027-01-15", finished: true }] });
const q = pkg({ id: "Q", rule: { type: "apportioned", basePackageId: "A", factor: "0.1" }, slices: [week(1, "100.00"), week(2, "100.00")] });
const costs = [cost("A", "2027-01-08", "900.00"), cost("Q", "2027-01-08", "90.00"), cost("A", "2027-01-15", "1300.00"), cost("Q", "2027-01-15", "120.00")];
const input = project([a, q], costs);

describe("an apportioned package finishes with its base", () => {
  it("base finished: Q finished too, ETC 0; the project is complete on the base's finish day; bottom-up EAC = AC", () => {
    // EV: A 2000 (finished), Q 0.1 × 2000 = 200 = its BAC. AC = 900 + 90 + 1300 + 120 = 2410.
    const r = earnedValue(input, { statusDate: "2027-01-20" });
    expect(r.packages.map((p) => p.finished)).toEqual([true, true]);
    expect(show(r.packages[1]!.figures.etc.bottomUp)).toBe("0.00");
    expect(show(r.figures.ev)).toBe("2200.00");
    expect(show(r.figures.eac.bottomUp)).toBe("2410.00"); // was <no-estimate>: Q had no finish record of its own
    expect(r.complete).toBe(true);
    expect(r.actualFinish).toBe("2027-01-15");
    // AT frozen at the actual finish: 01-04…01-15 = 10 working days = PD.
    expect([show(r.schedule.at, 0), show(r.schedule.svT, 0)]).toEqual(["10", "0"]);
  });

  it("base not finished: Q is not finished either and still needs an estimate", () => {
    const r = earnedValue(input, { statusDate: "2027-01-10" });
    expect(r.packages.map((p) => p.finished)).toEqual([false, false]);
    expect(show(r.packages[1]!.figures.ev)).toBe("80.00"); // 0.1 × 800
    expect(r.figures.eac.bottomUp.reason).toBe("no-estimate");
  });

  it("a share below Q's budget (factor set too low) is not finished, but its ETC follows its finished base: 0", () => {
    // 0.05 × 2000 = 100 < 200: the rule "finished = a finish and the whole BAC earned" holds for apportioned packages
    // too, so Q is not finished (its unearned 100 shows in SV, CV and VAC); its effort ends with its base's, ETC 0.
    const low = pkg({ id: "Q", rule: { type: "apportioned", basePackageId: "A", factor: "0.05" }, slices: [week(1, "100.00"), week(2, "100.00")] });
    const r = earnedValue(project([a, low], costs), { statusDate: "2027-01-20" });
    expect(r.packages.map((p) => p.finished)).toEqual([true, false]);
    expect(show(r.packages[1]!.figures.etc.bottomUp)).toBe("0.00");
    expect(show(r.figures.eac.bottomUp)).toBe("2410.00");
  });

  it("base running with an estimate: an apportioned package without one gets factor × the base's ETC", () => {
    // A at 40 % on 01-10 with an estimate to complete of 1500 (as of 01-09); Q = 0.1 × 1500 = 150.
    // AC on 01-10: 900 + 90 = 990; bottom-up EAC = 990 + 1500 + 150 = 2640.
    const est = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")],
      progress: [{ date: "2027-01-08", percentComplete: "40" }, { date: "2027-01-15", finished: true }] });
    const estimate = { amount: money("1500.00", "EUR"), asOf: "2027-01-09" } as NonNullable<typeof est.estimateToComplete>;
    const withEtc = { ...est, estimateToComplete: estimate };
    const r = earnedValue(project([withEtc, q], costs), { statusDate: "2027-01-10" });
    expect(r.packages.map((p) => show(p.figures.etc.bottomUp))).toEqual(["1500.00", "150.00"]);
    expect(show(r.figures.eac.bottomUp)).toBe("2640.00");
    // Q's own estimate, when it has one, wins.
    const qOwn = { ...q, estimateToComplete: estimate };
    expect(show(earnedValue(project([withEtc, qOwn], costs), { statusDate: "2027-01-10" }).packages[1]!.figures.etc.bottomUp)).toBe("1500.00");
  });

  it("an apportioned package on an apportioned base finishes when the chain's root does", () => {
    const q2 = pkg({ id: "R", rule: { type: "apportioned", basePackageId: "Q", factor: "0.5" }, slices: [week(2, "100.00")] });
    const r = earnedValue(project([a, q, q2], costs), { statusDate: "2027-01-20" });
    expect(r.packages.map((p) => p.finished)).toEqual([true, true, true]);
    expect(r.actualFinish).toBe("2027-01-15");
  });
});
