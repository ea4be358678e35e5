import { describe, expect, it } from "vitest";
import { decodeEntity, instant, isoDate } from "../../src/index.js";
import { fiscalYearPeriod, monthPeriod, periodInstants, periodToDate, quarterPeriod, serviceAvailability } from "../../src/kpi/index.js";

// The KPI guide's new examples (docs/status-and-kpis.md), run here too with the figures it states.

describe("KPI guide examples", () => {
  it("named periods", () => {
    expect(String(monthPeriod(2028, 2).to)).toBe("2028-02-29");
    expect(String(fiscalYearPeriod(2027, { startMonth: 4 }).from)).toBe("2026-04-01");
    expect(String(quarterPeriod(2027, 4, { fiscalYearStartMonth: 4 }).to)).toBe("2027-03-31");
    const q4 = periodToDate(quarterPeriod(2026, 4), isoDate("2026-11-20"));
    expect(String(q4.partial)).toBe("true");
    expect(String(q4.daysCounted)).toBe("51");
    expect(String(periodInstants(monthPeriod(2026, 3)).to)).toBe("2026-04-01T00:00:00.000Z");
    expect(String(periodInstants(monthPeriod(2026, 3), { timeZone: "Europe/Berlin" }).from)).toBe("2026-02-28T23:00:00.000Z");
  });

  it("availability as of a moment: OUT-1 still running at 06:30, 78 minutes so far", () => {
    // By hand: 05:12 → 06:30 = 78 minutes.
    const outage = (id: string, start: string, end: string) =>
      decodeEntity("service-outage", { id, version: 1, createdAt: start, updatedAt: start, service: "crm", start, end, planned: false, impact: "full" });
    const sofar = serviceAvailability([outage("OUT-1", "2026-03-09T05:12:00Z", "2026-03-09T06:47:00Z")], {
      service: "crm", from: instant("2026-03-01T00:00:00Z"), to: instant("2026-04-01T00:00:00Z"), asOf: instant("2026-03-09T06:30:00Z"),
    });
    expect(String(sofar.downtimeMinutes)).toBe("78");
    expect(String(sofar.partial)).toBe("true");
    expect(String(sofar.ongoing)).toBe("OUT-1");
  });
});
