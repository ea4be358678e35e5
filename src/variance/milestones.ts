import { STANDARD_CALENDAR, ValidationError, isIsoDate, workingDaysBetween, type IsoDate, type WorkingCalendar, checkArguments, checkOptionKeys } from "../core/index.js";
import type { Baseline, Milestone } from "../entities/index.js";
import { chooseBaseline } from "../entities/baseline-in-force.js";

/** One line of a milestone's slip ledger: its date in one baseline. */
export interface MilestoneLedgerEntry {
  /** Baseline number. */
  readonly baseline: number;
  /** Date in that baseline. */
  readonly date: IsoDate;
  /** Why that baseline was captured. */
  readonly reason: string;
  /** Working days later than the previous baseline's date (0 for the first). */
  readonly slipFromPrevious: number;
}

/** Baseline vs forecast vs actual for one milestone, with every re-plan kept visible. */
export interface MilestoneSlip {
  /** Milestone id. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Key milestone. */
  readonly key: boolean;
  /** Date in the first baseline that has it (the original commitment; stays visible after re-planning). */
  readonly originalDate: IsoDate | undefined;
  /** Date in the current baseline (the milestone's own `baselineDate`, else the latest baseline's). */
  readonly baselineDate: IsoDate | undefined;
  /** Current forecast. */
  readonly forecastDate: IsoDate | undefined;
  /** Actual date, once reached on or before the status date. */
  readonly actualDate: IsoDate | undefined;
  /** Working days from the current baseline date to the actual (or forecast; see `forecastPassed`) date; positive = late. */
  readonly slip: number | undefined;
  /** Working days from the original date to the actual (or forecast) date. */
  readonly slipFromOriginal: number | undefined;
  /** State at the status date. */
  readonly status: "achieved-on-time" | "achieved-late" | "achieved-early" | "on-track" | "forecast-late" | "overdue" | "no-baseline";
  /**
   * True when the forecast date lies before the status date and the milestone was not reached by then: the forecast is
   * stale, so `slip` and `slipFromOriginal` are measured to the status date (the earliest it can still be reached: a
   * lower bound) instead of to the passed forecast. Absent otherwise.
   */
  readonly forecastPassed?: true;
  /** The date in every baseline that contains the milestone, in baseline order. */
  readonly ledger: readonly MilestoneLedgerEntry[];
}

/**
 * Milestone schedule variance: baseline vs forecast vs actual, slip in working days on the calendar, and a slip
 * ledger across re-baselines, so the original date stays visible after re-planning. A milestone whose baseline date
 * has passed without an actual date is `overdue` (whatever its forecast says).
 *
 * Everything is judged as of the status date: an actual date after it does not count as achieved yet (the milestone
 * is judged on its forecast and reported without an actual date), and baselines captured after it are left out
 * of the ledger and of the baseline date.
 *
 * Which baseline date:
 * - `options.activeBaseline` (pass the project's `activeBaseline`): the baseline in force on the status date by the one
 *   rule `earnedValue` and `ragStatus` use — the active baseline once captured, before that the highest captured by
 *   the status date (none captured yet: the original plan). So the slip table, the RAG milestone count and earned
 *   value read the same baseline on every date. A project without that baseline gives `no-baseline`.
 * - `options.baseline`: that baseline number, exactly, as `earnedValue`'s `baseline` option — even one captured after
 *   the status date (the ledger still lists only those captured by then). A milestone it does not hold, or a number
 *   the project has no baseline for, gives `no-baseline`. It wins over `activeBaseline`.
 * - Neither: the milestone's own `baselineDate`, else the latest baseline captured by the status date.
 *
 * @throws {ValidationError} when the status date is missing, or `baseline` or `activeBaseline` is not a whole number
 *   0–10.
 * @example
 * ```ts
 * const slips = milestoneSlips(milestones, baselines, { statusDate: "2026-11-20", calendar, activeBaseline: project.activeBaseline });
 * slips.filter((m) => m.key && m.status === "overdue");
 * ```
 */
