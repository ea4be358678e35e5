/**
 * reports (`pmokit/reports`): renderers for PMO reports — self-contained HTML, Markdown, CSV (RFC 4180, safe
 * against formula injection) and JSON (entity wire forms) — and SVG charts (S-curve, value-vs-cost bubbles,
 * efficient frontier, coverage heat map, readiness burn-down) built with d3-scale and d3-shape, without a browser.
 * Everything takes plain data and escapes every piece of user text.
 *
 * @module
 */
export { escapeHtml, safeId } from "./escape.js";
export {
  ragCell, toneCell, runsCell, percentCell, missingText, RAG_LABELS,
  type RagColour, type RagCell, type CellTone, type ToneCell, type RunsCell, type PercentCell, type CellMetric, type CellValue,
} from "./cells.js";
export { tableColumns, type ReportTable, type ReportColumn } from "./table.js";
export { csvCell, toCsv, tableToCsv, type ReportCsvOptions } from "./csv.js";
export type { CsvDelimiter } from "../core/csv-delimiter.js";
export type { CsvDecimalMark } from "../core/csv-decimal-mark.js";
export { escapeMarkdown, markdownTable, renderMarkdownReport } from "./markdown.js";
export { entitiesToJson, renderJsonReport, type ReportEntities } from "./json.js";
export { REPORT_CSS, REPORT_CSS_SHA256 } from "./html-style.js";
export { REPORT_CSP, ragChip, htmlTable, renderHtmlReport } from "./html.js";
export type { Report, ReportSection, ReportBlock, ParagraphBlock, ListBlock, TableBlock, FiguresBlock, ChartBlock, SectionLayout } from "./report.js";
export type { SvgMarkup, ChartAmount, DatedPoint, ChartSize, MarkerShape } from "./charts/svg.js";
export { sCurveChart, type SCurveInput } from "./charts/s-curve.js";
export { readinessBurnDownChart, type BurnDownInput } from "./charts/burn-down.js";
export { valueCostBubbleChart, type Bubble, type BubbleChartInput } from "./charts/bubble.js";
export { efficientFrontierChart, type CostValuePoint, type FrontierChartInput } from "./charts/frontier.js";
export { coverageHeatMapChart, type HeatCell, type HeatMapInput } from "./charts/heat-map.js";
export { ganttChart, type GanttInput, type GanttRow, type GanttLink } from "./charts/gantt.js";
export { resourceHistogramChart, type ResourceHistogramInput, type ResourceLoadPeriod } from "./charts/resource-histogram.js";
export { finishDistributionChart, type FinishDistributionInput, type FinishBin } from "./charts/finish-distribution.js";
export { tornadoChart, type TornadoInput, type TornadoBar } from "./charts/tornado.js";
export * from "./sections/index.js";
export { validateReport, MAX_SECTION_DEPTH } from "./validate.js";
export { xlsxCell, excelSerialDay, exactNumber, XLSX_EXACT_DIGITS, type XlsxCell } from "./xlsx/cell.js";
export { planXlsxReport, type XlsxSheetPlan, type XlsxWorkbookPlan } from "./xlsx/plan.js";
export { renderXlsxReport } from "./xlsx/workbook.js";
export { XLSX_MAX_CELL_CHARS } from "../core/xstring.js";
export { burnUpChart, type BurnUpInput } from "./charts/burn-up.js";
