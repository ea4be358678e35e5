import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, createWorkingCalendar, levelResources, scheduleNetwork, type ScheduleInput, type ScheduleOptions } from "../../src/index.js";
import { SEVEN_DAY, act } from "./helpers.js";

/*
 * Float and criticality follow the milestone dating convention. Mon 2027-01-04; "seven" is a 7-day calendar, every
 * other activity is on the network's Monday–Friday calendar; 1 day = 480 minutes.
 *
 * A (6 d on 7 days) Mon 4 – Sat 9 → M (Mon–Fri milestone). Under the default `"reached"` M is dated Sat 9 (the moment
 * A finishes) and so is the project finish. A finishing Sunday 10 would date M on Sunday 10 and move the finish to
 * Sunday: A has no float (late finish Sat 9) and is critical, like M. Under `"next-working-time"` M is at Mon 11
 * 08:00 either way, so A's Sunday is float (1 day, late finish Sun 10), as plan6 derived.
 */
const weekend: ScheduleInput = {
  projectStart: "2027-01-04",
  calendars: { seven: SEVEN_DAY },
  activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }],
  links: [{ from: "A", to: "M" }],
};
const floats = (input: ScheduleInput, id: string, options: ScheduleOptions = {}) => {
  const a = act(scheduleNetwork(input, options), id);
  return [a.lateFinish, a.totalFloat.toFixed(), a.freeFloat.toFixed(), a.critical];
};

