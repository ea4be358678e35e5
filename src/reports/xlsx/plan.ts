import { validateReport } from "../validate.js";
import type { Report, ReportSection } from "../report.js";
import { cellText } from "../cells.js";
import { tableColumns } from "../table.js";
import { columnLetter, groupedCount } from "../../core/column-letter.js";
import { XLSX_MAX_CELL_CHARS } from "../../core/xstring.js";
import { shownWidth, xlsxCell, type XlsxCell } from "./cell.js";

/** One worksheet as plain data: a header row (frozen, filtered) and rows of cells. */
export interface XlsxSheetPlan {
  /** The sheet's tab name (≤ 31 UTF-16 units, never half an emoji; unique; without `: \ / ? * [ ]`, a control character or an `_xHHHH_` look-alike). */
  readonly name: string;
  /** The section heading (and table caption) the sheet came from. */
  readonly source: string;
  /** Header texts. */
  readonly headers: readonly string[];
  /** The rows, one cell per header. */
  readonly rows: readonly (readonly XlsxCell[])[];
  /** Column widths in characters that fit the longest header or value (capped at 60). */
  readonly widths: readonly number[];
}

/** A whole workbook as plain data: the cover first, then one sheet per table or figures block. */
export interface XlsxWorkbookPlan {
  /** The report title. */
  readonly title: string;
  /** The cover sheet: title, status date, contents, the rule behind every RAG colour and every remark. */
  readonly cover: XlsxSheetPlan;
  /** The data sheets, in report order. */
  readonly sheets: readonly XlsxSheetPlan[];
}

