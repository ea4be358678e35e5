import { checkArguments, ValidationError } from "../core/index.js";
import { cellText, isNumericCell, isRagCell, isRunsCell, isToneCell, isValidToneCell, RAG_LABELS, type CellValue, type RagCell, type ToneCell } from "./cells.js";
import { escapeHtml } from "./escape.js";
import { REPORT_CSS, REPORT_CSS_SHA256 } from "./html-style.js";
import type { Report, ReportBlock, ReportSection } from "./report.js";
import { tableColumns, type ReportTable } from "./table.js";
import { validateReport } from "./validate.js";

/**
 * The Content-Security-Policy of every HTML report: nothing may load or run — no script at all, no fonts, no
 * remote images, no forms, no base URL — and only the report's own stylesheet applies.
 *
 * @example
 * ```ts
 * REPORT_CSP.includes("default-src 'none'"); // true
 * ```
 */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${REPORT_CSS_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;

/**
 * A RAG chip: colour, a letter and the word (so it never relies on colour alone), then the rule that fired.
 *
 * @example
 * ```ts
 * ragChip({ kind: "rag", colour: "red", note: "CPI 0.86 < 0.90" });
 * // '<span class="rag rag-red"><span class="rag-letter" aria-hidden="true">R</span>Red</span><span class="rag-note">CPI 0.86 &lt; 0.90</span>'
 * ```
 */
export function ragChip(cell: RagCell): string {
  checkArguments("ragChip", { cell: [cell, "object"] });
  checkArguments("ragChip", { "cell.colour": [cell.colour, "string"], "cell.note": [cell.note, "string?"] });
  const l = Object.hasOwn(RAG_LABELS, cell.colour) ? RAG_LABELS[cell.colour] : undefined;
  if (!l) throw ValidationError.single(["colour"], `${JSON.stringify(cell.colour)} is not a RAG colour`, "RAG cell");
  const chip = `<span class="rag rag-${cell.colour}"><span class="rag-letter" aria-hidden="true">${l.letter}</span>${l.word}</span>`;
  return cell.note ? `${chip}<span class="rag-note">${escapeHtml(cell.note)}</span>` : chip;
}

const htmlText = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, "<br>");
// A tone is a colour class around its own word: the word alone still says it. The tone becomes a class name, so
// only the three known tones pass (htmlTable is public and does not validate the whole report first).
const toneSpan = (t: ToneCell) => {
  if (!isValidToneCell(t)) throw ValidationError.single(["tone"], "a tone cell has a tone (good, warning, bad) and a text", "tone cell");
  return `<span class="tone tone-${t.tone}">${htmlText(t.text)}</span>`;
};

function htmlCell(v: CellValue, where: readonly (string | number)[]): string {
  if (isRagCell(v)) return ragChip(v);
  if (isToneCell(v)) return toneSpan(v);
  if (isRunsCell(v)) {
    if (!Array.isArray(v.runs)) throw ValidationError.single([...where, "runs"], "a runs cell is a list of texts and tone cells", "report cell");
    return v.runs.map((r) => (typeof r === "string" ? htmlText(r) : toneSpan(r))).join("");
  }
  return htmlText(cellText(v, where));
}

/**
 * An HTML table: caption, `<th scope="col">` headers, cells escaped, number-like columns right-aligned with
 * tabular figures, RAG cells as chips.
 *
 * @throws {ValidationError} when a row's width differs from the header.
 * @example
 * ```ts
 * htmlTable({ columns: ["Project", "CPI"], rows: [["<b>CRM</b>", decimal("0.91")]] });
 * // '<table><thead><tr><th scope="col">Project</th><th scope="col" class="num">CPI</th></tr></thead><tbody><tr><td>&lt;b&gt;CRM&lt;/b&gt;</td><td class="num">0.91</td></tr></tbody></table>'
 * ```
 */
