import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { SEVEN_DAY } from "./helpers.js";
import { threeEngines } from "./three-engines.js";

/*
 * Cases the three-engine property (three-engines.test.ts) found or checks, pinned: scheduleNetwork, levelResources with
 * ample resources and the Monte Carlo run without uncertainty agree. Calendar Monday–Friday; Mon 2027-01-04 is the
 * project start. A start is the morning of its day, a finish the evening.
 */
const DEFAULTS = { milestoneDating: "reached", outOfSequence: "retained-logic", startLinkFloat: "exact", startNoLaterThan: "working-time" } as const;
const agree = (network: ScheduleInput) => {
  const e = threeEngines(network, DEFAULTS);
  expect(e.levelled).toEqual(e.cpm);
  expect(e.levelledFinish).toEqual(e.cpmFinish);
  expect(e.mcFinish).toEqual(e.cpmFinishes);
  expect(e.criticality).toEqual(e.critical);
  return e;
};

describe("ALAP into a link a must-start-on date already breaks", () => {
  it("A (1 d, 7-day, ALAP) FS → B (MSO Thu 7), status Thu 7: A stays Fri 8 in levelling too (it went to Sun 10)", () => {
    // Status Thu 7: A (not started) starts no earlier than Fri 8; B must start Thu 7, so the link is broken before
    // anything moves: A's late finish is B's start, Wed 6 evening — total float −2 days, free float 0, so
    // scheduleNetwork schedules A on its early date, Fri 8. Levelling (nothing to level) moved A as late as the broken
    // link would not be broken further *on B's calendar*: A finishing Sun 10 evening still reaches B's Mon 11 morning —
    // two more days late on A's own calendar, the levelled plan two days from the CPM with no resource conflict.
    const e = agree({
      projectStart: "2027-01-04",
      statusDate: "2027-01-07",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "A", duration: 1, calendarId: "seven", constraint: { kind: "alap" } }, { id: "B", duration: 2.5, constraint: { kind: "mso", date: "2027-01-07" } }],
      links: [{ from: "A", to: "B" }],
    });
    expect(e.levelled).toEqual(["A 2027-01-08 2027-01-08", "B 2027-01-07 2027-01-11"]);
  });
});

describe("part-day elapsed lags: proportional, across non-working time, the same in all three engines", () => {
  const seven = { seven: SEVEN_DAY };
  it("A (5 d) Fri 8 FS + 1.5 elapsed days → B (1 d, 7-day): B Sun 10 midday – Mon 11 midday", () => {
    // Fri 8 evening + 1.5 calendar days = Sun 10 at half its window (the lag runs through the week-end); B works 1 day
    // on its 7-day calendar from there: to Mon 11 midday. (MS Project's clock: Fri 17:00 + 36 h = Sun 05:00, B Sun 10.)
    const e = agree({ projectStart: "2027-01-04", calendars: seven, activities: [{ id: "A", duration: 5 }, { id: "B", duration: 1, calendarId: "seven" }], links: [{ from: "A", to: "B", lag: { elapsedDays: 1.5 } }] });
    expect(e.cpm).toEqual(["A 2027-01-04 2027-01-08", "B 2027-01-10 2027-01-11"]);
  });

  it("over a holiday: A Mon 4 FS + 1.5 elapsed days → B, Wed 6 a holiday: B Thu 7, A has half a day of float", () => {
    // Mon 4 evening + 1.5 days = Wed 6 midday, a holiday: B starts Thu 7 morning. A may finish as late as Tue 5 midday
    // (+ 1.5 days = Thu 7 00:00, still B's Thursday morning): 0.5 day of total float.
    const e = agree({
      projectStart: "2027-01-04",
      calendar: createWorkingCalendar({ name: "office", holidays: ["2027-01-06"] }),
      calendars: seven,
      activities: [{ id: "A", duration: 1 }, { id: "B", duration: 1 }],
      links: [{ from: "A", to: "B", lag: { elapsedDays: 1.5 } }],
    });
    expect(e.cpm).toEqual(["A 2027-01-04 2027-01-04", "B 2027-01-07 2027-01-07"]);
  });

  it("a lead of 1.5 elapsed days through a 7-day milestone: A Fri 8 → M Thu 7 → SS − 1.5 → B Wed 6", () => {
    // M (7-day) reached Fri 8 evening − 1.5 days = Thu 7 midday; B (SS − 1.5 elapsed days from M) Thu 7 midday − 1.5
    // days = Wed 6 00:00, B's Wednesday morning.
    const e = agree({
      projectStart: "2027-01-04",
      calendars: seven,
      activities: [{ id: "A", duration: 5 }, { id: "M", duration: 0, calendarId: "seven" }, { id: "B", duration: 1 }],
      links: [{ from: "A", to: "M", lag: { elapsedDays: -1.5 } }, { from: "M", to: "B", type: "SS", lag: { elapsedDays: -1.5 } }],
    });
    expect(e.cpm).toEqual(["A 2027-01-04 2027-01-08", "M 2027-01-07 2027-01-07", "B 2027-01-06 2027-01-06"]);
  });
});

