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
  type WorkingCalendar, checkArguments, checkOptionKeys
} from "../core/index.js";
import { blackoutWarnings, cutoverStepWarning, type BlackoutWarning, type CutoverStepWarning } from "./blackout-warnings.js";
import { blackoutMove, shiftDependants, type BlackoutMove, type DependantWarning } from "./freeze-moves.js";
import { orderByDependencies } from "./dependency-order.js";
import { rolloutTemplateSchema, templateStructureIssues, type RolloutTemplate, type RolloutTemplateEntry } from "./template.js";

export { blackoutWarnings, type BlackoutWarning, type CutoverStepWarning } from "./blackout-warnings.js";
export { blackoutMove, type BlackoutMove, type DependantWarning } from "./freeze-moves.js";

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
const SCHEDULE_ROLLOUT_KEYS = { goLive: 1, calendar: 1, blackouts: 1, cutoverStart: 1, hypercareEnd: 1, planStart: 1 } satisfies Record<keyof ScheduleRolloutOptions, 1>;


/** A template entry with its dates in the plan. */
export interface ScheduledRolloutItem extends RolloutTemplateEntry {
  /** The anchor day the offset counts from. */
  readonly anchorDate: IsoDate;
  /** Anchor minus `tMinusDays` working days, before any blackout move. */
  readonly nominalDueDate: IsoDate;
  /**
   * The due day: the nominal day, or the last working day before the blackout it fell in (the first working day
   * after it for an item after its anchor, or after a go-live the move back would reach). A cutover step that a
   * forward move would date after go-live moves back instead while that stays after the cutover start; else it keeps
   * its nominal day inside the freeze (no `blackoutMove`; a `cutover-step-in-blackout` warning says so). An item
   * nominally in the cutover on or before its anchor (cutover start's T0 to go-live's T0) is never dated before the
   * cutover start: back while that holds, else forward while by go-live, else it keeps its day, flagged the same way.
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
  /**
   * Warnings about the plan's own dates, such as a go-live inside a blackout window, then the cutover steps that stay
   * inside a freeze (`cutover-step-in-blackout`).
   */
  readonly warnings: readonly (BlackoutWarning | CutoverStepWarning | DependantWarning)[];
}

/**
 * Schedules a rollout template: every entry's due day is its anchor (go-live, cutover start or hypercare end) minus
 * `tMinusDays` working days of the calendar (holidays and weekends do not count; a negative offset counts forward).
 * A due day inside a blackout window moves to the last working day before it that is outside every window — or, for
 * an item after its anchor (negative offset), to the first working day after it, so a T+n item is never due on or
 * before T0; an item on a later anchor whose day falls after go-live moves forward as well when moving back would put
 * it on or before go-live (go-live in the same freeze) — and the move is recorded with every window it stepped over.
 * A step of the cutover (T+n after the cutover start, nominally on or before go-live) is never dated after go-live:
 * when moving forward would pass go-live it moves back to the last free working day before the freeze if that is still
 * after the cutover start, else it stays on its day and `warnings` carries a `cutover-step-in-blackout` naming the
 * item, the freeze and go-live. An item nominally in the cutover on or before its anchor (the cutover-start T0 item,
 * go-live's T0 item, a go-live T−n item on a cutover day) is never dated before the cutover start: back while that
 * holds, else forward while that is by go-live, else it keeps its day with the same warning. An entry with
 * `freezeExempt: true` keeps its nominal day in a window (no move, no warning). A dependant whose offset puts it on or
 * after its dependency is never dated before it by these moves: it goes to the first free working day on or after the
 * dependency's day (by go-live when nominally by go-live; `blackoutMove.after` names the dependency), else keeps its
 * nominal day with a `dependant-in-blackout` warning. Items come back in dependency order. A go-live (or a cutover)
 * inside a blackout window is not moved — it is the plan's decision — but `warnings` says so.
 *
 * @throws {ValidationError} for a template that does not fit the template schema (an edited memory form is checked
 *   too, path `entries[i].field`), an unsound template (unknown or self dependencies, not exactly one accountable
 *   role), a dependency cycle (the message names it), an anchor the options do not give, cutover after go-live,
 *   hypercare ending before go-live, an item due before `planStart`, or an item whose due day would fall outside
 *   years 0001–9999 (path `["options", "goLive"]`, or the other anchor option the item counts from).
 * @example
 * ```ts
 * const office = createWorkingCalendar({ holidays: ["2026-12-25"], blackouts: [{ start: "2026-12-21", end: "2027-01-04", reason: "freeze" }] });
 * const s = scheduleRollout(DEFAULT_IT_ROLLOUT_TEMPLATE, { goLive: isoDate("2027-03-01"), calendar: office });
 * s.items.find((i) => i.id === "gng-meeting")?.dueDate; // "2027-02-25" (T-2)
 * ```
 */
