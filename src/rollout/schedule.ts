import {
  addWorkingDays,
  blackoutOn,
  createWorkingCalendar,
  encodeWith,
  isIsoDate,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  ValidationError,
  type BlackoutWindow,
  type IsoDate,
  type ValidationIssue,
  type WorkingCalendar, checkArguments
} from "../core/index.js";
import { orderByDependencies } from "./dependency-order.js";
import { rolloutTemplateSchema, templateStructureIssues, type RolloutTemplate, type RolloutTemplateEntry } from "./template.js";

/** Options of {@link scheduleRollout}. */
export interface ScheduleRolloutOptions {
  /** Go-live day (T0). */
  readonly goLive: IsoDate;
  /** Working calendar the business-day offsets count in (its own blackouts apply too). */
  readonly calendar: WorkingCalendar;
  /** Further change-freeze windows, on top of the calendar's. */
  readonly blackouts?: readonly { readonly start: string; readonly end: string; readonly reason: string }[];
  /** First day of cutover; required when an entry is anchored on `cutover-start`. */
  readonly cutoverStart?: IsoDate;
  /** Last day of hypercare; required when an entry is anchored on `hypercare-end`. */
  readonly hypercareEnd?: IsoDate;
  /** First day of the plan: an item due before it is an error (its offset reaches back too far). */
  readonly planStart?: IsoDate;
}

/** An item moved out of a blackout window, and why. */
export interface BlackoutMove {
  /** The day the offset gave. */
  readonly from: IsoDate;
  /**
   * The last working day before the window (outside every window); for an item after its anchor (negative offset), or
   * after go-live when moving back would put it on or before go-live, the first working day after it.
   */
  readonly to: IsoDate;
  /** The window the day fell in. */
  readonly window: BlackoutWindow;
  /**
   * Every window the move stepped over — the one the day fell in and each chained, adjacent or overlapping window
   * between `to` and `from` — in calendar order.
   */
  readonly windows: readonly BlackoutWindow[];
  /** Plain-words note for the plan naming every window stepped over. */
  readonly note: string;
}

/** A template entry with its dates in the plan. */
export interface ScheduledRolloutItem extends RolloutTemplateEntry {
  /** The anchor day the offset counts from. */
  readonly anchorDate: IsoDate;
  /** Anchor minus `tMinusDays` working days, before any blackout move. */
  readonly nominalDueDate: IsoDate;
  /**
   * The due day: the nominal day, or the last working day before the blackout it fell in (the first working day
   * after it for an item after its anchor, or after a go-live the move back would reach).
   */
  readonly dueDate: IsoDate;
  /** Present when the item was moved out of a blackout window. */
  readonly blackoutMove?: BlackoutMove;
}

/** A scheduling finding that is not an error but needs a look. */
export interface ScheduleFinding {
  /** `dependency-due-later`: an item is due before an item it depends on. */
  readonly code: "dependency-due-later";
  /** The item. */
  readonly itemId: string;
  /** The dependency. */
  readonly dependsOnId: string;
  /** Plain words. */
  readonly message: string;
}

/** What {@link scheduleRollout} returns. */
export interface RolloutSchedule {
  /** The template scheduled. */
  readonly templateId: string;
  /** Go-live day. */
  readonly goLive: IsoDate;
  /** Items in dependency order (each after the items it depends on; template order otherwise). */
  readonly items: readonly ScheduledRolloutItem[];
  /** Items moved out of blackout windows. */
  readonly moves: readonly (BlackoutMove & { readonly itemId: string })[];
  /** Findings, such as an item due before one of its dependencies. */
  readonly findings: readonly ScheduleFinding[];
  /** Warnings about the plan's own dates, such as a go-live inside a blackout window. */
  readonly warnings: readonly BlackoutWarning[];
}

/**
 * Schedules a rollout template: every entry's due day is its anchor (go-live, cutover start or hypercare end) minus
 * `tMinusDays` working days of the calendar (holidays and weekends do not count; a negative offset counts forward).
 * A due day inside a blackout window moves to the last working day before it that is outside every window — or, for
 * an item after its anchor (negative offset), to the first working day after it, so a T+n item is never due on or
 * before T0; an item on a later anchor whose day falls after go-live moves forward as well when moving back would put
 * it on or before go-live (go-live in the same freeze) — and the move is recorded with every window it stepped over.
 * Items come back in dependency order. A go-live (or a cutover)
 * inside a blackout window is not moved — it is the plan's decision — but `warnings` says so.
 *
 * @throws {ValidationError} for a template that does not fit the template schema (an edited memory form is checked
 *   too, path `entries[i].field`), an unsound template (unknown or self dependencies, not exactly one accountable
 *   role), a dependency cycle (the message names it), an anchor the options do not give, cutover after go-live,
 *   hypercare ending before go-live, or an item due before `planStart`.
 * @example
 * ```ts
 * const office = createWorkingCalendar({ holidays: ["2026-12-25"], blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "freeze" }] });
 * const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: office });
 * s.items.find((i) => i.id === "gng-meeting")?.dueDate; // "2027-02-25" (T-2)
 * ```
 */
