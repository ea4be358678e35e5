import { scaleLinear, scaleUtc } from "d3-scale";
import { checkArguments, decimal, metric, PmoDecimal, type Decimal } from "../../core/index.js";
import { percent } from "../sections/shared.js";
import { cellText } from "../cells.js";
import { escapeHtml } from "../escape.js";
import { Issues, MARGIN, REF_STYLE, bottomAxis, chartSize, dateMs, dateTickFormat, leftAxis, legend, marker, numberTickFormat, px, svgDocument, verticalMarker, type ChartSize, type LegendItem, type SvgMarkup } from "./svg.js";

/** One bin of the finish-date distribution (a schedule risk histogram bin). */
export interface FinishBin {
  /** First finish date in the bin. */
  readonly from: string;
  /** Last finish date in the bin (inclusive). */
  readonly to: string;
  /** Iterations finishing in the bin. */
  readonly count: number;
  /** Share of iterations finishing on or before `to`, 0–1. */
  readonly cumulative: Decimal | number;
}

/** Input of {@link finishDistributionChart}. */
export interface FinishDistributionInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: the marked percentiles. */
  readonly description?: string;
  /** The histogram, bins in date order. */
  readonly bins: readonly FinishBin[];
  /** Percentiles to mark (P50 and P80 usually), as vertical lines. */
  readonly percentiles?: readonly { readonly percent: number; readonly finish: string }[];
  /** A target or deadline to mark. */
  readonly target?: { readonly label: string; readonly date: string };
}

const BARS = "#56B4E9";

// A cumulative share as a percentage with one place, rounded as the reports round percentages (sections' `percent`):
// a share short of 100 % never reads 100.0% (0.9996 is 99.96%), one above 0 never 0.0% (0.0004 is 0.04%).
function shareText(share: Decimal | number): string {
  const exact = (PmoDecimal.isDecimal(share) ? share : decimal(share)).times(100);
  return cellText(percent(metric(exact), 1));
}
const CUMULATIVE = "#000000";

/**
 * The finish-date distribution of a schedule risk analysis: a histogram of iterations per finish-date bin (left
 * axis), the cumulative probability as a line with markers (right axis, 0–100 %), dotted lines at the marked
 * percentiles (P50, P80) and an optional target date, legend, `<title>` and `<desc>`. Deterministic.
 *
 * @throws {ValidationError} for a bad date, a negative count, a cumulative share outside 0–1 (path `bins[i].…`) or a
 *   percentile that is not a number from 0 to 100.
 * @example
 * ```ts
 * finishDistributionChart({
 *   title: "CRM go-live — finish dates (5,000 runs)",
 *   bins: [
 *     { from: "2027-02-22", to: "2027-02-26", count: 1200, cumulative: 0.24 },
 *     { from: "2027-03-01", to: "2027-03-05", count: 2600, cumulative: 0.76 },
 *     { from: "2027-03-08", to: "2027-03-12", count: 1200, cumulative: 1 },
 *   ],
 *   percentiles: [{ percent: 50, finish: "2027-03-03" }, { percent: 80, finish: "2027-03-08" }],
 * });
 * ```
 */
