import type { Cell, Workbook } from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { encodeXstring } from "../../core/xstring.js";
import { replaceNonXmlChars } from "../escape.js";
import type { Report } from "../report.js";
import { RAG_FILLS, TONE_FILLS, type XlsxCell } from "./cell.js";
import { planXlsxReport, type XlsxSheetPlan } from "./plan.js";

function writeCell(target: Cell, c: XlsxCell): void {
  switch (c.kind) {
    case "empty":
      return;
    case "number":
      target.value = c.value;
      target.numFmt = c.format;
      target.alignment = { horizontal: "right" };
      return;
    case "date":
      // The serial day itself, not a JS Date: no time zone can move it.
      target.value = c.serial;
      target.numFmt = c.format;
      return;
    case "rag":
      // The cover's colour lines carry the rule's user text: escaped like any text (see below).
      target.value = encodeXstring(c.value);
      target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: RAG_FILLS[c.colour] } };
      target.font = { bold: true };
      return;
    case "text":
      // A plain string value: exceljs writes it as a shared string, never as a formula, whatever it starts with.
      // Escaped as ECMA-376 ST_Xstring (exceljs writes it raw): a literal `_x0041_` reads back as written, not "A",
      // and a CR as a CR, not an LF.
      target.value = encodeXstring(c.value);
      target.alignment = { wrapText: c.value.includes("\n"), vertical: "top" };
      // A toned text (NOK, blocked) is filled like a RAG cell; its word stays the value.
      if (c.tone !== undefined) {
        target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: TONE_FILLS[c.tone] } };
        target.font = { bold: true };
      }
      return;
  }
}

function addSheet(book: Workbook, plan: XlsxSheetPlan, filter: boolean): void {
  const ws = book.addWorksheet(plan.name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = plan.headers.map((h, i) => ({ header: encodeXstring(h), width: plan.widths[i] ?? 10 }));
  ws.getRow(1).font = { bold: true };
  plan.rows.forEach((r, ri) => {
    const row = ws.getRow(ri + 2);
    r.forEach((c, ci) => writeCell(row.getCell(ci + 1), c));
  });
  if (filter && plan.headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, plan.rows.length + 1), column: plan.headers.length } };
}

/**
 * A report as an Excel workbook (`.xlsx` bytes): a cover sheet with the status date, the contents and the rule
 * behind every RAG colour, then one sheet per table or figures block with a frozen, filtered header row and
 * fitting column widths. Numbers, money and dates are native cells with display formats (money keeps its exact
 * decimal: a value a double cannot hold exactly is written as text and listed on the cover); RAG cells are filled
 * and carry their letter and word. The workbook holds no formulas: text starting with `=` stays text.
 *
 * @example
 * ```ts
 * writeFileSync("pmo-report/report.xlsx", await renderXlsxReport(officeReport(office)));
 * ```
 */
export async function renderXlsxReport(report: Report): Promise<Uint8Array> {
  const plan = planXlsxReport(report);
  // Loaded on first use: importing pmokit/reports stays light for the renderers that do not need it.
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "pmokit";
  // The document properties (docProps/core.xml) are plain XML, not a cell: ExcelJS drops C0 controls there but writes
  // U+FFFE/U+FFFF raw, which makes the whole workbook unreadable. Those become U+FFFD, as escapeHtml does; the cover
  // sheet keeps the exact title.
  book.title = replaceNonXmlChars(plan.title);
  // Fixed document dates: the same report gives the same workbook, whatever the clock says.
  book.created = new Date(0);
  book.modified = new Date(0);
  addSheet(book, plan.cover, false);
  for (const s of plan.sheets) addSheet(book, s, true);
  const buffer = await book.xlsx.writeBuffer();
  return stampZip(new Uint8Array(buffer as ArrayBuffer));
}

// exceljs stamps each zip entry with the clock; repack with one fixed time (built from local fields, which is what
// the zip format stores) so the same report gives byte-identical workbooks.
const FIXED_ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

function stampZip(bytes: Uint8Array): Uint8Array {
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) entries[name] = [data, { mtime: FIXED_ZIP_TIME }];
  return zipSync(entries, { level: 6 });
}
