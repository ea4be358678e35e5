import { isInstantInput, ValidationError, type IsoDate } from "../core/index.js";
import type { Issue, Risk } from "../entities/index.js";

// Status judged as of a day ignores what happened after it: a record raised later did not exist yet, and one closed
// or resolved later was still open then.

/** A risk raised by `asOf` and open or monitored then: still open now, or closed or occurred only after `asOf`. */
export function riskPendingOn(r: Risk, asOf: IsoDate): boolean {
  if (r.raisedOn > asOf || occurredBy(r, asOf)) return false;
  // An occurred risk with its day is pending before it (checked above); without one, it occurred on every day.
  return r.status === "open" || r.status === "monitoring" || (r.status === "occurred" && r.occurredOn !== undefined) || (r.status === "closed" && r.closedOn !== undefined && r.closedOn > asOf);
}

/** A risk that had occurred by `asOf`: its `occurredOn` is on or before it, or it is `occurred` without a day. */
export function occurredBy(r: Risk, asOf: IsoDate): boolean {
  return r.occurredOn !== undefined ? r.occurredOn <= asOf : r.status === "occurred";
}

/** An issue raised by `asOf` and open then: still open now, or resolved only after `asOf`. */
export function issueOpenOn(i: Issue, asOf: IsoDate): boolean {
  if (i.raisedOn > asOf) return false;
  return i.status === "open" || i.status === "in-progress" || (i.resolvedOn !== undefined && i.resolvedOn > asOf);
}


/** The day a record was created (its `createdAt` instant's date); a record without one is refused, not skipped. */
export function recordedOn(record: { readonly createdAt: string }, path: readonly (string | number)[], subject: string): string {
  if (typeof record.createdAt !== "string") throw ValidationError.single([...path, "createdAt"], "expected a decoded record with a createdAt instant", subject);
  return record.createdAt.slice(0, 10);
}

/**
 * A record whose status now says it was closed without the day it happened (an action cancelled, a change request
 * withdrawn, a decision superseded, recorded before `cancelledOn` / `withdrawnOn` / `supersededOn` existed) as judged
 * on `asOf`: `day` when given, else the UTC day of its `updatedAt` (it had the status by then). Before that day it is
 * not closed; without its own day whether it already was is unknown, so it is counted as open (`statusUnknown`) — the
 * unknown never makes the log look better than the data shows. The rule rollout checklist items follow for
 * `skippedOn` / `notApplicableOn`.
 */
export function closedSince(
  record: { readonly updatedAt: string },
  change: { readonly label: string; readonly day: IsoDate | undefined; readonly countedAs: string },
  asOf: IsoDate,
  path: readonly (string | number)[],
  subject: string,
): { readonly closed: boolean; readonly statusUnknown: boolean; readonly why: string } {
  const { label, day, countedAs } = change;
  if (day !== undefined) return day <= asOf ? { closed: true, statusUnknown: false, why: `${label} on ${day}` } : { closed: false, statusUnknown: false, why: `${label} only on ${day}, after ${asOf}` };
  // A decoded instant is canonical UTC (`…Z`), so its first ten characters are its UTC day.
  if (!isInstantInput(record.updatedAt)) throw ValidationError.single([...path, "updatedAt"], "expected a decoded record with an updatedAt instant", subject);
  const since = record.updatedAt.slice(0, 10);
  if (since <= asOf) return { closed: true, statusUnknown: false, why: `${label} (no day recorded; by ${since})` };
  return { closed: false, statusUnknown: true, why: `${label} with no day recorded, known only from ${since}: unknown on ${asOf}, counted as ${countedAs}` };
}
