import { expect, it } from "vitest";
import { compileEarnedValue, earnedValue, evaluatePortfolio } from "../../src/index.js";
import { cost, pkg, project, week } from "./fixtures.js";

// One package A, 1,000.00 planned in week 1 of January 2027 (Mon 4 – Sun 10), reported 100 % and finished on
// Wed 2027-01-13 (three days late). At the status date 2027-01-15 all value is earned: complete, actual finish 01-13,
// and the forecast finish is that actual finish. earnedValue says so; evaluatePortfolio (the dashboard fast path,
// documented as "the same figures") gave actualFinish undefined for the same complete project.
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000")], progress: [{ date: "2027-01-13", percentComplete: "100", finished: true }] });
const input = project([A], [cost("A", "2027-01-08", "1100")]);

it("evaluatePortfolio gives a complete project's actual finish, as earnedValue does", () => {
  const one = earnedValue(input, { statusDate: "2027-01-15" });
  expect([one.complete, one.actualFinish, one.schedule.forecastFinish.spiT.value]).toEqual([true, "2027-01-13", "2027-01-13"]);
  const { projects } = evaluatePortfolio([compileEarnedValue(input, { statusDate: "2027-01-15" })], "2027-01-15");
  expect([projects[0]!.complete, projects[0]!.actualFinish]).toEqual([true, "2027-01-13"]);
});

it("before it is complete there is no actual finish on either path", () => {
  const { projects } = evaluatePortfolio([compileEarnedValue(input, { statusDate: "2027-01-15" })], "2027-01-12");
  expect([projects[0]!.complete, projects[0]!.actualFinish]).toEqual([false, undefined]);
  expect(earnedValue(input, { statusDate: "2027-01-12" }).actualFinish).toBeUndefined();
});
