import { ValidationError, type ValidationIssue } from "../../core/index.js";
import { columnLetter } from "../../core/column-letter.js";
import type { XlsxSheetData } from "./read.js";

/**
 * How a merged cell in the data rows of a sheet is read (`importXlsx`'s `mergedCells` option). A merge stores its value
 * in its top-left cell only (ECMA-376 §18.3.1.55), while Excel shows it across every cell it covers:
 * - `"refuse"` (default): a merge over data rows whose top-left cell holds a value is a problem at that cell;
 * - `"fill"`: the value is repeated in every cell the merge covers, as the sheet shows it (Power Query's "fill down");
 * - `"top-left"`: the cells as stored, the value on the top-left cell only (openpyxl, pandas, a CSV saved by Calc).
 *
 * @example
 * ```ts
 * // B2 "WP-1" merged over B2:B4: every one of rows 2–4 gets workPackageId WP-1.
 * importXlsx("cost-entry", bytes, { importedAt, mergedCells: "fill" });
 * ```
 */
export type XlsxMergedCells = "refuse" | "fill" | "top-left";

const MODES: readonly XlsxMergedCells[] = ["refuse", "fill", "top-left"];

/** The index of the first of `rows` (sorted by line) at or below `line`. */
function firstRowAt(rows: XlsxSheetData["rows"], line: number): number {
  let [lo, hi] = [0, rows.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `mergedCells` option checked. @internal */
export function xlsxMergedCells(option: unknown, subject: string): XlsxMergedCells {
  if (option === undefined) return "refuse";
  if (typeof option === "string" && (MODES as readonly string[]).includes(option)) return option as XlsxMergedCells;
  throw ValidationError.single(["mergedCells"], `expected one of ${MODES.map((m) => JSON.stringify(m)).join(", ")}, got ${JSON.stringify(option) ?? String(option)}`, subject);
}

type Merge = XlsxSheetData["merges"][number];
const rangeText = (m: Merge) => `${columnLetter(m.left)}${m.top + 1}:${columnLetter(m.right)}${m.bottom + 1}`;

const OVERLAP = "merged ranges do not overlap (Excel repairs such a workbook by removing them)";

/**
 * The cells of data rows that hold a value under a merge but not as its top-left cell: the file has it, the sheet does
 * not show it (a merge shows its top-left cell on every cell it covers), so reading it imports what no one saw and
 * filling over it drops it. Each is a problem at its place; so is a range given twice and a cell two merges cover,
 * stored or not (Excel repairs such a file by removing them). Only the rows with data are visited, and in them the
 * columns of the table (`width`), each cell once: a whole-column merge costs its rows with data, a copy of a range is
 * refused before it is walked, and two merges stop at the first cell they share.
 */
function hiddenCells(data: XlsxSheetData["rows"], merges: readonly Merge[], header: readonly string[], width: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const m of merges) {
    const range = rangeText(m);
    if (seen.has(range)) return [{ path: [m.top + 1, header[m.left] ?? `column ${m.left + 1}`], message: `the merge ${range} is given twice: ${OVERLAP}`, code: "custom" }];
    seen.add(range);
  }
  const coveredBy = new Map<number, Merge>(); // line * 20,000 + column (columns end at ZZZ, 18,278)
  for (const m of merges) {
    if (m.left >= width) continue; // right of the table: covers nothing read
    const range = rangeText(m);
    for (let i = firstRowAt(data, m.top + 1); i < data.length && data[i]!.line <= m.bottom + 1; i++) {
      const { line, cells } = data[i]!;
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++) {
        const at = { path: [line, header[c] ?? `column ${c + 1}`], code: "custom" as const };
        const other = coveredBy.get(line * 20_000 + c);
        if (other !== undefined) {
          issues.push({ ...at, message: `cell ${columnLetter(c)}${line} is under two merges, ${rangeText(other)} and ${range}: ${OVERLAP}` });
          return issues;
        }
        coveredBy.set(line * 20_000 + c, m);
        const v = line === m.top + 1 && c === m.left ? "" : cells[c] ?? "";
        if (v !== "") issues.push({ ...at, message: `cell ${columnLetter(c)}${line} holds ${JSON.stringify(v)} under the merge ${range}, which shows ${columnLetter(m.left)}${m.top + 1} on every cell it covers: the sheet does not show ${JSON.stringify(v)} (unmerge the cells, or mergedCells "top-left" to read the cells as stored)` });
      }
    }
  }
  return issues;
}

/**
 * The data rows (below `headerRows`) with merged cells read as `mode` says, and a problem for each merge holding a
 * value under `"refuse"`. Merges inside the header rows are the header's (see `headerOf`). `"fill"` writes into the
 * rows that hold data: a line between them with nothing stored is no row of the table, merge or not. @internal
 */
export function mergedDataRows(sheet: XlsxSheetData, headerRows: number, header: readonly string[], mode: XlsxMergedCells): { rows: XlsxSheetData["rows"]; issues: ValidationIssue[] } {
  const data = sheet.rows.filter((r) => r.line > headerRows);
  const merges = sheet.merges.filter((m) => m.top >= headerRows && (m.bottom > m.top || m.right > m.left));
  if (mode === "top-left" || merges.length === 0) return { rows: data, issues: [] };
  const width = data.reduce((w, r) => Math.max(w, r.cells.length), header.length);
  const hidden = hiddenCells(data, merges, header, width);
  if (hidden.length > 0) return { rows: data, issues: hidden };
  const rows = data.map((r) => ({ line: r.line, cells: [...r.cells] }));
  const issues: ValidationIssue[] = [];
  for (const m of merges) {
    const top = firstRowAt(rows, m.top + 1);
    const value = rows[top]?.line === m.top + 1 ? rows[top]!.cells[m.left] ?? "" : "";
    if (value === "") continue;
    if (mode === "refuse") {
      const span = m.bottom > m.top ? `${m.bottom - m.top + 1} rows` : `${m.right - m.left + 1} columns`;
      issues.push({
        path: [m.top + 1, header[m.left] ?? `column ${m.left + 1}`],
        message: `the cell is merged over ${rangeText(m)}: the sheet shows ${JSON.stringify(value)} on ${span}, but only its first cell holds it (mergedCells, --merged-cells on the command line: "fill" repeats it in every covered cell, "top-left" takes it on the first cell only; or unmerge the cells)`,
        code: "custom",
      });
      continue;
    }
    for (let i = top; i < rows.length && rows[i]!.line <= m.bottom + 1; i++) {
      const row = rows[i]!;
      for (let c = m.left; c <= m.right && c < header.length; c++) {
        while (row.cells.length < c) row.cells.push("");
        row.cells[c] = value;
      }
    }
  }
  return { rows, issues };
}
