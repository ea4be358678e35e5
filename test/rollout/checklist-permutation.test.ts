import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate, type ChecklistItem } from "../../src/index.js";
import { scheduleChecklist } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// status22 audit: scheduleChecklist is a function of the plan's items, not of the order they are listed in. For the
// items reversed and rotated, every item's due day, the moves, the findings and the warnings must be the same (only
// the order of ties in `items`, `moves`, `findings` and `warnings` may differ, so they are compared as sorted sets).
// Generated checklists mix the three anchors, freeze-exempt items, RACI with and without an accountable person, and
// dependencies on earlier items (no cycles), around several blackout windows and a holiday.
const day = (n: number) => isoDate(new Date(Date.UTC(2027, 0, 4) + n * 86_400_000).toISOString().slice(0, 10));
const sorted = (xs: readonly unknown[]) => xs.map((x) => JSON.stringify(x)).sort();

describe("scheduleChecklist does not depend on the order of the items", () => {
  it("the same due days, moves, findings and warnings for the items reversed and rotated (property, fixed seed)", () => {
    const { plan, items } = sampleRollout();
    const base = items[0]!;
    const entry = fc.record({
      anchor: fc.constantFrom("go-live" as const, "cutover-start" as const, "hypercare-end" as const),
      t: fc.integer({ min: -4, max: 9 }),
      exempt: fc.boolean(),
      deps: fc.array(fc.nat(), { maxLength: 2 }),
      raci: fc.constantFrom("none", "accountable", "responsible-only"),
    });
    const window = fc.record({ at: fc.integer({ min: -8, max: 10 }), len: fc.integer({ min: 0, max: 4 }) });
    let scheduled = 0;
    let moved = 0;
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 8 }),
        fc.array(window, { maxLength: 3 }),
        fc.integer({ min: 8, max: 30 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (raw, windows, cut, gap, care, holiday, rot) => {
          const checklist: ChecklistItem[] = raw.map((e, i) => ({
            ...base,
            id: `ci-${i}`,
            code: `C-${i}`,
            anchor: e.anchor,
            tMinusDays: e.t,
            freezeExempt: e.exempt,
            dependsOn: i === 0 ? [] : [...new Set(e.deps.map((d) => `ci-${d % i}`))],
            raci: e.raci === "none" ? [] : [{ personId: "p-a", raci: e.raci === "accountable" ? "accountable" : "responsible" }],
          })) as ChecklistItem[];
          const blackouts = windows.map((w, k) => ({ start: day(cut + w.at), end: day(cut + w.at + w.len), reason: `w${k}` }));
          const p = {
            ...plan,
            calendar: { ...plan.calendar, holidays: [{ date: day(holiday), name: "Holiday" }], blackouts },
            cutoverStart: day(cut),
            goLive: day(cut + gap),
            hypercareEnd: day(cut + gap + care),
          };
          const run = (list: ChecklistItem[]) => {
            try {
              const s = scheduleChecklist(p, list);
              return {
                due: Object.fromEntries(s.items.map((i) => [i.id, i.dueDate])),
                moves: sorted(s.moves),
                findings: sorted(s.findings),
                warnings: sorted(s.warnings),
              };
            } catch (e) {
              // A refusal must not depend on the order either (its issue paths name list positions, so compare the kind).
              return { error: (e as Error).name };
            }
          };
          const want = run(checklist);
          if (!("error" in want)) {
            scheduled += 1;
            if (want.moves.length > 0) moved += 1;
          }
          const k = rot % checklist.length;
          expect(run([...checklist].reverse())).toEqual(want);
          expect(run([...checklist.slice(k), ...checklist.slice(0, k)])).toEqual(want);
        },
      ),
      { seed: 2222, numRuns: 300 },
    );
    // The property is not vacuous: most checklists schedule, and many have an item moved out of a freeze.
    expect(scheduled).toBeGreaterThan(150);
    expect(moved).toBeGreaterThan(30);
  });
});
