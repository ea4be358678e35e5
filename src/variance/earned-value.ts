import { fromEpochDay, metric, missing, toEpochDay, type IsoDate, type Metric, type Money } from "../core/index.js";
import { fromMinor } from "./exact.js";
import type { EarningRule } from "../entities/index.js";
import { EV_OPTION_KEYS, checkEarnedValueArguments, compileProject, type CompiledProject } from "./compile.js";
import { PROJECT_LEVEL_ONLY, figuresFrom, type EvmFigures } from "./figures.js";
import { evaluateProject, type ProjectCore } from "./kernel.js";
import { NO_FINISH } from "./packed.js";
import { scheduleFiguresFrom, spiTFraction, type EarnedScheduleFigures } from "./schedule-figures.js";
import type { EarnedValueInput, EarnedValueOptions, EvmWarning } from "./types.js";

/** Earned value of one work package. */
export interface PackageEarnedValue {
  /** Package id. */
  readonly id: string;
  /** WBS code. */
  readonly code: string;
  /** Name. */
  readonly name: string;
  /** Earning rule used. */
  readonly earningRule: EarningRule["type"];
  /** False when the chosen baseline does not contain the package (its figures say `no-baseline`). */
  readonly inBaseline: boolean;
  /**
   * True when, as of the status date, a progress record says `finished` and the package has earned its whole budget
   * (level of effort: its planned finish has passed and it has earned its budget; apportioned: its base has finished
   * and its share is its whole budget, on the base's finish day unless it records its own). Its ETC is then 0; an
   * unfinished apportioned package without an estimate of its own has factor × its base's ETC.
   */
  readonly finished: boolean;
  /** True when EV was clamped to BAC (policy `evAboveBac: "clamp"`). */
  readonly clamped: boolean;
  /** The figures. */
  readonly figures: EvmFigures;
}

/** Earned value of a project at a status date: every figure, per package and rolled up, with what explains it. */
export interface EarnedValueResult {
  /** Always `"project"`. */
  readonly level: "project";
  /** Project id. */
  readonly id: string;
  /** Project name. */
  readonly name: string;
  /** Programme id, if any. */
  readonly programmeId: string | undefined;
  /** Portfolio id, if any. */
  readonly portfolioId: string | undefined;
  /** The status date. */
  readonly statusDate: IsoDate;
  /** Baseline number measured against (undefined: none found — figures say `no-baseline`). */
  readonly baseline: number | undefined;
  /** The baseline currency all money is in. */
  readonly currency: string;
  /** True once all value is earned (SV = 0 and SPI = 1 from here on, whatever the slip: see `schedule`). */
  readonly complete: boolean;
  /**
   * Actual finish (the last package's finish) once complete and every package with a budget has finished; undefined
   * while one that earned its budget has not recorded its finish.
   */
  readonly actualFinish: IsoDate | undefined;
  /** Project figures: the packages merged. */
  readonly figures: EvmFigures;
  /** Earned-schedule figures. */
  readonly schedule: EarnedScheduleFigures;
  /** Per package, in baseline order (packages outside the baseline last). */
  readonly packages: readonly PackageEarnedValue[];
  /** Warnings about rules and data. */
  readonly warnings: readonly EvmWarning[];
  /** Ids of actual cost entries dated after the status date: excluded from AC. */
  readonly excludedActuals: readonly string[];
  /**
   * Cost variance split for multi-currency actuals: `performance` = EV − AC at the baseline's rates (the rate in force
   * on the baseline capture date), `fx` = AC at baseline rates − AC at booking rates. The two add up to CV exactly.
   * `no-baseline-rate` (naming the currency pair and the day) when an actual to date in another currency has no
   * `fxRates` rate in force on the baseline capture date: its cost at baseline rates is unknown. `no-baseline`
   * without a baseline, as CV.
   */
  readonly cvSplit: Metric<{ readonly acAtBaselineRates: Money; readonly performance: Money; readonly fx: Money }>;
}

