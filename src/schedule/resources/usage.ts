import { PmoDecimal, fromEpochDay, type Decimal, type IsoDate } from "../../core/index.js";
import type { CompiledNetwork } from "../engine/network.js";
import type { CalendarTimeline } from "../engine/timeline.js";
import type { OverAllocation } from "../types.js";
import { heldSpans, type Idle } from "./idle.js";
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

/** A part of a working day used by an activity: minutes [a, b) of the day's working window [0, mpd), micro-units. */
interface Part {
  readonly a: number;
  readonly b: number;
  readonly micro: number;
}

/**
 * @internal Resource usage over days [0, horizon) from the origin, per resource: whole working days as daily sums of
 * micro-units (the common case, plain arithmetic), part days (a fractional duration's first or last day) as minute
 * intervals of the day's working window, so two half days one after the other never add up and demand counts the
 * working time used (units × minutes ÷ minutes per day). The horizon grows (doubling) when work is added beyond it:
 * a resource away for months moves work past any horizon guessed from the durations.
 */
export class Usage {
  /** Micro-units used for the whole working window of the day. */
  readonly micro: Float64Array[];
  /** Part-day uses by day. */
  readonly parts: Map<number, Part[]>[];
  /** The last day any work was added on (−1 before any). */
  lastBusyDay = -1;
  constructor(
    private readonly net: CompiledNetwork,
    private readonly rm: ResourceModel,
    public horizon: number,
    /** Started work's waits for a predecessor, in which it holds nothing (see {@link idleOf}). */
    readonly idle?: Idle,
  ) {
    this.micro = rm.ids.map(() => new Float64Array(horizon));
    this.parts = rm.ids.map(() => new Map<number, Part[]>());
  }

  /** Extends the daily arrays to cover `day` (doubling). */
  private grow(day: number): void {
    const n = Math.max(day + 1, this.horizon * 2);
    for (let r = 0; r < this.micro.length; r++) {
      const m = new Float64Array(n);
      m.set(this.micro[r] as Float64Array);
      this.micro[r] = m;
    }
    this.horizon = n;
  }

  /** Capacity of resource r on a day, micro-units (0 on its non-working days). */
  capacity(r: number, day: number): number {
    return (this.rm.calendars[r] as CalendarTimeline).isWorking(day) ? (this.rm.maxMicro[r] as number) : 0;
  }

  /** The most micro-units of resource r in use at once during minutes [a, b) of a day. */
  peak(r: number, day: number, a = 0, b = this.net.mpd): number {
    const full = (this.micro[r] as Float64Array)[day] ?? 0;
    const parts = (this.parts[r] as Map<number, Part[]>).get(day);
    if (parts === undefined) return full;
    // Concurrency only rises where an interval begins: check a and every start inside [a, b).
    let most = 0;
    for (const x of [a, ...parts.map((p) => p.a).filter((s) => s > a && s < b)]) {
      let sum = 0;
      for (const p of parts) if (p.a <= x && x < p.b) sum += p.micro;
      if (sum > most) most = sum;
    }
    return full + most;
  }

  /** Part-day demand of resource r on a day in micro-unit-days (units × minutes ÷ minutes per day), or 0. */
  partDemand(r: number, day: number): Decimal {
    const parts = (this.parts[r] as Map<number, Part[]>).get(day) ?? [];
    return parts.reduce((sum, p) => sum.plus(new PmoDecimal(p.micro).times(p.b - p.a).div(this.net.mpd)), new PmoDecimal(0));
  }

  /** The first (day, resource) where placing activity i on [es, ef] would exceed capacity, or undefined (no work is
   * recorded beyond the horizon, so there only the resource's calendar and units count). */
  conflict(i: number, es: number, ef: number): { day: number; r: number } | undefined {
    const uses = this.rm.uses[i] as ResourceModel["uses"][number];
    if (uses.length === 0) return undefined;
    for (const [day, a, b] of dayParts(this.net, this.idle, i, es, ef)) {
      for (const u of uses) {
        if (this.peak(u.r, day, a, b) + u.micro > this.capacity(u.r, day)) return { day, r: u.r };
      }
    }
    return undefined;
  }

  /** Every resource activity i on [es, ef] would over-allocate, each with its first such day (resources by id). */
  conflicts(i: number, es: number, ef: number): { day: number; r: number }[] {
    const uses = this.rm.uses[i] as ResourceModel["uses"][number];
    const first = new Map<number, number>();
    for (const [day, a, b] of dayParts(this.net, this.idle, i, es, ef)) {
      for (const u of uses) if (!first.has(u.r) && this.peak(u.r, day, a, b) + u.micro > this.capacity(u.r, day)) first.set(u.r, day);
    }
    return uses.filter((u) => first.has(u.r)).map((u) => ({ day: first.get(u.r) as number, r: u.r }));
  }

  /** Every resource (by id, as the uses are sorted) activity i on [es, ef] would find short on `day`. */
  shortOn(i: number, es: number, ef: number, day: number): number[] {
    const uses = this.rm.uses[i] as ResourceModel["uses"][number];
    const out: number[] = [];
    for (const [d, a, b] of dayParts(this.net, this.idle, i, es, ef)) {
      if (d !== day) continue;
      for (const u of uses) if (this.peak(u.r, d, a, b) + u.micro > this.capacity(u.r, d)) out.push(u.r);
    }
    return out;
  }

