import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instant, type ServiceOutage } from "../../src/index.js";
import { serviceAvailability, type ServiceHours } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// Audit of serviceAvailability. ITIL: availability = (agreed service time − downtime) ÷ agreed service time.

const MIN = 60_000;
const DAY = 86_400_000;
const at = (ms: number) => instant(new Date(ms));
const outage = (id: string, start: number, end: number, extra: Partial<Record<"planned" | "impact", unknown>> = {}): ServiceOutage =>
  ({ id, version: 1, createdAt: at(start), updatedAt: at(start), service: "crm", start: at(start), end: at(end), planned: false, impact: "full", ...extra }) as never;
const T0 = Date.UTC(2026, 2, 9); // Monday 9 March 2026
const day = { service: "crm", from: at(T0), to: at(T0 + DAY) };
const one = [outage("A", T0 + 10 * 3_600_000, T0 + 11 * 3_600_000)]; // 10:00–11:00, 60 min

describe("serviceAvailability: options and outage fields that would silently change the figure are refused", () => {
  it("an unknown impact in `impacts` (\"Full\") is a ValidationError, not 100 %", () => {
    // Was: impacts ["Full"] matched no outage, so the 60-minute outage vanished and availability read 100 %.
    expect(firstIssuePath(() => serviceAvailability(one, { ...day, impacts: ["Full" as never] }))).toEqual(["impacts", 0]);
    expect(firstIssuePath(() => serviceAvailability(one, { ...day, impacts: "full" as never }))).toEqual(["impacts"]);
  });

  it("an unknown `planned` mode (\"Exclude\") is a ValidationError, not a silent \"count\"", () => {
    // Was: anything but "exclude" counted maintenance as downtime: 60 of 1,440 min → 95.8333 %.
    const maintenance = [outage("M", T0 + 10 * 3_600_000, T0 + 11 * 3_600_000, { planned: true })];
    expect(firstIssuePath(() => serviceAvailability(maintenance, { ...day, planned: "Exclude" as never }))).toEqual(["planned"]);
  });

  it("an outage of the service with an unknown impact or a non-boolean `planned` is a ValidationError at its path", () => {
    // Was: impact "FULL" was not in the default impacts, so the outage was dropped and availability read 100 %.
    expect(firstIssuePath(() => serviceAvailability([outage("A", T0, T0 + 3_600_000, { impact: "FULL" })], day))).toEqual([0, "impact"]);
    // Was: planned "true" (a string) is truthy: the outage was treated as maintenance.
    expect(firstIssuePath(() => serviceAvailability([outage("A", T0, T0 + 3_600_000, { planned: "true" })], day))).toEqual([0, "planned"]);
  });

  it("service hours whose weekdays are not a list are a ValidationError (was a TypeError)", () => {
    expect(firstIssuePath(() => serviceAvailability(one, { ...day, serviceHours: { weekdays: "12345" as never, start: "08:00", end: "18:00" } }))).toEqual([
      "serviceHours",
      "weekdays",
    ]);
  });
});

describe("serviceAvailability: agreed service hours before 1970", () => {
  it("weekdays of days before 1 January 1970 are right", () => {
    // 1969-12-22 is a Monday (1970-01-01 was a Thursday; 1969-12-29 is the Monday 3 days before). The week
    // 1969-12-22 – 1969-12-29 has 5 weekdays × 1,440 = 7,200 min and 2 weekend days × 1,440 = 2,880 min.
    // Was 1,440 and 0: `(n + 3) % 7` is negative for days before the epoch, so Fri–Sun got weekday numbers 0 and −1.
    const week = { service: "crm", from: instant("1969-12-22T00:00:00Z"), to: instant("1969-12-29T00:00:00Z") };
    const allDay = { start: "00:00", end: "24:00" };
    expect(serviceAvailability([], { ...week, serviceHours: { weekdays: [1, 2, 3, 4, 5], ...allDay } }).agreedMinutes.toFixed()).toBe("7200");
    expect(serviceAvailability([], { ...week, serviceHours: { weekdays: [6, 7], ...allDay } }).agreedMinutes.toFixed()).toBe("2880");
  });

  it("over whole weeks, agreed time = weeks × weekdays × daily minutes, for any week from 1900 to 2100 (property)", () => {
    const firstMonday = Date.UTC(1900, 0, 1); // 1 January 1900 was a Monday
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_400 }), fc.integer({ min: 1, max: 3 }), fc.subarray([1, 2, 3, 4, 5, 6, 7]), fc.integer({ min: 0, max: 23 }), (week, weeks, weekdays, startHour) => {
        // Any whole number of weeks from any UTC midnight holds each weekday exactly `weeks` times.
        const from = firstMonday + week * 7 * DAY + (week % 7) * DAY;
        const hours = { weekdays, start: `${String(startHour).padStart(2, "0")}:00`, end: "24:00" };
        const a = serviceAvailability([], { service: "crm", from: at(from), to: at(from + weeks * 7 * DAY), serviceHours: hours });
        expect(a.agreedMinutes.toNumber()).toBe(weeks * weekdays.length * (24 - startHour) * 60);
      }),
      { seed: 1969, numRuns: 200 },
    );
  });
});

