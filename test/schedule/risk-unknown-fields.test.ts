import { describe, expect, it } from "vitest";
import { ValidationError, analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";

/*
 * Unknown fields in a schedule risk model were ignored: a misspelt `lamda` fell back to λ = 4, a `mean` on a
 * triangular distribution did nothing, a cost row's `perday` cost nothing, an impact's `dayz` added nothing. Each
 * object is strict now, as zod's strictObject: an `unrecognized_keys` issue at the object's path naming the keys.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 5 }, { id: "B", duration: 3 }],
  links: [{ from: "A", to: "B" }],
};
const issues = (model: unknown): string[] => {
  try {
    analyseScheduleRisk(model as ScheduleRiskModel, { iterations: 10 });
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => `${i.path.join(".")} [${i.code}]: ${i.message}`);
    throw e;
  }
  return [];
};

describe("analyseScheduleRisk: unknown fields are refused at their object's path", () => {
  it("a triangular distribution with a mean (before: ignored, P50 2027-01-14 as without it)", () => {
    expect(issues({ network, durations: [{ activityId: "A", distribution: { kind: "triangular", min: 4, mostLikely: 5, max: 9, mean: 6 } }] })).toEqual([
      'durations.0.distribution [unrecognized_keys]: Unrecognized key: "mean" (a triangular distribution has kind, min, mostLikely, max)',
    ]);
  });

  it("PERT with a misspelt lamda (before: λ silently 4) and a misspelt likley (and so no mostLikely)", () => {
    expect(issues({ network, durations: [{ activityId: "A", distribution: { kind: "pert", min: 4, mostLikely: 5, max: 9, lamda: 2 } }] })).toEqual([
      'durations.0.distribution [unrecognized_keys]: Unrecognized key: "lamda" (a pert distribution has kind, min, mostLikely, max, lambda)',
    ]);
    expect(issues({ network, durations: [{ activityId: "A", distribution: { kind: "pert", min: 4, likley: 5, max: 9 } }] })[0]).toBe(
      'durations.0.distribution [unrecognized_keys]: Unrecognized key: "likley" (a pert distribution has kind, min, mostLikely, max, lambda)',
    );
  });

  it("uniform and lognormal take only their own fields (a uniform mostLikely, a lognormal sd)", () => {
    expect(issues({ network, durations: [
      { activityId: "A", distribution: { kind: "uniform", min: 4, mostLikely: 5, max: 9 } },
      { activityId: "B", distribution: { kind: "lognormal", mean: 3, standardDeviation: 1, sd: 1, cv: 0.3 } },
    ] })).toEqual([
      'durations.0.distribution [unrecognized_keys]: Unrecognized key: "mostLikely" (a uniform distribution has kind, min, max)',
      'durations.1.distribution [unrecognized_keys]: Unrecognized keys: "sd", "cv" (a lognormal distribution has kind, mean, standardDeviation)',
    ]);
  });

  it("rows, impacts and the model itself (at the root path, as zod): perday, dayz, a misspelt riskevents list", () => {
    expect(issues({
      network,
      durations: [{ activityId: "A", distribution: { kind: "uniform", min: 4, max: 9 }, weight: 1 }],
      riskEvents: [{ id: "R-1", probability: "0.5", impacts: [{ activityId: "B", days: 1, dayz: 3 }], owner: "x" }],
      costs: [{ activityId: "A", perday: "100" }],
      riskevents: [],
    })).toEqual([
      ' [unrecognized_keys]: Unrecognized key: "riskevents" (a schedule risk model has network, durations, groups, correlations, riskEvents, costs, currency)',
      'durations.0 [unrecognized_keys]: Unrecognized key: "weight" (a duration uncertainty has activityId, distribution)',
      'riskEvents.0 [unrecognized_keys]: Unrecognized key: "owner" (a risk event has id, probability, impacts)',
      'riskEvents.0.impacts.0 [unrecognized_keys]: Unrecognized key: "dayz" (an impact has activityId, days, factor, cost)',
      'costs.0 [unrecognized_keys]: Unrecognized key: "perday" (a cost row has activityId, fixed, perDay)',
    ]);
  });

  it("groups and correlations too; a key named __proto__ is refused, not read", () => {
    const model = JSON.parse('{"groups":[{"id":"G","activityIds":["A"],"members":["B"]}],"correlations":[{"between":"G","and":"B","coefficient":"0.5","__proto__":{"x":1}}]}');
    expect(issues({ ...model, network, durations: [{ activityId: "A", distribution: { kind: "uniform", min: 4, max: 9 } }, { activityId: "B", distribution: { kind: "uniform", min: 2, max: 4 } }] })).toEqual([
      'groups.0 [unrecognized_keys]: Unrecognized key: "members" (a group has id, activityIds)',
      'correlations.0 [unrecognized_keys]: Unrecognized key: "__proto__" (a correlation has between, and, coefficient)',
    ]);
  });
});
