import { PmoDecimal, type Decimal } from "../../core/index.js";

/*
 * Root finding for IRR and XIRR. Every real root between −99.9999 % and 10,000 % is found, not only those where the
 * NPV changes sign between two rates of a coarse grid:
 *
 * 1. A fine scan (about 2,300 rates, denser where rates are usual) evaluates NPV and its slope in float — cheap —
 *    only to find the cells worth a closer, exact look.
 * 2. A cell where the NPV changes sign holds a root: it is confirmed and refined in 34-digit decimals by Newton steps
 *    kept inside the bracket (bisection when a step would leave it), so the search cannot diverge.
 * 3. A cell where the slope changes sign holds a turning point of the curve. It is located exactly (bisection on the
 *    slope); if the NPV there has the opposite sign to the cell's ends, the curve dips through zero and back — two
 *    roots, one each side of the turn (e.g. −1, 2.24, −1.2543: roots 11 % and 13 %, between grid rates that both
 *    give a negative NPV). A turning point whose NPV is zero is a double root, reported once.
 * 4. A cell whose float values are too close to zero (or overflow) to trust their sign is judged in decimals.
 */

/** A function of the rate and its derivative, exact. */
export interface RateFunction {
  (rate: Decimal): { readonly value: Decimal; readonly slope: Decimal };
}

/** The same function in float, for the scan: value, slope and the size of the largest term (for relative tests). */
export interface ApproxRateFunction {
  (rate: number): { readonly value: number; readonly slope: number; readonly scale: number };
}

/**
 * @internal The scan's value for Σ a_i·(1+r)^(−t_i) where the plain float sum is not finite: near −100 % the late terms
 * of a long schedule exceed 1e308 ((10⁻⁶)^(−100) for 100 years), and every cell there used to be judged in decimals
 * (32 exact evaluations for 1,200 monthly flows). Here every term is divided by the largest one's discount factor
 * (found in logarithms), so none overflows; value, slope and scale share that positive factor, which keeps all the
 * scan reads: the signs and |value| against scale.
 */
export function scaledApprox(rate: number, amounts: readonly number[], times: readonly number[]): ReturnType<ApproxRateFunction> {
  const base = 1 + rate;
  const log = Math.log(base);
  let top = -Infinity;
  let at = 0;
  for (let i = 0; i < amounts.length; i++) {
    const e = Math.log(Math.abs(amounts[i]!)) - times[i]! * log;
    if (e > top) {
      top = e;
      at = times[i]!;
    }
  }
  let value = 0;
  let slope = 0;
  let scale = 0;
  for (let i = 0; i < amounts.length; i++) {
    const term = amounts[i]! * Math.pow(base, at - times[i]!);
    value += term;
    slope -= (term * times[i]!) / base;
    scale = Math.max(scale, Math.abs(term));
  }
  return { value, slope, scale };
}

/** @internal The plain float sum where it is finite, else {@link scaledApprox}. */
export function finiteApprox(plain: ReturnType<ApproxRateFunction>, rate: number, amounts: readonly number[], times: readonly number[]): ReturnType<ApproxRateFunction> {
  const ok = Number.isFinite(plain.value) && Number.isFinite(plain.slope) && Number.isFinite(plain.scale) && plain.scale > 0;
  return ok ? plain : scaledApprox(rate, amounts, times);
}

/** Lowest and highest rate searched. */
export const RATE_SEARCH_RANGE = { low: "-0.999999", high: "100" } as const;

/** The scan: 1+r log-spaced near −100 %, then steps of 0.2 % to 100 %, 1 % to 1,000 %, 25 % to 10,000 %. */
const SCAN: readonly number[] = (() => {
  const rates: number[] = [];
  for (let k = 0; k < 40; k++) rates.push(Math.pow(10, -6 + (4 * k) / 40) - 1); // 1+r from 1e-6 to 1e-2
  for (let k = 0; k < 995; k++) rates.push(-0.99 + 0.002 * k);
  for (let k = 0; k < 900; k++) rates.push(1 + 0.01 * k);
  for (let k = 0; k <= 360; k++) rates.push(10 + 0.25 * k);
  return rates;
})();

const TOLERANCE = new PmoDecimal("1e-28");
/** A turning point whose |NPV| is below this share of the largest term is a double root. */
const DOUBLE_ROOT = new PmoDecimal("1e-24");

interface Sample {
  readonly rate: Decimal;
  readonly value: number;
  readonly slope: number;
  /** False when the float value is too small (or not finite) to trust its sign. */
  readonly sure: boolean;
}

function sign(x: Decimal): -1 | 0 | 1 {
  return x.isZero() ? 0 : x.isNegative() ? -1 : 1;
}

