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
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f1f1f; background: #ffffff; }
header { border-bottom: 3px solid #0072b2; margin-bottom: 16px; }
h1 { font-size: 1.9em; margin: 0 0 4px; }
h2 { font-size: 1.4em; margin: 32px 0 8px; border-bottom: 1px solid #d0d0d0; padding-bottom: 4px; }
h3 { font-size: 1.15em; margin: 24px 0 8px; }
h4, h5, h6 { font-size: 1em; margin: 16px 0 6px; }
.subtitle, .as-of { margin: 0 0 8px; color: #444444; }
nav.toc ol { margin: 0; padding-left: 20px; columns: 2; }
nav.toc a { color: #005a8c; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; font-size: 0.93em; }
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
figure.chart { margin: 12px 0 24px; }
figure.chart svg { display: block; max-width: 100%; height: auto; border: 1px solid #e0e0e0; }
figcaption { font-size: 0.9em; color: #444444; margin-top: 4px; }
footer { margin-top: 40px; font-size: 0.85em; color: #555555; border-top: 1px solid #d0d0d0; padding-top: 8px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; }
  figure.chart, table, dl.figures { break-inside: avoid; }
  .rag, thead th, figure.chart svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
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
export const REPORT_CSS_SHA256 = "d2+jc9z4YNRwa/F1oXWkHwRWxBNOstDDacPeAfw+lG4=";