export function scheduleRollout(template: RolloutTemplate, options: ScheduleRolloutOptions): RolloutSchedule {
  checkArguments("scheduleRollout", { template: [template, "object"], options: [options, "object"] });
  checkOptionKeys("scheduleRollout", options, SCHEDULE_ROLLOUT_KEYS, ["options"]);
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
  const stepWarnings: CutoverStepWarning[] = [];
  const scheduled = template.entries.map((e, i): ScheduledRolloutItem | undefined => {
    const anchorDate = anchors[e.anchor];
    if (anchorDate === undefined) {
      issues.push({ path: ["entries", i, "anchor"], message: `the plan has no ${e.anchor} date`, code: "custom" });
      return undefined;
    }
    const cutoverStep = e.anchor === "cutover-start";
    const r = inRange(() => dueDateFor(calendar, anchorDate, e.tMinusDays, {
      goLive,
      cutoverStep,
      ...(cutoverStart !== undefined ? { cutoverStart } : {}),
      ...(e.freezeExempt === true ? { freezeExempt: true } : {}),
    }), issues, ["options", ANCHOR_OPTIONS[e.anchor]], `${e.code} (${tLabel(e.tMinusDays)}) would be due`);
    if (!r) return undefined;
    const { nominal, due, window, windows } = r;
    if (r.conflict) stepWarnings.push(cutoverStepWarning(e, { anchorDate, cutoverStart: cutoverStart!, goLive }, { ...r, conflict: r.conflict }));
    if (planStart !== undefined && due < planStart) {
      issues.push({
        path: ["entries", i, "tMinusDays"],
        message: `${e.code} would be due on ${due}, before the plan starts on ${planStart}`,
        code: "custom",
      });
    }
    const base = { ...e, anchorDate, nominalDueDate: nominal, dueDate: due };
    return window && due !== nominal ? { ...base, blackoutMove: blackoutMove(nominal, due, window, windows) } : base;
  });
  if (issues.length > 0) throw new ValidationError(issues, "rollout schedule");
  const ordered = orderByDependencies(scheduled as ScheduledRolloutItem[], "rollout template entries");
  // Dependants stay after their dependencies through the freeze moves (moved after them, or kept and flagged).
  const dated = new Map(ordered.map((i) => [i.id, { nominal: i.nominalDueDate, due: i.dueDate, move: i.blackoutMove }]));
  const shifted = shiftDependants(calendar, ordered, dated, goLive, (e) => [["options", ANCHOR_OPTIONS[e.anchor]], `${e.code} (${tLabel(e.tMinusDays)})`], "rollout schedule");
  const items = ordered.map((i): ScheduledRolloutItem => {
    const d = shifted.dates.get(i.id)!;
    if (d.due === i.dueDate && d.move === i.blackoutMove) return i;
    const { blackoutMove: _, ...rest } = i;
    return d.move ? { ...rest, dueDate: d.due, blackoutMove: d.move } : { ...rest, dueDate: d.due };
  });

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
  const finalDue = new Map(items.map((i) => [i.id, i.dueDate]));
  const warnings = [
    ...blackoutWarnings(calendar, { goLive, ...(cutoverStart !== undefined ? { cutoverStart } : {}) }),
    ...stepWarnings.filter((w) => finalDue.get(w.itemId) === w.date),
    ...shifted.warnings,
  ];
  return { templateId: template.id, goLive, items, moves, findings, warnings };
}

