import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { officeReport } from "../../src/cli/office-report.js";
import { decimal, metric, ValidationError } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import { judgeKpis, percentCell, projectSection, renderJsonReport, renderMarkdownReport, tableToCsv, validateReport, xlsxCell, type Report, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

// One figure reads the same everywhere in the office report: a missing figure says why, numbers carry thousands
// separators, a column keeps one number of places, and a KPI has one name in the summary and in the portfolio.
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const report = officeReport(office);
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];
const tableOf = (sections: readonly ReportSection[], caption: string) =>
  sections.flatMap(blocks).find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith(caption))!.table;

describe("milestone slip without a figure", () => {
  const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
  const [first, second] = wms.slips;
  const slips = [
    // No forecast and no actual date: nothing to measure the slip to.
    { ...first!, forecastDate: undefined, actualDate: undefined, slip: undefined, slipFromOriginal: undefined, status: "overdue" as const },
    // No baseline date: nothing to measure the slip from (the original plan still gives the slip from original).
    { ...second!, baselineDate: undefined, slip: undefined, status: "no-baseline" as const },
  ];
  const ledger = tableOf([projectSection({ code: wms.code, name: wms.name, series: wms.series, slips })], "Milestones in baseline order");

  it("shows n/a with its reason in the Slip cells, as every other missing figure", () => {
    const slipCells = (name: string) => ledger.rows.filter((r) => r[0] === name).map((r) => [cellText(r[6]!), cellText(r[7]!)])[0];
    // before: ["", ""] for the milestone without forecast or actual; after: the reason.
    expect(slipCells(first!.name)).toEqual(["n/a (not-supplied: no forecast or actual date)", "n/a (not-supplied: no forecast or actual date)"]);
    // before: ["", "35"]; after: the slip from the baseline says why it is missing, the slip from original stays.
    expect(slipCells(second!.name)).toEqual(["n/a (no-baseline)", "35"]);
  });
});

describe("summary KPI figures", () => {
  it("carry thousands separators like the rest of the report", () => {
    // before: "1234.57 min", "≤ 1000 min"; after: "1,234.57 min" (1234.567 half-even to 2 places), "≤ 1,000 min".
    expect(judgeKpis([{ label: "MTTR", actual: metric(decimal("1234.567")), target: { atMost: "1000" }, unit: " min" }])[0]).toEqual({
      label: "MTTR", status: "missed", actual: "1,234.57 min", target: "≤ 1,000 min", rule: "1,234.57 min > 1,000 min: above target",
    });
  });

  it("show availability with the places the detail uses: wms 1 − 140 / 466,200 = 99.96997 % → 99.970% in both", () => {
    const wms = office.availability.find((a) => a.service === "wms")!;
    expect(wms.availabilityPercent.value!.toDecimalPlaces(5).toFixed()).toBe("99.96997");
    // before: "99.97%" (trailing zero dropped) beside "99.969%" for erp; after: "99.970%".
    // A percent cell with its places keeps them in every renderer's text.
    expect(cellText({ ...percentCell("99.97"), places: 3 })).toBe("99.970%");
    expect(judgeKpis([{ label: "wms", actual: wms.availabilityPercent, target: { atLeast: "99.95" }, unit: "%", places: 3 }])[0]!.actual).toBe("99.970%");
    const kpis = tableOf(report.sections, "KPIs as of");
    expect(kpis.rows.filter((r) => String(r[0]).startsWith("Availability")).map((r) => cellText(r[1]!))).toEqual(["99.969%", "99.946%", "99.970%"]);
  });

  it("read the same in the summary and the portfolio: health 3 of 4 = 75% to one place reads 75.0% in both", () => {
    const md = renderMarkdownReport(report) as string;
    // before: summary "75%" (places dropped), portfolio "75%" beside "99.969%"; after: "75.0%" with its one place in both.
    expect(md).toContain("| Portfolio health | 75.0% | ≥ 80% | **R** Red — 75.0% &lt; 80%: below target |");
    expect(md).toContain("| Portfolio health | 75.0% | active projects not red, not overdue, no open critical issue: 3 of 4 (not: PRJ-WMS) |");
  });
});

