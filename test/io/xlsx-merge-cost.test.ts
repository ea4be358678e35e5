import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

// Merged ranges over data rows, read with mergedCells "fill" / "refuse": a range given twice, two ranges crossing at a
// cell no row stores, and a merge over lines that hold no data. ECMA-376 §18.3.1.55: a merge shows its top-left
// cell's value on every cell it covers; merged ranges do not overlap (Excel repairs a file whose ranges do by removing
// them).

const COLUMNS = ["projectId", "workPackageId", "date", "amount.amount", "amount.currency", "category", "expenditure", "description"];
const row = (line: number, cells: string[]) => `<row r="${line}">${cells.map((t, i) => (t === "" ? "" : `<c r="${"ABCDEFGH"[i]}${line}" t="inlineStr"><is><t>${t}</t></is></c>`)).join("")}</row>`;
const cost = (wp: string, day: number) => ["PRJ-CRM", wp, `2026-10-0${day}`, `${day}00.00`, "EUR", "labour", "opex"];
/** A cost sheet: row 1 the header, then `data` by line; description (column H) stored nowhere. */
function sheet(data: [number, string[]][], merges: string[]): Uint8Array {
  const xml = `<worksheet><sheetData>${row(1, COLUMNS)}${data.map(([l, c]) => row(l, c)).join("")}</sheetData><mergeCells>${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;
  return zipSync({
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Costs" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(xml),
  });
}
const THREE: [number, string[]][] = [[2, cost("WP-1", 1)], [3, cost("WP-1", 2)], [4, cost("WP-1", 3)]];
const messages = (f: () => unknown) => validationErrorOf(f).issues.map((i) => [i.path, i.message]);

describe("merged ranges over data rows: duplicates and crossings refused, cost bounded by the cells that hold data", () => {
  it.each(["fill", "refuse"] as const)("a range given twice is refused with %s, though no cell under it is stored (before: read)", (mode) => {
    expect(messages(() => importXlsx("cost-entry", sheet(THREE, ["H2:H4", "A5:A6", "H2:H4"]), { importedAt: IMPORTED_AT, mergedCells: mode }))).toEqual([
      [[2, "description"], "the merge H2:H4 is given twice: merged ranges do not overlap (Excel repairs such a workbook by removing them)"],
    ]);
  });

  it("two ranges crossing at a cell no row stores are refused (before: G3:H3 filled H3 with \"opex\" without a word)", () => {
    // G3:H3 shows G3 "opex" on H3; H2:H4 covers H3 too. Neither top-left lies in the other range, and H3 holds nothing.
    expect(messages(() => importXlsx("cost-entry", sheet(THREE, ["G3:H3", "H2:H4"]), { importedAt: IMPORTED_AT, mergedCells: "fill" }))).toEqual([
      [[3, "description"], "cell H3 is under two merges, G3:H3 and H2:H4: merged ranges do not overlap (Excel repairs such a workbook by removing them)"],
    ]);
  });

  it("fill writes into the rows that hold data, not into every line a merge spans (before: line 3, empty, became a record and was refused)", () => {
    // Lines 2 and 4 hold costs, line 3 nothing; B2 "WP-1" is merged over B2:B4. Line 3 is a blank line of the sheet
    // with only the merge's value shown on it: no row of the table, as a line of empty cells is none.
    const { records } = importXlsx("cost-entry", sheet([[2, cost("WP-1", 1)], [4, cost("", 3)]], ["B2:B4"]), { importedAt: IMPORTED_AT, mergedCells: "fill" });
    expect(records.map((r) => [r.workPackageId, r.amount.amount.toFixed(2)])).toEqual([["WP-1", "100.00"], ["WP-1", "300.00"]]);
  });

  it("a merge down to line 60,000 over two rows of data fills two rows (before: 59,999 rows were made, each refused)", () => {
    const { records } = importXlsx("cost-entry", sheet([[2, cost("WP-1", 1)], [60000, cost("", 3)]], ["B2:B60000"]), { importedAt: IMPORTED_AT, mergedCells: "fill" });
    expect(records.map((r) => r.workPackageId)).toEqual(["WP-1", "WP-1"]);
  });
});
