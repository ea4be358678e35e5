import { describe, expect, it } from "vitest";
import { resourceLoad, scheduleNetwork, type LevellingInput } from "../../src/index.js";
import { act } from "./helpers.js";

/*
 * An ALAP activity is scheduled late by its free float (scheduleNetwork's scheduledStart/scheduledFinish, the dates
 * the Gantt chart draws), so its resource works then. A (5 d) Mon 4 – Fri 8; B (1 d, ALAP) and A both FS into C (1 d,
 * Mon 11). B's early date is Mon 4, its free float 4 days: scheduled Fri 8. Before: resourceLoad counted R's day of
 * work on B's early date Mon 4, while the schedule (and the report's Gantt beside the histogram) put B on Fri 8.
 */
const input: LevellingInput = {
  network: {
    projectStart: "2027-01-04",
    activities: [{ id: "A", duration: 5 }, { id: "B", duration: 1, constraint: { kind: "alap" } }, { id: "C", duration: 1 }],
    links: [{ from: "A", to: "C" }, { from: "B", to: "C" }],
  },
  resources: [{ id: "R", maxUnits: 1 }],
  assignments: [{ activityId: "B", resourceId: "R", units: 1 }],
};

describe("resourceLoad on the scheduled dates", () => {
  it("counts an ALAP activity's work where the schedule places it (default), or on its early dates on request", () => {
    expect([act(scheduleNetwork(input.network), "B").earlyStart, act(scheduleNetwork(input.network), "B").scheduledStart]).toEqual(["2027-01-04", "2027-01-08"]);
    const byDay = (dates?: "scheduled" | "early") =>
      resourceLoad(input, { period: "day", ...(dates ? { dates } : {}) }).resources.filter((r) => !r.demand.isZero()).map((r) => [r.periodStart, r.demand.toFixed()]);
    expect(byDay()).toEqual([["2027-01-08", "1"]]);
    expect(byDay("scheduled")).toEqual([["2027-01-08", "1"]]);
    expect(byDay("early")).toEqual([["2027-01-04", "1"]]);
  });
  it("refuses another value at dates", () => {
    expect(() => resourceLoad(input, { dates: "late" as "early" })).toThrow(/dates/);
  });
});
