import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, resourceLoad } from "../../src/index.js";

// Audit of resource load and levelling on part days, against minute-by-minute simulations written here.
// Calendar (Monday–Friday): Mon 2027-01-04 … Fri 01-08, Sat 09, Sun 10, Mon 11, Tue 12, Wed 13.
const START = "2027-01-04";

/** A plan in whole hours of an 8-hour day on a 7-day calendar: activities A0…, FS links a → b (a < b), one resource R. */
interface HourPlan { readonly hours: number[]; readonly units: number[]; readonly links: [number, number][]; readonly cap: number }
const SEVEN = createWorkingCalendar({ name: "7-day", workingWeekdays: [1, 2, 3, 4, 5, 6, 7] });
const hourPlan = (caps: readonly number[]): fc.Arbitrary<HourPlan> =>
  fc.integer({ min: 1, max: 6 }).chain((n) =>
    fc.record({
      hours: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
      units: fc.array(fc.constantFrom(0.5, 1, 2), { minLength: n, maxLength: n }),
      links: fc
        .uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { selector: ([a, b]) => `${a}-${b}`, maxLength: 8 })
        .map((ls) => ls.filter(([a, b]) => a < b)),
      cap: fc.constantFrom(...caps),
    }),
  );
/** The oracle's forward pass: each activity's early start in hours from the project start (FS links, no lags). */
function earlyStartHours(hours: readonly number[], links: readonly [number, number][]): number[] {
  const es: number[] = [];
  for (let j = 0; j < hours.length; j++) es[j] = Math.max(0, ...links.filter(([, b]) => b === j).map(([a]) => es[a]! + hours[a]!));
  return es;
}
/** The same plan as the library's input. */
const resourcePlan = ({ hours, units, links, cap }: HourPlan) => ({
  network: { projectStart: START, calendar: SEVEN, activities: hours.map((h, i) => ({ id: `A${i}`, duration: h / 8 })), links: links.map(([a, b]) => ({ from: `A${a}`, to: `A${b}` })) },
  resources: [{ id: "R", maxUnits: cap }],
  assignments: units.map((u, i) => ({ activityId: `A${i}`, resourceId: "R", units: u })),
});

describe("resources on part days: demand is units × working time, over-allocation needs units in use at the same time", () => {
  const plan = (links: { from: string; to: string }[]) => ({
    network: { projectStart: START, activities: [{ id: "A", duration: "0.5" }, { id: "B", duration: "0.5" }], links },
    resources: [{ id: "DBA", maxUnits: 1 }],
    assignments: [{ activityId: "A", resourceId: "DBA", units: 1 }, { activityId: "B", resourceId: "DBA", units: 1 }],
  });
  it("A (morning) then B (afternoon) on one DBA: 1 unit-day, no over-allocation, nothing to level", () => {
    // A works Mon 4 08–12, B (FS) Mon 4 12–16, each with the DBA full time: never two units at once. Demand =
    // 1 × 0.5 + 1 × 0.5 = 1 unit-day (scheduling reference §3: Σ units × working time). Before the fix Monday
    // counted 2 unit-days and an over-allocation with a peak of 2, and levelling moved B to Tue 5.
    const load = resourceLoad(plan([{ from: "A", to: "B" }]), { period: "day" });
    expect(load.resources.map((r) => [r.periodStart, r.demand.toFixed(), r.capacity.toFixed()])).toEqual([["2027-01-04", "1", "1"]]);
    expect(load.overAllocations).toEqual([]);
    const levelled = levelResources(plan([{ from: "A", to: "B" }]));
    expect([levelled.finish, levelled.delays, levelled.remainingOverAllocations]).toEqual(["2027-01-04", [], []]);
  });
  it("A and B both in the morning are two units at once: over-allocated, and levelling moves B to the next day", () => {
    const load = resourceLoad(plan([]), { period: "day" });
    expect(load.resources.map((r) => r.demand.toFixed())).toEqual(["1"]);
    expect(load.overAllocations.map((o) => [o.from, o.to, o.peakUnits.toFixed(), o.activityIds])).toEqual([["2027-01-04", "2027-01-04", "2", ["A", "B"]]]);
    const levelled = levelResources(plan([]));
    expect(levelled.activities.map((a) => [a.id, a.start, a.finish])).toEqual([["A", "2027-01-04", "2027-01-04"], ["B", "2027-01-05", "2027-01-05"]]);
  });
  it("property: daily demand and over-allocated days match a minute-by-minute simulation (7-day calendar, FS chains)", () => {
    // Oracle: on a calendar where every day works, an activity occupies the minutes [ES, ES + d) counted from the
    // project start, with ES = max over FS predecessors of their early finish — a forward pass written here. Each
    // 60-minute slot (durations are whole hours) sums the units of the activities on it; a day is over-allocated
    // when some slot exceeds the capacity, and its demand is Σ units × hours ÷ 8.
    fc.assert(
      fc.property(hourPlan([1, 2]), ({ hours, units, links, cap }) => {
        const es = earlyStartHours(hours, links);
        const end = Math.max(...es.map((s, i) => s + (hours[i] as number)));
        const days = Math.ceil(end / 8);
        const slot = Array.from({ length: days * 8 }, (_, h) => es.reduce((sum, s, i) => (s <= h && h < s + (hours[i] as number) ? sum + (units[i] as number) : sum), 0));
        const demand = Array.from({ length: days }, (_, d) => slot.slice(d * 8, d * 8 + 8).reduce((x, y) => x + y, 0) / 8);
        const over = Array.from({ length: days }, (_, d) => Math.max(...slot.slice(d * 8, d * 8 + 8)) > cap);
        const load = resourceLoad(resourcePlan({ hours, units, links, cap }), { period: "day" });
        const day = (d: number) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10);
        expect(load.resources.filter((r) => r.periodStart >= START).map((r) => Number(r.demand.toFixed()))).toEqual(demand);
        const flagged = new Set(load.overAllocations.flatMap((o) => Array.from({ length: days }, (_, d) => day(d)).filter((x) => x >= o.from && x <= o.to)));
        expect(Array.from({ length: days }, (_, d) => flagged.has(day(d)))).toEqual(over);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe("levelling on part days, checked minute by minute", () => {
  it("property (delay-finish): at no hour does a levelled plan use more units than the capacity (7-day calendar)", () => {
    // Oracle: on a calendar where every day works, the levelled start of activity i is its CPM early start plus its
    // delay, both in hours from the project start (ES by a forward pass written here, FS links, durations in whole
    // hours of an 8-hour day); summing units per hour must never exceed the capacity when every demand fits it.
    fc.assert(
      fc.property(hourPlan([2, 3]), ({ hours, units, links, cap }) => {
        const es = earlyStartHours(hours, links);
        const r = levelResources(resourcePlan({ hours, units, links, cap }));
        const start = r.activities.map((a, i) => (es[i] as number) + Number(a.delayDays.times(8).toFixed()));
        // FS logic still holds after levelling.
        for (const [a, b] of links) expect(start[b]! >= start[a]! + hours[a]!).toBe(true);
        const end = Math.max(...start.map((s, i) => s + hours[i]!));
        for (let h = 0; h < end; h++) {
          const used = start.reduce((sum, s, i) => (s <= h && h < s + hours[i]! ? sum + units[i]! : sum), 0);
          expect(used).toBeLessThanOrEqual(cap);
        }
        expect(r.remainingOverAllocations).toEqual([]);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
