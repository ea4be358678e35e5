import { describe, expect, it } from "vitest";
import { ValidationError, analyseScheduleRisk, type RiskOptions, type ScheduleRiskModel } from "../../src/index.js";
import { issuePathsOf } from "../support/errors.js";

/*
 * Inputs a risk register or a caller hands analyseScheduleRisk that were a crash (RangeError, TypeError) or a silent
 * answer instead of a ValidationError at their path.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }],
  links: [{ from: "A", to: "B" }],
};
const paths = issuePathsOf;

describe("analyseScheduleRisk: risk-event costs are whole minor units, as cost rows are", () => {
  it("an event cost of 0.0001 EUR (a hundredth of a cent) is a ValidationError at its path, not a RangeError", () => {
    // 0.0001 EUR = 0.01 cent; × 480 minutes a day = 4.8 cent-minutes, which BigInt() refused mid-summary.
    const model: ScheduleRiskModel = { network, riskEvents: [{ id: "R-1", probability: "0.5", impacts: [{ activityId: "B", cost: "0.0001" }] }] };
    expect(paths(() => analyseScheduleRisk(model, { iterations: 10 }))).toEqual(["riskEvents.0.impacts.0.cost"]);
  });

  it("an event cost of 0.004 EUR is refused, not silently read as 0.00 in every percentile", () => {
    // Before: probability 1, every iteration costs 0.004 EUR, every P-value and the mean printed 0.00.
    const model: ScheduleRiskModel = { network, riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "B", cost: "0.004" }] }] };
    expect(paths(() => analyseScheduleRisk(model, { iterations: 10 }))).toEqual(["riskEvents.0.impacts.0.cost"]);
  });

  it("a whole-cent event cost still counts (probability 1, 12.34 EUR → every percentile 12.34)", () => {
    const model: ScheduleRiskModel = { network, riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "B", cost: "12.34" }] }] };
    const r = analyseScheduleRisk(model, { iterations: 10 });
    expect(r.percentiles.map((p) => p.cost.amount.toFixed(2))).toEqual(["12.34", "12.34", "12.34", "12.34"]);
  });

  it("a JPY event cost (no minor unit) of 0.5 is refused", () => {
    const model: ScheduleRiskModel = { network, currency: "JPY", riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "B", cost: "0.5" }] }] };
    expect(paths(() => analyseScheduleRisk(model, { iterations: 10 }))).toEqual(["riskEvents.0.impacts.0.cost"]);
  });
});

describe("analyseScheduleRisk: malformed options and ids are ValidationErrors", () => {
  it("percentiles that are not an array are refused at percentiles (was a TypeError: forEach is not a function)", () => {
    expect(paths(() => analyseScheduleRisk({ network }, { percentiles: 50 } as unknown as RiskOptions))).toEqual(["percentiles"]);
  });

  it("a risk event id that is not a non-empty string is refused at its path (a numeric id was sorted against strings)", () => {
    const impacts = [{ activityId: "B", days: 1 }];
    const model = { network, riskEvents: [{ id: 5, probability: "0.5", impacts }, { id: "", probability: "0.5", impacts }] } as unknown as ScheduleRiskModel;
    expect(paths(() => analyseScheduleRisk(model, { iterations: 10 }))).toEqual(["riskEvents.0.id", "riskEvents.1.id"]);
  });
});

describe("analyseScheduleRisk: a fractional cost row is refused at its own path", () => {
  it("perDay 0.005 EUR is refused at costs.0.perDay (was the bare path costs)", () => {
    const model: ScheduleRiskModel = { network, costs: [{ activityId: "A", perDay: "0.005" }] };
    expect(paths(() => analyseScheduleRisk(model, { iterations: 10 }))).toEqual(["costs.0.perDay"]);
  });
});
