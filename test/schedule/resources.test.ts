import { describe, expect, it } from "vitest";
import { ValidationError, levelResources, resourceLoad, type LevellingInput } from "../../src/index.js";

// Mon 2027-01-04 start. One DBA (1 unit). PKG-6 (3 d, tf 0 — it drives the finish through PKG-8) and PKG-7 (2 d,
// float) both need the DBA full time; PKG-8 (2 d) follows PKG-6. Unlevelled: PKG-6 Mon–Wed, PKG-7 Mon–Tue, PKG-8
// Thu–Fri: the DBA is double-booked Mon 4 and Tue 5.
const input: LevellingInput = {
  network: {
    projectStart: "2027-01-04",
    activities: [{ id: "PKG-6", duration: 3 }, { id: "PKG-7", duration: 2 }, { id: "PKG-8", duration: 2 }],
    links: [{ from: "PKG-6", to: "PKG-8" }],
  },
  resources: [{ id: "DBA", maxUnits: 1, skills: ["dba"] }, { id: "DEV", maxUnits: 2, skills: ["dev", "dba"] }],
  assignments: [
    { activityId: "PKG-6", resourceId: "DBA", units: 1 },
    { activityId: "PKG-7", resourceId: "DBA", units: 1 },
    { activityId: "PKG-8", resourceId: "DEV", units: "0.5" },
  ],
};

describe("resource demand and capacity", () => {
  const load = resourceLoad(input, { period: "week" });
  it("per resource and week: DBA demand 5 unit-days against 5; Mon and Tue over-allocated", () => {
    expect(load.resources.map((r) => [r.resourceId, r.periodStart, r.periodEnd, r.demand.toFixed(), r.capacity.toFixed(), r.overload.toFixed()])).toEqual([
      ["DBA", "2027-01-04", "2027-01-10", "5", "5", "0"],
      ["DEV", "2027-01-04", "2027-01-10", "1", "10", "0"],
    ]);
    expect(load.overAllocations.map((o) => [o.resourceId, o.from, o.to, o.peakUnits.toFixed(), o.maxUnits.toFixed(), o.activityIds])).toEqual([
      ["DBA", "2027-01-04", "2027-01-05", "2", "1", ["PKG-6", "PKG-7"]],
    ]);
  });
  it("per skill: a resource with two skills counts under both", () => {
    expect(load.skills.map((r) => [r.resourceId, r.demand.toFixed(), r.capacity.toFixed()])).toEqual([["dba", "6", "15"], ["dev", "1", "10"]]);
  });
  it("by day", () => {
    const days = resourceLoad(input, { period: "day" }).resources.filter((r) => r.resourceId === "DBA");
    expect(days.map((r) => r.demand.toFixed())).toEqual(["2", "2", "1", "0", "0"]);
  });
});

describe("levelling (serial SGS: least total float, then early start, then id)", () => {
  it("delay-finish: PKG-7 waits 3 days for the DBA held by PKG-6", () => {
    const r = levelResources(input);
    expect(r.priorityRule).toBe("least total float, then earliest early start, then id");
    expect(r.activities.map((a) => [a.id, a.start, a.finish, a.delayDays.toFixed()])).toEqual([
      ["PKG-6", "2027-01-04", "2027-01-06", "0"],
      ["PKG-7", "2027-01-07", "2027-01-08", "3"],
      ["PKG-8", "2027-01-07", "2027-01-08", "0"],
    ]);
    expect(r.delays).toEqual([
      { activityId: "PKG-7", days: expect.anything(), resourceId: "DBA", day: "2027-01-04", heldBy: ["PKG-6"], blockedBy: [{ resourceId: "DBA", heldBy: ["PKG-6"] }], message: "PKG-7 waits 3 days for DBA (held by PKG-6)" },
    ]);
    expect([r.finish, r.remainingOverAllocations]).toEqual(["2027-01-08", []]);
  });
  it("within-slack keeps the finish: PKG-7 has 3 days of float, so it fits; with 2 it would not", () => {
    expect(levelResources(input, { mode: "within-slack" }).finish).toBe("2027-01-08");
    const tight: LevellingInput = { ...input, network: { ...input.network, activities: input.network.activities.map((a) => (a.id === "PKG-8" ? { ...a, duration: 1 } : a)) } };
    // PKG-8 now 1 d: finish Thu 7, PKG-7 float 2 → cannot wait 3 days; it stays Mon–Tue, over-allocated.
    const r = levelResources(tight, { mode: "within-slack" });
    expect([r.finish, r.delays.length, r.remainingOverAllocations.map((o) => [o.resourceId, o.from, o.to])]).toEqual([
      "2027-01-07", 0, [["DBA", "2027-01-04", "2027-01-05"]],
    ]);
    expect(levelResources(tight).finish).toBe("2027-01-08");
  });
  it("refuses zero capacity, unknown ids and non-positive units", () => {
    const bad = () =>
      levelResources({
        network: input.network,
        resources: [{ id: "X", maxUnits: 0 }],
        assignments: [{ activityId: "NOPE", resourceId: "Y", units: 0 }],
      });
    expect(bad).toThrow(ValidationError);
    try {
      bad();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path.join("."))).toEqual([
        "resources.0.maxUnits", "assignments.0.activityId", "assignments.0.resourceId", "assignments.0.units",
      ]);
    }
  });
});

