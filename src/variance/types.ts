import type { Baseline, CostEntry, WorkPackage } from "../entities/index.js";
import type { IsoDate, WorkingCalendar } from "../core/index.js";
import type { PeriodGridSpec } from "./period-grid.js";

/** The project an earned-value analysis is about: its id and where it sits in the portfolio. */
export interface EvmProjectRef {
  /** Project id. */
  readonly id: string;
  /** Project name, for reports. */
  readonly name?: string | undefined;
  /** Programme it belongs to. */
  readonly programmeId?: string | undefined;
  /** Portfolio it belongs to. */
  readonly portfolioId?: string | undefined;
  /** Baseline performance is measured against when the options do not name one. */
  readonly activeBaseline?: number | undefined;
}

/** What an earned-value analysis reads: the project, its live packages (rules, progress, estimates), its baselines and its actual costs. */
export interface EarnedValueInput {
  /** The project (a decoded `Project` fits). */
  readonly project: EvmProjectRef;
  /** Live work packages: earning rule, progress records and bottom-up estimate to complete. */
  readonly workPackages: readonly WorkPackage[];
  /** Baselines of the project (the chosen one supplies BAC, time-phased PV and dates). */
  readonly baselines: readonly Baseline[];
  /** Actual cost entries (entries of other projects are ignored). */
  readonly costEntries: readonly CostEntry[];
}

/** One exchange rate of a rate table: 1 `from` = `rate` `to`, valid from `date` until the next rate. */
export interface FxRate {
  /** Currency converted from. */
  readonly from: string;
  /** Currency converted to. */
  readonly to: string;
  /** First day the rate applies. */
  readonly date: string;
  /** Units of `to` per unit of `from`, as a decimal string or number (above zero). */
  readonly rate: string | number;
}

/** Earned-value EAC methods. */
export type EacMethod = "cpi" | "budget-rate" | "cpi-spi" | "bottom-up" | "earned-schedule";

/** Policy choices, each with a documented default. */
export interface EvmPolicy {
  /** EV above BAC: clamp to BAC with a warning (default) or reject with a ValidationError. */
  readonly evAboveBac?: "clamp" | "reject";
  /** How a time-phased slice is spread over its days: calendar days (default, "evenly over start–finish") or working days. */
  readonly spread?: "calendar-days" | "working-days";
  /** Which EAC is "the" EAC: the first method with a figure (default cpi, then bottom-up, then budget-rate). */
  readonly eacOrder?: readonly EacMethod[];
  /**
   * When a level-of-effort package starts earning (EV ≡ PV): once a progress record says it started (default,
   * `"once-started"`), or from its planned start without any record (`"from-planned-start"`: support work that
   * simply runs with the calendar).
   */
  readonly levelOfEffort?: "once-started" | "from-planned-start";
  /**
   * The unit of earned-schedule time (PD, AT, ES, SV(t), IEAC(t)): working days on the calendar (default) or periods
   * of the grid (Lipke's original form: ES = C + (EV − PV_C) / (PV_{C+1} − PV_C)), counted from the baseline start.
   */
  readonly timeUnit?: "working-days" | "periods";
}

/** Options of an earned-value analysis. The status date is required: there is no hidden "today". */
export interface EarnedValueOptions {
  /** The status (data) date: progress and actuals up to and including this day count. */
  readonly statusDate: IsoDate | string;
  /** Baseline number 0–10 to measure against (default: the project's active baseline, else the highest). */
  readonly baseline?: number;
  /** Working calendar (default Monday–Friday). */
  readonly calendar?: WorkingCalendar;
  /** Period grid for series, earned-schedule points and period figures (default weekly). */
  readonly grid?: PeriodGridSpec;
  /** Policy choices. */
  readonly policy?: EvmPolicy;
  /** Exchange rates for actuals in other currencies (an entry's own `fxRate` wins when it converts to the baseline currency). */
  readonly fxRates?: readonly FxRate[];
}

/** A warning about the data or the method, with the package it concerns. */
export interface EvmWarning {
  /** Stable code. */
  readonly code:
    | "loe-hides-schedule-variance"
    | "zero-hundred-spans-periods"
    | "split-rule-spans-periods"
    | "ev-clamped-to-bac"
    | "actuals-after-status-date"
    | "package-without-baseline"
    | "baseline-package-not-live"
    | "actual-for-unknown-package"
    | "baseline-captured-after-status-date"
    | "estimate-after-status-date";
  /** The package concerned, if any. */
  readonly packageId?: string;
  /** Plain-words explanation. */
  readonly message: string;
}
