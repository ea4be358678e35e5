import type { Blocks } from "./blocks.js";
import { greedyFill } from "./greedy-fill.js";
import type { PlanState } from "./plan-state.js";

/** @internal What the local improvement needs of the search context. */
interface Context {
  readonly blocks: Blocks;
  readonly order: Int32Array;
}

/**
 * @internal Relative float noise of a plan value: what a comparison of two plans ignores. Plans closer than 1e-9
 * can differ for real (0.50 on a billion), so the margin is the floats' own error, not a modelling tolerance.
 */
export const FLOAT_NOISE = 1e-12;

const better = (a: number, b: number) => a > b + FLOAT_NOISE * Math.max(1, Math.abs(b));

function closureValue(blocks: Blocks, c: readonly number[]): number {
  let v = 0;
  for (const x of c) v += blocks.value[x] as number;
  return v;
}

/**
 * One round of a move: for each selected block, worst density first, drop it with its dependents and let `refill`
 * rebuild; keep the result when the value rises, else restore. Returns true when some move helped, "cut" when
 * `timeUp` stopped the round.
 */
function round(
  ctx: Context,
  state: PlanState,
  timeUp: () => boolean,
  refill: (dropped: number, drop: readonly number[], valueBefore: number) => void,
): boolean | "cut" {
  let improved = false;
  for (let k = ctx.order.length - 1; k >= 0; k--) {
    const s = ctx.order[k] as number;
    if (!state.selected[s]) continue;
    if (timeUp()) return "cut";
    const drop = state.dependentsClosure(s);
    if (drop === null) continue;
    const before = state.snapshot();
    state.remove(drop);
    refill(s, drop, before.value);
    if (better(state.value, before.value)) improved = true;
    else state.restore(before);
  }
  return improved;
}

/** Drop and refill: refill greedily without the dropped block, then with it allowed again. */
function dropRefill(ctx: Context, state: PlanState, banned: Uint8Array | undefined, timeUp: () => boolean): boolean | "cut" {
  const tabu = banned ? banned.slice() : new Uint8Array(ctx.blocks.count);
  return round(ctx, state, timeUp, (s, _drop, valueBefore) => {
    tabu[s] = 1;
    greedyFill(ctx, state, tabu);
    tabu[s] = banned?.[s] ?? 0;
    if (better(state.value, valueBefore)) greedyFill(ctx, state, banned);
  });
}

/**
 * Swap: add in place of the dropped blocks one unselected block (with its prerequisites) worth more, then refill
 * greedily. Works on the rows that bind: a swap only helps where the dropped block frees room the added one needs.
 */
function swap(ctx: Context, state: PlanState, banned: Uint8Array | undefined, timeUp: () => boolean): boolean | "cut" {
  const { blocks } = ctx;
  return round(ctx, state, timeUp, (s, drop) => {
    const lost = closureValue(blocks, drop);
    for (const a of ctx.order) {
      if (a === s || state.selected[a] || banned?.[a] || drop.includes(a)) continue;
      const c = state.closure(a, banned);
      if (c === null || c.includes(s) || !better(closureValue(blocks, c), lost) || !state.fits(c)) continue;
      state.add(c);
      greedyFill(ctx, state, banned);
      return;
    }
  });
}

/**
 * @internal Local improvement by drop-and-refill and swap moves, in rounds until no move helps or `passes` rounds
 * are done. The amount of work depends only on the problem (and `passes`), never on the clock; `timeUp` may only
 * stop it early, and then the function returns true ("cut short").
 */
export function improve(
  ctx: Context,
  state: PlanState,
  options: { readonly passes: number; readonly banned?: Uint8Array | undefined; readonly timeUp?: (() => boolean) | undefined },
): boolean {
  const timeUp = options.timeUp ?? (() => false);
  for (let pass = 0; pass < options.passes; pass++) {
    const a = dropRefill(ctx, state, options.banned, timeUp);
    if (a === "cut") return true;
    const b = swap(ctx, state, options.banned, timeUp);
    if (b === "cut") return true;
    if (!a && !b) return false;
  }
  return false;
}
