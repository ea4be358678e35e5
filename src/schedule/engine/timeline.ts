import type { WorkingCalendar } from "../../core/index.js";

/*
 * A working calendar indexed for the scheduling kernels. Time is an *instant*: `day × mpd + minute`, where `day`
 * counts calendar days from the timeline origin and `minute` runs over the abstract working window of a day
 * [0, mpd) (mpd = minutes per working day). `W(t)` is the working-time position of an instant on this calendar
 * (working minutes since the origin); `S(w)` is the earliest instant at position w (a start: morning of the next
 * working day on a day boundary) and `F(w)` the latest finish-form instant (the evening of the previous working day).
 * W(S(w)) = W(F(w)) = w, so float measured in W-space is exact in whole minutes.
 *
 * Blackout windows are working days here: they restrict changes, not work.
 */

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; epoch day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** @internal A calendar compiled to typed arrays over a growing range of days. */
export class CalendarTimeline {
  /** Working days strictly before day index i (length = days + 1). */
  private ord = new Int32Array(1);
  /** 1 when day index i works. */
  private works = new Uint8Array(0);
  /** Day index of the k-th working day (0-based). */
  private dayOf = new Int32Array(0);
  private days = 0;
  private count = 0;

  constructor(
    readonly calendar: WorkingCalendar,
    /** Epoch day of day index 0. */
    readonly origin: number,
    /** Minutes per working day. */
    readonly mpd: number,
    initialDays: number,
  ) {
    this.grow(Math.max(64, initialDays));
  }

  /** Extends the indexed range to at least `days` days (doubling), keeping the origin. */
  private grow(days: number): void {
    const n = Math.max(days, this.days * 2);
    const works = new Uint8Array(n);
    const ord = new Int32Array(n + 1);
    works.set(this.works);
    ord.set(this.ord.subarray(0, this.days + 1));
    const mask = this.calendar.weekdayMask;
    const hol = this.calendar.holidayDays;
    let h = 0;
    const firstNew = this.origin + this.days;
    while (h < hol.length && (hol[h] as number) < firstNew) h++;
    let c = this.count;
    const dayOf: number[] = [];
    for (let i = this.days; i < n; i++) {
      const epoch = this.origin + i;
      while (h < hol.length && (hol[h] as number) < epoch) h++;
      const w = mask[weekdayOf(epoch)] === true && hol[h] !== epoch ? 1 : 0;
      works[i] = w;
      ord[i] = c;
      if (w) {
        dayOf.push(i);
        c++;
      }
    }
    ord[n] = c;
    const d = new Int32Array(c);
    d.set(this.dayOf.subarray(0, this.count));
    d.set(dayOf, this.count);
    this.works = works;
    this.ord = ord;
    this.dayOf = d;
    this.days = n;
    this.count = c;
  }

  /** Working-time position of instant t (minutes of work on this calendar since the origin). */
  W(t: number): number {
    const mpd = this.mpd;
    let day = Math.floor(t / mpd);
    if (day < 0) return 0;
    if (day >= this.days) this.grow(day + 1);
    const m = t - day * mpd;
    return (this.ord[day] as number) * mpd + (this.works[day] === 1 ? m : 0);
  }

  /** Day index of the k-th working day, growing the range as needed. */
  private workingDay(k: number): number {
    while (k >= this.count) this.grow(this.days * 2);
    return this.dayOf[k < 0 ? 0 : k] as number;
  }

  /** The earliest instant at working position w: a start. */
  S(w: number): number {
    const mpd = this.mpd;
    if (w <= 0) return this.workingDay(0) * mpd;
    const k = Math.floor(w / mpd);
    return this.workingDay(k) * mpd + (w - k * mpd);
  }

  /** The finish-form instant at working position w: the evening of the last working day on a day boundary. */
  F(w: number): number {
    const mpd = this.mpd;
    if (w <= 0) return this.workingDay(0) * mpd;
    const k = Math.floor(w / mpd);
    const r = w - k * mpd;
    return r === 0 ? (this.workingDay(k - 1) + 1) * mpd : this.workingDay(k) * mpd + r;
  }

  /** True when day index `day` is a working day. */
  isWorking(day: number): boolean {
    if (day < 0) return false;
    if (day >= this.days) this.grow(day + 1);
    return this.works[day] === 1;
  }

  /** The last working day index strictly before `day` (or `day` itself when there is none indexed). */
  previousWorking(day: number): number {
    if (day >= this.days) this.grow(day + 1);
    const k = (this.ord[Math.max(0, day)] as number) - 1;
    return k >= 0 ? (this.dayOf[k] as number) : day;
  }
}