export function finishDistributionChart(input: FinishDistributionInput): SvgMarkup {
  checkArguments("finishDistributionChart", { input: [input, "object"] });
  const issues = new Issues();
  const size = chartSize(input, issues);
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const bins = Array.isArray(input.bins) ? input.bins : [];
  if (bins.length === 0) issues.add(["bins"], "expected at least one bin");
  const cum = bins.map((b, i) => {
    issues.date(b?.from, ["bins", i, "from"]);
    issues.date(b?.to, ["bins", i, "to"]);
    if (!Number.isInteger(b?.count) || b.count < 0) issues.add(["bins", i, "count"], "expected a whole count of zero or more");
    const c = typeof b?.cumulative === "number" ? b.cumulative : typeof b?.cumulative === "object" && b.cumulative !== null ? b.cumulative.toNumber() : Number.NaN;
    if (!(c >= 0 && c <= 1)) issues.add(["bins", i, "cumulative"], "expected a share from 0 to 1");
    return c;
  });
  (input.percentiles ?? []).forEach((p, i) => {
    issues.date(p?.finish, ["percentiles", i, "finish"]);
    // The percent names its line's class and label: a number from 0 to 100, nothing else (JavaScript callers included).
    if (typeof p?.percent !== "number" || !(p.percent >= 0 && p.percent <= 100)) issues.add(["percentiles", i, "percent"], "a percentile is a number from 0 to 100");
  });
  if (input.target) issues.date(input.target.date, ["target", "date"]);
  issues.throwIfAny("finish distribution chart");

  const { width, height } = size;
  const marks = [...(input.percentiles ?? []).map((p) => ({ key: `p${p.percent}`, date: p.finish, label: `P${p.percent} ${p.finish}` })), ...(input.target ? [{ key: "target", date: input.target.date, label: input.target.label }] : [])];
  const items: LegendItem[] = [
    { label: "Iterations per finish date", style: { colour: BARS, width: 8 } },
    { label: "Cumulative probability", style: { colour: CUMULATIVE, marker: "circle", width: 2 } },
    ...marks.map((m) => ({ label: m.label, style: REF_STYLE })),
  ];
  const lg = legend(items, MARGIN.left, width);
  const left = MARGIN.left, right = width - 56, top = lg.bottom, bottom = height - MARGIN.bottom;
  const DAY = 86_400_000;
  const times = [...bins.flatMap((b) => [dateMs(b.from), dateMs(b.to) + DAY]), ...marks.map((m) => dateMs(m.date) + DAY)];
  const x = scaleUtc().domain([new Date(Math.min(...times)), new Date(Math.max(...times))]).range([left, right]);
  const y = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.count))]).nice(5).range([bottom, top]);
  const yc = scaleLinear().domain([0, 1]).range([bottom, top]);
  const bars = bins.map((b, i) => {
    const x0 = x(new Date(dateMs(b.from))), x1 = x(new Date(dateMs(b.to) + DAY));
    return `<rect class="bin" x="${px(x0 + 0.5)}" y="${px(y(b.count))}" width="${px(Math.max(1, x1 - x0 - 1))}" height="${px(y(0) - y(b.count))}" fill="${BARS}" stroke="#2b6f96" stroke-width="0.5"><title>${escapeHtml(`${b.from} to ${b.to}: ${b.count} iterations, ${shareText(b.cumulative)} by ${b.to}`)}</title></rect>`;
  });
  const pts = bins.map((b, i) => ({ x: x(new Date(dateMs(b.to) + DAY)), y: yc(cum[i]!) }));
  const curve = `<path class="cumulative" d="${pts.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x)},${px(p.y)}`).join("")}" fill="none" stroke="${CUMULATIVE}" stroke-width="2"/>` + pts.map((p) => marker("circle", p.x, p.y, CUMULATIVE, 24)).join("");
  const rightTicks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => `<line x1="${px(right)}" y1="${px(yc(v))}" x2="${px(right + 5)}" y2="${px(yc(v))}" stroke="#333333"/><text x="${px(right + 8)}" y="${px(yc(v) + 4)}">${v * 100}%</text>`).join("");
  const rightAxis = `<g class="axis axis-y2" font-size="11">${rightTicks}<line x1="${px(right)}" y1="${px(bottom)}" x2="${px(right)}" y2="${px(top)}" stroke="#333333"/></g>`;
  const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 90)));
  const fmt = dateTickFormat(ticks);
  const yTicks = y.ticks(5).filter((v) => Number.isInteger(v));
  const vmarks = marks.map((m) => verticalMarker(m.key, x(new Date(dateMs(m.date) + DAY)), top, bottom, (left + right) / 2, m.label));
  const total = bins.reduce((s, b) => s + b.count, 0);
  const desc = input.description ?? `${total} iterations in ${bins.length} bins from ${bins[0]!.from} to ${bins[bins.length - 1]!.to}${marks.length ? `; ${marks.map((m) => m.label).join(", ")}` : ""}.`;
  const body = bottomAxis(ticks.map((t) => ({ at: x(t), label: fmt(t) })), left, right, bottom, top, "Finish date") +
    leftAxis(yTicks.map((v) => ({ at: y(v), label: numberTickFormat(yTicks)(v) })), bottom, top, left, right, "Iterations") + rightAxis +
    `<g class="plot">${bars.join("")}${curve}${vmarks.join("")}</g>` + lg.svg;
  return svgDocument("finish-distribution", size, input.title, desc, body);
}