/** @internal Every root between −99.9999 % and 10,000 %, ascending, each once. */
export function findRoots(fn: RateFunction, approx: ApproxRateFunction): Decimal[] {
  const samples: Sample[] = SCAN.map((r, i) => {
    const a = approx(r);
    const finite = Number.isFinite(a.value) && Number.isFinite(a.slope) && Number.isFinite(a.scale);
    const rate = i === 0 ? new PmoDecimal(RATE_SEARCH_RANGE.low) : new PmoDecimal(r.toPrecision(12));
    return { rate, value: a.value, slope: a.slope, sure: finite && Math.abs(a.value) > 1e-9 * a.scale };
  });
  const roots: Decimal[] = [];
  const exact = new Map<number, { value: Decimal; slope: Decimal }>();
  const at = (i: number) => {
    let e = exact.get(i);
    if (e === undefined) exact.set(i, (e = fn(samples[i]!.rate)));
    return e;
  };
  if (at(0).value.isZero()) roots.push(samples[0]!.rate);
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const floatSignChange = a.sure && b.sure && Math.sign(a.value) !== Math.sign(b.value);
    const slopeTurns = Math.sign(a.slope) !== Math.sign(b.slope) || !Number.isFinite(a.slope) || !Number.isFinite(b.slope);
    if (!floatSignChange && !slopeTurns && a.sure && b.sure) continue;
    examineCell(fn, a.rate, b.rate, at(i - 1), at(i), roots);
  }
  return dedupe(roots);
}

/** Looks at one cell [lo, hi] in decimals and pushes the roots it holds (hi itself included, lo not). */
function examineCell(
  fn: RateFunction,
  lo: Decimal,
  hi: Decimal,
  fLo: { value: Decimal; slope: Decimal },
  fHi: { value: Decimal; slope: Decimal },
  roots: Decimal[],
): void {
  const sLo = sign(fLo.value);
  const sHi = sign(fHi.value);
  if (sHi === 0) roots.push(hi);
  if (sLo !== 0 && sHi !== 0 && sLo !== sHi) {
    roots.push(refine(fn, lo, hi, fLo.value));
    return;
  }
  const tLo = sign(fLo.slope);
  const tHi = sign(fHi.slope);
  if (tLo === tHi || tLo === 0 || tHi === 0) return; // monotone across the cell: no turn, so no hidden pair
  // The curve turns inside the cell: find the turning point and look at the NPV there.
  const turn = turningPoint(fn, lo, hi, fLo.slope);
  const fTurn = fn(turn).value;
  const ends = sLo !== 0 ? sLo : sHi;
  if (ends === 0) return;
  if (fTurn.abs().lte(DOUBLE_ROOT.times(scaleOf(fLo.value, fHi.value)))) {
    roots.push(turn);
    return;
  }
  if (sign(fTurn) !== ends) {
    if (sLo !== 0) roots.push(refine(fn, lo, turn, fLo.value));
    if (sHi !== 0) roots.push(refine(fn, turn, hi, fTurn));
  }
}

function scaleOf(a: Decimal, b: Decimal): Decimal {
  return PmoDecimal.max(a.abs(), b.abs(), new PmoDecimal(1));
}

/** Bisection on the slope: the rate in [lo, hi] where the slope changes sign. */
function turningPoint(fn: RateFunction, lo0: Decimal, hi0: Decimal, slopeLo: Decimal): Decimal {
  let lo = lo0;
  let hi = hi0;
  const loNegative = slopeLo.isNegative();
  for (let iter = 0; iter < 120; iter++) {
    const mid = lo.plus(hi).div(2);
    const s = fn(mid).slope;
    if (s.isZero()) return mid;
    if (s.isNegative() === loNegative) lo = mid;
    else hi = mid;
    if (hi.minus(lo).lte(TOLERANCE.times(mid.abs().plus(1)))) break;
  }
  return lo.plus(hi).div(2);
}

/** Safeguarded Newton inside [lo, hi] where fn(lo) has the sign of `fLo` and fn(hi) the opposite. */
function refine(fn: RateFunction, lo0: Decimal, hi0: Decimal, fLo: Decimal): Decimal {
  let lo = lo0;
  let hi = hi0;
  const loNegative = fLo.isNegative();
  let x = lo.plus(hi).div(2);
  for (let iter = 0; iter < 300; iter++) {
    const { value, slope } = fn(x);
    if (value.isZero()) return x;
    if (value.isNegative() === loNegative) lo = x;
    else hi = x;
    let next: Decimal | undefined;
    if (!slope.isZero()) {
      const candidate = x.minus(value.div(slope));
      // A step below x's last digit: x is the closest 34 digits get. (Taken as leaving the bracket, it used to start
      // ~50 bisection steps that wandered up to the tolerance away, e.g. 12.727…45031231 → 12.727…44895942.)
      if (candidate.eq(x)) return x;
      if (candidate.gt(lo) && candidate.lt(hi)) next = candidate;
    }
    next ??= lo.plus(hi).div(2);
    if (next.minus(x).abs().lte(TOLERANCE.times(x.abs().plus(1)))) return next;
    x = next;
  }
  return x;
}

function dedupe(roots: Decimal[]): Decimal[] {
  const sorted = [...roots].sort((a, b) => a.cmp(b));
  const out: Decimal[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || r.minus(last).abs().gt(TOLERANCE.times(1e6).times(r.abs().plus(1)))) out.push(r);
  }
  return out;
}

/** @internal The root closest to `guess` (the smaller one on a tie), Excel's intent when a guess is given. */
export function closestRoot(roots: readonly Decimal[], guess: Decimal): Decimal | undefined {
  let best: Decimal | undefined;
  for (const r of roots) {
    if (best === undefined || r.minus(guess).abs().lt(best.minus(guess).abs())) best = r;
  }
  return best;
}
