import { checkOptionKeys, decimal, metric, missing, type Decimal, type Metric } from "../core/index.js";
import type { ItemAssessment } from "./item-life.js";

/** @internal The keys of `ReadinessOptions` (gate.ts keeps the list complete). */
export const READINESS_OPTION_KEYS = { asOf: 1, facts: 1 } as const;

/** @internal Refuses keys readiness options (and assessItem's) do not have, at `[key]`. */
export function checkReadinessKeys(subject: string, options: object): void {
  checkOptionKeys(subject, options, READINESS_OPTION_KEYS);
}

/**
 * Whether an assessed item is closed by its waiver, not by the work (an item whose evidence held before a later waiver
 * counts as done, not waived). @internal
 *
 * @example
 * ```ts
 * assessments.filter(closedByWaiver).length; // readiness' `waived`
 * ```
 */
export const closedByWaiver = (a: ItemAssessment): boolean => a.status === "waived" && a.state === "closed" && !a.done;

/** Readiness counts of a group of items. */
export interface ReadinessCount {
  /** Items in the group. */
  readonly total: number;
  /** Items done (status done or proven by their evidence rule). */
  readonly done: number;
  /** Items skipped by `asOf`. */
  readonly skipped: number;
  /** Items not applicable by `asOf`. */
  readonly notApplicable: number;
  /** Waived items with a valid waiver (in the denominator, not done). */
  readonly waived: number;
  /** `total − skipped − notApplicable`. */
  readonly applicable: number;
  /** `done ÷ applicable × 100`, or `no-applicable-items`. */
  readonly percent: Metric<Decimal>;
}

/**
 * @internal Readiness counts of judged items: done ÷ (total − skipped − not applicable). The readiness functions count
 * each group with it, and `evaluateGate` its scope.
 */
export function readinessCount(items: readonly ItemAssessment[]): ReadinessCount {
  const done = items.filter((a) => a.done).length;
  // Skipped or not applicable by asOf: before its day an item still counts (see assessItem).
  const skipped = items.filter((a) => a.state === "excluded" && a.status === "skipped").length;
  const notApplicable = items.filter((a) => a.state === "excluded" && a.status === "not-applicable").length;
  const waived = items.filter(closedByWaiver).length;
  const applicable = items.length - skipped - notApplicable;
  return {
    total: items.length,
    done,
    skipped,
    notApplicable,
    waived,
    applicable,
    percent: applicable === 0 ? missing("no-applicable-items") : metric(decimal(done).times(100).div(applicable)),
  };
}
