import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelResources, type LevellingInput } from "../../src/index.js";
import { validationIssues } from "./helpers.js";

/*
 * ALAP work in levelling. scheduleNetwork places an ALAP activity late by its free float (scheduledStart, the Gantt,
 * resourceLoad's default dates); levelling placed it at its early dates like ASAP work, so the levelled plan put it
 * where no schedule showed it and made other work wait for it. Default now (`alap: "late"`): placed from its CPM
 * scheduled start, at the latest earlier spot its logic allows when its resources are held there, and moved as late as
 * its levelled free float allows when levelling moved its successors. `alap: "early"` keeps the previous placement.
 * Dates: Mon 2027-01-04 is the project start, Monday–Friday.
 */
const show = (r: ReturnType<typeof levelResources>) => r.activities.map((a) => `${a.id} ${a.start}–${a.finish} ${a.delayDays.toFixed()}`);

// A (5 d) and B (1 d, ALAP) FS → D (1 d); C (2 d) unlinked. B and C share R (1 unit).
const shared: LevellingInput = {
  network: {
    projectStart: "2027-01-04",
    activities: [{ id: "A", duration: 5 }, { id: "B", duration: 1, constraint: { kind: "alap" } }, { id: "C", duration: 2 }, { id: "D", duration: 1 }],
    links: [{ from: "A", to: "D" }, { from: "B", to: "D" }],
  },
  resources: [{ id: "R", maxUnits: 1 }],
  assignments: [{ activityId: "B", resourceId: "R", units: 1 }, { activityId: "C", resourceId: "R", units: 1 }],
};

describe("levelResources: ALAP work stays late", () => {
  it("B sits on its scheduled Fri 8 and C keeps Mon 4–Tue 5 (it was B Mon 4 and C waiting a day)", () => {
    // CPM: A Mon 4–Fri 8, D Mon 11 (finish); B early Mon 4, free float 4 days → scheduled Fri 8; C Mon 4–Tue 5 (total
    // float 4). Priority: B and C tie on float and early start, B first by id. On its scheduled Fri 8, R is free: no
    // one waits. Before (`alap: "early"`): B on Mon 4, and C waited a day for it, Tue 5–Wed 6.
    const r = levelResources(shared);
    expect(r.schedule.activities[1]!.scheduledStart).toBe("2027-01-08");
    expect(show(r)).toEqual(["A 2027-01-04–2027-01-08 0", "B 2027-01-08–2027-01-08 0", "C 2027-01-04–2027-01-05 0", "D 2027-01-11–2027-01-11 0"]);
    expect(r.delays).toEqual([]);
    expect(r.alap).toBe("late");
    expect(show(levelResources(shared, { alap: "early" }))).toEqual(["A 2027-01-04–2027-01-08 0", "B 2027-01-04–2027-01-04 0", "C 2027-01-05–2027-01-06 1", "D 2027-01-11–2027-01-11 0"]);
    expect(levelResources(shared, { alap: "early" }).delays.map((d) => d.message)).toEqual(["C waits 1 day for R (held by B)"]);
  });

  it("its resource held on the late day, B takes the latest earlier day (Thu 7) rather than push D", () => {
    // F (MSO Fri 8, 1 d) holds R on Fri 8: B's scheduled day is taken. Thu 7 is free and within its float: B Thu 7,
    // C Mon 4–Tue 5, D still Mon 11. (Waiting forward from Fri 8, B would go to Mon 11 and move D to Tue 12.)
    const held: LevellingInput = {
      ...shared,
      network: { ...shared.network, activities: [...shared.network.activities, { id: "F", duration: 1, constraint: { kind: "mso", date: "2027-01-08" } }] },
      assignments: [...shared.assignments, { activityId: "F", resourceId: "R", units: 1 }],
    };
    const r = levelResources(held);
    expect(show(r).slice(0, 4)).toEqual(["A 2027-01-04–2027-01-08 0", "B 2027-01-07–2027-01-07 -1", "C 2027-01-04–2027-01-05 0", "D 2027-01-11–2027-01-11 0"]);
    expect(r.finish).toBe("2027-01-11");
  });

  it("follows a successor levelling moved: B, FS before X, moves from Mon 4 to Wed 6", () => {
    // P (3 d) and X (2 d) share R; B (1 d, ALAP, on S) FS → X. CPM: B Mon 4 (free float 0), X Tue 5–Wed 6, P Mon 4–Wed 6.
    // Levelling: B first by id (all float 0, B and P start Mon 4), then P on R Mon 4–Wed 6, X waits for R: Thu 7–Fri 8.
    // B may now finish by Wed 6 evening: B Wed 6, 2 days after its scheduled Mon 4. Before: B stayed on Mon 4.
    const input: LevellingInput = {
      network: {
        projectStart: "2027-01-04",
        activities: [{ id: "B", duration: 1, constraint: { kind: "alap" } }, { id: "P", duration: 3 }, { id: "X", duration: 2 }],
        links: [{ from: "B", to: "X" }],
      },
      resources: [{ id: "R", maxUnits: 1 }, { id: "S", maxUnits: 1 }],
      assignments: [{ activityId: "P", resourceId: "R", units: 1 }, { activityId: "X", resourceId: "R", units: 1 }, { activityId: "B", resourceId: "S", units: 1 }],
    };
    expect(show(levelResources(input))).toEqual(["B 2027-01-06–2027-01-06 2", "P 2027-01-04–2027-01-06 0", "X 2027-01-07–2027-01-08 2"]);
    expect(show(levelResources(input, { alap: "early" }))[0]).toBe("B 2027-01-04–2027-01-04 0");
  });

  it("refuses another alap value, with its path", () => {
    expect(validationIssues(() => levelResources(shared, { alap: "asap" as "late" }))).toEqual(["alap: expected late or early"]);
  });

  it("property: levelled ALAP work breaks no link, over-allocates nothing and ends by the levelled finish", () => {
    // Random networks of 1–3-day activities, some ALAP, some on one 1-unit resource (always levellable).
    const arb = fc.array(fc.record({ d: fc.integer({ min: 1, max: 3 }), alap: fc.boolean(), pred: fc.nat(), uses: fc.boolean() }), { minLength: 2, maxLength: 7 });
    fc.assert(
      fc.property(arb, (rows) => {
        const ids = rows.map((_, i) => `T${i}`);
        const input: LevellingInput = {
          network: {
            projectStart: "2027-01-04",
            activities: rows.map((r, i) => ({ id: ids[i]!, duration: r.d, ...(r.alap ? { constraint: { kind: "alap" as const } } : {}) })),
            links: rows.flatMap((r, i) => (i > 0 && r.pred % 2 === 0 ? [{ from: ids[r.pred % i]!, to: ids[i]! }] : [])),
          },
          resources: [{ id: "R", maxUnits: 1 }],
          assignments: rows.flatMap((r, i) => (r.uses ? [{ activityId: ids[i]!, resourceId: "R", units: 1 }] : [])),
        };
        const late = levelResources(input);
        expect(late.violations.filter((v) => v.kind === "link-violated")).toEqual([]);
        expect(late.remainingOverAllocations).toEqual([]);
        for (const a of late.activities) expect(a.finish <= late.finish).toBe(true);
        // Each link still holds on the levelled dates (FS: the successor starts after the predecessor's finish day).
        for (const l of input.network.links ?? []) {
          const [p, q] = [late.activities.find((a) => a.id === l.from)!, late.activities.find((a) => a.id === l.to)!];
          expect(q.start > p.finish).toBe(true);
        }
      }),
      { numRuns: 150, seed: 15 },
    );
  });
});
