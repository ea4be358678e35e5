import { scaleLinear, scaleSqrt } from "d3-scale";
import { checkArguments, type CurrencyCode } from "../../core/index.js";
import { escapeHtml } from "../escape.js";
import { Issues, MARGIN, amountNumber, chartSize, clip, legend, numberTickFormat, px, svgDocument, titleWithCurrency, textWidth, type ChartAmount, type ChartSize, type SvgMarkup } from "./svg.js";
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
  /** x-axis title; default `"Cost"`. When costs are Money the currency code is added (`"Cost (EUR)"`) unless the title already names it. */
  readonly xTitle?: string;
  /** y-axis title; default `"Value score"`. */
  readonly yTitle?: string;
  /**
   * What bubble area stands for (`"integration demand (hours)"`), shown above the size legend. The size legend (two
   * or three reference bubbles with their sizes) is drawn whenever some bubble has a `size`.
   */
  readonly sizeTitle?: string;
  /** The candidates. */
  readonly bubbles: readonly Bubble[];
}

const SELECTED = { colour: "#0072B2", marker: "circle" } as const;
const NOT_SELECTED = { colour: "#777777", marker: "circle", dash: "3 2" } as const;
// Bubble radii in pixels: the smallest stays visible, the largest leaves room for its neighbours.
const MIN_R = 3;
const MAX_R = 24;
// Width of the size legend right of the plot, and how many characters of its title fit on one line there.
const SIZE_PANEL = 132;
const SIZE_TITLE_CHARS = 22;

/** Wraps a text into lines of at most `max` characters at spaces (a longer word gets a line of its own, clipped). */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(clip(word, max));
  }
  return lines.slice(0, 4);
}

/**
 * The size legend: what area means, then two or three reference bubbles drawn with the chart's own radius scale,
 * each labelled with its size, stacked from the largest down.
 */
function sizeLegend(title: string, radius: (v: number) => number, max: number, x: number, top: number): string {
  // Reference sizes: round values up to the largest bubble (0, 200, 400, 600 → 200, 400, 600), at most three.
  const refs = scaleLinear().domain([0, max]).ticks(3).filter((v) => v > 0 && v <= max).slice(-3).reverse();
  if (refs.length === 0) refs.push(max);
  const fmt = numberTickFormat(refs);
  const lines = wrap(`Bubble area: ${title}`, SIZE_TITLE_CHARS);
  let y = top + 12;
  const head = lines.map((l) => {
    const t = `<text x="${px(x)}" y="${px(y)}">${escapeHtml(l)}</text>`;
    y += 14;
    return t;
  });
  const cx = x + MAX_R;
  const marks = refs.map((v) => {
    const r = radius(v);
    const cy = y + r;
    y += 2 * r + 8;
    return `<g class="size-ref"><circle cx="${px(cx)}" cy="${px(cy)}" r="${px(r)}" fill="none" stroke="#555555" stroke-width="1"/>` +
      `<text x="${px(cx + MAX_R + 8)}" y="${px(cy + 4)}">${escapeHtml(fmt(v))}</text></g>`;
  });
  return `<g class="size-legend" font-size="11">${head.join("")}${marks.join("")}</g>`;
}

/**
 * Value against cost, one bubble per candidate, area by `size`: selected candidates are filled blue circles with a
 * solid outline, the others hollow grey circles with a dashed outline (so the difference survives greyscale
 * print). Labels are escaped. Larger bubbles are drawn first so small ones stay visible. The plot keeps the largest
 * radius inside its axes, so no bubble is cut at an edge; the cost axis names its currency; when bubbles have sizes,
 * a size legend right of the plot says what area means (`sizeTitle`) and draws two or three reference bubbles with
 * their sizes (the smallest bubbles are drawn at 3 px so they stay visible). Deterministic.
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
  if (input.sizeTitle !== undefined && typeof input.sizeTitle !== "string") issues.add(["sizeTitle"], "expected a text");
  const cur: { code?: CurrencyCode } = {};
  const noCurrency: { code?: CurrencyCode } = {}; // the value axis: one currency when values are Money
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
  const sized = bubbles.some((b) => b.size !== undefined);
  const sizes = bubbles.map((b) => (b.size === undefined ? 1 : amountNumber(b.size)));
  const maxSize = Math.max(...sizes, 0);
  const r = scaleSqrt().domain([0, Math.max(maxSize, 1e-9)]).range([MIN_R, MAX_R]);
  const showSizes = sized && maxSize > 0 && size.width - MARGIN.left - SIZE_PANEL >= 240;
  // Each money axis names its currency, whatever title the caller gave.
  const xTitle = titleWithCurrency(input.xTitle ?? "Cost", cur.code);
  // Scales stay a largest radius (plus the outline) inside the axes, so no bubble is cut at an edge.
  const rMax = r(Math.max(...sizes, 0));
  const { x, y, axes, box } = xyFrame(bubbles.map((b) => amountNumber(b.cost)), bubbles.map((b) => amountNumber(b.value)), size, xTitle, titleWithCurrency(input.yTitle ?? "Value score", noCurrency.code), lg.bottom, {
    inset: Math.ceil(rMax + 2),
    ...(showSizes ? { rightMargin: MARGIN.right + SIZE_PANEL } : {}),
  });
  const order = bubbles.map((b, i) => ({ b, i, s: sizes[i] ?? 1 })).sort((a, b) => b.s - a.s || a.i - b.i);
  const marks = order.map(({ b, s }) => {
    const cx = x(amountNumber(b.cost)), cy = y(amountNumber(b.value)), rr = r(s);
    const shape = b.selected
      ? `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(rr)}" fill="${SELECTED.colour}" fill-opacity="0.75" stroke="#0b2e4f" stroke-width="1.5"/>`
      : `<circle cx="${px(cx)}" cy="${px(cy)}" r="${px(rr)}" fill="#ffffff" fill-opacity="0.6" stroke="${NOT_SELECTED.colour}" stroke-width="1.5" stroke-dasharray="${NOT_SELECTED.dash}"/>`;
    // Labels on the right half go to the left of their bubble, so they stay inside the chart.
    const onLeft = cx > (box.left + box.right) / 2;
    const label = clip(b.label, 32);
    const lx = onLeft ? Math.max(cx - rr - 3, box.left + 4 + textWidth(label, 6)) : Math.min(cx + rr + 3, box.right - 4 - textWidth(label, 6));
    const text = `<text x="${px(lx)}" y="${px(cy + 4)}" font-size="11"${onLeft ? ' text-anchor="end"' : ""}>${escapeHtml(label)}</text>`;
    return `<g class="bubble ${b.selected ? "selected" : "not-selected"}"><title>${escapeHtml(b.label)}</title>${shape}${text}</g>`;
  });
  const nSel = bubbles.filter((b) => b.selected).length;
  const area = sized ? ` Bubble area: ${input.sizeTitle ?? "size"}.` : "";
  const desc = input.description ?? `${bubbles.length} candidates by cost and value: ${nSel} selected, ${bubbles.length - nSel} not selected.${area}`;
  const body =
    axes +
    `<g class="plot">${marks.join("")}</g>` +
    lg.svg +
    (showSizes ? sizeLegend(input.sizeTitle ?? "size", (v) => r(v), maxSize, box.right + 20, box.top) : "");
  return svgDocument("bubble", size, input.title, desc, body);
}
