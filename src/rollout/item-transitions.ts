import { decodeWith, encodeWith, instant, isInstantInput, ValidationError, type Instant, type ValidationIssue, checkArguments, checkOptionKeys } from "../core/index.js";
import { checklistItemSchema, type ChecklistItem, type ChecklistItemWire } from "../entities/index.js";
import { futureIssues, keepStatusDays } from "./item-future.js";

/** A status change of a checklist item, in wire form (dates and instants as strings). */
export interface ItemStatusChange {
  /** The new status. */
  readonly status: ChecklistItem["status"];
  /** Why (required for skipped, not applicable and blocked). */
  readonly reason?: string;
  /** Completion day (required for done). */
  readonly completedOn?: string;
  /** Day the item was skipped (status skipped; default: the UTC day of the change, or the day it already had). */
  readonly skippedOn?: string;
  /** Day the item was found not applicable (status not-applicable; default as for `skippedOn`). */
  readonly notApplicableOn?: string;
  /** The waiver (required for waived): approver, reason, when granted, last valid day. */
  readonly waiver?: { readonly approvedBy: string; readonly reason: string; readonly grantedAt: string; readonly expiresOn: string };
}

/**
 * Moves a checklist item to a new status and returns the new item (version + 1, `updatedAt` = `at`), checked by
 * the checklist-item schema: skipped, not applicable and blocked need a reason; waived needs a waiver with an
 * approver and an expiry not before it was granted; done needs its completion day. Skipped and not applicable record
 * the day they took effect (`skippedOn`, `notApplicableOn`): the day given, else the day the item already had in that
 * status, else the UTC day of `at`; an item leaving the status drops it. Transitions stay in order: `at` is not
 * before the item's last change (`updatedAt`), and the change does not record the future — a completion, skip or
 * not-applicable day after the UTC day of `at`, or a waiver granted after `at`.
 *
 * @throws {ValidationError} with the path of each problem (`at`, `completedOn`, `skippedOn`, `notApplicableOn`,
 *   `waiver.grantedAt`, `statusReason`, `waiver.expiresOn`, …), and for a key of `change` it does not know (path
 *   `["change", key]`: a misspelt `skippedon` dated the skip on the day of the change).
 * @example
 * ```ts
 * const na = changeItemStatus(item, { status: "not-applicable", reason: "No database to back up" }, instant("2026-11-20T09:00:00Z"));
 * na.notApplicableOn; // "2026-11-20"
 * ```
 */
export function changeItemStatus(item: ChecklistItem, change: ItemStatusChange, at: Instant): ChecklistItem {
  checkArguments("changeItemStatus", { item: [item, "object"], change: [change, "object"], at: [at, "string"] });
  // A misspelt `skippedon` dated the skip on the day of the change, not the day given.
  checkOptionKeys("changeItemStatus", change, { status: 1, reason: 1, completedOn: 1, skippedOn: 1, notApplicableOn: 1, waiver: 1 } satisfies Record<keyof ItemStatusChange, 1>, ["change"]);
  if (!isInstantInput(at)) throw ValidationError.single(["at"], `${JSON.stringify(at)} is not a UTC date-time like 2026-11-25T14:03:00.000Z`, "status change");
  const when = instant(at);
  const issues: ValidationIssue[] = [];
  if (when < item.updatedAt) issues.push({ path: ["at"], message: `the change at ${when} comes before the item's last change (${item.updatedAt})`, code: "custom" });
  issues.push(...futureIssues(change, when));
  if (issues.length > 0) throw new ValidationError(issues, "status change");
  const wire = encodeWith(checklistItemSchema, item, "checklist item") as ChecklistItemWire & Record<string, unknown>;
  const next: Record<string, unknown> = { ...wire, status: change.status, version: item.version + 1, updatedAt: when };
  delete next["statusReason"];
  delete next["completedOn"];
  delete next["waiver"];
  if (change.reason !== undefined) next["statusReason"] = change.reason;
  if (change.completedOn !== undefined) next["completedOn"] = change.completedOn;
  if (change.waiver !== undefined) next["waiver"] = change.waiver;
  if (change.skippedOn !== undefined) next["skippedOn"] = change.skippedOn;
  if (change.notApplicableOn !== undefined) next["notApplicableOn"] = change.notApplicableOn;
  keepStatusDays(next, item, change, when);
  return decodeWith(checklistItemSchema, next, "checklist item");
}

/**
 * Records one piece of evidence on an item (a link, a file reference, a sign-off or a metric with its value) with
 * who recorded it and when, and returns the new item (`updatedAt` = the later of its last change and `recordedAt`).
 *
 * @throws {ValidationError} when the evidence is malformed (a metric without a value, a blank reference, …).
 * @example
 * ```ts
 * recordEvidence(item, { type: "metric", reference: "training.keyUsers.completionPercent", value: "92",
 *   recordedBy: "p-paul-richter", recordedAt: "2026-11-27T16:00:00Z" });
 * ```
 */
export function recordEvidence(
  item: ChecklistItem,
  evidence: { readonly type: "link" | "file" | "sign-off" | "metric"; readonly reference: string; readonly value?: string; readonly recordedBy: string; readonly recordedAt: string },
): ChecklistItem {
  checkArguments("recordEvidence", { item: [item, "object"], evidence: [evidence, "object"] });
  const wire = encodeWith(checklistItemSchema, item, "checklist item") as ChecklistItemWire;
  // Evidence may be recorded after the fact; the item's own change time never goes back.
  const recorded = isInstantInput(evidence.recordedAt) ? instant(evidence.recordedAt) : evidence.recordedAt;
  const updatedAt = recorded > item.updatedAt ? recorded : item.updatedAt;
  const next = { ...wire, evidence: [...(wire.evidence ?? []), evidence], version: item.version + 1, updatedAt };
  return decodeWith(checklistItemSchema, next, "checklist item");
}
