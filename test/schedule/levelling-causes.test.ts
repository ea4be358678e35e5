import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, resourceLoad, type LevellingInput, type LevellingResult } from "../../src/index.js";

const rows = (r: LevellingResult) => r.activities.map((a) => [a.id, a.start, a.finish, a.delayDays.toFixed()]);

describe("a delay names every resource short on the day", () => {
  // Mon 2027-01-04, no links. A (2 d, R1) and B (2 d, R2) have total float 0 (the finish is Tue 5); C (1 d, R1 and R2)
  // has 1. A takes R1 and B takes R2 on Mon 4–Tue 5, so on Mon 4 C finds both short: it waits 2 days, to Wed 6.
  // Before, only R1 was named ("C waits 2 days for R1 (held by A)").
  const input: LevellingInput = {
    network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 2 }, { id: "B", duration: 2 }, { id: "C", duration: 1 }] },
    resources: [{ id: "R2", maxUnits: 1 }, { id: "R1", maxUnits: 1 }],
    // R2 listed first: the blockers are sorted by resource id, not by input order.
    assignments: [{ activityId: "C", resourceId: "R2", units: 1 }, { activityId: "C", resourceId: "R1", units: 1 }, { activityId: "A", resourceId: "R1", units: 1 }, { activityId: "B", resourceId: "R2", units: 1 }],
  };

  it("two resources held by two activities: both in blockedBy, both in the message", () => {
    const r = levelResources(input);
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-05", "0"], ["B", "2027-01-04", "2027-01-05", "0"], ["C", "2027-01-06", "2027-01-06", "2"]]);
    expect(r.delays.map((d) => [d.activityId, d.resourceId, d.heldBy, d.day, d.blockedBy, d.message])).toEqual([
      ["C", "R1", ["A"], "2027-01-04", [{ resourceId: "R1", heldBy: ["A"] }, { resourceId: "R2", heldBy: ["B"] }], "C waits 2 days for R1 (held by A) and R2 (held by B)"],
    ]);
  });

  it("a resource not working that day is a blocker too, and one short resource is one blocker", () => {
    // R2 is on holiday Mon 4 and has no other user: on Mon 4 C finds R1 held by A and R2 not working.
    const off = createWorkingCalendar({ name: "off", holidays: ["2027-01-04"] });
    const r = levelResources({
      network: { ...input.network, calendars: { off } },
      resources: [{ id: "R1", maxUnits: 1 }, { id: "R2", maxUnits: 1, calendarId: "off" }],
      assignments: [{ activityId: "A", resourceId: "R1", units: 1 }, { activityId: "C", resourceId: "R1", units: 1 }, { activityId: "C", resourceId: "R2", units: 1 }],
    });
    expect(r.delays.map((d) => [d.blockedBy, d.message])).toEqual([
      [[{ resourceId: "R1", heldBy: ["A"] }, { resourceId: "R2", heldBy: [] }], "C waits 2 days for R1 (held by A) and R2 (R2 does not work on 2027-01-04)"],
    ]);
    // Only R1 short (R2 works and is free): one blocker, the message as before.
    const one = levelResources({ ...input, assignments: input.assignments.filter((a) => a.activityId !== "B") });
    expect(one.delays.map((d) => [d.blockedBy, d.message])).toEqual([[[{ resourceId: "R1", heldBy: ["A"] }], "C waits 2 days for R1 (held by A)"]]);
  });
});

