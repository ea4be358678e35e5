import {
  PmoDecimal,
  STANDARD_CALENDAR,
  ValidationError,
  decimalInputSchema,
  isIsoDate,
  toEpochDay,
  type Decimal,
  type IsoDate,
  type ValidationIssue,
  type WorkingCalendar,
} from "../../core/index.js";
import type { ActivityConstraint, LinkType, ScheduleInput } from "../types.js";

/** @internal Constraint codes in the typed arrays. */
export const C = { asap: 0, alap: 1, snet: 2, snlt: 3, fnet: 4, fnlt: 5, mso: 6, mfo: 7 } as const;
/** @internal Link type codes (MSPDI order is different; these are ours). */
export const LT: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };
/** @internal Link type names by code. */
export const LINK_TYPES: readonly LinkType[] = ["FS", "SS", "FF", "SF"];
/** @internal Lag kinds: working minutes on the successor's calendar, or elapsed (calendar) minutes. */
export const LAG_WORKING = 0;
/** @internal See {@link LAG_WORKING}. */
export const LAG_ELAPSED = 1;

/** @internal A validated network in typed arrays; dates as epoch days, durations and lags in whole minutes. */
export interface NetworkSpec {
  readonly mpd: number;
  readonly hoursPerDay: Decimal;
  readonly start: number;
  readonly status: number | undefined;
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly names: readonly string[];
  readonly projectIds: readonly (string | undefined)[];
  readonly duration: Float64Array;
  /** Remaining minutes at the status date (= duration without progress). */
  readonly remaining: Float64Array;
  readonly calendars: readonly WorkingCalendar[];
  readonly calendarOf: Int32Array;
  readonly constraintKind: Uint8Array;
  readonly constraintDay: Float64Array;
  readonly constraints: readonly (ActivityConstraint | undefined)[];
  readonly deadline: Float64Array;
  readonly actualStart: Float64Array;
  readonly actualFinish: Float64Array;
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  readonly linkType: Uint8Array;
  readonly linkLagKind: Uint8Array;
  readonly linkLag: Float64Array;
  /** A percent lag's percent of the predecessor's duration (NaN for other lags), for Monte Carlo's sampled durations. */
  readonly linkPercent: Float64Array;
}

const ROUND_HALF_UP = 4; // decimal.js ROUND_HALF_UP
/** Days from 0001-01-01 to 9999-12-31: no duration or lag can be longer and still end on a date. */
const MAX_SPAN_DAYS = 3_652_059;

/** @internal Reads a decimal the one way (decimalInputSchema), recording an issue at `path` when it is not one. */
export function readDecimal(value: unknown, path: (string | number)[], issues: ValidationIssue[]): Decimal | undefined {
  const r = decimalInputSchema.safeParse(value);
  if (r.success) return r.data;
  issues.push({ path, message: `expected an exact decimal string or a finite number, got ${JSON.stringify(value)}`, code: "custom" });
  return undefined;
}

/** @internal Reads an ISO date to its epoch day, recording an issue when it is not one. */
export function readDay(value: unknown, path: (string | number)[], issues: ValidationIssue[]): number {
  if (isIsoDate(value)) return toEpochDay(value as IsoDate);
  issues.push({ path, message: `expected a date YYYY-MM-DD, got ${JSON.stringify(value)}`, code: "custom" });
  return Number.NaN;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const WHOLE = /^-?\d{1,15}$/;

/** A whole number given as a safe integer or an integer string, else undefined (read as a decimal instead). */
function wholeNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isSafeInteger(v) ? v : undefined;
  return typeof v === "string" && WHOLE.test(v) ? Number(v) : undefined;
}
const CONSTRAINTS = new Set(Object.keys(C));

/**
 * @internal Validates a {@link ScheduleInput} and reads it into typed arrays. Every problem is collected with its path
 * (unknown ids, self-links, duplicate links, negative durations, bad dates, unknown calendars, inconsistent progress);
 * cycles are found later, by the compiler.
 */
