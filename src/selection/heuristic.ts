import { buildBlocks, type Blocks } from "./blocks.js";
import { greedyFill } from "./greedy-fill.js";
import { lagrangianPrices } from "./lagrangian.js";
import { FLOAT_NOISE, improve } from "./local-search.js";
import type { SelectionModel } from "./model.js";
import { PlanState } from "./plan-state.js";
import type { SearchContext } from "./search-context.js";

const contexts = new WeakMap<SelectionModel, SearchContext>();

/** Blocks that may add value: positive value of the block alone, not forced out. */
function addable(blocks: Blocks, empty: PlanState): number[] {
  const out: number[] = [];
  for (let b = 0; b < blocks.count; b++) {
    if (blocks.fixed[b] === 0 || (blocks.value[b] as number) <= 0) continue;
    if (empty.closure(b) !== null) out.push(b);
  }
  return out;
}

/**
 * Blocks sorted for the greedy, by their prerequisite closure: `ratio` — value per weighted resource use (a tiny
 * share of `1/limit` keeps rows priced at 0 from making every block look free); `reduced` — value minus the priced
 * resource use (the reduced cost), which favours the blocks the relaxation is surest of.
 */
function densityOrder(ctx: { model: SelectionModel; blocks: Blocks }, empty: PlanState, candidates: readonly number[], weights: Float64Array, kind: "ratio" | "reduced"): Int32Array {
  const { model, blocks } = ctx;
  const tiny = Float64Array.from(model.rows, (r) => 1e-6 / Math.max(r.limit, 1e-9));
  let valueScale = 0;
  for (const b of candidates) valueScale = Math.max(valueScale, blocks.value[b] as number);
  const key = new Float64Array(blocks.count);
  for (const b of candidates) {
    const c = empty.closure(b) as number[];
    let v = 0;
    let w = 1e-12;
    for (const x of c) {
      v += blocks.value[x] as number;
      const u = blocks.usage[x] as Float64Array;
      for (let r = 0; r < u.length; r++) w += ((weights[r] as number) + valueScale * (tiny[r] as number)) * (u[r] as number);
    }
    key[b] = kind === "ratio" ? v / w : v - w;
  }
  return Int32Array.from([...candidates].sort((a, b) => (key[b] as number) - (key[a] as number) || a - b));
}

/**
 * @internal Builds (once per model) the search context: Lagrangian prices by subgradient steps, and the greedy
 * order — value density with every row weighted by its price — that gives the best plan among the price vectors
 * tried (and the plain `1/limit` weighting). Everything here is a fixed amount of work, so the order depends only on
 * the model.
 */
export function searchContext(model: SelectionModel): SearchContext {
  const cached = contexts.get(model);
  if (cached) return cached;
  const blocks = buildBlocks(model);
  const empty = new PlanState(model, blocks);
  const start = empty.fresh();
  const candidates = addable(blocks, empty);
  const base = { model, blocks };
  type Tried = { value: number; order: Int32Array };
  const best: Record<"ratio" | "reduced", Tried> = { ratio: { value: -Infinity, order: new Int32Array(0) }, reduced: { value: -Infinity, order: new Int32Array(0) } };
  const tryWeights = (weights: Float64Array): number => {
    for (const kind of ["ratio", "reduced"] as const) {
      const order = densityOrder(base, empty, candidates, weights, kind);
      const s = start.fresh();
      greedyFill({ blocks, order }, s);
      if (s.value > best[kind].value) best[kind] = { value: s.value, order };
    }
    return Math.max(best.ratio.value, best.reduced.value);
  };
  // Start with every row weighed by 1/limit scaled to the value per limit, so that "reduced" is meaningful too.
  let valuePerRow = 0;
  for (const b of candidates) valuePerRow += blocks.value[b] as number;
  valuePerRow /= Math.max(1, model.rows.length);
  tryWeights(Float64Array.from(model.rows, (r) => valuePerRow / Math.max(r.limit, 1e-9)));
  const prices = lagrangianPrices(model, blocks, Math.max(best.ratio.value, best.reduced.value), (lambda) => tryWeights(lambda));
  tryWeights(prices.prices);
  // The reduced-cost order at the final prices is improved too, whatever its greedy value: it starts closest to
  // the relaxation's choice.
  const final = densityOrder(base, empty, candidates, prices.prices, "reduced");
  const rowOrders = model.rows.map((_, r) => {
    const ratio = new Float64Array(blocks.count);
    for (const b of candidates) {
      const u = (blocks.usage[b] as Float64Array)[r] as number;
      ratio[b] = u <= 0 ? Infinity : (blocks.value[b] as number) / u;
    }
    return Int32Array.from([...candidates].sort((a, b) => (ratio[b] as number) - (ratio[a] as number) || a - b));
  });
  // Every block counts here, not only those of positive value: dependency prices can lift a worthless prerequisite.
  const positive = Int32Array.from({ length: blocks.count }, (_, b) => b).filter((b) => blocks.fixed[b] !== 0 && (prices.reducedCost[b] as number) > 0);
  const [first, second] = best.ratio.value >= best.reduced.value ? [best.ratio, best.reduced] : [best.reduced, best.ratio];
  const ctx: SearchContext = { model, blocks, order: first.order, alternatives: [second.order, final], rowOrders, prices, positive };
  contexts.set(model, ctx);
  return ctx;
}

