import type { Workbook, Worksheet } from "exceljs";
import { encodeEntity, entityJsonSchema, type EntityOf } from "../../entities/index.js";
import { wireCellText } from "../csv/csv.js";
import { CSV_PROFILES, csvProfile, type CsvKind } from "../csv/profiles.js";
import { ValidationError, checkOptionKeys, type ValidationIssue } from "../../core/index.js";
import { XLSX_MAX_CELL_CHARS } from "../../core/xstring.js";
import { columnLetter, groupedCount } from "../../core/column-letter.js";
import { encodeXstring } from "./xstring.js";

type JsonNode = { readonly type?: string; readonly enum?: readonly unknown[]; readonly description?: string; readonly properties?: Readonly<Record<string, JsonNode>>; readonly required?: readonly string[]; readonly items?: JsonNode };

/** The JSON Schema node of a field path (`amount.currency`), and whether every step is required. */
function fieldSchema(kind: CsvKind, path: string): { node: JsonNode | undefined; required: boolean } {
  let node: JsonNode | undefined = entityJsonSchema(kind) as JsonNode;
  let required = true;
  for (const p of path.split(".")) {
    if (node?.properties === undefined || !Object.prototype.hasOwnProperty.call(node.properties, p)) return { node: undefined, required: false };
    required &&= node.required?.includes(p) ?? false;
    node = node.properties[p];
  }
  return { node, required };
}

/** exceljs is loaded on first use, so importing pmokit/io does not load it. */
async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  book.modified = new Date(0);
  return book;
}

function bytesOf(buffer: unknown): Uint8Array {
  return new Uint8Array(buffer as ArrayBuffer);
}

function addRecordSheet(book: Workbook, name: string, columns: readonly string[]): Worksheet {
  const ws = book.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  ws.columns = columns.map((c) => ({ header: c, width: Math.max(12, c.length + 2) }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/**
 * Records as an `.xlsx` workbook, one sheet per kind (named after the kind), with the CSV export's columns and cell
 * texts: field paths as headers, lists one item per line, structured values as JSON. Every cell is a text cell, so
 * ids, amounts and dates come back exactly as written (and nothing is a formula); {@link importXlsxWorkbook} reads it
 * back to the same records.
 *
 * @throws {ValidationError} when a cell's text is longer than Excel's {@link XLSX_MAX_CELL_CHARS} (32,767) characters —
 *   Excel would cut it on open — one issue per such cell at `[kind, index, field]`, its message naming the sheet cell
 *   and the record id (`requirement!G3 (REQ-LONG): 40,019 characters; …`). Nothing is written.
 * @example
 * ```ts
 * writeFileSync("office.xlsx", await exportXlsx({ "cost-entry": costs, requirement: requirements }));
 * ```
 */
export async function exportXlsx(records: { readonly [K in CsvKind]?: readonly EntityOf<K>[] }): Promise<Uint8Array> {
  // Every cell's text first: a cell Excel cannot hold refuses the export before a workbook is made.
  const sheets: { kind: CsvKind; columns: readonly string[]; rows: string[][] }[] = [];
  const issues: ValidationIssue[] = [];
  for (const kind of Object.keys(CSV_PROFILES) as CsvKind[]) {
    const list = records[kind];
    if (list === undefined) continue;
    const columns = CSV_PROFILES[kind].columns;
    const rows = list.map((r, i) => {
      const wire = encodeEntity(kind, r as never) as Record<string, unknown>;
      const cells = columns.map((c) => wireCellText(wire, c, kind));
      cells.forEach((text, c) => {
        if (text.length <= XLSX_MAX_CELL_CHARS) return;
        const where = `${kind}!${columnLetter(c)}${i + 2} (${String(wire["id"])})`;
        issues.push({ path: [kind, i, columns[c]!], message: `${where}: ${groupedCount(text.length)} characters; an Excel cell holds at most ${groupedCount(XLSX_MAX_CELL_CHARS)}`, code: "custom" });
      });
      return cells;
    });
    sheets.push({ kind, columns, rows });
  }
  if (issues.length > 0) throw new ValidationError(issues, "XLSX export");
  const book = await newWorkbook();
  for (const { kind, columns, rows } of sheets) {
    const ws = addRecordSheet(book, kind, columns);
    // Escaped for the workbook: a CR (CRLF in a description) or a literal `_x0041_` reads back as written.
    for (const cells of rows) ws.addRow(cells.map(encodeXstring));
  }
  return bytesOf(await book.xlsx.writeBuffer());
}

/**
 * An empty import template for one kind, made from its JSON Schema: the profile's columns as headers (a required
 * field's header comment says so, with the schema's description), a drop-down data-validation list on every enum
 * column (the values also listed on a `Lists` sheet), and a frozen header row. Fill it in and read it with
 * {@link importXlsx}.
 *
 * @example
 * ```ts
 * writeFileSync("cost-template.xlsx", await xlsxTemplate("cost-entry", { rows: 500 }));
 * ```
 */
export async function xlsxTemplate(kind: CsvKind, options: { readonly rows?: number } = {}): Promise<Uint8Array> {
  // A misspelt `row` would write the default 1,000 rows.
  checkOptionKeys("xlsxTemplate", options, { rows: 1 });
  const rows = options.rows ?? 1000;
  const columns = csvProfile(kind, `${String(kind)} XLSX template`).columns;
  const book = await newWorkbook();
  const ws = addRecordSheet(book, kind, columns);
  const lists = book.addWorksheet("Lists");
  let listColumn = 0;
  columns.forEach((c, i) => {
    const { node, required } = fieldSchema(kind, c);
    const header = ws.getRow(1).getCell(i + 1);
    const help = [required ? "required" : "optional", node?.description].filter((x) => x !== undefined).join(": ");
    header.note = help;
    const values = node?.enum?.map(String);
    if (values === undefined || values.length === 0) return;
    listColumn++;
    const letter = String.fromCharCode(64 + listColumn);
    lists.getCell(1, listColumn).value = c;
    values.forEach((v, j) => (lists.getCell(j + 2, listColumn).value = v));
    const range = `Lists!$${letter}$2:$${letter}$${values.length + 1}`;
    for (let r = 2; r <= rows + 1; r++) {
      ws.getCell(r, i + 1).dataValidation = { type: "list", allowBlank: !required, formulae: [range], showErrorMessage: true, errorTitle: c, error: `${c} is one of: ${values.join(", ")}` };
    }
  });
  return bytesOf(await book.xlsx.writeBuffer());
}
