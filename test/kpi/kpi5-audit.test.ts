import { describe, expect, it } from "vitest";
import { instant, isoDate } from "../../src/index.js";
import { benefitsRealisation, burnRateAlerts, incidentResponseTimes, quarterPeriod, serviceAvailability, type IncidentTimes } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";
import { at, HOUR, outage, T0 } from "./outages.js";

// Fifth audit pass of the KPIs: hand-derived cases, each with its derivation.

const i = (id: string, openedAt: string, ack?: string, res?: string): IncidentTimes => ({
  id,
  openedAt: instant(openedAt),
  ...(ack === undefined ? {} : { acknowledgedAt: instant(ack) }),
  ...(res === undefined ? {} : { resolvedAt: instant(res) }),
});
const march = { from: isoDate("2026-03-01"), to: isoDate("2026-03-31") };
const asOf = instant("2026-04-01T00:00:00Z");

describe("incidentResponseTimes, basis opened: the cohort's own unresolved incidents", () => {
  // INC-JAN: opened 15 January, never acknowledged or resolved. INC-MAR: opened 10 March 10:00, acknowledged 10:30,
  // resolved 12:00 (MTTA 30, MTTR 120). The March cohort (basis "opened") is INC-MAR alone: nothing of it is still
  // open. INC-JAN is not March's cohort — as `unacknowledged` already says (it lists only incidents opened in March).
  const incidents = [i("INC-JAN", "2026-01-15T10:00:00Z"), i("INC-MAR", "2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z", "2026-03-10T12:00:00Z")];

  it("does not list an incident opened before the period as unresolved in the period's cohort", () => {
    const t = incidentResponseTimes(incidents, { asOf, period: march, basis: "opened" });
    expect(t.mttrMinutes.value?.toString()).toBe("120");
    expect(t.unacknowledged).toEqual([]);
    // Was ["INC-JAN"]: a January incident read as an open incident of the March cohort.
    expect(t.unresolved).toEqual([]);
  });

  it("the MTTR detail counts the cohort's open incidents: 0 for a March with only a January incident open", () => {
    const t = incidentResponseTimes([incidents[0]!], { asOf, period: march, basis: "opened" });
    // Was "…; 1 still open" beside "0 not acknowledged" for the same (empty) cohort.
    expect(t.mttrMinutes).toEqual({ reason: "no-incidents", detail: "no incident opened in the period and resolved by 2026-04-01T00:00:00.000Z; 0 still open" });
    // An incident opened in March and still open is the cohort's: listed, and counted in the detail.
    const open = incidentResponseTimes([incidents[0]!, i("INC-MAR2", "2026-03-20T09:00:00Z")], { asOf, period: march, basis: "opened" });
    expect(open.unresolved).toEqual(["INC-MAR2"]);
    expect(open.mttrMinutes.reason === undefined ? undefined : open.mttrMinutes.detail).toBe("no incident opened in the period and resolved by 2026-04-01T00:00:00.000Z; 1 still open");
  });

  it("basis resolved keeps the backlog: an incident opened before the period and still open is listed", () => {
    expect(incidentResponseTimes(incidents, { asOf, period: march }).unresolved).toEqual(["INC-JAN"]);
  });
});

describe("serviceAvailability: an empty impacts list", () => {
  // One full outage of crm, Monday 9 March 2026 10:00–11:00 UTC, in the day [T0, T0 + 24 h). impacts: [] counts no
  // impact as downtime: availability read 100 % (1 440 − 0) ÷ 1 440, 0 failures — a configuration slip shown as perfect
  // service. An empty list is refused at ["impacts"]; leave it out for the default (all impacts).
  const day = { service: "crm", from: at(T0), to: at(T0 + 24 * HOUR) };
  const one = [outage("o1", T0 + 10 * HOUR, T0 + 11 * HOUR)];

  it("is a ValidationError at [\"impacts\"], not 100 %", () => {
    expect(firstIssuePath(() => serviceAvailability(one, { ...day, impacts: [] }))).toEqual(["impacts"]);
    // The default still counts the hour: (1 440 − 60) ÷ 1 440 = 95.8333… %.
    expect(serviceAvailability(one, day).availabilityPercent.value?.toFixed(4)).toBe("95.8333");
  });
});

describe("burnRateAlerts: no rules", () => {
  // 99.9 %: 5 000 bad of 100 000 in the last hour is a burn rate of (5 000 ÷ 100 000) ÷ 0.001 = 50 — the default
  // page-1h rule (> 14.4) would page. With rules: [] nothing was judged and `severity` read "none" ("every rule was
  // judged"): a missing alert policy shown as a quiet SLO. An empty list is refused at ["rules"].
  const observed = { "5m": { total: 10_000, bad: 500 }, "1h": { total: 100_000, bad: 5_000 } };

  it("is a ValidationError at [\"rules\"], not severity none", () => {
    expect(burnRateAlerts({ slo: "0.999", observed }).severity).toEqual({ value: "page" });
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed, rules: [] }))).toEqual(["rules"]);
  });
});

describe("quarterPeriod: a bad fiscal-year start month is refused at the option given", () => {
  it("fiscalYearStartMonth 13 is refused at [\"fiscalYearStartMonth\"], the name the caller wrote (was [\"startMonth\"])", () => {
    expect(firstIssuePath(() => quarterPeriod(2026, 1, { fiscalYearStartMonth: 13 }))).toEqual(["fiscalYearStartMonth"]);
    expect(firstIssuePath(() => quarterPeriod(2026, 1, { fiscalYearStartMonth: 1.5 }))).toEqual(["fiscalYearStartMonth"]);
    // Q1 of FY2027 starting in April (named by its end year) is April–June 2026.
    expect(quarterPeriod(2027, 1, { fiscalYearStartMonth: 4 })).toEqual({ from: "2026-04-01", to: "2026-06-30" });
  });
});

describe("benefitsRealisation: a unit is read as written, without surrounding blanks", () => {
  it("\"hours\" and \"hours \" (a CSV's trailing blank) are one unit: (30 + 10) ÷ (40 + 40) = 50 %", () => {
    // B-1: planned 40 h, actual 30 h; B-2 (unit "hours ", as a spreadsheet export leaves it): planned 40, actual 10.
    // Together 40 ÷ 80 = 50 %. Was two groups, "hours" 75 % and "hours " 25 %: a report shows the first and reads 75 %.
    const r = benefitsRealisation(
      {
        nonMonetary: [
          { id: "B-1", date: isoDate("2026-03-31"), unit: "hours", planned: "40", actual: "30" },
          { id: "B-2", date: isoDate("2026-03-31"), unit: "hours ", planned: "40", actual: "10" },
        ],
      },
      { currency: "EUR" },
    );
    expect(Object.keys(r.nonMonetary)).toEqual(["hours"]);
    expect(r.nonMonetary["hours"]?.percent.value?.toString()).toBe("50");
  });
});
