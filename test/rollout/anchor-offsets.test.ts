import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, isoDate, type IsoDate } from "../../src/index.js";
import { decodeRolloutTemplate, dueDateFor, scheduleRollout } from "../../src/rollout/index.js";
import { sampleRollout } from "./helpers.js";

// Documented rule (docs/rollout.md): "At offset 0 an anchor that is not a working day gives the working day before
// it". T-1 counted one working day back from the anchor itself, so on a non-working anchor it landed on that same
// working day: T-1 and T0 were due the same day (a "final reminder the day before go-live" due on go-live day). The
// T-minus ladder must stay strictly ordered: T-n counts back from T0.
const mf = createWorkingCalendar({});
const { plan } = sampleRollout();
const office = createWorkingCalendar(plan.calendar); // Hamburg holidays 2026–2027, freeze 2026-12-21…2027-01-04

/**
 * Oracle, day by day from the calendar's definition (working weekday and not a holiday; windows avoided last: back
 * for an item on or before its anchor, forward for one after it).
 */
function oracle(cal: typeof office, anchor: IsoDate, t: number): string {
  const holidays = new Set<string>(cal.holidays.map((h) => h.date));
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const day = (n: number) => new Date(n).toISOString().slice(0, 10);
  const works = (d: string) => cal.workingWeekdays.includes((((new Date(ms(d)).getUTCDay() + 6) % 7) + 1) as never) && !holidays.has(d);
  const inWindow = (d: string) => cal.blackouts.some((b) => b.start <= d && d <= b.end);
  let d: string = anchor;
  while (!works(d)) d = day(ms(d) - 86_400_000); // T0: the anchor or the working day before it
  for (let left = Math.abs(t); left > 0; ) {
    d = day(ms(d) + Math.sign(-t) * 86_400_000);
    if (works(d)) left--;
  }
  const away = t < 0 ? 86_400_000 : -86_400_000;
  while (!works(d) || inWindow(d)) d = day(ms(d) + away);
  return d;
}

describe("T-minus offsets from an anchor that is not a working day", () => {
  it("go-live on Saturday 2027-03-06: T0 is Friday 03-05, T-1 Thursday 03-04 (was Friday 03-05, the same day as T0)", () => {
    expect(dueDateFor(mf, isoDate("2027-03-06"), 0).due).toBe("2027-03-05");
    expect(dueDateFor(mf, isoDate("2027-03-06"), 1).due).toBe("2027-03-04");
    expect(dueDateFor(mf, isoDate("2027-03-06"), 5).due).toBe("2027-02-26"); // Thu 03-04 back 4 more: 03-03, 03-02, 03-01, 02-26
    expect(dueDateFor(mf, isoDate("2027-03-06"), -1).due).toBe("2027-03-08"); // T+1: Monday
  });

  it("hypercare ending on Good Friday 2027-03-26 (holiday): T0 Thursday 03-25, T-1 Wednesday 03-24, T+1 Tuesday 03-30", () => {
    const t = decodeRolloutTemplate({
      id: "t", name: "t", version: "1",
      entries: [-1, 0, 1].map((n) => ({
        id: `h${n + 1}`, code: `H-${n + 1}`, title: `T${n <= 0 ? "+" : "-"}${Math.abs(n)}`, phase: "hypercare", category: "hypercare", ownerRole: "operations",
        raci: [{ role: "operations", raci: "accountable" }], anchor: "hypercare-end", tMinusDays: n, blocking: true, evidenceRequired: "x",
      })),
    });
    const s = scheduleRollout(t, { goLive: plan.goLive, calendar: office, hypercareEnd: isoDate("2027-03-26") });
    expect(s.items.map((i) => [i.tMinusDays, i.dueDate])).toEqual([[-1, "2027-03-30"], [0, "2027-03-25"], [1, "2027-03-24"]]);
  });

  it("property: due days equal the day-by-day oracle and a larger offset is never due later (strictly earlier outside windows)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: -25, max: 25 }), (n, t) => {
        const anchor = isoDate(new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10));
        const r = dueDateFor(office, anchor, t);
        expect(r.due).toBe(oracle(office, anchor, t));
        const next = dueDateFor(office, anchor, t + 1);
        expect(next.due <= r.due).toBe(true);
        if (!r.window && !next.window) expect(next.due < r.due).toBe(true);
      }),
      { seed: 20261205, numRuns: 400 },
    );
  });
});
