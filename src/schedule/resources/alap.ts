import type { CpmState } from "../engine/cpm-kernel.js";
import type { AlapShift } from "../engine/alap-shift.js";
import { COMPLETE, NOT_STARTED, type CompiledNetwork } from "../engine/network.js";
import { C, LAG_ELAPSED } from "../engine/read-network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import { linkStart } from "./levelled-violations.js";
import type { Usage } from "./usage.js";

/**
 * @internal After levelling, moves each not-started ALAP activity (a milestone too) as late as its levelled free float
 * allows — no successor's levelled start and not the levelled finish moves, and never past its own deadline (unless
 * levelling already put it there) — to the latest position there where its resources fit (the latest one, else a working morning, else where levelling placed it). Successors first
 * (reverse topological order), so an ALAP chain moves late together. `skip` marks activities left where they are
 * (started work placed behind its predecessors, and work that could not be levelled). Returns the moved activities.
 */
export function alapLate(
  net: CompiledNetwork,
  st: CpmState,
  es: Float64Array,
  ef: Float64Array,
  usage: Usage,
  milestoneAt: (i: number) => number,
  skip: (j: number) => boolean,
  override: boolean,
  late: AlapShift,
): number[] {
  const n = net.spec.ids.length;
  const cal = (i: number) => net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
  const alap = (j: number) => net.spec.constraintKind[j] === C.alap && net.state[j] === NOT_STARTED && !skip(j);
  if (![...Array(n).keys()].some(alap)) return [];
  // The levelled finish instant: the latest finish of any activity (a not-started milestone at the instant it stands for).
  let finish = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = (ef[i] as number) === (es[i] as number) && net.state[i] === NOT_STARTED ? milestoneAt(i) : cal(i).F(ef[i] as number);
    if (t > finish) finish = t;
  }
  const moved: number[] = [];
  const order = net.graph.order;
  for (let q = n - 1; q >= 0; q--) {
    const j = order[q] as number;
    if (!alap(j)) continue;
    const d = (ef[j] as number) - (es[j] as number);
    const from = es[j] as number;
    // Each successor link that binds, with the latest start it allows the successor: where the successor is. A link a
    // must-on date already breaks keeps the activity where it is, as its negative total float does in scheduleNetwork
    // (it moved on while the link reached the successor's calendar no later: 7-day A FS → MSO B, A Fri 8 → Sun 10).
    const bounds: [number, number, number][] = [];
    // Into a milestone by no lag or an elapsed one, the instant reached counts too: one position is an evening and the
    // next morning (Fri 17:00 + 1 elapsed day reaches Saturday: a milestone dated Friday would move on to Saturday).
    const reach = (k: number) => {
      const t = net.spec.linkType[k] as number;
      const inst = es[j] === ef[j] ? milestoneAt(j) : t === 0 || t === 2 ? cal(j).F(ef[j] as number) : cal(j).S(es[j] as number);
      return inst + (net.spec.linkLagKind[k] === LAG_ELAPSED ? (net.spec.linkLag[k] as number) : 0);
    };
    const instants: [number, number, boolean][] = [];
    for (let p = net.graph.succStart[j] as number; p < (net.graph.succStart[j + 1] as number); p++) {
      const k = net.graph.succLinks[p] as number;
      const s = net.spec.linkTo[k] as number;
      if (net.state[s] === COMPLETE || (net.state[s] !== NOT_STARTED && (override || net.spec.linkType[k] === 1))) continue;
      const ds = st.span[s] as number;
      const at = net.state[s] === NOT_STARTED ? (es[s] as number) : (ef[s] as number) - ds;
      bounds.push([k, s, at]);
      if (net.state[s] === NOT_STARTED && ds === 0 && (net.spec.linkLagKind[k] === LAG_ELAPSED || net.spec.linkLag[k] === 0)) {
        // A start reaching it at its evening instant is the next morning's: the milestone would be dated a day later.
        const start = es[j] !== ef[j] && (net.spec.linkType[k] === 1 || net.spec.linkType[k] === 3);
        instants.push([k, Math.max(reach(k), start ? milestoneAt(s) - 1 : milestoneAt(s)), start]);
      }
    }
    const fits = (w: number) => {
      es[j] = w;
      ef[j] = w + d;
      const ok = bounds.every(([k, s, b]) => linkStart(net, k, s, st.span[s] as number, es, ef, milestoneAt) <= b) && instants.every(([k, b]) => reach(k) <= b);
      es[j] = from;
      ef[j] = from + d;
      return ok;
    };
    // The latest position the logic allows (link starts grow with the position: a binary search).
    let lo = from;
    // Not past its deadline's evening (its late finish in scheduleNetwork): it went on to the levelled finish.
    const dl = net.deadlineW[j] as number;
    let hi = Math.max(from, Math.min(cal(j).W(finish), dl === dl ? dl : Infinity) - d);
    while (lo < hi) {
      const mid = lo + Math.ceil((hi - lo) / 2);
      if (fits(mid)) lo = mid;
      else hi = mid - 1;
    }
    // The part of its CPM shift its late dates forbid (a successor's deadline or no-later-than date, finishBy: the
    // shift is at most total float) stays forbidden: without a conflict it stays where scheduleNetwork put it.
    lo = Math.max(from, lo - Math.max(0, (late.raw[j] as number) - (late.shift[j] as number)));
    if (lo === from) continue;
    usage.remove(j, from, from + d);
    const w = latestFit(usage, j, d, lo, from, net.mpd) ?? from;
    usage.add(j, w, w + d);
    if (w > from) {
      es[j] = w;
      ef[j] = w + d;
      moved.push(j);
    }
  }
  return moved;
}

/**
 * @internal The latest position in [earliest, latest] where activity j (duration d) fits its resources: `latest`
 * itself, else the working mornings before it, else `earliest`; undefined when none fits.
 */
export function latestFit(usage: Usage, j: number, d: number, latest: number, earliest: number, mpd: number): number | undefined {
  for (let p = latest; ; p = Math.max(earliest, p % mpd === 0 ? p - mpd : Math.floor(p / mpd) * mpd)) {
    if (usage.conflict(j, p, p + d) === undefined) return p;
    if (p <= earliest) return undefined;
  }
}
