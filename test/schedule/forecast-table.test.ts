import { describe, expect, it } from "vitest";
import { STANDARD_CALENDAR, ValidationError, compareFinishForecasts, createWorkingCalendar, scheduleNetwork } from "../../src/index.js";

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

  it("counts slips on the network's own calendar by default: a 6-day week with a holiday", () => {
    // Monday–Saturday, Wed 2027-01-06 a holiday. P1: A 4 d (Mon 4, Tue 5, Thu 7, Fri 8) → B 3 d (Sat 9, Mon 11,
    // Tue 12). P2: C 4 d (Mon 4, Tue 5, Thu 7, Fri 8).
    const sixDay = createWorkingCalendar({ name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [{ date: "2027-01-06", name: "Epiphany" }] });
    const net = scheduleNetwork({
      projectStart: "2027-01-04",
      calendar: sixDay,
      activities: [{ id: "A", projectId: "P1", duration: 4 }, { id: "B", projectId: "P1", duration: 3 }, { id: "C", projectId: "P2", duration: 4 }],
      links: [{ from: "A", to: "B" }],
    });
    expect(net.calendar).toBe(sixDay);
    const forecasts = [
      { projectId: "P1", baselineFinish: "2027-01-08", earnedScheduleFinish: "2027-01-14" },
      { projectId: "P2", baselineFinish: "2027-01-05" },
    ];
    const [p1, p2] = compareFinishForecasts(net, forecasts);
    // P1: Fri 8 → Tue 12 is Sat 9, Mon 11, Tue 12 = 3 working days (Monday–Friday counted 2); Fri 8 → Thu 14 is Sat 9,
    // Mon 11 … Thu 14 = 5 (Monday–Friday: 4); Tue 12 → Thu 14 is −(Tue 12, Wed 13) = −2 on both.
    expect([p1?.scheduledFinish, p1?.scheduleSlipDays.value?.toFixed(), p1?.earnedScheduleSlipDays.value?.toFixed(), p1?.forecastGapDays.value?.toFixed()]).toEqual([
      "2027-01-12", "3", "5", "-2",
    ]);
    // P2: Tue 5 → Fri 8 is Thu 7, Fri 8 = 2: the holiday does not count (Monday–Friday counted Wed 6 too: 3).
    expect([p2?.scheduledFinish, p2?.scheduleSlipDays.value?.toFixed()]).toEqual(["2027-01-08", "2"]);
    // An explicit calendar still wins: Monday–Friday without holidays gives the old figures 2, 4, −2 and 3.
    const [q1, q2] = compareFinishForecasts(net, forecasts, { calendar: STANDARD_CALENDAR });
    expect([q1?.scheduleSlipDays.value?.toFixed(), q1?.earnedScheduleSlipDays.value?.toFixed(), q1?.forecastGapDays.value?.toFixed(), q2?.scheduleSlipDays.value?.toFixed()]).toEqual([
      "2", "4", "-2", "3",
    ]);
  });
  it("a network without a calendar is on Monday–Friday, and so are its slips", () => {
    expect(r.calendar).toBe(STANDARD_CALENDAR);
  });
});
