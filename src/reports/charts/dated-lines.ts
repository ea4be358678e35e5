import { scaleLinear, scaleUtc } from "d3-scale";
import { line } from "d3-shape";
import { decimal, formatMoney, isMoney, toDecimalString, type CurrencyCode } from "../../core/index.js";
import {
  Issues, MARGIN, REF_STYLE, amountNumber, bottomAxis, chartSize, dateMs, dateTickFormat, leftAxis, legend, marker, numberTickFormat, px, svgDocument, verticalMarker,
  type ChartAmount, type ChartSize, type DatedPoint, type LegendItem, type SeriesStyle, type SvgMarkup,
} from "./svg.js";

/** A series of a dated line chart. @internal */
export interface DatedSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly DatedPoint[];
  readonly style: SeriesStyle;
}

/** A vertical marker (status date, go-live). @internal */
export interface DateMarker {
  readonly key: string;
  readonly date: string;
  readonly label: string;
}

/** Plain exact text of an amount, for descriptions (never through a float). @internal */
export function amountText(v: ChartAmount): string {
  if (isMoney(v)) return formatMoney(v);
  return toDecimalString(typeof v === "number" ? decimal(v) : v);
}

const MAX_MARKERS = 40;

/**
 * The shared engine of the S-curve and the burn-down: dated series on a UTC time axis, an amount axis, legend,
 * vertical date markers. Validates every point (path `key[i].date` / `key[i].value`). @internal
 */
export function datedLineChart(
  kind: string,
  opts: ChartSize & { readonly title: string; readonly yTitle: string; readonly xTitle?: string; readonly integer?: boolean },
  series: readonly DatedSeries[],
  markers: readonly DateMarker[],
  describe: (currency: CurrencyCode | undefined) => string,
): SvgMarkup {
  const issues = new Issues();
  const size = chartSize(opts, issues);
  if (typeof opts.title !== "string" || opts.title.trim() === "") issues.add(["title"], "a chart needs a title");
  const currency: { code?: CurrencyCode } = {};
  const sorted = series.map((s) => {
    if (!Array.isArray(s.points)) {
      issues.add([s.key], "expected an array of { date, value } points");
      return { ...s, points: [] as DatedPoint[] };
    }
    s.points.forEach((p, i) => {
      issues.date(p?.date, [s.key, i, "date"]);
      issues.amount(p?.value, [s.key, i, "value"], currency);
    });
    const pts = [...s.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let i = 1; i < pts.length; i++) if (pts[i]?.date === pts[i - 1]?.date) issues.add([s.key], `two points on ${String(pts[i]?.date)}`);
    return { ...s, points: pts };
  });
  markers.forEach((m) => issues.date(m.date, [m.key]));
  issues.throwIfAny(`${kind} chart`);

  const all = sorted.flatMap((s) => s.points);
  const times = [...all.map((p) => dateMs(p.date)), ...markers.map((m) => dateMs(m.date))];
  let t0 = times.length ? Math.min(...times) : 0;
  let t1 = times.length ? Math.max(...times) : 86_400_000 * 30;
  if (t0 === t1) [t0, t1] = [t0 - 15 * 86_400_000, t1 + 15 * 86_400_000];
  const values = all.map((p) => amountNumber(p.value));
  const v0 = Math.min(0, ...values);
  const v1 = Math.max(1, ...values);

  const { width, height } = size;
  const legendItems: LegendItem[] = [
    ...sorted.map((s) => ({ label: s.label, style: s.style })),
    ...markers.map((m) => ({ label: m.label, style: REF_STYLE })),
  ];
  const lg = legend(legendItems, MARGIN.left, width);
  const left = MARGIN.left, right = width - MARGIN.right, top = lg.bottom, bottom = height - MARGIN.bottom;
  const x = scaleUtc().domain([new Date(t0), new Date(t1)]).range([left, right]);
  const y = scaleLinear().domain([v0, v1]).nice(6).range([bottom, top]);

  const xTicks = x.ticks(Math.max(2, Math.floor((right - left) / 90)));
  const xFmt = dateTickFormat(xTicks);
  const yTicks = y.ticks(6).filter((v) => !opts.integer || Number.isInteger(v));
  const yFmt = numberTickFormat(yTicks);

  const path = line<DatedPoint>()
    .x((p) => x(new Date(dateMs(p.date))))
    .y((p) => y(amountNumber(p.value)))
    .digits(2);

  const lines = sorted.map((s) => {
    if (s.points.length === 0) return "";
    const st = s.style;
    const d = path(s.points) ?? "";
    const every = Math.ceil(s.points.length / MAX_MARKERS);
    const marks = st.marker
      ? s.points.filter((_, i) => i % every === 0 || i === s.points.length - 1).map((p) => marker(st.marker ?? "circle", x(new Date(dateMs(p.date))), y(amountNumber(p.value)), st.colour)).join("")
      : "";
    return (
      `<g class="series series-${s.key}"><path d="${d}" fill="none" stroke="${st.colour}" stroke-width="${st.width ?? 2}"` +
      `${st.dash ? ` stroke-dasharray="${st.dash}"` : ""} stroke-linejoin="round"/>${marks}</g>`
    );
  });

  const vmarks = markers.map((m) => verticalMarker(m.key, x(new Date(dateMs(m.date))), top, bottom, (left + right) / 2, m.label));
  const body =
    bottomAxis(xTicks.map((t) => ({ at: x(t), label: xFmt(t) })), left, right, bottom, top, opts.xTitle ?? "Date") +
    leftAxis(yTicks.map((v) => ({ at: y(v), label: yFmt(v) })), bottom, top, left, right, currency.code ? `${opts.yTitle} (${currency.code})` : opts.yTitle) +
    `<g class="plot">${lines.join("")}${vmarks.join("")}</g>` +
    lg.svg;
  return svgDocument(kind, size, opts.title, describe(currency.code), body);
}