describe("started work with nothing left, its finish held by FNET", () => {
  it("B started Mon 4, 0 days left, FNET Fri 22: the network finishes Fri 22 evening, so 7-day ALAP M is on Fri 22 (was Sun 24)", () => {
    // Status Mon 4. B's remaining part (0 days) is held to finish no earlier than Fri 22: its finish is Fri 22 evening,
    // shown Fri 22, and the network finish. M (7-day milestone, ALAP, unlinked) goes to the finish: early Tue 5 (the
    // morning after the status date), late Fri 22 evening = Sat 23 00:00 on its 7-day calendar — 18 days of float,
    // scheduled (dated) Fri 22. The kernel took B's finish as its position's *morning* (a 0-day span read as a start),
    // Mon 25 00:00 = Sun 24 evening on M's calendar: 20 days of float, M scheduled Sun 24, and levelling's finish Sun 24
    // against scheduleNetwork's Fri 22. The Monte Carlo already counted B at its evening.
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      statusDate: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [
        { id: "M", duration: 0, calendarId: "seven", constraint: { kind: "alap" } },
        { id: "B", duration: 0.5, constraint: { kind: "fnet", date: "2027-01-22" }, progress: { actualStart: "2027-01-04", remainingDuration: 0 } },
      ],
    };
    const e = agree(network);
    expect(e.cpm).toEqual(["M 2027-01-22 2027-01-22", "B 2027-01-04 2027-01-22"]);
    expect(scheduleNetwork(network).activities[0]!.totalFloat.toFixed()).toBe("18");
  });
});

describe("a resource on its own calendar: the activity's finish day", () => {
  const monThu = createWorkingCalendar({ name: "Mon–Thu", workingWeekdays: [1, 2, 3, 4] });
  const plan = (activity: ScheduleInput["activities"][number]) =>
    levelResources({
      network: { projectStart: "2027-01-04", calendars: { monThu }, activities: [activity] },
      resources: [{ id: "R", maxUnits: 1, calendarId: "monThu" }],
      assignments: [{ activityId: activity.id, resourceId: "R", units: 1 }],
    });
  it("A (4 d) with a Mon–Thu resource ends at Thu 7's evening: finish Thu 7, not Fri 8 or Mon 11", () => {
    const r = plan({ id: "A", duration: 4 });
    expect([r.activities[0]!.start, r.activities[0]!.finish, r.finish, r.delays.length]).toEqual(["2027-01-04", "2027-01-07", "2027-01-07", 0]);
  });
  it("A (2 d, SNET Thu 7) cannot work Fri 8 with R: it moves to Mon 11 – Tue 12, finishing Tue 12 (the activity's calendar dates it)", () => {
    // On the CPM dates A is Thu 7 – Fri 8 and R does not work Friday: the next window where R works every day A does
    // starts Mon 11 (Mon 11 – Tue 12). Its finish is Tue 12's evening, dated Tue 12.
    const r = plan({ id: "A", duration: 2, constraint: { kind: "snet", date: "2027-01-07" } });
    expect([r.activities[0]!.start, r.activities[0]!.finish, r.finish, r.delays[0]?.message]).toEqual(["2027-01-11", "2027-01-12", "2027-01-12", "A waits 2 days for R (R does not work on 2027-01-08)"]);
  });
});

describe("ALAP work placed by startLinkFloat: working-time", () => {
  it("A (0.5 d, ALAP) SF + 1.5 elapsed days → N (milestone, SNET Tue 12): A starts Fri 8 16:59, so N stays Tue 12 in levelling", () => {
    // N is pinned to Tue 12 morning. A's start + 1.5 elapsed days must reach N by then: A starts by Sun 10 midday,
    // which is Mon 11 08:00 in working time — A's float reads 5 days under `working-time` (MS Project's late dates),
    // but placed there A's lag reaches Tue 12 midday and moves N (levelling moved N by half a day, scheduleNetwork
    // kept it). Where ALAP work is *placed*, the exact instant counts: A starts in its last working minute before it,
    // Fri 8 16:59 (scheduled Fri 8 – Mon 11), and N stays Tue 12 in both.
    const network: ScheduleInput = {
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "A", duration: 0.5, constraint: { kind: "alap" } }, { id: "N", duration: 0, constraint: { kind: "snet", date: "2027-01-12" } }],
      links: [{ from: "A", to: "N", type: "SF", lag: { elapsedDays: 1.5 } }],
    };
    const e = threeEngines(network, { ...DEFAULTS, startLinkFloat: "working-time" });
    expect(e.levelled).toEqual(e.cpm);
    expect(e.cpm).toEqual(["A 2027-01-08 2027-01-11", "N 2027-01-12 2027-01-12"]);
    expect(scheduleNetwork(network, { startLinkFloat: "working-time" }).activities[0]!.totalFloat.toFixed()).toBe("5");
  });
});
