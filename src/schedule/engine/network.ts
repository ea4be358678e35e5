import { compileGraph, type CompiledGraph } from "./compile.js";
import { C, type NetworkSpec } from "./read-network.js";
import { CalendarTimeline } from "./timeline.js";
import type { StartNoLaterThan } from "../types.js";

/** @internal Progress states. */
export const NOT_STARTED = 0;
/** @internal See {@link NOT_STARTED}. */
export const IN_PROGRESS = 1;
/** @internal See {@link NOT_STARTED}. */
export const COMPLETE = 2;

/**
 * @internal A network ready for the CPM kernel: the validated spec, the graph, one timeline per calendar and every
 * date bound converted once to working positions (W-space) on the activity's own calendar. NaN = no bound.
 */
export interface CompiledNetwork {
  readonly spec: NetworkSpec;
  readonly graph: CompiledGraph;
  readonly timelines: readonly CalendarTimeline[];
  readonly origin: number;
  readonly mpd: number;
  /** Every activity on the network calendar and no elapsed lags: W-space is shared, no conversions needed. */
  readonly oneCalendar: boolean;
  /**
   * One calendar for the dates alone: `oneCalendar`, or only an SS/SF link without lag into a milestone kept it
   * false (its float is a minute short of the fast path's whole day; its dates and criticality at whole-day
   * thresholds are the same, so the Monte Carlo dates kernel may run).
   */
  readonly oneCalendarDates: boolean;
  /** No activity has progress: every activity is scheduled from logic. */
  readonly noProgress: boolean;
  /** 1 when the activity has a constraint date or a deadline (the kernels skip the checks otherwise). */
  readonly bounded: Uint8Array;
  readonly state: Uint8Array;
  /** Lower bound of the start: the project start, or the morning after the status date for unstarted work. */
  readonly floorW: Float64Array;
  /** 1 when the floor comes from the status date. */
  readonly floorIsStatus: Uint8Array;
  readonly minStartW: Float64Array;
  readonly minFinishW: Float64Array;
  readonly fixStartW: Float64Array;
  readonly fixFinishW: Float64Array;
  readonly maxStartW: Float64Array;
  readonly maxFinishW: Float64Array;
  readonly deadlineW: Float64Array;
  /** Actual start position (in progress, complete), actual finish position (complete). */
  readonly actualStartW: Float64Array;
  readonly actualFinishW: Float64Array;
  /** Position of the evening of the status date (remaining work starts there). */
  readonly statusW: Float64Array;
}

/** Ten years of days before the earliest input date, so leads and negative float stay inside the timeline. */
const MARGIN_DAYS = 3660;

/**
 * @internal Compiles a validated spec: graph (cycles refused), timelines and bounds. `startNoLaterThan`: how an SNLT
 * date in non-working time bounds the start (see StartNoLaterThan).
 */
