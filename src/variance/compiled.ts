import { ValidationError, fromEpochDay, isIsoDate, toEpochDay, type IsoDate, checkArguments, checkOptionKeys } from "../core/index.js";
import { EV_OPTION_KEYS, checkEarnedValueArguments, compileProject, refuseFarSpan } from "./compile.js";
import { resultFrom, type EarnedValueResult } from "./earned-value.js";
import type { CompiledProject } from "./engine-types.js";
import { figuresFrom } from "./figures.js";
import { evaluateProject } from "./kernel.js";
import { NO_FINISH } from "./packed.js";
import { rollUpPortfolio, type EarnedValueRollUp, type WithoutBaseline } from "./roll-up.js";
import { scheduleFiguresFrom, spiTFraction } from "./schedule-figures.js";
import type { EarnedValueInput, EarnedValueOptions } from "./types.js";

/**
 * A project prepared for repeated earned-value evaluation: amounts as integer minor units in typed arrays, the
 * calendar compiled to a working-day index, the baseline's cumulative PV as prefix sums over the period grid.
 * Compile once per data change; evaluate at any status date.
 */
export interface CompiledEarnedValue {
  /** Project id. */
  readonly projectId: string;
  /** Baseline currency. */
  readonly currency: string;
  /** The engine form (opaque: its shape may change between versions). */
  readonly engine: unknown;
}

/**
 * Compiles a project for fast repeated evaluation (see {@link evaluateEarnedValue}). `options.statusDate` sets the
 * range the calendar index covers and, when `options.baseline` is not given, picks the baseline in force on that
 * date; other status dates still work, against that same baseline (use {@link performanceHistory} to follow
 * re-baselines).
 *
 * @throws {ValidationError} for bad input, as {@link earnedValue} does.
 * @example
 * ```ts
 * const compiled = compileEarnedValue(input, { statusDate: "2026-11-20", grid: { kind: "weekly" } });
 * evaluateEarnedValue(compiled, "2026-11-27").figures.spi;
 * ```
 */
export function compileEarnedValue(input: EarnedValueInput, options: EarnedValueOptions): CompiledEarnedValue {
  checkEarnedValueArguments("compileEarnedValue", input, options, EV_OPTION_KEYS);
  const cp = compileProject(input, options);
  return { projectId: cp.id, currency: cp.currency, engine: cp };
}

/**
 * The status date as an epoch day, within `earnedValue`'s bound for each project: its dates (planned, as compiled, and
 * its cost entries') and the status date span at most 400 years, so a compiled project refuses where `earnedValue`
 * refuses (the compile date does not count: it only sized the compiled calendar).
 */
function statusDay(statusDate: string, projects: readonly CompiledProject[]): number {
  if (!isIsoDate(statusDate)) throw ValidationError.single(["statusDate"], "a status date (YYYY-MM-DD) is required", "earned value");
  const t = toEpochDay(statusDate as IsoDate);
  for (const cp of projects) {
    let lo = t, hi = t;
    for (const p of cp.packages) { lo = Math.min(lo, p.start); hi = Math.max(hi, p.finish); }
    // In day order: the first and the last.
    const a = cp.actualDays;
    if (a.length > 0) { lo = Math.min(lo, a[0] as number); hi = Math.max(hi, a[a.length - 1] as number); }
    refuseFarSpan(hi - lo);
  }
  return t;
}

/**
 * Evaluates a compiled project at a status date: the same result as {@link earnedValue}.
 *
 * @example
 * ```ts
 * const weekly = ["2026-11-06", "2026-11-13", "2026-11-20"].map((d) => evaluateEarnedValue(compiled, d));
 * ```
 */
export function evaluateEarnedValue(compiled: CompiledEarnedValue, statusDate: string): EarnedValueResult {
  checkArguments("evaluateEarnedValue", { compiled: [compiled, "object"] });
  checkArguments("evaluateEarnedValue", { engine: [compiled.engine, "object"] });
  const cp = compiled.engine as CompiledProject;
  return resultFrom(cp, evaluateProject(cp, statusDay(statusDate, [cp])));
}

/** A project's figures without the per-package detail (what a portfolio dashboard shows). */
export type ProjectEarnedValueSummary = Omit<EarnedValueResult, "packages" | "warnings" | "excludedActuals" | "cvSplit">;

/**
 * A whole portfolio at one status date: every project's figures and earned schedule (packages are computed but not
 * turned into per-package Metric objects), rolled up to programmes and portfolios. The fast path for dashboards
 * that recompute on every change. The roll-ups select their EAC by the projects' `policy.eacOrder` when all share
 * one, else by {@link rollUpPortfolio}'s default (cpi, bottom-up, budget-rate). Projects without a baseline are left
 * out of the roll-ups' figures and listed in their `withoutBaseline` (`options.withoutBaseline: "include-ac"` sums
 * their AC instead).
 *
 * @example
 * ```ts
 * const { projects, programmes, portfolios } = evaluatePortfolio(compiledProjects, "2026-11-20");
 * portfolios[0]?.figures.cpi;
 * portfolios[0]?.withoutBaseline.children; // projects without a baseline, left out of the figures
 * ```
 */
export function evaluatePortfolio(compiled: readonly CompiledEarnedValue[], statusDate: string, options: { readonly withoutBaseline?: WithoutBaseline } = {}): {
  readonly projects: readonly ProjectEarnedValueSummary[];
  readonly programmes: readonly EarnedValueRollUp[];
  readonly portfolios: readonly EarnedValueRollUp[];
} {
  checkArguments("evaluatePortfolio", { compiled: [compiled, "object[]"], options: [options, "object"] });
  checkOptionKeys("evaluatePortfolio", options, { withoutBaseline: 1 } satisfies Record<keyof NonNullable<Parameters<typeof evaluatePortfolio>[2]>, 1>);
  const t = statusDay(statusDate, compiled.map((c) => c.engine as CompiledProject));
  const projects = compiled.map((c): ProjectEarnedValueSummary => {
    const cp = c.engine as CompiledProject;
    const core = evaluateProject(cp, t);
    const s = spiTFraction(core, cp);
    const figures = figuresFrom({ ...core, hasBaseline: cp.baselineNumber !== undefined, spiT: s }, cp.currency, cp.policy.eacOrder);
    return {
      level: "project", id: cp.id, name: cp.name, programmeId: cp.programmeId, portfolioId: cp.portfolioId, statusDate: statusDate as IsoDate, baseline: cp.baselineNumber,
      currency: cp.currency, complete: core.complete, actualFinish: core.finishDay < NO_FINISH ? fromEpochDay(core.finishDay) : undefined, figures, schedule: scheduleFiguresFrom(core, cp, figures.cpi, s),
    };
  });
  // The projects' own EAC order when they share one (else the roll-up's default): a programme of projects that all
  // select EAC₂ selected EAC₁.
  const orders = new Set(compiled.map((c) => (c.engine as CompiledProject).policy.eacOrder.join()));
  const first = compiled[0]?.engine as CompiledProject | undefined;
  const without = options.withoutBaseline ? { withoutBaseline: options.withoutBaseline } : {};
  return { projects, ...rollUpPortfolio(projects, orders.size === 1 && first ? { eacOrder: first.policy.eacOrder, ...without } : without) };
}
