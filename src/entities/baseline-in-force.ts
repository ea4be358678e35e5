import { ValidationError } from "../core/index.js";
import type { Baseline } from "./baseline.js";

/** @internal The warning {@link chooseBaseline} gives when it skips or falls back across the status date. */
export interface BaselineChoiceWarning {
  readonly code: "baseline-captured-after-status-date";
  readonly message: string;
}

/** @internal What {@link chooseBaseline} reads: the project (its id and active baseline) and the baselines. */
export interface BaselineChoiceInput {
  /** The project (a decoded `Project` fits). */
  readonly project: { readonly id: string; readonly activeBaseline?: number | undefined };
  /** Baselines (those of other projects are ignored). */
  readonly baselines: readonly Baseline[];
}

/**
 * @internal Picks the baseline: the number asked for; else the one in force on the status date — the active one if it
 * was captured by then, else the highest captured by then; a re-baseline after the status date is ignored. When no
 * baseline was captured by the status date, the original plan (the lowest number) with a warning. The one rule that
 * `earnedValue`, `performanceHistory` and `ragStatus` measure against; `subject` names the caller in a
 * `ValidationError` (a baseline number outside 0–10).
 *
 * @example
 * ```ts
 * chooseBaseline({ project, baselines }, undefined, "2027-03-10")?.number; // 1: captured 2027-02-15, in force
 * ```
 */
export function chooseBaseline(input: BaselineChoiceInput, wanted: number | undefined, statusDate: string, warnings: { push(w: BaselineChoiceWarning): unknown } = [], subject = "earned value"): Baseline | undefined {
  const own = input.baselines.filter((b) => b.projectId === input.project.id);
  const valid = (n: number) => { if (!Number.isInteger(n) || n < 0 || n > 10) throw ValidationError.single(["baseline"], "baseline numbers are 0–10", subject); };
  if (wanted !== undefined) {
    valid(wanted);
    return own.find((b) => b.number === wanted);
  }
  const active = input.project.activeBaseline;
  if (active !== undefined) {
    valid(active);
    if (!own.some((b) => b.number === active)) return undefined; // the project names a baseline it does not have
  }
  const inForce = own.filter((b) => b.capturedAt.slice(0, 10) <= statusDate);
  const later = own.filter((b) => !inForce.includes(b)).sort((x, y) => x.number - y.number);
  const chosen = inForce.find((b) => b.number === active) ?? inForce.reduce<Baseline | undefined>((best, b) => (best === undefined || b.number > best.number ? b : best), undefined);
  const first = later[0];
  if (chosen === undefined && first !== undefined) {
    warnings.push({ code: "baseline-captured-after-status-date", message: `no baseline was captured by ${statusDate}: measured against baseline ${first.number} (captured ${first.capturedAt.slice(0, 10)}), the original plan` });
    return first;
  }
  // Say so when a re-baseline after the status date would otherwise have been chosen.
  const skipped = later.filter((b) => (active === undefined ? b.number > (chosen?.number ?? -1) : b.number === active));
  if (chosen !== undefined && skipped.length) {
    warnings.push({ code: "baseline-captured-after-status-date", message: `baseline ${skipped.map((b) => b.number).join(", ")} captured after ${statusDate} ignored: measured against baseline ${chosen.number}, in force on the status date` });
  }
  return chosen;
}
