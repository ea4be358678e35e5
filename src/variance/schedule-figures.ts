import { fromEpochDay, metric, missing, type Decimal, type IsoDate, type Metric, type MetricMissing } from "../core/index.js";
import type { CompiledProject } from "./compile.js";
import { D } from "./figures.js";
import type { ProjectCore } from "./kernel.js";
import { NO_FINISH } from "./packed.js";
import { dateAfter, scheduleSpans, type Span } from "./time-unit.js";

/** Independent duration forecasts IEAC(t) by performance factor, in the policy's time unit (working days by default) from the baseline start. */
export interface IeacFamily<T> {
  /** PF = 1: the rest goes to plan, IEAC(t) = AT + (PD − ES). */
  readonly planned: Metric<T>;
  /** PF = SPI(t): IEAC(t) = AT + (PD − ES) / SPI(t) (equals PD / SPI(t)). */
  readonly spiT: Metric<T>;
  /** PF = SPI(t) · CPI: IEAC(t) = AT + (PD − ES) / (SPI(t) · CPI). */
  readonly spiTCpi: Metric<T>;
}

/**
 * Earned-schedule figures (Lipke). Durations are in the policy's `timeUnit`: working days on the project calendar
 * (default) or periods of the grid, counted from the baseline start.
 */
export interface EarnedScheduleFigures {
  /** Planned duration PD: time from baseline start to baseline finish. */
  readonly pd: Metric<Decimal>;
  /** Actual time AT: time from baseline start to the status date (frozen at the actual finish once complete). */
  readonly at: Metric<Decimal>;
  /** Earned schedule ES: the time at which the plan expected today's EV (linear interpolation on cumulative PV). */
  readonly es: Metric<Decimal>;
  /** The date by which the baseline planned to have earned today's EV. */
  readonly esDate: Metric<IsoDate>;
  /** SV(t) = ES − AT in the time unit (negative: late). */
  readonly svT: Metric<Decimal>;
  /** SPI(t) = ES / AT. */
  readonly spiT: Metric<Decimal>;
  /** TSPI = (PD − ES) / (PD − AT): schedule efficiency needed to finish on the planned date. */
  readonly tspi: Metric<Decimal>;
  /** TSPI against the estimated duration ED = IEAC(t) with PF = SPI(t): (PD − ES) / (ED − AT). */
  readonly tspiEd: Metric<Decimal>;
  /** IEAC(t) by performance factor, in the time unit. */
  readonly ieacT: IeacFamily<Decimal>;
  /** Forecast finish date on the working calendar for each IEAC(t) (the actual finish once complete). */
  readonly forecastFinish: IeacFamily<IsoDate>;
  /** P-factor (schedule adherence, 0–1): value earned in line with the plan ÷ PV at ES. */
  readonly pFactor: Metric<Decimal>;
}


/** @internal SPI(t) as a fraction (num/den) or the reason it is missing, for the EAC₅ hybrid. */
export function spiTFraction(core: ProjectCore, cp: CompiledProject): { num: bigint; den: bigint; reason: string; detail?: string } {
  if (core.beforeStart) return { num: 0n, den: 0n, reason: "before-start" };
  // On or after the start with AT = 0 (a start on a Saturday, read on the weekend): no working time yet, not "before the start".
  // AT and PD in the policy's unit: in periods a period without a working day still elapses.
  const s = scheduleSpans(core, cp);
  if (!s.at.num || !s.pd.num) return { num: 0n, den: 0n, reason: "no-working-days", detail: "the calendar has no working day between baseline start and status date (AT = 0)" };
  return { num: s.es.num * s.at.den, den: s.es.den * s.at.num, reason: "" };
}

