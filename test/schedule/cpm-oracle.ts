/*
 * An independent CPM oracle written from the definitions in docs/scheduling.md §2 and the scheduling reference, for
 * oracle-cpm.test.ts. It calls no pmokit code: calendars are plain arrays of working days, time is counted in minutes.
 *
 * - Instants: day k (from ORIGIN, a Monday) is the window [480k, 480k + 480]; its evening is the next day's morning.
 *   An elapsed day is 480 instant units (a calendar day; half an elapsed day is half the window).
 * - Positions on a calendar: working minutes before an instant, W(t). A start at position p is the instant the
 *   (p+1)-th working minute begins, S(p); a finish at p the instant the p-th ends, F(p) (an evening at a day boundary).
 * - Forward pass: ES(j) = max(project start, SNET, FNET − d, over links: FS W_j(F_i(EF_i)) + lag, SS W_j(S_i(ES_i)) +
 *   lag, FF W_j(F_i(EF_i)) + lag − d_j, SF W_j(S_i(ES_i)) + lag − d_j); a working-day or percent lag is added on the
 *   successor's positions, an elapsed lag to the instant.
 * - Backward pass by the definition of a late date: the latest position of the predecessor's finish (FS, FF) or start
 *   (SS, SF) from which its link still gives no more than the successor's late start (FS, SS) or late finish (FF,
 *   SF) — found by search over the forward bound, so every calendar conversion is the forward pass's own (this is
 *   the `startLinkFloat: "exact"` reading). LF also ≤ the network finish instant, the deadline and FNLT evenings, and
 *   LS ≤ the SNLT morning (working-time reading: its position).
 * - Progress (retained logic, or progress override with `override`): see oracleCpm.
 * - MSO/MFO (not started): the date wins over logic and the project start, early and late alike; started work keeps
 *   an MFO as a bound on its late finish.
 * - Total float = LF − EF; free float = the largest delay of the activity that moves
 *   no successor's early date (nor the network finish, without successors), at most the total float, never < 0.
 */
export const MPD = 480;
export const ORIGIN = Date.UTC(2026, 7, 17); // Monday 2026-08-17
export const dayOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - ORIGIN) / 86_400_000);
export const isoOf = (k: number) => new Date(ORIGIN + k * 86_400_000).toISOString().slice(0, 10);
const HORIZON = 900;

export class OracleCalendar {
  readonly work: boolean[] = [];
  readonly before: number[] = []; // working days before day k
  readonly days: number[] = []; // the working days, in order
  constructor(weekdays: readonly number[], holidays: readonly string[]) {
    const off = new Set(holidays.map(dayOf));
    let c = 0;
    for (let k = 0; k <= HORIZON; k++) {
      const iso = (k % 7) + 1; // ORIGIN is a Monday: ISO weekday 1
      const w = weekdays.includes(iso) && !off.has(k);
      this.work.push(w);
      this.before.push(c);
      if (w) {
        this.days.push(k);
        c++;
      }
    }
  }
  W(t: number): number {
    const k = Math.floor(t / MPD);
    const m = t - k * MPD;
    return MPD * (this.before[k] as number) + (this.work[k] ? m : 0);
  }
  S(p: number): number {
    const n = Math.floor(p / MPD);
    return (this.days[n] as number) * MPD + (p - n * MPD);
  }
  F(p: number): number {
    if (p % MPD !== 0) return this.S(p);
    return (this.days[p / MPD - 1] as number) * MPD + MPD;
  }
  startDate(p: number): string {
    return isoOf(Math.floor(this.S(p) / MPD));
  }
  finishDate(p: number): string {
    const t = this.F(p);
    return isoOf(t % MPD === 0 ? t / MPD - 1 : Math.floor(t / MPD));
  }
}

export type LinkType = "FS" | "SS" | "FF" | "SF";
export interface OracleActivity {
  readonly d: number; // minutes
  readonly cal: OracleCalendar;
  readonly snet?: number; // day
  readonly fnet?: number;
  readonly snlt?: number;
  readonly fnlt?: number;
  readonly deadline?: number;
  readonly mso?: number;
  readonly mfo?: number;
  /** Progress at the status date: complete (actual start and finish days) or started (actual start day, remaining minutes). */
  readonly progress?: { readonly kind: "complete"; readonly start: number; readonly finish: number } | { readonly kind: "started"; readonly start: number; readonly remaining: number };
}
export interface OracleLink {
  readonly from: number;
  readonly to: number;
  readonly type: LinkType;
  readonly lag: { readonly kind: "work"; readonly minutes: number } | { readonly kind: "elapsed"; readonly minutes: number } | { readonly kind: "percent"; readonly percent: number };
}
export interface OracleRow {
  es: number;
  ef: number;
  ls: number;
  lf: number;
  tf: number;
  ff: number;
}

/** The bound link l puts on its successor (a start position for FS/SS, a finish position for FF/SF) from position p of its predecessor. */
function bound(acts: readonly OracleActivity[], l: OracleLink, p: number): number {
  const i = acts[l.from] as OracleActivity;
  const j = acts[l.to] as OracleActivity;
  const fromStart = l.type === "SS" || l.type === "SF";
  const t = fromStart ? i.cal.S(p) : i.cal.F(p);
  if (l.lag.kind === "elapsed") return j.cal.W(t + l.lag.minutes);
  const lag = l.lag.kind === "work" ? l.lag.minutes : (l.lag.percent * i.d) / 100;
  return j.cal.W(t) + lag;
}

