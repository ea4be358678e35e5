import { strToU8, zipSync } from "fflate";

const COLUMNS = ["projectId", "workPackageId", "date", "amount.amount", "amount.currency", "category", "expenditure"];
const LETTERS = "ABCDEFG";

/**
 * Three cost rows (lines 2–4) whose work package B2 "WP-1" is merged down over B2:B4, as a finance sheet groups the
 * invoices of one package: Excel shows WP-1 beside all three, but the file holds it in B2 only (B3, B4 are empty
 * cells covered by the merge, ECMA-376 §18.3.1.55).
 */
export function workbook(merge = "B2:B4"): Uint8Array {
  const text = (ref: string, t: string) => (t === "" ? "" : `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`);
  const row = (line: number, cells: string[]) => `<row r="${line}">${cells.map((t, i) => text(`${LETTERS[i]}${line}`, t)).join("")}</row>`;
  const data = [
    ["PRJ-CRM", "WP-1", "2026-10-01", "100.00", "EUR", "labour", "opex"],
    ["PRJ-CRM", "", "2026-10-02", "200.00", "EUR", "labour", "opex"],
    ["PRJ-CRM", "", "2026-10-03", "300.00", "EUR", "labour", "opex"],
  ];
  const sheet = `<worksheet><sheetData>${row(1, COLUMNS)}${data.map((d, i) => row(i + 2, d)).join("")}</sheetData><mergeCells count="1"><mergeCell ref="${merge}"/></mergeCells></worksheet>`;
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}

