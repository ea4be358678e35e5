import { scaleLinear } from "d3-scale";
import { checkArguments, decimal, PmoDecimal, type Decimal } from "../../core/index.js";
import { escapeHtml } from "../escape.js";
import { Issues, clip, px, svgDocument, textWidth, type SvgMarkup } from "./svg.js";

const ROUND_HALF_UP = 4; // decimal.js ROUND_HALF_UP
const atLeastOne = (v: number | Decimal): boolean => (typeof v === "number" ? v >= 1 : v.gte(1));

/** One cell of the heat map: a share from 0 to 1 and the text printed in it (default: the share as a percentage). */
export interface HeatCell {
  /** Share, 0 to 1 (e.g. 0.85 = 85 % covered). */
  readonly value: number | Decimal;
  /** Text in the cell; default `"85%"`. */
  readonly label?: string;
}

/** Input of {@link coverageHeatMapChart}. */
export interface HeatMapInput {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary. */
  readonly description?: string;
  /** Row labels (requirement levels, phases…). */
  readonly rows: readonly string[];
  /** Column labels (coverage kinds, categories…). */
  readonly columns: readonly string[];
  /** `cells[row][column]`; `null` when there is nothing to measure (drawn as a dashed "n/a" cell). */
  readonly cells: readonly (readonly (HeatCell | null)[])[];
  /** Title of the row axis; default `"Rows"`. */
  readonly rowTitle?: string;
  /** Title of the column axis; default `"Columns"`. */
  readonly columnTitle?: string;
  /** Width in pixels, default 720 (the height follows from the rows). */
  readonly width?: number;
}

// A sequential ramp from light to dark blue: lightness falls with the value, so it reads in greyscale too, and
// every cell also prints its figure.
const RAMP = scaleLinear<string>().domain([0, 1]).range(["#f1f7fd", "#08306b"]);
const CELL_H = 30;
const LEGEND_STEPS = [0, 0.25, 0.5, 0.75, 1];

function pct(v: number | Decimal): string {
  // From the decimal the value reads as (half up): 0.285 is 28.5 %, 29 % — not the double 28.4999…, 28 %.
  const share = (typeof v === "number" ? decimal(v) : v).times(100);
  let shown = share.toDecimalPlaces(0, ROUND_HALF_UP);
  // Coverage short of full never reads 100 %, and some coverage never reads 0 %: 0.998 is 99.8 %, 0.004 is 0.4 %.
  for (let places = 1; !shown.eq(share) && (shown.eq(100) || shown.isZero()); places++) shown = share.toDecimalPlaces(places, ROUND_HALF_UP);
  return `${shown.toFixed()}%`;
}

/**
 * A coverage heat map: rows × columns, each cell shaded by its share (0–1) and printing its label, with row and
 * column labels as the axes' ticks, axis titles, and a legend of five shades (0 %, 25 %, 50 %, 75 %, 100 %) plus the
 * "n/a" cell. Text turns white on dark cells. Deterministic.
 *
 * @throws {ValidationError} when a row has the wrong width or a value is outside 0–1 (path `cells[r][c].value`).
 * @example
 * ```ts
 * coverageHeatMapChart({
 *   title: "Requirement coverage",
 *   rows: ["Business", "Stakeholder", "Solution"],
 *   columns: ["Designed", "Tested", "Passed"],
 *   cells: [[{ value: 1 }, { value: 0.8 }, { value: 0.75 }], [{ value: 0.9 }, { value: 0.5 }, null], [{ value: 0.4 }, { value: 0.2 }, { value: 0 }]],
 *   rowTitle: "Requirement level",
 *   columnTitle: "Coverage",
 * });
 * ```
 */