export function milestoneSlips(
  milestones: readonly Milestone[],
  baselines: readonly Baseline[],
  options: { readonly statusDate: IsoDate | string; readonly calendar?: WorkingCalendar; readonly baseline?: number | undefined; readonly activeBaseline?: number | undefined },
): readonly MilestoneSlip[] {
  checkArguments("milestoneSlips", { milestones: [milestones, "object[]"], baselines: [baselines, "object[]"], options: [options, "object"] });
  checkOptionKeys("milestoneSlips", options, { statusDate: 1, calendar: 1, baseline: 1, activeBaseline: 1 } satisfies Record<keyof NonNullable<Parameters<typeof milestoneSlips>[2]>, 1>);
  if (!isIsoDate(options.statusDate)) throw ValidationError.single(["statusDate"], "a status date (YYYY-MM-DD) is required", "milestone slips");
  const { baseline: wanted, activeBaseline: active } = options;
  for (const [key, n] of [["baseline", wanted], ["activeBaseline", active]] as const) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 10)) throw ValidationError.single([key], "baseline numbers are 0–10", "milestone slips");
  }
  const cal = options.calendar ?? STANDARD_CALENDAR;
  const asOf = options.statusDate as IsoDate;
  const wd = (a: IsoDate, b: IsoDate) => workingDaysBetween(cal, a, b);
  return milestones.map((m): MilestoneSlip => {
    const all = baselines.filter((b) => b.projectId === m.projectId).sort((a, b) => a.number - b.number);
    const own = all.filter((b) => b.capturedAt.slice(0, 10) <= asOf);
    // The milestone's own baselineDate may come from a re-baseline after the status date: then the ledger decides.
    const replannedLater = all.some((b) => !own.includes(b) && b.milestones.some((x) => x.milestoneId === m.id));
    const actualDate = m.actualDate !== undefined && m.actualDate <= asOf ? m.actualDate : undefined;
    const ledger: MilestoneLedgerEntry[] = [];
    for (const b of own) {
      const bm = b.milestones.find((x) => x.milestoneId === m.id);
      if (!bm) continue;
      const prev = ledger[ledger.length - 1];
      ledger.push({ baseline: b.number, date: bm.date, reason: b.reason, slipFromPrevious: prev ? wd(prev.date, bm.date) : 0 });
    }
    const original = ledger[0]?.date;
    // Either option: the baseline earnedValue measures against with the same options (chooseBaseline, the one rule).
    const baselineDate = wanted !== undefined || active !== undefined
      ? chooseBaseline({ project: { id: m.projectId, activeBaseline: active }, baselines }, wanted, asOf, [], "milestone slips")?.milestones.find((x) => x.milestoneId === m.id)?.date
      : replannedLater ? ledger[ledger.length - 1]?.date : (m.baselineDate ?? ledger[ledger.length - 1]?.date);
    // A forecast that has passed with the milestone not reached is stale: it cannot come before the status date.
    const forecastPassed = !actualDate && m.forecastDate !== undefined && m.forecastDate < asOf;
    const outcome = actualDate ?? (forecastPassed ? asOf : m.forecastDate);
    const slip = baselineDate && outcome ? wd(baselineDate, outcome) : undefined;
    let status: MilestoneSlip["status"];
    if (!baselineDate) status = "no-baseline";
    else if (actualDate) status = slip === 0 ? "achieved-on-time" : (slip ?? 0) > 0 ? "achieved-late" : "achieved-early";
    else if (baselineDate < asOf) status = "overdue";
    else status = slip !== undefined && slip > 0 ? "forecast-late" : "on-track";
    return {
      id: m.id, name: m.name, key: m.key, originalDate: original, baselineDate, forecastDate: m.forecastDate, actualDate,
      slip, slipFromOriginal: original && outcome ? wd(original, outcome) : undefined, status, ledger,
      ...(forecastPassed ? { forecastPassed } : {}),
    };
  });
}
