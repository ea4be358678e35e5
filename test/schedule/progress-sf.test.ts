import { describe, expect, it } from "vitest";
import { levelResources, scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { act } from "./helpers.js";

/*
 * SF binds the successor's *finish* (it finishes no earlier than the predecessor starts): for started work that is its
 * remaining part, which retained logic still makes wait, as it does for FF. Status Tue 2027-01-05. P (5 d, SNET Mon 11)
 * Mon 11 – Fri 15. J (3 d) started Mon 4 with 1 day left, SF from P: J's finish ≥ P's start (Mon 11 morning = Fri 8
 * evening), so its remaining day is Fri 8 (not before the status date either: Wed 6 at the earliest), J finishes Fri 8,
 * total float 5 days (to the network finish Fri 15). Before, SF into started work was skipped like SS: J finished Wed 6,
 * before P starts, with 7 days of float.
 */
const input: ScheduleInput = {
  projectStart: "2027-01-04",
  statusDate: "2027-01-05",
  activities: [
    { id: "P", duration: 5, constraint: { kind: "snet", date: "2027-01-11" } },
    { id: "J", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 } },
  ],
  links: [{ from: "P", to: "J", type: "SF" }],
};

describe("retained logic: an SF link still binds the finish of started work", () => {
  it("J's remaining day waits until its finish meets P's start: Fri 8 (it was Wed 6)", () => {
    const r = scheduleNetwork(input);
    const j = act(r, "J");
    expect([j.earlyStart, j.earlyFinish, j.lateFinish, j.totalFloat.toFixed(), j.freeFloat.toFixed(), j.earlyFinishDriver.kind]).toEqual(["2027-01-04", "2027-01-08", "2027-01-15", "5", "5", "link"]);
    expect([act(r, "P").earlyStart, act(r, "P").totalFloat.toFixed(), r.finish]).toEqual(["2027-01-11", "0", "2027-01-15"]);
    // Progress override: started work ignores its predecessors and continues from the status date (Wed 6).
    expect(act(scheduleNetwork(input, { outOfSequence: "progress-override" }), "J").earlyFinish).toBe("2027-01-06");
  });

  it("levelling places the remaining day after P's start the same way", () => {
    const r = levelResources({ network: input, resources: [], assignments: [] });
    expect(r.activities.map((a) => [a.id, a.start, a.finish])).toEqual([["P", "2027-01-11", "2027-01-15"], ["J", "2027-01-04", "2027-01-08"]]);
  });
});
