import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { decodeEntity, type StatusReport } from "../../src/entities/index.js";
import { analyzeDelivery } from "../../src/cli/office.js";
import { projectLines } from "../../src/cli/summary.js";
import { analyzeOffice, officeReport, sampleOfficeRecords, SAMPLE_STATUS_DATE } from "../../src/office/index.js";
import { renderMarkdownReport } from "../../src/reports/index.js";
import { statusReportInForce } from "../../src/status/index.js";

// The office reads each project's published status report in force at the status date (the latest with asOf on or
// before it) and applies its overall override, so the PMO sees the project manager's published colour.

const DCX_REASON = "Computed green, published amber: SPI and CPI near 1.2 reflect one early milestone, and the lease-end exposure (RSK-DCX-001) stays open until the wave plan is approved.";

describe("the sample office applies the published status reports", () => {
  it("PRJ-DCX shows amber, Frank Meyer's override of the computed green of 2026-10-30, with his reason", async () => {
    const office = await analyzeOffice(sampleOfficeRecords(), { statusDate: SAMPLE_STATUS_DATE });
    const dcx = office.projects.find((p) => p.code === "PRJ-DCX")!;
    // SR-DCX-2026-10 (as of 2026-10-30, published 2026-11-03) rates every dimension green — computed green then —
    // and publishes amber. On 2026-11-20 the rules give amber too (cost: EAC 1,989,016.82 > BAC), so the override
    // does not change the colour at the status date, but it is the PM's published word and is shown as such.
    expect(dcx.rag.overall).toEqual({
      colour: "amber", computed: "amber", worstDimensions: ["cost"],
      override: { colour: "amber", comment: DCX_REASON, by: "p-frank-meyer", reportId: "SR-DCX-2026-10", asOf: "2026-10-30", computedThen: "green" },
    });
    // 2026-10-30 → 2026-11-20 is 21 days: within one monthly cycle (31 days), not stale.
    expect(dcx.published?.report.id).toBe("SR-DCX-2026-10");
    expect(dcx.published?.ageDays).toBe(21);
    expect(dcx.published?.stale).toBeUndefined();
    // The other three reports publish the computed colour (no override): the status-date computation stands.
    for (const p of office.projects.filter((x) => x.code !== "PRJ-DCX")) {
      expect(p.rag.overall.override, p.code).toBeUndefined();
      expect(p.published?.report.asOf, p.code).toBe("2026-10-30");
    }
    // The report's computed green stays in the data (computedThen). On the status date the rules give amber
    // themselves (EAC 1,989,016.82 above the BAC 1,951,000.00, within its 5 %: ≤ 2,048,550.00), so they are the reason
    // and the published amber is named after them; its comment, written for 2026-10-30, stays in the data.
    const rule = "Cost: EAC EUR 1,989,016.82 > BAC and ≤ EUR 2,048,550.00 → amber (published amber by Frank Meyer as of 2026-10-30)";
    expect(dcx.rag.overall.override?.comment).toBe(DCX_REASON);
    const md = renderMarkdownReport(officeReport(office));
    expect(md).toContain(`| PRJ-DCX — Data centre exit to the cloud | **A** Amber — ${rule.replace(">", "&gt;")} | Accept the variance or approve a corrective action |`);
    // The CLI's evm lines (what `pmokit evm` and `demo` print) read the same analysis.
    expect(projectLines(office.projects, office.people)).toContain(`           why PRJ-DCX amber: ${rule}`);
  }, 120_000);
});

// Hand-built reports of PRJ-EINV (computed green on 2026-11-20, every dimension green).
const at = (day: string) => `${day}T10:00:00.000Z`;
function report(id: string, asOf: string, published: string, override?: { colour: string; comment: string; by: string }, projectId = "PRJ-EINV"): StatusReport {
  return decodeEntity("status-report", {
    id, version: 1, createdAt: at(published), updatedAt: at(published), projectId, asOf, authorId: "p-claudia-schmitt",
    ragByDimension: [{ dimension: "schedule", colour: "green", comment: "on plan" }, { dimension: "cost", colour: "amber", comment: "CPI 0.93" }],
    overall: { colour: override?.colour ?? "amber", ...(override ? { override: { comment: override.comment, by: override.by } } : {}) }, summary: "s", publishedAt: at(published), publishedBy: "p-claudia-schmitt",
  }) as StatusReport;
}
const red = { colour: "red", comment: "Customer tests slipping", by: "p-claudia-schmitt" };
const green = { colour: "green", comment: "Cost variance accepted by the sponsor", by: "p-claudia-schmitt" };

function einv(reports: StatusReport[]) {
  const records = sampleOfficeRecords();
  return analyzeDelivery({ ...records, "status-report": reports }, SAMPLE_STATUS_DATE).projects.find((p) => p.code === "PRJ-EINV")!;
}