describe("milestone reached in non-working time: float and criticality of the work before it", () => {
  it("reached (default): A finishing Sat 9 before M has 0 float and is critical; next-working-time keeps its Sunday", () => {
    expect(floats(weekend, "A")).toEqual(["2027-01-09", "0", "0", true]);
    expect(floats(weekend, "M")).toEqual(["2027-01-09", "0", "0", true]);
    const r = scheduleNetwork(weekend);
    expect(r.finish).toBe("2027-01-09");
    expect(r.criticalPaths).toEqual([["A", "M"]]);
    // The late finish of M comes from the project finish, Sat 9 (it said Sun 10: the instant Mon 11 00:00).
    expect(act(r, "M").lateFinishDriver).toEqual({ kind: "project-finish", date: "2027-01-09" });
    expect(floats(weekend, "A", { milestoneDating: "next-working-time" })).toEqual(["2027-01-10", "1", "1", false]);
  });

  it("reached: an FF milestone after a Sunday finish, and an elapsed lag ending on Saturday, give no float either", () => {
    // A (7 d on 7 days) Mon 4 – Sun 10, FF → M: M dated Sun 10, the finish; A finishing Monday moves it.
    const ff: ScheduleInput = { ...weekend, activities: [{ id: "A", duration: 7, calendarId: "seven" }, { id: "M", duration: 0 }], links: [{ from: "A", to: "M", type: "FF" }] };
    expect(floats(ff, "A")).toEqual(["2027-01-10", "0", "0", true]);
    // B (5 d, Mon–Fri) Mon 4 – Fri 8, FS + 1 elapsed day → M: Fri 8 17:00 + 24 h, reached Sat 9 (dated Sat 9, the
    // finish). B finishing later (Mon 11) moves M to Tue 12: no float (late finish Fri 8), already so before.
    const el: ScheduleInput = { projectStart: "2027-01-04", activities: [{ id: "B", duration: 5 }, { id: "M", duration: 0 }], links: [{ from: "B", to: "M", lag: { elapsedDays: 1 } }] };
    expect(floats(el, "B")).toEqual(["2027-01-08", "0", "0", true]);
  });

  it("reached: work on a 7-day calendar beside the chain gets only the days up to the reached finish", () => {
    // Y (7-day, 3 d) Mon 4 – Wed 6, unlinked. Finish Sat 9 (M reached): Y may finish until Sat 9: 3 days (Thu, Fri,
    // Sat). Before: late finish Sun 10 (the finish instant was M's Monday morning), 4 days.
    const y: ScheduleInput = { ...weekend, activities: [...weekend.activities, { id: "Y", duration: 3, calendarId: "seven" }] };
    expect(floats(y, "Y")).toEqual(["2027-01-09", "3", "3", false]);
    // next-working-time: finish Mon 11 08:00; Y finishing Sun 10 evening (= Mon 00:00) moves nothing: 4 days.
    expect(floats(y, "Y", { milestoneDating: "next-working-time" })).toEqual(["2027-01-10", "4", "4", false]);
  });

  it("a milestone after a Friday finish ends the project on Friday evening: 7-day work beside it may not use the week-end", () => {
    // X (5 d, Mon–Fri) Mon 4 – Fri 8 → M (Mon–Fri) dated Fri 8 under both conventions; finish Fri 8.
    // Y (7-day, 3 d) Mon 4 – Wed 6: finishing Sat 9 would move the finish to Sat 9, so its late finish is Fri 8 and
    // its float 2 days (Thu, Fri). It was Sun 10 and 4 days: the finish instant was M's Monday morning.
    const fri: ScheduleInput = {
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "X", duration: 5 }, { id: "M", duration: 0 }, { id: "Y", duration: 3, calendarId: "seven" }],
      links: [{ from: "X", to: "M" }],
    };
    for (const milestoneDating of ["reached", "next-working-time"] as const) {
      const r = scheduleNetwork(fri, { milestoneDating });
      expect(r.finish).toBe("2027-01-08");
      expect(floats(fri, "Y", { milestoneDating })).toEqual(["2027-01-08", "2", "2", false]);
      expect(act(r, "M").lateFinishDriver).toEqual({ kind: "project-finish", date: "2027-01-08" });
    }
  });

  it("free float into a milestone counts up to the moment its date would move", () => {
    // P (7-day, 5 d) Mon 4 – Fri 8 and A (7-day, 6 d) Mon 4 – Sat 9, both FS → M (Mon–Fri), M → B (Mon–Fri, 1 d, Mon 11).
    // reached: M dated Sat 9 (reached by A). P may finish until Sat 9 without moving M's date: free float 1 day
    // (it was 2: up to Sun 10, M's Monday position). Total float: P and A until Sun 10 (M then dated Sun 10, B stays
    // Mon 11): P 2 days, A 1 day.
    // next-working-time: M at Mon 11 08:00; P may finish until Sun 10: free float 2 days.
    const two: ScheduleInput = {
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "P", duration: 5, calendarId: "seven" }, { id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }, { id: "B", duration: 1 }],
      links: [{ from: "P", to: "M" }, { from: "A", to: "M" }, { from: "M", to: "B" }],
    };
    expect(floats(two, "P")).toEqual(["2027-01-10", "2", "1", false]);
    expect(floats(two, "A")).toEqual(["2027-01-10", "1", "0", false]);
    expect(floats(two, "P", { milestoneDating: "next-working-time" })).toEqual(["2027-01-10", "2", "2", false]);
    // A milestone after a Friday finish on its own calendar: X (Mon–Fri, 5 d) Fri 8 → M dated Fri 8; Q (7-day, 3 d)
    // Mon 4 – Wed 6 → M: Q finishing Sat 9 would date M Sat 9 (reached) or Mon 11 (next-working-time): free float
    // 2 days (Thu, Fri) under both; it was 4 (up to Sun 10).
    const q: ScheduleInput = {
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "X", duration: 5 }, { id: "Q", duration: 3, calendarId: "seven" }, { id: "M", duration: 0 }, { id: "B", duration: 1 }],
      links: [{ from: "X", to: "M" }, { from: "Q", to: "M" }, { from: "M", to: "B" }],
    };
    expect(act(scheduleNetwork(q), "Q").freeFloat.toFixed()).toBe("2");
    expect(act(scheduleNetwork(q, { milestoneDating: "next-working-time" }), "Q").freeFloat.toFixed()).toBe("2");
  });

  it("levelling ranks and reports A as scheduleNetwork does: its schedule carries A critical", () => {
    const r = levelResources({ network: weekend, resources: [], assignments: [] });
    expect([act(r.schedule, "A").totalFloat.toFixed(), act(r.schedule, "A").critical]).toEqual(["0", true]);
  });

  it("Monte Carlo: A is critical in every iteration (criticality index 1; it was 0)", () => {
    const risk = analyseScheduleRisk(
      { network: weekend, durations: [{ activityId: "A", distribution: { kind: "uniform", min: 6, max: "6.0001" } }] },
      { iterations: 50, seed: 7 },
    );
    // Every iteration A takes 6 days and a fraction of a minute rounded to 6 days: the deterministic network.
    expect(risk.activities.find((a) => a.id === "A")?.criticalityIndex.toFixed()).toBe("1");
    const msp = analyseScheduleRisk(
      { network: weekend, durations: [{ activityId: "A", distribution: { kind: "uniform", min: 6, max: "6.0001" } }] },
      { iterations: 50, seed: 7, milestoneDating: "next-working-time" },
    );
    expect(msp.activities.find((a) => a.id === "A")?.criticalityIndex.toFixed()).toBe("0");
  });

  it("two links reaching a milestone at one position: the one reached last dates it, whatever the link order", () => {
    // P (7-day, 5 d) finishes Fri 8, A (7-day, 6 d) Sat 9; both FS → M (Mon–Fri): both reach M's Fri-evening/Mon-morning
    // position. M is reached when A finishes: Sat 9, finish Sat 9, P free float 1 day. With P's link listed first M
    // was dated Fri 8 (before A had finished) and P had 0 free float.
    for (const links of [[{ from: "P", to: "M" }, { from: "A", to: "M" }], [{ from: "A", to: "M" }, { from: "P", to: "M" }]]) {
      const r = scheduleNetwork({
        projectStart: "2027-01-04",
        calendars: { seven: SEVEN_DAY },
        activities: [{ id: "P", duration: 5, calendarId: "seven" }, { id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }],
        links,
      });
      expect([act(r, "M").earlyStart, act(r, "M").earlyFinish, r.finish, act(r, "P").freeFloat.toFixed()]).toEqual(["2027-01-09", "2027-01-09", "2027-01-09", "1"]);
      expect(act(r, "M").earlyStartDriver).toMatchObject({ kind: "link", from: "A" });
    }
    // One calendar (the fast kernel): X (5 d) finishes Fri 8, W (5 d) Mon 4 – Fri 8 → A (1 d) Mon 11; M FS from X and
    // SS from A, both at M's Fri-evening/Mon-morning position. M is reached when A starts, Mon 11 (docs §2), in either
    // link order; with X's link first it was dated Fri 8, before A started.
    for (const links of [[{ from: "X", to: "M" }, { from: "A", to: "M", type: "SS" as const }], [{ from: "A", to: "M", type: "SS" as const }, { from: "X", to: "M" }]]) {
      const r = scheduleNetwork({
        projectStart: "2027-01-04",
        activities: [{ id: "X", duration: 5 }, { id: "W", duration: 5 }, { id: "A", duration: 1 }, { id: "M", duration: 0 }],
        links: [{ from: "W", to: "A" }, ...links],
      });
      expect([act(r, "M").earlyStart, act(r, "M").earlyFinish]).toEqual(["2027-01-11", "2027-01-11"]);
    }
  });

  it("the backward pass carries a milestone's latest instant: elapsed lags into it, its deadline", () => {
    // Start Wed 6. A1 (7-day, 1 d) Wed 6, FS + 1 elapsed day → M (Mon–Fri): reached Thu 7 evening. A2 (3 d) Wed 6 –
    // Fri 8 ends the project (Fri 8). A1 finishing Thu 7 reaches M Fri 8 evening, still Fri 8; finishing Fri 8 it
    // reaches M Sat 9 evening, M dated Sat 9 and the finish with it: A1's late finish is Thu 7, total float 1 day
    // (it was Fri 8 and 2 days: M's late position, read at its Monday morning, less 24 hours is Sunday 00:00).
    const el: ScheduleInput = {
      projectStart: "2027-01-06",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "A1", duration: 1, calendarId: "seven" }, { id: "A2", duration: 3 }, { id: "M", duration: 0 }],
      links: [{ from: "A1", to: "M", lag: { elapsedDays: 1 } }],
    };
    expect(floats(el, "A1")).toEqual(["2027-01-07", "1", "0", false]);
    // M (Mon–Fri) with a deadline Fri 8 after A (7-day, 3 d) Mon 4 – Wed 6; Z (10 d) ends the project Fri 15.
    // A finishing Sat 9 dates M Sat 9 (reached) or Mon 11 (next-working-time): past the deadline. A's late finish is
    // Fri 8, total float 2 days under both (it was Sun 10, 4 days: the deadline's position read at Monday morning).
    const dl: ScheduleInput = {
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "A", duration: 3, calendarId: "seven" }, { id: "M", duration: 0, deadline: "2027-01-08" }, { id: "Z", duration: 10 }],
      links: [{ from: "A", to: "M" }],
    };
    expect(floats(dl, "A")).toEqual(["2027-01-08", "2", "0", false]);
    expect(floats(dl, "A", { milestoneDating: "next-working-time" })).toEqual(["2027-01-08", "2", "0", false]);
    // A deadline on M's non-working Saturday: reached Sat 9 meets it ("reached"): A may finish Sat 9, 3 days.
    const sat = { ...dl, activities: dl.activities.map((a) => (a.id === "M" ? { ...a, deadline: "2027-01-09" } : a)) };
    expect(floats(sat, "A")).toEqual(["2027-01-09", "3", "0", false]);
    expect(floats(sat, "A", { milestoneDating: "next-working-time" })).toEqual(["2027-01-08", "2", "0", false]);
  });

  it("a milestone passes on the instant its dating stands for to successors on other calendars", () => {
    const six = { name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6] };
    // X (5 d) Mon 4 – Fri 8 → M (Mon–Fri) Fri 8 → N (Mon–Sat milestone): N is reached Friday evening, a working
    // evening of its calendar: Fri 8, the finish Fri 8. It was Sat 9 (M handed on its Monday-morning position, which
    // is Saturday evening on N's calendar), and the finish with it.
    const chain = (calendarId: string, duration: number, dating: ScheduleOptions = {}) => {
      const r = scheduleNetwork(
        {
          projectStart: "2027-01-04",
          calendars: { seven: SEVEN_DAY, six: createWorkingCalendar(six) },
          activities: [{ id: "X", duration: 5 }, { id: "M", duration: 0 }, { id: "N", duration, calendarId }],
          links: [{ from: "X", to: "M" }, { from: "M", to: "N" }],
        },
        dating,
      );
      return [act(r, "M").earlyFinish, act(r, "N").earlyStart, act(r, "N").earlyFinish, r.finish];
    };
    expect(chain("six", 0)).toEqual(["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08"]);
    // A 7-day successor of M after a Friday finish starts Saturday under both datings (M is Friday evening).
    expect(chain("seven", 1)).toEqual(["2027-01-08", "2027-01-09", "2027-01-09", "2027-01-09"]);
    expect(chain("seven", 1, { milestoneDating: "next-working-time" })).toEqual(["2027-01-08", "2027-01-09", "2027-01-09", "2027-01-09"]);
    // A (7-day, 6 d) Sat 9 → M reached Sat 9 → B (7-day, 1 d): B starts Sun 10 ("reached": M is Saturday evening;
    // it started Mon 11, M's Monday position) — Mon 11 under next-working-time (M at Monday 08:00).
    const after = (dating: ScheduleOptions) => {
      const r = scheduleNetwork(
        { ...weekend, activities: [...weekend.activities, { id: "B", duration: 1, calendarId: "seven" }], links: [...(weekend.links ?? []), { from: "M", to: "B" }] },
        dating,
      );
      return [act(r, "M").earlyFinish, act(r, "B").earlyStart, r.finish];
    };
    expect(after({})).toEqual(["2027-01-09", "2027-01-10", "2027-01-10"]);
    expect(after({ milestoneDating: "next-working-time" })).toEqual(["2027-01-11", "2027-01-11", "2027-01-11"]);
  });

  it("an elapsed lag from a milestone dates its successor milestone from the milestone's instant", () => {
    // B (5 d) Mon 4 – Fri 8 → M1 (Fri 8, Friday evening) → M2 FS + 1 elapsed day: reached Saturday evening, dated Sat 9
    // and the finish Sat 9 ("reached"), Mon 11 under next-working-time. It was Mon 11 under both: the lag ran from M1's
    // Monday-morning position (Monday 00:00 + 24 h is Monday evening).
    const input: ScheduleInput = {
      projectStart: "2027-01-04",
      activities: [{ id: "B", duration: 5 }, { id: "M1", duration: 0 }, { id: "M2", duration: 0 }],
      links: [{ from: "B", to: "M1" }, { from: "M1", to: "M2", lag: { elapsedDays: 1 } }],
    };
    const r = scheduleNetwork(input);
    expect([act(r, "M2").earlyStart, act(r, "M2").earlyFinish, r.finish, act(r, "B").totalFloat.toFixed()]).toEqual(["2027-01-09", "2027-01-09", "2027-01-09", "0"]);
    expect(scheduleNetwork(input, { milestoneDating: "next-working-time" }).finish).toBe("2027-01-11");
  });

  it("levelling with nothing to level places milestones and their successors where scheduleNetwork does", () => {
    // The three networks above (X → M → N on Mon–Sat; A → M → B on 7 days; B → M1 → M2 + 1 elapsed day): levelled
    // finish Fri 8, Sun 10, Sat 9 as CPM gives; levelling handed on a milestone's Monday-morning position (Sat 9,
    // Mon 11, Mon 11).
    const six = createWorkingCalendar({ name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6] });
    const nets: ScheduleInput[] = [
      { projectStart: "2027-01-04", calendars: { six }, activities: [{ id: "X", duration: 5 }, { id: "M", duration: 0 }, { id: "N", duration: 0, calendarId: "six" }], links: [{ from: "X", to: "M" }, { from: "M", to: "N" }] },
      { projectStart: "2027-01-04", calendars: { seven: SEVEN_DAY }, activities: [{ id: "A", duration: 6, calendarId: "seven" }, { id: "M", duration: 0 }, { id: "B", duration: 1, calendarId: "seven" }], links: [{ from: "A", to: "M" }, { from: "M", to: "B" }] },
      { projectStart: "2027-01-04", activities: [{ id: "B", duration: 5 }, { id: "M1", duration: 0 }, { id: "M2", duration: 0 }], links: [{ from: "B", to: "M1" }, { from: "M1", to: "M2", lag: { elapsedDays: 1 } }] },
    ];
    const finishes = nets.map((network) => {
      const r = levelResources({ network, resources: [{ id: "R", maxUnits: 1 }], assignments: [] });
      expect(r.activities.map((a) => [a.id, a.start, a.finish])).toEqual(r.schedule.activities.map((a) => [a.id, a.earlyStart, a.earlyFinish]));
      return [r.finish, r.schedule.finish];
    });
    expect(finishes).toEqual([["2027-01-08", "2027-01-08"], ["2027-01-10", "2027-01-10"], ["2027-01-09", "2027-01-09"]]);
  });
});