/** @internal Limits of one heuristic run: work (improvement passes) decides the result; a deadline may cut it short. */
export interface HeuristicOptions {
  readonly warmStart?: Uint8Array | undefined;
  readonly banned?: Uint8Array | undefined;
  /** Local improvement passes (each a full round of moves). Default 20. */
  readonly passes?: number | undefined;
  /** Returns true when time is up: the run stops early and says so. */
  readonly timeUp?: (() => boolean) | undefined;
}

/**
 * @internal The heuristic: forced blocks first, then the warm start repaired (its blocks re-added best density
 * first, skipping what no longer fits; and once without it), then greedy, then local improvement (see `improve`) — once in the best
 * greedy order and, when improvement passes are asked for, in the alternative orders too; the best plan wins. Returns null when the forced blocks alone do not fit; `cut` is true when `timeUp` stopped it.
 */
export function heuristicState(ctx: SearchContext, options: HeuristicOptions = {}): { state: PlanState; cut: boolean } | null {
  const { model, blocks } = ctx;
  const passes = options.passes ?? 20;
  const orders = passes > 0 ? [ctx.order, ...ctx.alternatives] : [ctx.order];
  // With a warm start the greedy plan without it is tried too (after it, so it wins only by being worth more): a
  // warm start never leaves a plan worse than none (the frontier, warm-started from the ranking's plan worth 60, kept
  // it where selectPortfolio's greedy found 61 on the same problem).
  const starts = options.warmStart ? [options.warmStart, undefined] : [undefined];
  let best: { state: PlanState; cut: boolean } | undefined;
  runs: for (const order of orders) for (const warmStart of starts) {
    const state = new PlanState(model, blocks);
    for (let b = 0; b < blocks.count; b++) {
      if (blocks.fixed[b] !== 1 || state.selected[b]) continue;
      const c = state.closure(b);
      if (c === null || !state.fits(c)) return null;
      state.add(c);
    }
    const search = { blocks, order };
    if (warmStart) {
      const wanted = new Uint8Array(blocks.count);
      warmStart.forEach((x, i) => { if (x) wanted[blocks.of[i] as number] = 1; });
      greedyFill(search, state, options.banned, wanted);
    }
    greedyFill(search, state, options.banned);
    const cut = improve(search, state, { passes, banned: options.banned, timeUp: options.timeUp });
    if (!best || state.value > best.state.value + FLOAT_NOISE * Math.max(1, Math.abs(best.state.value))) best = { state, cut: cut || best?.cut === true };
    else best = { ...best, cut: best.cut || cut };
    if (best.cut) break runs;
  }
  return best as { state: PlanState; cut: boolean };
}
