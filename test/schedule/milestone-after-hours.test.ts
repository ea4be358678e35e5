import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, levelResources, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { SEVEN_DAY, act } from "./helpers.js";

// Mon 2027-01-04. M is a milestone on the network's Monday–Friday calendar; A works on a 7-day calendar.
const net = (a: ScheduleInput["activities"][number], link: NonNullable<ScheduleInput["links"]>[number]): ScheduleInput => ({
  projectStart: "2027-01-04",
  calendars: { seven: SEVEN_DAY },
  activities: [a, { id: "M", duration: 0 }],
  links: [link],
});
const dates = (input: ScheduleInput) => {
  const r = scheduleNetwork(input);
  const m = act(r, "M");
  return [m.earlyStart, m.earlyFinish, m.lateStart, m.lateFinish, m.scheduledStart, m.scheduledFinish, r.finish];
};

describe("a milestone reached in its calendar's non-working time is on the day it is reached, never before the work it follows", () => {
  it("FS after a 7-day task that finishes Saturday evening: Sat 9 (it was Fri 8, a day before its predecessor finished)", () => {
    // A (6 d on 7 days) Mon 4–Sat 9, finishing Sat 9 evening. M is reached at that instant, which its Monday–Friday
    // calendar does not work. The evening-before rule dated it on M's last working day before, Fri 8 — before A's
    // finish. A milestone takes no working time: it is dated on the day it is reached, Sat 9, so the network finish
    // (Sat 9) is the moment the work is done, as the Monte Carlo finish counts it. (MS Project moves it to the next
    // working time of its calendar, Mon 08:00.)
    expect(dates(net({ id: "A", duration: 6, calendarId: "seven" }, { from: "A", to: "M" }))).toEqual(Array(7).fill("2027-01-09"));
  });

  it("FF after a 7-day task that finishes Sunday evening: Sun 10 (it was Fri 8)", () => {
    expect(dates(net({ id: "A", duration: 7, calendarId: "seven" }, { from: "A", to: "M", type: "FF" }))).toEqual(Array(7).fill("2027-01-10"));
  });

  it("FS + 1 elapsed day after a Friday finish is reached Saturday evening: Sat 9 (it was Fri 8)", () => {
    // A (5 d) Mon 4–Fri 8; Fri 8 evening + 24 hours = Sat 9 evening, non-working time for M.
    expect(dates(net({ id: "A", duration: 5 }, { from: "A", to: "M", lag: { elapsedDays: 1 } }))).toEqual(Array(7).fill("2027-01-09"));
  });

  it("SS or SF from a start on Monday morning: Mon 11 (it was Fri 8, before the work it follows started)", () => {
    // P (5 d) Mon 4–Fri 8, A (2 d) FS after it: Mon 11–Tue 12. M, SS (or SF) from A with no lag, is reached at A's
    // start, Mon 11 morning: the evening-before rule dated it Fri 8.
    const startLinked = (type: "SS" | "SF"): ScheduleInput => ({
      projectStart: "2027-01-04",
      activities: [{ id: "P", duration: 5 }, { id: "A", duration: 2 }, { id: "M", duration: 0 }],
      links: [{ from: "P", to: "A" }, { from: "A", to: "M", type }],
    });
    for (const type of ["SS", "SF"] as const) {
      const m = act(scheduleNetwork(startLinked(type)), "M");
      expect([m.earlyStart, m.earlyFinish, m.scheduledStart, m.scheduledFinish, m.totalFloat.toFixed()]).toEqual(["2027-01-11", "2027-01-11", "2027-01-11", "2027-01-11", "2"]);
    }
    // SS from a 7-day task starting Saturday 9 (SNET): M on Sat 9, the day A starts (it was Fri 8).
    const sat = scheduleNetwork(net({ id: "A", duration: 2, calendarId: "seven", constraint: { kind: "snet", date: "2027-01-09" } }, { from: "A", to: "M", type: "SS" }));
    expect([act(sat, "M").earlyStart, act(sat, "M").earlyFinish]).toEqual(["2027-01-09", "2027-01-09"]);
  });

  it("SS from a milestone follows the milestone's own date (Fri 8, not its Monday-morning position)", () => {
    // P (5 d) Mon 4–Fri 8 → A (milestone) on Fri 8, at the evening of P's finish; M SS from A is on Fri 8 too. Its
    // position is Mon 11 morning, which dated M Mon 11, after the milestone it starts with.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      activities: [{ id: "P", duration: 5 }, { id: "A", duration: 0 }, { id: "M", duration: 0 }],
      links: [{ from: "P", to: "A" }, { from: "A", to: "M", type: "SS" }],
    });
    expect([act(r, "A").earlyStart, act(r, "M").earlyStart, act(r, "M").earlyFinish, r.finish]).toEqual(["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08"]);
    // A milestone reached on Saturday (after a 7-day task) passes its day on to an SS milestone: Sat 9.
    const sat = scheduleNetwork({
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "P", duration: 6, calendarId: "seven" }, { id: "A", duration: 0 }, { id: "M", duration: 0 }],
      links: [{ from: "P", to: "A" }, { from: "A", to: "M", type: "SS" }],
    });
    expect([act(sat, "A").earlyStart, act(sat, "M").earlyStart]).toEqual(["2027-01-09", "2027-01-09"]);
  });

  it("unchanged: after a Friday finish on its own calendar, and after a working-day lag, the evening before stands", () => {
    // A (5 d) Fri 8 evening: a working evening of M's calendar, so M is on Fri 8 (the project finish too).
    expect(dates(net({ id: "A", duration: 5 }, { from: "A", to: "M" }))).toEqual(Array(7).fill("2027-01-08"));
    // A (6 d on 7 days) Sat 9 evening + 1 working day of M's calendar = Mon 11 evening: M on Mon 11.
    expect(dates(net({ id: "A", duration: 6, calendarId: "seven" }, { from: "A", to: "M", lag: { days: 1 } }))).toEqual(Array(7).fill("2027-01-11"));
    // SS + 1 working day from a Monday 4 start: Tue 5 morning, the evening of Mon 4 — on Mon 4, as MS Project's
    // Mon 08:00 + 8 hours = Mon 17:00.
    const ss = scheduleNetwork(net({ id: "A", duration: 5 }, { from: "A", to: "M", type: "SS", lag: { days: 1 } }));
    expect([act(ss, "M").earlyStart, act(ss, "M").earlyFinish]).toEqual(["2027-01-04", "2027-01-04"]);
  });

  it("levelling dates it the same way", () => {
    const input = net({ id: "A", duration: 6, calendarId: "seven" }, { from: "A", to: "M" });
    const r = levelResources({ network: input, resources: [], assignments: [] });
    expect([r.activities.map((a) => [a.id, a.start, a.finish]), r.finish]).toEqual([[["A", "2027-01-04", "2027-01-09"], ["M", "2027-01-09", "2027-01-09"]], "2027-01-09"]);
  });

  it("Monte Carlo counts the milestone's day as the finish, as scheduleNetwork does", () => {
    // A (5 d) Fri 8 → M FS + 1 elapsed day: reached Sat 9 evening, the last thing in the network. Before, the Monte
    // Carlo finish was M's position in finish form on its own calendar, Fri 8, while scheduleNetwork said Sat 9.
    const network = net({ id: "A", duration: 5 }, { from: "A", to: "M", lag: { elapsedDays: 1 } });
    expect(scheduleNetwork(network).finish).toBe("2027-01-09");
    const r = analyseScheduleRisk({ network }, { iterations: 10, seed: 1, targetFinish: "2027-01-08" });
    expect([r.deterministicFinish, ...r.percentiles.map((p) => p.finish), r.probabilityOfFinish.value?.toFixed()]).toEqual([...Array(5).fill("2027-01-09"), "0"]);
  });
});
