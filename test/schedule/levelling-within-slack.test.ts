import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelResources, type LevellingInput, type ScheduleActivityInput } from "../../src/index.js";
import { SEVEN_DAY } from "./helpers.js";

/** Working day k (0 = Mon 2027-01-04) of the default Monday–Friday calendar, as a date. */
const wd = (k: number): string => {
  const day = 7 * Math.floor(k / 5) + (k % 5);
  return new Date(Date.UTC(2027, 0, 4 + day)).toISOString().slice(0, 10);
};

/**
 * Random plans with progress at a status date: 3–7 activities (0–4 days) on the Monday–Friday network calendar, each
 * some on a 7-day calendar, complete (actual start and finish on or before the status date), started (actual start on
 * or before it, 0.5–3 days left) or not started (some with a start-no-earlier-than date); links of every type from a lower to a higher index with lags −1…2 days (out-of-sequence
 * progress allowed, as it happens); one or two resources of 1 or 2 units and assignments of 1–3 units.
 */
const plans = fc
  .record({
    n: fc.integer({ min: 3, max: 7 }),
    status: fc.integer({ min: 1, max: 6 }),
    acts: fc.array(
      fc.record({
        d: fc.integer({ min: 0, max: 4 }),
        state: fc.constantFrom("done", "started", "new", "new"),
        at: fc.integer({ min: 0, max: 6 }),
        len: fc.integer({ min: 0, max: 3 }),
        left: fc.constantFrom("0.5", "1", "2", "3"),
        seven: fc.boolean(),
        snet: fc.option(fc.integer({ min: 0, max: 9 }), { freq: 4 }),
      }),
      { minLength: 7, maxLength: 7 },
    ),
    links: fc.array(fc.record({ a: fc.integer({ min: 0, max: 6 }), b: fc.integer({ min: 0, max: 6 }), type: fc.constantFrom("FS" as const, "SS" as const, "FF" as const, "SF" as const), lag: fc.integer({ min: -1, max: 2 }) }), { maxLength: 8 }),
    caps: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }),
    uses: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 3 })), { maxLength: 10 }),
  })
  .map(({ n, status, acts, links, caps, uses }): LevellingInput => {
    const ids = Array.from({ length: n }, (_, i) => `T${i}`);
    const activities = ids.map((id, i): ScheduleActivityInput => {
      const a = acts[i]!;
      const start = Math.min(a.at, status);
      const base = { id, duration: a.d, ...(a.seven ? { calendarId: "seven" } : {}) };
      if (a.state === "done") return { ...base, progress: { actualStart: wd(start), actualFinish: wd(Math.min(status, start + a.len)) } };
      if (a.state === "started") return { ...base, progress: { actualStart: wd(start), remainingDuration: a.left } };
      return { ...base, ...(a.snet !== null ? { constraint: { kind: "snet" as const, date: wd(a.snet) } } : {}) };
    });
    const seen = new Set<string>();
    const pairs = new Set<string>();
    return {
      network: {
        projectStart: wd(0),
        statusDate: wd(status),
        calendars: { seven: SEVEN_DAY },
        activities,
        links: links
          .filter(({ a, b }) => a < b && b < n && !seen.has(`${a}>${b}`) && seen.add(`${a}>${b}`))
          .map(({ a, b, type, lag }) => ({ from: ids[a]!, to: ids[b]!, type, lag: { days: lag } })),
      },
      resources: caps.map((c, r) => ({ id: `R${r}`, maxUnits: c })),
      assignments: uses
        .filter(([i, r]) => i < n && r < caps.length && !pairs.has(`${i}/${r}`) && pairs.add(`${i}/${r}`))
        .map(([i, r, u]) => ({ activityId: ids[i]!, resourceId: `R${r}`, units: u })),
    };
  });

describe("within-slack levelling with progress (property)", () => {
  it("never moves the project finish or any actual date, never puts remaining work on or before the status date", () => {
    fc.assert(
      fc.property(plans, (input) => {
        const r = levelResources(input, { mode: "within-slack" });
        const status = input.network.statusDate!;
        // The finish: within-slack may only use float.
        expect(r.finish).toBe(r.schedule.finish);
        input.network.activities.forEach((a, i) => {
          const lv = r.activities[i]!;
          const p = a.progress;
          if (p?.actualStart) {
            // Actual dates stay as recorded.
            expect(lv.start).toBe(p.actualStart);
            if (p.actualFinish) expect(lv.finish).toBe(p.actualFinish);
            // Remaining work (at least half a day) ends after the status date.
            else expect(lv.finish > status).toBe(true);
          } else if (Number(a.duration) > 0) {
            // Unstarted work starts no earlier than the morning after the status date.
            expect(lv.start > status).toBe(true);
          } else {
            // A milestone sits at the evening of the status date at the earliest.
            expect(lv.start >= status).toBe(true);
          }
        });
        // One unresolved entry per activity.
        const ids = r.unresolved.map((u) => u.activityId);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 200 },
    );
  });
});
