import { describe, expect, it } from "vitest";
import { instant, isoDate } from "../../src/index.js";
import { incidentResponseTimes, monthPeriod, periodInstants, serviceAvailability, type IncidentTimes } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// MTTA/MTTR in the service's time zone: the period filter reads the local day, as serviceAvailability measures a
// month of `periodInstants(month, { timeZone })`; durations are instants apart, whatever the clocks did.

const i = (id: string, openedAt: string, ack: string, res: string): IncidentTimes => ({ id, openedAt: instant(openedAt), acknowledgedAt: instant(ack), resolvedAt: instant(res) });
const march = monthPeriod(2026, 3);
const asOf = instant("2026-04-02T00:00:00Z");
// INC-1: 31 March 21:00Z → 22:30Z, 90 min; resolved at 00:30 on 1 April in Berlin (CEST, UTC+2).
// INC-2: 28 February 23:10Z → 23:40Z, 30 min; 00:10–00:40 on 1 March in Berlin (CET, UTC+1).
const incidents = [i("INC-1", "2026-03-31T21:00:00Z", "2026-03-31T21:06:00Z", "2026-03-31T22:30:00Z"), i("INC-2", "2026-02-28T23:10:00Z", "2026-02-28T23:12:00Z", "2026-02-28T23:40:00Z")];

describe("incidentResponseTimes with timeZone", () => {
  it("UTC days (default): March is INC-1 only, MTTR 90, MTTA 6", () => {
    const t = incidentResponseTimes(incidents, { asOf, period: march });
    expect([t.resolved, t.mttrMinutes.value?.toFixed(), t.mttaMinutes.value?.toFixed()]).toEqual([["INC-1"], "90", "6"]);
  });

  it("Europe/Berlin days: resolved in March is INC-2 only (1 March 00:40 local), MTTR 30 — the month serviceAvailability measures", () => {
    // INC-1 was acknowledged at 23:06 on 31 March in Berlin, so both acknowledgements are March's: MTTA (6 + 2) ÷ 2 = 4.
    const t = incidentResponseTimes(incidents, { asOf, period: march, timeZone: "Europe/Berlin" });
    expect([t.resolved, t.acknowledged, t.mttrMinutes.value?.toFixed(), t.mttaMinutes.value?.toFixed()]).toEqual([["INC-2"], ["INC-1", "INC-2"], "30", "4"]);
    // The same month as instants: 28 February 23:00Z → 31 March 22:00Z holds INC-2's outage and not INC-1's.
    const { from, to } = periodInstants(march, { timeZone: "Europe/Berlin" });
    const outage = (id: string, s: string, e: string) => ({ id, version: 1, createdAt: instant(s), updatedAt: instant(s), service: "crm", start: instant(s), end: instant(e), planned: false, impact: "full" }) as never;
    const a = serviceAvailability([outage("INC-1", "2026-03-31T22:00:00Z", "2026-03-31T22:30:00Z"), outage("INC-2", "2026-02-28T23:10:00Z", "2026-02-28T23:40:00Z")], { service: "crm", from, to });
    expect(a.outageIds).toEqual(["INC-2"]);
  });

  it("an incident across the spring-forward change lasts its real 60 minutes, not the 2 hours the clocks show", () => {
    // 29 March 2026: opened 01:30 CET (00:30Z), resolved 03:30 CEST (01:30Z).
    const t = incidentResponseTimes([i("INC-3", "2026-03-29T00:30:00Z", "2026-03-29T00:45:00Z", "2026-03-29T01:30:00Z")], { asOf, period: march, timeZone: "Europe/Berlin" });
    expect(t.mttrMinutes.value?.toFixed()).toBe("60");
  });

  it("an unknown time zone is a ValidationError at [\"timeZone\"]", () => {
    expect(firstIssuePath(() => incidentResponseTimes(incidents, { asOf, period: { from: isoDate("2026-03-01") }, timeZone: "Europe/Berlim" }))).toEqual(["timeZone"]);
  });
});

describe("incidentResponseTimes against a published example", () => {
  it("ilert glossary: acknowledged after 2 and 3 minutes → MTTA 2.5; resolved after 45 and 75 minutes → MTTR 60", () => {
    // ilert, "The difference between MTTA and MTTR": 14:00 → 14:02 and 15:00 → 15:03, MTTA = (2 + 3) ÷ 2 = 2.5 min.
    // Resolutions (ours): 14:00 → 14:45 (45) and 15:00 → 16:15 (75): MTTR = 120 ÷ 2 = 60 min.
    const t = incidentResponseTimes(
      [i("A", "2026-05-04T14:00:00Z", "2026-05-04T14:02:00Z", "2026-05-04T14:45:00Z"), i("B", "2026-05-04T15:00:00Z", "2026-05-04T15:03:00Z", "2026-05-04T16:15:00Z")],
      { asOf: instant("2026-05-05T00:00:00Z"), period: { from: isoDate("2026-05-04"), to: isoDate("2026-05-04") } },
    );
    expect([t.mttaMinutes.value?.toString(), t.mttrMinutes.value?.toString()]).toEqual(["2.5", "60"]);
  });
});
