import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, scheduleNetwork, type ScheduleInput, type ScheduleLinkInput, type ScheduleOptions } from "../../src/index.js";
import { SEVEN_DAY, act } from "./helpers.js";

/*
 * What total float means, checked on random small networks with mixed calendars (the network's Monday–Friday, a
 * 7-day and a Monday–Saturday calendar), milestones among them, every link type, working-day or elapsed lags ≥ 0:
 * an unconstrained activity with total float F (whole days here) may start F working days of its own calendar later
 * without moving the project finish; one more working day moves it. The delay is imposed by an SNET constraint on the
 * working day F (or F + 1) after its early start (one more day may also end on the finish day when the finish is a
 * milestone at a morning: later by hours, the same day, and the project duration grows). Only activities with a duration are delayed (an SNET on a milestone
 * pins it to that morning, which is another dating rule). Run under both milestone datings.
 */
const SIX_DAY = createWorkingCalendar({ name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6] });
const CALS = [undefined, "seven", "six"] as const;
const WEEKDAYS: Record<string, readonly number[]> = { base: [1, 2, 3, 4, 5], seven: [1, 2, 3, 4, 5, 6, 7], six: [1, 2, 3, 4, 5, 6] };

/** The working day `n` working days after `date` on a calendar without holidays. */
function addWorking(date: string, n: number, cal: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  const works = (d: Date) => (WEEKDAYS[cal] as readonly number[]).includes(((d.getUTCDay() + 6) % 7) + 1);
  let left = n;
  while (left > 0) {
    t.setUTCDate(t.getUTCDate() + 1);
    if (works(t)) left--;
  }
  return t.toISOString().slice(0, 10);
}

const networks = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      acts: fc.array(fc.record({ d: fc.integer({ min: 0, max: 4 }), cal: fc.constantFrom(...CALS) }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          gap: fc.integer({ min: 1, max: n - 1 }),
          type: fc.constantFrom("FS", "SS", "FF", "SF", "FS", "FS"),
          lag: fc.oneof(fc.constant(undefined), fc.record({ days: fc.integer({ min: 0, max: 2 }) }), fc.record({ elapsedDays: fc.integer({ min: 0, max: 2 }) })),
        }),
        { maxLength: 12 },
      ),
      start: fc.integer({ min: 0, max: 6 }),
    }),
  )
  .map(({ acts, links, start }): ScheduleInput => {
    const seen = new Set<string>();
    const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
    return {
      // Mon 2027-01-04 … Sun 01-10 (a start on a non-working day moves to the next working morning).
      projectStart: `2027-01-${String(4 + start).padStart(2, "0")}`,
      calendars: { seven: SEVEN_DAY, six: SIX_DAY },
      activities: acts.map((a, i) => ({ id: `A${i}`, duration: a.d, ...(a.cal ? { calendarId: a.cal } : {}) })),
      links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type as ScheduleLinkInput["type"], ...(l.lag ? { lag: l.lag } : {}) })),
    };
  });

const delayed = (input: ScheduleInput, id: string, date: string): ScheduleInput => ({
  ...input,
  activities: input.activities.map((a) => (a.id === id ? { ...a, constraint: { kind: "snet" as const, date } } : a)),
});

describe("total float is the delay an activity can take without moving the project finish", () => {
  for (const milestoneDating of ["reached", "next-working-time"] as const) {
    it(`mixed calendars, milestones, every link type (${milestoneDating})`, () => {
      const options: ScheduleOptions = { milestoneDating };
      fc.assert(
        fc.property(networks, (input) => {
          const r = scheduleNetwork(input, options);
          for (const a of r.activities) {
            if (a.duration.isZero()) continue;
            // Whole days, or a minute short of one where an SS or SF predecessor must start before an instant in its
            // non-working time (its last working minute): then the whole days below it.
            const f = a.totalFloat.floor();
            expect([a.id, a.totalFloat.gte(0) && (a.totalFloat.isInteger() || a.totalFloat.minus(f).times(480).round().eq(479))]).toEqual([a.id, true]);
            const cal = input.activities.find((x) => x.id === a.id)?.calendarId ?? "base";
            const within = scheduleNetwork(delayed(input, a.id, addWorking(a.earlyStart, f.toNumber(), cal)), options);
            expect([a.id, act(within, a.id).earlyStart, within.finish]).toEqual([a.id, addWorking(a.earlyStart, f.toNumber(), cal), r.finish]);
            const beyond = scheduleNetwork(delayed(input, a.id, addWorking(a.earlyStart, f.toNumber() + 1, cal)), options);
            // Float is measured between instants: a finish milestone at a morning (pinned, reached by a start, or moved
            // to its next working morning) ends the project at that morning, so work finishing that evening moves the
            // finish by hours, not by a day: the shown finish day stays, the duration (on the network calendar) grows.
            // On a day the network calendar does not work (a milestone reached at Saturday 00:00, then 7-day work
            // finishing Saturday evening) neither moves: the later finish instant shows as more float for other work
            // (with the finish instant unchanged, late dates stay and early dates only move later).
            const more = beyond.activities.some((b) => b.id !== a.id && b.totalFloat.gt(act(r, b.id).totalFloat));
            expect([a.id, beyond.finish > r.finish || beyond.durationDays.gt(r.durationDays) || more]).toEqual([a.id, true]);
          }
        }),
        { numRuns: 120 },
      );
    });
  }
});
