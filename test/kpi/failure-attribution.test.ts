import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError, serviceAvailability, type AvailabilityOptions, type ServiceOutage } from "../../src/index.js";
import { DAY, HOUR, MIN, at, outage } from "./outages.js";

// failureAttribution: which period an outage across a period boundary is a failure of. The downtime is each period's
// own either way; only the failure count (and so MTBF, MTRS, MTBSI) moves.
const MAR = Date.UTC(2026, 2, 1), APR = Date.UTC(2026, 3, 1), MAY = Date.UTC(2026, 4, 1);
const month = (from: number, to: number, extra: Partial<AvailabilityOptions> = {}): AvailabilityOptions => ({ service: "crm", from: at(from), to: at(to), ...extra });
const OFFICE = { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } as const;

describe("failureAttribution: an outage across a month boundary", () => {
  // 31 March 23:00 → 1 April 02:00, 24 × 7: 60 min down in March, 120 in April.
  const across = [outage("INC-1", APR - HOUR, APR + 2 * HOUR)];

  it('"overlap" (default) counts it in both months, and marks April\'s interval as begun before', () => {
    const march = serviceAvailability(across, month(MAR, APR));
    const april = serviceAvailability(across, month(APR, MAY));
    expect([march.failures, april.failures]).toEqual([1, 1]);
    expect(march.downtimeIntervals.map((i) => i.startedBefore)).toEqual([false]);
    expect(april.downtimeIntervals.map((i) => i.startedBefore)).toEqual([true]);
    expect(april.conventions.failureAttribution).toBe("overlap");
    // April: MTRS = 120 min ÷ 1 failure.
    expect(april.mtrsMinutes.value?.toFixed()).toBe("120");
  });

  it('"start" counts it in March only: April keeps its 120 minutes down but has no failure', () => {
    const march = serviceAvailability(across, month(MAR, APR, { failureAttribution: "start" }));
    const april = serviceAvailability(across, month(APR, MAY, { failureAttribution: "start" }));
    expect([march.failures, april.failures]).toEqual([1, 0]);
    expect(march.mtrsMinutes.value?.toFixed()).toBe("60");
    expect(april.downtimeMinutes.toFixed()).toBe("120");
    // April: 30 × 1,440 = 43,200 agreed minutes; (43,200 − 120) ÷ 43,200 × 100 = 99.7222…
    expect(april.availabilityPercent.value?.toFixed(4)).toBe("99.7222");
    expect(april.mtrsMinutes.reason).toBe("no-failures");
    expect((april.mtrsMinutes as { detail?: string }).detail).toContain("1 downtime interval(s) began before the period");
    expect(april.conventions.failureAttribution).toBe("start");
    // The whole span has one failure, as March + April now do.
    expect(serviceAvailability(across, month(MAR, MAY, { failureAttribution: "start" })).failures).toBe(1);
  });

  it('"start" still counts an outage begun before the period outside the service hours: its downtime begins in the period', () => {
    // Tue 31 March 20:00 → Wed 1 April 09:00, office hours 08–18 UTC: no agreed minute down in March, 60 in April.
    const night = [outage("INC-2", APR - 4 * HOUR, APR + 9 * HOUR)];
    const march = serviceAvailability(night, month(MAR, APR, { serviceHours: OFFICE, failureAttribution: "start" }));
    const april = serviceAvailability(night, month(APR, MAY, { serviceHours: OFFICE, failureAttribution: "start" }));
    expect([march.failures, april.failures]).toEqual([0, 1]);
    expect(april.downtimeMinutes.toFixed()).toBe("60");
    expect(april.downtimeIntervals[0]?.startedBefore).toBe(false);
  });

  it('"start" with count-each-part: a part that begins after maintenance at the boundary is April\'s own failure', () => {
    // 31 March 22:00 → 1 April 03:00, maintenance 00:00–01:00 on 1 April taken out: parts 22–24 (March) and 01–03 (April).
    const cut = [outage("INC-3", APR - 2 * HOUR, APR + 3 * HOUR), outage("MNT-1", APR, APR + HOUR, { planned: true })];
    const opts = { outageSplitting: "count-each-part", failureAttribution: "start" } as const;
    const march = serviceAvailability(cut, month(MAR, APR, opts));
    const april = serviceAvailability(cut, month(APR, MAY, opts));
    expect([march.failures, april.failures]).toEqual([1, 1]);
    // Counted once (one incident), it is March's: the downtime began at 22:00 on 31 March.
    const once = { failureAttribution: "start" } as const;
    expect([serviceAvailability(cut, month(MAR, APR, once)).failures, serviceAvailability(cut, month(APR, MAY, once)).failures]).toEqual([1, 0]);
  });

  it('"start" with count-each-part: the part running on across the boundary is March\'s', () => {
    const across2 = [outage("INC-4", APR - HOUR, APR + 2 * HOUR)];
    const opts = { outageSplitting: "count-each-part", failureAttribution: "start" } as const;
    expect(serviceAvailability(across2, month(APR, MAY, opts)).failures).toBe(0);
    expect(serviceAvailability(across2, month(MAR, APR, opts)).failures).toBe(1);
  });

  it("refuses an unknown value", () => {
    const call = () => serviceAvailability([], month(MAR, APR, { failureAttribution: "begin" as never }));
    expect(call).toThrow(ValidationError);
    try { call(); } catch (e) { expect((e as ValidationError).issues[0]?.path).toEqual(["failureAttribution"]); }
  });

  it('property: under "start", the failures of two adjacent periods add up to the failures of both together', () => {
    // Outages within four days around a split; planned or not; 24 × 7 or office hours; either splitting.
    const T = Date.UTC(2026, 2, 9); // Monday
    const outageArb = fc.record({ s: fc.integer({ min: 0, max: 4 * 24 * 4 }), len: fc.integer({ min: 1, max: 40 }), planned: fc.boolean() });
    fc.assert(
      fc.property(fc.array(outageArb, { maxLength: 6 }), fc.integer({ min: 1, max: 4 * 24 * 4 - 1 }), fc.boolean(), fc.boolean(), (rows, cut, office, each) => {
        const list: ServiceOutage[] = rows.map((r, i) => outage(`O-${i}`, T + r.s * 15 * MIN, T + (r.s + r.len) * 15 * MIN, { planned: r.planned }));
        const extra: Partial<AvailabilityOptions> = { failureAttribution: "start", ...(office ? { serviceHours: OFFICE } : {}), ...(each ? { outageSplitting: "count-each-part" } : {}) };
        const from = T, split = T + cut * 15 * MIN, to = T + 5 * DAY;
        const a = serviceAvailability(list, month(from, split, extra));
        const b = serviceAvailability(list, month(split, to, extra));
        const whole = serviceAvailability(list, month(from, to, extra));
        expect(a.failures + b.failures).toBe(whole.failures);
        expect(a.downtimeMinutes.plus(b.downtimeMinutes).toFixed()).toBe(whole.downtimeMinutes.toFixed());
      }),
      { numRuns: 300 },
    );
  });
});
