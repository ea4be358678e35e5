import { isIsoDate, ValidationError, type BlackoutWindow, type IsoDate, type ValidationIssue, type WorkingCalendar } from "../core/index.js";

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

/**
 * An item of the cutover whose day lies in a blackout window with no admissible working day outside every window: a
 * step T+n after the cutover start (nominally on or before go-live) with no free day after the cutover start and by
 * go-live, or an item nominally in the cutover on or before its anchor (the cutover-start T0 item, go-live's T0 and
 * T−n items on a cutover day) with no free day from the cutover start to go-live. It stays on its day rather than be
 * dated after go-live or before the cutover start, and this says so.
 */
export interface CutoverStepWarning {
  /** `cutover-step-in-blackout`. */
  readonly code: "cutover-step-in-blackout";
  /** The item (template entry id, or checklist item id). */
  readonly itemId: string;
  /** The day it stays on (its nominal day, inside the windows). */
  readonly date: IsoDate;
  /** The plan's go-live. */
  readonly goLive: IsoDate;
  /** The plan's cutover start. */
  readonly cutoverStart: IsoDate;
  /** The item's anchor. */
  readonly anchor: "go-live" | "cutover-start" | "hypercare-end";
  /** The windows the day lies in, in calendar order. */
  readonly windows: readonly BlackoutWindow[];
  /** Plain words naming the item, the freeze, the cutover start and go-live. */
  readonly message: string;
}

/** @internal The warning for a cutover item that stays in a freeze (see {@link CutoverStepWarning}). */
export function cutoverStepWarning(
  item: { readonly id: string; readonly code?: string | undefined; readonly tMinusDays: number; readonly anchor: CutoverStepWarning["anchor"] },
  dates: { readonly anchorDate: IsoDate; readonly cutoverStart: IsoDate; readonly goLive: IsoDate },
  r: { readonly nominal: IsoDate; readonly windows: readonly BlackoutWindow[]; readonly conflict: { readonly forward: IsoDate; readonly back: IsoDate } },
): CutoverStepWarning {
  const { anchorDate, cutoverStart, goLive } = dates;
  const span = r.windows.map((w) => `the blackout ${w.start}…${w.end} (${w.reason})`).join(" and ");
  const name = item.code ?? item.id;
  const t = item.tMinusDays;
  const anchorName = item.anchor === "go-live" ? "go-live" : item.anchor === "cutover-start" ? "the cutover start" : "hypercare end";
  const step = item.anchor === "cutover-start" && t < 0;
  const message = step
    ? `${name} (T+${-t} after the cutover start ${cutoverStart}) stays on ${r.nominal} inside ${span}: ` +
      `no working day after the cutover start and by go-live ${goLive} is outside it (moving forward would date it ${r.conflict.forward}, after go-live)`
    : `${name} (${t === 0 ? `T0 of ${anchorName}` : `T-${t} before ${anchorName}`} ${anchorDate}) stays on ${r.nominal} inside ${span}: ` +
      `no working day from the cutover start ${cutoverStart} to go-live ${goLive} is outside it ` +
      `(moving back would date it ${r.conflict.back}, before the cutover start; moving forward ${r.conflict.forward}, after go-live)`;
  return { code: "cutover-step-in-blackout", itemId: item.id, date: r.nominal, goLive, cutoverStart, anchor: item.anchor, windows: r.windows, message };
}
