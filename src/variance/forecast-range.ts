import { PmoDecimal, ValidationError, fromEpochDay, metric, minorUnits, missing, toEpochDay, type IsoDate, type Metric, type MetricMissing, type Money, type PercentileMethod, type RoundingMode, checkArguments, checkOptionKeys } from "../core/index.js";
import { roundingModeProblem } from "../core/decimal.js";
import { describeValue } from "../core/describe.js";
import { describePercentileMethod, isPercentileMethod, minimumSampleSize } from "../core/quantile.js";
import { EV_OPTION_KEYS, checkEarnedValueArguments, compileProject } from "./compile.js";
import { bandFractions, eacBandValues, type Fraction } from "./eac-draws.js";
import { esDeltas } from "./es-deltas.js";
import { dateAfter, scheduleSpans } from "./time-unit.js";
import { resultFrom, type EarnedValueResult } from "./earned-value.js";
import { evaluateProject } from "./kernel.js";
import { NO_FINISH } from "./packed.js";
import type { EarnedValueInput, EarnedValueOptions } from "./types.js";

/** A low–median–high band. */
export interface Band<T> {
  /** Lower bound of the band. */
  readonly low: T;
  /** Median. */
  readonly median: T;
  /** Upper bound of the band. */
  readonly high: T;
}

/**
 * Something the bootstrap did that the bands alone do not show: `draws-dropped` — some draws had no efficiency
 * (a resampled ΣΔEV or ΣΔAC, or ΣΔES or ΣΔAT, that is not positive), so the band rests on the others only.
 */
export interface ForecastRangeWarning {
  /** Stable code. */
  readonly code: "draws-dropped";
  /** The band concerned. */
  readonly band: "eacBand" | "finishBand";
  /** Draws left out of that band. */
  readonly dropped: number;
  /** Plain-words explanation. */
  readonly message: string;
}

