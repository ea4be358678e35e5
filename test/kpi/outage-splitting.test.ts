import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal, instant, type ServiceOutage } from "../../src/index.js";
import { serviceAvailability } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// The outage-splitting convention: an unplanned outage that a maintenance window (or the end of the agreed service
// hours) cuts into parts is one failure (`"count-once"`, default: one incident, one failure, as ITIL counts incidents)
// or one failure per part (`"count-each-part"`).

const HOUR = 3_600_000;
const at = (ms: number) => instant(new Date(ms));
const outage = (id: string, start: number, end: number, planned = false): ServiceOutage =>
  ({ id, version: 1, createdAt: at(start), updatedAt: at(start), service: "crm", start: at(start), end: at(end), planned, impact: "full" }) as never;
const MON = Date.UTC(2026, 2, 2); // Monday 2 March 2026
const day = { service: "crm", from: at(MON), to: at(MON + 24 * HOUR) };
// INC-1 10:00–14:00 unplanned; MNT-1 11:00–12:00 planned maintenance inside it.
const split = [outage("INC-1", MON + 10 * HOUR, MON + 14 * HOUR), outage("MNT-1", MON + 11 * HOUR, MON + 12 * HOUR, true)];

describe("serviceAvailability: an outage split by a maintenance window (outageSplitting)", () => {
  it("count-once (default): one failure; AST 1 380, down 180, MTBF 1 200, MTRS 180, MTBSI 1 380", () => {
    // By hand: AST = 1 440 − 60 (maintenance) = 1 380 min; downtime = 10–11 (60) + 12–14 (120) = 180 min.
    // One incident → 1 failure: MTBF = (1 380 − 180) ÷ 1 = 1 200; MTRS = 180 ÷ 1; MTBSI = 1 380 ÷ 1.
    // Availability = 1 200 ÷ 1 380 × 100 = 86.956521739130434…
    const a = serviceAvailability(split, day);
    expect(a.conventions.outageSplitting).toBe("count-once");
    expect(a.agreedMinutes.toFixed()).toBe("1380");
    expect(a.downtimeMinutes.toFixed()).toBe("180");
    expect(a.failures).toBe(1);
    expect(a.availabilityPercent.value?.toFixed(6)).toBe("86.956522");
    expect([a.mtbfMinutes, a.mtrsMinutes, a.mtbsiMinutes].map((m) => m.value?.toFixed())).toEqual(["1200", "180", "1380"]);
    expect(a.downtimeIntervals.map((i) => [i.start, i.end, i.outageIds, i.downtimeMinutes.toFixed()])).toEqual([
      ["2026-03-02T10:00:00.000Z", "2026-03-02T14:00:00.000Z", ["INC-1"], "180"],
    ]);
    expect(a.outages.map((o) => [o.outageId, o.downtimeMinutes.toFixed(), o.interval, o.intervals])).toEqual([["INC-1", "180", 0, [0]]]);
    // Stated explicitly, the same figures.
    expect(serviceAvailability(split, { ...day, outageSplitting: "count-once" }).failures).toBe(1);
  });

  it("count-each-part: two failures (10–11 and 12–14); MTBF 600, MTRS 90, MTBSI 690; availability unchanged", () => {
    // By hand: the same 1 380 min AST and 180 min down, over 2 failures: MTBF = 1 200 ÷ 2 = 600, MTRS = 180 ÷ 2 = 90,
    // MTBSI = 1 380 ÷ 2 = 690. Availability does not depend on the count: 86.956522 %.
    const a = serviceAvailability(split, { ...day, outageSplitting: "count-each-part" });
    expect(a.conventions.outageSplitting).toBe("count-each-part");
    expect(a.failures).toBe(2);
    expect(a.downtimeMinutes.toFixed()).toBe("180");
    expect(a.availabilityPercent.value?.toFixed(6)).toBe("86.956522");
    expect([a.mtbfMinutes, a.mtrsMinutes, a.mtbsiMinutes].map((m) => m.value?.toFixed())).toEqual(["600", "90", "690"]);
    expect(a.downtimeIntervals.map((i) => [i.start, i.end, i.outageIds, i.downtimeMinutes.toFixed()])).toEqual([
      ["2026-03-02T10:00:00.000Z", "2026-03-02T11:00:00.000Z", ["INC-1"], "60"],
      ["2026-03-02T12:00:00.000Z", "2026-03-02T14:00:00.000Z", ["INC-1"], "120"],
    ]);
    // INC-1 lies in both parts: its own downtime is still 180, `interval` the first part, `intervals` both.
    expect(a.outages.map((o) => [o.outageId, o.downtimeMinutes.toFixed(), o.interval, o.intervals])).toEqual([["INC-1", "180", 0, [0, 1]]]);
  });

  it("with planned: \"count\" nothing is split (maintenance is downtime): one failure 10–14 either way", () => {
    // By hand: AST 1 440; INC-1 and MNT-1 merge into 10–14 = 240 min, one stretch → 1 failure in both conventions.
    for (const outageSplitting of ["count-once", "count-each-part"] as const) {
      const a = serviceAvailability(split, { ...day, planned: "count", outageSplitting });
      expect([a.failures, a.downtimeMinutes.toFixed(), a.mtrsMinutes.value?.toFixed()]).toEqual([1, "240", "240"]);
    }
  });

  it("the end of the agreed service hours splits too: Mon 17:00 – Tue 09:00 under 08:00–18:00 is 1 or 2 failures", () => {
    // By hand: Mon–Tue 2–3 March, hours 08–18 UTC: AST 2 × 600 = 1 200 min; downtime Mon 17–18 (60) + Tue 08–09 (60).
    // count-once: 1 failure, MTRS 120; count-each-part: 2 failures, MTRS 60, MTBF (1 200 − 120) ÷ 2 = 540.
    const night = [outage("INC-2", MON + 17 * HOUR, MON + 33 * HOUR)];
    const hours = { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" };
    const period = { service: "crm", from: at(MON), to: at(MON + 48 * HOUR), serviceHours: hours };
    const once = serviceAvailability(night, period);
    expect([once.failures, once.downtimeMinutes.toFixed(), once.mtrsMinutes.value?.toFixed(), once.mtbfMinutes.value?.toFixed()]).toEqual([1, "120", "120", "1080"]);
    const each = serviceAvailability(night, { ...period, outageSplitting: "count-each-part" });
    expect([each.failures, each.downtimeMinutes.toFixed(), each.mtrsMinutes.value?.toFixed(), each.mtbfMinutes.value?.toFixed()]).toEqual([2, "120", "60", "540"]);
  });

  it("two outages on either side of a maintenance window are two failures in both conventions (two incidents)", () => {
    // INC-A 10–11, MNT 11–12, INC-B 12–13: the service was not restored between them, but they are two incidents.
    const two = [outage("INC-A", MON + 10 * HOUR, MON + 11 * HOUR), outage("MNT", MON + 11 * HOUR, MON + 12 * HOUR, true), outage("INC-B", MON + 12 * HOUR, MON + 13 * HOUR)];
    expect(serviceAvailability(two, day).failures).toBe(2);
    expect(serviceAvailability(two, { ...day, outageSplitting: "count-each-part" }).failures).toBe(2);
  });

  it("the result states its conventions; an unknown outageSplitting is a ValidationError at [\"outageSplitting\"]", () => {
    const a = serviceAvailability(split, { ...day, impacts: ["full"] });
    expect(a.conventions).toEqual({ planned: "exclude", impacts: ["full"], outageSplitting: "count-once", failureAttribution: "overlap" });
    expect(serviceAvailability([], day).conventions).toEqual({ planned: "exclude", impacts: ["full", "partial", "degraded"], outageSplitting: "count-once", failureAttribution: "overlap" });
    expect(firstIssuePath(() => serviceAvailability(split, { ...day, outageSplitting: "once" as never }))).toEqual(["outageSplitting"]);
  });

  it("count-each-part never counts fewer failures, and changes neither downtime nor availability (property)", () => {
    // With 24 × 7 and planned outages counted there is nothing to cut the downtime: both counts are equal.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 * 24 * 60 }), fc.integer({ min: 1, max: 900 }), fc.boolean()), { maxLength: 8 }), fc.boolean(), (spec, hours) => {
        const outs = spec.map(([s, len, planned], i) => outage(`O${i}`, MON + s * 60_000, MON + (s + len) * 60_000, planned));
        const p = { service: "crm", from: at(MON), to: at(MON + 3 * 24 * HOUR), ...(hours ? { serviceHours: { weekdays: [1, 2, 3], start: "08:00", end: "18:00" } } : {}) };
        const once = serviceAvailability(outs, p);
        const each = serviceAvailability(outs, { ...p, outageSplitting: "count-each-part" });
        expect(each.failures).toBeGreaterThanOrEqual(once.failures);
        expect([each.downtimeMinutes.toFixed(), each.availabilityPercent]).toEqual([once.downtimeMinutes.toFixed(), once.availabilityPercent]);
        expect(each.downtimeIntervals.reduce((n, i) => n.plus(i.downtimeMinutes), decimal(0)).eq(each.downtimeMinutes)).toBe(true);
        if (!hours) expect(serviceAvailability(outs, { ...p, planned: "count", outageSplitting: "count-each-part" }).failures).toBe(serviceAvailability(outs, { ...p, planned: "count" }).failures);
      }),
      { numRuns: 100 },
    );
  });
});