export function scheduleRollout(template: RolloutTemplate, options: ScheduleRolloutOptions): RolloutSchedule {
  checkArguments("scheduleRollout", { template: [template, "object"], options: [options, "object"] });
  // An edited template in memory form is checked like a decoded one (paths `entries[i].field`).
  encodeWith(rolloutTemplateSchema, template, "rollout template");
  const issues: ValidationIssue[] = templateStructureIssues(template);
  const { goLive, cutoverStart, hypercareEnd, planStart } = options;
  const dateIssue = (name: string, d: string | undefined) => {
    if (d !== undefined && !isIsoDate(d)) issues.push({ path: ["options", name], message: `${JSON.stringify(d)} is not a date`, code: "custom" });
  };
  dateIssue("goLive", goLive);
  dateIssue("cutoverStart", cutoverStart);
  dateIssue("hypercareEnd", hypercareEnd);
  dateIssue("planStart", planStart);
  if (cutoverStart !== undefined && cutoverStart > goLive) {
    issues.push({ path: ["options", "cutoverStart"], message: "cutover cannot start after go-live", code: "custom" });
  }
  if (hypercareEnd !== undefined && hypercareEnd < goLive) {
    issues.push({ path: ["options", "hypercareEnd"], message: "hypercare cannot end before go-live", code: "custom" });
  }
  if (issues.length > 0) throw new ValidationError(issues, "rollout schedule");

  const calendar = withBlackouts(options.calendar, options.blackouts ?? []);
  const anchors: Record<RolloutTemplateEntry["anchor"], IsoDate | undefined> = {
    "go-live": goLive,
    "cutover-start": cutoverStart,
    "hypercare-end": hypercareEnd,
  };
  const scheduled = template.entries.map((e, i): ScheduledRolloutItem | undefined => {
    const anchorDate = anchors[e.anchor];
    if (anchorDate === undefined) {
      issues.push({ path: ["entries", i, "anchor"], message: `the plan has no ${e.anchor} date`, code: "custom" });
      return undefined;
    }
    const { nominal, due, window, windows } = dueDateFor(calendar, anchorDate, e.tMinusDays, { goLive });
    if (planStart !== undefined && due < planStart) {
      issues.push({
        path: ["entries", i, "tMinusDays"],
        message: `${e.code} would be due on ${due}, before the plan starts on ${planStart}`,
        code: "custom",
      });
    }
    const base = { ...e, anchorDate, nominalDueDate: nominal, dueDate: due };
    return window ? { ...base, blackoutMove: blackoutMove(nominal, due, window, windows) } : base;
  });
  if (issues.length > 0) throw new ValidationError(issues, "rollout schedule");
  const items = orderByDependencies(scheduled as ScheduledRolloutItem[], "rollout template entries");

  const byId = new Map(items.map((i) => [i.id, i]));
  const findings: ScheduleFinding[] = [];
  for (const item of items) {
    for (const d of item.dependsOn) {
      const dep = byId.get(d)!;
      if (dep.dueDate > item.dueDate) {
        findings.push({
          code: "dependency-due-later",
          itemId: item.id,
          dependsOnId: d,
          message: `${item.code} is due ${item.dueDate}, before its dependency ${dep.code} (due ${dep.dueDate})`,
        });
      }
    }
  }
  const moves = items.flatMap((i) => (i.blackoutMove ? [{ itemId: i.id, ...i.blackoutMove }] : []));
  const warnings = blackoutWarnings(calendar, { goLive, ...(cutoverStart !== undefined ? { cutoverStart } : {}) });
  return { templateId: template.id, goLive, items, moves, findings, warnings };
}