export function readNetwork(input: ScheduleInput): NetworkSpec {
  const issues: ValidationIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  if (input === null || typeof input !== "object") throw ValidationError.single([], "expected a schedule input object", "schedule input");
  const start = readDay(input.projectStart, ["projectStart"], issues);
  const status = input.statusDate === undefined ? undefined : readDay(input.statusDate, ["statusDate"], issues);
  const hpd = input.hoursPerDay === undefined ? new PmoDecimal(8) : readDecimal(input.hoursPerDay, ["hoursPerDay"], issues);
  let mpd = 480;
  if (hpd !== undefined) {
    const m = hpd.times(60);
    if (!m.isInteger() || m.lte(0) || m.gt(1440)) bad(["hoursPerDay"], "hours per day must be > 0, ≤ 24 and a whole number of minutes");
    else mpd = m.toNumber();
  }
  const calendars: WorkingCalendar[] = [input.calendar ?? STANDARD_CALENDAR];
  const calIndex = new Map<string, number>();
  for (const [id, cal] of Object.entries(input.calendars ?? {})) {
    if (cal === null || typeof cal !== "object" || !("weekdayMask" in cal)) bad(["calendars", id], "expected a WorkingCalendar (createWorkingCalendar)");
    else {
      calIndex.set(id, calendars.length);
      calendars.push(cal);
    }
  }
  const acts = Array.isArray(input.activities) ? input.activities : [];
  if (!Array.isArray(input.activities)) bad(["activities"], "expected an array of activities");
  const n = acts.length;
  const index = new Map<string, number>();
  const ids: string[] = new Array(n);
  const names: string[] = new Array(n);
  const projectIds: (string | undefined)[] = new Array(n);
  const duration = new Float64Array(n);
  const remaining = new Float64Array(n);
  const calendarOf = new Int32Array(n);
  const constraintKind = new Uint8Array(n);
  const constraintDay = new Float64Array(n).fill(Number.NaN);
  const constraints: (ActivityConstraint | undefined)[] = new Array(n);
  const deadline = new Float64Array(n).fill(Number.NaN);
  const actualStart = new Float64Array(n).fill(Number.NaN);
  const actualFinish = new Float64Array(n).fill(Number.NaN);
  const minutes = (d: Decimal) => d.times(mpd).toDecimalPlaces(0, ROUND_HALF_UP).toNumber();
  // A duration or lag longer than all dates (0001-01-01 to 9999-12-31, 3,652,059 days, at least as many working
  // days) can give no date: refused at its path, where 2e16 days ran out of memory or failed at the root.
  const spanned = (m: number, path: (string | number)[]) => {
    if (!(Math.abs(m) <= MAX_SPAN_DAYS * mpd)) bad(path, `at most ${MAX_SPAN_DAYS} days (dates run from 0001-01-01 to 9999-12-31)`);
    return m;
  };
  for (let i = 0; i < n; i++) {
    const a = acts[i];
    const p = ["activities", i];
    if (a === null || typeof a !== "object") {
      bad(p, "expected an activity object");
      continue;
    }
    if (typeof a.id !== "string" || a.id.length > 128 || !ID.test(a.id)) bad([...p, "id"], `${JSON.stringify(a.id)} is not an id`);
    else if (index.has(a.id)) bad([...p, "id"], `duplicate activity id ${a.id}`);
    else index.set(a.id, i);
    ids[i] = String(a.id);
    names[i] = typeof a.name === "string" ? a.name : String(a.id);
    projectIds[i] = typeof a.projectId === "string" ? a.projectId : undefined;
    // Whole days (the common case) skip the Decimal round trip; fractions go through decimalInputSchema.
    const whole = wholeNumber(a.duration);
    const d = whole === undefined ? readDecimal(a.duration, [...p, "duration"], issues) : undefined;
    if ((d !== undefined && d.isNegative()) || (whole !== undefined && whole < 0)) {
      bad([...p, "duration"], `duration must not be negative, got ${whole ?? d?.toFixed()}`);
    }
    const dm = whole !== undefined ? Math.max(0, whole) * mpd : d === undefined || d.isNegative() ? 0 : minutes(d);
    duration[i] = spanned(dm, [...p, "duration"]);
    remaining[i] = dm;
    if (a.calendarId !== undefined) {
      const c = typeof a.calendarId === "string" && Object.hasOwn(input.calendars ?? {}, a.calendarId) ? calIndex.get(a.calendarId) : undefined;
      if (c === undefined) bad([...p, "calendarId"], `unknown calendar ${JSON.stringify(a.calendarId)}`);
      else calendarOf[i] = c;
    }
    const c = a.constraint;
    if (c !== undefined) {
      if (c === null || typeof c !== "object" || !CONSTRAINTS.has(c.kind)) bad([...p, "constraint", "kind"], "expected asap, alap, snet, snlt, fnet, fnlt, mso or mfo");
      else {
        constraintKind[i] = C[c.kind as keyof typeof C];
        constraints[i] = c;
        if (c.kind !== "asap" && c.kind !== "alap") constraintDay[i] = readDay(c.date, [...p, "constraint", "date"], issues);
      }
    }
    if (a.deadline !== undefined) deadline[i] = readDay(a.deadline, [...p, "deadline"], issues);
    const pr = a.progress;
    if (pr !== undefined && (pr === null || typeof pr !== "object")) bad([...p, "progress"], "expected a progress object");
    else if (pr !== undefined && pr.actualStart === undefined) {
      // Without an actual start the activity is not started: a remaining duration or a percent complete would be
      // ignored without a word (50 % complete scheduled as 0 % done), so it is refused.
      if (pr.remainingDuration !== undefined) bad([...p, "progress", "remainingDuration"], "a remaining duration needs an actual start (the activity is not started)");
      if (pr.percentComplete !== undefined && !(readDecimal(pr.percentComplete, [...p, "progress", "percentComplete"], issues)?.isZero() ?? true)) {
        bad([...p, "progress", "percentComplete"], "a percent complete above 0 needs an actual start (the activity is not started)");
      }
    }
    if (pr !== undefined && pr !== null && typeof pr === "object") {
      if (pr.actualStart !== undefined) actualStart[i] = readDay(pr.actualStart, [...p, "progress", "actualStart"], issues);
      if (pr.actualFinish !== undefined) {
        actualFinish[i] = readDay(pr.actualFinish, [...p, "progress", "actualFinish"], issues);
        if (pr.actualStart === undefined) bad([...p, "progress", "actualStart"], "an actual finish needs an actual start");
        else if ((actualFinish[i] as number) < (actualStart[i] as number)) bad([...p, "progress", "actualFinish"], "actual finish is before the actual start");
        remaining[i] = 0;
      } else if (pr.actualStart !== undefined) {
        if (status === undefined) bad(["statusDate"], `activity ${ids[i]} has progress: a status date is needed`);
        if (pr.remainingDuration !== undefined) {
          const r = readDecimal(pr.remainingDuration, [...p, "progress", "remainingDuration"], issues);
          if (r?.isNegative()) bad([...p, "progress", "remainingDuration"], "remaining duration must not be negative");
          else if (r !== undefined) remaining[i] = spanned(minutes(r), [...p, "progress", "remainingDuration"]);
        } else if (pr.percentComplete !== undefined) {
          const pc = readDecimal(pr.percentComplete, [...p, "progress", "percentComplete"], issues);
          if (pc !== undefined && (pc.isNegative() || pc.gt(100))) bad([...p, "progress", "percentComplete"], "percent complete must be 0–100");
          else if (pc !== undefined) remaining[i] = minutes(new PmoDecimal(dm).div(mpd).times(new PmoDecimal(100).minus(pc)).div(100));
        }
        // A milestone with an actual start and nothing left was reached then: complete at that date (as MS Project
        // completes a zero-duration task given an actual start), not started work left at its planned position behind
        // its predecessors, driving its successors from there.
        if (dm === 0 && remaining[i] === 0) actualFinish[i] = actualStart[i] as number;
      }
    }
  }
  // A status date centuries from the plan is a typo (2126 for 2026): the remaining work, the calendars and the load
  // periods grow with the span (a daily resourceLoad at 1,000 years ran out of memory). Earned value's bound: at most
  // 400 years (146,097 days, one Gregorian cycle) from the project start and every dated constraint, deadline and actual.
  let lo = start, hi = start;
  for (const days of [constraintDay, deadline, actualStart, actualFinish]) for (const d of days) if (d === d) { lo = Math.min(lo, d); hi = Math.max(hi, d); }
  if (status !== undefined && (status - lo > 146097 || hi - status > 146097)) bad(["statusDate"], "more than 400 years (146,097 days) from the plan");
  const links = Array.isArray(input.links) ? input.links : [];
  if (input.links !== undefined && !Array.isArray(input.links)) bad(["links"], "expected an array of links");
  const m = links.length;
  const linkFrom = new Int32Array(m);
  const linkTo = new Int32Array(m);
  const linkType = new Uint8Array(m);
  const linkPercent = new Float64Array(m).fill(NaN);
  const linkLagKind = new Uint8Array(m);
  const linkLag = new Float64Array(m);
  // Ends first (-1 unknown), then duplicates over typed arrays: links grouped by successor in input order, each
  // predecessor stamped per group (a Set of from·n + to keys cost more than the rest of the link checks).
  for (let k = 0; k < m; k++) {
    const l = links[k];
    const ok = l !== null && typeof l === "object";
    const f = ok && typeof l.from === "string" ? index.get(l.from) : undefined;
    const t = ok && typeof l.to === "string" ? index.get(l.to) : undefined;
    linkFrom[k] = f ?? -1;
    linkTo[k] = t ?? -1;
  }
  const duplicate = duplicateLinks(linkFrom, linkTo, n);
  for (let k = 0; k < m; k++) {
    const l = links[k];
    const p = ["links", k];
    if (l === null || typeof l !== "object") {
      bad(p, "expected a link object");
      linkFrom[k] = 0;
      linkTo[k] = 0;
      continue;
    }
    const f = (linkFrom[k] as number) < 0 ? undefined : (linkFrom[k] as number);
    const t = (linkTo[k] as number) < 0 ? undefined : (linkTo[k] as number);
    if (f === undefined) bad([...p, "from"], `unknown activity ${JSON.stringify(l.from)}`);
    if (t === undefined) bad([...p, "to"], `unknown activity ${JSON.stringify(l.to)}`);
    if (f !== undefined && f === t) bad(p, `self-link on ${l.from}`);
    if (duplicate[k] === 1) bad(p, `duplicate link ${l.from} → ${l.to} (one link per pair)`);
    const type = l.type === undefined ? "FS" : l.type;
    if (!Object.hasOwn(LT, type)) bad([...p, "type"], `link type must be FS, SS, FF or SF, got ${JSON.stringify(type)}`);
    else linkType[k] = LT[type as LinkType];
    linkFrom[k] = f ?? 0;
    linkTo[k] = t ?? 0;
    const lag = l.lag;
    if (lag !== undefined) {
      const kinds = lag !== null && typeof lag === "object" ? ["days", "elapsedDays", "percent"].filter((key) => key in lag).length : 0;
      if (lag === null || typeof lag !== "object") bad([...p, "lag"], "expected { days }, { elapsedDays } or { percent }");
      else if (kinds > 1) bad([...p, "lag"], "a lag is one of { days }, { elapsedDays } or { percent }, not several");
      else if ("days" in lag) {
        const whole = wholeNumber(lag.days);
        const v = whole === undefined ? readDecimal(lag.days, [...p, "lag", "days"], issues) : undefined;
        if (whole !== undefined) linkLag[k] = spanned(whole * mpd, [...p, "lag", "days"]);
        else if (v !== undefined) linkLag[k] = spanned(minutes(v), [...p, "lag", "days"]);
      } else if ("elapsedDays" in lag) {
        const v = readDecimal(lag.elapsedDays, [...p, "lag", "elapsedDays"], issues);
        linkLagKind[k] = LAG_ELAPSED;
        if (v !== undefined) linkLag[k] = spanned(minutes(v), [...p, "lag", "elapsedDays"]);
      } else if ("percent" in lag) {
        const v = readDecimal(lag.percent, [...p, "lag", "percent"], issues);
        // % of the predecessor's original duration, in working minutes (rounded half up).
        if (v !== undefined && f !== undefined) linkLag[k] = spanned(v.times(duration[f] as number).div(100).toDecimalPlaces(0, ROUND_HALF_UP).toNumber(), [...p, "lag", "percent"]);
        if (v !== undefined) linkPercent[k] = v.toNumber();
      } else bad([...p, "lag"], "expected { days }, { elapsedDays } or { percent }");
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, "schedule input");
  return {
    mpd, hoursPerDay: hpd ?? new PmoDecimal(8), start, status, ids, index, names, projectIds, duration, remaining, calendars, calendarOf,
    constraintKind, constraintDay, constraints, deadline, actualStart, actualFinish, linkFrom, linkTo, linkType, linkLagKind, linkLag, linkPercent,
  };
}

/** @internal 1 for each link (from, to ≥ 0) repeating the pair of an earlier one. */
function duplicateLinks(from: Int32Array, to: Int32Array, n: number): Uint8Array {
  const m = from.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) if ((from[k] as number) >= 0 && (to[k] as number) >= 0) start[(to[k] as number) + 1] = (start[(to[k] as number) + 1] as number) + 1;
  for (let j = 0; j < n; j++) start[j + 1] = (start[j + 1] as number) + (start[j] as number);
  const byTo = new Int32Array(start[n] as number);
  const fill = start.slice(0, n);
  for (let k = 0; k < m; k++) if ((from[k] as number) >= 0 && (to[k] as number) >= 0) { const j = to[k] as number; byTo[fill[j] as number] = k; fill[j] = (fill[j] as number) + 1; }
  const stamp = new Int32Array(n);
  const dup = new Uint8Array(m);
  for (let j = 0; j < n; j++) {
    for (let q = start[j] as number; q < (start[j + 1] as number); q++) {
      const k = byTo[q] as number;
      const f = from[k] as number;
      if (stamp[f] === j + 1) dup[k] = 1;
      else stamp[f] = j + 1;
    }
  }
  return dup;
}
