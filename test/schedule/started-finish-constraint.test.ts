import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ScheduleInput } from "../../src/index.js";
import { act } from "./helpers.js";

/*
 * A finish constraint still binds work that has started: its start is history, its finish is not (MS Project and P6
 * keep a finish-no-later-than or must-finish-on date on an in-progress task; a deadline already did here). Status Wed
 * 2027-01-06. A (5 d) started Mon 4 with 4 days left: Thu 7, Fri 8, Mon 11, Tue 12. C (10 d, Thu 7 – Wed 20) finishes
 * the network. A's finish is bound by Fri 8 evening: late finish Fri 8, total float = LF − EF = Fri 8 − Tue 12 = −2
 * working days (Mon 11, Tue 12), critical. Before: the constraint was left out of the backward pass, so A showed
 * late finish Wed 20, +6 days of float and not critical (a deadline on the same date gave −2); an MFO also said nothing.
 */
const input = (constraint?: { kind: "fnlt" | "mfo"; date: string }): ScheduleInput => ({
  projectStart: "2027-01-04",
  statusDate: "2027-01-06",
  activities: [
    { id: "A", duration: 5, progress: { actualStart: "2027-01-04", remainingDuration: 4 }, ...(constraint ? { constraint } : {}) },
    { id: "C", duration: 10 },
  ],
});

describe("finish constraints on started work", () => {
  it("FNLT Fri 8: late finish Fri 8, −2 days of float, critical, with the negative-float finding", () => {
    const r = scheduleNetwork(input({ kind: "fnlt", date: "2027-01-08" }));
    const a = act(r, "A");
    expect([a.earlyFinish, a.lateFinish, a.totalFloat.toFixed(), a.critical]).toEqual(["2027-01-12", "2027-01-08", "-2", true]);
    expect(a.lateFinishDriver).toMatchObject({ kind: "constraint" });
    expect(r.violations.map((v) => v.kind)).toEqual(["constraint-violated", "negative-float"]);
  });

  it("MFO Fri 8: the same late bound, and a finding that the must-finish-on date is missed", () => {
    const r = scheduleNetwork(input({ kind: "mfo", date: "2027-01-08" }));
    const a = act(r, "A");
    expect([a.earlyFinish, a.lateFinish, a.totalFloat.toFixed(), a.critical]).toEqual(["2027-01-12", "2027-01-08", "-2", true]);
    expect(r.violations.map((v) => v.message)).toEqual([
      "A finishes 2 days after its must-finish-on date 2027-01-08",
      "A has -2 days of total float",
    ]);
  });

  it("a constraint the started work meets leaves its float as the network gives it", () => {
    // FNLT Mon 18 (after Tue 12): the network finish Wed 20 is later, so the bound is Mon 18: float 4 (Wed 13 – Mon 18).
    const a = act(scheduleNetwork(input({ kind: "fnlt", date: "2027-01-18" })), "A");
    expect([a.lateFinish, a.totalFloat.toFixed(), a.critical]).toEqual(["2027-01-18", "4", false]);
    expect(act(scheduleNetwork(input()), "A").totalFloat.toFixed()).toBe("6");
  });
});

describe("a finish-no-earlier-than date on started work", () => {
  it("holds its remaining work's finish, as it holds unstarted work's: FNET Fri 15 → finish Fri 15, B Mon 18", () => {
    // Status Wed 6; A's 4 days left would end Tue 12; FNET Fri 15 evening: its remaining 4 days run Tue 12 – Fri 15
    // (starting at the status date's morning-after would end Tue 12, before the date). B (1 d, FS) then starts Mon 18.
    // Before: the FNET was dropped once A had started (A Tue 12, B Wed 13), while unstarted work honoured it.
    const r = scheduleNetwork({
      projectStart: "2027-01-04",
      statusDate: "2027-01-06",
      activities: [
        { id: "A", duration: 5, progress: { actualStart: "2027-01-04", remainingDuration: 4 }, constraint: { kind: "fnet", date: "2027-01-15" } },
        { id: "B", duration: 1 },
      ],
      links: [{ from: "A", to: "B" }],
    });
    expect([act(r, "A").earlyStart, act(r, "A").earlyFinish, act(r, "B").earlyStart]).toEqual(["2027-01-04", "2027-01-15", "2027-01-18"]);
    expect(act(r, "A").earlyFinishDriver).toMatchObject({ kind: "constraint", constraint: { kind: "fnet" } });
  });
});
