import { PmoDecimal, fromEpochDay, type Decimal, type IsoDate } from "../../core/index.js";
import type { CalendarTimeline } from "./timeline.js";

/** @internal Converts positions and instants to dates and day figures at the result edge. */
export class Edge {
  private readonly perDay: Decimal;
  constructor(
    private readonly origin: number,
    readonly mpd: number,
    private readonly startDay: number,
  ) {
    this.perDay = new PmoDecimal(mpd);
  }

  private readonly dayCache = new Map<number, Decimal>();
  private readonly dateCache = new Map<number, IsoDate>();

  /** Minutes as working days (6 decimal places at most; exact for whole quarter hours on an 8-hour day). */
  days(minutes: number): Decimal {
    let d = this.dayCache.get(minutes);
    if (d === undefined) {
      d = minutes % this.mpd === 0 ? new PmoDecimal(minutes / this.mpd) : new PmoDecimal(minutes).div(this.perDay).toDecimalPlaces(6);
      this.dayCache.set(minutes, d);
    }
    return d;
  }

  /** Dates of day indices from the origin (results repeat the same days): an array, day indices being small. */
  private dates: (IsoDate | undefined)[] = [];

  /** The ISO date of a day index from the origin (cached: results repeat the same days). */
  private date(day: number): IsoDate {
    if (day >= 0 && day < 1 << 20) {
      // Preallocated (holey but fast elements): writing far past the end of an empty array would make it a dictionary.
      if (day >= this.dates.length) {
        const grown = new Array<IsoDate | undefined>(Math.max(8192, day * 2));
        for (let i = 0; i < this.dates.length; i++) grown[i] = this.dates[i];
        this.dates = grown;
      }
      let d = this.dates[day];
      if (d === undefined) this.dates[day] = d = fromEpochDay(this.origin + day);
      return d;
    }
    let d = this.dateCache.get(day);
    if (d === undefined) {
      d = fromEpochDay(this.origin + day);
      this.dateCache.set(day, d);
    }
    return d;
  }

  /** The day on which work at start position w begins. */
  startDate(cal: CalendarTimeline, w: number): IsoDate {
    return this.date(Math.floor(cal.S(w) / this.mpd));
  }

  /** The day on which work at finish position w ends (a milestone: see {@link Edge.milestoneDate}). */
  finishDate(cal: CalendarTimeline, w: number, span: number): IsoDate {
    if (span <= 0) return this.milestoneDate(cal, w);
    const t = cal.F(w);
    const day = Math.floor(t / this.mpd);
    return this.date(t === day * this.mpd ? day - 1 : day);
  }

  /** A milestone sits at the evening of the last working day before its instant, never before the project start. */
  milestoneDate(cal: CalendarTimeline, w: number): IsoDate {
    const t = cal.S(w);
    const day = Math.floor(t / this.mpd);
    if (t !== day * this.mpd) return this.date(day);
    const prev = cal.previousWorking(day);
    return fromEpochDay(Math.max(this.origin + (prev < day ? prev : day), Math.min(this.startDay, this.origin + day)));
  }

  /**
   * An in-progress activity's finish at position w: the evening of its finish position, but never before the day it
   * started (epoch day). Started on a week-end with nothing left, it finishes that day: its position (the next working
   * morning) gave the Friday before as a finish, or the Monday after as a start-pinned milestone.
   */
  startedFinishDate(cal: CalendarTimeline, w: number, actualStart: number): IsoDate {
    const t = cal.F(w);
    const day = Math.floor(t / this.mpd);
    return fromEpochDay(Math.max(this.origin + (t === day * this.mpd ? day - 1 : day), actualStart));
  }

  /** The date of an instant seen as a finish (evening of the previous day on a day boundary). */
  instantFinishDate(t: number): IsoDate {
    const day = Math.floor(t / this.mpd);
    return fromEpochDay(this.origin + (t === day * this.mpd ? day - 1 : day));
  }
}
