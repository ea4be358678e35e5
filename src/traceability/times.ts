import { instant, isInstant, isInstantInput, type ValidationIssue } from "../core/index.js";

/*
 * The instants traceability compares — when an item changed, a run was executed, a link was made or reviewed, an
 * acknowledgement given — are compared as strings, which orders them only in the canonical form
 * (`2026-11-20T10:00:00.000Z`): "…10:00:00Z" sorts after "…10:00:00.000Z", so the same instant written without
 * milliseconds used to count as later than `asOf`. Every such field is checked where it enters (a graph build or an
 * edit) and stored canonical; anything that is not a UTC instant is refused with its path.
 */

/** Instant fields of items (test runs add `executedAt`). */
export const ITEM_TIMES = ["updatedAt"] as const;
/** Instant fields of test runs. */
export const RUN_TIMES = ["updatedAt", "executedAt"] as const;
/** Instant fields of trace links. */
export const LINK_TIMES = ["createdAt", "updatedAt", "reviewedAt"] as const;
/** Instant fields of acknowledgements (required). */
export const ACK_TIMES = ["acknowledgedAt"] as const;

const EXPECTED = "expected a UTC instant (2026-11-20T10:00:00.000Z)";

/** The problem with one optional instant value at `path`, or undefined when it is absent or an instant. */
export function instantIssue(value: unknown, path: readonly (string | number)[], required = false): ValidationIssue | undefined {
  if (value === undefined && !required) return undefined;
  return isInstantInput(value) ? undefined : { path: [...path], message: EXPECTED, code: "custom" };
}

/** Problems with a record's instant fields (each at `path` + field). */
export function timeIssues(record: object, fields: readonly string[], path: readonly (string | number)[], required = false): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const f of fields) {
    // A run's executedAt is required (the TestRun schema's rule): without it no run can be told latest.
    const issue = instantIssue((record as Record<string, unknown>)[f], [...path, f], required || f === "executedAt");
    if (issue) issues.push(issue);
  }
  return issues;
}

/**
 * The record with its instant fields in canonical form: the same object when they already are (the common case,
 * records from the codecs), a shallow copy otherwise. Call after {@link timeIssues} found nothing.
 */
export function canonicalTimes<T extends object>(record: T, fields: readonly string[]): T {
  let copy: Record<string, unknown> | undefined;
  for (const f of fields) {
    const v = (record as Record<string, unknown>)[f];
    if (typeof v !== "string" || isInstant(v)) continue;
    copy ??= { ...(record as Record<string, unknown>) };
    copy[f] = instant(v);
  }
  return (copy ?? record) as T;
}

/** Whether instant `at` lies after `asOf` (so, as of then, had not happened); never without an `asOf`. */
export const after = (at: string | undefined, asOf: string | undefined): boolean => asOf !== undefined && (at ?? "") > asOf;

/** A canonical instant, or undefined for undefined (the value was checked before). */
export function canonicalInstant(value: string | undefined): string | undefined {
  return value === undefined || isInstant(value) ? value : instant(value);
}
