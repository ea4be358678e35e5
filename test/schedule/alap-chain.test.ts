import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, resourceLoad, scheduleNetwork, type ScheduleInput, type ScheduleLinkInput } from "../../src/index.js";
import { act, SEVEN_DAY } from "./helpers.js";

/*
 * A chain of ALAP work (ALAP → ALAP). MS Project: an ALAP task "occurs as late as possible in the schedule without
 * delaying subsequent tasks" (PjConstraint.pjALAP) — the subsequent tasks at their scheduled dates, so a chain of ALAP
 * work moves late together. Calendar Monday–Friday; Mon 2027-01-04 is the project start.
 */
const CHAIN: ScheduleInput = {
  projectStart: "2027-01-04",
  activities: [{ id: "A", duration: 1, constraint: { kind: "alap" } }, { id: "B", duration: 1, constraint: { kind: "alap" } }, { id: "C", duration: 5 }],
  links: [{ from: "A", to: "B" }],
};

describe("ALAP → ALAP: scheduled late together", () => {
  it("A (1 d, ALAP) FS → B (1 d, ALAP) beside C (5 d): B Fri 8, A Thu 7 (A stayed Mon 4)", () => {
    // C Mon 4–Fri 8 sets the finish. B: ES Tue 5, free float to the finish Wed 6–Fri 8 = 3 days → scheduled Fri 8.
    // A: ES Mon 4; B scheduled Fri 8 leaves A until Thu 7 evening → scheduled Thu 7 (3 days late, its total float).
    // Its free float (to B's early start Tue 5) stays 0: the figure is unchanged, only where A is scheduled moves.
    const s = scheduleNetwork(CHAIN);
    expect([act(s, "A").scheduledStart, act(s, "A").scheduledFinish, act(s, "A").freeFloat.toFixed()]).toEqual(["2027-01-07", "2027-01-07", "0"]);
    expect([act(s, "B").scheduledStart, act(s, "B").scheduledFinish]).toEqual(["2027-01-08", "2027-01-08"]);
    // Levelling with nothing to level keeps the CPM's scheduled dates and counts no delay (A showed 3 days of delay).
    const l = levelResources({ network: CHAIN, resources: [], assignments: [] });
    expect(l.activities.map((a) => `${a.id} ${a.start} ${a.delayDays.toFixed()}`)).toEqual(["A 2027-01-07 0", "B 2027-01-08 0", "C 2027-01-04 0"]);
  });

  it("resourceLoad counts A's day on Thu 7, where it is scheduled (it counted Mon 4)", () => {
    const r = resourceLoad({ network: CHAIN, resources: [{ id: "R", maxUnits: 1 }], assignments: [{ activityId: "A", resourceId: "R", units: 1 }] }, { period: "day" });
    expect(r.resources.filter((x) => !x.demand.isZero()).map((x) => x.periodStart)).toEqual(["2027-01-07"]);
  });

  it("SS + 1 day from ALAP A into ALAP B (2 d) on a 7-day calendar: both as late as the finish allows", () => {
    // C (6 d, Mon–Fri) Mon 4–Mon 11 sets the finish (Mon 11 evening). B (2 d, 7-day, ALAP): ES Tue 5 (A Mon 4 + 1 day);
    // scheduled to finish Mon 11: Sun 10–Mon 11. A (1 d, 7-day, ALAP) SS + 1 → B: A starts by B's start less a day,
    // Sat 9, and finishes Sat 9 — also within the finish. (A stayed Mon 4: its free float to B's early start is 0.)
    const s = scheduleNetwork({
      projectStart: "2027-01-04",
      calendars: { seven: SEVEN_DAY },
      activities: [{ id: "A", duration: 1, calendarId: "seven", constraint: { kind: "alap" } }, { id: "B", duration: 2, calendarId: "seven", constraint: { kind: "alap" } }, { id: "C", duration: 6 }],
      links: [{ from: "A", to: "B", type: "SS", lag: { days: 1 } }],
    });
    expect(s.activities.map((a) => `${a.id} ${a.scheduledStart}–${a.scheduledFinish}`)).toEqual(["A 2027-01-09–2027-01-09", "B 2027-01-10–2027-01-11", "C 2027-01-04–2027-01-11"]);
  });

  it("property: with no resource conflict, levelled dates are scheduleNetwork's scheduled dates, ALAP chains included", () => {
    // Random small networks on three calendars, milestones, every link type, working-day (also negative) and elapsed
    // lags, some deadlines, many activities ALAP — ALAP → ALAP links allowed. Nothing to level: nothing may move.
    const SIX = createWorkingCalendar({ name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6] });
    const gen = fc.integer({ min: 2, max: 7 }).chain((n) =>
      fc.record({
        acts: fc.array(fc.record({ d: fc.integer({ min: 0, max: 3 }), cal: fc.constantFrom(undefined, "seven", "six"), alap: fc.boolean(), dl: fc.option(fc.integer({ min: 4, max: 16 })) }), { minLength: n, maxLength: n }),
        links: fc.array(
          fc.record({
            a: fc.integer({ min: 0, max: n - 1 }),
            gap: fc.integer({ min: 1, max: n - 1 }),
            type: fc.constantFrom("FS", "SS", "FF", "SF", "FS"),
            lag: fc.oneof(fc.constant(undefined), fc.record({ days: fc.integer({ min: -1, max: 2 }) }), fc.record({ elapsedDays: fc.integer({ min: 0, max: 2 }) })),
          }),
          { maxLength: 10 },
        ),
      }),
    );
    fc.assert(
      fc.property(gen, fc.constantFrom("reached" as const, "next-working-time" as const), ({ acts, links }, milestoneDating) => {
        const seen = new Set<string>();
        const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
        const network: ScheduleInput = {
          projectStart: "2027-01-04",
          calendars: { seven: SEVEN_DAY, six: SIX },
          activities: acts.map((a, i) => ({ id: `A${i}`, duration: a.d, ...(a.cal ? { calendarId: a.cal } : {}), ...(a.alap ? { constraint: { kind: "alap" as const } } : {}), ...(a.dl !== null ? { deadline: `2027-01-${String(a.dl).padStart(2, "0")}` } : {}) })),
          links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type as ScheduleLinkInput["type"], ...(l.lag ? { lag: l.lag } : {}) })),
        };
        const r = levelResources({ network, resources: [], assignments: [] }, { schedule: { milestoneDating } });
        expect(r.activities.map((a) => `${a.id} ${a.start} ${a.finish} ${a.delayDays.toFixed()}`)).toEqual(r.schedule.activities.map((a) => `${a.id} ${a.scheduledStart} ${a.scheduledFinish} 0`));
      }),
      { numRuns: 300, seed: 19 },
    );
  });
});
