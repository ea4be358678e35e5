import { PmoDecimal, fromEpochDay, type IsoDate } from "../../core/index.js";
import type { CompiledNetwork } from "../engine/network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import type { OverAllocation } from "../types.js";
import { MICRO, type ResourceModel } from "./resource-model.js";

/** @internal The days (from the timeline origin) an activity at [es, ef] works on: first and last day, inclusive. */
export function workDays(net: CompiledNetwork, i: number, es: number, ef: number): [number, number] {
  if (ef <= es) return [1, 0];
  const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
  const s = cal.S(es);
  const f = cal.F(ef);
  const first = Math.floor(s / net.mpd);
  const fd = Math.floor(f / net.mpd);
  return [first, f === fd * net.mpd ? fd - 1 : fd];
}

/** @internal Daily usage in micro-units per resource over days [0, horizon) from the origin. */
export class Usage {
  readonly micro: Float64Array[];
  constructor(
    private readonly net: CompiledNetwork,
    private readonly rm: ResourceModel,
    readonly horizon: number,
  ) {
    this.micro = rm.ids.map(() => new Float64Array(horizon));
  }

  /** Capacity of resource r on a day, micro-units (0 on its non-working days). */
  capacity(r: number, day: number): number {
    return (this.rm.calendars[r] as CalendarTimeline).isWorking(day) ? (this.rm.maxMicro[r] as number) : 0;
  }

  /** The first (day, resource) where placing activity i on [es, ef] would exceed capacity, or undefined. */
  conflict(i: number, es: number, ef: number): { day: number; r: number } | undefined {
    const uses = this.rm.uses[i] as ResourceModel["uses"][number];
    if (uses.length === 0) return undefined;
    const [first, last] = workDays(this.net, i, es, ef);
    const cal = this.net.timelines[this.net.spec.calendarOf[i] as number] as CalendarTimeline;
    for (let day = first; day <= last; day++) {
      if (!cal.isWorking(day)) continue;
      for (const u of uses) {
        if (day >= this.horizon || (this.micro[u.r] as Float64Array)[day]! + u.micro > this.capacity(u.r, day)) return { day, r: u.r };
      }
    }
    return undefined;
  }

  /** Adds activity i on [es, ef] to the profile (days beyond the horizon are ignored). */
  add(i: number, es: number, ef: number): void {
    const [first, last] = workDays(this.net, i, es, ef);
    const cal = this.net.timelines[this.net.spec.calendarOf[i] as number] as CalendarTimeline;
    for (let day = Math.max(0, first); day <= last && day < this.horizon; day++) {
      if (!cal.isWorking(day)) continue;
      for (const u of this.rm.uses[i] as ResourceModel["uses"][number]) {
        const a = this.micro[u.r] as Float64Array;
        a[day] = (a[day] as number) + u.micro;
      }
    }
  }
}

/** @internal Builds the usage of a whole schedule. */
export function usageOf(net: CompiledNetwork, rm: ResourceModel, es: Float64Array, ef: Float64Array, horizon: number): Usage {
  const u = new Usage(net, rm, horizon);
  for (let i = 0; i < es.length; i++) u.add(i, es[i] as number, ef[i] as number);
  return u;
}

/** @internal Runs of over-allocated days per resource, with the activities using it in the run. */
export function overAllocations(net: CompiledNetwork, rm: ResourceModel, usage: Usage, es: Float64Array, ef: Float64Array): OverAllocation[] {
  const out: OverAllocation[] = [];
  const day = (d: number): IsoDate => fromEpochDay(net.origin + d);
  for (let r = 0; r < rm.ids.length; r++) {
    const a = usage.micro[r] as Float64Array;
    let d = 0;
    while (d < usage.horizon) {
      if (!((a[d] as number) > usage.capacity(r, d))) {
        d++;
        continue;
      }
      const from = d;
      let peak = 0;
      while (d < usage.horizon && (a[d] as number) > usage.capacity(r, d)) peak = Math.max(peak, a[d++] as number);
      const to = d - 1;
      const ids: string[] = [];
      for (let i = 0; i < es.length; i++) {
        if (!(rm.uses[i] as ResourceModel["uses"][number]).some((u) => u.r === r)) continue;
        const [f, l] = workDays(net, i, es[i] as number, ef[i] as number);
        if (f <= to && l >= from) ids.push(net.spec.ids[i] as string);
      }
      out.push({
        resourceId: rm.ids[r] as string,
        from: day(from),
        to: day(to),
        peakUnits: new PmoDecimal(peak).div(MICRO),
        maxUnits: new PmoDecimal(rm.maxMicro[r] as number).div(MICRO),
        activityIds: ids,
      });
    }
  }
  return out;
}
