import type { CpmState } from "./cpm-state.js";
import { earlyBound } from "./early-bound.js";
import type { Floats } from "./floats.js";
import { COMPLETE, IN_PROGRESS, NOT_STARTED, type CompiledNetwork } from "./network.js";
import { C } from "./read-network.js";
import type { CalendarTimeline } from "./timeline.js";
import type { MilestoneDating } from "../types.js";

/** @internal How far each not-started ALAP activity is scheduled after its early start (minutes of its calendar). */
export interface AlapShift {
  /** The shift: its free float measured to its successors' *scheduled* dates, within [0, total float]. */
  readonly shift: Float64Array;
  /** The same before the clamp to [0, total float] (what its scheduled successors and the finish allow). */
  readonly raw: Float64Array;
}

/**
 * @internal Where not-started ALAP work is scheduled: as late as it can go without moving a successor's *scheduled*
 * dates or the network finish, and never past its total float. Successors first (reverse topological order), so an ALAP
 * chain moves late together — MS Project's ALAP ("as late as possible without delaying subsequent tasks"): A (1 d,
 * ALAP) FS → B (1 d, ALAP) beside 5-day C is scheduled A Thu 7, B Fri 8. Free float measured to the successor's *early*
 * dates left A on Mon 4 while B went to Fri 8, and levelling, which moves such a chain late together, disagreed with
 * the CPM with no resource over-allocated. Without an ALAP successor the shift is the activity's free float.
 */
export function alapShift(net: CompiledNetwork, st: CpmState, floats: Floats, override: boolean, dating: MilestoneDating): AlapShift {
  const n = net.spec.ids.length;
  const shift = new Float64Array(n);
  const raw = new Float64Array(n);
  const isAlap = (i: number) => net.spec.constraintKind[i] === C.alap && net.state[i] === NOT_STARTED;
  let any = false;
  for (let i = 0; i < n && !any; i++) any = isAlap(i);
  if (!any) return { shift, raw };
  // The scheduled dates so far: successors already shifted (a shifted milestone stands for the evening before its
  // position, as it is dated).
  const sched: CpmState = { ...st, esW: Float64Array.from(st.esW), efW: Float64Array.from(st.efW), instant: Float64Array.from(st.instant), instantMorning: Uint8Array.from(st.instantMorning) };
  const order = net.graph.order;
  for (let q = n - 1; q >= 0; q--) {
    const i = order[q] as number;
    if (!isAlap(i)) continue;
    const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
    const ef = st.efW[i] as number;
    let f = cal.W(st.finishInstant) - ef;
    for (let p = net.graph.succStart[i] as number; p < (net.graph.succStart[i + 1] as number); p++) {
      const k = net.graph.succLinks[p] as number;
      const j = net.spec.linkTo[k] as number;
      // As computeFloats: a link into complete work, or into started work it no longer binds, leaves no float to take.
      if (net.state[j] === COMPLETE || (net.state[j] === IN_PROGRESS && (override || net.spec.linkType[k] === 1))) continue;
      // Placed, not reported: the exact instant binds (under `startLinkFloat: "working-time"` a start at the instant's
      // working-time position, Monday 08:00 for Sunday midday, let an elapsed lag move the successor).
      f = Math.min(f, earlyBound(net, sched, k, dating, "exact") - ef);
    }
    raw[i] = f;
    const s = Math.max(0, Math.min(f, floats.totalFloat[i] as number));
    shift[i] = s;
    if (s <= 0) continue;
    sched.esW[i] = (st.esW[i] as number) + s;
    sched.efW[i] = ef + s;
    if (ef === st.esW[i]) {
      sched.instant[i] = cal.F(sched.esW[i] as number);
      sched.instantMorning[i] = 0;
    }
  }
  return { shift, raw };
}