// Control characters (C0, DEL, C1) too: the workbook drops them, so the name the cover gives would not be the sheet's.
// U+FFFE, U+FFFF and lone surrogates as well: XML cannot carry them, and written raw they made the workbook unreadable.
const BAD_SHEET_CHARS = /[:\\/?*[\]\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// The `_` of an `_xHHHH_` look-alike: a sheet name is an ST_Xstring, so Excel and Calc would show "S_x0041_" as "SA";
// escaping it could pass the 31-character limit, so it becomes a space like the characters a name cannot hold.
const XSTRING_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
const MAX_WIDTH = 60;

function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>(["cover", "history"]);
  return (wanted) => {
    const base = wanted.replace(BAD_SHEET_CHARS, " ").replace(XSTRING_LOOKALIKE, " ").replace(/\s+/g, " ").replace(/^'|'$/g, "").trim() || "Sheet";
    for (let i = 1; ; i++) {
      const suffix = i === 1 ? "" : ` (${i})`;
      // Cut at 31 UTF-16 units (Excel's limit) without keeping half of a surrogate pair (written as U+FFFD).
      const cut = base.slice(0, 31 - suffix.length).replace(/[\ud800-\udbff]$/, "");
      const name = `${cut.trim()}${suffix}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  };
}

const ELSEWHERE = "the full text is in the HTML, Markdown and JSON reports";

/**
 * A text within Excel's cell limit: unchanged when it fits, else its start followed by a marker saying how long it
 * was, `…` included, exactly {@link XLSX_MAX_CELL_CHARS} characters (one fewer when the cut would split a surrogate
 * pair).
 */
function fitText(value: string): string {
  if (value.length <= XLSX_MAX_CELL_CHARS) return value;
  const marker = ` … [cut: ${groupedCount(value.length)} characters; an Excel cell holds ${groupedCount(XLSX_MAX_CELL_CHARS)} — ${ELSEWHERE}]`;
  let keep = XLSX_MAX_CELL_CHARS - marker.length;
  const last = value.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--; // a high surrogate whose low half would be cut off
  return `${value.slice(0, keep)}${marker}`;
}

function fitCell(c: XlsxCell): XlsxCell {
  return (c.kind === "text" || c.kind === "rag") && c.value.length > XLSX_MAX_CELL_CHARS ? { ...c, value: fitText(c.value) } : c;
}

function sheet(name: string, source: string, headers: readonly string[], rows: readonly (readonly XlsxCell[])[]): XlsxSheetPlan {
  // Every text Excel cannot hold is cut with a marker here, so no cell of the plan is over the limit.
  headers = headers.map(fitText);
  rows = rows.map((r) => r.map(fitCell));
  const widths = headers.map((h, i) => Math.min(MAX_WIDTH, Math.max(8, h.length + 2, ...rows.map((r) => shownWidth(r[i] ?? { kind: "empty" }) + 2))));
  return { name, source, headers, rows, widths };
}

const text = (value: string): XlsxCell => ({ kind: "text", value });

/**
 * Lays a report out as workbook sheets, without any workbook library: every table and every figures block gets
 * its own sheet (named after its section, and caption when a section has several), so each sheet has one header
 * row to freeze and filter; a section's list lines (why-not explanations, blocking items) get a `— notes` sheet.
 * Paragraphs and chart captions go to the cover's notes, and the cover lists the
 * rule that set every RAG colour and every value written as text to stay exact. A text longer than Excel's
 * {@link XLSX_MAX_CELL_CHARS} (32,767) characters — which Excel would cut silently on open — is cut to exactly that
 * many, ending in the marker ` … [cut: 40,000 characters; an Excel cell holds 32,767 — the full text is in the HTML,
 * Markdown and JSON reports]`, and the cover lists every such data cell (a cover cell carries the marker only).
 *
 * @example
 * ```ts
 * const plan = planXlsxReport(officeReport(office));
 * plan.sheets.map((s) => s.name); // ["Intake — ranking", "Intake — selected portfolio", "Portfolio health", …]
 * ```
 */
export function planXlsxReport(report: Report): XlsxWorkbookPlan {
  validateReport(report);
  const name = sheetNamer();
  const sheets: XlsxSheetPlan[] = [];
  const notes: string[] = [];
  const rules: XlsxCell[][] = [];

  const addSheet = (source: string, wanted: string, headers: readonly string[], rows: readonly (readonly XlsxCell[])[]) => {
    const s = sheet(name(wanted), source, headers, rows);
    sheets.push(s);
    s.rows.forEach((r, ri) =>
      r.forEach((c, ci) => {
        const original = rows[ri]?.[ci];
        const cutFrom = (original?.kind === "text" || original?.kind === "rag") && original.value.length > XLSX_MAX_CELL_CHARS ? original.value.length : undefined;
        const where = `${s.name}!${columnLetter(ci)}${ri + 2}`;
        const first = r[0];
        const label = first?.kind === "text" || first?.kind === "rag" ? first.value : first?.kind === "date" ? first.text : "";
        const row = label !== "" && ci !== 0 ? `${label} — ${s.headers[ci] ?? ""}` : (s.headers[ci] ?? "");
        if (c.kind === "rag") rules.push([text("Colour"), { ...c, value: `${c.value} at ${where} (${row}): ${c.rule ?? "no rule given"}` }]);
        if (c.kind === "text" && c.note !== undefined) notes.push(`${where} (${row}): ${c.note}`);
        if (cutFrom !== undefined) notes.push(`${where} (${row}): cut from ${groupedCount(cutFrom)} to ${groupedCount(XLSX_MAX_CELL_CHARS)} characters (an Excel cell holds ${groupedCount(XLSX_MAX_CELL_CHARS)}); ${ELSEWHERE}`);
      }),
    );
  };

  // A sub-section's sheet starts with its parent's code ("PRJ-CRM — CRM replacement" → "PRJ-CRM Milestone slip …").
  const walk = (section: ReportSection, path: string) => {
    const tables = section.blocks.filter((b) => b.kind === "table").length;
    // List lines (why-not explanations, blocking items) get a sheet of their own, next to the section's tables.
    const lines: string[] = [];
    for (const b of section.blocks) {
      if (b.kind === "table") {
        const columns = tableColumns(b.table);
        const label = tables > 1 && b.table.caption ? `${path} — ${b.table.caption}` : path;
        addSheet(path, label, columns.map((c) => c.header), b.table.rows.map((r) => r.map(xlsxCell)));
      } else if (b.kind === "figures") {
        addSheet(path, `${path} — figures`, ["Figure", "Value", "As shown"], b.items.map((f) => [text(f.label), xlsxCell(f.value), text(cellText(f.value))]));
      } else if (b.kind === "list") {
        lines.push(...b.items);
      } else if (b.kind === "paragraph") {
        notes.push(`${path}: ${b.text}`);
      } else {
        notes.push(`${path}: chart "${b.caption}" (in the HTML report)`);
      }
    }
    if (lines.length > 0) addSheet(path, `${path} — notes`, ["Note"], lines.map((l) => [text(l)]));
    const code = path.split(" — ")[0] ?? path;
    for (const sub of section.sections ?? []) walk(sub, `${code} ${sub.heading}`);
  };
  report.sections.forEach((s) => walk(s, s.heading));

  const coverRows: XlsxCell[][] = [
    [text("Report"), text(report.title)],
    ...(report.subtitle === undefined ? [] : [[text("Subtitle"), text(report.subtitle)]]),
    ...(report.asOf === undefined ? [] : [[text("Status date"), xlsxCell(report.asOf)]]),
    [text("Colour rules"), text("Each RAG cell shows its letter and word; the rule that set it is listed below.")],
    ...sheets.map((s) => [text("Sheet"), text(`${s.name}: ${s.source}`)]),
    ...rules,
    ...notes.map((n) => [text("Note"), text(n)]),
  ];
  return { title: report.title, cover: sheet("Cover", report.title, ["Item", "Value"], coverRows), sheets };
}

export { columnLetter } from "../../core/column-letter.js";
