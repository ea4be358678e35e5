import { scaleBand, scaleLinear } from "d3-scale";
import { checkArguments, type Decimal } from "../../core/index.js";
import { escapeHtml } from "../escape.js";
import { Issues, bottomAxis, clip, px, svgDocument, textWidth, type SvgMarkup } from "./svg.js";

/** One bar of a tornado: an activity and its sensitivity (a correlation from −1 to 1). */
export interface TornadoBar {
  /** Row label (activity name). */
  readonly label: string;
  /** Sensitivity, −1 to 1 (Spearman rank correlation of its duration with the project duration). */
  readonly value: Decimal | number;
}

/** Input of {@link tornadoChart}. */
export interface TornadoInput {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: the top bars. */
  readonly description?: string;
  /** Bars, top to bottom (rank them first: largest |value| on top). */
  readonly bars: readonly TornadoBar[];
  /** Axis title; default `"Sensitivity (rank correlation with project duration)"`. */
  readonly axisTitle?: string;
  /** Width in pixels, default 720 (the height follows from the bars). */
  readonly width?: number;
}

const POSITIVE = "#D55E00";
const NEGATIVE = "#56B4E9";
const BAR_H = 22;

// A printed figure is rounded from the exact Decimal (half-even): 0.615 is the double 0.61499…, which printed 0.61.
const printed = (v: number | Decimal): string => v.toFixed(2);

/**
 * A tornado chart: one horizontal bar per activity around a zero line, positive values to the right (vermillion),
 * negative to the left (light blue with a dashed outline, so the sign reads without colour), each bar printing its value with two
 * decimals, a −1…1 axis, `<title>` and `<desc>`. Deterministic.
 *
 * @throws {ValidationError} when a value is not a number from −1 to 1 (path `bars[i].value`).
 * @example
 * ```ts
 * tornadoChart({ title: "What drives the finish date", bars: [{ label: "Data migration", value: 0.62 }, { label: "UAT", value: 0.31 }] });
 * ```
 */
export function tornadoChart(input: TornadoInput): SvgMarkup {
  checkArguments("tornadoChart", { input: [input, "object"] });
  const issues = new Issues();
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const bars = Array.isArray(input.bars) ? input.bars : [];
  if (bars.length === 0) issues.add(["bars"], "expected at least one bar");
  const width = input.width ?? 720;
  if (!Number.isInteger(width) || width < 240 || width > 4000) issues.add(["width"], "width must be an integer from 240 to 4000");
  const values = bars.map((b, i) => {
    const v = typeof b?.value === "number" ? b.value : typeof b?.value === "object" && b.value !== null ? b.value.toNumber() : Number.NaN;
    if (!(v >= -1 && v <= 1)) issues.add(["bars", i, "value"], "expected a number from -1 to 1");
    return v;
  });
  issues.throwIfAny("tornado chart");
  const labels = bars.map((b) => clip(b.label, 40));
  const left = Math.min(width * 0.4, 16 + Math.max(...labels.map((l) => textWidth(l, 6.2))));
  const right = width - 24, top = 30, bottom = top + bars.length * BAR_H;
  const height = bottom + 52;
  const x = scaleLinear().domain([-1, 1]).range([left, right]);
  const y = scaleBand<number>().domain(bars.map((_, i) => i)).range([top, bottom]).padding(0.2);
  const rows = bars.map((b, i) => {
    const v = values[i]!;
    const x0 = x(Math.min(0, v)), x1 = x(Math.max(0, v));
    const yy = y(i)!;
    const text = printed(b.value);
    const tx = v >= 0 ? x1 + 4 : x0 - 4;
    return `<g class="bar ${v >= 0 ? "positive" : "negative"}"><title>${escapeHtml(`${b.label}: ${text}`)}</title>` +
      `<text x="${px(left - 6)}" y="${px(yy + y.bandwidth() / 2 + 4)}" text-anchor="end" font-size="11">${escapeHtml(labels[i] ?? "")}</text>` +
      `<rect x="${px(x0)}" y="${px(yy)}" width="${px(Math.max(1, x1 - x0))}" height="${px(y.bandwidth())}" fill="${v >= 0 ? POSITIVE : NEGATIVE}" stroke="#222222" stroke-width="${v >= 0 ? 0.5 : 1}"${v >= 0 ? "" : ' stroke-dasharray="3 2"'}/>` +
      `<text x="${px(tx)}" y="${px(yy + y.bandwidth() / 2 + 4)}" font-size="11"${v < 0 ? ' text-anchor="end"' : ""}>${text}</text></g>`;
  });
  const ticks = [-1, -0.5, 0, 0.5, 1].map((v) => ({ at: x(v), label: v.toFixed(1) }));
  const zero = `<line class="zero" x1="${px(x(0))}" y1="${px(top - 6)}" x2="${px(x(0))}" y2="${px(bottom)}" stroke="#222222" stroke-width="1.5"/>`;
  const desc = input.description ?? `${bars.length} activities ranked by sensitivity; largest: ${bars.slice(0, 3).map((b) => `${b.label} ${printed(b.value)}`).join(", ")}.`;
  const body = bottomAxis(ticks, left, right, bottom, top, input.axisTitle ?? "Sensitivity (rank correlation with project duration)") + `<g class="plot">${rows.join("")}${zero}</g>`;
  return svgDocument("tornado", { width, height }, input.title, desc, body);
}
