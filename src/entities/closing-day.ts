import { ValidationError, isIsoDate, type IsoDate } from "../core/index.js";

// One rule for "closed on a day that may not be recorded", shared by the RAID log (status) and rollout checklist items
// (rollout): calculators do not import each other, so it lives below both.

// `Z` or an offset; seconds and up to 9 fractional digits optional (canonical UTC instants included).
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * @internal An instant as a UTC ISO string (`2025-03-10T23:00:00.000Z`). Decoded instants already are; a record built
 * in memory with an offset (`2025-03-11T01:00:00+02:00`) is converted, so its UTC day is the one judged.
 *
 * @throws {ValidationError} at `path` when the text is not an instant with `Z` or an offset (a local time would depend
 *   on the machine's time zone).
 * @example
 * ```ts
 * utcInstantAt("2025-03-11T01:00:00+02:00", ["at"], "as-of check"); // "2025-03-10T23:00:00.000Z"
 * ```
 */
export function utcInstantAt(at: unknown, path: readonly (string | number)[], subject: string): string {
  // isIsoDate: a day that exists (Date.parse rolls 2025-02-30 over to 03-02).
  const ms = typeof at === "string" && WITH_OFFSET.test(at) && isIsoDate(at.slice(0, 10)) ? Date.parse(at) : Number.NaN;
  if (!Number.isFinite(ms)) throw ValidationError.single(path, `${JSON.stringify(at)} is not an instant (like 2026-11-25T14:03:00.000Z)`, subject);
  return new Date(ms).toISOString();
}

/**
 * @internal The latest calendar day any place has reached at instant `when`: the UTC day at `when` + 14 h (UTC+14).
 * A recorded day (done, skipped, cancelled, closed on …) is a calendar day without a zone, so a change stamped `when`
 * may record up to this day and no later: at 09:00 in Auckland (20:00 UTC the day before) "today" is that local day,
 * which the UTC day alone would refuse.
 *
 * @example
 * ```ts
 * latestLocalDay("2026-11-20T09:00:00.000Z"); // "2026-11-20" (23:00 UTC)
 * latestLocalDay("2026-11-20T20:00:00.000Z"); // "2026-11-21" (10:00 UTC the next day)
 * ```
 */
export function latestLocalDay(when: string): string {
  // The earliest a local day starts, relative to UTC: UTC+14 (Line Islands), 14 hours.
  return new Date(Date.parse(when) + 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * @internal The day a record's closing status counts from: `day` when recorded, else the UTC day of its `updatedAt`
 * (the rule of {@link closedSince}, without its explanation, for callers that need only the day).
 *
 * @throws {ValidationError} at `[...path, "updatedAt"]` when the day is needed and `updatedAt` is not an instant.
 * @example
 * ```ts
 * closingDay({ updatedAt: "2025-03-12T10:00:00.000Z" }, undefined, ["risks", 0], "RAG status"); // "2025-03-12"
 * ```
 */
export function closingDay(record: { readonly updatedAt: string }, day: IsoDate | undefined, path: readonly (string | number)[], subject: string): string {
  return day ?? utcInstantAt(record.updatedAt, [...path, "updatedAt"], subject).slice(0, 10);
}

/** @internal What {@link closedSince} finds. */
export interface ClosedSince {
  /** True when the record was closed (cancelled, withdrawn, superseded, skipped, …) by the day judged. */
  readonly closed: boolean;
  /** True when the record has no day for its closing status and the day judged is before its `updatedAt` day. */
  readonly statusUnknown: boolean;
  /** Why, in plain words. */
  readonly why: string;
}

/**
 * @internal A record whose status now says it was closed, judged on `asOf`: closed from `day` when given (the day
 * itself included: a day is judged at its end), else from the UTC day of its `updatedAt` (records made before the
 * closing day was kept; it had the status by then). Before that day it is not closed; without its own day whether it
 * already was is unknown, so it is counted as open (`statusUnknown`) — the unknown never makes a log, a gate or
 * readiness look better than the data shows. The rule of the RAID log (`cancelledOn`, `withdrawnOn`, `supersededOn`)
 * and of rollout checklist items (`skippedOn`, `notApplicableOn`).
 *
 * @throws {ValidationError} at `[...path, "updatedAt"]` when the day is needed and `updatedAt` is not an instant.
 * @example
 * ```ts
 * closedSince(action, { label: "cancelled", day: action.cancelledOn, countedAs: "open" }, isoDate("2025-03-10"), ["actions", 0], "overdue actions");
 * // { closed: false, statusUnknown: true, why: "cancelled with no day recorded, known only from 2025-03-12: unknown on 2025-03-10, counted as open" }
 * ```
 */
export function closedSince(
  record: { readonly updatedAt: string },
  change: { readonly label: string; readonly day: IsoDate | undefined; readonly countedAs: string },
  asOf: IsoDate,
  path: readonly (string | number)[],
  subject: string,
): ClosedSince {
  const { label, day, countedAs } = change;
  if (day !== undefined) return day <= asOf ? { closed: true, statusUnknown: false, why: `${label} on ${day}` } : { closed: false, statusUnknown: false, why: `${label} only on ${day}, after ${asOf}` };
  const since = closingDay(record, undefined, path, subject);
  if (since <= asOf) return { closed: true, statusUnknown: false, why: `${label} (no day recorded; by ${since})` };
  return { closed: false, statusUnknown: true, why: unknownClosingWhy(label, since, asOf, countedAs) };
}

/**
 * @internal Why a record closed without its day is counted as `countedAs` on `asOf`, a day before `since` (the UTC
 * day of its `updatedAt`): the words of {@link closedSince}, for callers that judge the day alone.
 *
 * @example
 * ```ts
 * unknownClosingWhy("occurred", "2026-11-20", "2026-06-30", "pending");
 * // "occurred with no day recorded, known only from 2026-11-20: unknown on 2026-06-30, counted as pending"
 * ```
 */
export function unknownClosingWhy(label: string, since: string, asOf: string, countedAs: string): string {
  return `${label} with no day recorded, known only from ${since}: unknown on ${asOf}, counted as ${countedAs}`;
}