describe("serviceAvailability: invariants (property)", () => {
  // Outages at minute resolution inside three days from Monday 9 March 2026; the period is the middle day, so
  // outages cross both period boundaries. Service hours on or off.
  const H = 3 * 1440;
  const arbOutage = fc.record({
    s: fc.integer({ min: 0, max: H - 1 }),
    len: fc.integer({ min: 1, max: 600 }),
    planned: fc.boolean(),
    impact: fc.constantFrom("full", "partial", "degraded"),
  });
  const arbOutages = fc.array(arbOutage, { maxLength: 8 }).map((xs) =>
    xs.map((x, i) => outage(`O${i}`, T0 - DAY + x.s * MIN, T0 - DAY + (x.s + x.len) * MIN, { planned: x.planned, impact: x.impact })),
  );
  const arbOptions = fc.record({
    hours: fc.option(fc.constant({ weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" }), { nil: undefined }),
    planned: fc.constantFrom("exclude" as const, "count" as const),
  });
  const run = (os: readonly ServiceOutage[], o: { hours?: ServiceHours | undefined; planned: "exclude" | "count" }) =>
    serviceAvailability(os, { ...day, planned: o.planned, ...(o.hours ? { serviceHours: o.hours } : {}) });
  const figures = (a: ReturnType<typeof run>) => ({
    agreed: a.agreedMinutes.toFixed(),
    down: a.downtimeMinutes.toFixed(),
    failures: a.failures,
    pct: a.availabilityPercent.value?.toFixed() ?? a.availabilityPercent.reason,
    mtrs: a.mtrsMinutes.value?.toFixed() ?? a.mtrsMinutes.reason,
    mtbf: a.mtbfMinutes.value?.toFixed() ?? a.mtbfMinutes.reason,
  });

  it("0 ≤ availability ≤ 100 and downtime ≤ agreed time", () => {
    fc.assert(
      fc.property(arbOutages, arbOptions, (os, o) => {
        const a = run(os, o);
        expect(a.downtimeMinutes.lte(a.agreedMinutes)).toBe(true);
        if (a.availabilityPercent.value) expect(a.availabilityPercent.value.gte(0) && a.availabilityPercent.value.lte(100)).toBe(true);
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it("the order of the outages does not change any figure", () => {
    fc.assert(
      fc.property(arbOutages.chain((os) => fc.tuple(fc.constant(os), fc.shuffledSubarray(os, { minLength: os.length, maxLength: os.length }))), arbOptions, ([os, shuffled], o) => {
        expect(run(shuffled, o)).toEqual(run(os, o));
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it("splitting an unplanned outage into two adjacent pieces changes no figure (the service was not restored)", () => {
    fc.assert(
      fc.property(arbOutages, arbOptions, fc.nat(), fc.nat(), (os, o, pick, cut) => {
        const unplanned = os.filter((x) => !x.planned);
        fc.pre(unplanned.length > 0);
        const victim = unplanned[pick % unplanned.length]!;
        const [s, e] = [Date.parse(victim.start), Date.parse(victim.end!)];
        fc.pre(e - s >= 2 * MIN);
        const mid = s + (1 + (cut % ((e - s) / MIN - 1))) * MIN;
        const split = [...os.filter((x) => x !== victim), { ...victim, id: "P1", end: at(mid) }, { ...victim, id: "P2", start: at(mid) }];
        expect(figures(run(split, o))).toEqual(figures(run(os, o)));
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it("an unplanned outage nested inside another one of the same impact changes no figure (counted once)", () => {
    fc.assert(
      fc.property(arbOutages, arbOptions, fc.nat(), fc.nat(), fc.nat(), (os, o, pick, a, b) => {
        const unplanned = os.filter((x) => !x.planned);
        fc.pre(unplanned.length > 0);
        const host = unplanned[pick % unplanned.length]!;
        const [s, e] = [Date.parse(host.start), Date.parse(host.end!)];
        const n = (e - s) / MIN;
        fc.pre(n >= 2);
        const i = a % (n - 1);
        const j = i + 1 + (b % (n - i)); // i < j ≤ n: inside the host
        const nested = { ...host, id: "NESTED", start: at(s + i * MIN), end: at(s + j * MIN) };
        expect(figures(run([...os, nested], o))).toEqual(figures(run(os, o)));
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it("replacing overlapping unplanned outages by their union changes no figure", () => {
    fc.assert(
      fc.property(arbOutages, arbOptions, (os, o) => {
        // Merge every group of overlapping or touching full-impact unplanned outages into one outage by hand.
        const unplanned = os.filter((x) => !x.planned).map((x) => [Date.parse(x.start), Date.parse(x.end!), x.impact] as const);
        const merged: [number, number][] = [];
        for (const [s, e] of [...unplanned].sort((x, y) => x[0] - y[0])) {
          const last = merged.at(-1);
          if (last && s <= last[1]) last[1] = Math.max(last[1], e);
          else merged.push([s, e]);
        }
        const union = [...os.filter((x) => x.planned), ...merged.map(([s, e], k) => outage(`U${k}`, s, e))];
        const allFull = os.map((x) => (x.planned ? x : { ...x, impact: "full" as const }));
        expect(figures(run(union, o))).toEqual(figures(run(allFull, o)));
      }),
      { seed: 16, numRuns: 300 },
    );
  });
});
