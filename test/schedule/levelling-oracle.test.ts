import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkingCalendar, levelResources, resourceLoad, type LevellingInput, type LevellingResult, type ScheduleLinkInput } from "../../src/index.js";
import { networkOf, plans } from "./three-engines.js";
import { MPD, OracleCalendar, dayOf, isoOf, type LinkType, type OracleActivity, type OracleLink } from "./cpm-oracle.js";
import { shuffle } from "./helpers.js";

/*
 * Levelling checked from the outside (no pmokit code in the checks): over random networks with every link type,
 * working-day, whole elapsed-day and percent lags (leads too), four calendars with holidays, SNET/FNET constraints and
 * resources of 1–3 units on their own calendars, the levelled plan
 *  - keeps every link: the successor's levelled start (FS, SS) or finish (FF, SF) is no earlier than the link's bound
 *    from the predecessor's levelled dates (cpm-oracle.ts's bound: the lag on the successor's calendar);
 *  - never starts before the project start or an SNET date, nor finishes before an FNET date;
 *  - never uses more units of a resource on a day than it has (no units on its days off), except for activities
 *    levelling reports as unresolved, and reports an over-allocation wherever it does.
 * MSO/MFO work keeps its date, and a link it breaks must be reported (constraint-violated or link-violated).
 * Durations and lags are whole days, so every date stands for a day boundary and the check reads positions off dates.
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

const arb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    acts: fc.array(
      fc.record({
        d: fc.integer({ min: 1, max: 4 }),
        cal: fc.constantFrom<CalId>("net", "net", "six", "seven", "tusa"),
        c: fc.option(fc.record({ kind: fc.constantFrom("snet" as const, "fnet" as const, "snet" as const, "fnet" as const, "mso" as const, "mfo" as const), day: fc.integer({ min: 0, max: 12 }) }), { nil: undefined }),
        uses: fc.array(fc.record({ r: fc.integer({ min: 0, max: 2 }), u: fc.integer({ min: 1, max: 2 }) }), { maxLength: 2 }),
        done: fc.constantFrom("no", "no", "started", "complete"),
        on: fc.integer({ min: 0, max: 6 }),
        took: fc.integer({ min: 0, max: 2 }),
        left: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: n, maxLength: n },
    ),
    links: fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: n - 1 }),
        gap: fc.integer({ min: 1, max: n }),
        type: fc.constantFrom<LinkType>("FS", "SS", "FF", "SF"),
        lag: fc.oneof(fc.constant(undefined), fc.record({ days: fc.constantFrom(-2, -1, 1, 3) }), fc.record({ elapsedDays: fc.constantFrom(-1, 1, 2) }), fc.record({ percent: fc.constantFrom(-100, 100) })),
      }),
      { maxLength: 12 },
    ),
    caps: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    resCals: fc.tuple(fc.constantFrom<CalId>("net", "seven", "six"), fc.constantFrom<CalId>("net", "seven", "six"), fc.constantFrom<CalId>("net", "seven", "six")),
    status: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
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
  if (a.done === "started") return { kind: "started" as const, start: s, remaining: a.left };
  let f = Math.min(s + a.took, start + status);
  while (!work[f]) f--;
  return { kind: "complete" as const, start: s, finish: f };
}

function build(plan: Plan) {
  const { acts, links, caps, resCals, status } = plan;
  const seen = new Set<string>();
  const kept = links.filter((l) => l.a + l.gap < acts.length && !seen.has(`${l.a}-${l.a + l.gap}`) && seen.add(`${l.a}-${l.a + l.gap}`));
  const calOf = (c: CalId) => (c === "net" ? {} : { calendarId: c });
  const input: LevellingInput = {
    network: {
      projectStart: START,
      calendar: pmoCals["net"],
      calendars: { six: pmoCals["six"]!, seven: pmoCals["seven"]!, tusa: pmoCals["tusa"]! },
      activities: acts.map((a, i) => ({ id: `A${i}`, duration: a.d, ...calOf(a.cal), ...(a.c ? { constraint: { kind: a.c.kind, date: isoOf(start + a.c.day) } } : {}) })),
      links: kept.map((l): ScheduleLinkInput => ({ from: `A${l.a}`, to: `A${l.a + l.gap}`, type: l.type, ...(l.lag ? { lag: l.lag } : {}) })),
      ...(status !== undefined ? { statusDate: isoOf(start + status) } : {}),
    },
    resources: caps.map((c, r) => ({ id: `R${r}`, maxUnits: c, ...calOf(resCals[r] as CalId) })),
    assignments: acts.flatMap((a, i) => {
      const once = new Set<number>();
      return a.uses.filter((x) => !once.has(x.r) && once.add(x.r)).map((x) => ({ activityId: `A${i}`, resourceId: `R${x.r}`, units: x.u }));
    }),
  };
  input.network.activities.forEach((x, i) => {
    const p = progressOf(acts[i]!, status);
    if (p) Object.assign(x, { progress: p.kind === "complete" ? { actualStart: isoOf(p.start), actualFinish: isoOf(p.finish) } : { actualStart: isoOf(p.start), remainingDuration: p.remaining } });
  });
  const oActs: OracleActivity[] = acts.map((a) => ({ d: a.d * MPD, cal: oracleCals[a.cal], ...(progressOf(a, status) ? { progress: progressOf(a, status)! } : {}) }));
  const oLinks: OracleLink[] = kept.map((l) => ({
    from: l.a,
    to: l.a + l.gap,
    type: l.type,
    lag: !l.lag ? { kind: "work", minutes: 0 } : "days" in l.lag ? { kind: "work", minutes: l.lag.days * MPD } : "elapsedDays" in l.lag ? { kind: "elapsed", minutes: l.lag.elapsedDays * MPD } : { kind: "percent", percent: l.lag.percent },
  }));
  return { input, oActs, oLinks };
}

/** Every break of the rules above, as sentences ([] when the levelled plan keeps them all). */
function breaches(plan: Plan, r: LevellingResult): string[] {
  const { input, oActs, oLinks } = build(plan);
  const out: string[] = [];
  // Positions from dates: a start date's morning, a finish date's evening, on the activity's calendar.
  const es = r.activities.map((a, i) => (oActs[i] as OracleActivity).cal.W(dayOf(a.start) * MPD));
  const ef = r.activities.map((a, i) => (oActs[i] as OracleActivity).cal.W(dayOf(a.finish) * MPD + MPD));
  // Started work: its remaining part is its last `remaining` working days; complete work is history.
  const pr = (i: number) => oActs[i]!.progress;
  const restStart = (i: number) => { const p = pr(i); return p?.kind === "started" ? ef[i]! - p.remaining * MPD : es[i]!; };
  const statusMorning = plan.status === undefined ? undefined : (start + plan.status + 1) * MPD;
  r.activities.forEach((a, i) => {
    const p = pr(i);
    const c = plan.acts[i]!.c;
    if (p) {
      if (p.kind === "started" && statusMorning !== undefined && restStart(i) < oActs[i]!.cal.W(statusMorning)) out.push(`${a.id}'s remaining part starts before the status date`);
      return;
    }
    if (statusMorning !== undefined && es[i]! < oActs[i]!.cal.W(statusMorning) && c?.kind !== "mso" && c?.kind !== "mfo") out.push(`${a.id} starts ${a.start}, not after the status date`);
    if (ef[i]! - es[i]! !== oActs[i]!.d) out.push(`${a.id} ${a.start}–${a.finish} is not ${oActs[i]!.d / MPD} working days`);
    if (c?.kind === "mso" || c?.kind === "mfo") return; // its date wins, before the project start too
    if (es[i]! < oActs[i]!.cal.W(start * MPD)) out.push(`${a.id} starts ${a.start}, before the project start`);
    if (c?.kind === "snet" && es[i]! < oActs[i]!.cal.W((start + c.day) * MPD)) out.push(`${a.id} starts ${a.start}, before its SNET ${isoOf(start + c.day)}`);
    if (c?.kind === "fnet" && ef[i]! < oActs[i]!.cal.W((start + c.day) * MPD + MPD)) out.push(`${a.id} finishes ${a.finish}, before its FNET ${isoOf(start + c.day)}`);
  });
  for (const l of oLinks) {
    // Into complete work nothing binds; into started work its remaining part (FS, FF, SF; retained logic), not SS.
    const into = pr(l.to);
    if (into?.kind === "complete" || (into && l.type === "SS")) continue;
    const i = oActs[l.from] as OracleActivity;
    const j = oActs[l.to] as OracleActivity;
    const fromStart = l.type === "SS" || l.type === "SF";
    const t = fromStart ? i.cal.S(es[l.from]!) : i.cal.F(ef[l.from]!);
    const b = l.lag.kind === "elapsed" ? j.cal.W(t + l.lag.minutes) : j.cal.W(t) + (l.lag.kind === "work" ? l.lag.minutes : (l.lag.percent * i.d) / 100);
    const at = l.type === "FS" || l.type === "SS" ? restStart(l.to) : ef[l.to]!;
    // A must-on date wins over logic: a link it breaks is reported (CPM: constraint-violated; levelling: link-violated).
    const mustOn = plan.acts[l.to]!.c?.kind === "mso" || plan.acts[l.to]!.c?.kind === "mfo";
    const reported = [...r.violations, ...r.schedule.violations].some((v) => v.activityId === `A${l.to}` && (v.kind === "link-violated" || v.kind === "constraint-violated"));
    if (at < b && mustOn && reported) continue;
    if (at < b) out.push(`A${l.from} → A${l.to} (${l.type} ${JSON.stringify(l.lag)}) broken: ${r.activities[l.to]!.start}–${r.activities[l.to]!.finish} after ${r.activities[l.from]!.start}–${r.activities[l.from]!.finish}`);
  }
  const unresolved = new Set(r.unresolved.map((u) => u.activityId));
  const resCal = (k: number) => oracleCals[plan.resCals[k] as CalId];
  for (let k = 0; k < 3; k++) {
    const rid = `R${k}`;
    const users = input.assignments.filter((x) => x.resourceId === rid);
    for (let day = start; day < start + 200; day++) {
      let units = 0;
      const who: string[] = [];
      for (const x of users) {
        const i = Number(x.activityId.slice(1));
        const a = r.activities[i]!;
        const p = pr(i);
        const waiting = p?.kind === "started" && day > start + (plan.status as number) && day * MPD < oActs[i]!.cal.S(restStart(i));
        if (day >= dayOf(a.start) && day <= dayOf(a.finish) && oActs[i]!.cal.work[day] && !waiting) {
          units += Number(x.units);
          who.push(x.activityId);
        }
      }
      const cap = resCal(k).work[day] ? plan.caps[k]! : 0;
      if (units <= cap) continue;
      if (!who.some((w) => unresolved.has(w))) out.push(`${rid} over-allocated on ${isoOf(day)}: ${units} units (${who.join(", ")}) of ${cap}, none unresolved`);
      if (!r.remainingOverAllocations.some((o) => o.resourceId === rid && o.from <= isoOf(day) && isoOf(day) <= o.to)) out.push(`${rid} over-allocated on ${isoOf(day)} but not reported`);
    }
  }
  return out;
}

