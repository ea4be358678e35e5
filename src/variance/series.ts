import { fromEpochDay, minorUnits, toEpochDay, type IsoDate, type MetricReason, type Money } from "../core/index.js";
import { EV_OPTION_KEYS, checkEarnedValueArguments, compileProject, type CompiledProject } from "./compile.js";
import { workingDaysIn } from "./day-index.js";
import { resultFrom, type EarnedValueResult } from "./earned-value.js";
import { fromMinor, pow10, productRatioRoundBig } from "./exact.js";
import { addPvCurve, evaluateProject } from "./kernel.js";
import { gridOver, type Period } from "./period-grid.js";
import type { EarnedValueInput, EarnedValueOptions } from "./types.js";

/** One point of an S-curve: cumulative figures at a period's end (or at the status date for the open period). */
export interface SeriesPoint {
  /** Period label. */
  readonly label: string;
  /** Day the cumulative figures are taken at. */
  readonly date: IsoDate;
  /** Cumulative planned value (the whole baseline, past and future). */
  readonly pv: Money;
  /** Cumulative earned value; only up to the status date. */
  readonly ev?: Money;
  /** Cumulative actual cost; only up to the status date. */
  readonly ac?: Money;
  /** Forecast cumulative cost on the path from AC to the selected EAC, reaching it at the IEAC(t) finish; only after the status date. */
  readonly eacPath?: Money;
  /** Forecast cumulative EV on the path from EV to BAC, reaching it at the IEAC(t) finish; only after the status date. */
  readonly ieacPath?: Money;
}

/** What an S-curve chart needs, plus the status-date figures the series ends at. */
export interface EarnedValueSeries {
  /** Points in period order. */
  readonly points: readonly SeriesPoint[];
  /** The analysis at the status date. */
  readonly atStatusDate: EarnedValueResult;
  /**
   * The stretch of the forecast no period covers, with reason `beyond-horizon`: only a fiscal grid whose listed periods
   * end before the forecast finish has one (from the day after its last period to the finish; pmokit does not invent
   * fiscal periods, so the forecast paths' last point is part way). When the forecast finish itself has no date
   * (`beyond-horizon`: IEAC(t) past the last listed fiscal period, or past about 200 years) no path can be drawn, since
   * the paths end on that date: `from` is the day after the status date and `to` is absent. Absent when the points
   * reach the forecast finish. Likewise when the forecast finish or the selected EAC has no figure for another reason
   * (nothing earned yet, `ev-is-zero`; no EAC method with a figure, `no-eac` …): that reason, from the day after the
   * status date, no `to`.
   */
  readonly unplotted?: { readonly reason: MetricReason; readonly from: IsoDate; readonly to?: IsoDate; readonly detail: string };
}

/**
 * Time series for S-curves: cumulative PV over the whole baseline, EV and AC per period up to the status date (the
 * lines stop there), then forecast lines — cost rising from AC to the selected EAC and value rising from EV to BAC,
 * both reaching their end at the forecast finish (IEAC(t) with PF = SPI(t)), spread by working days. The grid is
 * extended to the forecast finish by its own rule: weeks or months continue; a fiscal grid continues through the
 * periods you listed after the project's last one, and where your list ends before the finish the points end with it
 * and `unplotted` gives the uncovered stretch (`beyond-horizon`): fiscal periods are never invented. A forecast finish
 * without a date (`beyond-horizon`, `ev-is-zero` …) or a selected EAC without a figure leaves no path to draw:
 * `unplotted` says why, from the day after the status date.
 * The open period appears twice: at the status date (EV, AC) and at its end (forecast).
 *
 * @example
 * ```ts
 * const s = earnedValueSeries(input, { statusDate: "2026-11-20", grid: { kind: "monthly" } });
 * s.points.map((p) => [p.label, p.pv.amount.toFixed(0), p.ev?.amount.toFixed(0)]);
 * ```
 */
