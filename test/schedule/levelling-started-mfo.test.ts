import { describe, expect, it } from "vitest";
import { levelResources } from "../../src/index.js";

/*
 * Started work whose remaining part waits for a levelled predecessor can be pushed past its must-finish-on date; the
 * levelled violations said nothing (only FNLT dates and deadlines were checked, and must-on dates of unstarted work).
 * Status Wed 2027-01-06. A started Mon 4, 1 day left, MFO Fri 8, FS after P (1 d, unstarted); X (2 d, deadline Thu 7,
 * total float −1) goes first and holds the 1-unit R Thu 7 – Fri 8. P waits to Mon 11; A's remaining day is Tue 12:
 * 2 working days (Mon 11, Tue 12) after Fri 8.
 */
describe("levelled started work past its must-finish-on date", () => {
  it("is reported", () => {
    const r = levelResources({
      network: {
        projectStart: "2027-01-04",
        statusDate: "2027-01-06",
        activities: [
          { id: "A", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 }, constraint: { kind: "mfo", date: "2027-01-08" } },
          { id: "P", duration: 1 },
          { id: "X", duration: 2, deadline: "2027-01-07" },
        ],
        links: [{ from: "P", to: "A" }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "P", resourceId: "R", units: 1 }, { activityId: "X", resourceId: "R", units: 1 }],
    });
    expect(r.activities.find((a) => a.id === "A")!.finish).toBe("2027-01-12");
    expect(r.violations.filter((v) => v.activityId === "A").map((v) => v.message)).toEqual(["A finishes 2 days after its must-finish-on date 2027-01-08 when levelled"]);
  });
});
