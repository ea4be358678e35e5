/**
 * Charts keep their text readable on narrow screens: a chart shrinks with the column only down to the width at which
 * its smallest text still renders at {@link MIN_CHART_TEXT_PX} px; narrower than that it keeps that width and scrolls
 * sideways inside its own frame. The renderer computes that width per chart and rounds it up to a step of
 * {@link CHART_WIDTH_STEP} px; each step has one rule here (`.cw-600 > svg { min-width: 600px }`). @internal
 */
export const MIN_CHART_TEXT_PX = 9;
/** @internal */
export const CHART_WIDTH_STEP = 40;
/** @internal Widest step with its own rule; a chart needing more is shown at its drawn width (`.cw-native`). */
export const CHART_WIDTH_MAX = 2000;
/** @internal Font size of chart text that sets none itself (the SVG inherits it from the figure). */
export const CHART_BASE_FONT_PX = 12;

const chartWidthRules = Array.from({ length: CHART_WIDTH_MAX / CHART_WIDTH_STEP }, (_, i) => (i + 1) * CHART_WIDTH_STEP)
  .map((w) => `.cw-${w} > svg { min-width: ${w}px; }`)
  .join("\n");

/**
 * The one stylesheet of the HTML report. It is a constant so that the Content-Security-Policy can allow exactly it
 * by hash (`style-src 'sha256-…'`) and nothing else: no inline `style` attributes, no other stylesheet.
 * When you edit it, update {@link REPORT_CSS_SHA256} (a test recomputes it and prints the new value).
 *
 * @example
 * ```ts
 * REPORT_CSS.includes("@media print"); // true: the report prints cleanly
 * ```
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px 32px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f1f1f; background: #ffffff; overflow-wrap: break-word; }
header { border-bottom: 3px solid #0072b2; margin-bottom: 16px; }
h1 { font-size: 1.9em; margin: 0 0 4px; }
h2 { font-size: 1.4em; margin: 32px 0 8px; border-bottom: 1px solid #d0d0d0; padding-bottom: 4px; }
h3 { font-size: 1.15em; margin: 24px 0 8px; }
h4, h5, h6 { font-size: 1em; margin: 16px 0 6px; }
.subtitle, .as-of { margin: 0 0 8px; color: #444444; }
nav.toc { margin: 16px 0; }
nav.toc ol { margin: 0; padding-left: 24px; columns: 3; column-gap: 24px; }
nav.toc a { color: #005a8c; }
section.summary { border: 2px solid #0072b2; border-radius: 6px; padding: 4px 16px 8px; margin: 8px 0 16px; }
section.summary > h2 { margin-top: 8px; }
section.summary p { margin: 6px 0; }
section.summary > p:last-child { font-size: 0.85em; color: #444444; }
section.summary dl.figures { gap: 8px; }
section.summary dl.figures > div { min-width: 0; flex: 1 1 auto; padding: 4px 10px; }
section.summary .table-frame { margin: 4px 0 10px; }
section.summary table { font-size: 0.875em; line-height: 1.3; }
section.summary th, section.summary td { padding: 3px 8px; }
section.summary caption { padding-top: 2px; }
details.fold > summary { cursor: pointer; list-style: none; }
details.fold > summary::-webkit-details-marker { display: none; }
details.fold > summary > :is(h2, h3, h4, h5, h6) { display: inline; }
details.fold > summary::before { content: "\\25B8"; display: inline-block; width: 1.2em; color: #005a8c; }
details.fold[open] > summary::before { content: "\\25BE"; }
details.fold-2 > summary { margin: 20px 0 8px; border-bottom: 1px solid #d0d0d0; padding-bottom: 4px; font-size: 1.4em; font-weight: 700; }
details.fold-2 > summary > h2 { font-size: 1em; }
details.fold-3 > summary { margin: 24px 0 8px; font-size: 1.15em; font-weight: 700; }
details.fold-3 > summary > h3 { font-size: 1em; }
details.fold > summary > * { margin: 0; padding: 0; border: 0; }
details.fold:not(.fold-2):not(.fold-3) > summary { margin: 16px 0 6px; font-weight: 700; }
.table-frame, .chart-frame { max-width: 100%; overflow-x: auto; }
.table-frame { margin: 8px 0 16px; }
.table-frame:focus-visible, .chart-frame:focus-visible { outline: 2px solid #005a8c; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.93em; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #c8c8c8; padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: #eef3f8; }
tbody tr:nth-child(even) { background: #fafafa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.center, th.center { text-align: center; }
.rag { display: inline-block; min-width: 4.6em; padding: 0 6px; border-radius: 3px; border: 1px solid #333333; font-weight: 600; white-space: nowrap; }
.rag-letter { display: inline-block; width: 1.2em; text-align: center; border-right: 1px solid currentColor; margin-right: 4px; }
.rag-green { background: #d9f0d3; color: #0b4d1e; }
.rag-amber { background: #ffe7b3; color: #5c3b00; border-style: dashed; }
.rag-red { background: #f8d0cc; color: #7a0c02; border-width: 2px; }
.rag-note { margin-left: 6px; color: #444444; }
.tone { padding: 0 3px; border-radius: 3px; font-weight: 600; white-space: nowrap; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.tone-good { background: #d9f0d3; color: #0b4d1e; }
.tone-warning { background: #ffe7b3; color: #5c3b00; border: 1px dashed #5c3b00; }
.tone-bad { background: #f8d0cc; color: #7a0c02; border: 1px solid #7a0c02; }
dl.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
dl.figures > div { border: 1px solid #c8c8c8; border-radius: 4px; padding: 6px 12px; min-width: 9em; }
dl.figures dt { font-size: 0.85em; color: #444444; }
dl.figures dd { margin: 0; font-size: 1.2em; font-weight: 600; font-variant-numeric: tabular-nums; }
dl.figures dd .rag { font-size: 0.85em; }
dl.figures dd .rag-note { display: block; margin-left: 0; font-size: 0.75em; font-weight: 400; }
figure.chart { margin: 12px 0 24px; }
figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid #e0e0e0; font-size: ${CHART_BASE_FONT_PX}px; }
.cw-native > svg { max-width: none; }
${chartWidthRules}
figcaption { font-size: 0.9em; color: #444444; margin-top: 4px; }
footer { margin-top: 40px; font-size: 0.85em; color: #555555; border-top: 1px solid #d0d0d0; padding-top: 8px; }
@media (max-width: 640px) {
  body { padding: 12px 12px 32px; }
  h1 { font-size: 1.5em; }
  nav.toc ol { columns: 1; }
  section.summary { padding: 2px 6px 6px; border-width: 1px; }
  details.fold-2 > summary { font-size: 1.25em; }
  dl.figures { gap: 8px; }
  dl.figures > div { min-width: 7.5em; flex: 1 1 7.5em; }
  th, td { padding: 4px 6px; min-width: 7em; }
  th.num, td.num { min-width: 0; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc { display: none; }
  h2, h3, details.fold > summary { break-after: avoid; }
  figure.chart, dl.figures, section.summary { break-inside: avoid; }
  details.fold > summary::before { content: none; }
  .table-frame, .chart-frame { overflow: visible; }
  figure.chart svg { min-width: 0; }
  .rag, thead th, figure.chart svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
@media print {
  details.fold::details-content { content-visibility: visible; display: block; }
}
@media print { .tone { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
`;

/**
 * The SHA-256 (base64) of {@link REPORT_CSS}, allowed by the report's Content-Security-Policy.
 *
 * @example
 * ```ts
 * `style-src 'sha256-${REPORT_CSS_SHA256}'`;
 * ```
 */
export const REPORT_CSS_SHA256 = "DM9xlIl/xhUmQWIYxcIkzDe2h9JObP754rvggu5TAC0=";