/**
 * The due day of an offset: T0 minus `tMinusDays` working days, where T0 is `anchor`, or the working day before it
 * when the anchor is not a working day (so T-1 is always the working day before T0); a day inside a blackout window
 * moves to the last working day before it that is outside every window, or, after the anchor (`tMinusDays < 0`), to
 * the first one after it. With `goLive`, a nominal day after go-live (an item on a later anchor, such as hypercare
 * end) whose move back would land on or before go-live — go-live lies in the same freeze — moves forward too. With
 * `cutoverStep` (the anchor is the cutover start), a T+n item nominally on or before go-live's T0 that a forward move
 * would date after it moves back if that stays after the anchor's T0; otherwise it stays on its nominal day with
 * `conflict`. With `cutoverStart` (or `cutoverStep`), an item on or before its anchor whose nominal day lies in the
 * cutover (the cutover start's T0 to go-live's T0) is never moved before the cutover start: forward while by go-live,
 * else it stays with `conflict`.
 * `window` is the window the nominal day fell in; `windows` every window the move stepped over (chained or adjacent
 * windows included), in calendar order.
 *
 * @example
 * ```ts
 * dueDateFor(office, isoDate("2027-01-11"), 5); // { nominal: "2027-01-04", due: "2026-12-18", window: { … }, windows: [{ … }] }
 * // Hypercare ending Wed 2026-12-30, go-live Tue 12-22, both in the freeze 12-21…01-04: forward, not back to 12-18.
 * dueDateFor(office, isoDate("2026-12-30"), 0, { goLive: isoDate("2026-12-22") }).due; // "2027-01-05"
 * // A cutover step T+4 after a cutover starting Tue 12-15, go-live Tue 12-22 in the freeze: back, not after go-live.
 * dueDateFor(office, isoDate("2026-12-15"), -4, { goLive: isoDate("2026-12-22"), cutoverStep: true }).due; // "2026-12-18"
 * // Go-live's T0 with the cutover starting Mon 12-21 in the same freeze: not back to 12-18 (before the cutover).
 * dueDateFor(office, isoDate("2026-12-22"), 0, { goLive: isoDate("2026-12-22"), cutoverStart: isoDate("2026-12-21") }).due; // "2026-12-22" (with conflict)
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
    /**
     * The anchor is the cutover start (needs `goLive`): an item after it (T+n) whose nominal day is on or before
     * go-live's T0 is a step of the cutover and stays by go-live — forward out of the freeze while that is by go-live,
     * else back to the last free working day before it while that is after the cutover start, else it stays on its
     * day and `conflict` says so. Implies `cutoverStart` = `anchor`.
     */
    readonly cutoverStep?: boolean;
    /**
     * The plan's cutover start (needs `goLive`). An item on or before its anchor (T0 or T−n) whose nominal day lies in
     * the cutover — on or after the cutover start's T0 and on or before go-live's T0 — is never dated before the
     * cutover start: back out of the freeze while that stays on or after the cutover start, else forward while that
     * stays by go-live, else it stays on its day and `conflict` says so.
     */
    readonly cutoverStart?: IsoDate;
    /**
     * The item is allowed during a freeze (its `freezeExempt`): it keeps its nominal day even inside a window (`due` =
     * `nominal`, `window` the window it lies in, `windows` empty, no `conflict`).
     */
    readonly freezeExempt?: boolean;
  } = {},
): {
  readonly nominal: IsoDate;
  readonly due: IsoDate;
  readonly window: BlackoutWindow | undefined;
  readonly windows: readonly BlackoutWindow[];
  /**
   * A cutover step (see `cutoverStep`) with no working day outside every window after the cutover start and by
   * go-live: it stays on its nominal day (`due` = `nominal`, inside `window`); `forward` is the day a forward move
   * would give (after go-live), `back` the one a move back would give (on or before the cutover start) — or an item
   * nominally in the cutover (see `cutoverStart`) with no such day from the cutover start to go-live (`back` is then
   * before the cutover start).
   */
  readonly conflict?: { readonly code: "cutover-step-in-blackout"; readonly forward: IsoDate; readonly back: IsoDate };
} {
  checkArguments("dueDateFor", { calendar: [calendar, "object"], anchor: [anchor, "date"], tMinusDays: [tMinusDays, "integer"], options: [options, "object"] });
  checkOptionKeys("dueDateFor", options, { goLive: 1, cutoverStep: 1, cutoverStart: 1, freezeExempt: 1 } satisfies Record<keyof typeof options, 1>, ["options"]);
  checkArguments("dueDateFor", { goLive: [options.goLive, "date?"], cutoverStep: [options.cutoverStep, "boolean?"], cutoverStart: [options.cutoverStart, "date?"], freezeExempt: [options.freezeExempt, "boolean?"] });
  if ((options.cutoverStep === true || options.cutoverStart !== undefined) && options.goLive === undefined) {
    throw ValidationError.single(["options", "goLive"], "a cutover step needs the go-live it must be due by", "dueDateFor");
  }
  const issues: ValidationIssue[] = [];
  const r = inRange(() => dueDay(calendar, anchor, tMinusDays, options), issues, ["anchor"], `${tLabel(tMinusDays)} from ${anchor} would fall`);
  if (!r) throw new ValidationError(issues, "dueDateFor");
  return r;
}

type DueDay = ReturnType<typeof dueDateFor>;

