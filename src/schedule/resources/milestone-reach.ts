import { COMPLETE, NOT_STARTED, type CompiledNetwork } from "../engine/network.js";
import { LAG_ELAPSED } from "../engine/read-network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import { linkStart } from "./levelled-violations.js";

/**
 * @internal The predecessor whose link reaches milestone j latest, when after the evening before its position w (a levelled
 * finish plus an elapsed lag ending on a week-end; a start at that morning), else −1: it dates j, as the CPM driver
 * does (j showed the evening before, before the lag had run or the work had started; among links tying at its position
 * the smaller predecessor id dated it, also one reaching it earlier).
 */
export function lateReach(net: CompiledNetwork, j: number, w: number, es: Float64Array, ef: Float64Array, milestoneAt: (i: number) => number): number {
  const { spec } = net;
  const evening = (net.timelines[spec.calendarOf[j] as number] as CalendarTimeline).F(w);
  let by = -1;
  let latest = evening;
  for (let p = net.graph.predStart[j] as number; p < (net.graph.predStart[j + 1] as number); p++) {
    const k = net.graph.predLinks[p] as number;
    const elapsed = spec.linkLagKind[k] === LAG_ELAPSED;
    if (!elapsed && spec.linkLag[k] !== 0) continue; // a working-day lag ends on a working boundary of j's calendar
    const i = spec.linkFrom[k] as number;
    if (net.state[i] === COMPLETE || linkStart(net, k, j, 0, es, ef, milestoneAt) !== w) continue;
    const cal = net.timelines[spec.calendarOf[i] as number] as CalendarTimeline;
    const t = spec.linkType[k] as number;
    const start = t === 1 || t === 3;
    const at = (es[i] === ef[i] && net.state[i] === NOT_STARTED ? milestoneAt(i) : start ? cal.S(es[i] as number) : cal.F(ef[i] as number)) + (elapsed ? (spec.linkLag[k] as number) : 0);
    const later = at > latest || (at === latest && (start || at > evening) && (by < 0 || (spec.ids[i] as string) < (spec.ids[by] as string)));
    if (later && (at > evening || (start && es[i] !== ef[i]))) [by, latest] = [i, at];
  }
  return by;
}
