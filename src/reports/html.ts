import { checkArguments, ValidationError } from "../core/index.js";
import { cellText, isNumericCell, isRagCell, isRunsCell, isToneCell, isValidToneCell, RAG_LABELS, type CellValue, type RagCell, type ToneCell } from "./cells.js";
import { chartSvgProblem } from "./charts/svg-check.js";
import { escapeHtml } from "./escape.js";
import { CHART_BASE_FONT_PX, CHART_WIDTH_MAX, CHART_WIDTH_STEP, MIN_CHART_TEXT_PX, REPORT_CSS, REPORT_CSS_SHA256 } from "./html-style.js";
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

// User text in markup: escaped, its line breaks kept as <br> (paragraphs, list items, cells, figure labels, RAG notes).
const htmlText = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, "<br>");

/**
 * A RAG chip: colour, a letter and the word (so it never relies on colour alone), then the rule that fired (escaped,
 * its line breaks as `<br>`).
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
  return cell.note ? `${chip}<span class="rag-note">${htmlText(cell.note)}</span>` : chip;
}

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

/**
 * The frame class that keeps a chart's smallest text at 9 px or more: the chart may shrink with the column down to
 * `drawn width × 9 / smallest font size` (rounded up to the stylesheet's step), and scrolls in its frame below that.
 * Sizes come from the chart's own markup (pmokit's chart functions set them as attributes).
 */
function chartWidthClass(svg: string): string {
  const open = svg.slice(0, svg.indexOf(">"));
  const drawn = Number(/\swidth="(\d+)"/.exec(open)?.[1] ?? 0);
  const sizes = [...svg.matchAll(/\sfont-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]));
  const smallest = Math.min(CHART_BASE_FONT_PX, ...sizes);
  const step = Math.ceil((drawn * MIN_CHART_TEXT_PX) / smallest / CHART_WIDTH_STEP) * CHART_WIDTH_STEP;
  // Past the drawn width (text drawn below 9 px) or the widest rule, the chart keeps its drawn width.
  return drawn > 0 && step <= drawn && step <= CHART_WIDTH_MAX ? `cw-${step}` : "cw-native";
}

/**
 * A frame that scrolls sideways on its own, so a wide table or chart never makes the page scroll. Focusable so a
 * keyboard can scroll it; a region labelled by the caption's id (never by user text in an attribute).
 */
function frame(kind: "table" | "chart", labelledBy: string, inner: string, extra = ""): string {
  return `<div class="${kind}-frame${extra ? ` ${extra}` : ""}" role="region" tabindex="0" aria-labelledby="${labelledBy}">${inner}</div>`;
}

function block(b: ReportBlock, path: readonly (string | number)[], id: string, headingId: string): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${htmlText(b.text)}</p>`;
    case "list":
      // A multi-line item keeps its line breaks, as a paragraph and a table cell do.
      return `<ul>${b.items.map((i) => `<li>${htmlText(i)}</li>`).join("")}</ul>`;
    case "table": {
      const html = htmlTable(b.table);
      if (!b.table.caption) return frame("table", headingId, html);
      return frame("table", `${id}-c`, html.replace("<table><caption>", `<table><caption id="${id}-c">`));
    }
    case "figures":
      return `<dl class="figures">${b.items.map((f, i) => `<div><dt>${htmlText(f.label)}</dt><dd>${htmlCell(f.value, [...path, "items", i, "value"])}</dd></div>`).join("")}</dl>`;
    case "chart": {
      // validateReport ran first; this guard keeps the rule beside the place the markup is embedded as is.
      const problem = typeof b.svg !== "string" ? "not a text" : b.svg.startsWith(CHART_START) ? chartSvgProblem(b.svg) : "not a pmokit chart";
      if (problem) throw ValidationError.single([...path, "svg"], `a chart block takes the SVG returned by a pmokit chart function: ${problem}`, "report");
      return `<figure class="chart">${frame("chart", `${id}-c`, b.svg, chartWidthClass(b.svg))}<figcaption id="${id}-c">${escapeHtml(b.caption)}</figcaption></figure>`;
    }
    default:
      throw ValidationError.single([...path, "kind"], `unknown block kind ${JSON.stringify((b as { kind?: unknown }).kind)}`, "report");
  }
}

function section(s: ReportSection, depth: number, id: string, path: readonly (string | number)[]): string {
  const h = Math.min(depth, 6);
  const blocks = s.blocks.map((b, i) => block(b, [...path, "blocks", i], `${id}-b${i + 1}`, `${id}-h`)).join("\n");
  const subs = (s.sections ?? []).map((c, i) => section(c, depth + 1, `${id}-${i + 1}`, [...path, "sections", i])).join("\n");
  const heading = `<h${h} id="${id}-h">${escapeHtml(s.heading)}</h${h}>`;
  const body = `${blocks}${subs ? `\n${subs}` : ""}`;
  if (s.layout === "summary") return `<section id="${id}" class="summary" aria-labelledby="${id}-h">${heading}\n${body}\n</section>`;
  // The heading sits in the <summary>, so the folded section still shows it and a link to the section lands on it.
  const open = s.layout === "collapsed" ? "" : " open";
  return `<section id="${id}" aria-labelledby="${id}-h"><details class="fold fold-${h}"${open}><summary>${heading}</summary>\n${body}\n</details></section>`;
}

/**
 * Renders a {@link Report} as one self-contained HTML file: inline CSS (readable on screen, clean in print), charts
 * as inline SVG, no external request of any kind, a strict Content-Security-Policy ({@link REPORT_CSP}: no script
 * can run), a table of contents, and every piece of user text escaped. Deterministic: no clock, no random ids.
 *
 * Layout: `summary` sections are always shown (leading ones before the table of contents); every other section is a
 * foldable `<details>` with its heading as the summary line, open unless its layout is `collapsed` (when every
 * section is a summary or collapsed, the folded headings are the contents and no separate table is written); print
 * unfolds everything. Tables and charts sit in frames that scroll sideways on their own, so the page never does (down to a
 * 320 px wide screen); a chart shrinks with the column only as far as its smallest text stays at 9 px or more.
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
  // Folded sections list their own headings; a table of contents is only needed when some section is shown open.
  const folded = report.sections.every((s) => s.layout === "summary" || s.layout === "collapsed");
  const toc =
    report.sections.length > 1 && !folded
      ? `<nav class="toc" aria-label="Contents"><ol>${report.sections.map((s, i) => `<li><a href="#section-${i + 1}">${escapeHtml(s.heading)}</a></li>`).join("")}</ol></nav>`
      : "";
  const rendered = report.sections.map((s, i) => section(s, 2, `section-${i + 1}`, ["sections", i]));
  // The summary is what a reader needs first: leading summary sections come before the table of contents.
  const lead = report.sections.findIndex((s) => s.layout !== "summary");
  const split = lead < 0 ? rendered.length : lead;
  const main = [...rendered.slice(0, split), ...(toc ? [toc] : []), ...rendered.slice(split)].join("\n");
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
    `<main>\n${main}\n</main>`,
    '<footer>Generated by pmokit. This file is self-contained: it loads nothing and runs no script.</footer>',
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