describe("levelResources keeps links, constraints and capacity (property, independent check)", () => {
  it("delay-finish over random networks: every link type and lag kind, four calendars, resources on their own calendars", () => {
    fc.assert(
      fc.property(arb, (plan) => {
        const { input } = build(plan);
        expect(breaches(plan, levelResources(input))).toEqual([]);
      }),
      { numRuns: 300, seed: 22 },
    );
  });
});

describe("within-slack keeps the finish (property, independent check)", () => {
  // The same plans levelled within slack: links, constraints and capacity as above, no activity starts after its CPM
  // late start (or its early start, when its float is negative) and the levelled finish is the CPM finish.
  it("every link type and lag kind, four calendars, resources on their own calendars", () => {
    fc.assert(
      fc.property(arb, (plan) => {
        const { input } = build(plan);
        const r = levelResources(input, { mode: "within-slack" });
        const late = r.activities.filter((a, i) => {
          const s = r.schedule.activities[i]!;
          return a.start > (s.lateStart > s.earlyStart ? s.lateStart : s.earlyStart);
        });
        expect([...breaches(plan, r), ...late.map((a) => `${a.id} starts ${a.start}, after its late start`)]).toEqual([]);
        expect(r.finish).toBe(r.schedule.finish);
      }),
      { numRuns: 300, seed: 22 },
    );
  });
});

