import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, resourceLoad, type LevellingInput, type LevellingResult } from "../../src/index.js";
import { SEVEN_DAY, shuffle, validationIssues } from "./helpers.js";

const MON_FRI = createWorkingCalendar({ name: "Mon–Fri" });
const rows = (r: LevellingResult) => r.activities.map((a) => [a.id, a.start, a.finish, a.delayDays.toFixed()]);
const unresolved = (r: LevellingResult) => r.unresolved.map((u) => [u.activityId, u.resourceId, u.reason, u.day]);

describe("activities that can never fit are a typed reason, not a silent over-allocation", () => {
  it("demand above the resource's maximum (2 units of a 1-unit DBA): exceeds-max-units, kept at its logic start", () => {
    // Mon 2027-01-04. A (2 d, 2 units of R, tf 0) can never fit R (max 1): it stays Mon 4–Tue 5. B (1 d, tf 1) waits
    // for A: Wed 6. The only over-allocation left is A's own, and it is explained.
    const r = levelResources({
      network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 2 }, { id: "B", duration: 1 }] },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 2 }, { activityId: "B", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-05", "0"], ["B", "2027-01-06", "2027-01-06", "2"]]);
    expect(unresolved(r)).toEqual([["A", "R", "exceeds-max-units", "2027-01-04"]]);
    expect(r.unresolved[0]?.message).toBe("A needs 2 units of R, which has at most 1: it cannot be levelled and stays over-allocated");
    expect(r.remainingOverAllocations.map((o) => [o.from, o.to, o.activityIds])).toEqual([["2027-01-04", "2027-01-05", ["A"]]]);
  });

  it("within-slack: an activity that would need more than its float is beyond-float", () => {
    // PKG-6 (3 d, DBA) → PKG-8 (1 d); PKG-7 (2 d, DBA) has 2 days of float (finish Thu 7) but would wait 3.
    const r = levelResources(
      {
        network: { projectStart: "2027-01-04", activities: [{ id: "PKG-6", duration: 3 }, { id: "PKG-7", duration: 2 }, { id: "PKG-8", duration: 1 }], links: [{ from: "PKG-6", to: "PKG-8" }] },
        resources: [{ id: "DBA", maxUnits: 1 }],
        assignments: [{ activityId: "PKG-6", resourceId: "DBA", units: 1 }, { activityId: "PKG-7", resourceId: "DBA", units: 1 }],
      },
      { mode: "within-slack" },
    );
    expect(unresolved(r)).toEqual([["PKG-7", "DBA", "beyond-float", "2027-01-04"]]);
  });

  it("a 7-day activity on a 7-day calendar never fits a Monday–Friday resource: resource-calendar", () => {
    // The resource has no capacity on Saturdays and Sundays, and any 7 consecutive days hold a week-end.
    const r = levelResources({
      network: { projectStart: "2027-01-04", calendar: SEVEN_DAY, calendars: { mf: MON_FRI }, activities: [{ id: "A", duration: 7 }] },
      resources: [{ id: "R", maxUnits: 1, calendarId: "mf" }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-10", "0"]]);
    expect(unresolved(r)).toEqual([["A", "R", "resource-calendar", "2027-01-09"]]);
  });

  it("a 5-day activity on a 7-day calendar from Wednesday moves to the Monday–Friday the resource works (5 days later)", () => {
    // Wed 6: Sat 9 blocks → Sun 10 blocks → Mon 11–Fri 15 fits; 5 days of the 7-day calendar (Wed 6 … Sun 10).
    const r = levelResources({
      network: { projectStart: "2027-01-06", calendar: SEVEN_DAY, calendars: { mf: MON_FRI }, activities: [{ id: "A", duration: 5 }] },
      resources: [{ id: "R", maxUnits: 1, calendarId: "mf" }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }],
    });
    expect([rows(r), r.unresolved, r.remainingOverAllocations]).toEqual([[["A", "2027-01-11", "2027-01-15", "5"]], [], []]);
  });

  it("a resource away for 60 days: the activity starts when it is back (it stayed, over-allocated, past the horizon)", () => {
    // R's holidays are Mon 2027-01-04 … Thu 2027-03-04 (60 days = 8 weeks + 4 days); A (1 d, network Mon–Fri) starts
    // Fri 2027-03-05, after 8 × 5 + 4 = 44 working days of the network calendar.
    const away = createWorkingCalendar({ name: "away", holidays: Array.from({ length: 60 }, (_, k) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10)) });
    const r = levelResources({
      network: { projectStart: "2027-01-04", calendars: { away }, activities: [{ id: "A", duration: 1 }] },
      resources: [{ id: "R", maxUnits: 1, calendarId: "away" }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }],
    });
    expect([rows(r), r.unresolved, r.remainingOverAllocations, r.finish]).toEqual([[["A", "2027-03-05", "2027-03-05", "44"]], [], [], "2027-03-05"]);
    expect(r.delays.map((d) => [d.day, d.message])).toEqual([["2027-01-04", "A waits 44 days for R (R does not work on 2027-01-04)"]]);
  });
});

