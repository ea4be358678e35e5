import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimal, decodeEntity, instant, isoDate, money, ValidationError, type ServiceOutage } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";
import {
  benefitsRealisation,
  burnRate,
  changeFailureRate,
  csat,
  errorBudget,
  requestErrorBudget,
  onBudget,
  onTimeDelivery,
  portfolioHealth,
  portfolioVariance,
  resourceUtilisation,
  serviceAvailability,
  slaBreachRate,
} from "../../src/kpi/index.js";

const outages = loadSampleOffice()["service-outage"].map((x) => decodeEntity("service-outage", x)) as ServiceOutage[];
const year = { from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z") };
const eur = (x: string) => money(x, "EUR");

describe("service availability, MTBF, MTRS, MTBSI (sample outages 2026)", () => {
  it("ERP over 2026, 24 × 7, planned maintenance excluded", () => {
    // AST = 365 × 1440 = 525,600 min − 360 min planned (OUT-2026-001, 20:00–02:00) = 525,240.
    // Downtime: OUT-2026-004 39 min (13:02–13:41) + OUT-2026-007 105 min (08:20–10:05) = 144; failures 2.
    const a = serviceAvailability(outages, { service: "erp", ...year });
    expect(a.agreedMinutes.toFixed()).toBe("525240");
    expect(a.downtimeMinutes.toFixed()).toBe("144");
    expect(a.outageIds).toEqual(["OUT-2026-004", "OUT-2026-007"]);
    expect(a.availabilityPercent.value!.toFixed(6)).toBe("99.972584"); // 525,096 ÷ 525,240
    expect(a.mtrsMinutes.value!.toFixed()).toBe("72"); // 144 ÷ 2
    expect(a.mtbfMinutes.value!.toFixed()).toBe("262548"); // (525,240 − 144) ÷ 2
    expect(a.mtbsiMinutes.value!.toFixed()).toBe("262620"); // MTBF + MTRS
  });

  it("ERP over agreed service hours Mon–Fri 08:00–18:00 UTC", () => {
    // 2026 has 261 weekdays (52 weeks + Thursday 1 January) × 600 min = 156,600; both unplanned outages fall on
    // weekdays inside the hours; the planned one is on a Saturday evening.
    const a = serviceAvailability(outages, { service: "erp", ...year, serviceHours: { weekdays: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" } });
    expect(a.agreedMinutes.toFixed()).toBe("156600");
    expect(a.availabilityPercent.value!.toFixed(6)).toBe("99.908046"); // 156,456 ÷ 156,600
  });

  it("counting planned outages and restricting impacts", () => {
    const counted = serviceAvailability(outages, { service: "erp", ...year, planned: "count" });
    expect(counted.downtimeMinutes.toFixed()).toBe("504"); // 360 + 39 + 105
    expect(counted.failures).toBe(3);
    const full = serviceAvailability(outages, { service: "salesbase-crm", ...year, impacts: ["full"] });
    expect(full.outageIds).toEqual(["OUT-2026-003"]); // 07:55–11:20
    expect(full.downtimeMinutes.toFixed()).toBe("205");
    const none = serviceAvailability(outages, { service: "erp", from: instant("2026-10-01T00:00:00Z"), to: instant("2026-11-01T00:00:00Z") });
    expect(none.availabilityPercent.value!.toFixed()).toBe("100");
    expect(none.mtbfMinutes).toEqual({ reason: "no-failures" });
  });

  it("issue 12 KPIs: overlapping outages are merged, not refused; each minute counts once and the merge is one failure", () => {
    // OUT-2026-002 05:12–06:47 (95 min) and OUT-X 06:00–07:00 (60 min) overlap → one interval 05:12–07:00 = 108 min.
    // OUT-Y starts exactly when OUT-X ends (07:00–07:10): touching, so the service was never restored → same interval,
    // 05:12–07:10 = 118 min. WMS in 2026 otherwise: OUT-2026-008 45 min (04:30–05:15); OUT-2026-005 is planned.
    const clash = { ...outages[1]!, id: "OUT-X", start: instant("2026-03-09T06:00:00Z"), end: instant("2026-03-09T07:00:00Z") };
    const touch = { ...outages[1]!, id: "OUT-Y", start: instant("2026-03-09T07:00:00Z"), end: instant("2026-03-09T07:10:00Z") };
    const a = serviceAvailability([...outages, touch, clash], { service: "wms", ...year });
    expect(a.downtimeMinutes.toFixed()).toBe("163"); // 118 + 45
    expect(a.failures).toBe(2);
    expect(a.downtimeIntervals.map((i) => [i.start, i.end, i.outageIds, i.downtimeMinutes.toFixed()])).toEqual([
      ["2026-03-09T05:12:00.000Z", "2026-03-09T07:10:00.000Z", ["OUT-2026-002", "OUT-X", "OUT-Y"], "118"],
      ["2026-10-28T04:30:00.000Z", "2026-10-28T05:15:00.000Z", ["OUT-2026-008"], "45"],
    ]);
    expect(a.outages.map((o) => [o.outageId, o.downtimeMinutes.toFixed(), o.interval])).toEqual([
      ["OUT-2026-002", "95", 0], ["OUT-X", "60", 0], ["OUT-Y", "10", 0], ["OUT-2026-008", "45", 1],
    ]);
    expect(a.mtrsMinutes.value!.toFixed()).toBe("81.5"); // 163 ÷ 2
  });

  it("issue 12 #3 audit: an outage still running that starts after the period is outside it, not an error", () => {
    const later = { ...outages[1]!, id: "OUT-LATER", start: instant("2027-01-05T10:00:00Z"), end: undefined };
    const a = serviceAvailability([...outages, later], { service: "wms", ...year });
    expect(a.outageIds).toEqual(["OUT-2026-002", "OUT-2026-008"]);
    // Still running inside the period: counted up to the period end, and its interval is clipped there.
    const running = { ...later, start: instant("2026-12-31T23:00:00Z") };
    const b = serviceAvailability([...outages, running], { service: "wms", ...year });
    expect(b.downtimeIntervals.at(-1)).toMatchObject({ start: "2026-12-31T23:00:00.000Z", end: "2027-01-01T00:00:00.000Z", outageIds: ["OUT-LATER"] });
    expect(b.downtimeIntervals.at(-1)!.downtimeMinutes.toFixed()).toBe("60");
  });

  it("rejects an outage ending before it starts and periods that end before they start", () => {
    const bad = { ...outages[1]!, id: "OUT-BAD", start: instant("2026-03-09T06:00:00Z"), end: instant("2026-03-09T05:00:00Z") };
    try {
      serviceAvailability([...outages, bad], { service: "wms", ...year });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([{ path: [9, "end"], message: "an outage must end after it starts", code: "custom" }]);
    }
    expect(() => serviceAvailability(outages, { service: "erp", from: year.to, to: year.from })).toThrow(/ends .* before it starts/);
    expect(() => serviceAvailability(outages, { service: "erp", ...year, serviceHours: { weekdays: [8], start: "18:00", end: "08:00" } })).toThrow(ValidationError);
  });

  it("availability stays within 0–100% and MTBSI = MTBF + MTRS for any window (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 60 }), (startDay, days) => {
        const from = instant(new Date(Date.UTC(2026, 0, 1) + startDay * 86_400_000).toISOString());
        const to = instant(new Date(Date.UTC(2026, 0, 1) + (startDay + days) * 86_400_000).toISOString());
        for (const service of ["erp", "wms", "salesbase-crm"]) {
          const a = serviceAvailability(outages, { service, from, to });
          expect(a.availabilityPercent.value!.gte(0) && a.availabilityPercent.value!.lte(100)).toBe(true);
          if (a.failures > 0) expect(a.mtbsiMinutes.value!.eq(a.mtbfMinutes.value!.plus(a.mtrsMinutes.value!))).toBe(true);
          expect(a.failures).toBe(a.downtimeIntervals.length);
          expect(a.downtimeIntervals.reduce((s, i) => s.plus(i.downtimeMinutes), decimal(0)).eq(a.downtimeMinutes)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe("SLO error budget and burn rate", () => {
  it("99.9% over 30 days = 43.2 minutes (Google SRE)", () => {
    expect(errorBudget({ slo: "0.999", windowDays: 30 }).budgetMinutes.toFixed()).toBe("43.2");
    // 99.95% over 28 days = 0.0005 × 40,320 = 20.16 minutes
    expect(errorBudget({ slo: "0.9995", windowDays: 28 }).budgetMinutes.toFixed()).toBe("20.16");
    const used = errorBudget({ slo: "0.999", windowDays: 30, badMinutes: "21.6" });
    expect(used.consumedPercent.value!.toFixed()).toBe("50");
    expect(used.remainingMinutes.value!.toFixed()).toBe("21.6");
    expect(() => errorBudget({ slo: "1", windowDays: 30 })).toThrow(ValidationError);
    expect(() => errorBudget({ slo: "99.9", windowDays: 30 })).toThrow(/fraction/);
  });

  it("time-based budget: exhausted once the bad minutes reach the budget", () => {
    expect(errorBudget({ slo: "0.999", windowDays: 30, badMinutes: "43.1" }).exhausted).toEqual({ value: false });
    expect(errorBudget({ slo: "0.999", windowDays: 30, badMinutes: "43.2" }).exhausted).toEqual({ value: true }); // remaining 0
    expect(errorBudget({ slo: "0.999", windowDays: 30 }).exhausted).toEqual({ value: undefined, reason: "not-supplied" });
    expect(() => errorBudget({ slo: "0.999", windowDays: 30, badMinutes: "-1" })).toThrow(ValidationError);
  });

  it("request-based budget: allowed = (1 − SLO) × total, burn rate = error rate ÷ (1 − SLO), exhausted at remaining ≤ 0", () => {
    // 99.9% of 1,000,000 requests → 1,000 bad allowed; 600 bad (999,400 good) → 60% consumed, burn 0.0006 ÷ 0.001 = 0.6.
    const b = requestErrorBudget({ slo: "0.999", good: 999_400, total: 1_000_000 });
    expect([b.badEvents, b.allowedBadEvents, b.remainingBadEvents].map((x) => x.toFixed())).toEqual(["600", "1000", "400"]);
    expect(b.consumedPercent.value!.toFixed()).toBe("60");
    expect(b.burnRate.value!.toFixed()).toBe("0.6");
    expect(b.exhausted).toEqual({ value: false });
    expect(b.availabilityPercent.value!.toFixed()).toBe("99.94");
    // 99.95% of 200,000 → 100 allowed; exactly 100 bad is exhausted (burn 1), 150 bad overspends (burn 1.5, remaining −50).
    expect(requestErrorBudget({ slo: "0.9995", good: "199900", total: "200000" }).exhausted).toEqual({ value: true });
    const over = requestErrorBudget({ slo: "0.9995", good: 199_850, total: 200_000 });
    expect([over.burnRate.value!.toFixed(), over.remainingBadEvents.toFixed()]).toEqual(["1.5", "-50"]);
    expect(requestErrorBudget({ slo: "0.999", good: 0, total: 0 }).exhausted).toEqual({ value: undefined, reason: "no-events" });
    expect(() => requestErrorBudget({ slo: "0.999", good: 11, total: 10 })).toThrow(/more good events/);
    expect(() => requestErrorBudget({ slo: "0.999", good: 1.5, total: 10 })).toThrow(ValidationError);
    expect(() => requestErrorBudget(null as never)).toThrow(ValidationError);
  });

  it("request-based burn rate equals burnRate over the same counts (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (total, badRaw) => {
        const bad = badRaw % (total + 1);
        const a = requestErrorBudget({ slo: "0.995", good: total - bad, total });
        const b = burnRate([{ date: isoDate("2026-11-20"), total, bad }], { slo: "0.995" });
        expect(a.burnRate.value!.eq(b.burnRate.value!)).toBe(true);
        expect(a.exhausted.value).toBe(a.consumedPercent.value!.gte(100));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it("burn rate = error rate ÷ (1 − SLO), with a period filter", () => {
    const buckets = [
      { date: isoDate("2026-11-19"), total: 50_000, bad: 10 },
      { date: isoDate("2026-11-20"), total: 100_000, bad: 500 },
    ];
    const r = burnRate(buckets, { slo: "0.999", period: { from: isoDate("2026-11-20"), to: isoDate("2026-11-20") } });
    expect(r.burnRate.value!.toFixed()).toBe("5"); // 0.005 ÷ 0.001
    expect(r.availabilityPercent.value!.toFixed()).toBe("99.5");
    expect(burnRate(buckets, { slo: "0.999", period: { from: isoDate("2026-12-01") } }).burnRate).toEqual({ reason: "no-events" });
    expect(() => burnRate([{ date: isoDate("2026-11-20"), total: 1, bad: 2 }], { slo: "0.99" })).toThrow(ValidationError);
  });
});

describe("delivery and portfolio KPIs", () => {
  const closed = [
    { id: "A", closedOn: isoDate("2026-03-31"), baselineFinish: isoDate("2026-03-20"), actualFinish: isoDate("2026-03-20"), budget: eur("100000.00"), actualCost: eur("100000.00") },
    { id: "B", closedOn: isoDate("2026-06-30"), baselineFinish: isoDate("2026-06-01"), actualFinish: isoDate("2026-06-06"), budget: eur("100000.00"), actualCost: eur("105000.00") },
    { id: "C", closedOn: isoDate("2026-09-30"), baselineFinish: isoDate("2026-09-01"), actualFinish: isoDate("2026-09-30"), budget: eur("100000.00"), actualCost: eur("105000.01") },
    { id: "D", closedOn: isoDate("2027-01-15") },
  ];
  const y2026 = { from: isoDate("2026-01-01"), to: isoDate("2026-12-31") };

  it("on-time %: actual finish ≤ baseline + tolerance, among projects closed in the period", () => {
    expect(onTimeDelivery(closed, { period: y2026 })).toMatchObject({ numerator: 1, denominator: 3, met: ["A"] });
    const tol = onTimeDelivery(closed, { period: y2026, toleranceDays: 5 }); // B is 5 days late → on time
    expect(tol.percent.value!.toFixed(4)).toBe("66.6667");
    expect(onTimeDelivery(closed).unmeasured).toEqual(["D"]);
    expect(onTimeDelivery(closed, { period: { from: isoDate("2025-01-01"), to: isoDate("2025-12-31") } }).percent).toEqual({ reason: "no-data" });
    expect(() => onTimeDelivery(closed, { period: { from: isoDate("2026-12-31"), to: isoDate("2026-01-01") } })).toThrow(/ends .* before it starts/);
  });

  it("on-budget %: actual ≤ budget × (1 + tolerance)", () => {
    expect(onBudget(closed, { period: y2026 }).met).toEqual(["A"]);
    expect(onBudget(closed, { period: y2026, tolerance: "0.05" }).met).toEqual(["A", "B"]); // C is a cent over 105,000
  });

  it("benefits realisation: monetary and non-monetary apart, per unit", () => {
    const r = benefitsRealisation(
      {
        monetary: [
          { id: "b1", date: isoDate("2027-03-31"), planned: eur("120000.00"), actual: eur("90000.00") },
          { id: "b2", date: isoDate("2027-06-30"), planned: eur("80000.00"), actual: eur("100000.00") },
          { id: "b3", date: isoDate("2028-03-31"), planned: eur("500000.00"), actual: eur("0.00") },
        ],
        nonMonetary: [
          { id: "n1", date: isoDate("2027-06-30"), unit: "hours saved", planned: 2000, actual: 1500 },
          { id: "n2", date: isoDate("2027-06-30"), unit: "t CO2e", planned: "40", actual: "44" },
        ],
      },
      { currency: "EUR", period: { from: isoDate("2027-01-01"), to: isoDate("2027-12-31") } },
    );
    expect(r.monetary.percent.value!.toFixed()).toBe("95"); // 190,000 ÷ 200,000
    expect(r.nonMonetary["hours saved"]!.percent.value!.toFixed()).toBe("75");
    expect(r.nonMonetary["t CO2e"]!.percent.value!.toFixed()).toBe("110");
    // No benefit at all is no data (it read `nothing-planned` before the KPI audit, as if the plan were zero).
    expect(benefitsRealisation({}, { currency: "EUR" }).monetary.percent).toEqual({ reason: "no-data", detail: "no monetary benefit measured in the period" });
  });

  it("portfolio health: 1 − |red ∪ overdue ∪ critical issue| ÷ active", () => {
    const r = portfolioHealth(
      [
        { id: "CRM", active: true, colour: "green", plannedFinish: isoDate("2027-04-30"), openCriticalIssues: 0 },
        { id: "WMS", active: true, colour: "red", plannedFinish: isoDate("2027-06-30"), openCriticalIssues: 1 },
        { id: "EINV", active: true, colour: "green", plannedFinish: isoDate("2026-11-13"), openCriticalIssues: 0 },
        { id: "DCX", active: true, colour: "amber", plannedFinish: isoDate("2027-12-17"), openCriticalIssues: 0 },
        { id: "OLD", active: false, colour: "red", plannedFinish: isoDate("2025-01-01"), openCriticalIssues: 0 },
      ],
      { asOf: isoDate("2026-11-20") },
    );
    expect(r.percent.value!.toFixed()).toBe("50"); // CRM and DCX healthy of 4 active
    expect(r.why).toEqual({ WMS: ["red", "critical-issue"], EINV: ["overdue"] });
    expect(portfolioHealth([], { asOf: isoDate("2026-11-20") }).percent.reason).toBe("no-active-projects");
  });

  it("portfolio SV% and CV% from the sample's README figures", () => {
    const s = isoDate("2026-11-20");
    const r = portfolioVariance(
      [
        { id: "PRJ-CRM", statusDate: s, pv: eur("731933"), ev: eur("727698"), ac: eur("749424") },
        { id: "PRJ-WMS", statusDate: s, pv: eur("1390502"), ev: eur("909748"), ac: eur("1031877") },
      ],
      { currency: "EUR" },
    );
    // ΣPV 2,122,435, ΣEV 1,637,446, ΣAC 1,781,301 → SV −484,989 → −22.8506…%; CV −143,855 → −8.7853…%
    expect(r.sv.amount.toFixed(2)).toBe("-484989.00");
    expect(r.svPercent.value!.toFixed(4)).toBe("-22.8506");
    expect(r.cvPercent.value!.toFixed(4)).toBe("-8.7853");
    // Nothing in the period is no data (it read pv-is-zero; see empty-period-reasons.test.ts).
    expect(portfolioVariance([], { currency: "EUR" }).svPercent.reason).toBe("no-data");
  });

  it("resource utilisation: committed, forecast, actual and available hours", () => {
    const h = [
      { resourceId: "dev-1", date: isoDate("2026-11-06"), capacityHours: 40, allocatedHours: 32, confirmedHours: 4, actualHours: 36 },
      { resourceId: "dev-1", date: isoDate("2026-11-13"), capacityHours: 40, allocatedHours: 40, actualHours: 42 },
      { resourceId: "dba-1", date: isoDate("2026-11-13"), capacityHours: "20", allocatedHours: "25" },
      { resourceId: "dba-1", date: isoDate("2026-12-04"), capacityHours: 20, allocatedHours: 0 },
    ];
    const r = resourceUtilisation(h, { period: { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") } });
    // capacity 100; allocated 97; confirmed 4; actual 78 over the 80 capacity hours of the rows that record actuals
    // (dba-1 records none: its 20 hours are not 0 hours worked) → 97.5
    expect(r.overall.committedPercent.value!.toFixed()).toBe("97");
    expect(r.overall.forecastPercent.value!.toFixed()).toBe("101");
    expect(r.overall.actualPercent.value!.toFixed()).toBe("97.5");
    expect(r.byResource["dba-1"]!.availableHours.toFixed()).toBe("-5"); // over-allocated
    expect(resourceUtilisation([]).overall.committedPercent.reason).toBe("no-data"); // it read no-capacity
  });
});

describe("service management KPIs", () => {
  it("change failure rate (DORA), SLA breach %, CSAT", () => {
    const changes = [
      { id: "CHG-0058", date: isoDate("2026-03-02"), failed: true },
      { id: "CHG-0150", date: isoDate("2026-05-28"), failed: true },
      { id: "CHG-0197", date: isoDate("2026-07-11"), failed: false },
      { id: "CHG-0241", date: isoDate("2026-08-22"), failed: false },
      { id: "CHG-0355", date: isoDate("2026-10-20"), failed: true },
    ];
    expect(changeFailureRate(changes).percent.value!.toFixed()).toBe("60"); // 3 of 5
    expect(changeFailureRate(changes, { period: { from: isoDate("2026-07-01"), to: isoDate("2026-09-30") } }).percent.value!.toFixed()).toBe("0");
    expect(changeFailureRate([]).percent.reason).toBe("no-changes");
    const incidents = [
      { id: "INC-1", date: isoDate("2026-11-02"), breached: true },
      { id: "INC-2", date: isoDate("2026-11-03"), breached: false },
      { id: "INC-3", date: isoDate("2026-11-04"), breached: false },
      { id: "INC-4", date: isoDate("2026-11-05"), breached: false },
    ];
    expect(slaBreachRate(incidents).percent.value!.toFixed()).toBe("25");
    const c = csat([{ date: isoDate("2026-11-02"), rating: 5 }, { date: isoDate("2026-11-03"), rating: 4 }, { date: isoDate("2026-11-04"), rating: 2 }]);
    expect(c.mean.value!.toFixed(4)).toBe("3.6667"); // 11 ÷ 3
    expect(c.distribution).toEqual({ 1: 0, 2: 1, 3: 0, 4: 1, 5: 1 });
    // Top-two-box CSAT %: ratings 4 and 5 are "satisfied" → 2 of 3 = 66.67 %, where the mean is 3.67 of 5.
    expect(c.satisfiedPercent.value!.toFixed(2)).toBe("66.67");
    expect(() => csat([{ date: isoDate("2026-11-02"), rating: 6 }])).toThrow(ValidationError);
    expect(csat([]).mean.reason).toBe("no-responses");
    expect(csat([]).satisfiedPercent.reason).toBe("no-responses");
    // A 3 is neutral, not satisfied: ten 3s have mean 3 and 0 % satisfied.
    expect(csat(Array.from({ length: 10 }, () => ({ date: isoDate("2026-11-02"), rating: 3 }))).satisfiedPercent.value!.toFixed()).toBe("0");
  });
});

describe("bad KPI input names the record", () => {
  it("resource hours and benefit quantities", () => {
    try {
      resourceUtilisation([{ resourceId: "r", date: isoDate("2026-11-02"), capacityHours: 40, allocatedHours: "-1" }]);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([[0, "allocatedHours"]]);
    }
    try {
      benefitsRealisation({ nonMonetary: [{ id: "n", date: isoDate("2027-01-01"), unit: "h", planned: "1e3", actual: 5 }] }, { currency: "EUR" });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["nonMonetary", 0, "planned"]]);
    }
  });
});
