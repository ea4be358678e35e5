import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ActivityConstraint } from "../../src/index.js";
import { act, row } from "./helpers.js";

/*
 * FNET, MSO and MFO dates on a day the activity's calendar does not work (Sat 9 / Sun 10, Monday–Friday calendar): the
 * working-time reading, pinned. docs/scheduling.md states it; the scheduling reference names no convention for these
 * constraints on non-working days (only startNoLaterThan has an option), so no alternative is offered.
 *
 * A start date means that day's morning (00:00), a finish date that day's evening (24:00). In working time, Fri 8
 * 17:00, Sat 9 00:00, Sat 9 24:00, Sun 10 24:00 and Mon 11 08:00 are one position (2,400 working minutes after Mon 4
 * 08:00); a start there is shown on the next working morning (Mon 11), a finish on the last working evening (Fri 8).
 * X (1 day) alone, Mon 2027-01-04 start:
 * - FNET Sat 9 (or Sun 10): early finish no earlier than that position, so X runs Fri 8 08:00 – 17:00: [Fri 8, Fri 8];
 *   a Friday finish meets it (the literal reading, a finish after Saturday 24:00, would be Monday);
 * - MSO Sat 9: start fixed at that position, shown Mon 11: X runs Mon 11 (early = late);
 * - MFO Sat 9: finish fixed at that position, shown Fri 8: X runs Fri 8 (early = late).
 * Total float 0 each time (X ends the network); no finding (the dates meet their constraints in working time).
 */
const only = (constraint: ActivityConstraint) => scheduleNetwork({ projectStart: "2027-01-04", activities: [{ id: "X", duration: 1, constraint }] });

describe("FNET, MSO, MFO on a non-working day: the working-time reading", () => {
  it.each([
    ["FNET Sat 9", { kind: "fnet", date: "2027-01-09" }, ["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08", "0"]],
    ["FNET Sun 10", { kind: "fnet", date: "2027-01-10" }, ["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08", "0"]],
    ["MSO Sat 9", { kind: "mso", date: "2027-01-09" }, ["2027-01-11", "2027-01-11", "2027-01-11", "2027-01-11", "0"]],
    ["MFO Sat 9", { kind: "mfo", date: "2027-01-09" }, ["2027-01-08", "2027-01-08", "2027-01-08", "2027-01-08", "0"]],
  ] as const)("%s", (_label, constraint, expected) => {
    const r = only(constraint);
    expect(row(r, "X")).toEqual(expected);
    // A start constraint drives the early start, a finish constraint the early finish (the start is then the duration's).
    const a = act(r, "X");
    expect(constraint.kind === "mso" ? a.earlyStartDriver : a.earlyFinishDriver).toEqual({ kind: "constraint", constraint });
    expect(r.violations).toEqual([]);
  });

  it("the startNoLaterThan option does not change them", () => {
    for (const constraint of [{ kind: "fnet", date: "2027-01-09" }, { kind: "mso", date: "2027-01-09" }, { kind: "mfo", date: "2027-01-09" }] as const) {
      expect(row(scheduleNetwork({ projectStart: "2027-01-04", activities: [{ id: "X", duration: 1, constraint }] }, { startNoLaterThan: "exact" }), "X")).toEqual(row(only(constraint), "X"));
    }
  });
});