describe("started work keeps the resource it holds", () => {
  it("an in-progress activity with float is not over-allocated by a critical one placed first", () => {
    // Status Wed 2027-01-06. A (4 d) started Mon 4 with 2 days left: Thu 7–Fri 8, float. B (3 d, critical: B → C 5 d)
    // not started: CPM Thu 7–Mon 11. Both need R (1 unit). A keeps its dates and R on Thu 7 and Fri 8, so B waits
    // 2 days: Mon 11–Wed 13, C Thu 14–Wed 20. Before: B took R first and A was double-booked in delay-finish mode.
    const r = levelResources({
      network: {
        projectStart: "2027-01-04",
        statusDate: "2027-01-06",
        activities: [{ id: "A", duration: 4, progress: { actualStart: "2027-01-04", remainingDuration: 2 } }, { id: "B", duration: 3 }, { id: "C", duration: 5 }],
        links: [{ from: "B", to: "C" }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "B", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-08", "0"], ["B", "2027-01-11", "2027-01-13", "2"], ["C", "2027-01-14", "2027-01-20", "2"]]);
    expect([r.delays.map((d) => d.message), r.remainingOverAllocations, r.unresolved, r.finish]).toEqual([["B waits 2 days for R (held by A)"], [], [], "2027-01-20"]);
  });
});

describe("fixed work that overlaps fixed work", () => {
  it("two started activities on one 1-unit resource: neither moves, the second in priority is fixed-dates", () => {
    // Status Tue 2027-01-05. A started Mon 4, 2 days left: Wed 6–Thu 7 (finish Thu 7, tf 0). B started Mon 4, 1 day
    // left: Wed 6 (tf 1). A holds R first (least float); B overlaps it from Mon 4 and is explained, not moved.
    const r = levelResources({
      network: {
        projectStart: "2027-01-04",
        statusDate: "2027-01-05",
        activities: [{ id: "A", duration: 4, progress: { actualStart: "2027-01-04", remainingDuration: 2 } }, { id: "B", duration: 3, progress: { actualStart: "2027-01-04", remainingDuration: 1 } }],
      },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "B", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-04", "2027-01-07", "0"], ["B", "2027-01-04", "2027-01-06", "0"]]);
    expect(unresolved(r)).toEqual([["B", "R", "fixed-dates", "2027-01-04"]]);
    expect(r.remainingOverAllocations.map((o) => [o.from, o.to, o.activityIds])).toEqual([["2027-01-04", "2027-01-06", ["A", "B"]]]);
  });
});

describe("every move explained", () => {
  it("a delay names the resource and the day it was short: held by another activity, or not working", () => {
    // Mon 4. R (1 unit) has a holiday on Wed 6; A (3 d, R) on the network's Monday–Friday calendar would work on Wed 6:
    // any start on Mon 4, Tue 5 or Wed 6 covers it, so A starts Thu 7 (Thu, Fri, Mon 11), 3 working days later.
    const hol = createWorkingCalendar({ name: "R", holidays: ["2027-01-06"] });
    const r = levelResources({
      network: { projectStart: "2027-01-04", calendars: { hol }, activities: [{ id: "A", duration: 3 }] },
      resources: [{ id: "R", maxUnits: 1, calendarId: "hol" }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-07", "2027-01-11", "3"]]);
    expect(r.delays.map((d) => [d.resourceId, d.day, d.heldBy, d.message])).toEqual([["R", "2027-01-06", [], "A waits 3 days for R (R does not work on 2027-01-06)"]]);
  });

  it("an activity moved by its predecessor's levelling names that predecessor", () => {
    // Mon 4. B (3 d, R) → C (2 d): critical, Mon 4–Fri 8. A (2 d, R) → D (1 d): float 2. B takes R Mon–Wed; A waits
    // 3 days (Thu 7–Fri 8); D follows A to Mon 11 (3 days later), pushed by A — not by a resource.
    const r = levelResources({
      network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 2 }, { id: "B", duration: 3 }, { id: "C", duration: 2 }, { id: "D", duration: 1 }], links: [{ from: "B", to: "C" }, { from: "A", to: "D" }] },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "B", resourceId: "R", units: 1 }],
    });
    expect(rows(r)).toEqual([["A", "2027-01-07", "2027-01-08", "3"], ["B", "2027-01-04", "2027-01-06", "0"], ["C", "2027-01-07", "2027-01-08", "0"], ["D", "2027-01-11", "2027-01-11", "3"]]);
    expect(r.activities.map((a) => a.pushedBy)).toEqual([undefined, undefined, undefined, "A"]);
    expect(r.finish).toBe("2027-01-11");
  });

  it("a deadline that levelling makes late is reported on the levelled plan", () => {
    // A (3 d, tf 0) and B (2 d, deadline Wed 6, tf 1) share R. A first; B waits 3 days → Thu 7–Fri 8: 2 days late.
    const r = levelResources({
      network: { projectStart: "2027-01-04", activities: [{ id: "A", duration: 3 }, { id: "B", duration: 2, deadline: "2027-01-06" }] },
      resources: [{ id: "R", maxUnits: 1 }],
      assignments: [{ activityId: "A", resourceId: "R", units: 1 }, { activityId: "B", resourceId: "R", units: 1 }],
    });
    expect(r.schedule.violations).toEqual([]);
    expect(r.violations.map((v) => [v.kind, v.activityId, v.days?.toFixed(), v.message])).toEqual([
      ["deadline-missed", "B", "2", "B finishes 2 days after its deadline 2027-01-06 when levelled"],
    ]);
  });
});

describe("levelling does not depend on input order (property)", () => {
  // Random small networks: 3–6 activities (0–4 days), FS links from lower to higher index only, one or two resources
  // (1 or 2 units), assignments of 1 or 2 units. Permuting activities, links, resources and assignments gives the
  // same levelled dates, delays, over-allocations and reasons.
  const arb = fc
    .record({
      n: fc.integer({ min: 3, max: 6 }),
      durations: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 6, maxLength: 6 }),
      links: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { maxLength: 6 }),
      caps: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }),
      uses: fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 3 })), { maxLength: 8 }),
      seed: fc.integer(),
      mode: fc.constantFrom("delay-finish" as const, "within-slack" as const),
    })
    .map(({ n, durations, links, caps, uses, seed, mode }) => {
      const ids = Array.from({ length: n }, (_, i) => `T${i}`);
      const pairs = new Set<string>();
      const input: LevellingInput = {
        network: {
          projectStart: "2027-01-04",
          activities: ids.map((id, i) => ({ id, duration: durations[i] as number })),
          links: [...new Set(links.filter(([a, b]) => a < b && b < n).map(([a, b]) => `${a}>${b}`))].map((s) => {
            const [a, b] = s.split(">").map(Number) as [number, number];
            return { from: ids[a] as string, to: ids[b] as string };
          }),
        },
        resources: caps.map((c, r) => ({ id: `R${r}`, maxUnits: c })),
        assignments: uses
          .filter(([i, r]) => i < n && r < caps.length && !pairs.has(`${i}/${r}`) && pairs.add(`${i}/${r}`))
          .map(([i, r, u]) => ({ activityId: ids[i] as string, resourceId: `R${r}`, units: u })),
      };
      return { input, seed, mode };
    });
  const canonical = (r: LevellingResult) => ({
    finish: r.finish,
    activities: [...r.activities].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => [a.id, a.start, a.finish, a.delayDays.toFixed(), a.pushedBy]),
    // heldBy and activityIds list activities in input order (as every list of activities in the results): compared
    // as sets.
    delays: r.delays.map((d) => [d.activityId, d.days.toFixed(), d.resourceId, [...d.heldBy].sort()]),
    over: r.remainingOverAllocations.map((o) => [o.resourceId, o.from, o.to, o.peakUnits.toFixed(), [...o.activityIds].sort()]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    unresolved: r.unresolved.map((u) => [u.activityId, u.resourceId, u.reason, u.day]),
  });
  it("permuting the input changes nothing", () => {
    fc.assert(
      fc.property(arb, ({ input, seed, mode }) => {
        const permuted: LevellingInput = {
          network: { ...input.network, activities: shuffle(input.network.activities, seed), links: shuffle(input.network.links ?? [], seed + 1) },
          resources: shuffle(input.resources, seed + 2),
          assignments: shuffle(input.assignments, seed + 3),
        };
        expect(canonical(levelResources(permuted, { mode }))).toEqual(canonical(levelResources(input, { mode })));
      }),
      { numRuns: 300 },
    );
  });
});

