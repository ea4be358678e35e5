import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolCross } from "d3-shape";
import { PmoDecimal, ValidationError, decimal, isIsoDate, toDecimalString, isMoney, toEpochDay, type CurrencyCode, type Decimal, type Money, type ValidationIssue } from "../../core/index.js";
import { escapeHtml } from "../escape.js";

declare const svgBrand: unique symbol;

/**
 * SVG text made by one of pmokit's chart functions: every user text in it is escaped. The HTML report embeds only
 * this type as markup (a plain string is not accepted where an `SvgMarkup` is expected).
 */
export type SvgMarkup = string & { readonly [svgBrand]: "SvgMarkup" };

/** An amount on a chart: Money, a Decimal or a plain number. Only pixel positions are computed from it as a float. */
export type ChartAmount = Money | Decimal | number;

/** One point of a dated series. */
export interface DatedPoint {
  /** Calendar date `YYYY-MM-DD`. */
  readonly date: string;
  /** The value at that date. */
  readonly value: ChartAmount;
}

/** Size of a chart in pixels (its viewBox; the SVG scales to its container). */
export interface ChartSize {
  /** Width, default 720. */
  readonly width?: number;
  /** Height, default 360. */
  readonly height?: number;
}

/** The line style of a series: colour, dash pattern and marker, so series differ without colour too. */
export interface SeriesStyle {
  readonly colour: string;
  readonly dash?: string;
  readonly marker?: MarkerShape;
  readonly width?: number;
}

/** Marker shapes (d3-shape symbols). */
export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "cross";

const SYMBOLS = { circle: symbolCircle, square: symbolSquare, triangle: symbolTriangle, diamond: symbolDiamond, cross: symbolCross };

/** Plot margins: room for tick labels (left), axis labels and the legend (top). @internal */
export const MARGIN = { right: 28, bottom: 52, left: 84 } as const;

/** A coordinate with at most two decimals and no `-0`, so output is short and identical across runs. @internal */
export function px(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** A pixel-position number from an amount (never used for printed figures). @internal */
export function amountNumber(v: ChartAmount): number {
  if (typeof v === "number") return v;
  return (isMoney(v) ? v.amount : v).toNumber();
}

/** Collects input problems with their paths, then throws one ValidationError. @internal */
export class Issues {
  readonly list: ValidationIssue[] = [];
  add(path: readonly (string | number)[], message: string): void {
    this.list.push({ path, message, code: "custom" });
  }
  amount(v: unknown, path: readonly (string | number)[], currency: { code?: CurrencyCode }): void {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) this.add(path, `${v} is not a finite number`);
    } else if (isMoney(v)) {
      if (currency.code === undefined) currency.code = v.currency;
      else if (currency.code !== v.currency) this.add([...path, "currency"], `${v.currency} differs from ${currency.code}: one chart, one currency`);
    } else if (!(PmoDecimal.isDecimal(v) && (v as Decimal).isFinite())) this.add(path, "expected Money, a Decimal or a finite number");
  }
  date(v: unknown, path: readonly (string | number)[]): void {
    if (!isIsoDate(v)) this.add(path, `${JSON.stringify(v)} is not a YYYY-MM-DD date`);
  }
  throwIfAny(subject: string): void {
    if (this.list.length > 0) throw new ValidationError(this.list, subject);
  }
}

/** Milliseconds since the epoch at UTC midnight of an ISO date (for d3's UTC time scale). @internal */
export function dateMs(date: string): number {
  return toEpochDay(date as Parameters<typeof toEpochDay>[0]) * 86_400_000;
}

const EN_US: Record<number, Intl.NumberFormat> = {};

/**
 * Tick labels for amounts: thousands separators, as many decimals as the finest tick needs, always en-US. We do
 * not use d3-format here because its default locale is process-wide state that an application may change. @internal
 */
