import { describe, expect, it } from "vitest";
import { instant, type ServiceOutage } from "../../src/index.js";
import { errorBudget, monthPeriod, periodInstants, serviceAvailability } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// A time-based error budget is (1 − SLO) × the time the SLO is measured over. `windowDays` assumes days of 1 440
// minutes; a month in a zone with daylight saving time, or agreed service hours, is not that. `windowMinutes` takes
// the measured time itself — the agreed minutes `serviceAvailability` returns.

const outage = (id: string, start: string, end: string): ServiceOutage =>
  ({ id, version: 1, createdAt: start, updatedAt: start, service: "erp", start, end, planned: false, impact: "full" }) as never;

describe("errorBudget over the agreed service time (windowMinutes)", () => {
  it("March 2026 in Berlin is 743 hours (29 March has 23): 99.9 % allows 44.58 minutes, not the 44.64 of 31 × 1 440", () => {
    // 31 days × 24 h − 1 h (clocks go forward on 29 March) = 743 h = 44 580 min; × 0.001 = 44.58 min.
    const march = periodInstants(monthPeriod(2026, 3), { timeZone: "Europe/Berlin" });
    const a = serviceAvailability([outage("O-1", "2026-03-10T09:00:00Z", "2026-03-10T09:30:00Z")], { service: "erp", ...march });
    expect(a.agreedMinutes.toFixed()).toBe("44580");
    const b = errorBudget({ slo: "0.999", windowMinutes: a.agreedMinutes, badMinutes: a.downtimeMinutes });
    expect(b.budgetMinutes.toFixed()).toBe("44.58");
    // 30 minutes down: 14.58 left, 30 ÷ 44.58 = 67.29475…% spent.
    expect(b.remainingMinutes.value?.toFixed()).toBe("14.58");
    expect(b.consumedPercent.value?.toFixed(5)).toBe("67.29475");
    expect(errorBudget({ slo: "0.999", windowDays: 31 }).budgetMinutes.toFixed()).toBe("44.64");
  });

  it("office hours: 22 weekdays × 10 h = 13 200 agreed minutes allow 13.2 minutes at 99.9 %", () => {
    // June 2026 has 22 weekdays (1 June is a Monday; 30 days = 4 weeks + 2 days, Mon and Tue): 22 × 600 = 13 200 min.
    const june = periodInstants(monthPeriod(2026, 6), { timeZone: "Europe/Berlin" });
    const a = serviceAvailability([], { service: "erp", ...june, serviceHours: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00", timeZone: "Europe/Berlin" } });
    expect(a.agreedMinutes.toFixed()).toBe("13200");
    expect(errorBudget({ slo: "0.999", windowMinutes: a.agreedMinutes }).budgetMinutes.toFixed()).toBe("13.2");
  });

  it("exactly one of windowDays and windowMinutes; windowMinutes is a decimal above 0", () => {
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowDays: 30, windowMinutes: 43_200 }))).toEqual(["windowMinutes"]);
    expect(firstIssuePath(() => errorBudget({ slo: "0.999" }))).toEqual(["windowDays"]);
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowMinutes: 0 }))).toEqual(["windowMinutes"]);
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowMinutes: "ten" }))).toEqual(["windowMinutes"]);
  });
});

describe("errorBudget burn rate over the elapsed part of the window", () => {
  it("99.9 % over 30 days, 10 days in, 21.6 bad minutes: burn rate 1.5, budget gone in 10 more days", () => {
    // Budget 43.2 min. Error rate so far 21.6 ÷ 14 400 (10 days) = 0.0015; ÷ 0.001 = 1.5 (50 % spent in a third of
    // the window). Remaining 21.6 min at 0.0015 bad minutes per minute lasts 21.6 ÷ 0.0015 = 14 400 min = 10 days.
    const b = errorBudget({ slo: "0.999", windowDays: 30, badMinutes: "21.6", elapsedMinutes: 14_400 });
    expect(b.burnRate.value?.toFixed()).toBe("1.5");
    expect(b.minutesToExhaustion.value?.toFixed()).toBe("14400");
  });

  it("no bad minutes never exhausts (`no-failures`); spent already is 0; without elapsed time, `not-supplied`", () => {
    const none = errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 0, elapsedMinutes: 14_400 });
    expect(none.burnRate.value?.toFixed()).toBe("0");
    expect(none.minutesToExhaustion).toEqual({ reason: "no-failures", detail: "no bad minutes yet: the budget is not being spent" });
    expect(errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 50, elapsedMinutes: 14_400 }).minutesToExhaustion.value?.toFixed()).toBe("0");
    expect(errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 5 }).burnRate).toEqual({ reason: "not-supplied" });
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 5, elapsedMinutes: 0 }))).toEqual(["elapsedMinutes"]);
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 5, elapsedMinutes: 50_000 }))).toEqual(["elapsedMinutes"]);
    expect(firstIssuePath(() => errorBudget({ slo: "0.999", windowDays: 30, badMinutes: 15_000, elapsedMinutes: 14_400 }))).toEqual(["badMinutes"]);
  });
});
