import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ServiceOutage } from "../../src/index.js";
import { serviceAvailability, type ServiceHours } from "../../src/kpi/index.js";
import { MIN, at, outage } from "./outages.js";

// An independent oracle for serviceAvailability: walk the period minute by minute, read each minute's local wall clock
// through Intl (not pmokit's time-zone code), and apply the reference's definition (rollout-status-kpi.md §2, ITIL):
// availability = (agreed service time − downtime) ÷ agreed service time. A minute is agreed when its local weekday is
// agreed and its local clock time is inside [start, end) and no planned outage covers it (planned "exclude"); it is
// down when it is agreed and a counted outage (unplanned, or any with planned "count"; impact counted) covers it. A
// failure is a maximal run of counted outages that overlap or touch with at least one down minute in what is measured.

const local = new Map<string, Intl.DateTimeFormat>();
function wallClock(tz: string, ms: number): { weekday: number; minuteOfDay: number } {
  let f = local.get(tz);
  if (!f) local.set(tz, (f = new Intl.DateTimeFormat("en-US", { timeZone: tz, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" })));
  const p = f.formatToParts(new Date(ms));
  const get = (t: string) => p.find((x) => x.type === t)!.value;
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday")) + 1;
  return { weekday, minuteOfDay: Number(get("hour")) * 60 + Number(get("minute")) };
}
const hhmm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

interface Case {
  readonly from: number;
  readonly to: number;
  readonly asOf: number | undefined;
  readonly hours: ServiceHours | undefined;
  readonly planned: "exclude" | "count";
  readonly impacts: readonly ServiceOutage["impact"][];
  readonly outages: readonly { s: number; e: number | undefined; planned: boolean; impact: ServiceOutage["impact"] }[];
  readonly splitting: "count-once" | "count-each-part";
  readonly attribution: "overlap" | "start";
}

function oracle(c: Case) {
  const end = c.asOf === undefined ? c.to : Math.min(c.to, c.asOf);
  // As of `end`: an outage that began later did not exist; one still running (or ending later) runs to `end`.
  const seen = c.outages.filter((o) => o.s < end).map((o) => ({ ...o, e: Math.min(o.e ?? c.to, end) }));
  const counted = seen.filter((o) => !(c.planned === "exclude" && o.planned) && c.impacts.includes(o.impact));
  const maintenance = c.planned === "exclude" ? seen.filter((o) => o.planned) : [];
  const covers = (o: { s: number; e: number }, m: number) => o.s <= m && m < o.e;
  const isAgreed = (m: number) => {
    if (c.hours) {
      const w = wallClock(c.hours.timeZone ?? "UTC", m);
      if (!c.hours.weekdays.includes(w.weekday) || w.minuteOfDay < hhmm(c.hours.start) || w.minuteOfDay >= hhmm(c.hours.end)) return false;
    }
    return !maintenance.some((o) => covers(o, m));
  };
  const isDown = (m: number) => isAgreed(m) && counted.some((o) => covers(o, m));
  let agreed = 0;
  const downMinutes: number[] = [];
  for (let m = c.from; m < end; m += MIN) {
    if (!isAgreed(m)) continue;
    agreed += 1;
    if (counted.some((o) => covers(o, m))) downMinutes.push(m);
  }
  // Runs of counted outages that overlap or touch.
  const runs: [number, number][] = [];
  for (const o of [...counted].sort((x, y) => x.s - y.s)) {
    const last = runs.at(-1);
    if (last && o.s <= last[1]) last[1] = Math.max(last[1], o.e);
    else runs.push([o.s, o.e]);
  }
  const failing = runs.filter(([s, e]) => downMinutes.some((m) => s <= m && m < e));
  // "start": a run with a down minute before the period start began in the period before.
  const carried = failing.filter(([s]) => {
    for (let m = s; m < c.from; m += MIN) if (isDown(m)) return true;
    return false;
  }).length;
  // Each part: runs of consecutive down minutes; under "start" one that runs on from the minute before the period is not this period's.
  const parts = downMinutes.filter((m, i) => i === 0 ? true : downMinutes[i - 1] !== m - MIN).length;
  const partCarried = downMinutes[0] === c.from && isDown(c.from - MIN) ? 1 : 0;
  return {
    agreed,
    down: downMinutes.length,
    failures: { once: { overlap: failing.length, start: failing.length - carried }, each: { overlap: parts, start: parts - partCarried } },
  };
}

const ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"] as const;
// Days around each of Berlin's and New York's 2026 changes, and Lord Howe's half-hour change (5 April 2026).
const STARTS = [Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23), Date.UTC(2026, 2, 7), Date.UTC(2026, 9, 31), Date.UTC(2026, 3, 3), Date.UTC(2026, 0, 30)];

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    start: fc.constantFrom(...STARTS),
    // Whole quarter hours from the start, over up to 4 days.
    len: fc.integer({ min: 1, max: 4 * 96 }),
    asOf: fc.option(fc.integer({ min: 1, max: 5 * 96 }), { nil: undefined }),
    hours: fc.option(
      fc.record({
        weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        s: fc.integer({ min: 0, max: 95 }),
        n: fc.integer({ min: 1, max: 96 }),
        timeZone: fc.constantFrom(...ZONES),
      }),
      { nil: undefined },
    ),
    planned: fc.constantFrom("exclude" as const, "count" as const),
    splitting: fc.constantFrom("count-once" as const, "count-each-part" as const),
    attribution: fc.constantFrom("overlap" as const, "start" as const),
    impacts: fc.subarray(["full", "partial", "degraded"] as ServiceOutage["impact"][], { minLength: 1 }),
    outages: fc.array(
      fc.record({
        s: fc.integer({ min: -96, max: 5 * 96 }),
        len: fc.option(fc.integer({ min: 1, max: 2 * 96 }), { nil: undefined, freq: 6 }),
        planned: fc.boolean(),
        impact: fc.constantFrom("full" as const, "partial" as const, "degraded" as const),
      }),
      { maxLength: 6 },
    ),
  })
  .map((r) => {
    const q = 15 * MIN;
    const hours: ServiceHours | undefined = r.hours && {
      weekdays: r.hours.weekdays,
      start: `${String(Math.floor((r.hours.s * 15) / 60)).padStart(2, "0")}:${String((r.hours.s * 15) % 60).padStart(2, "0")}`,
      end: (() => {
        const e = Math.min(96, r.hours.s + r.hours.n) * 15;
        return `${String(Math.floor(e / 60)).padStart(2, "0")}:${String(e % 60).padStart(2, "0")}`;
      })(),
      timeZone: r.hours.timeZone,
    };
    return {
      from: r.start,
      to: r.start + r.len * q,
      asOf: r.asOf === undefined ? undefined : r.start + r.asOf * q,
      hours: hours && hours.start < hours.end ? hours : undefined,
      planned: r.planned,
      splitting: r.splitting,
      attribution: r.attribution,
      impacts: r.impacts,
      outages: r.outages.map((o) => ({ s: r.start + o.s * q, e: o.len === undefined ? undefined : r.start + (o.s + o.len) * q, planned: o.planned, impact: o.impact })),
    };
  });

function run(c: Case) {
  const a = serviceAvailability(
    c.outages.map((o, i) => outage(`O${i}`, o.s, o.e, { planned: o.planned, impact: o.impact })),
    {
      service: "crm",
      from: at(c.from),
      to: at(c.to),
      ...(c.asOf === undefined ? {} : { asOf: at(c.asOf) }),
      ...(c.hours ? { serviceHours: c.hours } : {}),
      planned: c.planned,
      impacts: c.impacts,
      outageSplitting: c.splitting,
      failureAttribution: c.attribution,
    },
  );
  return a;
}

describe("serviceAvailability against a minute-by-minute oracle (property, fixed seed)", () => {
  it("agreed minutes, downtime, failures and availability match the enumeration, across DST changes and zones", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        fc.pre(c.asOf === undefined || c.asOf > c.from);
        const want = oracle(c);
        const a = run(c);
        expect(a.agreedMinutes.toNumber()).toBe(want.agreed);
        expect(a.downtimeMinutes.toNumber()).toBe(want.down);
        expect(a.failures).toBe(want.failures[c.splitting === "count-once" ? "once" : "each"][c.attribution]);
        if (want.agreed === 0) expect(a.availabilityPercent.reason).toBe("no-agreed-service-time");
        else expect(a.availabilityPercent.value?.toNumber()).toBeCloseTo(((want.agreed - want.down) * 100) / want.agreed, 9);
      }),
      { seed: 2126, numRuns: 400 },
    );
  });
});