export function numberTickFormat(ticks: readonly number[]): (v: number) => string {
  const decimals = Math.min(20, Math.max(0, ...ticks.map((t) => toDecimalString(decimal(t)).split(".")[1]?.length ?? 0)));
  const nf = (EN_US[decimals] ??= new Intl.NumberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  return (v) => nf.format(v);
}

/** `YYYY-MM` when every tick falls on the 1st of a month, else `YYYY-MM-DD`. @internal */
export function dateTickFormat(ticks: readonly Date[]): (d: Date) => string {
  const monthly = ticks.every((t) => t.getUTCDate() === 1);
  return (d) => {
    const ym = `${String(d.getUTCFullYear()).padStart(4, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    return monthly ? ym : `${ym}-${String(d.getUTCDate()).padStart(2, "0")}`;
  };
}

/** An axis title naming the currency of the Money on that axis, unless the title names it already. @internal */
export function titleWithCurrency(title: string, code: CurrencyCode | undefined): string {
  return code && !title.includes(code) ? `${title} (${code})` : title;
}

/** A marker path centred on (x, y). @internal */
export function marker(shape: MarkerShape, x: number, y: number, colour: string, size = 42, hollow = false): string {
  const d = symbol(SYMBOLS[shape], size)() ?? "";
  const paint = hollow ? `fill="#ffffff" stroke="${colour}" stroke-width="1.5"` : `fill="${colour}"`;
  return `<path class="marker" d="${d}" transform="translate(${px(x)},${px(y)})" ${paint}/>`;
}

/** A legend entry: line sample with dash and marker, or a filled/hollow swatch. @internal */
export interface LegendItem {
  readonly label: string;
  readonly style: SeriesStyle;
  readonly swatch?: "line" | "dot" | "hollow-dot";
}

/** Shortens a label for display (full text stays in a `<title>` beside it). @internal */
export function clip(text: string, max: number): string {
  const chars = Array.from(String(text));
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

/** A label's text for a `<text>` element: the shortened text, with the whole label in a `<title>` when it was cut. @internal */
export function clippedText(whole: string, shown: string): string {
  return shown === whole ? escapeHtml(shown) : `<title>${escapeHtml(whole)}</title>${escapeHtml(shown)}`;
}

/** Estimated width of a label in pixels at 12px (no browser to measure text). @internal */
export function textWidth(text: string, perChar = 6.6): number {
  return Array.from(text).length * perChar;
}

/**
 * The legend above the plot, wrapped onto more rows when it does not fit the width. Returns the markup and the y
 * where the plot may start. @internal
 */
export function legend(items: readonly LegendItem[], x: number, width: number): { svg: string; bottom: number } {
  let cx = x;
  let y = 20;
  const parts = items.map((it) => {
    const s = it.style;
    const label = clip(it.label, 60);
    const w = 30 + textWidth(label) + 18;
    if (cx > x && cx + w > width - 8) {
      cx = x;
      y += 20;
    }
    let sample: string;
    if (it.swatch === "dot" || it.swatch === "hollow-dot") {
      sample = marker(s.marker ?? "circle", cx + 12, y, s.colour, 80, it.swatch === "hollow-dot");
      if (s.dash && it.swatch === "hollow-dot") sample = sample.replace('stroke-width="1.5"', `stroke-width="1.5" stroke-dasharray="${s.dash}"`);
    } else {
      sample = `<line x1="${px(cx)}" y1="${px(y)}" x2="${px(cx + 24)}" y2="${px(y)}" stroke="${s.colour}" stroke-width="${s.width ?? 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`;
      if (s.marker) sample += marker(s.marker, cx + 12, y, s.colour);
    }
    const text = `<text x="${px(cx + 30)}" y="${px(y + 4)}">${clippedText(it.label, label)}</text>`;
    cx += w;
    return `<g class="legend-item">${sample}${text}</g>`;
  });
  return { svg: `<g class="legend" font-size="12">${parts.join("")}</g>`, bottom: y + 26 };
}

