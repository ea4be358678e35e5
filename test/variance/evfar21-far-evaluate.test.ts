import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/index.js";
import { compileEarnedValue, earnedValue, evaluateEarnedValue, evaluatePortfolio } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, project, show, week } from "./fixtures.js";

// evfar20 bounded earnedValue's span (status date, planned dates, cost entries) to 400 years (146,097 days, one
// Gregorian cycle). The compiled path evaluated any status date: its work grew with the distance past the compiled
// calendar (evaluatePortfolio on a 50-package project: 0.1 s at 3026, 0.35 s at 9999-12-31), and it answered where
// earnedValue refuses. Both now apply earnedValue's bound, measured on the plan's dates (not the compile date), so
// that evaluating a compiled project refuses exactly where earnedValue refuses, with the same error.

// One package, 4 weeks of January 2027 (2027-01-04 … 2027-01-31) at 1,000.00 EUR a week, 10 % complete on 2027-01-08.
const input = () => project([pkg({ id: "wp-a", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00"), week(3, "1000.00"), week(4, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "10" }] })], []);

function refusal(call: () => unknown): { path: unknown; message: string } | "answers" {
  try { call(); } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const issue = (e as ValidationError).issues[0];
    return { path: issue?.path, message: issue?.message ?? "" };
  }
  return "answers";
}

const FAR = { path: ["statusDate"], message: "more than 400 years (146,097 days) from the plan" };

describe("evfar21: evaluateEarnedValue and evaluatePortfolio apply earnedValue's 400-year bound", () => {
  const compiled = compileEarnedValue(input(), { statusDate: "2027-01-20" });

  it("answer up to 400 years after the plan's start, as earnedValue does (same figures)", () => {
    // 2027-01-04 (epoch day 17,900) + 146,097 days = 2427-01-04. PV = BAC 4,000.00; EV 10 % = 400.00; ES 2.00 working
    // days (400 of week 1's 1,000 = 0.4 of its 5 working days), as in the evfar20 test for earnedValue.
    const one = evaluateEarnedValue(compiled, "2427-01-04");
    const all = evaluatePortfolio([compiled], "2427-01-04").projects[0]!;
    for (const r of [one, all]) expect([show(r.figures.pv), show(r.figures.ev), show(r.schedule.es)]).toEqual(["4000.00", "400.00", "2.00"]);
  });

  it("refuse one day further, 1,000 years out and at 9999-12-31 with earnedValue's ValidationError at [\"statusDate\"]", () => {
    for (const date of ["2427-01-05", "3027-01-04", "9999-12-31", "1627-01-30", "0001-01-01"]) {
      expect(refusal(() => earnedValue(input(), { statusDate: date })), date).toEqual(FAR);
      expect(refusal(() => evaluateEarnedValue(compiled, date)), date).toEqual(FAR);
      expect(refusal(() => evaluatePortfolio([compiled], date)), date).toEqual(FAR);
    }
  });

  it("measure the plan's span, not the compile date's: a compile date far on one side does not narrow the other", () => {
    // Compiled at 2426-12-01 (within 400 years of the plan). 1627-01-31 is within 400 years of the plan's finish
    // 2027-01-31 (146,097 days), so earnedValue answers there; 1627-01-31 … 2426-12-01 would be ~800 years.
    const late = compileEarnedValue(input(), { statusDate: "2426-12-01" });
    expect(refusal(() => earnedValue(input(), { statusDate: "1627-01-31" }))).toBe("answers");
    expect(show(evaluateEarnedValue(late, "1627-01-31").figures.pv)).toBe("0.00");
    expect(refusal(() => evaluatePortfolio([late], "1627-01-31"))).toBe("answers");
    expect(refusal(() => evaluateEarnedValue(late, "1627-01-30"))).toEqual(FAR);
  });

  it("count the cost entries' dates too (an actual in 2030 moves the late bound by 3 years)", () => {
    const withActual = project(input().workPackages as never, [cost("wp-a", "2030-06-30", "500.00")]);
    const c = compileEarnedValue(withActual, { statusDate: "2027-01-20" });
    // Earliest date 2027-01-04; latest 2030-06-30. Backwards from 2030-06-30: − 146,097 days = 1630-06-30.
    for (const date of ["1630-06-30", "1630-06-29", "2427-01-04"]) {
      const want = refusal(() => earnedValue(withActual, { statusDate: date }));
      expect(want, date).toEqual(date === "1630-06-29" ? FAR : "answers");
      expect(refusal(() => evaluateEarnedValue(c, date)), date).toEqual(want);
    }
  });

  it("a portfolio is refused when any of its projects would span more than 400 years", () => {
    const early = compileEarnedValue(input(), { statusDate: "2027-01-20" });
    // A project planned in 2400: 2427-01-04 is fine for it, but 2427-01-05 is too far for the 2027 project.
    const wps = [pkg({ id: "wp-b", rule: { type: "0/100" }, slices: [{ start: "2400-01-03", finish: "2400-01-09", amount: { amount: "10.00", currency: "EUR" } }] }, "PRJ-U")];
    const p2400 = { project: { id: "PRJ-U", name: "Later" }, workPackages: wps, baselines: [baselineOf(wps, 0, "PRJ-U")], costEntries: [] };
    const later = compileEarnedValue(p2400, { statusDate: "2400-01-05" });
    expect(refusal(() => evaluatePortfolio([later, early], "2427-01-04"))).toBe("answers");
    expect(refusal(() => evaluatePortfolio([later, early], "2427-01-05"))).toEqual(FAR);
  });
});
