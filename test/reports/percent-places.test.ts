import { describe, expect, it } from "vitest";
import { decimal, metric } from "../../src/core/index.js";
import { finishDistributionChart, htmlTable, markdownTable, percent, renderJsonReport, tableToCsv, type ReportTable } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import { percentText } from "../../src/cli/summary.js";

// Readiness per wave: 3 of 4 installed (75 %), 2 of 3 trained (66.666…% → 66.7 % at one place), all 5 succeeded.
const table: ReportTable = {
  columns: ["Wave", "Installed %", "Trained %", "Install success %"],
  rows: [["Wave 1", percent(metric(decimal("75")), 1), percent(metric(decimal("66.66666666")), 1), percent(metric(decimal("100")), 1)]],
};

describe("percent() keeps its places in every renderer: one convention per table", () => {
  it("reads 75.0% beside 66.7%, never 75%", () => {
    // Before: "75%" and "100%" beside "66.7%" — a Decimal keeps no trailing zeros, so percent() dropped them, while
    // the KPI table and the terminal (percentText) printed "75.0%".
    expect(markdownTable(table).split("\n")[2]).toBe("| Wave 1 | 75.0% | 66.7% | 100.0% |");
    expect(tableToCsv(table)).toBe("Wave,Installed %,Trained %,Install success %\r\nWave 1,75.0,66.7,100.0\r\n");
    expect(htmlTable(table)).toContain("75.0%");
  });

  it("keeps the places in JSON too", () => {
    const json = renderJsonReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "table", table }] }] });
    expect(json).toContain('"75.0"');
  });

  it("keeps the extra places a figure short of 100% needs", () => {
    expect(cellText(percent(metric(decimal("99.96")), 1))).toBe("99.96%");
    expect(cellText(percent(metric(decimal("0.04")), 1))).toBe("0.04%");
  });

  it("the terminal and the charts read as the tables: one formatter", () => {
    expect(percentText(metric(decimal("75")), 1)).toBe(cellText(percent(metric(decimal("75")), 1)));
    expect(percentText(metric(decimal("99.96")), 1)).toBe("99.96%");
  });
});
