import type { Decimal, Metric, Money } from "../core/index.js";

/**
 * The figures RAG rules read. Every figure is a `Metric`, so one that could not be computed carries its reason
 * (`ac-is-zero`, `no-baseline`); a figure left out counts as missing (`not-supplied`). Earned-value figures (SPI,
 * CPI, SPI(t), EAC, BAC) come from the variance calculators; the counts can be derived by pmokit from the
 * project's milestones, risks and issues (see `ragStatus`) or from rollout readiness (`readinessFigures`).
 */
export interface RagFigures {
  /** Schedule performance index EV ÷ PV. */
  readonly spi?: Metric<Decimal>;
  /** Cost performance index EV ÷ AC. */
  readonly cpi?: Metric<Decimal>;
  /** Time-based schedule performance index ES ÷ AT (earned schedule). */
  readonly spiT?: Metric<Decimal>;
  /** Estimate at completion. */
  readonly eac?: Metric<Money>;
  /** Budget at completion. */
  readonly bac?: Metric<Money>;
  /**
   * Forecast finish minus baseline finish, in calendar days (positive = late) — or in working days when `ragStatus`
   * derives it with `finishSlipUnit: "working-days"`. One you supply is read in the unit of your rule's tolerance.
   */
  readonly finishSlipDays?: Metric<Decimal>;
  /** Key milestones past their baseline day (in the baseline in force on the status date) and not achieved. */
  readonly missedKeyMilestones?: Metric<Decimal>;
  /** Scope change against the baseline, as a percentage of the baseline scope (any measure the office uses). */
  readonly scopeChangePercent?: Metric<Decimal>;
  /** Open critical defects. */
  readonly openCriticalDefects?: Metric<Decimal>;
  /** Open high defects. */
  readonly openHighDefects?: Metric<Decimal>;
  /** Pending (open or monitored) risks with a high probability. */
  readonly highRisksPending?: Metric<Decimal>;
  /** Open critical issues. */
  readonly openCriticalIssues?: Metric<Decimal>;
  /** Hours planned for the period. */
  readonly plannedHours?: Metric<Decimal>;
  /** Hours allocated (committed) for the period. */
  readonly allocatedHours?: Metric<Decimal>;
  /** Hours actually booked in the period. */
  readonly actualHours?: Metric<Decimal>;
  /** Blocking rollout items past their due day (from `readinessFigures`). */
  readonly overdueBlockingItems?: Metric<Decimal>;
  /** Blocking rollout items open at a go/no-go gate that has come (from `readinessFigures`). */
  readonly openBlockingAtGoNoGo?: Metric<Decimal>;
  /** Your own figures, by name; rules may reference them. */
  readonly custom?: Readonly<Record<string, Metric<Decimal>>>;
}

/**
 * Names of the built-in decimal figures (what a rule's `figure` may name besides your custom ones).
 *
 * @example
 * ```ts
 * DECIMAL_FIGURES.includes("spi"); // true
 * ```
 */
export const DECIMAL_FIGURES = [
  "spi", "cpi", "spiT", "finishSlipDays", "missedKeyMilestones", "scopeChangePercent", "openCriticalDefects",
  "openHighDefects", "highRisksPending", "openCriticalIssues", "plannedHours", "allocatedHours", "actualHours",
  "overdueBlockingItems", "openBlockingAtGoNoGo",
] as const;

/** A built-in decimal figure name. */
export type DecimalFigureName = (typeof DECIMAL_FIGURES)[number];
