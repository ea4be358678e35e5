import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { instant, isoDate, type Instant } from "../../src/index.js";
import { incidentResponseTimes, type IncidentTimes } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// MTTA and MTTR of incidents: what the mean is over, unresolved incidents, and no incidents.

const i = (id: string, openedAt: string, ack?: string, res?: string): IncidentTimes => ({
  id,
  openedAt: instant(openedAt),
  ...(ack === undefined ? {} : { acknowledgedAt: instant(ack) }),
  ...(res === undefined ? {} : { resolvedAt: instant(res) }),
});
const november = { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") };
const asOf = instant("2026-12-01T00:00:00Z");
const incidents = [
  // Opened in October, resolved in November: 31 October 22:00 → 1 November 02:00 = 240 min; acknowledged after 10 min.
  i("INC-1", "2026-10-31T22:00:00Z", "2026-10-31T22:10:00Z", "2026-11-01T02:00:00Z"),
  // Opened and resolved in November: 90 min; acknowledged after 5 min.
  i("INC-2", "2026-11-10T09:00:00Z", "2026-11-10T09:05:00Z", "2026-11-10T10:30:00Z"),
  // Opened in November, still open on 1 December; acknowledged after 30 min.
  i("INC-3", "2026-11-20T12:00:00Z", "2026-11-20T12:30:00Z"),
  // Opened in November, resolved in December (after asOf 1 Dec 00:00): still open as of asOf.
  i("INC-4", "2026-11-30T20:00:00Z", "2026-11-30T20:02:00Z", "2026-12-02T08:00:00Z"),
];

describe("incidentResponseTimes", () => {
  it("basis resolved (default): MTTR over incidents resolved in November = (240 + 90) ÷ 2 = 165 min", () => {
    const t = incidentResponseTimes(incidents, { asOf, period: november });
    expect(t.resolved).toEqual(["INC-1", "INC-2"]);
    expect(t.mttrMinutes.value?.toString()).toBe("165");
    // MTTA over incidents acknowledged in November: INC-2 5, INC-3 30, INC-4 2 → 37 ÷ 3 = 12.333… min (INC-1 was
    // acknowledged in October).
    expect(t.acknowledged).toEqual(["INC-2", "INC-3", "INC-4"]);
    expect(t.mttaMinutes.value?.toFixed(6)).toBe("12.333333");
    // Unresolved: INC-3 and INC-4 (resolved after asOf) — not 0 minutes, listed.
    expect(t.unresolved).toEqual(["INC-3", "INC-4"]);
  });

  it("basis opened: MTTR over incidents opened in November and resolved by asOf = INC-2 alone, 90 min", () => {
    const t = incidentResponseTimes(incidents, { asOf, period: november, basis: "opened" });
    expect(t.resolved).toEqual(["INC-2"]);
    expect(t.mttrMinutes.value?.toString()).toBe("90");
    // MTTA over opened in November and acknowledged: INC-2 5, INC-3 30, INC-4 2 → 37 ÷ 3.
    expect(t.mttaMinutes.value?.toFixed(6)).toBe("12.333333");
    // As of 3 December INC-4 is resolved too: (90 + 36 h = 2 160 min) ÷ 2 = 1 125 min.
    expect(incidentResponseTimes(incidents, { asOf: instant("2026-12-03T00:00:00Z"), period: november, basis: "opened" }).mttrMinutes.value?.toString()).toBe("1125");
  });

  it("nothing to average is `no-incidents` with how many are still open, never 0 or NaN", () => {
    const t = incidentResponseTimes([incidents[2]!], { asOf, period: november });
    expect(t.mttrMinutes).toEqual({ reason: "no-incidents", detail: "no incident resolved in the period; 1 still open" });
    expect(incidentResponseTimes([], { asOf }).mttaMinutes).toEqual({ reason: "no-incidents", detail: "no incident acknowledged in the period; 0 not acknowledged" });
  });

  it("an MTTA with nothing to average says how many incidents were not acknowledged, not how many are still open", () => {
    // Two November incidents, neither acknowledged: INC-5 resolved on 10 November, INC-6 still open at asOf. The MTTA
    // has nothing to average because neither was acknowledged (2), not because one is open. Was "…; 1 still open".
    const t = incidentResponseTimes([i("INC-5", "2026-11-10T09:00:00Z", undefined, "2026-11-10T10:00:00Z"), i("INC-6", "2026-11-20T09:00:00Z")], { asOf, period: november });
    expect(t.mttaMinutes).toEqual({ reason: "no-incidents", detail: "no incident acknowledged in the period; 2 not acknowledged" });
    expect(t.unacknowledged).toEqual(["INC-5", "INC-6"]);
    // The MTTR's detail still counts the open ones: INC-5's 60 minutes are its figure.
    expect(t.mttrMinutes.value?.toString()).toBe("60");
    expect(incidentResponseTimes([i("INC-6", "2026-11-20T09:00:00Z")], { asOf, period: november }).mttrMinutes).toEqual({ reason: "no-incidents", detail: "no incident resolved in the period; 1 still open" });
  });

  it("with a period open at its start, an incident opened after the period's last day is not one of its unresolved", () => {
    // Period: up to 31 October. INC-3 and INC-4 were opened in November, after the period: not the period's, so
    // unresolved is [] and the MTTR detail says 0 still open. Was ["INC-3", "INC-4"] and "2 still open": with no
    // `from`, every incident open at asOf was listed, whenever it was opened.
    const t = incidentResponseTimes(incidents, { asOf, period: { to: isoDate("2026-10-31") } });
    expect(t.unresolved).toEqual([]);
    // INC-1 was acknowledged on 31 October (10 min) and resolved on 1 November, after the period.
    expect(t.mttaMinutes.value?.toString()).toBe("10");
    expect(t.mttrMinutes).toEqual({ reason: "no-incidents", detail: "no incident resolved in the period; 0 still open" });
    // Up to 20 November: INC-3 (opened 20 November, open at asOf) is the period's; INC-4 (opened 30 November) is not.
    expect(incidentResponseTimes(incidents, { asOf, period: { to: isoDate("2026-11-20") } }).unresolved).toEqual(["INC-3"]);
  });

  it("incidents never acknowledged are listed in `unacknowledged`, not silently left out of the MTTA", () => {
    // INC-5: opened 12 November 08:00, resolved 08:45 with no acknowledgement (auto-closed). INC-6: opened 25 November,
    // neither acknowledged nor resolved. Neither has a time to acknowledge, so the MTTA stays (5 + 30 + 2) ÷ 3 over
    // INC-2, INC-3, INC-4 — and both are listed. Was: no trace of them in the MTTA's result.
    const more = [...incidents, i("INC-5", "2026-11-12T08:00:00Z", undefined, "2026-11-12T08:45:00Z"), i("INC-6", "2026-11-25T10:00:00Z")];
    const t = incidentResponseTimes(more, { asOf, period: november });
    expect(t.mttaMinutes.value?.toFixed(6)).toBe("12.333333");
    expect(t.unacknowledged).toEqual(["INC-5", "INC-6"]);
    expect(incidentResponseTimes(more, { asOf, period: november, basis: "opened" }).unacknowledged).toEqual(["INC-5", "INC-6"]);
    // In October neither existed; INC-1 was acknowledged: none unacknowledged.
    expect(incidentResponseTimes(more, { asOf, period: { from: isoDate("2026-10-01"), to: isoDate("2026-10-31") } }).unacknowledged).toEqual([]);
  });

  it("refuses an id twice, a resolution before the opening, a non-UTC time and an unknown basis, at their paths", () => {
    expect(firstIssuePath(() => incidentResponseTimes([incidents[0]!, incidents[0]!], { asOf }))).toEqual([1, "id"]);
    expect(firstIssuePath(() => incidentResponseTimes([i("X", "2026-11-02T10:00:00Z", undefined, "2026-11-02T09:00:00Z")], { asOf }))).toEqual([0, "resolvedAt"]);
    expect(firstIssuePath(() => incidentResponseTimes([{ id: "Y", openedAt: "2026-11-02T10:00:00+01:00" as Instant }], { asOf }))).toEqual([0, "openedAt"]);
    expect(firstIssuePath(() => incidentResponseTimes([], { asOf, basis: "closed" as never }))).toEqual(["basis"]);
    expect(firstIssuePath(() => incidentResponseTimes([], { asOf: "2026-12-01" as Instant }))).toEqual(["asOf"]);
  });

  it("the order of incidents changes no figure (property)", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(incidents, { minLength: incidents.length, maxLength: incidents.length }), (shuffled) => {
        const a = incidentResponseTimes(incidents, { asOf, period: november });
        const b = incidentResponseTimes(shuffled, { asOf, period: november });
        expect(b.mttrMinutes.value?.toString()).toBe(a.mttrMinutes.value?.toString());
        expect(b.mttaMinutes.value?.toString()).toBe(a.mttaMinutes.value?.toString());
        expect([...b.unresolved].sort()).toEqual([...a.unresolved].sort());
      }),
      { numRuns: 30 },
    );
  });
});