describe("levelResources does not depend on input order (property, rich plans)", () => {
  // three-engines.ts's plans (every link type and lag kind, constraints, deadlines, ALAP, milestones, progress, three
  // calendars) with scarce resources: permuting activities, links, resources and assignments changes nothing.
  const canonical = (r: LevellingResult) => ({
    finish: r.finish,
    activities: [...r.activities].sort((a, b) => (a.id < b.id ? -1 : 1)).map((a) => [a.id, a.start, a.finish, a.delayDays.toFixed(), a.pushedBy]),
    delays: r.delays.map((d) => [d.activityId, d.days.toFixed(), d.day, d.blockedBy.map((b) => [b.resourceId, [...b.heldBy].sort()])]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    over: r.remainingOverAllocations.map((o) => [o.resourceId, o.from, o.to, o.peakUnits.toFixed(), [...o.activityIds].sort()]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    unresolved: r.unresolved.map((u) => [u.activityId, u.causes.map((c) => [c.resourceId, c.reason, c.day])]).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    violations: r.violations.map((v) => v.message).sort(),
  });
  it("constraints, ALAP, progress, every link type, three calendars; 1–2 unit resources", () => {
    fc.assert(
      fc.property(plans, fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 1 }), fc.constantFrom(1, 2)), { maxLength: 10 }), fc.integer(), (plan, uses, seed) => {
        const network = networkOf(plan);
        const n = network.activities.length;
        const pairs = new Set<string>();
        const input: LevellingInput = {
          network,
          resources: [{ id: "R0", maxUnits: 1 }, { id: "R1", maxUnits: 2, calendarId: "seven" }],
          assignments: uses.filter(([i, r]) => i < n && !pairs.has(`${i}/${r}`) && pairs.add(`${i}/${r}`)).map(([i, r, u]) => ({ activityId: `A${i}`, resourceId: `R${r}`, units: u })),
        };
        const permuted: LevellingInput = {
          network: { ...network, activities: shuffle(network.activities, seed), links: shuffle(network.links ?? [], seed + 1) },
          resources: shuffle(input.resources, seed + 2),
          assignments: shuffle(input.assignments, seed + 3),
        };
        const options = { schedule: plan.options };
        expect(canonical(levelResources(permuted, options))).toEqual(canonical(levelResources(input, options)));
        expect(canonical(levelResources(permuted, { ...options, mode: "within-slack" }))).toEqual(canonical(levelResources(input, { ...options, mode: "within-slack" })));
      }),
      { numRuns: 300, seed: 22 },
    );
  });
});

