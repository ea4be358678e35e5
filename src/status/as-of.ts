import { ValidationError, type IsoDate } from "../core/index.js";
import type { Issue, Risk } from "../entities/index.js";
import { closedSince, closingDay, unknownClosingWhy, utcInstantAt, type ClosedSince } from "../entities/closing-day.js";

// Status judged as of a day ignores what happened after it: a record raised later did not exist yet, and one closed
// or resolved later was still open then.

/**
 * A risk raised by `asOf` and open or monitored then: still open now, or closed or occurred only after `asOf`, and not
 * in an earlier closing then (`closings`: closed or occurred by `asOf`, reopened after it). An occurred risk without
 * `occurredOn` is pending before the UTC day of its `updatedAt` (see {@link riskOccurrence}); one whose `updatedAt` is
 * then needed and is not an instant is refused at `[...path, "updatedAt"]`, `path` naming the risk in the caller's input.
 */
export function riskPendingOn(r: Risk, asOf: IsoDate, path: readonly (string | number)[], subject: string): boolean {
  // An occurred risk not occurred by asOf (its day later, or unknown then) was pending; a closed one (closedOn is set
  // exactly when closed) until its closedOn.
  return r.raisedOn <= asOf && !occurredBy(r, asOf, path, subject) && !closedThen(r, asOf) && !(r.closedOn! <= asOf);
}

/**
 * The earlier closing of a reopened record (risk, issue, action) in force on `asOf`: closed (occurred, resolved, done,
 * cancelled) by `asOf` and reopened only after it. Its reopening day is its only day later than `asOf`.
 */
export function closedThen<C extends Readonly<Record<string, unknown>>>(r: { readonly closings?: readonly C[] | undefined }, asOf: IsoDate): C | undefined {
  // Only its days count (fields named …On): a decision's outcome or decider is text, not a day.
  return r.closings?.find((c) => (c["reopenedOn"] as string) > asOf && Object.entries(c).some(([f, day]) => f.endsWith("On") && (day as string) <= asOf));
}

/**
 * The earlier closing of a reopened record that had not happened yet on `asOf`: the first in `closings` reopened after
 * `asOf` whose days are all later than it (not {@link closedThen}). On `asOf` the record was open (or pending, awaiting
 * a decision) — the status before that closing, whatever its status is now (a change request withdrawn and put back to
 * draft was awaiting a decision before its withdrawal). `undefined` when no closing comes after `asOf`, or one is in
 * force on it.
 */
export function closingAfter<C extends Readonly<Record<string, unknown>>>(r: { readonly closings?: readonly C[] | undefined }, asOf: IsoDate): C | undefined {
  // Closings come in day order, so only the first reopened after asOf can hold asOf; later ones are wholly after it.
  return closedThen(r, asOf) ? undefined : r.closings?.find((c) => (c["reopenedOn"] as string) > asOf);
}

/**
 * Whether a risk had occurred by `asOf`: by its `occurredOn` when it has one; an `occurred` risk without it (records
 * made before the field existed) by the closing-day rule — occurred from the UTC day of its `updatedAt`, and before
 * that day unknown, counted as pending (`statusUnknown`), so the unknown never shrinks an earlier reserve. It used to
 * be taken as occurred on every day. `undefined` when the risk never occurred (as recorded).
 */
export function riskOccurrence(r: Risk, asOf: IsoDate, path: readonly (string | number)[], subject: string): ClosedSince | undefined {
  if (r.occurredOn !== undefined) return closedSince(r, { label: "occurred", day: r.occurredOn, countedAs: "pending" }, asOf, path, subject);
  if (r.status !== "occurred") return undefined;
  // In or before an earlier closing (reopened after asOf) it had not yet occurred this time: known, not unknown (in
  // one, it was closed then, and was flagged as counted pending while left out).
  const later = r.closings?.find((c) => c.reopenedOn > asOf);
  if (later) return { closed: false, statusUnknown: false, why: `occurred this time after ${later["reopenedOn"]}, after ${asOf}` };
  return closedSince(r, { label: "occurred", day: undefined, countedAs: "pending" }, asOf, path, subject);
}

/** A risk that had occurred by `asOf` (see {@link riskOccurrence}). */
export function occurredBy(r: Risk, asOf: IsoDate, path: readonly (string | number)[], subject: string): boolean {
  // The day alone (not closedSince's explanation): the RAG count reads only this, and its bundle has no room for prose.
  return (!!r.occurredOn || r.status === "occurred") && closingDay(r, r.occurredOn, path, subject) <= asOf;
}

/**
 * The assessment of a risk in force on `asOf`: the earlier one (`assessments`) replaced only after `asOf`, else its
 * current values. A risk that keeps no assessment history (no `assessments`, records made before it existed) and
 * changed after `asOf` (the UTC day of its `updatedAt` is later) is judged on its current values, a stated convention:
 * `why` then says so ("assessment with no day recorded, known only from 2026-03-05: unknown on 2026-02-15, counted as
 * current").
 */
export function riskAssessmentOn(r: Risk, asOf: IsoDate, path: readonly (string | number)[], subject: string): Pick<Risk, "probability" | "impact" | "costImpact"> & { readonly why?: string } {
  const earlier = r.assessments?.find((a) => a.reassessedOn > asOf);
  if (earlier) return earlier;
  const day = r.assessments ? "" : closingDay(r, undefined, path, subject);
  // The closing-day rule's words: the assessment's day is unknown, known only from the day of its last change.
  return day > asOf ? { ...r, why: unknownClosingWhy("assessment", day, asOf, "current") } : r;
}

/** An issue raised by `asOf` and open then: still open now, or resolved only after `asOf`, and not in an earlier resolution then. */
export function issueOpenOn(i: Issue, asOf: IsoDate): boolean {
  // resolvedOn is set exactly when resolved or closed; an earlier resolution (`closings`) counts in its period.
  return i.raisedOn <= asOf && !closedThen(i, asOf) && !(i.resolvedOn! <= asOf);
}


/**
 * The day a record was created: the UTC day of its `createdAt` instant (one built in memory with an offset,
 * `2026-03-11T01:00:00+02:00`, was made on 2026-03-10), as the closing-day rule reads `updatedAt`. A record without
 * one, or with a time that is no instant (no zone), is refused at `[...path, "createdAt"]`, not skipped.
 */
export function recordedOn(record: { readonly createdAt: string }, path: readonly (string | number)[], subject: string): string {
  if (typeof record.createdAt !== "string") throw ValidationError.single([...path, "createdAt"], "expected a decoded record with a createdAt instant", subject);
  return utcInstantAt(record.createdAt, [...path, "createdAt"], subject).slice(0, 10);
}