export function compileNetwork(spec: NetworkSpec, startNoLaterThan: StartNoLaterThan = "working-time"): CompiledNetwork {
  const graph = compileGraph(spec);
  const n = spec.ids.length;
  let first = spec.start;
  let last = spec.start;
  const see = (d: number) => {
    if (d === d) {
      if (d < first) first = d;
      if (d > last) last = d;
    }
  };
  see(spec.status ?? Number.NaN);
  for (let i = 0; i < n; i++) {
    see(spec.constraintDay[i] as number);
    see(spec.deadline[i] as number);
    see(spec.actualStart[i] as number);
  }
  const origin = first - MARGIN_DAYS;
  const mpd = spec.mpd;
  // The input dates plus a year; each timeline grows (doubling) when the passes reach further. Sizing it for all the
  // durations end to end indexed 75,000 days per calendar for a 10,000-activity network that ends within three years.
  const span = last - origin + 366;
  const timelines = spec.calendars.map((c) => new CalendarTimeline(c, origin, mpd, span));
  const morning = (day: number) => (day - origin) * mpd;
  const evening = (day: number) => (day - origin + 1) * mpd;
  const nan = () => new Float64Array(n).fill(Number.NaN);
  const floorW = new Float64Array(n);
  const floorIsStatus = new Uint8Array(n);
  const [minStartW, minFinishW, fixStartW, fixFinishW, maxStartW, maxFinishW, deadlineW, actualStartW, actualFinishW, statusW] = [
    nan(), nan(), nan(), nan(), nan(), nan(), nan(), nan(), nan(), nan(),
  ] as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const state = new Uint8Array(n);
  let oneCalendar = true;
  for (let k = 0; k < spec.linkLagKind.length; k++) if (spec.linkLagKind[k] !== 0) oneCalendar = false;
  for (let i = 0; i < n; i++) if (spec.calendarOf[i] !== 0) oneCalendar = false;
  const oneCalendarDates = oneCalendar;
  // A start (SS, SF, no lag) into a milestone dates it on the start's day, a day after the evening before its position:
  // only the general kernel weighs that instant in float (one-calendar float let A start a day late, moving M's date).
  for (let k = 0; k < spec.linkType.length; k++) {
    const t = spec.linkType[k];
    if ((t === 1 || t === 3) && spec.linkLag[k] === 0 && spec.duration[spec.linkTo[k] as number] === 0) oneCalendar = false;
  }
  for (let i = 0; i < n; i++) {
    const cal = timelines[spec.calendarOf[i] as number] as CalendarTimeline;
    floorW[i] = cal.W(morning(spec.start));
    if (spec.status !== undefined) {
      statusW[i] = cal.W(evening(spec.status));
      if ((statusW[i] as number) > (floorW[i] as number)) {
        floorW[i] = statusW[i] as number;
        floorIsStatus[i] = 1;
      }
    }
    const as = spec.actualStart[i] as number;
    const af = spec.actualFinish[i] as number;
    if (af === af) {
      state[i] = COMPLETE;
      actualStartW[i] = cal.W(morning(as));
      actualFinishW[i] = cal.W(evening(af));
    } else if (as === as) {
      state[i] = IN_PROGRESS;
      actualStartW[i] = cal.W(morning(as));
    }
    const d = spec.constraintDay[i] as number;
    switch (spec.constraintKind[i]) {
      case C.snet: minStartW[i] = cal.W(morning(d)); break;
      case C.fnet: minFinishW[i] = cal.W(evening(d)); break;
      case C.snlt: {
        // "exact": a morning in non-working time starts at the next working morning, after it; the last working
        // minute before it is the latest start that meets the date.
        const w = cal.W(morning(d));
        maxStartW[i] = startNoLaterThan === "exact" && cal.S(w) > morning(d) ? w - 1 : w;
        break;
      }
      case C.fnlt: maxFinishW[i] = cal.W(evening(d)); break;
      case C.mso: fixStartW[i] = cal.W(morning(d)); break;
      case C.mfo: fixFinishW[i] = cal.W(evening(d)); break;
      default: break;
    }
    const dl = spec.deadline[i] as number;
    if (dl === dl) deadlineW[i] = cal.W(evening(dl));
  }
  const bounded = new Uint8Array(n);
  let noProgress = true;
  for (let i = 0; i < n; i++) {
    if (state[i] !== NOT_STARTED) noProgress = false;
    const any = [minStartW, minFinishW, fixStartW, fixFinishW, maxStartW, maxFinishW, deadlineW].some((a) => a[i] === a[i]);
    bounded[i] = any ? 1 : 0;
  }
  return {
    spec, graph, timelines, origin, mpd, oneCalendar, oneCalendarDates, noProgress, bounded, state, floorW, floorIsStatus, minStartW, minFinishW, fixStartW, fixFinishW,
    maxStartW, maxFinishW, deadlineW, actualStartW, actualFinishW, statusW,
  };
}