describe("a must-on activity whose predecessor levelling moves past it: the broken link is reported", () => {
  it("MSO: the constraint date wins and the FS link is link-violated", () => {
    // Mon 2027-01-04. A (4 d, R) and P (3 d, R) → M (1 d, MSO Thu 7). CPM: A Mon 4–Thu 7, P Mon 4–Wed 6, M Thu 7; all
    // have total float 0 (M's MSO pins P), same early start: A goes first by id and holds R Mon 4–Thu 7. P waits 4 days:
    // Fri 8, Mon 11, Tue 12 (finish Tue 12). M keeps Thu 7; FS from P wants Wed 13: M starts 4 working days early
    // (Thu 7, Fri 8, Mon 11, Tue 12). Before, nothing said so.
    const r = levelResources({
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "A", duration: 4 }, { id: "P", duration: 3 }, { id: "M", duration: 1, constraint: { kind: "mso", date: "2027-01-07" } }],
        links: [{ from: "P", to: "M" }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "P", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-07", "0"], ["P", "2027-01-08", "2027-01-12", "4"], ["M", "2027-01-07", "2027-01-07", "0"]]);
    expect(r.schedule.violations).toEqual([]);
    expect(r.violations.map((v) => [v.kind, v.activityId, v.days?.toFixed(), v.message])).toEqual([
      ["link-violated", "M", "4", "M starts 4 days before its FS predecessor P allows when levelled (P finishes 2027-01-12); its MSO date 2027-01-07 wins"],
    ]);
  });

  it("MFO with an SS link: the start the predecessor allows, named by the predecessor's start", () => {
    // Mon 2027-01-04. A (3 d, R) and P (2 d, R) —SS+1→ M (2 d, MFO Wed 6, so M is Tue 5–Wed 6). CPM: A Mon 4–Wed 6,
    // P Mon 4–Tue 5 (float 1 against A's 0: A first). P waits 3 days: Thu 7–Fri 8. SS+1 wants M on Fri 8; M starts
    // Tue 5: 3 working days early (Tue 5, Wed 6, Thu 7).
    const r = levelResources({
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "A", duration: 3 }, { id: "P", duration: 2 }, { id: "M", duration: 2, constraint: { kind: "mfo", date: "2027-01-06" } }],
        links: [{ from: "P", to: "M", type: "SS", lag: { days: 1 } }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "P", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-06", "0"], ["P", "2027-01-07", "2027-01-08", "3"], ["M", "2027-01-05", "2027-01-06", "0"]]);
    expect(r.violations.map((v) => [v.kind, v.activityId, v.days?.toFixed(), v.message])).toEqual([
      ["link-violated", "M", "3", "M starts 3 days before its SS predecessor P allows when levelled (P starts 2027-01-07); its MFO date 2027-01-06 wins"],
    ]);
  });
});

describe("started work waiting for a predecessor (retained logic) holds no resource while it waits", () => {
  // Status Wed 2027-01-06. A (3 d, R) started Mon 4 with 1 day left; its FS predecessor P (3 d, no resource) has not
  // started, so it runs Thu 7–Mon 11 and A's remaining day waits for it: Tue 12. C (2 d, R, float 2) is Thu 7–Fri 8.
  // A works Mon 4–Wed 6 (before the status date) and Tue 12; on Thu 7, Fri 8 and Mon 11 it waits and R is free.
  // R demand per day: Mon 4–Wed 6: 1 (A); Thu 7, Fri 8: 1 (C; was 2 with A counted); Mon 11: 0 (was 1); Tue 12: 1 (A).
  // Levelled: C fits Thu 7–Fri 8 and waits 0 days (before: 4, Wed 13–Thu 14, as A held R Mon 4–Tue 12).
  const input: LevellingInput = {
    network: {
      projectStart: "2027-01-04",
      statusDate: "2027-01-06",
      activities: [{ id: "A", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 } }, { id: "P", duration: 3 }, { id: "C", duration: 2 }],
      links: [{ from: "P", to: "A" }],
    },
    resources: [{ id: "R", maxUnits: 1 }],
    assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "C", resourceId: "R", units: 1 }],
  };

  it("resourceLoad: no demand on the waiting days, no over-allocation", () => {
    const load = resourceLoad(input, { period: "day" });
    const demand = load.resources.filter((x) => x.capacity.gt(0)).map((x) => [x.periodStart, x.demand.toFixed()]);
    expect(demand).toEqual([["2027-01-04", "1"], ["2027-01-05", "1"], ["2027-01-06", "1"], ["2027-01-07", "1"], ["2027-01-08", "1"], ["2027-01-11", "0"], ["2027-01-12", "1"]]);
    expect(load.overAllocations).toEqual([]);
  });

  it("levelResources: the other activity uses the resource while the started one waits", () => {
    const r = levelResources(input);
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-12", "0"], ["P", "2027-01-07", "2027-01-11", "0"], ["C", "2027-01-07", "2027-01-08", "0"]]);
    expect([r.delays, r.remainingOverAllocations, r.unresolved, r.finish]).toEqual([[], [], [], "2027-01-12"]);
  });

  it("its remaining day is placed once P is, in priority order: what is placed before it may take its day", () => {
    // All three have total float 0 with C of 4 days (Thu 7–Tue 12). A ranks first (early start Mon 4) but waits for P;
    // C ranks before P (same float and start, id), so C is placed first, Thu 7–Tue 12 — Tue 12 included. P follows,
    // then A's remaining day: Tue 12 is C's, so it waits 1 day, to Wed 13. Before, A held Tue 12 from the start (at its
    // CPM date, levelled or not) and C waited 4 days, to Wed 13–Mon 18 (finish Mon 18; now Wed 13).
    const long = levelResources({ ...input, network: { ...input.network, activities: input.network.activities.map((a) => (a.id === "C" ? { ...a, duration: 4 } : a)) } });
    expect(long.delays.map((d) => d.message)).toEqual(["A waits 1 day for R (held by C)"]);
    expect(rows(long)).toEqual([["A", "2027-01-04", "2027-01-13", "1"], ["P", "2027-01-07", "2027-01-11", "0"], ["C", "2027-01-07", "2027-01-12", "0"]]);
    expect([long.finish, long.remainingOverAllocations]).toEqual(["2027-01-13", []]);
  });

  it("on the days it works it holds the resource: Z (4 d), placed after it, cannot take Tue 12", () => {
    // The same with C named Z: P now ranks before Z (id), so once P is placed A's remaining day (rank first) takes
    // Tue 12 and Z of 4 days from Thu 7 would reach Tue 12: it waits until Wed 13 (4 days: Thu 7, Fri 8, Mon 11, Tue 12).
    const z = levelResources({
      network: { ...input.network, activities: input.network.activities.map((a) => (a.id === "C" ? { ...a, id: "Z", duration: 4 } : a)) },
      resources: input.resources,
      assignments: input.assignments.map((a) => (a.activityId === "C" ? { ...a, activityId: "Z" } : a)),
    });
    expect(z.delays.map((d) => d.message)).toEqual(["Z waits 4 days for R (held by A)"]);
    expect(rows(z).find((x) => x[0] === "Z")).toEqual(["Z", "2027-01-13", "2027-01-18", "4"]);
    expect(rows(z).find((x) => x[0] === "A")).toEqual(["A", "2027-01-04", "2027-01-12", "0"]);
  });
});