export function earnedValueSeries(input: EarnedValueInput, options: EarnedValueOptions): EarnedValueSeries {
  checkEarnedValueArguments("earnedValueSeries", input, options, EV_OPTION_KEYS);
  const cp = compileProject(input, options);
  const t = toEpochDay(options.statusDate as IsoDate);
  const now = resultFrom(cp, evaluateProject(cp, t));
  const working = cp.policy.spread === "working-days";
  const curve = new Float64Array(cp.gridEnd.length);
  for (const p of cp.packages) if (p.hasBaseline) addPvCurve(p, cp.gridEnd, curve, cp.days, working);
  const ff = now.schedule.forecastFinish.spiT;
  const finish = ff.value, undated = ff.reason === "beyond-horizon", eacNow = now.figures.selectedEac.value;
  const fEnd = finish ? toEpochDay(finish) : undefined;
  const span = fEnd !== undefined ? workingDaysIn(cp.days, t + 1, fEnd) : 0;
  // In BigInt: a forecast from a tiny EV can pass 2^53 minor units, and earnedValue reports it exactly.
  const cur = (m: Money | undefined) => (m ? BigInt(m.amount.times(pow10(minorUnits(m.currency))).toFixed(0)) : 0n);
  const ac = cur(now.figures.ac.value), ev = cur(now.figures.ev.value), eac = cur(eacNow.value);
  const points: SeriesPoint[] = [];
  // Extend the grid to the forecast finish: the plan is flat at BAC after its last period. Fiscal periods go on as
  // listed (the compiled grid keeps only those the project touches) and end where the list ends: the rest is unplotted.
  // The compiled grid runs from the period of its first end to that of its last; the points go on to the finish.
  const spec = cp.grid;
  const fiscal = spec.kind === "fiscal", listEnd = fiscal ? spec.periods.at(-1)?.finish ?? "" : finish ?? "";
  const last = fromEpochDay(cp.gridEnd[cp.gridEnd.length - 1] as number);
  // An undated finish past a fiscal list still has the listed periods before it: the points run to the list's end.
  const reach = finish ?? (undated ? listEnd : "");
  const to = reach > last ? (reach < listEnd ? reach : listEnd) : last;
  const periods = gridOver(spec, fromEpochDay(cp.gridEnd[0] as number), to as IsoDate).periods;
  const unplotted = unplottedStretch(cp, t, now, listEnd);
  // Working days from t + 1 to each period end, counted on from the previous end (the days past the compiled index are
  // walked one by one: counted afresh from t for each period, a forecast 200 years out asked about ~10^8 days).
  let counted = 0, countedTo = t;
  periods.forEach((period, k) => {
    const end = toEpochDay(period.finish);
    if (end <= t || k === 0 || toEpochDay((periods[k - 1] as Period).finish) < t) {
      const at = Math.min(end, t);
      const core = at === end ? evaluateProject(cp, end) : evaluateProject(cp, t);
      const pv = at === end ? (curve[Math.min(k, curve.length - 1)] as number) : core.pv;
      points.push({ label: period.label, date: period.finish < options.statusDate ? period.finish : (options.statusDate as IsoDate), pv: fromMinor(pv, cp.currency), ev: fromMinor(core.ev, cp.currency), ac: fromMinor(core.ac, cp.currency) });
      if (at === end) return;
    }
    const base = { label: period.label, date: period.finish, pv: fromMinor(curve[Math.min(k, curve.length - 1)] as number, cp.currency) };
    if (fEnd === undefined || !eacNow.value) { points.push(base); return; }
    if (end > countedTo) counted += workingDaysIn(cp.days, countedTo + 1, end), countedTo = end;
    const done = span === 0 ? 1 : Math.min(span, counted);
    const along = (from: bigint, to: bigint) => fromMinor(from + productRatioRoundBig([to - from, done], [Math.max(span, 1)]), cp.currency);
    points.push({ ...base, eacPath: along(ac, eac), ieacPath: along(ev, BigInt(cp.bac)) });
  });
  return unplotted ? { points, atStatusDate: now, unplotted } : { points, atStatusDate: now };
}

/** What the forecast paths leave undrawn, and why (see {@link EarnedValueSeries.unplotted}); undefined when nothing. */
function unplottedStretch(cp: CompiledProject, t: number, now: EarnedValueResult, listEnd: string): EarnedValueSeries["unplotted"] {
  const { forecastFinish: { spiT: ff }, ieacT } = now.schedule;
  const eac = now.figures.selectedEac.value, finish = ff.value, fiscal = cp.grid.kind === "fiscal";
  const from = fromEpochDay(t + 1);
  if (finish && finish > listEnd) {
    const after = fromEpochDay(toEpochDay(listEnd as IsoDate) + 1);
    return { reason: "beyond-horizon", from: after, to: finish, detail: `the fiscal periods end on ${listEnd}, before the forecast finish ${finish}: ${after} … ${finish} has no period (pmokit does not invent fiscal periods), so the forecast paths stop part way` };
  }
  if (ff.reason === "beyond-horizon") {
    const unit = cp.policy.timeUnit === "periods" ? "periods" : "working days";
    const horizon = fiscal ? `the last listed fiscal period (it ends on ${listEnd})` : cp.policy.timeUnit === "periods" ? "the horizon of 5,000 periods" : "the horizon of 50,000 working days (about 200 years)";
    return { reason: "beyond-horizon", from, detail: `the forecast finish (IEAC(t) ${ieacT.spiT.value} ${unit} from the baseline start) lies past ${horizon}, so it has no date and the forecast paths, which end on that date, are not drawn after the status date${fiscal ? " (pmokit does not invent fiscal periods: list the later ones to plot them)" : ""}` };
  }
  if (finish === undefined) return { reason: ff.reason as MetricReason, from, detail: `the forecast finish has no figure (${ff.reason}), so the forecast paths are not drawn after the status date` };
  if (eac.value === undefined) return { reason: eac.reason as MetricReason, from, detail: `the forecast EAC has no figure (${eac.reason}), so the forecast paths are not drawn after the status date` };
  return undefined;
}
