import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * A merged range shows the value of its top-left cell only, across every cell it covers (ECMA-376 §18.3.1.55; Excel,
 * when merging by hand, keeps "only the upper-left value"). The file may still hold values in the other covered
 * cells — a workbook written by a tool, or crafted — and the sheet never shows them. Reading them is importing what
 * the user who checked the sheet could not see; filling over them drops them without a word.
 */
const COLUMNS = ["projectId", "workPackageId", "date", "amount.amount", "amount.currency", "category", "expenditure"];
function workbook(b2: string, b3: string, merges = ["B2:B4"]): Uint8Array {
  const cell = (ref: string, t: string) => (t === "" ? "" : `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`);
  const row = (line: number, cells: string[]) => `<row r="${line}">${cells.map((t, i) => cell(`${"ABCDEFG"[i]}${line}`, t)).join("")}</row>`;
  const data = [
    ["PRJ-CRM", b2, "2026-10-01", "100.00", "EUR", "labour", "opex"],
    ["PRJ-CRM", b3, "2026-10-02", "200.00", "EUR", "labour", "opex"],
    ["PRJ-CRM", "", "2026-10-03", "300.00", "EUR", "labour", "opex"],
  ];
  const sheet = `<worksheet><sheetData>${row(1, COLUMNS)}${data.map((d, i) => row(i + 2, d)).join("")}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}
const HIDDEN = 'cell B3 holds "WP-9" under the merge B2:B4, which shows B2 on every cell it covers: the sheet does not show "WP-9" (unmerge the cells, or mergedCells "top-left" to read the cells as stored)';

describe("XLSX: a value hidden under a merged cell", () => {
  it("is refused by default when the merge's own cell is empty (before: WP-9 imported on row 3, though the sheet shows no package)", () => {
    const e = validationErrorOf(() => importXlsx("cost-entry", workbook("", "WP-9"), { importedAt: IMPORTED_AT }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[[3, "workPackageId"], HIDDEN]]);
  });

  it('is refused with mergedCells "fill" (before: WP-1 filled over it, so WP-9 was dropped without a word)', () => {
    const e = validationErrorOf(() => importXlsx("cost-entry", workbook("WP-1", "WP-9"), { importedAt: IMPORTED_AT, mergedCells: "fill" }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[[3, "workPackageId"], HIDDEN]]);
  });

  it('mergedCells "top-left" reads the cells as stored, the hidden one too (openpyxl, pandas)', () => {
    const { records } = importXlsx("cost-entry", workbook("", "WP-9"), { importedAt: IMPORTED_AT, mergedCells: "top-left" });
    expect(records.map((r) => r.workPackageId)).toEqual([undefined, "WP-9", undefined]);
  });

  it("two merges over one cell are refused at the first cell they share (a file Excel repairs by removing them)", () => {
    // B2:B4 and B3:B4 share B3 (row 3, the work package column). Before: each merge was read on its own.
    const e = validationErrorOf(() => importXlsx("cost-entry", workbook("WP-1", "", ["B2:B4", "B3:B4"]), { importedAt: IMPORTED_AT, mergedCells: "fill" }));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[[3, "workPackageId"], "cell B3 is under two merges, B2:B4 and B3:B4: merged ranges do not overlap (Excel repairs such a workbook by removing them)"]]);
  });

  it('the control: nothing hidden, "fill" still fills', () => {
    const { records } = importXlsx("cost-entry", workbook("WP-1", ""), { importedAt: IMPORTED_AT, mergedCells: "fill" });
    expect(records.map((r) => r.workPackageId)).toEqual(["WP-1", "WP-1", "WP-1"]);
  });
});