/** Axis tick: a value's pixel position and its label. @internal */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/** Bottom axis with ticks, labels, light vertical grid lines and the axis title. @internal */
export function bottomAxis(ticks: readonly Tick[], x0: number, x1: number, y: number, top: number, title: string): string {
  const t = ticks.map(
    (k) =>
      `<line class="grid" x1="${px(k.at)}" y1="${px(top)}" x2="${px(k.at)}" y2="${px(y)}" stroke="#e3e3e3"/>` +
      `<line x1="${px(k.at)}" y1="${px(y)}" x2="${px(k.at)}" y2="${px(y + 5)}" stroke="#333333"/>` +
      `<text x="${px(k.at)}" y="${px(y + 18)}" text-anchor="middle">${escapeHtml(k.label)}</text>`,
  );
  return (
    `<g class="axis axis-x" font-size="11">${t.join("")}<line x1="${px(x0)}" y1="${px(y)}" x2="${px(x1)}" y2="${px(y)}" stroke="#333333"/>` +
    `<text class="axis-title" x="${px((x0 + x1) / 2)}" y="${px(y + 40)}" text-anchor="middle" font-size="12">${escapeHtml(title)}</text></g>`
  );
}

/** Left axis with ticks, labels, light horizontal grid lines and the (rotated) axis title. @internal */
export function leftAxis(ticks: readonly Tick[], y0: number, y1: number, x: number, right: number, title: string): string {
  const t = ticks.map(
    (k) =>
      `<line class="grid" x1="${px(x)}" y1="${px(k.at)}" x2="${px(right)}" y2="${px(k.at)}" stroke="#e3e3e3"/>` +
      `<line x1="${px(x - 5)}" y1="${px(k.at)}" x2="${px(x)}" y2="${px(k.at)}" stroke="#333333"/>` +
      `<text x="${px(x - 8)}" y="${px(k.at + 4)}" text-anchor="end">${escapeHtml(k.label)}</text>`,
  );
  const mid = (y0 + y1) / 2;
  return (
    `<g class="axis axis-y" font-size="11">${t.join("")}<line x1="${px(x)}" y1="${px(y0)}" x2="${px(x)}" y2="${px(y1)}" stroke="#333333"/>` +
    `<text class="axis-title" x="${px(16)}" y="${px(mid)}" text-anchor="middle" font-size="12" transform="rotate(-90 16 ${px(mid)})">${escapeHtml(title)}</text></g>`
  );
}

/** FNV-1a, 32 bit: a deterministic id suffix from the chart's content, so two charts on one page get distinct ids. @internal */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Wraps a chart body into a standalone, accessible SVG (role img, `<title>` and `<desc>` it is labelled by). @internal */
export function svgDocument(kind: string, size: Required<ChartSize>, title: string, desc: string, body: string): SvgMarkup {
  const id = `pmk-${kind}-${contentHash(`${title}\u0000${desc}\u0000${body}`)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="pmk-chart pmk-${kind}" width="${size.width}" height="${size.height}" ` +
    `viewBox="0 0 ${size.width} ${size.height}" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
    `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" fill="#222222">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>` +
    `<rect width="${size.width}" height="${size.height}" fill="#ffffff"/>${body}</svg>`
  ) as SvgMarkup;
}

/** Chart size with defaults, validated. @internal */
export function chartSize(size: ChartSize | undefined, issues: Issues): Required<ChartSize> {
  const width = size?.width ?? 720;
  const height = size?.height ?? 360;
  if (!Number.isInteger(width) || width < 240 || width > 4000) issues.add(["width"], "width must be an integer from 240 to 4000");
  if (!Number.isInteger(height) || height < 160 || height > 4000) issues.add(["height"], "height must be an integer from 160 to 4000");
  return { width, height };
}

/** A dotted vertical reference line (status date, go-live, budget) with its label kept inside the plot. @internal */
export function verticalMarker(key: string, x: number, top: number, bottom: number, mid: number, label: string): string {
  const text = clip(label, 40);
  const leftSide = x > mid;
  return (
    `<g class="ref-line ref-${key}"><line x1="${px(x)}" y1="${px(top)}" x2="${px(x)}" y2="${px(bottom)}" stroke="#555555" stroke-width="1.5" stroke-dasharray="2 3"/>` +
    `<text x="${px(leftSide ? x - 4 : x + 4)}" y="${px(top + 12)}" font-size="11"${leftSide ? ' text-anchor="end"' : ""}>${clippedText(label, text)}</text></g>`
  );
}

/** The style of reference lines in legends. @internal */
export const REF_STYLE: SeriesStyle = { colour: "#555555", dash: "2 3", width: 1.5 };
