import fc from "fast-check";
import { analyseScheduleRisk, createWorkingCalendar, levelResources, scheduleNetwork, type ScheduleInput, type ScheduleLinkInput, type ScheduleOptions } from "../../src/index.js";
import { SEVEN_DAY } from "./helpers.js";

/*
 * Helpers for three-engines.test.ts and three-engines-cases.test.ts. One plan, three engines: scheduleNetwork (CPM), levelResources with ample resources (nothing to level) and the
 * Monte Carlo risk run with degenerate distributions (min = most likely = max) must give the same dates. Every
 * disagreement is a bug in one of them; the deterministic cases it found are pinned in their own tests.
 */
const SIX = createWorkingCalendar({ name: "Mon–Sat", workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ["2027-01-12"] });
const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
type Kind = "snet" | "snlt" | "fnet" | "fnlt" | "mso" | "mfo" | "alap";

export const plans = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    acts: fc.array(
      fc.record({
        d: fc.integer({ min: 0, max: 5 }),
        half: fc.boolean(),
        cal: fc.constantFrom(undefined, undefined, "seven", "six"),
        c: fc.option(fc.record({ kind: fc.constantFrom<Kind>("snet", "snlt", "fnet", "fnlt", "mso", "mfo", "alap", "alap"), day: fc.integer({ min: 0, max: 20 }) }), { nil: undefined }),
        dl: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        done: fc.constantFrom("no", "no", "no", "started", "complete"),
        on: fc.integer({ min: 0, max: 6 }),
        left: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: n - 1 }),
        gap: fc.integer({ min: 1, max: n }),
        type: fc.constantFrom("FS", "SS", "FF", "SF"),
        lag: fc.oneof(
          fc.constant(undefined),
          fc.record({ days: fc.constantFrom(-2, -1, -0.5, 1, 1.5, 3) }),
          fc.record({ elapsedDays: fc.constantFrom(-1, 0.5, 1, 1.5, 2, 3) }),
          fc.record({ percent: fc.constantFrom(-50, 25, 50, 100) }),
        ),
      }),
      { maxLength: 14 },
    ),
    status: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
    options: fc.record({
      milestoneDating: fc.constantFrom("reached" as const, "next-working-time" as const),
      outOfSequence: fc.constantFrom("retained-logic" as const, "progress-override" as const),
      startLinkFloat: fc.constantFrom("exact" as const, "working-time" as const),
      startNoLaterThan: fc.constantFrom("working-time" as const, "exact" as const),
    }),
  }),
);

export type Plan = typeof plans extends fc.Arbitrary<infer T> ? T : never;

export function networkOf({ acts, links, status }: Plan): ScheduleInput {
  const seen = new Set<string>();
  const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
  return {
    projectStart: "2027-01-04",
    calendars: { seven: SEVEN_DAY, six: SIX },
    ...(status !== undefined ? { statusDate: day(status) } : {}),
    activities: acts.map((a, i) => {
      const on = Math.min(a.on, status ?? 0);
      const progress = status === undefined || a.done === "no" ? undefined
        : a.done === "complete" ? { actualStart: day(on), actualFinish: day(Math.min(on + 1, status)) } : { actualStart: day(on), remainingDuration: Math.min(a.left, a.d) };
      return {
        id: `A${i}`, duration: a.d + (a.half ? 0.5 : 0), ...(a.cal ? { calendarId: a.cal } : {}),
        ...(a.c ? { constraint: a.c.kind === "alap" ? { kind: "alap" as const } : { kind: a.c.kind, date: day(a.c.day) } } : {}),
        ...(a.dl !== undefined ? { deadline: day(a.dl) } : {}),
        ...(progress ? { progress } : {}),
      };
    }),
    links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type, ...(l.lag ? { lag: l.lag } : {}) })),
  };
}

/** The three engines' answers, each as lines to compare. */
export function threeEngines(network: ScheduleInput, options: ScheduleOptions & Plan["options"]) {
  const s = scheduleNetwork(network, options);
  // Ample resources, each on its own calendar: R (the network's
  // calendar), R6 (Mon–Sat) take the activities on their own calendar, and R7 (7-day) is on every activity.
  const resources = [{ id: "R7", maxUnits: 1000, calendarId: "seven" }, { id: "R", maxUnits: 1000 }, ...(network.calendars?.["six"] ? [{ id: "R6", maxUnits: 1000, calendarId: "six" }] : [])];
  const own = (c: string | undefined) => (c === "seven" ? "R7" : c === "six" ? "R6" : "R");
  const l = levelResources(
    {
      network,
      resources,
      assignments: network.activities.flatMap((a) => [{ activityId: a.id, resourceId: "R7", units: 1 }, ...(a.calendarId === "seven" ? [] : [{ activityId: a.id, resourceId: own(a.calendarId), units: "0.5" }])]),
    },
    { schedule: options },
  );
  // No distribution is the degenerate one (a triangular with min = max is refused: "expected min < max").
  const r = analyseScheduleRisk({ network }, { iterations: 3, seed: 1, percentiles: [1, 50, 100], targetFinish: s.finish, ...options });
  return {
    cpm: s.activities.map((a) => `${a.id} ${a.scheduledStart} ${a.scheduledFinish}`),
    levelled: l.activities.map((a) => `${a.id} ${a.start} ${a.finish}`),
    cpmFinish: [s.finish, "0", "[]"],
    levelledFinish: [l.finish, l.activities.reduce((x, a) => (a.delayDays.gt(x) ? a.delayDays.toFixed() : x), "0"), JSON.stringify(l.delays.map((d) => d.message))],
    mcFinish: [r.deterministicFinish, ...r.percentiles.map((p) => p.finish), r.meanFinish, r.probabilityOfFinish.value?.toFixed()],
    cpmFinishes: [...Array(5).fill(s.finish), "1"],
    criticality: r.activities.map((a) => `${a.id} ${a.criticalityIndex.toFixed()}`),
    critical: s.activities.map((a) => `${a.id} ${a.critical ? "1" : "0"}`),
  };
}

