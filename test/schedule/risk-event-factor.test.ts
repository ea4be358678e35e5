import { describe, expect, it } from "vitest";
import { ValidationError, analyseScheduleRisk, type ScheduleRiskModel } from "../../src/index.js";

/*
 * A risk event's impact as a duration factor (the reference's "days or a duration factor"; Hulett's risk drivers):
 * when the event occurs, the activity's duration is multiplied by the factor. `factor` was not read at all — a
 * register entry { activityId: "A", factor: 1.5 } silently changed nothing.
 *
 * Network: A 10 d → B 5 d, Monday–Friday from Mon 2027-01-04. Working day 15 is Fri 2027-01-22, 20 is Fri 2027-01-29,
 * 22 is Tue 2027-02-02, 23 is Wed 2027-02-03.
 * Combination rule (order-free): duration = round(sampled × Π factors of the events that occurred) + Σ their days.
 */
const network: ScheduleRiskModel["network"] = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 10 }, { id: "B", duration: 5 }],
  links: [{ from: "A", to: "B" }],
};
const p50 = (r: ReturnType<typeof analyseScheduleRisk>) => r.percentiles.find((p) => p.percent === 50);

describe("analyseScheduleRisk: risk-event duration factors", () => {
  it("a certain event with factor 1.5 on A makes A 15 days: finish Fri 29 (was Fri 22, the factor ignored), cost 15 × 100", () => {
    const model: ScheduleRiskModel = { network, costs: [{ activityId: "A", perDay: "100" }], riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "A", factor: "1.5" }] }] };
    const r = analyseScheduleRisk(model, { iterations: 20, seed: 1 });
    expect(p50(r)?.finish).toBe("2027-01-29");
    expect(p50(r)?.cost.amount.toFixed(2)).toBe("1500.00");
    expect(r.activities.find((a) => a.id === "A")?.meanDuration.toString()).toBe("15");
  });

  it("factor then days, whatever the event order: 10 × 1.5 + 2 = 17 days (Tue 2 Feb), not (10 + 2) × 1.5 = 18 (Wed 3 Feb)", () => {
    const events = [
      { id: "R-1", probability: "1", impacts: [{ activityId: "A", days: 2 }] },
      { id: "R-2", probability: "1", impacts: [{ activityId: "A", factor: "1.5" }] },
    ];
    const forward = analyseScheduleRisk({ network, riskEvents: events }, { iterations: 10 });
    const backward = analyseScheduleRisk({ network, riskEvents: [...events].reverse().map((e, k) => ({ ...e, id: `R-${k + 1}` })) }, { iterations: 10 });
    expect([p50(forward)?.finish, p50(backward)?.finish]).toEqual(["2027-02-02", "2027-02-02"]);
  });

  it("an event of probability 0.5 with factor 2: A takes 10 or 20 days, the project 15 or 25; criticality unchanged, A sensitive", () => {
    const r = analyseScheduleRisk({ network, riskEvents: [{ id: "R-1", probability: "0.5", impacts: [{ activityId: "A", factor: 2 }] }] }, { iterations: 400, seed: 9 });
    const occurred = Number(r.riskEvents[0]?.occurrence);
    // mean of A = 10 + 10 × occurrence share, reported to 2 places (so within 0.005 of it)
    expect(Math.abs(Number(r.activities.find((a) => a.id === "A")?.meanDuration) - (10 + 10 * occurred))).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(occurred).toBeGreaterThan(0);
    expect(r.activities.find((a) => a.id === "A")?.sensitivity.value?.toString()).toBe("1");
  });

  it("a factor below 1 or not a decimal is refused at its path", () => {
    let paths: string[] = [];
    try {
      analyseScheduleRisk({ network, riskEvents: [{ id: "R-1", probability: "1", impacts: [{ activityId: "A", factor: "0.8" }, { activityId: "B", factor: "x" }] }] });
    } catch (e) {
      if (e instanceof ValidationError) paths = e.issues.map((i) => i.path.join("."));
    }
    expect(paths).toEqual(["riskEvents.0.impacts.0.factor", "riskEvents.0.impacts.1.factor"]);
  });
});
