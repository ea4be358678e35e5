/** @internal Reusable buffers for {@link ranks} (one activity after another: no allocation per activity). */
export interface RankScratch {
  counts: Int32Array;
  avg: Float64Array;
  out: Float64Array;
}

/**
 * @internal Ranks (1-based, ties averaged) of integer-valued samples ≥ 0, by sorting packed (value, index) keys.
 * With `scratch`, the result lives in `scratch.out` and is overwritten by the next call.
 */
export function ranks(values: ArrayLike<number>, scratch?: RankScratch): Float64Array {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Narrow ranges (sampled durations in minutes): counting sort, linear time.
  if (n > 0 && max - min < 4 * n + 1024) {
    const range = max - min + 1;
    if (scratch && scratch.counts.length < range) {
      scratch.counts = new Int32Array(range);
      scratch.avg = new Float64Array(range);
    }
    if (scratch && scratch.out.length !== n) scratch.out = new Float64Array(n);
    const counts = scratch ? scratch.counts.fill(0, 0, range) : new Int32Array(range);
    for (let i = 0; i < n; i++) {
      const r = (values[i] as number) - min;
      counts[r] = (counts[r] as number) + 1;
    }
    const avg = scratch ? scratch.avg : new Float64Array(range);
    let below = 0;
    for (let r = 0; r < range; r++) {
      const c = counts[r] as number;
      avg[r] = below + (c + 1) / 2;
      below += c;
    }
    const out = scratch ? scratch.out : new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = avg[(values[i] as number) - min] as number;
    return out;
  }
  const keys = new Float64Array(n);
  // value × 2²⁰ + index is exact for values < 2³² and up to 2²⁰ samples (iterations ≤ 1,000,000).
  for (let i = 0; i < n; i++) keys[i] = (values[i] as number) * 1048576 + i;
  keys.sort();
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    const v = Math.floor((keys[i] as number) / 1048576);
    let j = i + 1;
    while (j < n && Math.floor((keys[j] as number) / 1048576) === v) j++;
    const avg = (i + 1 + j) / 2; // ranks i+1 … j
    for (let p = i; p < j; p++) out[(keys[p] as number) - v * 1048576] = avg;
    i = j;
  }
  return out;
}

/** @internal Pearson correlation of two samples, or undefined when either is constant. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * @internal A sample's deviations from its mean and their sum of squares, for {@link pearsonWith}: the Monte Carlo
 * correlates every activity with the same project durations, which were re-centred for each of them.
 */
export interface Centred {
  readonly dev: Float64Array;
  readonly ss: number;
}

/** @internal Centres y as {@link pearson} does (the mean by a running sum, then each deviation and its square in turn). */
export function centred(y: ArrayLike<number>): Centred {
  const n = y.length;
  let my = 0;
  for (let i = 0; i < n; i++) my += y[i] as number;
  my /= n;
  const dev = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dy = (y[i] as number) - my;
    dev[i] = dy;
    ss += dy * dy;
  }
  return { dev, ss };
}

/** @internal pearson(x, y) with y centred once: the same sums in the same order, so the same double. */
export function pearsonWith(x: ArrayLike<number>, y: Centred): number | undefined {
  const n = x.length;
  const dev = y.dev;
  let mx = 0;
  for (let i = 0; i < n; i++) mx += x[i] as number;
  mx /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    sxy += dx * (dev[i] as number);
    sxx += dx * dx;
  }
  if (sxx === 0 || y.ss === 0) return undefined;
  return sxy / Math.sqrt(sxx * y.ss);
}
