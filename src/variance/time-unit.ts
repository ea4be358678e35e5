import { fromEpochDay, toEpochDay, type IsoDate } from "../core/index.js";
import { nthWorkingDay, workingDaysIn } from "./day-index.js";
import type { CompiledProject } from "./engine-types.js";
import type { ProjectCore } from "./kernel.js";
import { lastIn } from "./packed.js";
import { gridOver } from "./period-grid.js";

/*
 * The time axis of earned schedule in the policy's unit. Working days (the default) count days on the calendar from
 * the baseline start. Periods (Lipke's original form) count the grid's periods from the baseline start: the period
 * holding the start is period 1 (from the start to its end), and within a period time runs by working days. ES in
 * periods is then exactly C + (EV − PV_C) / (PV_{C+1} − PV_C), C the number of periods whose end PV ≤ EV.
 */

/** @internal A duration as an exact fraction (den > 0). */
export interface Span {
  readonly num: bigint;
  readonly den: bigint;
}

/** Forecast finish dates further than this many working days (about 200 years), or periods, after the start are not dated. */
const HORIZON = 50_000, PERIOD_HORIZON = 5_000;

/** The grid's period ends on or after the baseline start (the breakpoints of the period axis). */
function periodEnds(cp: CompiledProject): Int32Array {
  return cp.gridEnd.subarray(lastIn(cp.gridEnd, 0, cp.gridEnd.length, cp.start - 1) + 1);
}

/**
 * The period ends continued through day `to` by the grid's own rule: weeks and months go on; fiscal periods as listed,
 * to the list's end (none is invented).
 */
function endsTo(cp: CompiledProject, ends: Int32Array, to: number): Int32Array {
  const spec = cp.grid, last = ends[ends.length - 1] as number;
  if (to <= last) return ends;
  const more: readonly { readonly finish: string }[] = spec.kind === "fiscal" ? spec.periods : gridOver(spec, fromEpochDay(last + 1), fromEpochDay(to)).periods;
  return Int32Array.from([...ends, ...more.map((p) => toEpochDay(p.finish as IsoDate)).filter((e) => e > last)]);
}

/**
 * Periods from the baseline start to the end of day `d` (the current period counts by working days elapsed; one
 * without a working day counts whole on its last day).
 */
function dayToPeriods(cp: CompiledProject, ends: Int32Array, d: number): Span {
  // (Before the start: no period end lies before d, and no working day from the start to d has passed: 0.)
  // A compiled project read after its grid's last period: the grid goes on (AT stopped at its end, SPI(t) too high).
  ends = endsTo(cp, ends, d);
  const k = lastIn(ends, 0, ends.length, d - 1) + 1; // period ends strictly before d
  if (k >= ends.length) return { num: BigInt(ends.length), den: 1n };
  const from = k === 0 ? cp.start : (ends[k - 1] as number) + 1;
  const to = ends[k] as number;
  const len = workingDaysIn(cp.days, from, to);
  // A period without a working day has elapsed at its last day's end (calendar time on the grid), not before.
  if (len === 0) return { num: BigInt(d < to ? k : k + 1), den: 1n };
  return { num: BigInt(k * len + workingDaysIn(cp.days, from, Math.min(d, to))), den: BigInt(len) };
}

/**
 * @internal PD, AT and ES in the policy's time unit, as exact fractions. ES = T0 + e / d × (T1 − T0) on the kernel's
 * segment (read from PV itself, so in periods a period without working days still has two ends): in periods point k
 * is at k (Lipke's C + I), the status date at AT.
 */
export function scheduleSpans(core: ProjectCore, cp: CompiledProject): { readonly pd: Span; readonly at: Span; readonly es: Span } {
  const { es } = core, B = BigInt;
  const W = (n: number): Span => ({ num: B(n), den: 1n });
  let pd = W(es.pd), at = W(es.at), T0 = W(es.t0), T1 = W(es.t1);
  if (cp.policy.timeUnit === "periods") {
    const ends = periodEnds(cp);
    pd = dayToPeriods(cp, ends, cp.finish); at = dayToPeriods(cp, ends, Math.min(core.finishDay, core.t));
    T0 = es.s & 1 ? at : W(es.c); T1 = es.s & 4 ? pd : es.s & 2 ? at : W(es.c + 1);
  }
  // d = 0: every point's PV ≤ EV, ES is C. Capped at PD.
  const D = B(es.d), E = B(es.e);
  const e = D ? { num: T0.num * T1.den * D + E * (T1.num * T0.den - T0.num * T1.den), den: T0.den * T1.den * D } : T0;
  return { pd, at, es: e.num * pd.den > pd.num * e.den ? pd : e };
}

/**
 * @internal The working day a duration x = num/den (den > 0) from the baseline start is reached on, read exactly: the
 * ⌈x⌉-th working day (working days), or in periods the ⌈f × n⌉-th of the n working days of the period x ends in (f its
 * fraction of that period; a whole number of periods ends on the period's last working day).
 * Undefined past the horizon (50,000 working days, about 200 years, or 5,000 periods) or the fiscal grid.
 */
export function dateAfter(cp: CompiledProject, x: Span): string | undefined {
  let k = Number(x.num / x.den), rem = x.num % x.den; // x ≥ 0
  const up = (n: bigint) => Number((n - 1n) / x.den) + 1; // ⌈n / den⌉ for n ≥ 1 (1 for n = 0: the first day)
  const days = cp.policy.timeUnit !== "periods";
  // A tiny SPI(t) extrapolates to centuries: no date rather than an invented one.
  if (k >= (days ? HORIZON : PERIOD_HORIZON)) return undefined;
  if (days) return nthWorkingDay(cp.days, cp.start, up(x.num));
  // k whole periods are reached on the last working day of period k: read as all of period k.
  if (!rem && k) k--, rem = x.den;
  let ends = periodEnds(cp);
  if (k + 1 > ends.length) {
    ends = endsTo(cp, ends, (ends[ends.length - 1] as number) + (k + 2 - ends.length) * 31);
    if (k >= ends.length) return undefined;
  }
  const from = k === 0 ? cp.start : (ends[k - 1] as number) + 1;
  const to = ends[k] as number;
  const len = workingDaysIn(cp.days, from, to);
  // A period without a working day: the time is reached on the first working day after it.
  return len ? nthWorkingDay(cp.days, from, up(rem * BigInt(len))) : nthWorkingDay(cp.days, to + 1, 1);
}