/** @internal Builds the earned-schedule figures from the kernel's integers. */
export function scheduleFiguresFrom(core: ProjectCore, cp: CompiledProject, cpi: Metric<Decimal>, sf: { num: bigint; den: bigint; detail?: string }): EarnedScheduleFigures {
  const { es } = core;
  // Every figure missing for one reason (PD and AT kept when there are no working days).
  const none = (x: MetricMissing, pd: Metric<Decimal> = x, at: Metric<Decimal> = x): EarnedScheduleFigures => {
    const fam = { planned: x, spiT: x, spiTCpi: x };
    return { pd, at, es: x, esDate: x, svT: x, spiT: x, tspi: x, tspiEd: x, ieacT: fam, forecastFinish: fam, pFactor: x };
  };
  if (cp.baselineNumber === undefined) return none(missing("no-baseline"));
  const spans = scheduleSpans(core, cp), { pd: p, at: a, es: e } = spans;
  const frac = (x: Span) => D(x.num).div(D(x.den));
  const PD = frac(p), AT = frac(a), ES = frac(e);
  // PD and AT in the policy's unit (AT was shown in working days in periods).
  if (!p.num) return none(missing("no-working-days", "the calendar has no working day between baseline start and finish"), metric(PD), metric(AT));
  // Nothing planned: no PV curve to read EV against (every point of it, 0, is ≤ EV, so ES read PD).
  if (!cp.bac) return none(missing("bac-is-zero"), metric(PD), metric(AT));
  const early = missing("before-start", "the status date is before the baseline start");
  // The same before-start rule as the cost indices (figures.ts): every index waits for the baseline start.
  const before = core.beforeStart ? early : undefined;
  // SPI(t) = ES / AT from its exact fraction (missing when AT = 0: before the start, or no working day since it).
  const spiT: Metric<Decimal> = sf.den ? metric(frac(sf)) : before ?? missing("no-working-days", sf.detail);
  // IEAC(t) = AT + (PD − ES) / PF, PF = n/d, as one exact fraction: its value is rounded once and its date is read
  // exactly (through three rounded decimals, 30 working days read 30.00…01: the next day). PD − ES = l / (p.den e.den).
  const l = p.num * e.den - e.num * p.den, r = p.num * a.den - a.num * p.den;
  const ieac = (pf: Metric<unknown>, n: bigint, d: bigint): Metric<Span> => {
    if (!pf.value) return pf as MetricMissing;
    if (!n) return missing("ev-is-zero", "the performance factor is 0: no progress to extrapolate");
    const den = a.den * p.den * e.den * n, num = a.num * p.den * e.den * n + l * d * a.den;
    // den > 0: PD, AT and ES are fractions with positive denominators, PF's n ≥ 0 and 0 is refused above.
    return metric({ num, den });
  };
  // PF = 1, SPI(t) = ES / AT, SPI(t) · CPI with CPI = EV / AC.
  const f: IeacFamily<Span> = {
    planned: ieac(metric(1), 1n, 1n),
    spiT: ieac(spiT, sf.num, sf.den),
    spiTCpi: ieac(spiT.value ? cpi : spiT, sf.num * BigInt(core.ev), sf.den * BigInt(core.ac)),
  };
  const each = <T,>(g: (m: Metric<Span>) => Metric<T>): IeacFamily<T> => ({ planned: g(f.planned), spiT: g(f.spiT), spiTCpi: g(f.spiTCpi) });
  const ieacT = each((m) => (m.value ? metric(frac(m.value)) : (m as MetricMissing)));
  const dateOf = (m: Metric<Span>): Metric<IsoDate> => {
    if (!m.value) return m as MetricMissing;
    const date = core.finishDay < NO_FINISH ? fromEpochDay(core.finishDay) : dateAfter(cp, m.value);
    return date === undefined ? missing("beyond-horizon", "the forecast lies beyond the calendar's horizon (about 200 years, or the last fiscal period)") : metric(date as IsoDate);
  };
  return {
    pd: metric(PD), at: metric(AT), es: metric(ES),
    esDate: !e.num ? missing("ev-is-zero", "nothing earned yet") : metric((dateAfter(cp, e) ?? fromEpochDay(cp.finish)) as IsoDate),
    svT: metric(ES.minus(AT)), spiT,
    // (PD − ES) / (PD − AT) from the exact spans, rounded once (through the rounded ES, 11/6 read 1.83…334).
    tspi: before ?? (core.complete ? missing("complete") : r <= 0 ? missing("past-planned-finish", "use tspiEd") : metric(frac({ num: l * a.den, den: r * e.den }))),
    // (PD − ES) / (ED − AT) with ED − AT = (PD − ES) / SPI(t): exactly SPI(t) (Lipke), unless nothing is left.
    tspiEd: before ?? (core.complete ? missing("complete") : !f.spiT.value ? (f.spiT as MetricMissing) : !l ? missing("divisor-is-zero") : spiT),
    ieacT, forecastFinish: each(dateOf),
    pFactor: before ?? (!es.pfDen ? missing("ev-is-zero", "nothing earned yet") : metric(D(es.pfNum).div(D(es.pfDen)))),
  };
}
