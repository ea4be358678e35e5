import { checkArguments } from "../../core/index.js";
import { datedLineChart, type DatedSeries, type DateMarker } from "./dated-lines.js";
import { Issues, type ChartSize, type SvgMarkup } from "./svg.js";

/** Input of {@link readinessBurnDownChart}. */
export interface BurnDownInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary. */
  readonly description?: string;
  /** Open readiness items counted on each date. */
  readonly open: readonly { readonly date: string; readonly value: number }[];
  /** The ideal line: from `start.value` open items on `start.date` down to zero on `target` (e.g. go-live). */
  readonly ideal?: { readonly start: { readonly date: string; readonly value: number }; readonly target: string };
  /** The status date, drawn as a dotted vertical line. */
  readonly statusDate?: string;
  /** Go-live (or gate) date, drawn as a dotted vertical line. */
  readonly goLive?: string;
}

/**
 * The readiness burn-down: open checklist items over dates (solid, circle markers), the ideal line to zero at the
 * target date (dashed, diamonds), and dotted lines for the status date and go-live. Counts only: the y axis shows
 * whole numbers. Deterministic.
 *
 * @throws {ValidationError} for a bad date or a count that is not a whole number ≥ 0, with its path (`open[2].value`).
 * @example
 * ```ts
 * const svg = readinessBurnDownChart({
 *   title: "Rollout readiness — open items",
 *   open: [{ date: "2026-10-01", value: 42 }, { date: "2026-10-15", value: 30 }, { date: "2026-11-01", value: 21 }],
 *   ideal: { start: { date: "2026-10-01", value: 42 }, target: "2027-01-11" },
 *   statusDate: "2026-11-20",
 *   goLive: "2027-01-11",
 * });
 * ```
 */
export function readinessBurnDownChart(input: BurnDownInput): SvgMarkup {
  checkArguments("readinessBurnDownChart", { input: [input, "object"] });
  // Counts are whole and never negative; dates and the rest are checked by the shared engine.
  const counts = new Issues();
  const isCount = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  if (Array.isArray(input.open)) input.open.forEach((p, i) => isCount(p?.value) || counts.add(["open", i, "value"], "expected a whole number of items, 0 or more"));
  if (input.ideal && !isCount(input.ideal.start?.value)) counts.add(["ideal", "start", "value"], "expected a whole number of items, 0 or more");
  counts.throwIfAny("burn-down chart");
  const series: DatedSeries[] = [{ key: "open", label: "Open items", points: input.open, style: { colour: "#0072B2", marker: "circle", width: 2.5 } }];
  if (input.ideal) {
    series.push({
      key: "ideal",
      label: "Ideal burn-down",
      points: [input.ideal.start, { date: input.ideal.target, value: 0 }],
      style: { colour: "#D55E00", dash: "7 4", marker: "diamond", width: 2 },
    });
  }
  const markers: DateMarker[] = [];
  if (input.statusDate !== undefined) markers.push({ key: "statusDate", date: input.statusDate, label: `Status date ${input.statusDate}` });
  if (input.goLive !== undefined) markers.push({ key: "goLive", date: input.goLive, label: `Go-live ${input.goLive}` });
  return datedLineChart("burn-down", { ...input, yTitle: "Open items", integer: true }, series, markers, () => {
    if (input.description !== undefined) return input.description;
    const sorted = [...(Array.isArray(input.open) ? input.open : [])].sort((a, b) => (a.date < b.date ? -1 : 1));
    const first = sorted[0], last = sorted[sorted.length - 1];
    const trend = first && last ? `from ${first.value} on ${first.date} to ${last.value} on ${last.date}` : "no observations";
    return `Open readiness items over time, ${trend}${input.goLive ? `; go-live ${input.goLive}` : ""}.`;
  });
}
