import { scaleSqrt } from "d3-scale";
import { checkArguments, type CurrencyCode } from "../../core/index.js";
import { escapeHtml } from "../escape.js";
import { Issues, MARGIN, amountNumber, chartSize, clip, legend, px, svgDocument, type ChartAmount, type ChartSize, type SvgMarkup } from "./svg.js";
import { xyFrame } from "./xy.js";

/** One candidate on the value-vs-cost bubble chart. */
export interface Bubble {
  /** Name shown beside the bubble. */
  readonly label: string;
  /** Cost (x axis). */
  readonly cost: ChartAmount;
  /** Value or score (y axis). */
  readonly value: ChartAmount;
  /** Bubble area (effort, risk exposure…); default 1 for every bubble. Must not be negative. */
  readonly size?: ChartAmount;
  /** Whether the candidate is in the selected portfolio. */
  readonly selected: boolean;
}

/** Input of {@link valueCostBubbleChart}. */
export interface BubbleChartInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: counts of selected and not selected. */
  readonly description?: string;
  /** x-axis title; default `"Cost"` (plus the currency code when costs are Money). */
  readonly xTitle?: string;
  /** y-axis title; default `"Value score"`. */
  readonly yTitle?: string;
  /** The candidates. */
  readonly bubbles: readonly Bubble[];
}

const SELECTED = { colour: "#0072B2", marker: "circle" } as const;
const NOT_SELECTED = { colour: "#777777", marker: "circle", dash: "3 2" } as const;

/**
 * Value against cost, one bubble per candidate, area by `size`: selected candidates are filled blue circles with a
 * solid outline, the others hollow grey circles with a dashed outline (so the difference survives greyscale
 * print). Labels are escaped. Larger bubbles are drawn first so small ones stay visible. Deterministic.
 *
 * @throws {ValidationError} for a bad amount (path `bubbles[i].cost`), a negative size or mixed currencies.
 * @example
 * ```ts
 * valueCostBubbleChart({
 *   title: "Intake — value vs cost",
 *   bubbles: [
 *     { label: "CRM", cost: money("450000", "EUR"), value: 78, size: 5, selected: true },
 *     { label: "Data lake", cost: money("900000", "EUR"), value: 61, size: 8, selected: false },
 *   ],
 * });
 * ```
 */
export function valueCostBubbleChart(input: BubbleChartInput): SvgMarkup {
  checkArguments("valueCostBubbleChart", { input: [input, "object"] });
  const issues = new Issues();
  const size = chartSize(input, issues);
  if (typeof input.title !== "string" || input.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const cur: { code?: CurrencyCode } = {};
  const noCurrency: { code?: CurrencyCode } = {};
  if (!Array.isArray(input.bubbles)) issues.add(["bubbles"], "expected an array");
  const bubbles = Array.isArray(input.bubbles) ? input.bubbles : [];
  bubbles.forEach((b, i) => {
    if (typeof b?.label !== "string") issues.add(["bubbles", i, "label"], "expected a string");
    issues.amount(b?.cost, ["bubbles", i, "cost"], cur);
    issues.amount(b?.value, ["bubbles", i, "value"], noCurrency);
    if (b?.size !== undefined) {
      issues.amount(b.size, ["bubbles", i, "size"], {});
      if (issues.list.length === 0 && amountNumber(b.size) < 0) issues.add(["bubbles", i, "size"], "size must not be negative");
    }
    if (typeof b?.selected !== "boolean") issues.add(["bubbles", i, "selected"], "expected true or false");
  });
  issues.throwIfAny("bubble chart");

  const lg = legend(
    [
      { label: "Selected", style: SELECTED, swatch: "dot" },
      { label: "Not selected", style: NOT_SELECTED, swatch: "hollow-dot" },
    ],
    MARGIN.left,
    size.width,
  );
  const { x, y, axes, box } = xyFrame(bubbles.map((b) => amountNumber(b.cost)), bubbles.map((b) => amountNumber(b.value)), size, input.xTitle ?? (cur.code ? `Cost (${cur.code})` : "Cost"), input.yTitle ?? "Value score", lg.bottom);
  const sizes = bubbles.map((b) => (b.size === undefined ? 1 : amountNumber(b.size)));
  const r = scaleSqrt().domain([0, Math.max(...sizes, 1e-9)]).range([3, 24]);
  const order = bubbles.map((b, i) => ({ b, i, s: sizes[i] ?? 1 })).sort((a, b) => b.s - a.s || a.i - b.i);
  const marks = order.map(({ b, s }) => {
    const cx = x(amountNumber(b.cost)), cy = y(amountNumber(b.value)), rr = r(s);
    const shape = b.selected
      ? `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(rr)}" fill="${SELECTED.colour}" fill-opacity="0.75" stroke="#0b2e4f" stroke-width="1.5"/>`
      : `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(rr)}" fill="#ffffff" fill-opacity="0.6" stroke="${NOT_SELECTED.colour}" stroke-width="1.5" stroke-dasharray="${NOT_SELECTED.dash}"/>`;
    // Labels on the right half go to the left of their bubble, so they stay inside the chart.
    const onLeft = cx > (box.left + box.right) / 2;
    const text = `<text x="${px(onLeft ? cx - rr - 3 : cx + rr + 3)}" y="${px(cy + 4)}" font-size="11"${onLeft ? ' text-anchor="end"' : ""}>${escapeHtml(clip(b.label, 32))}</text>`;
    return `<g class="bubble ${b.selected ? "selected" : "not-selected"}"><title>${escapeHtml(b.label)}</title>${shape}${text}</g>`;
  });
  const nSel = bubbles.filter((b) => b.selected).length;
  const desc = input.description ?? `${bubbles.length} candidates by cost and value: ${nSel} selected, ${bubbles.length - nSel} not selected.`;
  const body =
    axes +
    `<g class="plot">${marks.join("")}</g>` +
    lg.svg;
  return svgDocument("bubble", size, input.title, desc, body);
}
