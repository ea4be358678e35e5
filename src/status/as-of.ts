import { ValidationError, type IsoDate } from "../core/index.js";
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
