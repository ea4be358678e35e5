import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ScheduleActivityInput, type ScheduleInput, type ScheduleLinkInput, type ScheduleResult } from "../../src/index.js";
import { SEVEN_DAY } from "./helpers.js";

/*
 * Property: the order of the input lists never changes a schedule. Activities and links are shuffled; every
 * activity's dates, floats and drivers, the critical-path groups (as sets) and each activity's findings (in order)
 * must be the same. Durations 0–3 days and small lags make ties between links frequent; the ids are chosen so that
 * their code-unit order ("A10" < "A9" < "B" < "a") differs from both input orders, so a tie settled by list position
 * would show. Three networks: one calendar (the fast kernel), two calendars with elapsed lags (the general kernel),
 * and started work behind unfinished predecessors (retained logic, out-of-sequence findings).
 */
const IDS = ["A9", "A10", "B", "a", "Z1", "m", "A", "Zz", "b2", "B10", "c", "A1"] as const;
const TYPES = ["FS", "FS", "SS", "FF", "SF"] as const;

type Kind = "one-calendar" | "two-calendars" | "progress";

const networks = (kind: Kind) =>
  fc.integer({ min: 2, max: IDS.length }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      durations: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      sevenDay: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          gap: fc.integer({ min: 1, max: n - 1 }),
          type: fc.constantFrom(...TYPES),
          lag: fc.integer({ min: -1, max: 1 }),
          elapsed: fc.boolean(),
        }),
        { maxLength: 24 },
      ),
      actPerm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      linkSeed: fc.integer(),
    }),
  );

/** Builds the input with activities and links in the given orders. */
function build(kind: Kind, v: NetworkValue, shuffle: boolean): ScheduleInput {
  const seen = new Set<string>();
  const kept = v.links.filter((l) => l.a + l.gap < v.n && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
  const activities = v.durations.map((d, i): ScheduleActivityInput => {
    const started = kind === "progress" && d >= 2 && i % 2 === 1;
    return {
      id: IDS[i] as string,
      duration: d,
      ...(kind === "two-calendars" && v.sevenDay[i] ? { calendarId: "seven" } : {}),
      ...(started ? { progress: { actualStart: "2027-01-04", remainingDuration: 1 } } : {}),
    };
  });
  const links = kept.map((l): ScheduleLinkInput => ({
    from: IDS[l.a] as string,
    to: IDS[l.a + l.gap] as string,
    type: l.type,
    ...(l.lag === 0 ? {} : kind === "two-calendars" && l.elapsed ? { lag: { elapsedDays: l.lag } } : { lag: { days: l.lag } }),
  }));
  const base: ScheduleInput = {
    projectStart: "2027-01-04",
    ...(kind === "two-calendars" ? { calendars: { seven: SEVEN_DAY } } : {}),
    ...(kind === "progress" ? { statusDate: "2027-01-05" } : {}),
    activities,
    links,
  };
  if (!shuffle) return base;
  // Links in a seeded order (Fisher–Yates on a small LCG), activities in the drawn permutation.
  let s = v.linkSeed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const shuffled = [...links];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as ScheduleLinkInput, shuffled[i] as ScheduleLinkInput];
  }
  return { ...base, activities: v.actPerm.map((i) => activities[i] as ScheduleActivityInput), links: shuffled };
}

interface NetworkValue {
  n: number;
  durations: number[];
  sevenDay: boolean[];
  links: { a: number; gap: number; type: (typeof TYPES)[number]; lag: number; elapsed: boolean }[];
  actPerm: number[];
  linkSeed: number;
}

/** Everything that must not depend on list order, keyed by activity id. */
function orderFree(r: ScheduleResult): unknown {
  const byId = (xs: readonly { id: string }[]) => Object.fromEntries([...xs].sort((x, y) => (x.id < y.id ? -1 : 1)).map((x) => [x.id, JSON.stringify(x)]));
  const findings: Record<string, string[]> = {};
  for (const f of r.violations) (findings[f.activityId] ??= []).push(JSON.stringify(f));
  return {
    finish: r.finish,
    activities: byId(r.activities),
    criticalPaths: r.criticalPaths.map((p) => [...p].sort().join(" ")).sort(),
    longestPath: [...r.longestPath].sort(),
    findings: Object.fromEntries(Object.entries(findings).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

describe("the order of activities and links never changes drivers, dates or critical-path groups", () => {
  for (const kind of ["one-calendar", "two-calendars", "progress"] as const) {
    it(`${kind}: shuffled input gives the same schedule`, () => {
      fc.assert(
        fc.property(networks(kind), (v) => {
          expect(orderFree(scheduleNetwork(build(kind, v, true)))).toEqual(orderFree(scheduleNetwork(build(kind, v, false))));
        }),
        { numRuns: 200 },
      );
    });
  }
});
