import type { Blocks } from "./blocks.js";
import { PmoDecimal, type Decimal } from "../core/index.js";
import { exactRowsOf, type ExactRow, type SelectionModel } from "./model.js";

/**
 * @internal A partial plan over blocks with running resource usage, for the heuristic and the branch and bound.
 * Integral rows are exact in floats. A row that is not (more than 12 decimals, or totals past 2^53) is decided in
 * floats unless the float sum is within 1e-9 of its limit: then in exact decimals, so that a plan over the limit by
 * less than the floats can tell (1.00000000000000004 of 1) is refused and one exactly at it (1 of 1) is taken. The
 * final plan is re-verified in exact decimals anyway.
 */
export class PlanState {
  readonly selected: Uint8Array;
  readonly used: Float64Array;
  /** Selected block per exclusive group, or -1. */
  readonly taken: Int32Array;
  value = 0;
  private readonly slackTol: Float64Array;
  private readonly limits: Float64Array;
  private readonly exact: readonly (ExactRow | undefined)[] | undefined;

  constructor(
    readonly model: SelectionModel,
    readonly blocks: Blocks,
  ) {
    this.selected = new Uint8Array(blocks.count);
    this.used = new Float64Array(model.rows.length);
    this.taken = new Int32Array(model.exclusive.length).fill(-1);
    this.limits = Float64Array.from(model.rows, (r) => r.limit);
    this.slackTol = Float64Array.from(model.rows, (r) => (r.integral ? 0 : 1e-9 * Math.max(1, Math.abs(r.limit))));
    this.exact = exactRowsOf(model);
  }

  /** Exact test of a row with `blocks` added: the selected candidates' usage and theirs against the limit. */
  private fitsExactly(row: ExactRow, blocks: readonly number[]): boolean {
    let used: Decimal = new PmoDecimal(0);
    for (const [i, u] of row.usage) {
      const b = this.blocks.of[i] as number;
      if (this.selected[b] || blocks.includes(b)) used = used.plus(u);
    }
    return used.lessThanOrEqualTo(row.limit);
  }

  /** Blocks that selecting `b` brings in (b and its unselected prerequisites, transitively), or null if impossible. */
  closure(b: number, banned?: Uint8Array): number[] | null {
    if (this.selected[b]) return [];
    if (this.blocks.fixed[b] === 0 || banned?.[b]) return null;
    // Most blocks have no prerequisites: no set needed.
    if ((this.blocks.prereqs[b] as number[]).length === 0) return [b];
    const out: number[] = [];
    const seen = new Set<number>();
    const stack = [b];
    while (stack.length > 0) {
      const x = stack.pop() as number;
      if (seen.has(x) || this.selected[x]) continue;
      if (this.blocks.fixed[x] === 0 || banned?.[x]) return null;
      seen.add(x);
      out.push(x);
      for (const p of this.blocks.prereqs[x] as number[]) stack.push(p);
    }
    return out;
  }

  /** True when the blocks fit the remaining capacity and clash with no selected exclusive partner (or each other). */
  fits(blocks: readonly number[]): boolean {
    const rows = this.used.length;
    for (let r = 0; r < rows; r++) {
      let u = this.used[r] as number;
      for (let k = 0; k < blocks.length; k++) u += (this.blocks.usage[blocks[k] as number] as Float64Array)[r] as number;
      const limit = this.limits[r] as number;
      const tol = this.slackTol[r] as number;
      if (u > limit + tol) return false;
      // Within the floats' tolerance of the limit: decided exactly (the plan over it by less failed the final check).
      const exact = tol > 0 && u >= limit - tol ? this.exact?.[r] : undefined;
      if (exact && !this.fitsExactly(exact, blocks)) return false;
    }
    if (blocks.length === 1) {
      for (const g of this.blocks.groups[blocks[0] as number] as number[]) if ((this.taken[g] as number) !== -1) return false;
      return true;
    }
    const claimed = new Set<number>();
    for (const b of blocks) {
      for (const g of this.blocks.groups[b] as number[]) {
        if ((this.taken[g] as number) !== -1 || claimed.has(g)) return false;
        claimed.add(g);
      }
    }
    return true;
  }

  add(blocks: readonly number[]): void {
    for (const b of blocks) {
      this.selected[b] = 1;
      this.value += this.blocks.value[b] as number;
      const u = this.blocks.usage[b] as Float64Array;
      for (let r = 0; r < this.used.length; r++) this.used[r] = (this.used[r] as number) + (u[r] as number);
      for (const g of this.blocks.groups[b] as number[]) this.taken[g] = b;
    }
  }

  remove(blocks: readonly number[]): void {
    for (const b of blocks) {
      this.selected[b] = 0;
      this.value -= this.blocks.value[b] as number;
      const u = this.blocks.usage[b] as Float64Array;
      for (let r = 0; r < this.used.length; r++) this.used[r] = (this.used[r] as number) - (u[r] as number);
      for (const g of this.blocks.groups[b] as number[]) this.taken[g] = -1;
    }
  }

  /** `b` and every selected block that depends on it, transitively; null if one of them is forced in. */
  dependentsClosure(b: number): number[] | null {
    const out: number[] = [];
    const seen = new Set<number>();
    const stack = [b];
    while (stack.length > 0) {
      const x = stack.pop() as number;
      if (seen.has(x) || !this.selected[x]) continue;
      if (this.blocks.fixed[x] === 1) return null;
      seen.add(x);
      out.push(x);
      for (const d of this.blocks.dependents[x] as number[]) stack.push(d);
    }
    return out;
  }

  /** A new state holding only the forced-in blocks and their prerequisites (assumed to fit). */
  fresh(): PlanState {
    const s = new PlanState(this.model, this.blocks);
    for (let b = 0; b < this.blocks.count; b++) {
      if (this.blocks.fixed[b] !== 1 || s.selected[b]) continue;
      const c = s.closure(b);
      if (c !== null) s.add(c);
    }
    return s;
  }

  /** The plan as one 0/1 byte per candidate. */
  toPlan(): Uint8Array {
    const plan = new Uint8Array(this.model.ids.length);
    for (let i = 0; i < plan.length; i++) plan[i] = this.selected[this.blocks.of[i] as number] as number;
    return plan;
  }

  snapshot(): { selected: Uint8Array; used: Float64Array; taken: Int32Array; value: number } {
    return { selected: this.selected.slice(), used: this.used.slice(), taken: this.taken.slice(), value: this.value };
  }

  restore(s: { selected: Uint8Array; used: Float64Array; taken: Int32Array; value: number }): void {
    this.selected.set(s.selected);
    this.used.set(s.used);
    this.taken.set(s.taken);
    this.value = s.value;
  }
}
