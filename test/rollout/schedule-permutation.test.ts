import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, ValidationError } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";

// A rollout schedule is a function of the template's entries, not of the order they are listed in: every item's
// nominal and due day, its move, the findings and the warnings must be the same when the entries come reversed or
// rotated (only the order of ties in `items` may differ). Generated templates mix the three anchors, freeze-exempt
// items and dependencies (on earlier entries, so no cycles) over calendars with several blackout windows.
const DAY = 86_400_000;
const base = Date.UTC(2027, 2, 1);
const day = (n: number) => new Date(base + n * DAY).toISOString().slice(0, 10);
const entryArb = fc.record({
  anchor: fc.constantFrom("go-live" as const, "cutover-start" as const, "hypercare-end" as const),
  t: fc.integer({ min: -6, max: 12 }),
  exempt: fc.boolean(),
  deps: fc.array(fc.nat(), { maxLength: 2 }),
});

describe("scheduleRollout does not depend on the order of the template's entries", () => {
  it("the same days, moves, findings and warnings for the entries reversed and rotated", () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.integer({ min: -20, max: 40 }), fc.integer({ min: 0, max: 6 })), { maxLength: 3 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 7 }),
        (raw, w, g, cut, rot) => {
          const entries = raw.map((e, i) => ({
            ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!,
            id: `e${i}`,
            code: `E${i}`,
            anchor: e.anchor,
            tMinusDays: e.t,
            freezeExempt: e.exempt,
            dependsOn: i === 0 ? [] : [...new Set(e.deps.map((d) => `e${d % i}`))],
          }));
          const calendar = createWorkingCalendar({ blackouts: w.map(([s, len], i) => ({ start: day(s), end: day(s + len), reason: `W${i}` })) });
          const options = { goLive: isoDate(day(g)), cutoverStart: isoDate(day(g - cut)), hypercareEnd: isoDate(day(g + 10)), calendar };
          const run = (list: typeof entries) => {
            try {
              const s = scheduleRollout({ ...DEFAULT_IT_ROLLOUT_TEMPLATE, id: "t-perm", entries: list } as RolloutTemplate, options);
              const byId = (xs: readonly { itemId: string }[]) => [...xs].map((x) => JSON.stringify(x)).sort();
              return {
                days: Object.fromEntries(s.items.map((i) => [i.id, [i.nominalDueDate, i.dueDate, i.blackoutMove ?? null]])),
                moves: byId(s.moves),
                findings: byId(s.findings),
                warnings: s.warnings.map((x) => JSON.stringify(x)).sort(),
              };
            } catch (e) {
              if (e instanceof ValidationError) return { refused: e.issues.map((i) => i.message).sort() };
              throw e;
            }
          };
          const k = rot % entries.length;
          const expected = run(entries);
          expect(run([...entries].reverse())).toEqual(expected);
          expect(run([...entries.slice(k), ...entries.slice(0, k)])).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 22 },
    );
  });
});