describe("statusReportInForce: which published report stands at the status date", () => {
  const asOf = isoDate("2026-11-20");

  it("no report: nothing published, the computed colour stands", () => {
    expect(statusReportInForce([], { projectId: "PRJ-EINV", asOf })).toBeUndefined();
    const p = einv([]);
    expect(p.published).toBeUndefined();
    expect(p.rag.overall).toMatchObject({ colour: "green", computed: "green" });
    expect(p.rag.overall.override).toBeUndefined();
  });

  it("a report dated after the status date is ignored (and another project's report too)", () => {
    const later = report("sr-later", "2026-11-27", "2026-11-30", red);
    const other = report("sr-other", "2026-11-13", "2026-11-16", red, "PRJ-CRM");
    expect(statusReportInForce([later, other], { projectId: "PRJ-EINV", asOf })).toBeUndefined();
    expect(einv([later, other]).rag.overall).toMatchObject({ colour: "green", computed: "green" });
    // On its own as-of date it is in force (0 days old).
    expect(statusReportInForce([later], { projectId: "PRJ-EINV", asOf: isoDate("2026-11-27") })).toMatchObject({ ageDays: 0, report: { id: "sr-later" } });
  });

  it("two reports: the later one wins, whichever order they come in", () => {
    const october = report("sr-oct", "2026-10-30", "2026-11-03", red);
    const november = report("sr-nov", "2026-11-13", "2026-11-16", green);
    for (const reports of [[october, november], [november, october]]) {
      const p = einv(reports);
      expect(p.published?.report.id).toBe("sr-nov");
      // Green over the computed green of 2026-11-20; the report's own dimensions gave amber (worst of green, amber).
      expect(p.rag.overall).toMatchObject({ colour: "green", computed: "green", override: { colour: "green", reportId: "sr-nov", asOf: "2026-11-13", computedThen: "amber" } });
    }
    // The later report carries no override: the computed colour stands, the earlier override is not carried over.
    const plain = report("sr-nov-plain", "2026-11-13", "2026-11-16");
    const p = einv([october, plain]);
    expect(p.published?.report.id).toBe("sr-nov-plain");
    expect(p.rag.overall.override).toBeUndefined();
    expect(p.rag.overall.colour).toBe("green");
  });

  it("a correction (same as-of date, published later) replaces the report it corrects", () => {
    const first = report("sr-b", "2026-11-13", "2026-11-16", red);
    const correction = report("sr-a", "2026-11-13", "2026-11-17", green);
    expect(statusReportInForce([correction, first], { projectId: "PRJ-EINV", asOf })?.report.id).toBe("sr-a");
  });

  it("a report older than staleAfterDays (default 31) is flagged stale; its override still applies and says so", () => {
    const old = report("sr-sep", "2026-09-30", "2026-10-02", red);
    // 2026-09-30 → 2026-11-20: 30 + 20 = 51 days.
    const why = "51 days old on 2026-11-20, more than 31";
    expect(statusReportInForce([old], { projectId: "PRJ-EINV", asOf })).toMatchObject({ ageDays: 51, stale: why, override: { colour: "red", stale: why } });
    expect(statusReportInForce([old], { projectId: "PRJ-EINV", asOf, staleAfterDays: 60 })?.stale).toBeUndefined();
    // 31 days exactly is not stale, 32 is.
    expect(statusReportInForce([old], { projectId: "PRJ-EINV", asOf: isoDate("2026-10-31") })?.stale).toBeUndefined();
    expect(statusReportInForce([old], { projectId: "PRJ-EINV", asOf: isoDate("2026-11-01") })?.stale).toBe("32 days old on 2026-11-01, more than 31");
    const p = einv([old]);
    expect(p.rag.overall).toMatchObject({ colour: "red", computed: "green", override: { stale: why } });
    const line = projectLines([p]).find((l) => l.includes("why PRJ-EINV"));
    expect(line).toMatch(/^ {11}why PRJ-EINV red \(overridden from green\): override by p-claudia-schmitt as of 2026-09-30 \(stale: 51 days old on 2026-11-20, more than 31\): Customer tests slipping \(computed green on 2026-11-20\)$/);
  });

  it("refuses a staleAfterDays that is not a whole number ≥ 0, and a bad date", () => {
    expect(() => statusReportInForce([], { projectId: "P", asOf, staleAfterDays: -1 })).toThrow(/staleAfterDays/);
    expect(() => statusReportInForce([], { projectId: "P", asOf, staleAfterDays: 1.5 })).toThrow(/staleAfterDays/);
    expect(() => statusReportInForce([], { projectId: "P", asOf: "20-11-2026" as never })).toThrow(/asOf/);
  });
});
