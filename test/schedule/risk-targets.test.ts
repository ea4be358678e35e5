import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

/*
 * Targets no run can meet were accepted and answered as if meaningful: a negative targetCost gave P(cost ≤ −5) = 0,
 * a targetFinish before the plan's start P(finish ≤ date) = 0. Both are refused, with what was wrong.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }],
  links: [{ from: "A", to: "B" }],
};
const model: ScheduleRiskModel = { network, costs: [{ activityId: "A", perDay: "100" }] };

describe("analyseScheduleRisk: targets", () => {
  it("a negative targetCost is refused (before: probabilityOfCost 0)", () => {
    expect(validationIssues(() => analyseScheduleRisk(model, { iterations: 10, targetCost: "-5" }))).toEqual([
      "targetCost: a target cost is ≥ 0, got -5",
    ]);
  });

  it("a targetFinish before the plan's start is refused (before: probabilityOfFinish 0)", () => {
    expect(validationIssues(() => analyseScheduleRisk(model, { iterations: 10, targetFinish: "2027-01-01" }))).toEqual([
      "targetFinish: 2027-01-01 is before the plan's start 2027-01-04: no run can finish by then",
    ]);
  });

  it("the plan's start itself and a zero cost are targets (A, B: 8 days to Wed 13, 500.00 EUR: 0 by the start and at 0; 1 by Wed 13 and at 500)", () => {
    const r = analyseScheduleRisk(model, { iterations: 10, targetFinish: "2027-01-04", targetCost: "0" });
    expect([r.probabilityOfFinish.value?.toFixed(), r.probabilityOfCost.value?.toFixed()]).toEqual(["0", "0"]);
    const ok = analyseScheduleRisk(model, { iterations: 10, targetFinish: "2027-01-13", targetCost: "500" });
    expect([ok.probabilityOfFinish.value?.toFixed(), ok.probabilityOfCost.value?.toFixed(), ok.jointConfidence.value?.toFixed()]).toEqual(["1", "1", "1"]);
  });

  it("percentiles and probabilities out of range were already refused (evidence for the audit's item)", () => {
    expect(validationIssues(() => analyseScheduleRisk(model, { iterations: 10, percentiles: [0, 100.5, Number.NaN] }))).toEqual([
      "percentiles.0: a percentile lies in (0, 100]",
      "percentiles.1: a percentile lies in (0, 100]",
      "percentiles.2: a percentile lies in (0, 100]",
    ]);
    expect(validationIssues(() => analyseScheduleRisk({ network, riskEvents: [{ id: "R", probability: "1.01", impacts: [{ activityId: "A", days: 1 }] }, { id: "S", probability: "-0.1", impacts: [{ activityId: "A", days: 1 }] }] }))).toEqual([
      "riskEvents.0.probability: a probability lies in [0, 1]",
      "riskEvents.1.probability: a probability lies in [0, 1]",
    ]);
  });
});
