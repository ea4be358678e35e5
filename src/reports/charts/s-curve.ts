import { checkArguments } from "../../core/index.js";
import { amountText, datedLineChart, type DatedSeries, type DateMarker } from "./dated-lines.js";
import type { ChartSize, DatedPoint, SvgMarkup } from "./svg.js";

/** Input of {@link sCurveChart}: cumulative earned-value series over dates. */
export interface SCurveInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary of the last values. */
  readonly description?: string;
  /** Planned value (cumulative), by date. */
  readonly pv: readonly DatedPoint[];
  /** Earned value (cumulative), by date. */
  readonly ev: readonly DatedPoint[];
  /** Actual cost (cumulative), by date. */
  readonly ac: readonly DatedPoint[];
  /** Forecast continuations drawn dashed: actual cost towards EAC, earned value towards BAC. */
  readonly forecast?: { readonly ac?: readonly DatedPoint[]; readonly ev?: readonly DatedPoint[] };
  /** The status date, drawn as a dotted vertical line. */
  readonly statusDate?: string;
}

// Okabe–Ito colours with distinct grey levels (PV 87, EV 162, AC 34 on a 0–255 scale), plus distinct markers.
const PV = { colour: "#0072B2", marker: "circle" } as const;
const EV = { colour: "#E69F00", marker: "square", width: 2.5 } as const;
const AC = { colour: "#222222", marker: "triangle" } as const;

/**
 * The earned-value S-curve: PV, EV and AC lines over dates (each with its own colour, marker shape and grey
 * level), dashed forecast lines, a dotted status-date line, labelled axes (dates `YYYY-MM` or `YYYY-MM-DD`, money
 * with thousands separators and the currency code), a legend, `<title>` and `<desc>`. Deterministic.
 *
 * @throws {ValidationError} for a bad date or amount (with its path, e.g. `ev[3].value`), mixed currencies or a
 * date given twice in one series.
 * @example
 * ```ts
 * const svg = sCurveChart({
 *   title: "CRM replacement — S-curve",
 *   pv: [{ date: "2026-09-30", value: money("40000", "EUR") }, { date: "2026-10-31", value: money("90000", "EUR") }],
 *   ev: [{ date: "2026-09-30", value: money("35000", "EUR") }, { date: "2026-10-31", value: money("80000", "EUR") }],
 *   ac: [{ date: "2026-09-30", value: money("38000", "EUR") }, { date: "2026-10-31", value: money("92000", "EUR") }],
 *   forecast: { ac: [{ date: "2026-10-31", value: money("92000", "EUR") }, { date: "2027-03-31", value: money("260000", "EUR") }] },
 *   statusDate: "2026-10-31",
 * });
 * ```
 */
export function sCurveChart(input: SCurveInput): SvgMarkup {
  checkArguments("sCurveChart", { input: [input, "object"] });
  const series: DatedSeries[] = [
    { key: "pv", label: "Planned value (PV)", points: input.pv, style: PV },
    { key: "ev", label: "Earned value (EV)", points: input.ev, style: EV },
    { key: "ac", label: "Actual cost (AC)", points: input.ac, style: AC },
  ];
  if (input.forecast?.ev) series.push({ key: "forecast-ev", label: "EV forecast", points: input.forecast.ev, style: { colour: EV.colour, dash: "7 4", width: 2 } });
  if (input.forecast?.ac) series.push({ key: "forecast-ac", label: "AC forecast (EAC)", points: input.forecast.ac, style: { colour: AC.colour, dash: "7 4", width: 2 } });
  const markers: DateMarker[] = input.statusDate === undefined ? [] : [{ key: "statusDate", date: input.statusDate, label: `Status date ${input.statusDate}` }];
  return datedLineChart("s-curve", { ...input, yTitle: "Cumulative cost" }, series, markers, () => {
    if (input.description !== undefined) return input.description;
    const last = series
      .map((s) => {
        const p = s.points.reduce<DatedPoint | undefined>((a, b) => (a === undefined || b.date >= a.date ? b : a), undefined);
        return p ? `${s.label} ${amountText(p.value)} on ${p.date}` : undefined;
      })
      .filter((t): t is string => t !== undefined);
    return `Cumulative planned value, earned value and actual cost over time${input.statusDate ? `, status date ${input.statusDate}` : ""}. Latest: ${last.join("; ")}.`;
  });
}