describe("levelled finish dates", () => {
  it("a closing milestone at the end of a Friday dates the levelled finish on that Friday, not the Sunday after", () => {
    // Mon 2027-01-04: A 5 working days (Mon–Fri 2027-01-08), then the milestone M (FS) at Friday evening. Nothing is
    // levelled (no resource conflicts), so the levelled finish equals the CPM finish: Friday 2027-01-08.
    const network = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 5 }, { id: "M", duration: 0 }],
      links: [{ from: "A", to: "M" }],
    };
    const r = levelResources({ network, resources: [{ id: "DEV", maxUnits: 1 }], assignments: [{ activityId: "A", resourceId: "DEV", units: 1 }] });
    expect(r.activities.find((a) => a.id === "M")?.finish).toBe("2027-01-08");
    expect(r.finish).toBe("2027-01-08");
    expect(r.delays).toEqual([]);
  });
});

describe("milestones pinned by a start keep their CPM day when levelled", () => {
  it("an SNET milestone on Wed 2027-01-13 is levelled on Wednesday, not the Tuesday before", () => {
    // A (2 d) Mon 4 – Tue 5, then M (milestone, FS, SNET Wed 13). The SNET pins M to Wednesday morning; CPM shows it
    // on Wed 13 and so must the levelled plan. It showed Tue 12, and the levelled finish Tue 12 was a day before the
    // CPM finish (levelling "shortened" the project and put the milestone before its constraint).
    const network = {
      projectStart: "2027-01-04",
      activities: [{ id: "A", duration: 2 }, { id: "M", duration: 0, constraint: { kind: "snet" as const, date: "2027-01-13" } }],
      links: [{ from: "A", to: "M" }],
    };
    const r = levelResources({ network, resources: [{ id: "DEV", maxUnits: 1 }], assignments: [{ activityId: "A", resourceId: "DEV", units: 1 }] });
    expect(r.activities.find((a) => a.id === "M")).toMatchObject({ start: "2027-01-13", finish: "2027-01-13" });
    expect(r.finish).toBe("2027-01-13");
    expect(r.schedule.finish).toBe("2027-01-13");
  });

  it("a milestone at a Saturday project start is levelled on Monday, the day CPM shows it", () => {
    // Start Sat 2027-01-09: work begins Mon 11 morning, where the project start pins M. It showed Sat 9.
    const r = levelResources({ network: { projectStart: "2027-01-09", activities: [{ id: "M", duration: 0 }] }, resources: [], assignments: [] });
    expect(r.activities[0]).toMatchObject({ start: "2027-01-11", finish: "2027-01-11" });
    expect(r.finish).toBe("2027-01-11");
  });
});

describe("units are whole millionths within 1,000,000: never rounded or wrapped silently", () => {
  const withUnits = (maxUnits: number | string, units: number | string): LevellingInput => ({
    network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 1 }, { id: "B", duration: 1 }], links: [] },
    resources: [{ id: "R", maxUnits }],
    assignments: [{ activityId: "A", resourceId: "R", units }, { activityId: "B", resourceId: "R", units }],
  });
  it("0.5004 + 0.5004 on a capacity of 1 is an over-allocation of 1.0008 (it was rounded to 0.5 + 0.5 and fitted)", () => {
    const load = resourceLoad(withUnits(1, "0.5004"), { period: "day" });
    expect(load.overAllocations.map((o) => [o.from, o.peakUnits.toFixed(), o.maxUnits.toFixed()])).toEqual([["2027-01-04", "1.0008", "1"]]);
    expect(levelResources(withUnits(1, "0.5004")).finish).toBe("2027-01-05"); // B waits a day
  });
  it("more than 6 decimals is refused at the value, not rounded", () => {
    const e = (() => { try { resourceLoad(withUnits("1.00000001", "0.0000001"), { period: "day" }); } catch (x) { return x; } })();
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["resources", 0, "maxUnits"], ["assignments", 0, "units"], ["assignments", 1, "units"]]);
  });
  it("a capacity of 3,000,000 units wrapped round a 32-bit integer to a negative capacity; 1,000,000 is the ceiling", () => {
    const e = (() => { try { levelResources(withUnits(3_000_000, 1)); } catch (x) { return x; } })();
    expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["resources", 0, "maxUnits"]]);
    // Within it, daily demand adds up exactly: 2 × 999,999.999999 = 1,999,999.999998 units, past 2^31 millionths.
    const load = resourceLoad(withUnits(1_000_000, "999999.999999"), { period: "day" });
    expect(load.overAllocations.map((o) => [o.peakUnits.toFixed(), o.maxUnits.toFixed()])).toEqual([["1999999.999998", "1000000"]]);
  });
});