describe("resourceLoad = demand and capacity counted by hand (property)", () => {
  // The same plans (whole days, four calendars, resources on their own calendars, progress): on the early dates
  // scheduleNetwork gives, demand on a day = Σ units of the activities working it (on their own calendar, not while
  // started work waits), capacity = max units on the resource's working days; per ISO week the sums of the days.
  it("per day and per week, every resource", () => {
    fc.assert(
      fc.property(arb, (plan) => {
        const { input, oActs } = build(plan);
        const s = levelResources(input).schedule; // the CPM dates the load is read on (levelling itself not used)
        const byDay = (k: number, day: number) => {
          let units = 0;
          for (const x of input.assignments.filter((a) => a.resourceId === `R${k}`)) {
            const i = Number(x.activityId.slice(1));
            const a = s.activities[i]!;
            const p = oActs[i]!.progress;
            const restFrom = p?.kind === "started" ? oActs[i]!.cal.W(dayOf(a.earlyFinish) * MPD + MPD) - p.remaining * MPD : 0;
            const waiting = p?.kind === "started" && day > start + (plan.status as number) && day * MPD < oActs[i]!.cal.S(restFrom);
            if (day >= dayOf(a.earlyStart) && day <= dayOf(a.earlyFinish) && oActs[i]!.cal.work[day] && !waiting) units += Number(x.units);
          }
          return units;
        };
        for (const period of ["day", "week"] as const) {
          const load = resourceLoad(input, { period, dates: "early" });
          for (const row of load.resources) {
            const k = Number(row.resourceId.slice(1));
            let demand = 0;
            let capacity = 0;
            for (let d = dayOf(row.periodStart); d <= dayOf(row.periodEnd); d++) {
              demand += byDay(k, d);
              capacity += oracleCals[plan.resCals[k] as CalId].work[d] ? plan.caps[k]! : 0;
            }
            expect(`${row.resourceId} ${row.periodStart} ${row.demand.toFixed()} ${row.capacity.toFixed()}`).toBe(`${row.resourceId} ${row.periodStart} ${demand} ${capacity}`);
          }
          // Every day with demand lies in a row.
          for (let k = 0; k < 3; k++)
            for (let d = start; d < start + 120; d++)
              if (byDay(k, d) > 0) expect(load.resources.some((row) => row.resourceId === `R${k}` && dayOf(row.periodStart) <= d && d <= dayOf(row.periodEnd))).toBe(true);
        }
      }),
      { numRuns: 200, seed: 22 },
    );
  });
});
