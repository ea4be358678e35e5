import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

/*
 * Durations are counted in whole minutes of working time: an impact's days are rounded to a minute (half up). Days
 * above 0 that round to 0 minutes passed the "changes nothing" check (days > 0) and then added nothing in every
 * iteration: `days: "0.0001"` (0.048 minute of a 480-minute day) left every percentile where it was. They are
 * refused at the impact's days now, like any impact that changes nothing; half a minute and more counts.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }],
  links: [{ from: "A", to: "B" }],
};
const run = (riskEvents: ScheduleRiskModel["riskEvents"]) => validationIssues(() => analyseScheduleRisk({ network, riskEvents }, { iterations: 10 }));
const MESSAGE = "rounds to 0 minutes of working time (a day is 480; durations count whole minutes): it adds nothing; give 0 or at least half a minute";

describe("analyseScheduleRisk: impact days below half a minute are refused, not silently dropped", () => {
  it("days 0.0001 (0.048 minute), alone: before, accepted and every percentile 2027-01-13 as without the event", () => {
    expect(run([{ id: "R-1", probability: "1", impacts: [{ activityId: "B", days: "0.0001" }] }])).toEqual([`riskEvents.0.impacts.0.days: 0.0001 days ${MESSAGE}`]);
  });

  it("days 0.001 (0.48 minute) beside a cost: the days would be dropped while the cost counts, so refused too", () => {
    expect(run([{ id: "R-1", probability: "1", impacts: [{ activityId: "B", days: "0.001", cost: "100" }] }])).toEqual([`riskEvents.0.impacts.0.days: 0.001 days ${MESSAGE}`]);
  });

  it("half a minute counts as one: days 0.00105 = 0.504 minute → 1 minute, so B spills into Thu 2027-01-14", () => {
    // 0.00105 × 480 = 0.504 minute, rounded half up to 1. Without it B (3 days) ends Wed 2027-01-13 at the end of the
    // working day; its one more minute is the first minute of Thursday, so the finish day is 2027-01-14.
    const r = analyseScheduleRisk({ network, riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "B", days: "0.00105" }] }] }, { iterations: 5 });
    expect([r.percentiles[1]!.finish, r.riskEvents[0]!.id]).toEqual(["2027-01-14", "R-1"]);
  });

  it("days 0 with a cost is still an impact (the cost), days 0 alone still changes nothing", () => {
    expect(run([{ id: "R-1", probability: "1", impacts: [{ activityId: "B", days: 0, cost: "5" }] }])).toEqual([]);
    expect(run([{ id: "R-1", probability: "1", impacts: [{ activityId: "B", days: 0 }] }])).toEqual([
      "riskEvents.0.impacts.0: an impact needs days > 0, a factor > 1 or a cost > 0 (this one changes nothing)",
    ]);
  });
});
