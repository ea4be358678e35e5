import { PmoDecimal, type Decimal } from "../../core/index.js";

/*
 * Root finding for IRR and XIRR: scan a fixed grid of rates for sign changes (bracketing), then refine inside the
 * chosen bracket with Newton steps that fall back to bisection whenever a step would leave the bracket. Because
 * the root stays bracketed, the search cannot diverge or wander below −100%, the failure modes of plain Newton.
 */

/** Rates scanned for sign changes, from just above −100% to 10,000%. */
const GRID = [
  "-0.999999", "-0.99", "-0.95", "-0.9", "-0.8", "-0.7", "-0.6", "-0.5", "-0.4", "-0.3", "-0.2", "-0.15", "-0.1", "-0.05",
  "-0.02", "0", "0.02", "0.05", "0.1", "0.15", "0.2", "0.3", "0.4", "0.5", "0.75", "1", "1.5", "2", "3", "5", "10", "20", "50", "100",
].map((s) => new PmoDecimal(s));

const TOLERANCE = new PmoDecimal("1e-28");

/** A function of the rate and its derivative. */
export interface RateFunction {
  (rate: Decimal): { readonly value: Decimal; readonly slope: Decimal };
}

/** @internal Every bracketed root found on the grid (exact grid zeros included), in increasing order. */
export function findRoots(fn: RateFunction): Decimal[] {
  const roots: Decimal[] = [];
  let prevRate = GRID[0]!;
  let prev = fn(prevRate).value;
  if (prev.isZero()) roots.push(prevRate);
  for (let i = 1; i < GRID.length; i++) {
    const rate = GRID[i]!;
    const v = fn(rate).value;
    if (v.isZero()) roots.push(rate);
    else if (!prev.isZero() && prev.isNegative() !== v.isNegative()) roots.push(refine(fn, prevRate, rate, prev));
    prevRate = rate;
    prev = v;
  }
  return roots;
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
      if (candidate.gt(lo) && candidate.lt(hi)) next = candidate;
    }
    next ??= lo.plus(hi).div(2);
    if (next.minus(x).abs().lte(TOLERANCE.times(x.abs().plus(1)))) return next;
    x = next;
  }
  return x;
}

/** @internal The root closest to `guess` (the smaller one on a tie), Excel's intent when a guess is given. */
export function closestRoot(roots: readonly Decimal[], guess: Decimal): Decimal | undefined {
  let best: Decimal | undefined;
  for (const r of roots) {
    if (best === undefined || r.minus(guess).abs().lt(best.minus(guess).abs())) best = r;
  }
  return best;
}
