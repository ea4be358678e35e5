import { describe, expect, it } from "vitest";
import { decimal, metric, missing } from "../../src/core/index.js";
import { fixed, htmlTable, markdownTable, renderJsonReport, tableToCsv, validateReport, xlsxCell, type ReportTable } from "../../src/reports/index.js";

// Indices rounded to 2 places as the EVM figures are: a TCPI of exactly 1, a CPI of 0.97134, an SPI of 1.0049.
const table: ReportTable = {
  columns: ["Project", "CPI", "SPI", "TCPI", "SV(t)"],
  rows: [["CRM", fixed(metric(decimal("0.97134")), 2), fixed(metric(decimal("1.0049")), 2), fixed(metric(decimal("1")), 2), fixed(metric(decimal("-3")), 1)]],
};

describe("ratio figures print with their fixed places everywhere", () => {
  // Before: a Decimal keeps no trailing zeros, so TCPI 1 read "1" (and SPI 1.0049 read "1") beside CPI "0.97".
  it("HTML, Markdown and CSV", () => {
    expect(htmlTable(table)).toContain('<td class="num">0.97</td><td class="num">1.00</td><td class="num">1.00</td><td class="num">-3.0</td>');
    expect(markdownTable(table).split("\n")[2]).toBe("| CRM | 0.97 | 1.00 | 1.00 | -3.0 |");
    expect(tableToCsv(table)).toBe("Project,CPI,SPI,TCPI,SV(t)\r\nCRM,0.97,1.00,1.00,-3.0\r\n");
  });

  it("JSON keeps the places in the decimal string", () => {
    const json = JSON.parse(renderJsonReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "table", table }] }] })) as { sections: { blocks: { rows: unknown[][] }[] }[] };
    expect(json.sections[0]!.blocks[0]!.rows[0]).toEqual(["CRM", "0.97", "1.00", "1.00", "-3.0"]);
  });

  it("a workbook writes the number with the places in its format", () => {
    expect(xlsxCell(fixed(metric(decimal("1")), 2))).toEqual({ kind: "number", value: 1, format: "#,##0.00" });
    expect(xlsxCell(fixed(metric(decimal("0.97134")), 2))).toEqual({ kind: "number", value: 0.97, format: "#,##0.00" });
  });

  it("a missing figure keeps its reason; a negative that rounds to zero reads 0.00", () => {
    expect(fixed(missing("ac-is-zero"), 2)).toEqual({ reason: "ac-is-zero" });
    expect(tableToCsv({ columns: ["CPI"], rows: [[fixed(metric(decimal("-0.0001")), 2)]] })).toBe("CPI\r\n0.00\r\n");
  });

  it("places out of range are refused with their path", () => {
    expect(() => validateReport({ title: "T", sections: [{ heading: "H", blocks: [{ kind: "table", table: { columns: ["x"], rows: [[{ value: decimal("1"), places: 1.5 }]] } }] }] })).toThrow(/places/);
  });
});