describe("selected portfolio Value column", () => {
  it("keeps one number of places: the forced-in NIS2 request reads 0.000 beside 68.182", () => {
    const t = tableOf(report.sections, "Selected portfolio");
    // before: ["68.182", "0", "59.091"]; after: three places each.
    expect(t.rows.map((r) => cellText(r[2]!))).toEqual(["68.182", "0.000", "59.091"]);
  });
});

describe("KPI names", () => {
  it("names on-budget delivery alike in the summary and the portfolio", () => {
    const md = renderMarkdownReport(report) as string;
    // before: summary "On-budget delivery", portfolio "On budget"; after: "On-budget delivery" in both.
    expect(md).toContain("- On-budget delivery (target ≥ 80%): not measured (no-data): cannot be judged");
    expect(md).toContain("| On-budget delivery | n/a (no-data) | closed projects within budget: 0 of 0 |");
    expect(md).not.toContain("| On budget |");
  });
});

describe("a percent cell's places in every renderer", () => {
  const cell = { ...percentCell("99.97"), places: 3 };
  const table = { kind: "table" as const, table: { columns: ["KPI", "Figure"], rows: [["wms", cell]] } };
  const one: Report = { title: "T", asOf: "2026-11-20", sections: [{ heading: "KPIs", blocks: [table] }] };

  it("pads to the places in text, CSV, JSON and XLSX (99.97 with 3 places → 99.970)", () => {
    expect(tableToCsv(table.table).trim().split("\n")[1]).toBe("wms,99.970");
    expect(JSON.stringify(JSON.parse(renderJsonReport(one)))).toContain('{"percent":"99.970"}');
    // XLSX: the number stays 99.97 (a workbook adds it up); its format shows three places (it showed two).
    expect(xlsxCell(cell)).toEqual({ kind: "number", value: 99.97, format: '#,##0.000"%"' });
  });

  it("refuses places that are not a whole number from 0 to 20", () => {
    const bad = { ...one, sections: [{ heading: "KPIs", blocks: [{ ...table, table: { ...table.table, rows: [["wms", { ...cell, places: 1.5 }]] } }] }] };
    expect(() => validateReport(bad)).toThrow(/places is a whole number from 0 to 20/);
    expect(() => cellText({ ...cell, places: -1 })).toThrow(ValidationError);
  });
});

describe("portfolio health with a project the RAG rules could not rate", () => {
  it("names the unrated project it counted as not red, rather than passing it off as healthy", async () => {
    const { portfolioHealth } = await import("../../src/kpi/index.js");
    const { isoDate } = await import("../../src/core/index.js");
    // The sample's four running projects, PRJ-CRM with no overall colour (too few dimensions rated): it is not red,
    // so portfolioHealth counts it among the healthy, and returns it in `unrated`.
    const uncoloured = office.projects.map((p) => (p.code === "PRJ-CRM" ? { ...p, rag: { ...p.rag, overall: { ...p.rag.overall, colour: undefined } } } : p));
    const health = portfolioHealth(office.kpis.health.met.concat(office.kpis.health.notMet).map((id) => {
      const p = uncoloured.find((x) => x.code === id)!;
      return { id, active: true, plannedFinish: isoDate("2099-12-31"), openCriticalIssues: 0, ...(p.rag.overall.colour ? { colour: p.rag.overall.colour } : {}) };
    }), { asOf: isoDate(SAMPLE_STATUS_DATE) });
    expect(health.unrated).toEqual(["PRJ-CRM"]);
    const md = renderMarkdownReport(officeReport({ ...office, projects: uncoloured as typeof office.projects, kpis: { ...office.kpis, health } }));
    // before: "…: 3 of 4 (not: PRJ-WMS) |" with PRJ-CRM silently among the 3.
    const line = md.split("\n").find((l) => l.startsWith("| Portfolio health | ") && l.includes("active projects"));
    expect(line).toContain("; not rated, counted as not red: PRJ-CRM");
  });
});
