import type { IsoDate } from "../core/index.js";
import type { EntityOf } from "../entities/index.js";
import type { ClosedProject } from "../kpi/index.js";
import { earnedValue } from "../variance/index.js";

/** What a closed project's delivery figures are read from. */
export interface ClosedProjectRecords {
  readonly workPackages: readonly EntityOf<"work-package">[];
  readonly baselines: readonly EntityOf<"baseline">[];
  readonly costEntries: readonly EntityOf<"cost-entry">[];
}

/**
 * A closed project as the delivery KPIs (`onTimeDelivery`, `onBudget`) read it, from its own records at the status
 * date — projects carry no actual-finish or final-cost field, so these come from earned value:
 *
 * - baseline finish: the latest planned finish of the baseline earned value measures against (in force on the status
 *   date); none without a baseline, so the KPI says `no-baseline` rather than judging against the live plan;
 * - actual finish: earned value's, once every package has earned its budget (left out otherwise: `not-supplied`);
 * - budget: the baseline's BAC; actual cost: AC, only when the project has cost entries (no entry is no data, not a
 *   cost of 0 that would read as on budget);
 * - closed on: the project's status date, else its planned finish.
 *
 * @example
 * ```ts
 * closedProjectFigures(project, { workPackages, baselines, costEntries }, "2026-12-31").actualFinish; // "2026-12-18"
 * ```
 */
export function closedProjectFigures(project: EntityOf<"project">, records: ClosedProjectRecords, asOf: IsoDate | string): ClosedProject {
  const ev = earnedValue({ project, ...records }, { statusDate: asOf });
  const baseline = records.baselines.find((b) => b.projectId === project.id && b.number === ev.baseline);
  const baselineFinish = baseline?.workPackages.reduce<IsoDate | undefined>((last, w) => (last === undefined || w.plannedFinish > last ? w.plannedFinish : last), undefined);
  const costed = records.costEntries.some((c) => c.projectId === project.id);
  return {
    id: project.id,
    closedOn: project.statusDate ?? project.plannedFinish,
    ...(baselineFinish !== undefined ? { baselineFinish } : {}),
    ...(ev.actualFinish !== undefined ? { actualFinish: ev.actualFinish } : {}),
    ...(baseline !== undefined && ev.figures.bac.value !== undefined ? { budget: ev.figures.bac.value } : {}),
    ...(costed && ev.figures.ac.value !== undefined ? { actualCost: ev.figures.ac.value } : {}),
  };
}
