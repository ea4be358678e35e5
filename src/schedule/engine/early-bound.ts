import { IN_PROGRESS, NOT_STARTED, type CompiledNetwork } from "./network.js";
import { LAG_ELAPSED } from "./read-network.js";
import { latestStartBy } from "./cpm-kernel.js";
import type { CpmState } from "./cpm-state.js";
import type { CalendarTimeline } from "./timeline.js";
import type { MilestoneDating, StartLinkFloat } from "../types.js";

/**
 * @internal How far activity i's finish may move (in its W-space) before link k delays successor j's *early* dates,
 * as a position bound on i's finish; minus i's early finish it is the link's free float (0 = a driving link).
 */
export function earlyBound(net: CompiledNetwork, st: CpmState, k: number, dating: MilestoneDating = "reached", startRule: StartLinkFloat = "exact"): number {
  const { linkFrom, linkTo, linkType, linkLagKind, linkLag, calendarOf } = net.spec;
  const i = linkFrom[k] as number;
  const j = linkTo[k] as number;
  const type = linkType[k] as number;
  const fromJFinish = type === 2 || type === 3;
  // Started work's remaining part starts at its early finish minus its remaining span (not at its actual start).
  const startJ = net.state[j] === IN_PROGRESS ? (st.efW[j] as number) - (st.span[j] as number) : (st.esW[j] as number);
  const anchor = fromJFinish ? (st.efW[j] as number) : startJ;
  const lag = linkLag[k] as number;
  const ci = calendarOf[i] as number;
  const cj = calendarOf[j] as number;
  let a: number;
  const elapsed = linkLagKind[k] === LAG_ELAPSED;
  if (!net.oneCalendar && st.efW[j] === st.esW[j] && net.state[j] === NOT_STARTED && (elapsed || lag === 0)) {
    // Into a not-started milestone, i's finish may move until the milestone's date would: the instant its dating
    // stands for (reached, the evening before its position, or its pinned or moved-to morning), not its position's
    // morning (a 7-day predecessor could take the week-end before a Monday–Friday milestone dated Friday or Saturday).
    // A start (SS, SF) comes before an evening instant on a day boundary: a start there dates the milestone a day later.
    const t = (st.instant[j] as number) - (elapsed ? lag : 0);
    const cal = net.timelines[ci] as CalendarTimeline;
    const beforeT = st.instantMorning[j] === 0 && (st.instant[j] as number) % net.mpd === 0;
    a = (type === 1 || type === 3) && (st.span[i] as number) > 0 ? latestStartBy(cal, t, startRule, beforeT) : cal.W(t);
  } else if (net.oneCalendar || (ci === cj && !elapsed)) a = anchor - lag;
  else {
    const cal = net.timelines[ci] as CalendarTimeline;
    const calJ = net.timelines[cj] as CalendarTimeline;
    const t = elapsed ? calJ.S(anchor) - lag : calJ.S(anchor - lag); // the latest instant at j's position, as in the backward pass
    a = (type === 1 || type === 3) && (st.span[i] as number) > 0 ? latestStartBy(cal, t, startRule) : cal.W(t);
  }
  return type === 1 || type === 3 ? a + (st.span[i] as number) : a;
}
