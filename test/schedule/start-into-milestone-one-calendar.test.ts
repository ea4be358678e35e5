import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { SEVEN_DAY, act } from "./helpers.js";

/*
 * A start (SS or SF, no lag) into a milestone dates it on that start's day, while a finish reaching the same position
 * dates it the evening before (docs/scheduling.md §2). So, under `startLinkFloat: "exact"` (the default), such a
 * predecessor must start before that morning, in its last working minute, or the milestone's date moves — which the
 * general kernel counted and the one-calendar fast path did not: the same plan gave another float once any activity
 * had another calendar. Calendar Monday–Friday, 480 minutes a day; Mon 2027-01-04 is the project start.
 */
const withSevenDay = (n: ScheduleInput): ScheduleInput => ({ ...n, calendars: { seven: SEVEN_DAY }, activities: [...n.activities, { id: "Z", duration: 1, calendarId: "seven" }] });

describe("SS/SF into a milestone on one calendar: float as on mixed calendars", () => {
  it("free float: A SF → M (M Mon 4 evening, from P + 1 day) is 0.997917 day, not 1 (on Tue 5 A dates M Tue 5)", () => {
    // P (milestone, Mon 4 morning) FS + 1 day → M: position Tue 5 morning, dated Mon 4 (the evening before). A (1 d)
    // SF → M: M's finish ≥ A's start. A starting Tue 5 morning reaches M at that morning: M on Tue 5, a day later. So A
    // may start by Mon 4 16:59: free float 479/480 = 0.997917 day (it was 1, as if M's date could not move). B (3 d)
    // sets the finish Wed 6: A's total float stays 2 (M may move to Wed 6).
    const n: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 1 }, { id: "P", duration: 0 }, { id: "M", duration: 0 }, { id: "B", duration: 3 }],
      links: [{ from: "A", to: "M", type: "SF" }, { from: "P", to: "M", lag: { days: 1 } }],
    };
    expect(act(scheduleNetwork(n), "M").earlyStart).toBe("2027-01-04");
    expect([act(scheduleNetwork(n), "A").freeFloat.toFixed(), act(scheduleNetwork(n), "A").totalFloat.toFixed()]).toEqual(["0.997917", "2"]);
    expect(act(scheduleNetwork(withSevenDay(n)), "A").freeFloat.toFixed()).toBe("0.997917");
    const late = scheduleNetwork({ ...n, activities: n.activities.map((a) => (a.id === "A" ? { ...a, constraint: { kind: "snet" as const, date: "2027-01-05" } } : a)) });
    expect(act(late, "M").earlyStart).toBe("2027-01-05");
  });

  it("total float: A SS → M with a deadline Mon 4 may start by Mon 4 16:59 (0.997917 day), not Tue 5 (a 0-day miss)", () => {
    // M as above, deadline Mon 4: dated Mon 4 it meets it. A (1 d) SS → M starting Tue 5 dates M Tue 5: "M finishes on
    // 2027-01-05, after its deadline". Late start Mon 4 (its last working minute), total float 0.997917 day — as with
    // any activity on another calendar in the plan. It was 1 (late start Tue 5), on one calendar only.
    const n: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 1 }, { id: "P", duration: 0 }, { id: "M", duration: 0, deadline: "2027-01-04" }, { id: "B", duration: 3 }],
      links: [{ from: "A", to: "M", type: "SS" }, { from: "P", to: "M", lag: { days: 1 } }],
    };
    const a = act(scheduleNetwork(n), "A");
    expect([a.lateStart, a.totalFloat.toFixed()]).toEqual(["2027-01-04", "0.997917"]);
    expect(act(scheduleNetwork(withSevenDay(n)), "A").totalFloat.toFixed()).toBe("0.997917");
    // Under "working-time" (MS Project's reading: the instant's working-time position) the day stays whole.
    expect(act(scheduleNetwork(n, { startLinkFloat: "working-time" }), "A").totalFloat.toFixed()).toBe("1");
  });

  it("the Monte Carlo run keeps the dates kernel (the float differs by a minute only) and agrees on criticality", () => {
    // A SS → M, deadline Mon 4, as above: A's total float is 0.997917 day (general kernel) where the dates kernel
    // counts 1. At a whole-day threshold (criticalDays 0, 1) both read the same; at 0.9985 only the general kernel
    // counts A critical, and the run takes it there. (Taking the general kernel for every such plan made 10,000
    // iterations × 1,000 activities 2.7 times slower.)
    const n: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 1 }, { id: "P", duration: 0 }, { id: "M", duration: 0, deadline: "2027-01-04" }, { id: "B", duration: 3 }],
      links: [{ from: "A", to: "M", type: "SS" }, { from: "P", to: "M", lag: { days: 1 } }],
    };
    for (const criticalDays of ["0", "1", "0.9985"]) {
      const critical = scheduleNetwork(n, { criticalDays }).activities.map((a) => (a.critical ? "1" : "0"));
      const r = analyseScheduleRisk({ network: n }, { iterations: 3, seed: 1, criticalDays });
      expect([criticalDays, ...r.activities.map((a) => a.criticalityIndex.toFixed())]).toEqual([criticalDays, ...critical]);
    }
    expect(scheduleNetwork(n, { criticalDays: "0.9985" }).activities.find((a) => a.id === "A")?.critical).toBe(true);
  });
});