describe("levelling against an independent serial scheme (property)", () => {
  // No links, one resource of `cap` units, whole-day durations on a 7-day calendar, so day k is 2027-01-04 + k.
  // CPM by hand: every ES is day 0 and the finish is the longest duration D, so total float = D − d. The stated rule
  // (least float, then ES, then id) is then: longest first, then id. Each activity goes to the first day from which
  // the units in use plus its own stay ≤ cap on each of its days. Independent of the implementation: plain arrays.
  const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
  it("delay-finish dates equal the hand-written scheme; an activity asking more than cap is kept at day 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 6 }),
        (cap, acts) => {
          const ids = acts.map((_, i) => `A${i}`);
          const longest = Math.max(...acts.map(([d]) => d));
          const order = ids.map((_, i) => i).sort((a, b) => (longest - (acts[a]?.[0] as number)) - (longest - (acts[b]?.[0] as number)) || (ids[a] as string).localeCompare(ids[b] as string));
          const used: number[] = [];
          const start: number[] = [];
          for (const i of order) {
            const [d, u] = acts[i] as [number, number];
            let s = 0;
            if (u <= cap) while (Array.from({ length: d }, (_, k) => (used[s + k] ?? 0) + u).some((x) => x > cap)) s++;
            for (let k = 0; k < d; k++) used[s + k] = (used[s + k] ?? 0) + u;
            start[i] = s;
          }
          const r = levelResources({
            network: { projectStart: "2027-01-04", calendar: SEVEN_DAY, activities: acts.map(([d], i) => ({ id: ids[i] as string, duration: d })) },
            resources: [{ id: "R", maxUnits: cap }],
            assignments: acts.map(([, u], i) => ({ activityId: ids[i] as string, resourceId: "R", units: u })),
          });
          expect(r.activities.map((a) => [a.id, a.start, a.finish])).toEqual(acts.map(([d], i) => [ids[i], day(start[i] as number), day((start[i] as number) + d - 1)]));
          expect(r.unresolved.map((u) => u.activityId).sort()).toEqual(ids.filter((_, i) => (acts[i]?.[1] as number) > cap).sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
