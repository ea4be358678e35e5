import { scaleBand, scaleLinear } from "d3-scale";
import { escapeHtml } from "../escape.js";
import { Issues, MARGIN, amountNumber, bottomAxis, chartSize, clip, leftAxis, legend, numberTickFormat, px, svgDocument, type ChartSize, type LegendItem, type SvgMarkup } from "./svg.js";
import { amountText } from "./dated-lines.js";
import { checkArguments, type Decimal } from "../../core/index.js";

/** One period of a resource histogram: demand against capacity, in unit-days (or hours: one unit for both). */
export interface ResourceLoadPeriod {
  /** Period label (`2027-01`, `2027-W05`). */
  readonly label: string;
  /** Demand in the period. */
  readonly demand: Decimal | number;
  /** Capacity in the period. */
  readonly capacity: Decimal | number;
}

/** Input of {@link resourceHistogramChart}. */
export interface ResourceHistogramInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary of the overloaded periods. */
  readonly description?: string;
  /** Periods in order. */
  readonly periods: readonly ResourceLoadPeriod[];
  /** The unit of demand and capacity, for the axis title; default `"unit-days"`. */
  readonly unit?: string;
}

// Demand within capacity light sky blue (grey ≈ 158), the part above capacity near-black (grey ≈ 17): they read apart
// without colour; capacity a heavy dashed step line.
const WITHIN = "#56B4E9";
const OVER = "#111111";
const CAPACITY = "#E69F00";

/**
 * A resource histogram: demand per period as bars, the part above capacity drawn near-black, capacity as a
 * dashed step line, labelled axes, legend, `<title>` and `<desc>` listing the overloaded periods. Deterministic.
 *
 * @throws {ValidationError} when a figure is not a finite non-negative number (path `periods[i].demand`).
 * @example
 * ```ts
 * resourceHistogramChart({
 *   title: "DBA — demand vs capacity",
 *   periods: [{ label: "2027-01", demand: 25, capacity: 20 }, { label: "2027-02", demand: 12, capacity: 20 }],
 * });
 * ```
 */
export function resourceHistogramChart(input: ResourceHistogramInput): SvgMarkup {
  checkArguments("resourceHistogramChart", { input: [input, "object"] });
  const issues = new Issues();
  const size = chartSize(input, issues);
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const periods = Array.isArray(input.periods) ? input.periods : [];
  if (periods.length === 0) issues.add(["periods"], "expected at least one period");
  const fig = (v: unknown, path: (string | number)[]) => {
    issues.amount(v, path, {});
    const n = typeof v === "number" || (typeof v === "object" && v !== null) ? amountNumber(v as number) : Number.NaN;
    if (!(n >= 0)) issues.add(path, "expected a figure of zero or more");
    return n;
  };
  const rows = periods.map((p, i) => ({ label: String(p?.label), demand: fig(p?.demand, ["periods", i, "demand"]), capacity: fig(p?.capacity, ["periods", i, "capacity"]) }));
  issues.throwIfAny("resource histogram");

  const { width, height } = size;
  const items: LegendItem[] = [
    { label: "Demand within capacity", style: { colour: WITHIN, width: 8 } },
    { label: "Demand above capacity", style: { colour: OVER, width: 8 } },
    { label: "Capacity", style: { colour: CAPACITY, width: 2.5, dash: "6 3" } },
  ];
  const lg = legend(items, MARGIN.left, width);
  const left = MARGIN.left, right = width - MARGIN.right, top = lg.bottom, bottom = height - MARGIN.bottom;
  const x = scaleBand<number>().domain(rows.map((_, i) => i)).range([left, right]).paddingInner(0.2).paddingOuter(0.1);
  const y = scaleLinear().domain([0, Math.max(1, ...rows.flatMap((r) => [r.demand, r.capacity]))]).nice(6).range([bottom, top]);
  const bw = x.bandwidth();
  const bars = rows.map((r, i) => {
    const x0 = x(i)!;
    const within = Math.min(r.demand, r.capacity);
    const over = Math.max(0, r.demand - r.capacity);
    const tip = `${r.label}: demand ${amountText(periods[i]!.demand)} of capacity ${amountText(periods[i]!.capacity)}${over > 0 ? " (over capacity)" : ""}`;
    return `<g class="period${over > 0 ? " overloaded" : ""}"><title>${escapeHtml(tip)}</title>` +
      `<rect x="${px(x0)}" y="${px(y(within))}" width="${px(bw)}" height="${px(y(0) - y(within))}" fill="${WITHIN}"/>` +
      (over > 0 ? `<rect x="${px(x0)}" y="${px(y(r.demand))}" width="${px(bw)}" height="${px(y(within) - y(r.demand))}" fill="${OVER}"/>` : "") + "</g>";
  });
  const step = rows.map((r, i) => `${i === 0 ? "M" : "L"}${px(x(i)! - (x.step() - bw) / 2)},${px(y(r.capacity))}H${px(x(i)! + bw + (x.step() - bw) / 2)}`).join("");
  const every = Math.ceil(rows.length / Math.max(1, Math.floor((right - left) / 60)));
  const ticks = rows.map((r, i) => ({ at: x(i)! + bw / 2, label: clip(r.label, 10) })).filter((_, i) => i % every === 0);
  const yTicks = y.ticks(6);
  const fmt = numberTickFormat(yTicks);
  const overloaded = rows.filter((r) => r.demand > r.capacity).map((r) => r.label);
  const desc = input.description ?? `${rows.length} periods; demand above capacity in ${overloaded.length === 0 ? "none" : overloaded.join(", ")}.`;
  const body = bottomAxis(ticks, left, right, bottom, top, "Period") + leftAxis(yTicks.map((v) => ({ at: y(v), label: fmt(v) })), bottom, top, left, right, input.unit ?? "unit-days") +
    `<g class="plot">${bars.join("")}<path class="capacity" d="${step}" fill="none" stroke="${CAPACITY}" stroke-width="2.5" stroke-dasharray="6 3"/></g>` + lg.svg;
  return svgDocument("resource-histogram", size, input.title, desc, body);
}
