import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { benefitsRealisation, inPeriod, onTimeDelivery, portfolioHealth, portfolioVariance, serviceAvailability } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// The KPIs filter and judge records by days compared as strings. Their inputs are plain records (not decoded
// entities), so a day written "2026-3-1" used to be compared as it was: "2026-3-1" < "2026-03-10" is false ("3" >
// "0"), so a project due on 1 March counted as not overdue on 10 March.

const eur = (x: string) => money(x, "EUR");
const pathOf = firstIssuePath;
const march = { from: isoDate("2026-03-01"), to: isoDate("2026-03-31") };

describe("KPI days are checked where they enter", () => {
  it("portfolioHealth: asOf and plannedFinish must be calendar dates", () => {
    const project = (plannedFinish: string) => ({ id: "PRJ-A", active: true, plannedFinish: plannedFinish as never, openCriticalIssues: 0 });
    // Planned finish 1 March, judged on 10 March: overdue → 0 of 1 healthy.
    expect(portfolioHealth([project("2026-03-01")], { asOf: isoDate("2026-03-10") }).numerator).toBe(0);
    // The same day written "2026-3-1" used to give 1 of 1 healthy (100 %).
    expect(pathOf(() => portfolioHealth([project("2026-3-1")], { asOf: isoDate("2026-03-10") }))).toEqual([0, "plannedFinish"]);
    expect(pathOf(() => portfolioHealth([project("2026-03-01")], { asOf: "yesterday" as never }))).toEqual(["asOf"]);
  });

  it("portfolioVariance: a project's status date must be a calendar date", () => {
    const p = (statusDate: string) => ({ id: "PRJ-A", statusDate: statusDate as never, pv: eur("100"), ev: eur("90"), ac: eur("95") });
    // In March: SV% = (90 − 100) ÷ 100 × 100 = −10.
    expect(portfolioVariance([p("2026-03-10")], { currency: "EUR", period: march }).svPercent.value?.toFixed()).toBe("-10");
    // "2026-3-10" > "2026-03-31": used to fall silently outside March.
    expect(pathOf(() => portfolioVariance([p("2026-3-10")], { currency: "EUR", period: march }))).toEqual([0, "statusDate"]);
  });

  it("onTimeDelivery: baseline and actual finish must be calendar dates, with their own path", () => {
    const closed = (baselineFinish: string, actualFinish: string) => [{ id: "PRJ-A", closedOn: isoDate("2026-03-20"), baselineFinish: baselineFinish as never, actualFinish: actualFinish as never }];
    // Finished 1 March against a baseline of 10 March: on time.
    expect(onTimeDelivery(closed("2026-03-10", "2026-03-01")).met).toEqual(["PRJ-A"]);
    // "2026-3-1" > "2026-03-10": used to count as late.
    expect(pathOf(() => onTimeDelivery(closed("2026-03-10", "2026-3-1")))).toEqual([0, "actualFinish"]);
    expect(pathOf(() => onTimeDelivery(closed("2026-02-30", "2026-03-01")))).toEqual([0, "baselineFinish"]);
  });

  it("benefitsRealisation: benefit days must be calendar dates", () => {
    const mon = (date: string) => ({ id: "B-1", date: date as never, planned: eur("100"), actual: eur("80") });
    // 80 of 100 realised in March → 80 %.
    expect(benefitsRealisation({ monetary: [mon("2026-03-05")] }, { currency: "EUR", period: march }).monetary.percent.value?.toFixed()).toBe("80");
    // "2026-3-5" > "2026-03-31": used to drop out of March, leaving nothing planned.
    expect(pathOf(() => benefitsRealisation({ monetary: [mon("2026-3-5")] }, { currency: "EUR", period: march }))).toEqual(["monetary", 0, "date"]);
    const non = { id: "B-2", date: "yesterday" as never, unit: "hours", planned: "10", actual: "5" };
    expect(pathOf(() => benefitsRealisation({ nonMonetary: [non] }, { currency: "EUR" }))).toEqual(["nonMonetary", 0, "date"]);
  });

  it("inPeriod refuses a day that is not a calendar date", () => {
    expect(inPeriod(isoDate("2026-03-31"), march)).toBe(true);
    // "yesterday" >= "2026-03-01" and the period had no end check for it: it used to be "in" every open-ended period.
    expect(pathOf(() => inPeriod("yesterday" as never, { from: isoDate("2026-03-01") }))).toEqual(["date"]);
  });
});

describe("service availability reads outage times as UTC instants", () => {
  it("an outage whose start or end is not a UTC instant is refused at its path, not read as NaN", () => {
    const period = { service: "erp", from: "2026-03-01T00:00:00.000Z" as never, to: "2026-04-01T00:00:00.000Z" as never };
    const outage = (start: string, end: string) => ({ id: "OUT-1", version: 1, createdAt: "2026-03-10T12:00:00.000Z", updatedAt: "2026-03-10T12:00:00.000Z", service: "erp", start, end, impact: "full", planned: false, summary: "down" }) as never;
    // 10:00–10:30Z on 10 March: 30 minutes down.
    expect(serviceAvailability([outage("2026-03-10T10:00:00Z", "2026-03-10T10:30:00Z")], period).downtimeMinutes.toFixed()).toBe("30");
    // Date.parse("2026-03-10 10:00") reads local time and Date.parse("yesterday") is NaN: both used to pass unchecked.
    expect(pathOf(() => serviceAvailability([outage("2026-03-10 10:00", "2026-03-10T10:30:00Z")], period))).toEqual([0, "start"]);
    expect(pathOf(() => serviceAvailability([outage("2026-03-10T10:00:00Z", "yesterday")], period))).toEqual([0, "end"]);
  });
});