/** The EAC family as a range, and confidence bands from period-to-period variability. */
export interface ForecastRange {
  /** Lowest and highest EAC among the methods that have a figure (with the method names). */
  readonly eacRange: Metric<{ readonly low: Money; readonly high: Money; readonly lowMethod: string; readonly highMethod: string }>;
  /**
   * Band of EAC = AC + (BAC − EV) / CPI*, CPI* resampled from the periods' CPIs (ΣΔEV / ΣΔAC). Each percentile is its
   * own `Metric`: a value, or why it has none. All three are missing with `no-baseline` without a baseline,
   * `before-start` before its start (both bands, as the point figures), `ac-is-negative` for a net credit (AC < 0: no
   * CPI, so no EAC₁, as in `earnedValue`), `ac-is-zero` without actual cost (as EAC₁), `no-data` for fewer than two periods, `ev-is-zero` when no draw had a
   * positive ΣΔEV and ΣΔAC; one percentile alone is `no-data` where the `exclusive` convention has no value for it on
   * the usable draws (the others keep theirs). A complete project's EAC is AC at every percentile (`basis`).
   */
  readonly eacBand: Band<Metric<Money>>;
  /**
   * Band of the finish date from IEAC(t) = AT + (PD − ES) / SPI(t)*, SPI(t)* resampled from the periods' ΔES / ΔAT in
   * the policy's `timeUnit` (as the point forecast `schedule.forecastFinish.spiT`, and dated the same way), one
   * `Metric` per percentile. A percentile past the point forecast's horizon is `beyond-horizon` while the others keep
   * their dates; all three are `no-working-days` without working time between baseline start and finish, besides the
   * reasons of `eacBand`. A complete project's finish is its actual finish at every percentile (`basis`).
   */
  readonly finishBand: Band<Metric<IsoDate>>;
  /**
   * The rule the bands come from: `bootstrap` (resampled period efficiencies), or `complete` — all value is earned, so
   * the forecast is known: the actual finish (the last finished package's finish record; without one, the point
   * forecast `schedule.forecastFinish.spiT`) and EAC = AC, no spread and no draws run, whatever the number of periods
   * observed.
   */
  readonly basis: { readonly rule: "bootstrap" | "complete"; readonly detail: string };
  /** Periods the variability was measured on. */
  readonly periodsObserved: number;
  /** The percentile convention the bands were read by (`band.percentileMethod`, default `"nearest-rank"`). */
  readonly percentileMethod: PercentileMethod;
  /** How the EAC band's money was rounded to the minor unit (`band.rounding`, default `"half-even"` as `roundMoney`). */
  readonly rounding: RoundingMode;
  /** Draws run (`band.draws`; 0 for a complete project, whose forecast is known). */
  readonly draws: number;
  /** Draws each band rests on: those with a positive ΣΔEV and ΣΔAC (eac), ΣΔES and ΣΔAT (finish). */
  readonly drawsUsed: { readonly eac: number; readonly finish: number };
  /** `draws-dropped` per band that rests on part of the draws only. */
  readonly warnings: readonly ForecastRangeWarning[];
  /** The analysis at the status date. */
  readonly atStatusDate: EarnedValueResult;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAND_KEYS = { seed: 1, draws: 1, confidence: 1, percentileMethod: 1, rounding: 1 } satisfies Record<keyof Parameters<typeof forecastRange>[2], 1>;

/**
 * Forecast range: the EAC₁…₅ family as a low–high range, and confidence bands for EAC and the finish date from a
 * seeded bootstrap over the closed periods' cost efficiency (ΔEV/ΔAC) and schedule efficiency (ΔES/ΔAT). The
 * resampling is statistics, not bookkeeping: it runs in floating point and only picks the periods each draw sums. The
 * EAC band is then read exactly — each draw's EAC is a fraction of whole minor units, sorted, interpolated and
 * rounded once to the cent in BigInt, so it holds at any size (past 10^21 minor units too) — by `band.rounding`
 * (default `"half-even"`, as `roundMoney` and the rest of pmokit's money; `"half-up"` and the other `RoundingMode`s
 * on request). The finish band is read the same way from each draw's exact IEAC(t) = AT + (PD − ES) × ΣΔAT / ΣΔES
 * in the policy's `timeUnit` (working days, or periods of the grid; the ES and AT deltas over one common denominator
 * each) and dated as the point forecast: the ⌈x⌉-th working day from the baseline start (an interpolated finish
 * between two days counts as the later one), or in periods the working day that far along the grid. Past the point
 * forecast's horizon a percentile is `beyond-horizon`, not a date, and
 * the others keep theirs: each percentile is its own `Metric`. A complete project's forecast is known (its actual
 * finish, EAC = AC): it is given at every percentile without resampling (`basis.rule: "complete"`). Same seed, same band.
 *
 * A band with confidence c runs from the (1 − c)/2 to the (1 + c)/2 percentile of the usable draws, median between,
 * read by `band.percentileMethod`: `"nearest-rank"` by default (a simulated value: the smallest with at least p of
 * the draws at or below it), `"linear"` (Excel `PERCENTILE.INC`) or `"exclusive"` (`PERCENTILE.EXC`, which has no
 * value on fewer than (1 − p)/p draws for the low and high ends: those percentiles are then `no-data`, the median
 * kept). A draw whose
 * resampled ΣΔEV or ΣΔAC (ΣΔES or ΣΔAT) is not positive has no CPI* (SPI(t)*) and is left out of that band:
 * `drawsUsed` counts the rest and a `draws-dropped` warning says so.
 *
 * @throws {ValidationError} for a confidence outside (0, 1), fewer than 1 draw, an unknown `percentileMethod` or
 *   `rounding`.
 * @example
 * ```ts
 * const r = forecastRange(input, { statusDate: "2026-11-20", grid: { kind: "monthly" } }, { seed: 42, confidence: 0.8 });
 * r.eacBand.high.value;    // the 90th percentile EAC (nearest rank), or undefined with r.eacBand.high.reason
 * r.basis.rule;            // "bootstrap" ("complete" once all value is earned: actual finish, EAC = AC)
 * r.drawsUsed.eac;       // draws the band rests on, of r.draws
 * // The band's cents rounded half up (an EAC of 6000.045 reads 6000.05) instead of half-even (6000.04):
 * forecastRange(input, { statusDate: "2026-11-20" }, { seed: 42, rounding: "half-up" }).rounding; // "half-up"
 * ```
 */
export function forecastRange(
  input: EarnedValueInput,
  options: EarnedValueOptions,
  band: {
    readonly seed: number;
    readonly draws?: number;
    readonly confidence?: number;
    /** How the band's percentiles are read from the sorted draws; default `"nearest-rank"` (as `analyseScheduleRisk`). */
    readonly percentileMethod?: PercentileMethod;
    /** How the EAC band's money is rounded to the minor unit; default `"half-even"` (as `roundMoney`). */
    readonly rounding?: RoundingMode;
  },
): ForecastRange {
  checkEarnedValueArguments("forecastRange", input, options, EV_OPTION_KEYS);
  checkArguments("forecastRange", { band: [band, "object"] });
  checkOptionKeys("forecastRange", band, BAND_KEYS);
  const confidence = band.confidence ?? 0.8;
  const draws = band.draws ?? 2000;
  const method = band.percentileMethod ?? "nearest-rank";
  if (!(confidence > 0 && confidence < 1)) throw ValidationError.single(["confidence"], "confidence must be between 0 and 1", "forecast range");
  if (!Number.isInteger(draws) || draws < 1) throw ValidationError.single(["draws"], "draws must be a positive integer", "forecast range");
  if (!isPercentileMethod(method)) throw ValidationError.single(["percentileMethod"], `unknown percentile method ${describeValue(method)}: expected "nearest-rank", "linear" or "exclusive"`, "forecast range");
  const rounding = band.rounding ?? "half-even";
  const badRounding = roundingModeProblem(rounding);
  if (badRounding !== undefined) throw ValidationError.single(["rounding"], badRounding, "forecast range");
  const cp = compileProject(input, options);
  const t = toEpochDay(options.statusDate as IsoDate);
  const core = evaluateProject(cp, t);
  const now = resultFrom(cp, core);
  const f = now.figures;
  const fam = Object.entries(f.eac).filter(([, m]) => m.value !== undefined) as [string, { value: Money }][];
  fam.sort((a, b) => a[1].value.amount.cmp(b[1].value.amount));
  const lo = fam[0], hi = fam[fam.length - 1];
  const eacRange = lo && hi ? metric({ low: lo[1].value, high: hi[1].value, lowMethod: lo[0], highMethod: hi[0] }) : missing("no-eac");
  // Period deltas at each closed period end (and the status date). ES and AT, in the policy's time unit as the point
  // forecast has them (scheduleSpans), are fractions per date: their deltas are kept exactly, as integers over one
  // common denominator each (es-deltas), so a draw's IEAC(t) is a fraction too.
  const ends = [...cp.gridEnd].filter((e) => e >= cp.start && e < t);
  ends.push(t);
  const dEv: number[] = [], dAc: number[] = [], atAt: Fraction[] = [], esAt: Fraction[] = [];
  let pEv = 0, pAc = 0;
  for (const e of ends) {
    const c = e === t ? core : evaluateProject(cp, e);
    const sp = scheduleSpans(c, cp);
    dEv.push(c.ev - pEv); dAc.push(c.ac - pAc); atAt.push(sp.at); esAt.push(sp.es);
    pEv = c.ev; pAc = c.ac;
  }
  const n = dEv.length;
  const dEs = esDeltas(esAt), dAt = esDeltas(atAt);
  // As the point figures: no baseline, nothing to forecast against; before its start, no performance to extrapolate.
  const early = now.baseline === undefined ? missing("no-baseline") : core.beforeStart ? missing("before-start", "the status date is before the baseline start") : undefined;
  // A complete project's forecast is known, whatever the number of periods: its actual finish, and EAC = AC.
  const done = !early && core.complete;
  const runs = done ? 0 : draws;
  const rand = rng(band.seed);
  // Each draw's ΣΔAC and ΣΔEV (ΣΔES over the common denominator), whole numbers: exact in doubles while n × the
  // largest |Δ| stays within 2^53, else summed again in BigInt (the bands are read from them exactly, see eac-draws).
  const sumsAc: (number | bigint)[] = [], sumsEv: (number | bigint)[] = [], sumsAt: (number | bigint)[] = [], sumsEs: (number | bigint)[] = [];
  let largest = 0;
  for (let k = 0; k < n; k++) largest = Math.max(largest, Math.abs(dEv[k] as number), Math.abs(dAc[k] as number));
  const inDoubles = n * largest <= Number.MAX_SAFE_INTEGER;
  const esInDoubles = dEs.small !== undefined && n * dEs.largest <= Number.MAX_SAFE_INTEGER;
  const atInDoubles = dAt.small !== undefined && n * dAt.largest <= Number.MAX_SAFE_INTEGER;
  const rest = core.bac - core.ev;
  const picks = new Int32Array(n);
  for (let d = 0; d < runs; d++) {
    let sEv = 0, sAc = 0, sEs = 0, sAt = 0;
    for (let k = 0; k < n; k++) {
      const j = Math.floor(rand() * n);
      picks[k] = j;
      sEv += dEv[j] as number; sAc += dAc[j] as number;
      if (atInDoubles) sAt += (dAt.small as number[])[j] as number;
      if (esInDoubles) sEs += (dEs.small as number[])[j] as number;
    }
    // A draw without a positive efficiency has no CPI* (SPI(t)*): left out of that band, counted in drawsUsed.
    if (inDoubles) {
      if (sEv > 0 && sAc > 0) { sumsAc.push(sAc); sumsEv.push(sEv); }
    } else {
      let bEv = 0n, bAc = 0n;
      for (const j of picks) { bEv += BigInt(dEv[j] as number); bAc += BigInt(dAc[j] as number); }
      if (bEv > 0n && bAc > 0n) { sumsAc.push(bAc); sumsEv.push(bEv); }
    }
    const exact = (x: typeof dEs) => { let b = 0n; for (const j of picks) b += x.exact[j] as bigint; return b; };
    const es = esInDoubles ? sEs : exact(dEs), at = atInDoubles ? sAt : exact(dAt);
    if (es > 0 && at > 0) { sumsAt.push(at); sumsEs.push(es); }
  }
  const nE = sumsAc.length, nF = sumsAt.length;
  // The band's ends as the decimals they mean ((1 − 0.8)/2 is 0.09999999999999998 in doubles).
  const c = new PmoDecimal(confidence);
  const exactPs = [new PmoDecimal(1).minus(c).div(2), new PmoDecimal(0.5), new PmoDecimal(1).plus(c).div(2)] as const;
  const pct = (i: number) => `${exactPs[i]?.times(100).toString()}th percentile`;
  /** Each percentile its value, or why the convention has none (exclusive on too few draws). */
  const each = <T,>(values: readonly (T | undefined)[], used: number, what: string, none: (i: number) => MetricMissing = (i) =>
    missing("no-data", `the ${describePercentileMethod(method)} has no ${pct(i)} of ${used} usable ${what} draw${used === 1 ? "" : "s"}: it needs at least ${minimumSampleSize(Number(exactPs[i]), method)}`)): Band<Metric<T>> => {
    const [low, median, high] = values.map((v, i) => (v === undefined ? none(i) : metric(v)));
    return { low, median, high } as Band<Metric<T>>;
  };
  const same = <T,>(m: Metric<T>): Band<Metric<T>> => ({ low: m, median: m, high: m });
  // IEAC(t) = AT + (PD − ES) × ΣΔAT / ΣΔES in the policy's time unit, with ΣΔAT = sum / Lat and ΣΔES = sum / Les:
  // c = (PD − ES) × Les / Lat. Each percentile is dated as the point forecast is (dateAfter): undefined past the horizon.
  const finishPicked = (): Band<Metric<IsoDate>> => {
    const { pd, es, at } = scheduleSpans(core, cp);
    const fr = bandFractions({ p: sumsAt, q: sumsEs }, { base: at, cNum: (pd.num * es.den - es.num * pd.den) * dEs.denominator, cDen: pd.den * es.den * dAt.denominator }, exactPs, method);
    const band = each(fr, nF, "finish");
    // A percentile past the horizon is not dated, as the point forecast; the others keep their dates.
    const date = (m: Metric<Fraction>, i: number): Metric<IsoDate> => {
      if (!m.value) return m as MetricMissing;
      const d = dateAfter(cp, m.value) as IsoDate | undefined;
      return d ? metric(d) : missing("beyond-horizon", `the ${pct(i)} lies past the calendar's horizon (about 200 years, or the last fiscal period)`);
    };
    return { low: date(band.low, 0), median: date(band.median, 1), high: date(band.high, 2) };
  };
  const enough = early ?? (done || n >= 2 ? undefined : missing("no-data", "fewer than two periods observed"));
  const none = (sums: string, index: string) =>
    missing("ev-is-zero", `none of the ${draws} draws had a positive resampled ${sums}, so there is no ${index} to extrapolate with`);
  // A net credit has no CPI, so no EAC₁ (figures.ts): nor a band of it.
  // Nor without actual cost (EAC₁ is ac-is-zero): it is not for want of EV.
  const eacBlocked = enough ?? (done ? undefined : core.ac < 0 ? missing("ac-is-negative", "AC is a net credit: there is no cost efficiency to resample the EAC with")
    : core.ac === 0 ? missing("ac-is-zero", "no actual cost yet: there is no cost efficiency to resample the EAC with") : undefined);
  // No working time between baseline start and finish: no IEAC(t), as the point forecast.
  // Nor with nothing planned (BAC 0): no PV curve to read EV against, as the point forecast.
  const finBlocked = enough ?? (done ? undefined : !scheduleSpans(core, cp).pd.num ? missing("no-working-days", "the calendar has no working day between baseline start and finish")
    : core.bac === 0 ? missing("bac-is-zero", "nothing is planned (BAC 0): there is no PV curve to read earned schedule from") : undefined);
  const finish: Metric<IsoDate> = core.finishDay < NO_FINISH ? metric(fromEpochDay(core.finishDay)) : now.schedule.forecastFinish.spiT;
  const eacBand = done ? same(f.ac) : eacBlocked ? same(eacBlocked)
    : nE > 0 ? each(eacBandValues({ ac: sumsAc, ev: sumsEv }, { ac: core.ac, rest, currency: cp.currency }, exactPs, method, rounding), nE, "EAC") : same(none("ΣΔEV and ΣΔAC", "CPI*"));
  const finishBand = done ? same(finish) : finBlocked ? same(finBlocked) : nF > 0 ? finishPicked() : same(none("ΣΔES and ΣΔAT", "SPI(t)*"));
  const basis: ForecastRange["basis"] = done
    ? { rule: "complete", detail: `the project is complete: its finish is ${core.finishDay < NO_FINISH ? `the actual finish (${finish.value})` : finish.value ? `the point forecast (${finish.value}; no package records its finish)` : `not dated (${finish.reason})`} and its EAC is AC (${f.ac.value?.amount.toFixed(minorUnits(cp.currency))}), with no spread` }
    : { rule: "bootstrap", detail: `each band resamples the ${n} observed period${n === 1 ? "" : "s"}' efficiencies in ${draws} draws (seed ${band.seed}), read by ${describePercentileMethod(method)}` };
  const warnings: ForecastRangeWarning[] = [];
  const dropped = (name: ForecastRangeWarning["band"], used: number, sums: string, blocked: MetricMissing | undefined) => {
    if (blocked || done || used === 0 || used === draws) return;
    const k = draws - used;
    warnings.push({ code: "draws-dropped", band: name, dropped: k, message: `${name} rests on ${used} of ${draws} draws: ${k} had a resampled ${sums} that was not positive and were left out` });
  };
  dropped("eacBand", nE, "ΣΔEV or ΣΔAC", eacBlocked);
  dropped("finishBand", nF, "ΣΔES or ΣΔAT", finBlocked);
  return {
    eacRange,
    eacBand,
    finishBand,
    basis,
    periodsObserved: n,
    percentileMethod: method,
    rounding,
    draws: runs,
    drawsUsed: { eac: nE, finish: nF },
    warnings,
    atStatusDate: now,
  };
}
