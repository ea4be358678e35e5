// Seventh audit pass, strict options: a misspelt option key (`tolerenceDays`, `timezone`) used to be ignored while
// the default ran. Every KPI function with an options object now refuses a key it does not know, at [key] (the
// layer's option errors are at the key itself, e.g. ["windowMinutes"]), naming the keys it takes.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  benefitsRealisation, burnRate, burnRateAlerts, changeFailureRate, csat, errorBudget, fiscalYearPeriod, incidentResponseTimes,
  onBudget, onTimeDelivery, periodInstants, portfolioHealth, portfolioVariance, quarterPeriod, requestErrorBudget,
  resourceUtilisation, serviceAvailability, slaBreachRate, monthPeriod,
} from "../../src/kpi/index.js";

function expectRefused(call: () => unknown, path: (string | number)[], takes: string, fn: string) {
  let err: unknown;
  try { call(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as ValidationError).issues).toEqual([{ path, message: `unknown option (${fn} takes ${takes})`, code: "custom" }]);
}

const bogus = { bogus: 1 } as never;

describe("kpi: unknown option keys are refused", () => {
  it("delivery, portfolio and service-management KPIs", () => {
    expectRefused(() => onTimeDelivery([], { tolerenceDays: 5 } as never), ["tolerenceDays"], "period, toleranceDays", "onTimeDelivery");
    expectRefused(() => onBudget([], bogus), ["bogus"], "period, tolerance", "onBudget");
    expectRefused(() => benefitsRealisation({}, { currency: "EUR", bogus: 1 } as never), ["bogus"], "currency, period", "benefitsRealisation");
    expectRefused(() => portfolioHealth([], { asOf: "2026-11-20", bogus: 1 } as never), ["bogus"], "asOf", "portfolioHealth");
    expectRefused(() => portfolioVariance([], { currency: "EUR", bogus: 1 } as never), ["bogus"], "currency, period", "portfolioVariance");
    expectRefused(() => resourceUtilisation([], bogus), ["bogus"], "period", "resourceUtilisation");
    expectRefused(() => changeFailureRate([], { periode: {} } as never), ["periode"], "period", "changeFailureRate");
    expectRefused(() => slaBreachRate([], bogus), ["bogus"], "period", "slaBreachRate");
    expectRefused(() => csat([], bogus), ["bogus"], "period", "csat");
    // Correct calls still run: nothing to count.
    expect(changeFailureRate([], {}).percent.reason).toBe("no-changes");
    expect(onTimeDelivery([], { toleranceDays: 5 }).percent.reason).toBe("no-data");
  });

  it("service availability, incident times, SLO and burn rates", () => {
    expectRefused(() => serviceAvailability([], { service: "erp", from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z", plannedOutages: "count" } as never), ["plannedOutages"],
      "service, from, to, asOf, serviceHours, planned, impacts, outageSplitting, failureAttribution", "serviceAvailability");
    expectRefused(() => incidentResponseTimes([], { asOf: "2026-03-01T00:00:00Z", timezone: "Europe/Berlin" } as never), ["timezone"], "asOf, period, basis, timeZone", "incidentResponseTimes");
    expectRefused(() => errorBudget({ slo: "0.999", windowDays: 30, badMinute: "5" } as never), ["badMinute"], "slo, windowDays, windowMinutes, badMinutes, elapsedMinutes", "errorBudget");
    expectRefused(() => requestErrorBudget({ slo: "0.999", good: 1, total: 1, bad: 0 } as never), ["bad"], "slo, good, total", "requestErrorBudget");
    expectRefused(() => burnRate([], { slo: "0.999", bogus: 1 } as never), ["bogus"], "slo, period", "burnRate");
    expectRefused(() => burnRateAlerts({ slo: "0.999", observed: {}, window: 28 } as never), ["window"], "slo, windowDays, observed, rules", "burnRateAlerts");
    // Correct call: 30 days × 1440 min × 0.001 = 43.2 budget minutes.
    expect(errorBudget({ slo: "0.999", windowDays: 30 }).budgetMinutes.toString()).toBe("43.2");
  });

  it("named periods", () => {
    expectRefused(() => quarterPeriod(2026, 1, { startMonth: 4 } as never), ["startMonth"], "fiscalYearStartMonth, namedBy", "quarterPeriod");
    expectRefused(() => fiscalYearPeriod(2026, { startMonth: 4, namedby: "start" } as never), ["namedby"], "startMonth, namedBy", "fiscalYearPeriod");
    expectRefused(() => periodInstants(monthPeriod(2026, 3), { timezone: "Europe/Berlin" } as never), ["timezone"], "timeZone", "periodInstants");
    // Correct call: fiscal year 2026 starting in April runs 2025-04-01 to 2026-03-31 (named by its end).
    expect(fiscalYearPeriod(2026, { startMonth: 4 })).toMatchObject({ from: "2025-04-01", to: "2026-03-31" });
  });
});
