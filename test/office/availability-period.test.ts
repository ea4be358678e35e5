import { describe, expect, it } from "vitest";
import { instant } from "../../src/core/index.js";
import { analyzeDelivery } from "../../src/cli/office.js";
import { serviceAvailability } from "../../src/kpi/index.js";
import { analyzeOffice, officeReport, sampleOfficeRecords, SAMPLE_STATUS_DATE } from "../../src/office/index.js";
import { renderMarkdownReport } from "../../src/reports/index.js";
import { HEAVY } from "../cli/run.js";

// The office's availability was labelled "(year to date)" but measured as a closed period ending with the status
// date: each result said `partial: false`, as if the period were over, and nothing said which days were counted.
// It is now the calendar year measured as of the end of the status date: partial, with what was measured.

const records = sampleOfficeRecords();
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const md = renderMarkdownReport(officeReport(office));
const lines = md.split("\n");

describe("office availability: the calendar year, measured to the end of the status date", { timeout: HEAVY }, () => {
  it("exposes the period: 2026-01-01 to 2026-12-31, measured to 2026-11-20 inclusive", () => {
    // 1 Jan to 20 Nov 2026: 31+28+31+30+31+30+31+31+30+31 = 304 days to 31 Oct, + 20 = 324 days of 365.
    expect(office.availabilityPeriod).toEqual({
      year: { from: "2026-01-01", to: "2026-12-31" },
      period: { from: "2026-01-01", to: "2026-11-20" },
      partial: true,
      daysCounted: 324,
      daysInPeriod: 365,
      measuredTo: "2026-11-21T00:00:00.000Z",
    });
  });

  it("each service's result is partial and says where it was measured to", () => {
    expect(office.availability.length).toBeGreaterThan(0);
    for (const a of office.availability) {
      expect([a.service, a.partial, a.measuredTo]).toEqual([a.service, true, "2026-11-21T00:00:00.000Z"]);
    }
  });

  it("the figures are those of 1 Jan to the end of the status date, as before", () => {
    const from = instant("2026-01-01T00:00:00.000Z");
    const to = instant("2026-11-21T00:00:00.000Z");
    for (const a of office.availability) {
      const closed = serviceAvailability(records["service-outage"], { service: a.service, from, to });
      expect([a.availabilityPercent.value?.toFixed(), a.downtimeMinutes.toFixed(), a.agreedMinutes.toFixed(), a.failures])
        .toEqual([closed.availabilityPercent.value?.toFixed(), closed.downtimeMinutes.toFixed(), closed.agreedMinutes.toFixed(), closed.failures]);
    }
    // erp: 144 of 466,200 agreed minutes down → 99.969 % (test/cli/office-report.test.ts derives it).
    const erp = office.availability.find((a) => a.service === "erp")!;
    expect([erp.downtimeMinutes.toFixed(), erp.agreedMinutes.toFixed()]).toEqual(["144", "466200"]);
  });

  it("labels the days measured in the KPI table and the executive summary", () => {
    expect(lines).toContain("| Availability erp (2026-01-01 – 2026-11-20, to status date) | 99.969% | 144 of 466,200 agreed minutes down, 2 unplanned failures |");
    expect(md).not.toContain("(year to date)");
    expect(lines.some((l) => l.startsWith("| Availability salesbase-crm (2026-01-01 – 2026-11-20, to status date) | "))).toBe(true);
  });

  it("on 31 December the year is whole: not partial, labelled as the calendar year", () => {
    const year = analyzeDelivery(records, "2026-12-31");
    expect(year.availabilityPeriod).toEqual({
      year: { from: "2026-01-01", to: "2026-12-31" },
      period: { from: "2026-01-01", to: "2026-12-31" },
      partial: false,
      daysCounted: 365,
      daysInPeriod: 365,
      measuredTo: "2027-01-01T00:00:00.000Z",
    });
    expect(year.availability.every((a) => !a.partial)).toBe(true);
    const text = renderMarkdownReport(officeReport({ ...office, ...year }));
    expect(text).toContain("| Availability erp (2026-01-01 – 2026-12-31, calendar year) | ");
  });
});
