import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeOffice } from "../../src/cli/office.js";
import { isoDate } from "../../src/core/index.js";
import { importDataset } from "../../src/io/index.js";
import { projectSection, type ReportBlock, type ReportSection, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";

// milestoneSlips measures a forecast that has passed, not reached, to the status date (ev15: forecastPassed). The
// ledger printed the passed forecast beside that slip with nothing saying why the two disagree (forecast 2026-11-02,
// slip counted to 2026-11-20). The Forecast cell now says the day passed.
const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
const office = await analyzeOffice(records, { statusDate: SAMPLE_STATUS_DATE });
const blocks = (s: ReportSection): ReportBlock[] => [...s.blocks, ...(s.sections ?? []).flatMap(blocks)];

describe("milestone slip ledger: a forecast day that has passed", () => {
  it("the Forecast cell says it passed unreached; other forecasts read as before", () => {
    const wms = office.projects.find((p) => p.code === "PRJ-WMS")!;
    const [first, second] = wms.slips;
    // Hand-made: the first milestone forecast for 2026-11-02 (before the status date 2026-11-20), not reached.
    const { forecastPassed: _, ...plain } = second!;
    const slips = [{ ...first!, forecastDate: isoDate("2026-11-02"), actualDate: undefined, forecastPassed: true as const }, plain];
    const table = [projectSection({ code: wms.code, name: wms.name, series: wms.series, slips })].flatMap(blocks)
      .find((b): b is TableBlock => b.kind === "table" && (b.table.caption ?? "").startsWith("Milestones in baseline order"))!.table;
    expect(table.caption).toContain("a forecast passed without an actual slips at least to the status date");
    const forecast = (name: string) => cellText(table.rows.find((r) => r[0] === name)![4]!);
    expect(forecast(first!.name)).toBe("2026-11-02 (passed, not reached)");
    expect(forecast(second!.name)).toBe(second!.forecastDate ?? "");
  });
});
