import { roundHalfEven } from "../fixed-point.js";
import type { SensitivityBase } from "./common.js";

/*
 * The top-k set as scoreRequests ranks it — scores rounded half-even to the model's `decimals`, then the tie-break —
 * as one criterion's weight x moves. Unrounded, s_r(x) = scale·(A_r + x·n_r)/(W + x) (W and A_r the other weights
 * and their weighted sum, n_r the row's normalised value on the criterion): monotone in x. Rounded, a row's units
 * change only where s_r crosses a half unit, so a pair (i inside, o outside) changes order only at such crossings,
 * and only while their gap d = s_i − s_o is small: i ranks below o only if d ≤ 1 (rounding then ties, or reverses),
 * or d ≤ 0 when the tie-break favours i. d is monotone in x too, so that band is one interval of x; inside it the
 * first crossing of the leading or trailing row decides within a few steps. Each pair's first change is walked to
 * from the crossings computed in closed form and pinned to adjacent binary64 weights by bisection on the engine's own
 * arithmetic (below), so the reported bound is the last weight at which scoreRequests still ranks the same set.
 */

/** @internal Engine's weighted-sum units of one row at a weight vector: the same operations, in the same order. */
export function unitsAt(base: SensitivityBase, row: number, w: readonly number[]): number {
  const { run } = base;
  const { normalized, m } = run.engine;
  const scale = 10 ** run.model.decimals;
  let total = 0;
  for (const x of w) total += x;
  let p = 0;
  for (const t of run.model.terms) p += normalized[row * m + t.col!]! * ((w[t.col!]! / total) * scale);
  return roundHalfEven(p);
}

/** @internal The first weight (from `from`, towards `to`) at which some insider ranks below some outsider. */
export interface FirstChange {
  /** Last weight at which the set holds. */
  readonly kept: number;
  /** First weight at which it has changed (adjacent binary64). */
  readonly changed: number;
}

/** @internal */
export function firstChange(base: SensitivityBase, j: number, tiePlace: Int32Array, inSet: readonly number[], outSet: readonly number[], dir: 1 | -1): FirstChange | undefined {
  const { normalized: N, m } = base.run.engine;
  const scale = 10 ** base.run.model.decimals;
  const wts = base.weights;
  const from = wts[j]!;
  const end = dir > 0 ? Infinity : 0;
  let W = 0;
  wts.forEach((w, t) => (W += t === j ? 0 : w));
  const A = (r: number) => wts.reduce((s, w, t) => (t === j ? s : s + w * N[r * m + t]!), 0);
  const n = (r: number) => N[r * m + j]!;
  const at = (x: number) => wts.map((w, t) => (t === j ? x : w));
  const above = (i: number, o: number, x: number) => {
    const w = at(x);
    const ui = unitsAt(base, i, w);
    const uo = unitsAt(base, o, w);
    return ui > uo || (ui === uo && tiePlace[i]! < tiePlace[o]!);
  };
  const beyond = (x: number, y: number) => (dir > 0 ? x > y : x < y);
  // Brackets [kept, changed] of each pair's first change (analytic, then bisected only where it can be the first).
  const brackets: [number, number, number, number][] = [];
  if (W > 0) {
    for (const i of inSet) {
      for (const o of outSet) {
        let same = true;
        for (let t = 0; t < wts.length && same; t++) same = N[i * m + t] === N[o * m + t];
        if (same) continue; // equal rows get equal units at every weight: the tie-break keeps i ahead
        const b = pairBracket(scale, W, [A(i), n(i)], [A(o), n(o)], tiePlace[i]! < tiePlace[o]! ? 0 : 1, from, end, dir, (x) => above(i, o, x));
        if (b) brackets.push([i, o, b[0], b[1]]);
      }
    }
  }
  brackets.sort((a, b) => dir * (a[2] - b[2]));
  let best: FirstChange | undefined;
  for (const [i, o, k0, c0] of brackets) {
    if (best && !beyond(best.changed, k0)) break;
    let kept = k0;
    let changed = c0;
    for (;;) {
      const mid = kept + (changed - kept) / 2;
      if (mid === kept || mid === changed) break;
      if (above(i, o, mid)) kept = mid;
      else changed = mid;
    }
    // The half-unit tie rule's tolerance (roundHalfEven) and the float error of the sum make the order flicker for a
    // few binary64 steps around a half unit; step back over them so no weight between `from` and `kept` changes it.
    for (let y = kept, left = 512, total = 0; left > 0 && y !== from && total < 8192; left--, total++) {
      y = ulpStep(y, -dir);
      if (!above(i, o, y)) {
        changed = y;
        left = 512;
      } else if (changed === ulpStep(y, dir)) kept = y;
    }
    if (!best || beyond(best.changed, changed)) best = { kept, changed };
  }
  return best;
}