/** The largest p with f(p) ≤ target (f nondecreasing), searched over [0, hi]. */
function largest(f: (p: number) => number, target: number, hi: number): number {
  let lo = 0;
  if (f(lo) > target) throw new Error("oracle: search range too small");
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (f(mid) <= target) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Links must run from a lower to a higher index (the index order is a topological order). */
/** `override`: progress override — started work ignores its predecessors (no link into it binds). */
export function oracleCpm(acts: readonly OracleActivity[], links: readonly OracleLink[], projectStartDay: number, statusDay?: number, override = false) {
  const n = acts.length;
  const rows: OracleRow[] = acts.map(() => ({ es: 0, ef: 0, ls: 0, lf: 0, tf: 0, ff: 0 }));
  const into = (j: number) => links.filter((l) => l.to === j);
  const outOf = (i: number) => links.filter((l) => l.from === i);
  // Progress (retained logic): complete work keeps its actual dates; started work keeps its actual start and its
  // remaining part starts no earlier than the morning after the status date nor than its FS/FF/SF links allow (SS
  // binds a start that is history); unstarted work starts no earlier than the morning after the status date.
  const rest = new Array<number>(n).fill(0); // remaining minutes (the duration for unstarted work)
  for (let j = 0; j < n; j++) {
    const a = acts[j] as OracleActivity;
    const r = rows[j] as OracleRow;
    const pr = a.progress;
    if (pr?.kind === "complete") {
      r.es = a.cal.W(pr.start * MPD);
      r.ef = a.cal.W(pr.finish * MPD + MPD);
      continue;
    }
    const d = pr?.kind === "started" ? pr.remaining : a.d;
    rest[j] = d;
    let es = pr?.kind === "started" ? a.cal.W((statusDay as number) * MPD + MPD) : a.cal.W(projectStartDay * MPD);
    if (statusDay !== undefined) es = Math.max(es, a.cal.W(statusDay * MPD + MPD));
    if (!pr && a.snet !== undefined) es = Math.max(es, a.cal.W(a.snet * MPD));
    if (a.fnet !== undefined) es = Math.max(es, a.cal.W(a.fnet * MPD + MPD) - d);
    for (const l of into(j)) {
      if (pr && (l.type === "SS" || override)) continue;
      const q = rows[l.from] as OracleRow;
      const b = bound(acts, l, l.type === "SS" || l.type === "SF" ? q.es : q.ef);
      es = Math.max(es, l.type === "FS" || l.type === "SS" ? b : b - d);
    }
    // Must start/finish on: the date wins over logic and the project start (unstarted work).
    if (!pr && a.mso !== undefined) es = a.cal.W(a.mso * MPD);
    if (!pr && a.mfo !== undefined) es = a.cal.W(a.mfo * MPD + MPD) - d;
    r.es = pr?.kind === "started" ? a.cal.W(pr.start * MPD) : es;
    r.ef = es + d;
  }
  const finish = Math.max(...acts.map((a, i) => a.cal.F((rows[i] as OracleRow).ef)));
  const hi = HORIZON * MPD - 1;
  for (let i = n - 1; i >= 0; i--) {
    const a = acts[i] as OracleActivity;
    const r = rows[i] as OracleRow;
    if (a.progress?.kind === "complete") {
      [r.ls, r.lf, r.tf, r.ff] = [r.es, r.ef, 0, 0];
      continue;
    }
    let lf = a.cal.W(finish);
    if (a.deadline !== undefined) lf = Math.min(lf, a.cal.W(a.deadline * MPD + MPD));
    if (a.fnlt !== undefined) lf = Math.min(lf, a.cal.W(a.fnlt * MPD + MPD));
    if (a.snlt !== undefined && !a.progress) lf = Math.min(lf, a.cal.W(a.snlt * MPD) + a.d);
    const started = a.progress?.kind === "started";
    // A link into started work binds its remaining part (FS, FF, SF), into complete work nothing; from started work
    // only a finish link moves with its finish.
    const binding = (l: OracleLink) => !acts[l.to]?.progress || (acts[l.to]?.progress?.kind === "started" && l.type !== "SS" && !override);
    const moving = (l: OracleLink) => binding(l) && !(started && (l.type === "SS" || l.type === "SF"));
    for (const l of outOf(i).filter(binding)) {
      const s = rows[l.to] as OracleRow;
      const target = l.type === "FS" ? s.lf - rest[l.to]! : l.type === "SS" ? s.ls : s.lf;
      const p = largest((q) => bound(acts, l, q), target, hi);
      if (started && (l.type === "SS" || l.type === "SF")) continue; // its start is history
      lf = Math.min(lf, l.type === "SS" || l.type === "SF" ? p + a.d : p);
    }
    if (!a.progress && (a.mso !== undefined || a.mfo !== undefined)) lf = r.ef; // fixed: both early and late
    if (a.progress && a.mfo !== undefined) lf = Math.min(lf, a.cal.W(a.mfo * MPD + MPD)); // started: MFO bounds the late finish
    r.lf = lf;
    r.ls = lf - rest[i]!;
    r.tf = r.lf - r.ef;
    // Free float: the largest delay that moves no successor's early date (nor the finish, without successors).
    let ff = outOf(i).length === 0 ? a.cal.W(finish) - r.ef : Infinity;
    for (const l of outOf(i).filter(moving)) {
      const s = rows[l.to] as OracleRow;
      const target = l.type === "FS" ? s.ef - rest[l.to]! : l.type === "SS" ? s.es : s.ef;
      const fromStart = l.type === "SS" || l.type === "SF";
      const p = largest((q) => bound(acts, l, q), target, hi);
      ff = Math.min(ff, p - (fromStart ? r.es : r.ef));
    }
    r.ff = Math.max(0, Math.min(ff, r.tf));
  }
  return { rows, finish };
}
