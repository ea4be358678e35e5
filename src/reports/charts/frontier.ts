import { line } from "d3-shape";
import { PmoDecimal, checkArguments, isMoney, type CurrencyCode, type Decimal } from "../../core/index.js";
import { amountText } from "./dated-lines.js";
import { Issues, MARGIN, REF_STYLE, amountNumber, chartSize, legend, marker, svgDocument, titleWithCurrency, verticalMarker, type ChartAmount, type ChartSize, type SeriesStyle, type SvgMarkup } from "./svg.js";
import { xyFrame } from "./xy.js";

/** One point of a cost–value curve (a portfolio: its total cost and total value). */
export interface CostValuePoint {
  /** Total cost (x axis). */
  readonly cost: ChartAmount;
  /** Total value (y axis). */
  readonly value: ChartAmount;
}

/** Input of {@link efficientFrontierChart}. */
export interface FrontierChartInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary. */
  readonly description?: string;
  /** The efficient frontier: the best value reachable at each budget (optimal portfolios). */
  readonly frontier: readonly CostValuePoint[];
  /** The ranking curve: cumulative cost and value taking candidates in rank order. */
  readonly ranking: readonly CostValuePoint[];
  /** The budget, drawn as a dotted vertical line. */
  readonly budget?: ChartAmount;
  /** x-axis title; default `"Cost"`. The currency code of Money costs is added unless the title names it. */
  readonly xTitle?: string;
  /** y-axis title; default `"Total value"`. */
  readonly yTitle?: string;
}

const FRONTIER: SeriesStyle = { colour: "#0072B2", marker: "circle", width: 2.5 };
const RANKING: SeriesStyle = { colour: "#D55E00", marker: "square", dash: "7 4", width: 2 };

/** The exact amount of a chart figure (a number as the decimal it prints as). */
const exactAmount = (v: ChartAmount): Decimal => (typeof v === "number" ? new PmoDecimal(v) : isMoney(v) ? v.amount : v);

/**
 * The efficient frontier (solid, circles) against the ranking curve (dashed, squares), cost on x and value on y,
 * with the budget as a dotted vertical line: the gap between the curves is the value that picking by rank leaves
 * on the table. Points are drawn in cost order. Deterministic.
 *
 * @throws {ValidationError} for a bad amount (path `frontier[i].cost`) or mixed currencies.
 * @example
 * ```ts
 * efficientFrontierChart({
 *   title: "Frontier vs ranking",
 *   frontier: [{ cost: money("0", "EUR"), value: 0 }, { cost: money("500000", "EUR"), value: 140 }],
 *   ranking: [{ cost: money("0", "EUR"), value: 0 }, { cost: money("480000", "EUR"), value: 118 }],
 *   budget: money("500000", "EUR"),
 * });
 * ```
 */
export function efficientFrontierChart(input: FrontierChartInput): SvgMarkup {
  checkArguments("efficientFrontierChart", { input: [input, "object"] });
  const issues = new Issues();
  const size = chartSize(input, issues);
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const cur: { code?: CurrencyCode } = {};
  // One currency on the value axis too (Money values such as NPV): two would be drawn on one scale as if alike.
  const valueCur: { code?: CurrencyCode } = {};
  const curves = { frontier: input.frontier, ranking: input.ranking };
  for (const [key, pts] of Object.entries(curves)) {
    if (!Array.isArray(pts)) issues.add([key], "expected an array of { cost, value } points");
    else pts.forEach((p, i) => {
      issues.amount(p?.cost, [key, i, "cost"], cur);
      issues.amount(p?.value, [key, i, "value"], valueCur);
    });
  }
  if (input.budget !== undefined) issues.amount(input.budget, ["budget"], cur);
  issues.throwIfAny("frontier chart");

  const sorted = (pts: readonly CostValuePoint[]) => pts.map((p, i) => ({ p, i })).sort((a, b) => amountNumber(a.p.cost) - amountNumber(b.p.cost) || a.i - b.i).map((e) => e.p);
  const fr = sorted(input.frontier), rk = sorted(input.ranking);
  const all = [...fr, ...rk];
  const xs = [...all.map((p) => amountNumber(p.cost)), ...(input.budget === undefined ? [] : [amountNumber(input.budget)])];
  const budgetLabel = input.budget === undefined ? undefined : `Budget ${amountText(input.budget)}`;
  const lg = legend(
    [
      { label: "Efficient frontier", style: FRONTIER },
      { label: "Ranking curve", style: RANKING },
      ...(budgetLabel ? [{ label: budgetLabel, style: REF_STYLE }] : []),
    ],
    MARGIN.left,
    size.width,
  );
  // Each money axis names its currency, whatever title the caller gives it (as the bubble chart's do).
  const xTitle = titleWithCurrency(input.xTitle ?? "Cost", cur.code);
  const { x, y, axes, box } = xyFrame(xs, all.map((p) => amountNumber(p.value)), size, xTitle, titleWithCurrency(input.yTitle ?? "Total value", valueCur.code), lg.bottom);
  const path = line<CostValuePoint>().x((p) => x(amountNumber(p.cost))).y((p) => y(amountNumber(p.value))).digits(2);
  const draw = (key: string, pts: readonly CostValuePoint[], st: SeriesStyle) =>
    pts.length === 0
      ? ""
      : `<g class="series series-${key}"><path d="${path(pts) ?? ""}" fill="none" stroke="${st.colour}" stroke-width="${st.width ?? 2}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ""}/>` +
        pts.map((p) => marker(st.marker ?? "circle", x(amountNumber(p.cost)), y(amountNumber(p.value)), st.colour)).join("") +
        `</g>`;
  const budget =
    input.budget === undefined || budgetLabel === undefined
      ? ""
      : verticalMarker("budget", x(amountNumber(input.budget)), box.top, box.bottom, (box.left + box.right) / 2, budgetLabel);
  // Chosen exactly: two values one double apart (1 and 1.00000000000000001) named the first as the best.
  const best = (pts: readonly CostValuePoint[]) => (pts.length ? amountText(pts.reduce((a, b) => (exactAmount(b.value).greaterThan(exactAmount(a.value)) ? b : a)).value) : "none");
  const desc = input.description ?? `Efficient frontier (${fr.length} points, best value ${best(fr)}) against the ranking curve (${rk.length} points, best value ${best(rk)})${budgetLabel ? `; ${budgetLabel}` : ""}.`;
  const body =
    axes +
    `<g class="plot">${draw("frontier", fr, FRONTIER)}${draw("ranking", rk, RANKING)}${budget}</g>` +
    lg.svg;
  return svgDocument("frontier", size, input.title, desc, body);
}