function dueDay(calendar: WorkingCalendar, anchor: IsoDate, tMinusDays: number, options: Parameters<typeof dueDateFor>[3] & object): DueDay {
  // T0 is the anchor, or the working day before it when the anchor is not a working day; every offset counts from
  // T0, so T-1 is always the working day before T0 (counting from a holiday anchor made T-1 and T0 the same day).
  const t0Of = (day: IsoDate) => (isWorkingDay(calendar, day) ? day : previousWorkingDay(calendar, day));
  const t0 = t0Of(anchor);
  const nominal = addWorkingDays(calendar, t0, -tMinusDays);
  const window = blackoutOn(calendar, nominal);
  if (!window || options.freezeExempt === true) return { nominal, due: nominal, window, windows: [] };
  // An item after its anchor (T+n) moves forward: moving it back could put it on or before T0 (a hypercare check due
  // before go-live). An item on or before its anchor moves back, so it is still ready in time.
  const forward = () => {
    const due = nextWorkingDay(calendar, nominal, { skipBlackouts: true });
    // Every window with a day in [nominal, due): the days the move stepped over.
    return { nominal, due, window, windows: calendar.blackouts.filter((b) => b.end >= nominal && b.start < due) };
  };
  const { goLive } = options;
  const goT0 = goLive === undefined ? undefined : t0Of(goLive);
  const back = () => {
    const due = previousWorkingDay(calendar, nominal, { skipBlackouts: true });
    // Every window with a day in (due, nominal]: the days the move stepped over.
    return { nominal, due, window, windows: calendar.blackouts.filter((b) => b.start <= nominal && b.end > due) };
  };
  // No admissible day either way: the item keeps its nominal day inside the freeze, with both moves it was refused.
  const stay = (ahead: { due: IsoDate }, behind: { due: IsoDate }) => ({
    nominal,
    due: nominal,
    window,
    windows: calendar.blackouts.filter((b) => b.start <= nominal && b.end >= nominal),
    conflict: { code: "cutover-step-in-blackout" as const, forward: ahead.due, back: behind.due },
  });
  if (tMinusDays < 0) {
    const ahead = forward();
    // A step of the cutover (T+n after its start, on or before go-live) moved forward past a freeze that holds go-live
    // would be due after go-live: it moves back instead while that stays after the cutover start, else it stays.
    if (options.cutoverStep !== true || goT0 === undefined || nominal > goT0 || ahead.due <= goT0) return ahead;
    const behind = back();
    return behind.due > t0 ? behind : stay(ahead, behind);
  }
  const behind = back();
  // A day after go-live on a later anchor (hypercare end) moved back over a freeze that holds go-live would be due on
  // or before go-live: it moves forward, as a T+n item does.
  if (goT0 !== undefined && nominal > goT0 && behind.due <= goT0) return forward();
  // A day in the cutover (the cutover start's T0 to go-live's T0: "run the cutover", go-live's checkpoint) moved back
  // over a freeze that holds the cutover start would be due before the cutover starts: it moves forward while that
  // stays by go-live, else it stays on its day, flagged.
  const cs = options.cutoverStep === true ? anchor : options.cutoverStart;
  const cutT0 = cs === undefined ? undefined : t0Of(cs);
  if (goT0 !== undefined && cutT0 !== undefined && nominal >= cutT0 && nominal <= goT0 && behind.due < cutT0) {
    const ahead = forward();
    return ahead.due <= goT0 ? ahead : stay(ahead, behind);
  }
  return behind;
}

const ANCHOR_OPTIONS = { "go-live": "goLive", "cutover-start": "cutoverStart", "hypercare-end": "hypercareEnd" } as const;

/** @internal `T-5`, `T0`, `T+10`: an offset as the plan reads it. */
export function tLabel(tMinusDays: number): string {
  return tMinusDays > 0 ? `T-${tMinusDays}` : tMinusDays < 0 ? `T+${-tMinusDays}` : "T0";
}

/**
 * @internal The due day, or `undefined` with an issue at `path` when it (or a day it is moved to) would fall outside
 * years 0001–9999: the calendar's own refusal names its internal argument, not the one the caller gave.
 */
export function inRange<T>(due: () => T, issues: ValidationIssue[], path: readonly (string | number)[], what: string): T | undefined {
  try {
    return due();
  } catch (e) {
    if (!(e instanceof ValidationError) || !/outside years 0001–9999$/.test(e.issues[0]?.message ?? "")) throw e;
    issues.push({ path, message: `${what} outside years 0001–9999`, code: "custom" });
    return undefined;
  }
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