/** @internal Figures and schedule from a compiled project and its evaluation. */
export function resultFrom(cp: CompiledProject, core: ProjectCore): EarnedValueResult {
  const order = cp.policy.eacOrder;
  const money = (units: number) => fromMinor(units, cp.currency);
  const spiT = spiTFraction(core, cp);
  const figures = figuresFrom({ ...core, hasBaseline: cp.baselineNumber !== undefined, spiT }, cp.currency, order);
  const clamped = new Set(core.clamped);
  const warnings: EvmWarning[] = [...cp.warnings];
  const packages = cp.packages.map((p, i): PackageEarnedValue => {
    const finished = core.finished_[i] !== NO_FINISH;
    const id = p.id, wasClamped = clamped.has(i);
    if (wasClamped) warnings.push({ code: "ev-clamped-to-bac", packageId: id, message: `EV of ${id} exceeded its BAC and was clamped to it` });
    if (p.etc >= 0 && p.etcDay > core.t && !finished) warnings.push({ code: "estimate-after-status-date", packageId: id, message: `the estimate to complete of ${id} is dated after the status date: not used (${core.etc_[i] as number < 0 ? "no-estimate" : "its ETC is its factor × its base's"})` });
    return {
      id, code: p.code, name: p.name, earningRule: p.rule, inBaseline: p.hasBaseline, finished, clamped: wasClamped,
      // The package's own BAC and hasBaseline; its figures at t from the core.
      figures: figuresFrom({ ...p, pv: core.pv_[i] as number, ev: core.ev_[i] as number, ac: core.ac_[i] as number,
        etc: core.etc_[i] as number, beforeStart: core.t < p.start, spiT: PROJECT_LEVEL_ONLY }, cp.currency, order),
    };
  });
  const excluded = cp.actualIds.slice(core.firstExcluded);
  if (excluded.length) warnings.push({ code: "actuals-after-status-date", message: `${excluded.length} actual cost entr${excluded.length === 1 ? "y is" : "ies are"} dated after the status date and excluded` });
  return {
    level: "project", id: cp.id, name: cp.name, programmeId: cp.programmeId, portfolioId: cp.portfolioId, statusDate: fromEpochDay(core.t),
    baseline: cp.baselineNumber, currency: cp.currency, complete: core.complete, actualFinish: core.finishDay < NO_FINISH ? fromEpochDay(core.finishDay) : undefined,
    figures, schedule: scheduleFiguresFrom(core, cp, figures.cpi, spiT), packages, warnings, excludedActuals: excluded,
    cvSplit: cp.baselineNumber === undefined ? missing("no-baseline") : isNaN(core.acBase) ? missing("no-baseline-rate", cp.noBaseRate(core.t))
      : metric({ acAtBaselineRates: money(core.acBase), performance: money(core.ev - core.acBase), fx: money(core.acBase - core.ac) }),
  };
}

/**
 * Earned value of a project at a status date against a chosen baseline (0–10): BAC, PV, EV, AC, SV, CV, SV%, CV%,
 * SPI, CPI, CSI, percent complete and spent, the EAC/ETC/VAC family, TCPI against BAC and EAC — per package and for
 * the project — plus the earned-schedule figures. Every figure is a `Metric`: a value or a typed reason.
 *
 * Money is exact: amounts become integer minor units inside, a partly elapsed time-phased slice contributes its
 * pro-rata share rounded half-even to the cent, forecasts are rounded once to the cent.
 *
 * Everything is judged as of the status date: progress, actuals, estimates to complete, and (when no baseline is
 * named) baselines dated after it are ignored. Before the baseline start every index is `before-start`.
 *
 * @throws {ValidationError} for bad input, each problem with its path: negative progress, a foreign-currency
 *   actual without a rate, a missing status date, EV above BAC (also from progress above 100 %) under policy
 *   `reject`, an apportioning cycle, an unknown policy value, a work package, baseline or cost entry listed twice
 *   (`["costEntries", 3, "id"]`).
 * @example
 * ```ts
 * const r = earnedValue({ project, workPackages, baselines, costEntries }, { statusDate: "2026-11-20", grid: { kind: "monthly" } });
 * if (r.figures.cpi.value) console.log(r.figures.cpi.value.toFixed(2)); else console.log(r.figures.cpi.reason);
 * r.schedule.forecastFinish.spiT; // { value: "2027-08-31" } — on the working calendar
 * ```
 */
export function earnedValue(input: EarnedValueInput, options: EarnedValueOptions): EarnedValueResult {
  checkEarnedValueArguments("earnedValue", input, options, EV_OPTION_KEYS);
  const cp = compileProject(input, options);
  return resultFrom(cp, evaluateProject(cp, toEpochDay(options.statusDate as IsoDate)));
}
