import { describe, expect, it } from "vitest";
import { ValidationError, compareFinishForecasts, scheduleNetwork } from "../../src/index.js";

describe("forecast table", () => {
  // P1: A 3 d (Mon 4 – Wed 6) → B 2 d (Thu 7 – Fri 8). P2: C 6 d (Mon 4 – Mon 11).
  const r = scheduleNetwork({
    projectStart: "2027-01-04",
    activities: [
      { id: "A", projectId: "P1", duration: 3 }, { id: "B", projectId: "P1", duration: 2 }, { id: "C", projectId: "P2", duration: 6 },
    ],
    links: [{ from: "A", to: "B" }],
  });
  it("puts the CPM finish beside the baseline and earned schedule's forecast, slips in working days", () => {
    const [p1, p2, all] = compareFinishForecasts(r, [
      // Baseline Wed 6: the schedule says Fri 8 → 2 working days late; ES says Tue 12 → 4 days late; gap −2.
      { projectId: "P1", baselineFinish: "2027-01-06", earnedScheduleFinish: "2027-01-12" },
      { projectId: "P2" },
      { baselineFinish: "2027-01-12" },
    ]);
    expect([p1?.scheduledFinish, p1?.scheduleSlipDays.value?.toFixed(), p1?.earnedScheduleSlipDays.value?.toFixed(), p1?.forecastGapDays.value?.toFixed()]).toEqual([
      "2027-01-08", "2", "4", "-2",
    ]);
    expect(p2).toMatchObject({ scheduledFinish: "2027-01-11", baselineFinish: { reason: "no-baseline" }, forecastGapDays: { reason: "no-earned-schedule" } });
    expect([all?.projectId, all?.scheduledFinish, all?.scheduleSlipDays.value?.toFixed()]).toEqual([undefined, "2027-01-11", "-1"]);
  });
  it("refuses unknown projects and bad dates", () => {
    expect(() => compareFinishForecasts(r, [{ projectId: "P9" }, { baselineFinish: "June" }])).toThrow(ValidationError);
  });
});
