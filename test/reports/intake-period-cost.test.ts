import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { importDataset } from "../../src/io/index.js";
import { intakeSection, type ChartBlock, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

// Audit of the office report's selection figures: the intake section showed REQ-2027-003 (the NIS2 SOC) at EUR
// 835,000.00 under "Estimated cost" in the ranked table and at EUR 330,000.00 under "Cost" in the selected portfolio,
// with the value/cost chart's axis titled "Estimated cost" too — two different figures under one name. The selection
// counts the cost lines of its period (FY2027) only; the ranked table every line. The selection's column and chart
// now name the period.
const wire = loadSampleOffice() as unknown as { request: { id: string; key: string; estimatedCost: { period: string; amount: { amount: string } }[] }[] };
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];
const euros = (lines: { amount: { amount: string } }[]) => lines.reduce((a, l) => a + Math.round(Number(l.amount.amount) * 100), 0) / 100;

describe("intake: the selection's costs are named by their period", () => {
  const s = intakeSection({ scoreboard: office.scoreboard, requests: office.requests, selection: { ...office.selection, demandUnit: "hours" } });
  const table = (caption: string) => blocks(s).find((b): b is TableBlock => b.kind === "table" && b.table.caption === caption)!.table;

  it("the ranked table's estimated cost is every line; the selected portfolio's is FY2027's, and says so", () => {
    const soc = wire.request.find((r) => r.key === "REQ-2027-003")!;
    // From the sample's own lines: every period, and FY2027 alone.
    const all = euros(soc.estimatedCost);
    const fy2027 = euros(soc.estimatedCost.filter((l) => l.period === "FY2027"));
    expect([all, fy2027]).toEqual([835000, 330000]);
    const ranked = table("Ranked requests with score breakdown");
    const rankedCost = ranked.columns.findIndex((c) => (typeof c === "string" ? c : c.header) === "Estimated cost");
    expect(cellText(ranked.rows.find((r) => cellText(r[1]!) === "REQ-2027-003")![rankedCost]!)).toBe("EUR 835,000.00");
    const selected = table("Selected portfolio");
    expect(selected.columns.map((c) => (typeof c === "string" ? c : c.header))).toEqual(["Request", "Title", "Value", "Cost FY2027"]);
    expect(cellText(selected.rows.find((r) => cellText(r[0]!) === "REQ-2027-003")![3]!)).toBe("EUR 330,000.00");
  });

  it("the value/cost chart's axis and caption name the period too", () => {
    const chart = blocks(s).find((b): b is ChartBlock => b.kind === "chart" && b.file === "charts/value-cost.svg")!;
    expect(chart.svg).toContain(">Cost FY2027 (EUR)</text>");
    expect(chart.svg).not.toContain("Estimated cost");
    expect(chart.caption).toBe("Value against cost in FY2027 (EUR); filled: selected, dashed: not selected; bubble area: integration demand in hours.");
  });
});
