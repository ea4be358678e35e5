import { describe, expect, it } from "vitest";
import { levelResources, type LevellingInput } from "../../src/index.js";
import { SEVEN_DAY } from "./helpers.js";

/*
 * Mon 2027-01-04. A (5 d) and B (1 d) work on a 7-day calendar and share the 1-unit R (7-day too); M is a Monday–Friday milestone
 * FS after B. CPM: A Mon 4 – Fri 8 (the finish, float 0), B Mon 4 (float 4), M Mon 4 (B's working evening).
 * Levelled: A keeps R, B waits 5 days to Sat 9 and finishes Sat 9 evening — non-working time for M. M is reached then:
 * on Sat 9 (`"reached"`, the default, as scheduleNetwork dates a milestone reached after hours) or Mon 11
 * (`"next-working-time"`, MS Project). Before, a milestone levelling moved was dated at the evening before its
 * position, Fri 8 — a day before B, which it follows, had finished.
 */
const input: LevellingInput = {
  network: {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY },
    activities: [{ id: "A", duration: 5, calendarId: "seven" }, { id: "B", duration: 1, calendarId: "seven" }, { id: "M", duration: 0 }],
    links: [{ from: "B", to: "M" }],
  },
  resources: [{ id: "R", maxUnits: 1, calendarId: "seven" }],
  assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "B", resourceId: "R", units: 1 }],
};

describe("a milestone levelling moves is dated where its levelled predecessor reaches it", () => {
  it("reached: Sat 9; next-working-time: Mon 11 (it was Fri 8, before B finished)", () => {
    const r = levelResources(input);
    expect([r.activities.map((a) => [a.id, a.start, a.finish]), r.finish]).toEqual([[["A", "2027-01-04", "2027-01-08"], ["B", "2027-01-09", "2027-01-09"], ["M", "2027-01-09", "2027-01-09"]], "2027-01-09"]);
    const msp = levelResources(input, { schedule: { milestoneDating: "next-working-time" } });
    expect([msp.activities.map((a) => [a.id, a.start, a.finish]), msp.finish]).toEqual([[["A", "2027-01-04", "2027-01-08"], ["B", "2027-01-09", "2027-01-09"], ["M", "2027-01-11", "2027-01-11"]], "2027-01-11"]);
  });
});