export function htmlTable(table: ReportTable): string {
  const columns = tableColumns(table);
  const cls = columns.map((c, i) => {
    const a = c.align ?? (table.rows.length > 0 && table.rows.every((r) => r[i] == null || isNumericCell(r[i])) ? "right" : "left");
    return a === "right" ? ' class="num"' : a === "center" ? ' class="center"' : "";
  });
  const head = `<thead><tr>${columns.map((c, i) => `<th scope="col"${cls[i]}>${escapeHtml(c.header)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${table.rows.map((r, i) => `<tr>${r.map((v, j) => `<td${cls[j]}>${htmlCell(v, ["rows", i, j])}</td>`).join("")}</tr>`).join("")}</tbody>`;
  return `<table>${table.caption ? `<caption>${escapeHtml(table.caption)}</caption>` : ""}${head}${body}</table>`;
}

// A guard for JavaScript callers (TypeScript already demands SvgMarkup): only what pmokit's chart functions emit.
const CHART_START = '<svg xmlns="http://www.w3.org/2000/svg" class="pmk-chart ';

function block(b: ReportBlock, path: readonly (string | number)[]): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${escapeHtml(b.text).replace(/\r\n|\r|\n/g, "<br>")}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "table":
      return htmlTable(b.table);
    case "figures":
      return `<dl class="figures">${b.items.map((f, i) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${htmlCell(f.value, [...path, "items", i, "value"])}</dd></div>`).join("")}</dl>`;
    case "chart":
      if (typeof b.svg !== "string" || !b.svg.startsWith(CHART_START) || !b.svg.endsWith("</svg>")) {
        throw ValidationError.single([...path, "svg"], "a chart block takes the SVG returned by a pmokit chart function", "report");
      }
      return `<figure class="chart">${b.svg}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    default:
      throw ValidationError.single([...path, "kind"], `unknown block kind ${JSON.stringify((b as { kind?: unknown }).kind)}`, "report");
  }
}

function section(s: ReportSection, depth: number, id: string, path: readonly (string | number)[]): string {
  const h = Math.min(depth, 6);
  const blocks = s.blocks.map((b, i) => block(b, [...path, "blocks", i])).join("\n");
  const subs = (s.sections ?? []).map((c, i) => section(c, depth + 1, `${id}-${i + 1}`, [...path, "sections", i])).join("\n");
  return `<section id="${id}" aria-labelledby="${id}-h"><h${h} id="${id}-h">${escapeHtml(s.heading)}</h${h}>\n${blocks}${subs ? `\n${subs}` : ""}\n</section>`;
}

/**
 * Renders a {@link Report} as one self-contained HTML file: inline CSS (readable on screen, clean in print), charts
 * as inline SVG, no external request of any kind, a strict Content-Security-Policy ({@link REPORT_CSP}: no script
 * can run), a table of contents, and every piece of user text escaped. Deterministic: no clock, no random ids.
 *
 * @throws {ValidationError} for a malformed report ({@link validateReport}: shape, section depth) or a chart block that is not a pmokit chart.
 * @example
 * ```ts
 * const html = renderHtmlReport({
 *   title: "Northwind PMO — portfolio report",
 *   asOf: "2026-11-20",
 *   sections: [{ heading: "Health", blocks: [{ kind: "table", table: { columns: ["Project", "Cost"], rows: [["CRM", ragCell("amber", "CPI 0.93")]] } }] }],
 * });
 * writeFileSync("pmo-report/index.html", html);
 * ```
 */
export function renderHtmlReport(report: Report): string {
  validateReport(report);
  const toc =
    report.sections.length > 1
      ? `<nav class="toc" aria-label="Contents"><ol>${report.sections.map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(s.heading)}</a></li>`).join("")}</ol></nav>`
      : "";
  const main = report.sections.map((s, i) => section(s, 2, `section-${i + 1}`, ["sections", i])).join("\n");
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="pmokit">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${escapeHtml(report.title)}</h1>${report.subtitle ? `<p class="subtitle">${escapeHtml(report.subtitle)}</p>` : ""}${report.asOf ? `<p class="as-of">As of ${escapeHtml(report.asOf)}</p>` : ""}</header>`,
    toc,
    `<main>\n${main}\n</main>`,
    '<footer>Generated by pmokit. This file is self-contained: it loads nothing and runs no script.</footer>',
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
