import { describe, expect, it } from "vitest";
import { scheduleNetwork } from "../../src/index.js";

describe("started work behind its deadline: the late finish is the date the deadline asks for", () => {
  it("A started Tue 5, 1 day left at the status date Wed 6, deadline Mon 4: late finish Mon 4, −3 days of float", () => {
    // Monday–Friday. A's remaining day runs Thu 7 (the morning after the status date): early finish Thu 7 evening.
    // The deadline bounds its late finish at Mon 4 evening; late start = Mon 4 evening − 1 day left = Mon 4 morning.
    // Total float = LF − EF = Mon 4 evening − Thu 7 evening = −3 working days (Tue 5, Wed 6, Thu 7).
    // The late finish showed Tue 5 (clamped to the actual start day), later than the deadline that sets it and a day
    // after the late start of one day's remaining work.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      statusDate: "2027-01-06",
      activities: [{ id: "A", duration: 3, deadline: "2027-01-04", progress: { actualStart: "2027-01-05", remainingDuration: 1 } }],
    });
    const a = r.activities[0]!;
    expect([a.earlyStart, a.earlyFinish, a.lateStart, a.lateFinish, a.totalFloat.toFixed()]).toEqual(["2027-01-05", "2027-01-07", "2027-01-04", "2027-01-04", "-3"]);
    expect(a.lateFinishDriver).toEqual({ kind: "deadline", date: "2027-01-04" });
  });

  it("started on Saturday 9 (the status date) with nothing left still finishes Sat 9, early and late", () => {
    // The case the clamp is for: its finish position is Monday morning (Friday evening), but it started Saturday.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      statusDate: "2027-01-09",
      activities: [{ id: "A", duration: 1, progress: { actualStart: "2027-01-09", remainingDuration: 0 } }],
    });
    const a = r.activities[0]!;
    expect([a.earlyFinish, a.lateFinish, a.totalFloat.toFixed()]).toEqual(["2027-01-09", "2027-01-09", "0"]);
  });
});
