import { describe, expect, it } from "vitest";
import { levelResources, type LevellingInput } from "../../src/index.js";

// delayDays counts working time between two positions (minutes ÷ 480), not whole days between two shown dates: a
// CPM date that sits part-way through its day moves by a fraction even when the levelled date is a day boundary.
// (The sample CRM plan's go-live, 2027-03-17 → 2027-03-26 shown but 7.429167 days, is this case: see
// test/reports/schedule-section.test.ts.)
describe("levelling delayDays: a CPM position part-way through a day moves by a fraction", () => {
  // Mon–Fri, 8 h = 480 min a day, status date Wed 2027-01-06 (unstarted work from Thu 07 morning).
  // T (5 d) started Mon 04 with 2.25 d left: Thu 07, Fri 08 and 0.25 d (120 min) of Mon 11 → T finishes Mon 11 at
  // minute 120 of 480. M (milestone) is FF from T and SS + 2 d from X. P and X (2 d each) share the 1-unit R.
  // CPM: P and X Thu 07–Fri 08; M = max(FF: EF(T) = Mon 11 + 120 min, SS: ES(X) + 2 d = Mon 11 morning) = Mon 11
  // + 120 min, shown Mon 01-11 (the day it falls in).
  // Levelled: P first (tie on float 0.25 d and start; P by id) Thu 07–Fri 08; X waits 2 days, Mon 11–Tue 12;
  // M = max(SS: Mon 11 + 2 d = Wed 13 morning, FF: Mon 11 + 120 min) = Wed 13 morning, shown Tue 01-12 (a milestone
  // at a morning instant sits on the evening before). Its move: the rest of Mon 11 (480 − 120 = 360 min = 0.75 d) and
  // Tue 12 (1 d) = 1.75 d, although the shown dates are 1 working day apart (Mon 11 → Tue 12).
  const input = (remaining: string): LevellingInput => ({
    network: {
      projectStart: "2027-01-04",
      statusDate: "2027-01-06",
      activities: [
        { id: "T", duration: 5, progress: { actualStart: "2027-01-04", remainingDuration: remaining } },
        { id: "P", duration: 2 },
        { id: "X", duration: 2 },
        { id: "M", duration: 0 },
      ],
      links: [{ from: "T", to: "M", type: "FF" }, { from: "X", to: "M", type: "SS", lag: { days: 2 } }],
    },
    resources: [{ id: "R", maxUnits: 1 }],
    assignments: [{ activityId: "P", resourceId: "R", units: 1 }, { activityId: "X", resourceId: "R", units: 1 }],
  });
  const row = (r: ReturnType<typeof levelResources>, id: string) => {
    const a = r.activities.find((x) => x.id === id)!;
    return [r.schedule.activities.find((x) => x.id === id)!.earlyStart, a.start, a.delayDays.toFixed(), a.pushedBy];
  };

  it("M moves 1.75 working days (Mon 11 at minute 120 → Wed 13 morning) while its shown date moves Mon 01-11 → Tue 01-12", () => {
    const r = levelResources(input("2.25"));
    expect(r.delays.map((d) => d.message)).toEqual(["X waits 2 days for R (held by P)"]);
    expect(row(r, "X")).toEqual(["2027-01-07", "2027-01-11", "2", undefined]);
    expect(row(r, "M")).toEqual(["2027-01-11", "2027-01-12", "1.75", "X"]);
  });

  it("with T ending on a day boundary (2 d left: Fri 08 evening) the same move is whole: 2 days, Fri 01-08 → Tue 01-12", () => {
    // CPM M = max(EF(T) = Fri 08 evening = Mon 11 morning, Mon 11 morning) → shown Fri 01-08; levelled Wed 13
    // morning (shown Tue 01-12): Mon 11 and Tue 12 = 2 working days, as the shown dates say.
    const r = levelResources(input("2"));
    expect(row(r, "M")).toEqual(["2027-01-08", "2027-01-12", "2", "X"]);
  });
});
