import { describe, expect, it } from "vitest";
import { levelResources, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { act, row, validationIssues } from "./helpers.js";

/*
 * A start-no-later-than date on a day the activity's calendar does not work (Saturday, Monday–Friday calendar).
 *
 * A start date means that day's morning (00:00), a day boundary: Saturday 00:00 is Friday's evening and, in working
 * time, the same position as Monday's first working minute. Two readings:
 * - "working-time" (default; MS Project and Primavera P6 as MPXJ's MicrosoftScheduler and PrimaveraScheduler reproduce
 *   them: the late finish is the constraint date plus the duration in working time, so a Monday start meets it);
 * - "exact": the start must come no later than Saturday 00:00, so on Friday at the latest (its last working minute,
 *   as `startLinkFloat: "exact"` reads a start an SS/SF link needs by a non-working instant).
 *
 * Network (Mon 2027-01-04 start, 8 h days): C 10 d runs Mon 4 – Fri 15 and sets the finish. A 4 d (Mon 4 – Thu 7) →FS
 * B 1 d, so B starts Fri 8; B has SNLT Sat 9.
 * - working-time: B may start by Mon 11 (the position of Sat 00:00), late start Mon 11, total float 1 day; A too.
 * - exact: B must start by Fri 8 16:59 (479 working minutes after Fri 08:00): late start Fri 8, and a day's work
 *   from that minute ends Mon 11 16:59, so late finish Mon 11; float 479/480 = 0.997917 day for B and for A.
 * With A 5 d (Mon 4 – Fri 8) instead, B starts Mon 11: working-time meets the constraint (float 0, no finding);
 * exact misses it by one working minute (float −1/480 = −0.002083 day, a constraint-violated finding of 0.002083),
 * and A, whose late finish is B's late start, has the same negative float.
 */
const network = (aDays: number): ScheduleInput => ({
  projectStart: "2027-01-04",
  activities: [
    { id: "A", duration: aDays },
    { id: "B", duration: 1, constraint: { kind: "snlt", date: "2027-01-09" } },
    { id: "C", duration: 10 },
  ],
  links: [{ from: "A", to: "B" }],
});

describe("start-no-later-than on a non-working day: a named convention", () => {
  it("working-time (default, MS Project and P6): SNLT Sat 9 lets B start Mon 11, 1 day of float", () => {
    const r = scheduleNetwork(network(4));
    expect(r.conventions.startNoLaterThan).toBe("working-time");
    expect(row(r, "B")).toEqual(["2027-01-08", "2027-01-08", "2027-01-11", "2027-01-11", "1"]);
    expect(act(r, "A").totalFloat.toFixed()).toBe("1");
    expect(act(r, "B").lateStartDriver).toEqual({ kind: "constraint", constraint: { kind: "snlt", date: "2027-01-09" } });
  });

  it("exact: SNLT Sat 9 means B starts Friday at the latest, 0.997917 day of float", () => {
    const r = scheduleNetwork(network(4), { startNoLaterThan: "exact" });
    expect(r.conventions.startNoLaterThan).toBe("exact");
    expect(row(r, "B")).toEqual(["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-11", "0.997917"]);
    expect(act(r, "A").totalFloat.toFixed()).toBe("0.997917");
    expect(r.violations).toEqual([]);
  });

  it("B starting Monday meets SNLT Saturday by working time and misses it, by one working minute, exactly", () => {
    const wt = scheduleNetwork(network(5));
    expect(act(wt, "B").earlyStart).toBe("2027-01-11");
    expect(act(wt, "B").totalFloat.toFixed()).toBe("0");
    expect(wt.violations).toEqual([]);
    const exact = scheduleNetwork(network(5), { startNoLaterThan: "exact" });
    expect(act(exact, "B").totalFloat.toFixed()).toBe("-0.002083");
    expect(exact.violations.map((v) => [v.kind, v.activityId, v.days?.toFixed()])).toEqual([
      ["negative-float", "A", "0.002083"],
      ["constraint-violated", "B", "0.002083"],
      ["negative-float", "B", "0.002083"],
    ]);
  });

  it("a working-day SNLT reads the same both ways (SNLT Fri 8: start by Fri 08:00), and SNET is unaffected", () => {
    const fri: ScheduleInput = { ...network(4), activities: network(4).activities.map((a) => (a.id === "B" ? { ...a, constraint: { kind: "snlt", date: "2027-01-08" } } : a)) };
    expect(row(scheduleNetwork(fri, { startNoLaterThan: "exact" }), "B")).toEqual(row(scheduleNetwork(fri), "B"));
    expect(row(scheduleNetwork(fri), "B")).toEqual(["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08", "0"]);
    // SNET Sat 9: the earliest start at or after Saturday 00:00 is Monday's first working minute, in either reading.
    const snet: ScheduleInput = { ...network(4), activities: network(4).activities.map((a) => (a.id === "B" ? { ...a, constraint: { kind: "snet", date: "2027-01-09" } } : a)) };
    expect(act(scheduleNetwork(snet, { startNoLaterThan: "exact" }), "B").earlyStart).toBe("2027-01-11");
    expect(act(scheduleNetwork(snet), "B").earlyStart).toBe("2027-01-11");
  });

  it("levelling's schedule takes the option; an unknown value is refused at its path", () => {
    const lv = levelResources({ network: network(4), resources: [], assignments: [] }, { schedule: { startNoLaterThan: "exact" } });
    expect(act(lv.schedule, "B").lateStart).toBe("2027-01-08");
    expect(validationIssues(() => scheduleNetwork(network(4), { startNoLaterThan: "literal" as never }))).toEqual(["startNoLaterThan: expected working-time or exact"]);
  });
});
