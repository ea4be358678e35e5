import { checkArguments, ValidationError, type ValidationIssue } from "../core/index.js";
import type { CellValue } from "./cells.js";

/** A column of a {@link ReportTable}. */
export interface ReportColumn {
  /** The header text. */
  readonly header: string;
  /** Alignment; default: right for number-like cells, left otherwise. */
  readonly align?: "left" | "right" | "center";
}

/** A table as plain data, rendered the same way to HTML, Markdown and CSV. */
export interface ReportTable {
  /** Caption (HTML `<caption>`, a bold line above the Markdown table; not in CSV). */
  readonly caption?: string;
  /** Columns, by header text or with options. */
  readonly columns: readonly (string | ReportColumn)[];
  /** Rows: one cell per column. */
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * Validates a table (every row as wide as the header) and returns its columns in the long form.
 *
 * @throws {ValidationError} naming each row whose width differs.
 * @example
 * ```ts
 * tableColumns({ columns: ["Project", { header: "CPI", align: "right" }], rows: [] });
 * // [{ header: "Project" }, { header: "CPI", align: "right" }]
 * ```
 */
export function tableColumns(table: ReportTable): readonly ReportColumn[] {
  checkArguments("tableColumns", { table: [table, "object"] });
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(table.columns) || table.columns.length === 0) {
    issues.push({ path: ["columns"], message: "a table needs at least one column", code: "custom" });
  }
  if (!Array.isArray(table.rows)) issues.push({ path: ["rows"], message: "rows must be an array", code: "custom" });
  else {
    table.rows.forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== table.columns.length) {
        issues.push({ path: ["rows", i], message: `row has ${Array.isArray(r) ? r.length : "no"} cells, expected ${table.columns.length}`, code: "custom" });
      }
    });
  }
  if (issues.length > 0) throw new ValidationError(issues, "report table");
  return table.columns.map((c) => (typeof c === "string" ? { header: c } : c));
}
