import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, scheduleNetwork, type ScheduleInput, type ScheduleLinkInput } from "../../src/index.js";
import { MPD, OracleCalendar, dayOf, isoOf, oracleCpm, type LinkType, type OracleActivity, type OracleLink } from "./cpm-oracle.js";

/*
 * scheduleNetwork against an independent oracle (cpm-oracle.ts, written from the definitions, no pmokit code) over
 * random networks: every link type; working-day, elapsed and percent lags, leads too; four calendars with holidays
 * (the network's Monday–Friday, Monday–Saturday, 7-day, Tuesday–Saturday); SNET, FNET, SNLT, FNLT, MSO, MFO and
 * deadlines (negative float included); progress at a status date under retained logic and progress override. Durations are half days or more (no milestones: their dating has its own conventions).
 */
const CALS = {
  net: { weekdays: [1, 2, 3, 4, 5], holidays: ["2027-01-06", "2027-01-18"] },
  six: { weekdays: [1, 2, 3, 4, 5, 6], holidays: ["2027-01-12"] },
  seven: { weekdays: [1, 2, 3, 4, 5, 6, 7], holidays: ["2027-01-10"] },
  tusa: { weekdays: [2, 3, 4, 5, 6], holidays: ["2027-01-14"] },
} as const;
type CalId = keyof typeof CALS;
const oracleCals = Object.fromEntries(Object.entries(CALS).map(([k, c]) => [k, new OracleCalendar(c.weekdays, c.holidays)])) as Record<CalId, OracleCalendar>;
const pmoCals = Object.fromEntries(Object.entries(CALS).map(([k, c]) => [k, createWorkingCalendar({ name: k, workingWeekdays: [...c.weekdays], holidays: [...c.holidays] })]));
const START = "2027-01-04";
const start = dayOf(START);
type Kind = "snet" | "fnet" | "snlt" | "fnlt" | "mso" | "mfo";

const arb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    acts: fc.array(
      fc.record({
        halves: fc.integer({ min: 1, max: 10 }),
        cal: fc.constantFrom<CalId>("net", "net", "six", "seven", "tusa"),
        c: fc.option(fc.record({ kind: fc.constantFrom<Kind>("snet", "fnet", "snlt", "fnlt", "mso", "mfo"), day: fc.integer({ min: 0, max: 20 }) }), { nil: undefined }),
        dl: fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
        done: fc.constantFrom("no", "no", "started", "complete"),
        on: fc.integer({ min: 0, max: 8 }),
        took: fc.integer({ min: 0, max: 3 }),
        left: fc.integer({ min: 1, max: 6 }),
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: n - 1 }),
        gap: fc.integer({ min: 1, max: n }),
        type: fc.constantFrom<LinkType>("FS", "SS", "FF", "SF"),
        lag: fc.oneof(
          fc.constant(undefined),
          fc.record({ days: fc.constantFrom(-2, -1, -0.5, 0.5, 1, 3) }),
          fc.record({ elapsedDays: fc.constantFrom(-1, 0.5, 1, 2, 3) }),
          fc.record({ percent: fc.constantFrom(-50, 25, 50, 100) }),
        ),
      }),
      { maxLength: 14 },
    ),
    status: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    override: fc.boolean(),
  }),
);
type Plan = typeof arb extends fc.Arbitrary<infer T> ? T : never;

/** Progress on working days of the activity's calendar, at or before the status date (none without one). */
function progressOf(a: Plan["acts"][number], status: number | undefined) {
  if (status === undefined || a.done === "no") return undefined;
  const work = oracleCals[a.cal].work;
  let s = start + Math.min(a.on, status);
  while (s <= start + status && !work[s]) s++;
  if (s > start + status) return undefined;
  if (a.done === "started") return { kind: "started" as const, start: s, remaining: (a.left * MPD) / 2 };
  let f = Math.min(s + a.took, start + status);
  while (!work[f]) f--;
  return { kind: "complete" as const, start: s, finish: f };
}

