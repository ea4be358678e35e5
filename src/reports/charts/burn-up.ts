import { checkArguments, PmoDecimal, ValidationError, addDays, decimal, isMoney, isoDate, type Decimal } from "../../core/index.js";
import { amountText, datedLineChart, type DatedSeries, type DateMarker } from "./dated-lines.js";
import type { ChartSize, DatedPoint, SvgMarkup } from "./svg.js";

/** Input of {@link burnUpChart}. */
export interface BurnUpInput extends ChartSize {
  /** Chart title (also the SVG `<title>`). */
  readonly title: string;
  /** Text for the SVG `<desc>`; default: a summary. */
  readonly description?: string;
  /** Release scope in points on each date (it moves when stories are added or removed). */
  readonly scope: readonly DatedPoint[];
  /** Completed points (cumulative) on each date. */
  readonly completed: readonly DatedPoint[];
  /**
   * The forecast range from the last completed point: the slowest and fastest velocity seen (points per sprint) and
   * the sprint length; each line runs up to the last scope, at the end of the sprint that reaches it.
   */
  readonly forecast?: { readonly slowVelocity: string | number; readonly fastVelocity: string | number; readonly sprintDays: number };
  /** The status date, drawn as a dotted vertical line. */
  readonly statusDate?: string;
}

/** The date the remaining points are done at a velocity: whole sprints after `from`. @internal */
export function burnUpFinish(from: string, remaining: Decimal, velocity: Decimal, sprintDays: number): string {
  const sprints = remaining.lte(0) ? 0 : remaining.div(velocity).ceil().toNumber();
  return addDays(isoDate(from), sprints * sprintDays);
}

/**
 * The release burn-up: the scope line (dashed, squares), the completed points (solid, circles) and, from the last
 * completed point, the forecast range — a slow and a fast line that reach the scope at the end of the sprint where
 * the slowest and the fastest velocity would finish it. Deterministic.
 *
 * @throws {ValidationError} for a bad date or value (with its path), a velocity that is not above zero, or sprint
 *   days that are not a whole number from 1.
 * @example
 * ```ts
 * const svg = burnUpChart({
 *   title: "CRM release 1 — burn-up",
 *   scope: [{ date: "2026-09-01", value: 140 }, { date: "2026-10-23", value: 150 }],
 *   completed: [{ date: "2026-09-11", value: 20 }, { date: "2026-09-25", value: 45 }, { date: "2026-10-09", value: 65 }, { date: "2026-10-23", value: 90 }],
 *   forecast: { slowVelocity: 20, fastVelocity: 25, sprintDays: 14 },
 *   statusDate: "2026-10-23",
 * });
 * ```
 */
export function burnUpChart(input: BurnUpInput): SvgMarkup {
  checkArguments("burnUpChart", { input: [input, "object"] });
  const series: DatedSeries[] = [
    { key: "scope", label: "Scope", points: input.scope, style: { colour: "#D55E00", dash: "7 4", marker: "square", width: 2 } },
    { key: "completed", label: "Completed", points: input.completed, style: { colour: "#0072B2", marker: "circle", width: 2.5 } },
  ];
  const byDate = (a: DatedPoint, b: DatedPoint) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const last = Array.isArray(input.completed) ? [...input.completed].sort(byDate).at(-1) : undefined;
  const scopeEnd = Array.isArray(input.scope) ? [...input.scope].sort(byDate).at(-1) : undefined;
  let range = "";
  if (input.forecast !== undefined && last !== undefined && scopeEnd !== undefined) {
    const f = input.forecast;
    const velocity = (v: unknown, key: string) => {
      const d = typeof v === "string" || typeof v === "number" ? decimal(v) : undefined;
      if (d === undefined || !d.gt(0)) throw ValidationError.single(["forecast", key], "expected a velocity above zero", "burn-up chart");
      return d;
    };
    const slow = velocity(f.slowVelocity, "slowVelocity");
    const fast = velocity(f.fastVelocity, "fastVelocity");
    if (!Number.isSafeInteger(f.sprintDays) || f.sprintDays < 1) throw ValidationError.single(["forecast", "sprintDays"], "expected whole days, 1 or more", "burn-up chart");
    const exact = (v: DatedPoint["value"]): Decimal => (isMoney(v) ? v.amount : PmoDecimal.isDecimal(v) ? v : decimal(v));
    const remaining = exact(scopeEnd.value).minus(exact(last.value));
    const late = burnUpFinish(last.date, remaining, slow, f.sprintDays);
    const early = burnUpFinish(last.date, remaining, fast, f.sprintDays);
    range = `; forecast finish between ${early} and ${late}`;
    if (late > last.date) series.push({ key: "slow", label: `Forecast at ${slow.toFixed()} points/sprint`, points: [last, { date: late, value: scopeEnd.value }], style: { colour: "#CC79A7", dash: "3 3", marker: "triangle", width: 1.5 } });
    if (early > last.date && early !== late) series.push({ key: "fast", label: `Forecast at ${fast.toFixed()} points/sprint`, points: [last, { date: early, value: scopeEnd.value }], style: { colour: "#009E73", dash: "3 3", marker: "diamond", width: 1.5 } });
  }
  const markers: DateMarker[] = input.statusDate === undefined ? [] : [{ key: "statusDate", date: input.statusDate, label: `Status date ${input.statusDate}` }];
  return datedLineChart("burn-up", { ...input, yTitle: "Story points" }, series, markers, () => {
    if (input.description !== undefined) return input.description;
    const done = last ? `${amountText(last.value)} of ${scopeEnd ? amountText(scopeEnd.value) : "?"} points done on ${last.date}` : "no completed points";
    return `Release burn-up: ${done}${range}.`;
  });
}
