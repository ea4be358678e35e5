import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importXlsx, readXlsx } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";

/** Cost rows on lines 2–4; line 3 (an old EUR 999.00 booking) hidden when `hidden` is set, as a filter leaves it. */
function workbook(hidden: string | undefined): Uint8Array {
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const row = (line: number, cells: string[], attrs = "") => `<row r="${line}"${attrs}>${cells.map((t, i) => text(`${"ABCDEFG"[i]}${line}`, t)).join("")}</row>`;
  const cost = (id: string, amount: string) => [id, "PRJ-CRM", "2026-10-01", amount, "EUR", "labour", "opex"];
  const rows = [
    row(1, ["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"]),
    row(2, cost("CE-1", "100.00")),
    row(3, cost("CE-OLD", "999.00"), hidden === undefined ? "" : ` hidden="${hidden}"`),
    row(4, cost("CE-2", "200.00")),
  ].join("");
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
  });
}

describe("XLSX hidden rows", () => {
  // Before: the hidden EUR 999.00 row was imported with the others and the report said nothing, though the user who
  // filtered it out never saw it in the sheet. It is still imported (a filter is no deletion), now with a warning.
  it.each(["1", "true"])('a data row with hidden="%s" is imported with a hidden-row warning naming it', (flag) => {
    const { records, report } = importXlsx("cost-entry", workbook(flag), { importedAt: IMPORTED_AT });
    expect(records.map((r) => r.id)).toEqual(["CE-1", "CE-OLD", "CE-2"]);
    expect(report.warnings.map((w) => [w.code, w.path])).toEqual([["hidden-row", "[3]"]]);
    expect(readXlsx(workbook(flag)).sheets[0]!.hiddenRows).toEqual([3]);
  });

  it("no warning when every row is visible", () => {
    for (const bytes of [workbook(undefined), workbook("0")]) {
      expect(importXlsx("cost-entry", bytes, { importedAt: IMPORTED_AT }).report.warnings).toEqual([]);
      expect(readXlsx(bytes).sheets[0]!.hiddenRows).toBeUndefined();
    }
  });
});
