import { describe, expect, it } from "vitest";
import { levelResources, type LevellingResult } from "../../src/index.js";

const causes = (r: LevellingResult) => r.unresolved.map((u) => [u.activityId, u.causes.map((c) => [c.resourceId, c.reason, c.day])]);

describe("one unresolved entry per activity, listing every reason and resource", () => {
  it("started work whose done part and remaining part both over-allocate is one entry (it was two)", () => {
    // Status Tue 2027-01-05. A (4 d) started Mon 4 with 2 days left, FS behind P (2 d, not started: Wed 6–Thu 7), so
    // under retained logic its done part is Mon 4–Tue 5 and its remaining part Fri 8–Mon 11 (finish Mon 11, tf 1).
    // B (6 d) started Mon 4 with 5 days left: Mon 4–Tue 12, the network finish (tf 0), so B holds S first.
    // A asks 2 units of R (max 1) and 1 of S (held by B on every day A works).
    // Done part: R exceeds its max on Mon 4, S is held by fixed B on Mon 4 → fixed-dates.
    // Remaining part: R exceeds its max again on Fri 8 (the same resource and reason: kept once, at its first day).
    // Before: two entries for A — [R fixed-dates 01-04] from the done part and [R exceeds-max-units 01-08] from the
    // remaining part — and S was not named at all.
    const r = levelResources({
      network: {
        projectStart: "2027-01-04",
        statusDate: "2027-01-05",
        activities: [
          { id: "A", duration: 4, progress: { actualStart: "2027-01-04", remainingDuration: 2 } },
          { id: "B", duration: 6, progress: { actualStart: "2027-01-04", remainingDuration: 5 } },
          { id: "P", duration: 2 },
        ],
        links: [{ from: "P", to: "A" }],
      },
      resources: [{ id: "R", maxUnits: 1 }, { id: "S", maxUnits: 1 }],
      assignments: [
        { activityId: "A", resourceId: "R", units: 2 },
        { activityId: "A", resourceId: "S", units: 1 },
        { activityId: "B", resourceId: "S", units: 1 },
      ],
    });
    expect(r.activities.map((a) => [a.id, a.start, a.finish])).toEqual([["A", "2027-01-04", "2027-01-11"], ["B", "2027-01-04", "2027-01-12"], ["P", "2027-01-06", "2027-01-07"]]);
    expect(causes(r)).toEqual([["A", [["R", "exceeds-max-units", "2027-01-04"], ["S", "fixed-dates", "2027-01-04"]]]]);
    const a = r.unresolved[0]!;
    // The first cause is the entry's own resource, reason and day, as before.
    expect([a.resourceId, a.reason, a.day]).toEqual(["R", "exceeds-max-units", "2027-01-04"]);
    expect(a.message).toBe(
      "A needs 2 units of R, which has at most 1; A's dates are fixed (started, complete or must-start/finish-on) and overlap other fixed work on S: it cannot be levelled and stays over-allocated",
    );
  });

  it("a single cause reads as before", () => {
    // A (2 d, 2 units of a 1-unit R), nothing else: one cause, the message unchanged.
    const r = levelResources({
      network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 2 }] },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 2 }],
    });
    expect(causes(r)).toEqual([["A", [["R", "exceeds-max-units", "2027-01-04"]]]]);
    expect(r.unresolved[0]!.message).toBe("A needs 2 units of R, which has at most 1: it cannot be levelled and stays over-allocated");
  });
});
