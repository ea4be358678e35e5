import { PmoDecimal, checkArguments, checkOptionKeys, type Decimal } from "../../core/index.js";
import type { LinkLagValue } from "../../entities/index.js";
import type { LevellingDelay } from "../../schedule/index.js";
import { minutesPerDayOf } from "./context.js";
import type { MspdiElement } from "./element.js";
import { fieldStr } from "./fields.js";
import { MSPDI_ELAPSED_FORMATS } from "./logic.js";
import type { MspdiDocument } from "./read.js";

/*
 * MS Project's Leveling Delay ↔ pmokit's levelling delay. MSPDI stores `LevelingDelay` in tenths of a minute (as
 * `LinkLag`; MPXJ's MSPDIReader divides by 10 and converts to `LevelingDelayFormat`'s unit on the project's minutes
 * per day) — not in the format's unit, whatever the schema page's "3 days = 3" example says. It is the task's own
 * delay from the start its predecessors allow, so it is `levelResources(...).delays[].days` (the wait for a
 * resource), not `activities[].delayDays` (which also counts a predecessor's move: MS Project moves the successor
 * through its link).
 */

/** Working-time formats (3 m, 5 h, 7 d, 9 w, 11 mo and their estimated forms): tenths of working minutes. */
const WORKING_FORMATS: ReadonlySet<number> = new Set([3, 5, 7, 9, 11, 35, 37, 39, 41, 43]);

/**
 * One task's MS Project levelling delay in pmokit's terms: working days (`days`, as {@link LevellingDelay.days}) for
 * the working-time formats, calendar days (`elapsedDays`) for the elapsed ones.
 */
export interface MspdiLevelingDelay {
  /** The task's UID. */
  readonly taskUid: string;
  /** The pmokit id `mspdiToPmokit` gives the task (`<projectId>-t<UID>`, `<projectId>-m<UID>` for a milestone). */
  readonly activityId: string;
  /** Working days (tenths of a minute ÷ 10 ÷ the file's `MinutesPerDay`), for formats 3, 5, 7, 9, 11 (and 35–43). */
  readonly days?: Decimal;
  /** Calendar days (tenths of a minute ÷ 10 ÷ 1440), for the elapsed formats 4, 6, 8, 10, 12 (and 36–44). */
  readonly elapsedDays?: Decimal;
  /** `LevelingDelayFormat` as written (the unit MS Project shows it in). */
  readonly format: number;
}

/**
 * @internal A task's non-zero levelling delay (`days` or `elapsedDays`), or undefined when it is zero, missing or in
 * a format that is not time (percent, null).
 */
export function mspdiLevelingDelayOf(task: MspdiElement, minutesPerDay: string): { days?: Decimal; elapsedDays?: Decimal; format: number } | undefined {
  const raw = fieldStr(task, "LevelingDelay");
  if (raw === undefined || !/^-?\d+$/.test(raw) || Number(raw) === 0) return undefined;
  const format = Number(fieldStr(task, "LevelingDelayFormat") ?? "8"); // MS Project's default: elapsed days
  const minutes = new PmoDecimal(raw).dividedBy(10);
  if (MSPDI_ELAPSED_FORMATS.has(format)) return { elapsedDays: minutes.dividedBy(1440).toDecimalPlaces(6), format };
  if (WORKING_FORMATS.has(format)) return { days: minutes.dividedBy(minutesPerDay).toDecimalPlaces(6), format };
  return undefined;
}

/**
 * MS Project's levelling delays in a read MSPDI document, in pmokit's terms: one row per task with a non-zero
 * `LevelingDelay`, in file order. `LevelingDelay` is in tenths of a minute: at 480 minutes a day, 4800 at format 7
 * (days) is 1 working day; 14400 at format 8 (elapsed days) is 1 calendar day. Compare `days` with
 * `levelResources(...).delays[].days` of the same activity.
 *
 * @throws {ValidationError} without `options.projectId`, or for an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * mspdiLevelingDelays(readMspdi(xml).document, { projectId: "prj-x" });
 * // [{ taskUid: "2", activityId: "prj-x-t2", days: Decimal(2), format: 7 }]
 * ```
 */
export function mspdiLevelingDelays(document: MspdiDocument, options: { readonly projectId: string }): MspdiLevelingDelay[] {
  checkArguments("mspdiLevelingDelays", { document: [document, "object"], options: [options, "object"] });
  checkArguments("mspdiLevelingDelays", { "options.projectId": [options.projectId, "string"] });
  checkOptionKeys("mspdiLevelingDelays", options, { projectId: 1 } satisfies Record<keyof typeof options, 1>, ["options"]);
  const minutesPerDay = minutesPerDayOf(document.project);
  return (document.project.lists["tasks"] ?? []).flatMap((t) => {
    const uid = fieldStr(t, "UID");
    const d = uid === undefined ? undefined : mspdiLevelingDelayOf(t, minutesPerDay);
    if (uid === undefined || d === undefined) return [];
    return [{ taskUid: uid, activityId: `${options.projectId}-${fieldStr(t, "Milestone") === "1" ? "m" : "t"}${uid}`, ...d }];
  });
}

/**
 * @internal The MSPDI fields of a levelling delay of `days` working days: `LevelingDelay` in tenths of a minute
 * (rounded to a whole tenth) at `LevelingDelayFormat` 7 (days), since pmokit's delays are working time.
 */
export function mspdiLevelingDelayFields(days: Decimal, minutesPerDay: number): { LevelingDelay: string; LevelingDelayFormat: string } {
  return { LevelingDelay: days.times(minutesPerDay * 10).toDecimalPlaces(0).toFixed(), LevelingDelayFormat: "7" };
}

/**
 * @internal The MSPDI fields of a levelling delay kept on a record (`levellingDelay`, from an import): working days at
 * format 7 (days × minutes per day × 10), elapsed days at format 8 (days × 1440 × 10); none for a zero delay or a
 * percent one (no MS Project form: the export reports it).
 */
export function mspdiKeptDelayFields(delay: LinkLagValue | undefined, minutesPerDay: number): { LevelingDelay: string; LevelingDelayFormat: string } | Record<string, never> {
  if (delay === undefined || delay.kind === "percent" || delay.days.isZero()) return {};
  if (delay.kind === "working-days") return mspdiLevelingDelayFields(delay.days, minutesPerDay);
  return { LevelingDelay: delay.days.times(1440 * 10).toDecimalPlaces(0).toFixed(), LevelingDelayFormat: "8" };
}

/** @internal Each activity's levelling wait (the sum, should it wait more than once), by activity id. */
export function levellingWaits(delays: readonly Pick<LevellingDelay, "activityId" | "days">[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const d of delays) out.set(d.activityId, (out.get(d.activityId) ?? new PmoDecimal(0)).plus(d.days));
  return out;
}
