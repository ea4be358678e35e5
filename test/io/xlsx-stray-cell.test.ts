import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvProblems, importXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

function book(data: readonly string[]): Uint8Array {
  const rows = `<row r="1">${["id", "projectId", "date", "amount.amount", "amount.currency", "category", "expenditure"].map((t, i) => text(`${"ABCDEFG"[i]}1`, t)).join("")}</row>`
    + `<row r="2">${data.map((t, i) => text(`${"ABCDEFGHI"[i]}2`, t)).join("")}</row>`;
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
  });
}

// A note typed in a column right of the table (no header above it). Before: TypeError "Cannot read properties of
// undefined (reading 'split')" — an unexpected error, not a problem at its cell. After: refused at [row, "column H"]
// (the value would otherwise be dropped); an empty cell there is no problem.
describe("XLSX cell right of the header", () => {
  it("is refused at its row and column", () => {
    const problems = csvProblems(validationErrorOf(() => importXlsx("cost-entry", book(["c1", "P", "2026-10-01", "1.00", "EUR", "labour", "opex", "stray note"]), { importedAt: IMPORTED_AT })));
    expect(problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, "column H", 'column 8 has no header, so its value "stray note" would be lost']]);
  });

  it("an empty one is no problem", () => {
    expect(importXlsx("cost-entry", book(["c1", "P", "2026-10-01", "1.00", "EUR", "labour", "opex", ""]), { importedAt: IMPORTED_AT }).records.map((r) => r.id)).toEqual(["c1"]);
  });
});