/**
 * The due day of an offset: T0 minus `tMinusDays` working days, where T0 is `anchor`, or the working day before it
 * when the anchor is not a working day (so T-1 is always the working day before T0); a day inside a blackout window
 * moves to the last working day before it that is outside every window, or, after the anchor (`tMinusDays < 0`), to
 * the first one after it. With `goLive`, a nominal day after go-live (an item on a later anchor, such as hypercare
 * end) whose move back would land on or before go-live — go-live lies in the same freeze — moves forward too.
 * `window` is the window the nominal day fell in; `windows` every window the move stepped over (chained or adjacent
 * windows included), in calendar order.
 *
 * @example
 * ```ts
 * dueDateFor(office, isoDate("2027-01-11"), 5); // { nominal: "2027-01-04", due: "2026-12-18", window: { … }, windows: [{ … }] }
 * // Hypercare ending Wed 2026-12-30, go-live Tue 12-22, both in the freeze 12-21…01-04: forward, not back to 12-18.
 * dueDateFor(office, isoDate("2026-12-30"), 0, { goLive: isoDate("2026-12-22") }).due; // "2027-01-05"
 * ```
 */
export function dueDateFor(
  calendar: WorkingCalendar,
  anchor: IsoDate,
  tMinusDays: number,
  options: {
    /**
     * The plan's go-live. A nominal day after it (go-live's T0) whose move back would land on or before that T0 moves
     * forward instead: an item on a later anchor (hypercare end) is never due before anything went live.
     */
    readonly goLive?: IsoDate;
  } = {},
): { readonly nominal: IsoDate; readonly due: IsoDate; readonly window: BlackoutWindow | undefined; readonly windows: readonly BlackoutWindow[] } {
  checkArguments("dueDateFor", { calendar: [calendar, "object"], anchor: [anchor, "date"], tMinusDays: [tMinusDays, "integer"], options: [options, "object"] });
  checkArguments("dueDateFor", { goLive: [options.goLive, "date?"] });
  // T0 is the anchor, or the working day before it when the anchor is not a working day; every offset counts from
  // T0, so T-1 is always the working day before T0 (counting from a holiday anchor made T-1 and T0 the same day).
  const t0 = isWorkingDay(calendar, anchor) ? anchor : previousWorkingDay(calendar, anchor);
  const nominal = addWorkingDays(calendar, t0, -tMinusDays);
  const window = blackoutOn(calendar, nominal);
  if (!window) return { nominal, due: nominal, window, windows: [] };
  // An item after its anchor (T+n) moves forward: moving it back could put it on or before T0 (a hypercare check due
  // before go-live). An item on or before its anchor moves back, so it is still ready in time.
  const forward = () => {
    const due = nextWorkingDay(calendar, nominal, { skipBlackouts: true });
    // Every window with a day in [nominal, due): the days the move stepped over.
    return { nominal, due, window, windows: calendar.blackouts.filter((b) => b.end >= nominal && b.start < due) };
  };
  if (tMinusDays < 0) return forward();
  const due = previousWorkingDay(calendar, nominal, { skipBlackouts: true });
  // A day after go-live on a later anchor (hypercare end) moved back over a freeze that holds go-live would be due on
  // or before go-live: it moves forward, as a T+n item does.
  const { goLive } = options;
  if (goLive !== undefined) {
    const goT0 = isWorkingDay(calendar, goLive) ? goLive : previousWorkingDay(calendar, goLive);
    if (nominal > goT0 && due <= goT0) return forward();
  }
  // Every window with a day in (due, nominal]: the days the move stepped over.
  const windows = calendar.blackouts.filter((b) => b.start <= nominal && b.end > due);
  return { nominal, due, window, windows };
}

/** @internal The recorded move out of a blackout window, naming every window stepped over. */
export function blackoutMove(from: IsoDate, to: IsoDate, window: BlackoutWindow, windows: readonly BlackoutWindow[]): BlackoutMove {
  const span = (w: BlackoutWindow) => `${w.start}…${w.end} (${w.reason})`;
  const others = windows.filter((w) => w !== window);
  const also = others.length === 0 ? "" : `; also stepped over ${others.map((w) => `the blackout ${span(w)}`).join(", ")}`;
  return { from, to, window, windows, note: `moved from ${from} to ${to}: ${from} is inside the blackout ${span(window)}${also}` };
}

/** A warning about the plan's own dates: go-live, cutover or a rollout wave inside a blackout window. */
export interface BlackoutWarning {
  /**
   * `go-live-in-blackout`: go-live lies in a window; `cutover-in-blackout`: a cutover day (cutover start to go-live)
   * does; `wave-in-blackout`: a day of a rollout wave (start to finish) does.
   */
  readonly code: "go-live-in-blackout" | "cutover-in-blackout" | "wave-in-blackout";
  /** The plan day concerned (go-live, or the first cutover or wave day inside a window). */
  readonly date: IsoDate;
  /** The windows concerned, in calendar order. */
  readonly windows: readonly BlackoutWindow[];
  /** Plain words. */
  readonly message: string;
}

