import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate } from "../../src/index.js";
import { DEFAULT_IT_ROLLOUT_TEMPLATE, scheduleRollout, type RolloutTemplate } from "../../src/rollout/index.js";

// An independent oracle for T-minus due days around holidays and blackout windows, written day by day from the
// documented rule (docs/rollout.md, scheduleRollout), not from pmokit's calendar code:
//   T0      = go-live, or the last working day before it when go-live is not a working day (weekend, holiday);
//   nominal = T0 minus n working days (n < 0 counts forward), working days being Mon–Fri minus holidays (a blackout
//             does not stop a day from being a working day);
//   due     = nominal when it lies in no window; else, for n ≥ 0, the last working day before it that lies in no
//             window — unless that is on or before T0 for a nominal day after T0 (never, for go-live items) — and, for
//             n < 0, the first working day after it that lies in no window.
// Go-live items only, no dependencies, no cutover: every rule that applies is in the lines above. The result must not
// depend on the order of the template's entries.
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(d);

const base = ms("2027-03-01");
const arb = fc.record({
  goLive: fc.integer({ min: 0, max: 60 }),
  holidays: fc.uniqueArray(fc.integer({ min: -80, max: 120 }), { maxLength: 12 }),
  windows: fc.array(fc.tuple(fc.integer({ min: -80, max: 120 }), fc.integer({ min: 0, max: 12 })), { maxLength: 4 }),
  offsets: fc.uniqueArray(fc.integer({ min: -15, max: 40 }), { minLength: 1, maxLength: 8 }),
  seed: fc.integer(),
});

describe("scheduleRollout due days against a day-by-day oracle", () => {
  it("nominal and due days of go-live items agree with the rule, in any entry order", () => {
    fc.assert(
      fc.property(arb, ({ goLive: g, holidays: h, windows: w, offsets, seed }) => {
        const holidays = new Set(h.map((d) => iso(base + d * DAY)));
        const windows = w.map(([s, len], i) => ({ start: iso(base + s * DAY), end: iso(base + (s + len) * DAY), reason: `W${i}` }));
        const working = (d: number) => {
          const wd = new Date(d).getUTCDay();
          return wd >= 1 && wd <= 5 && !holidays.has(iso(d));
        };
        const frozen = (d: number) => windows.some((x) => x.start <= iso(d) && iso(d) <= x.end);
        const goLive = base + g * DAY;
        let t0 = goLive;
        while (!working(t0)) t0 -= DAY;
        const expected = new Map<string, [string, string]>();
        for (const n of offsets) {
          let d = t0;
          for (let k = 0; k < Math.abs(n); k++) {
            do d += n > 0 ? -DAY : DAY;
            while (!working(d));
          }
          let due = d;
          if (frozen(d)) {
            const step = n >= 0 ? -DAY : DAY;
            do due += step;
            while (!working(due) || frozen(due));
          }
          expected.set(`e${n}`, [iso(d), iso(due)]);
        }
        const entries = offsets.map((n) => ({ ...DEFAULT_IT_ROLLOUT_TEMPLATE.entries[0]!, id: `e${n}`, code: `E${n}`, anchor: "go-live" as const, tMinusDays: n, dependsOn: [] }));
        // A shuffled copy: the same days.
        const shuffled = [...entries].sort((a, b) => ((a.tMinusDays * 7919 + seed) % 13) - ((b.tMinusDays * 7919 + seed) % 13));
        const calendar = createWorkingCalendar({ holidays: [...holidays], blackouts: windows });
        for (const list of [entries, shuffled]) {
          const template: RolloutTemplate = { ...DEFAULT_IT_ROLLOUT_TEMPLATE, id: "t-oracle", entries: list };
          const s = scheduleRollout(template, { goLive: isoDate(iso(goLive)), calendar });
          const got = new Map(s.items.map((i) => [i.id, [i.nominalDueDate as string, i.dueDate as string] as [string, string]]));
          expect(got).toEqual(expected);
          // Every move is recorded, and only moves.
          expect(s.moves.map((m) => m.itemId).sort()).toEqual([...expected].filter(([, [n, d]]) => n !== d).map(([id]) => id).sort());
          expect(s.findings).toEqual([]);
        }
      }),
      { numRuns: 400, seed: 22 },
    );
  });
});
