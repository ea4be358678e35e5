import type { CpmState } from "../engine/cpm-kernel.js";
import { IN_PROGRESS, type CompiledNetwork } from "../engine/network.js";

/**
 * @internal Per activity, the working positions [from, to) in which started work waits for a predecessor (retained
 * logic: its remaining part starts after the status date, later than the status date allows) — NaN where there is no
 * such wait. Levelling updates an activity's wait when it moves the remaining part after a levelled predecessor.
 */
export interface Idle {
  readonly from: Float64Array;
  readonly to: Float64Array;
}

/**
 * @internal The waits of started work on the CPM dates: from the status date (or the actual start, when later) to the
 * start of the remaining part. The work done before the status date and the remaining part hold their resources; the
 * days between do not (the resource was counted as held while the activity waited, over-allocating it and making
 * levelled work wait for nothing).
 */
export function idleOf(net: CompiledNetwork, st: CpmState): Idle {
  const n = net.spec.ids.length;
  const from = new Float64Array(n).fill(Number.NaN);
  const to = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    if (net.state[i] !== IN_PROGRESS) continue;
    const restStart = (st.efW[i] as number) - (st.span[i] as number);
    const waitFrom = Math.max(st.esW[i] as number, net.statusW[i] as number); // NaN without a status date: no wait
    if (restStart > waitFrom && (st.efW[i] as number) > restStart) {
      from[i] = waitFrom;
      to[i] = restStart;
    }
  }
  return { from, to };
}

/** @internal The parts of [es, ef] in which activity i holds its resources: all of it, or both sides of its wait. */
export function heldSpans(idle: Idle | undefined, i: number, es: number, ef: number): [number, number][] {
  const a = idle?.from[i] as number;
  const b = idle?.to[i] as number;
  if (!(a < b) || a < es || b > ef) return [[es, ef]];
  return a > es ? [[es, a], [b, ef]] : [[b, ef]];
}
