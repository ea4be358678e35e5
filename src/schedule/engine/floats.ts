import { COMPLETE, IN_PROGRESS, type CompiledNetwork } from "./network.js";
import type { CpmState } from "./cpm-kernel.js";
import { earlyBound } from "./early-bound.js";
import type { MilestoneDating, StartLinkFloat, TotalFloatDefinition } from "../types.js";
import type { CalendarTimeline } from "./timeline.js";

/** @internal Float figures per activity in minutes of its own calendar, plus the longest-path flags. */
export interface Floats {
  readonly startFloat: Float64Array;
  readonly finishFloat: Float64Array;
  readonly totalFloat: Float64Array;
  readonly freeFloat: Float64Array;
  /** Free float of each link (0 = driving). */
  readonly linkFloat: Float64Array;
  readonly longestPath: Uint8Array;
}

/**
 * @internal Start, finish, total and free float; in-progress work has only finish float (its start is history),
 * complete work none. Free float = min over successor links of (early bound − early finish), or (network finish −
 * early finish) without successors; clamped to [0, total float].
 */
export function computeFloats(
  net: CompiledNetwork,
  st: CpmState,
  definition: TotalFloatDefinition,
  override = false,
  dating: MilestoneDating = "reached",
  startRule: StartLinkFloat = "exact",
): Floats {
  const n = net.spec.ids.length;
  const m = net.spec.linkFrom.length;
  const { esW, efW, lsW, lfW } = st;
  const startFloat = new Float64Array(n);
  const finishFloat = new Float64Array(n);
  const totalFloat = new Float64Array(n);
  const freeFloat = new Float64Array(n);
  const linkFloat = new Float64Array(m);
  const free = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
    free[i] = cal.W(st.finishInstant) - (efW[i] as number);
  }
  for (let k = 0; k < m; k++) {
    const i = net.spec.linkFrom[k] as number;
    const j = net.spec.linkTo[k] as number;
    const type = net.spec.linkType[k] as number;
    // A link into started work no longer binds when it ties the successor's start (SS) or under progress override,
    // as in the backward pass: it leaves no free float to take. (SF binds the successor's finish: it still binds.)
    // Nor does a start link (SS, SF) from started work: its start is history, so its finish moves no successor
    // through it (its free float read the link as binding the finish: 0 instead of 0.5 day, on the longest path).
    if (net.state[j] === COMPLETE || (net.state[j] === IN_PROGRESS && (override || type === 1)) || (net.state[i] === IN_PROGRESS && (type === 1 || type === 3))) {
      linkFloat[k] = Infinity;
      continue;
    }
    const f = earlyBound(net, st, k, dating, startRule) - (efW[i] as number);
    linkFloat[k] = f;
    if (f < (free[i] as number)) free[i] = f;
  }
  for (let i = 0; i < n; i++) {
    const s = net.state[i] as number;
    if (s === COMPLETE) continue;
    const ff = (lfW[i] as number) - (efW[i] as number);
    const sf = s === IN_PROGRESS ? ff : (lsW[i] as number) - (esW[i] as number);
    startFloat[i] = sf;
    finishFloat[i] = ff;
    const tf = definition === "start" ? sf : definition === "finish" ? ff : Math.min(sf, ff);
    totalFloat[i] = tf;
    freeFloat[i] = Math.max(0, Math.min(free[i] as number, tf));
  }
  // Longest path: back from the activities that finish the network along links with no free float.
  const longestPath = new Uint8Array(n);
  const order = net.graph.order;
  for (let q = n - 1; q >= 0; q--) {
    const j = order[q] as number;
    const cal = net.timelines[net.spec.calendarOf[j] as number] as CalendarTimeline;
    if (!longestPath[j] && cal.W(st.finishInstant) - (efW[j] as number) === 0 && net.state[j] !== COMPLETE) longestPath[j] = 1;
    if (!longestPath[j]) continue;
    for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
      const k = net.graph.predLinks[p] as number;
      const i = net.spec.linkFrom[k] as number;
      if (linkFloat[k] === 0 && net.state[i] !== COMPLETE) longestPath[i] = 1;
    }
  }
  return { startFloat, finishFloat, totalFloat, freeFloat, linkFloat, longestPath };
}