const view = new DataView(new ArrayBuffer(8));
/** The adjacent binary64 above (dir 1) or below (dir −1) a non-negative x. */
function ulpStep(x: number, dir: number): number {
  if (x === 0) return dir > 0 ? Number.MIN_VALUE : 0;
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(dir));
  return view.getFloat64(0);
}

type Row = readonly [a: number, n: number];

/**
 * A weight at which the pair still holds and one at which it has changed, the first change walked to from `from`;
 * `undefined` when it never changes. `gapLimit` is 1 when the tie-break favours the outsider, else 0.
 */
function pairBracket(scale: number, W: number, ri: Row, ro: Row, gapLimit: number, from: number, end: number, dir: 1 | -1, holds: (x: number) => boolean): [number, number] | undefined {
  const s = (r: Row, x: number) => (scale * (r[0] + x * r[1])) / (W + x);
  const gap = (x: number) => s(ri, x) - s(ro, x);
  const dA = ri[0] - ro[0];
  const dn = ri[1] - ro[1];
  // the band where i can fall below o, widened by two tie zones and the float error of a sum of some tens of terms
  const c = gapLimit + 2 ** -7 + 1e-12 * (1 + Math.abs(s(ri, from)) + Math.abs(s(ro, from)));
  // where the gap equals c, and whether moving towards `end` widens or narrows it
  const xc = (c * W - scale * dA) / (scale * dn - c);
  const narrowing = dir * (dn * W - dA) < 0;
  const inRange = (x: number) => Number.isFinite(x) && (dir > 0 ? x > from : x < from && x >= 0);
  let start = from;
  let stop = end;
  if (gap(from) > c) {
    if (!narrowing || !inRange(xc)) return undefined;
    start = xc;
  } else if (!narrowing && inRange(xc)) stop = xc;
  const beyond = (x: number, y: number) => (dir > 0 ? x > y : x < y);
  // Next edge of a half unit's tie zone that a row crosses from x (towards stop), or undefined. roundHalfEven takes a
  // value within e = min(|L|·2^-47, 2^-8) of a half unit L as that tie, so the rounding changes at L − e and L + e:
  // two rows meeting half units at one weight (3.5 and 4.5 at 0 decimals) tie, to even, only inside those zones.
  // `slack` admits an edge a hair behind x: a row sitting on a half unit at today's weight changes just past it.
  const next = (r: Row, x: number, slack: number): number | undefined => {
    const v = dir * Math.sign(r[1] * W - r[0]);
    if (!v) return undefined;
    const x0 = x - dir * slack * (1 + Math.abs(x));
    const start = v > 0 ? Math.floor(s(r, x) + 0.5) - 1.5 : Math.ceil(s(r, x) - 0.5) + 1.5;
    for (let tries = 0; tries < 12; tries++) {
      const level = start + (tries >> 1) * v;
      const value = level + (tries & 1 ? v : -v) * Math.min(Math.abs(level) * 2 ** -47, 2 ** -8);
      const y = (value * W - scale * r[0]) / (scale * r[1] - value);
      if (Number.isFinite(y) && y >= 0 && beyond(y, x0)) return beyond(y, stop) ? undefined : y;
    }
    return undefined;
  };
  const nextEvent = (x: number, slack: number) => {
    const a = next(ri, x, slack);
    const b = next(ro, x, slack);
    return a === undefined ? b : b === undefined ? a : dir > 0 ? Math.min(a, b) : Math.max(a, b);
  };
  let kept = from;
  let x = start;
  // Within the band the order changes at the first crossing of the leading or trailing row, or never: a few steps.
  for (let step = 0; step < 64; step++) {
    const e = nextEvent(x, step ? 0 : 1e-12);
    if (e === undefined) break;
    const e2 = nextEvent(e, 0);
    const far = e2 ?? (Number.isFinite(stop) ? stop : Math.min(e * 2 + 1, Number.MAX_VALUE));
    let probe = e + (far - e) / 2;
    if (!beyond(probe, kept)) probe = ulpStep(kept, dir); // an edge a hair behind today's weight: look just past it
    if (!holds(probe)) return [kept, probe];
    kept = probe;
    x = probe;
  }
  // Weight exactly 0 (the criterion dropped) can be the one weight where the order changes.
  if (dir < 0 && !holds(0)) return [kept, 0];
  return undefined;
}