function build({ acts, links, status }: Plan) {
  const seen = new Set<string>();
  const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
  const input: ScheduleInput = {
    projectStart: START,
    calendar: pmoCals["net"],
    calendars: { six: pmoCals["six"]!, seven: pmoCals["seven"]!, tusa: pmoCals["tusa"]! },
    activities: acts.map((a, i) => ({
      id: `A${i}`,
      duration: a.halves / 2,
      ...(a.cal !== "net" ? { calendarId: a.cal } : {}),
      ...(a.c ? { constraint: { kind: a.c.kind, date: isoOf(start + a.c.day) } } : {}),
      ...(a.dl !== undefined ? { deadline: isoOf(start + a.dl) } : {}),
    })),
    links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type, ...(l.lag ? { lag: l.lag } : {}) })),
    ...(status !== undefined ? { statusDate: isoOf(start + status) } : {}),
  };
  input.activities.forEach((x, i) => {
    const p = progressOf(acts[i]!, status);
    if (p) Object.assign(x, { progress: p.kind === "complete" ? { actualStart: isoOf(p.start), actualFinish: isoOf(p.finish) } : { actualStart: isoOf(p.start), remainingDuration: p.remaining / MPD } });
  });
  const oActs: OracleActivity[] = acts.map((a) => ({
    ...(progressOf(a, status) ? { progress: progressOf(a, status)! } : {}),
    d: (a.halves * MPD) / 2,
    cal: oracleCals[a.cal],
    ...(a.c ? { [a.c.kind]: start + a.c.day } : {}),
    ...(a.dl !== undefined ? { deadline: start + a.dl } : {}),
  }));
  const oLinks: OracleLink[] = kept.map((l) => ({
    from: l.a,
    to: l.a + l.gap,
    type: l.type,
    lag: !l.lag ? { kind: "work", minutes: 0 } : "days" in l.lag ? { kind: "work", minutes: l.lag.days * MPD } : "elapsedDays" in l.lag ? { kind: "elapsed", minutes: l.lag.elapsedDays * MPD } : { kind: "percent", percent: l.lag.percent },
  }));
  return { input, oActs, oLinks };
}

const days = (minutes: number) => String(Math.round((minutes / MPD) * 1e6) / 1e6);

describe("scheduleNetwork = an independent CPM oracle (property)", () => {
  it("early and late dates, total and free float, critical flags and the finish", () => {
    fc.assert(
      fc.property(arb, (plan) => {
        const { input, oActs, oLinks } = build(plan);
        const o = oracleCpm(oActs, oLinks, start, plan.status === undefined ? undefined : start + plan.status, plan.override);
        const r = scheduleNetwork(input, plan.override ? { outOfSequence: "progress-override" } : {});
        const want = oActs.map((a, i) => {
          const w = o.rows[i]!;
          return `A${i} ${a.cal.startDate(w.es)} ${a.cal.finishDate(w.ef)} ${a.cal.startDate(w.ls)} ${a.cal.finishDate(w.lf)} tf=${days(w.tf)} ff=${days(w.ff)} ${w.tf <= 0 && a.progress?.kind !== "complete" ? "critical" : ""}`;
        });
        const got = r.activities.map((a) => `${a.id} ${a.earlyStart} ${a.earlyFinish} ${a.lateStart} ${a.lateFinish} tf=${a.totalFloat.toFixed()} ff=${a.freeFloat.toFixed()} ${a.critical ? "critical" : ""}`);
        expect(got).toEqual(want);
        const t = o.finish;
        // The network finish is never shown before the project start (an MFO on a day the activity's calendar does
        // not work can date all the work before it: MFO Mon 4 on a Tuesday–Saturday calendar finishes Sat 2).
        expect(r.finish).toBe(isoOf(Math.max(start, t % MPD === 0 ? t / MPD - 1 : Math.floor(t / MPD))));
      }),
      { numRuns: 400, seed: 22 },
    );
  });
});
