import { PmoDecimal, fromEpochDay, metric, missing, type Decimal, type IsoDate, type Metric, type MetricMissing } from "../core/index.js";
import type { CompiledProject } from "./compile.js";
import type { ProjectCore } from "./kernel.js";
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

const D = (n: number | bigint) => new PmoDecimal(n.toString());
/** Forecast finish dates further than this many working days (about 200 years) after the start are not dated. */
const HORIZON = 50_000;

/** @internal SPI(t) as a fraction (num/den) or the reason it is missing, for the EAC₅ hybrid. */
export function spiTFraction(core: ProjectCore, cp: CompiledProject): { num: bigint; den: bigint; reason: string } {
  const { es } = core;
  if (core.beforeStart || es.at === 0) return { num: 0n, den: 0n, reason: "before-start" };
  if (es.pd === 0) return { num: 0n, den: 0n, reason: "no-working-days" };
  const s = scheduleSpans(core, cp);
  return { num: s.es.num * s.at.den, den: s.es.den * s.at.num, reason: "" };
}

/** @internal Builds the earned-schedule figures from the kernel's integers. */
export function scheduleFiguresFrom(core: ProjectCore, cp: CompiledProject, cpi: Metric<Decimal>): EarnedScheduleFigures {
  const { es } = core;
  const noDays = missing("no-working-days", "the calendar has no working day between baseline start and finish");
  const fam = (x: MetricMissing): IeacFamily<never> => ({ planned: x, spiT: x, spiTCpi: x });
  if (cp.bac === 0 && cp.packages.every((p) => !p.hasBaseline)) {
    const nb = missing("no-baseline");
    return { pd: nb, at: nb, es: nb, esDate: nb, svT: nb, spiT: nb, tspi: nb, tspiEd: nb, ieacT: fam(nb), forecastFinish: fam(nb), pFactor: nb };
  }
  if (es.pd === 0) return { pd: metric(D(0)), at: metric(D(es.at)), es: noDays, esDate: noDays, svT: noDays, spiT: noDays, tspi: noDays, tspiEd: noDays, ieacT: fam(noDays), forecastFinish: fam(noDays), pFactor: noDays };
  const spans = scheduleSpans(core, cp);
  const frac = (x: Span) => D(x.num).div(D(x.den));
  const PD = frac(spans.pd), AT = frac(spans.at), ES = frac(spans.es);
  const early = missing("before-start", "the status date is before the baseline start");
  // The same before-start rule as the cost indices (figures.ts): every index waits for the baseline start.
  const before = core.beforeStart ? early : undefined;
  const spiT: Metric<Decimal> = before ?? (AT.isZero() ? early : metric(ES.div(AT)));
  const left = PD.minus(ES);
  const ieac = (pf: Metric<Decimal>): Metric<Decimal> => (!pf.value ? pf : pf.value.isZero() ? missing("ev-is-zero", "SPI(t) is 0: no progress to extrapolate") : metric(AT.plus(left.div(pf.value))));
  const ieacT: IeacFamily<Decimal> = {
    planned: metric(AT.plus(left)),
    spiT: ieac(spiT),
    spiTCpi: spiT.value && cpi.value ? ieac(metric(spiT.value.times(cpi.value))) : ieac(spiT.value ? cpi : spiT),
  };
  const dateOf = (d: Metric<Decimal>): Metric<IsoDate> => {
    if (!d.value) return d;
    if (core.complete && core.finishDay >= 0) return metric(fromEpochDay(core.finishDay));
    // A tiny SPI(t) extrapolates to centuries: say so instead of inventing a date.
    const date = d.value.gt(HORIZON) ? undefined : dateAfter(cp, d.value);
    return date === undefined ? missing("beyond-horizon", "the forecast lies beyond the calendar's horizon (about 200 years, or the last fiscal period)") : metric(date as IsoDate);
  };
  const ed = ieacT.spiT;
  return {
    pd: metric(PD), at: metric(AT), es: metric(ES),
    esDate: ES.isZero() ? missing("ev-is-zero", "nothing earned yet") : metric((dateAfter(cp, ES) ?? fromEpochDay(cp.finish)) as IsoDate),
    svT: metric(ES.minus(AT)), spiT,
    tspi: before ?? (core.complete ? missing("complete") : PD.minus(AT).lte(0) ? missing("past-planned-finish", "the planned finish has passed: use tspiEd") : metric(left.div(PD.minus(AT)))),
    tspiEd: before ?? (core.complete ? missing("complete") : !ed.value ? ed : ed.value.minus(AT).isZero() ? missing("divisor-is-zero") : metric(left.div(ed.value.minus(AT)))),
    ieacT, forecastFinish: { planned: dateOf(ieacT.planned), spiT: dateOf(ieacT.spiT), spiTCpi: dateOf(ieacT.spiTCpi) },
    pFactor: before ?? (es.pfDen === 0 || es.pfDen === 0n ? missing("ev-is-zero", "nothing earned yet") : metric(D(es.pfNum).div(D(es.pfDen)))),
  };
}