export function coverageHeatMapChart(input: HeatMapInput): SvgMarkup {
  checkArguments("coverageHeatMapChart", { input: [input, "object"] });
  const issues = new Issues();
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const rows = Array.isArray(input.rows) ? input.rows : [];
  const cols = Array.isArray(input.columns) ? input.columns : [];
  if (rows.length === 0) issues.add(["rows"], "expected at least one row label");
  if (cols.length === 0) issues.add(["columns"], "expected at least one column label");
  const width = input.width ?? 720;
  if (!Number.isInteger(width) || width < 240 || width > 4000) issues.add(["width"], "width must be an integer from 240 to 4000");
  const cells = Array.isArray(input.cells) ? input.cells : [];
  if (cells.length !== rows.length) issues.add(["cells"], `expected ${rows.length} rows of cells, got ${cells.length}`);
  const values: (number | null)[][] = cells.map((row, r) => {
    if (!Array.isArray(row) || row.length !== cols.length) {
      issues.add(["cells", r], `expected ${cols.length} cells`);
      return [];
    }
    return row.map((c, k) => {
      if (c === null) return null;
      const v = typeof c?.value === "number" ? c.value : PmoDecimal.isDecimal(c?.value) ? (c.value as Decimal).toNumber() : Number.NaN;
      if (!(v >= 0 && v <= 1)) issues.add(["cells", r, k, "value"], "expected a share from 0 to 1");
      if (c?.label !== undefined && typeof c.label !== "string") issues.add(["cells", r, k, "label"], "expected a string");
      return v;
    });
  });
  issues.throwIfAny("heat map");
  // The exact share of each cell, for the printed figures (the double is for the shade only).
  const exact = (r: number, k: number): number | Decimal => {
    const v = cells[r]?.[k]?.value;
    return PmoDecimal.isDecimal(v) ? (v as Decimal) : (values[r]?.[k] as number);
  };

  const rowText = rows.map((r) => clip(r, 36));
  const colText = cols.map((c) => clip(c, 24));
  const left = Math.min(width * 0.45, 40 + Math.max(...rowText.map((r) => textWidth(r, 6.2))));
  const headerH = 24 + Math.max(...colText.map((c) => textWidth(c, 4.2)));
  const top = 50 + headerH;
  const plotW = width - left - 24;
  const cw = plotW / cols.length;
  const height = Math.round(top + rows.length * CELL_H + 40);

  const colLabels = cols
    .map((c, k) => {
      const cx = left + (k + 0.5) * cw, cy = top - 8;
      return `<text x="${px(cx)}" y="${px(cy)}" transform="rotate(-35 ${px(cx)} ${px(cy)})" font-size="11"><title>${escapeHtml(c)}</title>${escapeHtml(colText[k] ?? "")}</text>`;
    })
    .join("");
  const grid = rows
    .map((rl, r) => {
      const y = top + r * CELL_H;
      const label = `<text x="${px(left - 8)}" y="${px(y + CELL_H / 2 + 4)}" text-anchor="end" font-size="11"><title>${escapeHtml(rl)}</title>${escapeHtml(rowText[r] ?? "")}</text>`;
      const row = (values[r] ?? []).map((v, k) => {
        const x = left + k * cw;
        const cell = cells[r]?.[k];
        if (v === null || cell === null || cell === undefined) {
          return `<g class="cell na"><rect x="${px(x + 1)}" y="${px(y + 1)}" width="${px(cw - 2)}" height="${CELL_H - 2}" fill="#ffffff" stroke="#999999" stroke-dasharray="3 2"/><text x="${px(x + cw / 2)}" y="${px(y + CELL_H / 2 + 4)}" text-anchor="middle" font-size="11" fill="#555555">n/a</text></g>`;
        }
        return `<g class="cell"><rect x="${px(x + 1)}" y="${px(y + 1)}" width="${px(cw - 2)}" height="${CELL_H - 2}" fill="${RAMP(v)}"/><text x="${px(x + cw / 2)}" y="${px(y + CELL_H / 2 + 4)}" text-anchor="middle" font-size="11" fill="${v > 0.55 ? "#ffffff" : "#111111"}">${escapeHtml(cell.label ?? pct(exact(r, k)))}</text></g>`;
      });
      return `<g class="row">${label}${row.join("")}</g>`;
    })
    .join("");
  const legendItems = LEGEND_STEPS.map(
    (v, i) => `<g class="legend-item"><rect x="${px(left + i * 72)}" y="12" width="20" height="14" fill="${RAMP(v)}" stroke="#333333"/><text x="${px(left + i * 72 + 25)}" y="23">${pct(v)}</text></g>`,
  ).join("");
  const naX = left + LEGEND_STEPS.length * 72;
  const legend = `<g class="legend" font-size="12">${legendItems}<g class="legend-item"><rect x="${px(naX)}" y="12" width="20" height="14" fill="#ffffff" stroke="#999999" stroke-dasharray="3 2"/><text x="${px(naX + 25)}" y="23">n/a</text></g></g>`;
  const axisTitles =
    `<text class="axis-title" x="${px(left + plotW / 2)}" y="${px(height - 12)}" text-anchor="middle" font-size="12">${escapeHtml(input.columnTitle ?? "Columns")}</text>` +
    `<text class="axis-title" x="16" y="${px(top + (rows.length * CELL_H) / 2)}" text-anchor="middle" font-size="12" transform="rotate(-90 16 ${px(top + (rows.length * CELL_H) / 2)})">${escapeHtml(input.rowTitle ?? "Rows")}</text>`;
  const measured = values.flat().filter((v): v is number => v !== null);
  const desc = input.description ?? `${rows.length} rows by ${cols.length} columns; ${measured.length} cells measured, ${values.flatMap((row, r) => row.filter((v, k) => v !== null && atLeastOne(exact(r, k)))).length} fully covered, ${values.flat().length - measured.length} not applicable.`;
  const body = `<g class="axis axis-x">${colLabels}</g><g class="plot">${grid}</g>${legend}${axisTitles}`;
  return svgDocument("heat-map", { width, height }, input.title, desc, body);
}
