import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, levelResources, scheduleNetwork, type ScheduleInput, type ScheduleOptions } from "../../src/index.js";
import { SEVEN_DAY, act, validationIssues } from "./helpers.js";

/*
 * `milestoneDating: "next-working-time"`: MS Project's convention for a milestone its driving link reaches in its own
 * calendar's non-working time. Reference: none of the 12 MS Project files in /work/shared/fixtures/mspdi has a
 * milestone with a predecessor (checked: the only `Milestone`=1 task is a project summary with no links), so these
 * values are derived by hand from MS Project's documented behaviour: a task (a milestone included) starts at the next
 * working time of its calendar — a finish milestone after work ending Friday 17:00 is at Fri 17:00 (the end of a
 * working period), one reached Saturday moves to Mon 08:00 on its Standard (Mon–Fri) calendar.
 * Mon 2027-01-04. M is a milestone on the network's Monday–Friday calendar; A works on a 7-day calendar.
 */
const net = (a: ScheduleInput["activities"][number], link: NonNullable<ScheduleInput["links"]>[number]): ScheduleInput => ({
  projectStart: "2027-01-04",
  calendars: { seven: SEVEN_DAY },
  activities: [a, { id: "M", duration: 0 }],
  links: [link],
});
const MSP: ScheduleOptions = { milestoneDating: "next-working-time" };
const dates = (input: ScheduleInput, options: ScheduleOptions = MSP) => {
  const r = scheduleNetwork(input, options);
  const m = act(r, "M");
  return [m.earlyStart, m.earlyFinish, m.lateStart, m.lateFinish, m.scheduledStart, m.scheduledFinish, r.finish];
};

describe("milestoneDating: next-working-time dates a milestone reached in non-working time at its next working morning", () => {
  it("FS after a 7-day task finishing Saturday evening: Mon 11 (Sat 9 by default), and the result states it", () => {
    // A (6 d on 7 days) Mon 4–Sat 9, finishing Sat 9 17:00; M (Mon–Fri) moves to Mon 11 08:00.
    const input = net({ id: "A", duration: 6, calendarId: "seven" }, { from: "A", to: "M" });
    expect(dates(input)).toEqual(Array(7).fill("2027-01-11"));
    expect(dates(input, {})).toEqual(Array(7).fill("2027-01-09"));
    expect(scheduleNetwork(input, MSP).conventions.milestoneDating).toBe("next-working-time");
    expect(scheduleNetwork(input).conventions.milestoneDating).toBe("reached");
  });

  it("FF after a 7-day task finishing Sunday evening: Mon 11", () => {
    expect(dates(net({ id: "A", duration: 7, calendarId: "seven" }, { from: "A", to: "M", type: "FF" }))).toEqual(Array(7).fill("2027-01-11"));
  });

  it("FS + 1 elapsed day after a Friday finish: Fri 8 17:00 + 24 h = Sat 9 17:00, moved to Mon 11", () => {
    expect(dates(net({ id: "A", duration: 5 }, { from: "A", to: "M", lag: { elapsedDays: 1 } }))).toEqual(Array(7).fill("2027-01-11"));
  });

  it("unchanged where the two conventions agree: a working evening stays Fri 8, a working morning Mon 11", () => {
    // A (5 d) finishes Fri 8 17:00, a working moment of M's calendar: Fri 8 (MS Project Fri 17:00).
    expect(dates(net({ id: "A", duration: 5 }, { from: "A", to: "M" }))).toEqual(Array(7).fill("2027-01-08"));
    // SS from A starting Mon 11 08:00 (after P, Mon 4–Fri 8): M at Mon 11 08:00 either way, total float 2 days.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      activities: [{ id: "P", duration: 5 }, { id: "A", duration: 2 }, { id: "M", duration: 0 }],
      links: [{ from: "P", to: "A" }, { from: "A", to: "M", type: "SS" }],
    }, MSP);
    expect([act(r, "M").earlyStart, act(r, "M").earlyFinish, act(r, "M").totalFloat.toFixed()]).toEqual(["2027-01-11", "2027-01-11", "2"]);
  });

  it("a milestone moved to Monday passes Monday to an SS milestone after it", () => {
    // P (6 d on 7 days) finishes Sat 9 → A (milestone) Mon 11 08:00 → M SS from A: Mon 11 08:00.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "P", duration: 6, calendarId: "seven" }, { id: "A", duration: 0 }, { id: "M", duration: 0 }],
      links: [{ from: "P", to: "A" }, { from: "A", to: "M", type: "SS" }],
    }, MSP);
    expect([act(r, "A").earlyStart, act(r, "M").earlyStart, r.finish]).toEqual(["2027-01-11", "2027-01-11", "2027-01-11"]);
  });

  it("levelling dates it the same way", () => {
    const input = net({ id: "A", duration: 6, calendarId: "seven" }, { from: "A", to: "M" });
    const r = levelResources({ network: input, resources: [], assignments: [] }, { schedule: MSP });
    expect([r.activities.map((a) => [a.id, a.start, a.finish]), r.finish]).toEqual([[["A", "2027-01-04", "2027-01-09"], ["M", "2027-01-11", "2027-01-11"]], "2027-01-11"]);
  });

  it("Monte Carlo counts Monday as the finish, as scheduleNetwork does", () => {
    // A (5 d) Fri 8 → M FS + 1 elapsed day: Mon 11 under next-working-time, so P(finish ≤ Sat 9) = 0 and ≤ Mon 11 = 1.
    const network = net({ id: "A", duration: 5 }, { from: "A", to: "M", lag: { elapsedDays: 1 } });
    const run = (targetFinish: string) => analyseScheduleRisk({ network }, { iterations: 10, seed: 1, targetFinish, milestoneDating: "next-working-time" });
    const r = run("2027-01-09");
    expect([r.deterministicFinish, ...r.percentiles.map((p) => p.finish), r.probabilityOfFinish.value?.toFixed()]).toEqual([...Array(5).fill("2027-01-11"), "0"]);
    expect(run("2027-01-11").probabilityOfFinish.value?.toFixed()).toBe("1");
  });

  it("refuses anything else, with its path", () => {
    const input = net({ id: "A", duration: 5 }, { from: "A", to: "M" });
    const bad = { milestoneDating: "monday" } as unknown as ScheduleOptions;
    expect(validationIssues(() => scheduleNetwork(input, bad))).toEqual(["milestoneDating: expected reached or next-working-time"]);
    expect(validationIssues(() => analyseScheduleRisk({ network: input }, bad as never))).toEqual(["milestoneDating: expected reached or next-working-time"]);
  });
});
