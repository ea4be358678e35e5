import { ValidationError, fromEpochDay, metric, missing, toEpochDay, type IsoDate, type Metric, type Money, checkArguments } from "../core/index.js";
import { checkEarnedValueArguments, compileProject } from "./compile.js";
import { fromMinor } from "./exact.js";
import { nthWorkingDay } from "./day-index.js";
import { resultFrom, type EarnedValueResult } from "./earned-value.js";
import { evaluateProject } from "./kernel.js";
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

/** The EAC family as a range, and confidence bands from period-to-period variability. */
export interface ForecastRange {
  /** Lowest and highest EAC among the methods that have a figure (with the method names). */
  readonly eacRange: Metric<{ readonly low: Money; readonly high: Money; readonly lowMethod: string; readonly highMethod: string }>;
  /** Band of EAC = AC + (BAC − EV) / CPI*, CPI* resampled from the periods' CPIs (ΣΔEV / ΣΔAC). */
  readonly eacBand: Metric<Band<Money>>;
  /** Band of the finish date from IEAC(t) = AT + (PD − ES) / SPI(t)*, SPI(t)* resampled from the periods' ΔES / ΔAT. */
  readonly finishBand: Metric<Band<IsoDate>>;
  /** Periods the variability was measured on. */
  readonly periodsObserved: number;
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

/**
 * Forecast range: the EAC₁…₅ family as a low–high range, and confidence bands for EAC and the finish date from a
 * seeded bootstrap over the closed periods' cost efficiency (ΔEV/ΔAC) and schedule efficiency (ΔES/ΔAT). The
 * simulation is statistics, not bookkeeping: it runs in floating point and its results are rounded to the cent
 * and to whole working days. Same seed, same band.
 *
 * @throws {ValidationError} for a confidence outside (0, 1) or fewer than 1 draw.
 * @example
 * ```ts
 * const r = forecastRange(input, { statusDate: "2026-11-20", grid: { kind: "monthly" } }, { seed: 42, confidence: 0.8 });
 * r.eacBand.value?.high; // the 90th percentile EAC
 * ```
 */
export function forecastRange(
  input: EarnedValueInput,
  options: EarnedValueOptions,
  band: { readonly seed: number; readonly draws?: number; readonly confidence?: number },
): ForecastRange {
  checkEarnedValueArguments("forecastRange", input, options);
  checkArguments("forecastRange", { band: [band, "object"] });
  const confidence = band.confidence ?? 0.8;
  const draws = band.draws ?? 2000;
  if (!(confidence > 0 && confidence < 1)) throw ValidationError.single(["confidence"], "confidence must be between 0 and 1", "forecast range");
  if (!Number.isInteger(draws) || draws < 1) throw ValidationError.single(["draws"], "draws must be a positive integer", "forecast range");
  const cp = compileProject(input, options);
  const t = toEpochDay(options.statusDate as IsoDate);
  const core = evaluateProject(cp, t);
  const now = resultFrom(cp, core);
  const f = now.figures;
  const fam = Object.entries(f.eac).filter(([, m]) => m.value !== undefined) as [string, { value: Money }][];
  fam.sort((a, b) => a[1].value.amount.cmp(b[1].value.amount));
  const lo = fam[0], hi = fam[fam.length - 1];
  const eacRange = lo && hi ? metric({ low: lo[1].value, high: hi[1].value, lowMethod: lo[0], highMethod: hi[0] }) : missing("no-eac");
  // Period deltas at each closed period end (and the status date).
  const ends = [...cp.gridEnd].filter((e) => e >= cp.start && e < t);
  ends.push(t);
  const dEv: number[] = [], dAc: number[] = [], dEs: number[] = [], dAt: number[] = [];
  let pEv = 0, pAc = 0, pEs = 0, pAt = 0;
  for (const e of ends) {
    const c = e === t ? core : evaluateProject(cp, e);
    const es = c.es.esNum / c.es.esDen;
    dEv.push(c.ev - pEv); dAc.push(c.ac - pAc); dEs.push(es - pEs); dAt.push(c.es.at - pAt);
    pEv = c.ev; pAc = c.ac; pEs = es; pAt = c.es.at;
  }
  const n = dEv.length;
  const rand = rng(band.seed);
  const eacs: number[] = [], fins: number[] = [];
  const rest = core.bac - core.ev, left = core.es.pd - core.es.esNum / core.es.esDen;
  for (let d = 0; d < draws; d++) {
    let sEv = 0, sAc = 0, sEs = 0, sAt = 0;
    for (let k = 0; k < n; k++) {
      const j = Math.floor(rand() * n);
      sEv += dEv[j] as number; sAc += dAc[j] as number; sEs += dEs[j] as number; sAt += dAt[j] as number;
    }
    if (sEv > 0 && sAc > 0) eacs.push(core.ac + rest * (sAc / sEv));
    if (sEs > 0 && sAt > 0) fins.push(core.es.at + left * (sAt / sEs));
  }
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))] as number;
  const pick = (xs: number[]) => { xs.sort((a, b) => a - b); return [q(xs, (1 - confidence) / 2), q(xs, 0.5), q(xs, (1 + confidence) / 2)] as const; };
  const cents = (x: number) => fromMinor(Math.round(x), cp.currency);
  const day = (x: number): IsoDate => (core.complete && core.finishDay >= 0 ? fromEpochDay(core.finishDay) : (nthWorkingDay(cp.days, cp.start, Math.min(50_000, Math.ceil(x))) as IsoDate));
  const enough = n >= 2 ? undefined : missing("no-data", "fewer than two periods observed");
  const [e0, e1, e2] = eacs.length ? pick(eacs) : [0, 0, 0];
  const [f0, f1, f2] = fins.length ? pick(fins) : [0, 0, 0];
  return {
    eacRange,
    eacBand: enough ?? (eacs.length ? metric({ low: cents(e0), median: cents(e1), high: cents(e2) }) : missing("ev-is-zero")),
    finishBand: enough ?? (fins.length ? metric({ low: day(f0), median: day(f1), high: day(f2) }) : missing("ev-is-zero")),
    periodsObserved: n,
    atStatusDate: now,
  };
}
