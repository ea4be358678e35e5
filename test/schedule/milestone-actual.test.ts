import { describe, expect, it } from "vitest";
import { analyseScheduleRisk, levelResources, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { act } from "./helpers.js";

/*
 * A milestone takes no time: once it has an actual start it has been reached, at that date, and is complete (as MS
 * Project completes a zero-duration task given an actual start). Hand derivation, status date Wed 2027-01-06:
 * A (8 d) started Mon 4 with 5 days left → remaining Thu 7 – Wed 13. M (milestone) FS after A was reached Tue 5 (out of
 * sequence): it sits on Tue 5 (ES = EF = Tue 5) and, being complete, its FS link from A no longer binds. B (2 d) FS +
 * 3 working days after M: Tue 5 evening + 3 days (Wed 6, Thu 7, Fri 8) → B Mon 11 – Tue 12 (after the status date
 * anyway). The network finishes with A on Wed 13; B's late finish Wed 13 gives it 1 day of float.
 * Before: M was scheduled as started work with nothing left, at its planned position behind A (Tue 5 – Wed 13), and
 * drove B to Tue 19 – Wed 20: the finish was Jan 20.
 */
const input: ScheduleInput = {
  projectStart: "2027-01-04",
  statusDate: "2027-01-06",
  activities: [
    { id: "A", duration: 8, progress: { actualStart: "2027-01-04", remainingDuration: 5 } },
    { id: "M", duration: 0, progress: { actualStart: "2027-01-05" } },
    { id: "B", duration: 2 },
  ],
  links: [{ from: "A", to: "M" }, { from: "M", to: "B", lag: { days: 3 } }],
};

describe("a milestone with an actual start sits at its actual date", () => {
  it("M is complete on Tue 5 and drives B from there (B Mon 11 – Tue 12, finish Wed 13; was B Jan 19–20, finish Jan 20)", () => {
    const r = scheduleNetwork(input);
    const m = act(r, "M");
    expect([m.status, m.earlyStart, m.earlyFinish, m.lateStart, m.lateFinish, m.critical]).toEqual(["complete", "2027-01-05", "2027-01-05", "2027-01-05", "2027-01-05", false]);
    const b = act(r, "B");
    expect([b.earlyStart, b.earlyFinish, b.totalFloat.toFixed(), b.earlyStartDriver.kind]).toEqual(["2027-01-11", "2027-01-12", "1", "link"]);
    expect(r.finish).toBe("2027-01-13");
    expect(r.violations.map((v) => v.message)).toEqual(["M started 2027-01-05 before its FS predecessor A finished; it is complete, so the link no longer binds"]);
  });

  it("gives the same dates as an explicit actual finish on the same day", () => {
    const explicit = { ...input, activities: input.activities.map((a) => (a.id === "M" ? { ...a, progress: { actualStart: "2027-01-05", actualFinish: "2027-01-05" } } : a)) };
    const dates = (r: ReturnType<typeof scheduleNetwork>) => r.activities.map((a) => [a.id, a.status, a.earlyStart, a.earlyFinish, a.lateStart, a.lateFinish, a.totalFloat.toFixed()]);
    expect(dates(scheduleNetwork(input))).toEqual(dates(scheduleNetwork(explicit)));
  });

  it("levelling and Monte Carlo keep it there too (B levelled Mon 11 – Tue 12; deterministic finish Wed 13, was Jan 20)", () => {
    const l = levelResources({ network: input, resources: [], assignments: [] });
    expect(l.activities.map((a) => `${a.id} ${a.start} ${a.finish}`)).toEqual(["A 2027-01-04 2027-01-13", "M 2027-01-05 2027-01-05", "B 2027-01-11 2027-01-12"]);
    expect(analyseScheduleRisk({ network: input, durations: [] }, { iterations: 10, seed: 1 }).deterministicFinish).toBe("2027-01-13");
  });

  it("a milestone given remaining work is still scheduled as started work (remaining 1 day after Wed 6: Thu 7 behind A → Wed 13 + 1 = Thu 14)", () => {
    const r = scheduleNetwork({ ...input, activities: input.activities.map((a) => (a.id === "M" ? { ...a, progress: { actualStart: "2027-01-05", remainingDuration: 1 } } : a)) });
    expect([act(r, "M").status, act(r, "M").earlyFinish]).toEqual(["in-progress", "2027-01-14"]);
  });
});