/**
 * Warns when go-live lies inside a blackout (change-freeze) window, when a cutover day (from `cutoverStart` up to
 * the day before go-live) does, and when a day of a rollout wave (from its start to its finish) does. Dates are not
 * moved: going live or deploying in a freeze is the plan's call, so it is flagged.
 *
 * @throws {ValidationError} when the calendar is not a working calendar or a date is not a date.
 * @example
 * ```ts
 * const cal = createWorkingCalendar({ blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "Year-end change freeze" }] });
 * blackoutWarnings(cal, { goLive: isoDate("2027-01-04") })[0]?.message;
 * // "go-live 2027-01-04 is inside the blackout 2026-12-21…2027-01-04 (Year-end change freeze)"
 * ```
 */
export function blackoutWarnings(
  calendar: WorkingCalendar,
  dates: {
    readonly goLive: IsoDate;
    readonly cutoverStart?: IsoDate;
    /** Rollout waves (a deployment on every day from start to finish). */
    readonly waves?: readonly { readonly id: string; readonly name: string; readonly start: IsoDate; readonly finish: IsoDate }[];
  },
): BlackoutWarning[] {
  const issues: ValidationIssue[] = [];
  if (typeof calendar !== "object" || calendar === null || !Array.isArray(calendar.blackouts)) {
    issues.push({ path: ["calendar"], message: "expected a working calendar (createWorkingCalendar)", code: "custom" });
  }
  if (!isIsoDate(dates?.goLive)) issues.push({ path: ["goLive"], message: "not a date", code: "custom" });
  if (dates?.cutoverStart !== undefined && !isIsoDate(dates.cutoverStart)) issues.push({ path: ["cutoverStart"], message: "not a date", code: "custom" });
  if (dates?.waves !== undefined && !Array.isArray(dates.waves)) issues.push({ path: ["waves"], message: "expected a list of waves", code: "custom" });
  (Array.isArray(dates?.waves) ? dates.waves : []).forEach((w, i) => {
    if (!isIsoDate(w?.start)) issues.push({ path: ["waves", i, "start"], message: "not a date", code: "custom" });
    if (!isIsoDate(w?.finish)) issues.push({ path: ["waves", i, "finish"], message: "not a date", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, "blackout warnings");
  const span = (w: BlackoutWindow) => `the blackout ${w.start}…${w.end} (${w.reason})`;
  const out: BlackoutWarning[] = [];
  const atGoLive = calendar.blackouts.filter((b) => b.start <= dates.goLive && dates.goLive <= b.end);
  if (atGoLive.length > 0) {
    out.push({ code: "go-live-in-blackout", date: dates.goLive, windows: atGoLive, message: `go-live ${dates.goLive} is inside ${atGoLive.map(span).join(" and ")}` });
  }
  const cs = dates.cutoverStart;
  if (cs !== undefined && cs < dates.goLive) {
    const during = calendar.blackouts.filter((b) => b.start < dates.goLive && b.end >= cs);
    if (during.length > 0) {
      const first = during.map((b) => (b.start > cs ? b.start : cs)).sort()[0]!;
      out.push({ code: "cutover-in-blackout", date: first, windows: during, message: `cutover ${cs}…${dates.goLive} overlaps ${during.map(span).join(" and ")}` });
    }
  }
  for (const w of dates.waves ?? []) {
    const during = calendar.blackouts.filter((b) => b.start <= w.finish && b.end >= w.start);
    if (during.length === 0) continue;
    const first = during.map((b) => (b.start > w.start ? b.start : w.start)).sort()[0]!;
    out.push({ code: "wave-in-blackout", date: first, windows: during, message: `wave ${w.name} ${w.start}…${w.finish} overlaps ${during.map(span).join(" and ")}` });
  }
  return out;
}

/** @internal The calendar plus extra blackout windows. */
export function withBlackouts(cal: WorkingCalendar, extra: NonNullable<ScheduleRolloutOptions["blackouts"]>): WorkingCalendar {
  if (extra.length === 0) return cal;
  try {
    return createWorkingCalendar({
      name: cal.name,
      workingWeekdays: cal.workingWeekdays,
      holidays: cal.holidays,
      blackouts: [...cal.blackouts, ...extra],
    });
  } catch (e) {
    // Re-point the calendar's issue paths at the option the caller gave.
    if (e instanceof ValidationError) {
      throw new ValidationError(
        e.issues.map((i) => ({ ...i, path: ["options", "blackouts", (i.path[1] as number) - cal.blackouts.length, ...i.path.slice(2)] })),
        "rollout schedule",
      );
    }
    throw e;
  }
}
