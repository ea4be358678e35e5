import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, levelResources, scheduleNetwork, type ScheduleInput, type ScheduleOptions } from "../../src/index.js";
import { SEVEN_DAY, act } from "./helpers.js";

/*
 * A milestone's latest position is where its DATED position (not only the instant it is reached) stays within the
 * project's late finish. One instant is both the evening of one day and the morning of the next (Sunday evening is
 * Monday 00:00): a milestone dated at that morning (moved to its next working morning, or reached by a start) is a
 * day later than work finishing that evening. 1 day = 480 minutes; "seven" is a 7-day calendar, other activities are
 * on the network's Monday–Friday calendar.
 */
const NWT: ScheduleOptions = { milestoneDating: "next-working-time" };
const floatOf = (input: ScheduleInput, id: string, options: ScheduleOptions = {}) => {
  const a = act(scheduleNetwork(input, options), id);
  return [a.lateStart, a.lateFinish, a.totalFloat.toFixed()];
};
const withSnet = (input: ScheduleInput, id: string, date: string): ScheduleInput => ({
  ...input,
  activities: input.activities.map((a) => (a.id === id ? { ...a, constraint: { kind: "snet" as const, date } } : a)),
});

describe("a milestone's late position follows its dated position", () => {
  /*
   * Mon 2027-01-04. A2 (7-day, 7 d) Mon 4 – Sun 10 sets the finish: Sunday evening (instant Mon 11 00:00).
   * A3 (7-day, 1 d) Mon 4 FS → A4 (Mon–Fri milestone), dated Mon 4 (evening).
   * next-working-time: A3 finishing Sat 9 or Sun 10 reaches A4 after Friday evening, so A4 moves to Mon 11 08:00 and
   * the finish reads Mon 11. A4 must be reached by Fri 8 17:00 (dated Fri 8), so A3's late finish is Fri 8: float 4
   * days (Tue–Fri), as MS Project gives. It was 6 (late finish Sun 10: the instant Mon 00:00 of A4's morning was
   * taken as no later than the Sunday-evening finish). Under "reached" A4 is dated Sat 9 / Sun 10: 6 days stay.
   */
  const net: ScheduleInput = {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "A2", duration: 7, calendarId: "seven" }, { id: "A3", duration: 1, calendarId: "seven" }, { id: "A4", duration: 0 }],
    links: [{ from: "A3", to: "A4" }],
  };

  it("next-working-time: the predecessor of a Mon–Fri milestone finishes by Friday when the finish is Sunday evening", () => {
    expect(scheduleNetwork(net, NWT).finish).toBe("2027-01-10");
    expect(floatOf(net, "A3", NWT)).toEqual(["2027-01-08", "2027-01-08", "4"]);
    // The float is the delay: A3 on Fri 8 keeps the finish, on Sat 9 moves it to Mon 11.
    expect(scheduleNetwork(withSnet(net, "A3", "2027-01-08"), NWT).finish).toBe("2027-01-10");
    expect(scheduleNetwork(withSnet(net, "A3", "2027-01-09"), NWT).finish).toBe("2027-01-11");
    expect(floatOf(net, "A3")).toEqual(["2027-01-10", "2027-01-10", "6"]);
  });

  it("levelling and Monte Carlo criticality share it: A3 of 5 days (Mon 4 – Fri 8) is critical", () => {
    // A3 (7-day, 5 d) Mon 4 – Fri 8: late finish Fri 8 (as above), 0 float, critical. It had 2 days (Sat, Sun).
    const five: ScheduleInput = { ...net, activities: net.activities.map((a) => (a.id === "A3" ? { ...a, duration: 5 } : a)) };
    expect(floatOf(five, "A3", NWT)).toEqual(["2027-01-04", "2027-01-08", "0"]);
    const levelled = levelResources({ network: five, resources: [], assignments: [] }, { schedule: NWT });
    expect([act(levelled.schedule, "A3").totalFloat.toFixed(), act(levelled.schedule, "A3").critical]).toEqual(["0", true]);
    // Every iteration A3 takes 5 days and a fraction of a minute, rounded to 5 days: critical in all (index 1; it was 0).
    const risk = analyseScheduleRisk(
      { network: five, durations: [{ activityId: "A3", distribution: { kind: "uniform", min: 5, max: "5.0001" } }] },
      { iterations: 50, seed: 7, milestoneDating: "next-working-time" },
    );
    expect(risk.activities.find((a) => a.id === "A3")?.criticalityIndex.toFixed()).toBe("1");
  });

  /*
   * Fri 2027-01-08. A0 (1 d) Fri 8 SS → M (milestone) FS + 1 elapsed day → B (1 d); all Mon–Fri. M is reached Fri 8
   * at 08:00 (instant Fri 00:00), dated Fri 8; + 24 h is Sat 00:00, so B starts Mon 11: finish Mon 11.
   * A0 starting Mon 11 would reach M Mon 11 08:00 and B Tue 12. M must be reached before Saturday 00:00 (+ 24 h ≤ B's
   * Monday morning, i.e. by Sat 00:00 — as an evening; a start at Mon 08:00 is the same position but a morning): A0
   * starts at the latest in its last working minute of Fri 8, 16:59 (finishing Mon 11 16:59): float 479 / 480 =
   * 0.997917 days. It was 1 day
   * (A0's late start was M's late position, Mon 11 08:00).
   */
  const ss: ScheduleInput = {
    projectStart: "2027-01-08",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "A0", duration: 1 }, { id: "M", duration: 0 }, { id: "B", duration: 1 }, { id: "Z", duration: 0, calendarId: "seven" }],
    links: [{ from: "A0", to: "M", type: "SS" }, { from: "M", to: "B", lag: { elapsedDays: 1 } }],
  };

  it("both datings: a start reaching a milestone must come before the evening that bounds it", () => {
    for (const options of [{}, NWT]) {
      expect(scheduleNetwork(ss, options).finish).toBe("2027-01-11");
      expect(floatOf(ss, "A0", options)).toEqual(["2027-01-08", "2027-01-11", "0.997917"]);
      expect(scheduleNetwork(withSnet(ss, "A0", "2027-01-11"), options).finish).toBe("2027-01-12");
    }
  });

  /*
   * "reached", elapsed SS lag. Mon 2027-01-04. X (5 d) Mon 4 – Fri 8 sets the finish, Friday evening (Sat 00:00).
   * P (7-day, 1 d) Mon 4 SS + 1 elapsed day → M (Mon–Fri milestone): M reached Tue 5 00:00, a morning, dated Tue 5.
   * P starting Fri 8 reaches M Sat 9 00:00 — the Friday-evening instant, but a morning: M is dated Sat 9 ("reached")
   * or Mon 11 ("next-working-time") and so is the finish. P must start before Fri 00:00: in its last working minute
   * of Thu 7, 16:59 (finishing Fri 8 16:59): float 3 + 479 / 480 = 3.997917 days. It was 4 (late start Fri 8).
   */
  const el: ScheduleInput = {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "X", duration: 5 }, { id: "P", duration: 1, calendarId: "seven" }, { id: "M", duration: 0 }],
    links: [{ from: "P", to: "M", type: "SS", lag: { elapsedDays: 1 } }],
  };

  it("an elapsed SS lag reaching a milestone at midnight is a morning: the work before it starts before", () => {
    for (const options of [{}, NWT]) {
      expect(scheduleNetwork(el, options).finish).toBe("2027-01-08");
      expect(floatOf(el, "P", options)).toEqual(["2027-01-07", "2027-01-08", "3.997917"]);
      expect(scheduleNetwork(withSnet(el, "P", "2027-01-08"), options).finish).not.toBe("2027-01-08");
    }
  });

  /*
   * Mon 2027-01-04. A1 (1 d) Mon 4 FS → M, and A0 (1 d) Mon 4 SS + 1 elapsed day → M (all Mon–Fri; Z, a 7-day
   * milestone, makes the calendars mixed). Both reach M at the instant Tue 5 00:00: A1's finish as Monday evening,
   * A0's start + 24 h as Tuesday morning. The morning is a day later: A0's link drives M, dated Tue 5, and so is the
   * finish, under both datings (it was Mon 4: the link listed first kept M). A0 has no float (a later start reaches M
   * later); A1 finishing Tue 5 reaches M that evening, after Tuesday's morning: no float either.
   */
  const tie: ScheduleInput = {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "A0", duration: 1 }, { id: "A1", duration: 1 }, { id: "M", duration: 0 }, { id: "Z", duration: 0, calendarId: "seven" }],
    links: [{ from: "A1", to: "M" }, { from: "A0", to: "M", type: "SS", lag: { elapsedDays: 1 } }],
  };

  it("a start's morning reaches a milestone after a finish's evening at the same instant", () => {
    for (const options of [{}, NWT]) {
      const r = scheduleNetwork(tie, options);
      expect([r.finish, act(r, "M").earlyFinish]).toEqual(["2027-01-05", "2027-01-05"]);
      expect(act(r, "M").earlyStartDriver).toMatchObject({ kind: "link", from: "A0", type: "SS" });
      expect([act(r, "A0").totalFloat.toFixed(), act(r, "A1").totalFloat.toFixed()]).toEqual(["0", "0"]);
    }
  });

  /*
   * Free float, SS into a milestone on another calendar. Mon 2027-01-04. Q (5 d) Mon 4 – Fri 8 FS → M (Mon–Fri
   * milestone) FS → R (1 d) Mon 11: M is dated Fri 8, the evening (instant Sat 9 00:00). P (7-day, 1 d) Mon 4 SS → M.
   * P starting Sat 9 reaches M at Sat 00:00, a morning: M is dated Sat 9 (R stays Mon 11). So P's free float lasts
   * until Fri 8 16:59: 4 + 479 / 480 = 4.997917 days (it was counted up to M's position morning, Mon 11: 7 days).
   * Total float: M may be dated up to R's Monday morning, so P may start by Mon 11: 7 days.
   */
  const free: ScheduleInput = {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "Q", duration: 5 }, { id: "P", duration: 1, calendarId: "seven" }, { id: "M", duration: 0 }, { id: "R", duration: 1 }],
    links: [{ from: "Q", to: "M" }, { from: "P", to: "M", type: "SS" }, { from: "M", to: "R" }],
  };

  it("free float of an SS predecessor lasts until the milestone's date would move", () => {
    const r = scheduleNetwork(free);
    expect([r.finish, act(r, "M").earlyFinish]).toEqual(["2027-01-11", "2027-01-08"]);
    expect([act(r, "P").totalFloat.toFixed(), act(r, "P").freeFloat.toFixed()]).toEqual(["7", "4.997917"]);
    expect(act(scheduleNetwork(withSnet(free, "P", "2027-01-09")), "M").earlyFinish).toBe("2027-01-09");
  });
});
