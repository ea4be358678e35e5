import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

/*
 * A risk-event impact that changes nothing — no days, no factor, no cost (or days 0, factor 1, cost 0) — was drawn in
 * every iteration and silently did nothing; an event without impacts too. Both are refused at their path.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }],
  links: [{ from: "A", to: "B" }],
};
const run = (riskEvents: ScheduleRiskModel["riskEvents"]) => validationIssues(() => analyseScheduleRisk({ network, riskEvents }, { iterations: 10 }));

describe("analyseScheduleRisk: an impact that changes nothing is refused", () => {
  it("{ activityId } alone (a RAID risk without schedule or cost impact) is refused at its path", () => {
    // Before: accepted; P10…P90 all 2027-01-13 and cost 0, the event 'occurring' in half the runs to no effect.
    expect(run([{ id: "R-1", probability: "0.5", impacts: [{ activityId: "B" }] }])).toEqual([
      "riskEvents.0.impacts.0: an impact needs days > 0, a factor > 1 or a cost > 0 (this one changes nothing)",
    ]);
  });

  it("days 0, factor 1 and cost 0 change nothing either", () => {
    expect(run([{ id: "R-1", probability: "1", impacts: [{ activityId: "A", days: 5 }, { activityId: "B", days: "0", factor: 1, cost: "0.00" }] }])).toEqual([
      "riskEvents.0.impacts.1: an impact needs days > 0, a factor > 1 or a cost > 0 (this one changes nothing)",
    ]);
  });

  it("an event without impacts is refused at its impacts", () => {
    expect(run([{ id: "R-1", probability: "0.5", impacts: [] }])).toEqual(["riskEvents.0.impacts: a risk event needs at least one impact"]);
  });

  it("any one of days, factor or cost is enough (probability 1: B 3 → 5 days, finish Wed 13 → Fri 15; cost 7.00)", () => {
    for (const im of [{ days: 2 }, { factor: "1.6667" }]) {
      expect(analyseScheduleRisk({ network, riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "B", ...im }] }] }, { iterations: 5 }).percentiles[1]!.finish).toBe("2027-01-15");
    }
    const r = analyseScheduleRisk({ network, riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "B", cost: "7" }] }] }, { iterations: 5 });
    expect(r.percentiles[1]!.cost.amount.toFixed(2)).toBe("7.00");
  });
});