  /** Adds activity i on [es, ef] to the profile (days before the origin are ignored; the horizon grows to fit). */
  add(i: number, es: number, ef: number): void {
    const mpd = this.net.mpd;
    const uses = this.rm.uses[i] as ResourceModel["uses"][number];
    if (uses.length === 0) return;
    for (const [day, a, b] of dayParts(this.net, this.idle, i, es, ef)) {
      if (day < 0) continue;
      if (day >= this.horizon) this.grow(day);
      if (day > this.lastBusyDay) this.lastBusyDay = day;
      for (const u of uses) {
        if (a === 0 && b === mpd) {
          const m = this.micro[u.r] as Float64Array;
          m[day] = (m[day] as number) + u.micro;
        } else {
          const byDay = this.parts[u.r] as Map<number, Part[]>;
          const list = byDay.get(day);
          if (list) list.push({ a, b, micro: u.micro });
          else byDay.set(day, [{ a, b, micro: u.micro }]);
        }
      }
    }
  }

  /** Takes activity i on [es, ef] (as added) off the profile. */
  remove(i: number, es: number, ef: number): void {
    const mpd = this.net.mpd;
    for (const [day, a, b] of dayParts(this.net, this.idle, i, es, ef)) {
      if (day < 0 || day >= this.horizon) continue;
      for (const u of this.rm.uses[i] as ResourceModel["uses"][number]) {
        if (a === 0 && b === mpd) (this.micro[u.r] as Float64Array)[day] = ((this.micro[u.r] as Float64Array)[day] as number) - u.micro;
        else {
          const list = (this.parts[u.r] as Map<number, Part[]>).get(day) ?? [];
          const at = list.findIndex((p) => p.a === a && p.b === b && p.micro === u.micro);
          if (at >= 0) list.splice(at, 1);
        }
      }
    }
  }
}

/**
 * The working days of activity i at [es, ef] on its calendar, each with the minutes [a, b) of the day it works;
 * started work skips the days it waits for a predecessor.
 */
function dayParts(net: CompiledNetwork, idle: Idle | undefined, i: number, es: number, ef: number): Iterable<[number, number, number]> {
  const wait = idle?.from[i];
  if (wait === undefined || Number.isNaN(wait)) return spanParts(net, i, es, ef); // the common case, no wrapper
  return heldSpans(idle, i, es, ef).flatMap(([s, f]) => [...spanParts(net, i, s, f)]);
}

/** The day parts of one span [es, ef] of activity i. */
function* spanParts(net: CompiledNetwork, i: number, es: number, ef: number): Generator<[number, number, number]> {
  const [first, last] = workDays(net, i, es, ef);
  if (first > last) return;
  const cal = net.timelines[net.spec.calendarOf[i] as number] as CalendarTimeline;
  const mpd = net.mpd;
  const s = cal.S(es);
  const f = cal.F(ef);
  for (let day = first; day <= last; day++) {
    if (!cal.isWorking(day)) continue;
    yield [day, Math.max(0, s - day * mpd), Math.min(mpd, f - day * mpd)];
  }
}

/** @internal Whether activity i at [es, ef] holds its resources on some day of [from, to] (not only waits then). */
export function worksWithin(net: CompiledNetwork, idle: Idle | undefined, i: number, es: number, ef: number, from: number, to: number): boolean {
  return heldSpans(idle, i, es, ef).some(([s, f]) => {
    const [first, last] = workDays(net, i, s, f);
    return first <= to && last >= from;
  });
}

/** @internal Builds the usage of a whole schedule. */
export function usageOf(net: CompiledNetwork, rm: ResourceModel, es: Float64Array, ef: Float64Array, horizon: number, idle?: Idle): Usage {
  const u = new Usage(net, rm, horizon, idle);
  for (let i = 0; i < es.length; i++) u.add(i, es[i] as number, ef[i] as number);
  return u;
}

/** @internal Runs of over-allocated days per resource, with the activities using it in the run. */
export function overAllocations(net: CompiledNetwork, rm: ResourceModel, usage: Usage, es: Float64Array, ef: Float64Array): OverAllocation[] {
  const out: OverAllocation[] = [];
  const day = (d: number): IsoDate => fromEpochDay(net.origin + d);
  for (let r = 0; r < rm.ids.length; r++) {
    let d = 0;
    while (d < usage.horizon) {
      if (!(usage.peak(r, d) > usage.capacity(r, d))) {
        d++;
        continue;
      }
      const from = d;
      let peak = 0;
      while (d < usage.horizon && usage.peak(r, d) > usage.capacity(r, d)) peak = Math.max(peak, usage.peak(r, d++));
      const to = d - 1;
      const ids: string[] = [];
      for (let i = 0; i < es.length; i++) {
        if (!(rm.uses[i] as ResourceModel["uses"][number]).some((u) => u.r === r)) continue;
        if (worksWithin(net, usage.idle, i, es[i] as number, ef[i] as number, from, to)) ids.push(net.spec.ids[i] as string);
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
