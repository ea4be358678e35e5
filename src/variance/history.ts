import { ValidationError, isIsoDate, toEpochDay, type Decimal, type IsoDate, type Metric, type Money, checkArguments } from "../core/index.js";
import type { Baseline } from "../entities/index.js";
import { earnedValue } from "./earned-value.js";
import { checkEarnedValueArguments } from "./compile.js";
import { chooseBaseline } from "../entities/baseline-in-force.js";
import type { EarnedValueInput, EarnedValueOptions } from "./types.js";

/** Performance at one date, measured against the baseline in force on that date. */
export interface PerformanceSnapshot {
  /** Snapshot date. */
  readonly date: IsoDate;
  /** Baseline number in force: the one earnedValue picks on that date (the active one once captured, else the highest captured by then; the lowest if none yet). */
  readonly baseline: number | undefined;
  /** BAC of that baseline. */
  readonly bac: Metric<Money>;
  /** PV, EV and AC against that baseline. */
  readonly pv: Metric<Money>;
  /** Earned value. */
  readonly ev: Metric<Money>;
  /** Actual cost (independent of the baseline). */
  readonly ac: Metric<Money>;
  /** SPI, CPI and SPI(t) against that baseline. */
  readonly spi: Metric<Decimal>;
  /** Cost performance index. */
  readonly cpi: Metric<Decimal>;
  /** Schedule performance index (time). */
  readonly spiT: Metric<Decimal>;
}

/** A re-baseline between two snapshots, with how much each figure jumped because of it (same date, old vs new baseline). */
export interface RebaselineEvent {
  /** First snapshot date under the new baseline. */
  readonly date: IsoDate;
  /** Baseline before. */
  readonly from: number | undefined;
  /** Baseline after. */
  readonly to: number | undefined;
  /** The new baseline's reason. */
  readonly reason: string;
  /** At `date`: figures against the old baseline (the continuation of the old trend). */
  readonly before: { readonly bac: Metric<Money>; readonly pv: Metric<Money>; readonly ev: Metric<Money>; readonly spi: Metric<Decimal>; readonly cpi: Metric<Decimal>; readonly spiT: Metric<Decimal> };
}

const HISTORY_OPTION_KEYS = { calendar: 1, grid: 1, policy: 1, fxRates: 1 } satisfies Record<keyof Omit<EarnedValueOptions, "statusDate" | "baseline">, 1>;

/**
 * Re-baseline-aware performance history: one snapshot per date, each measured against the baseline in force then
 * (versioned by number, capture date and reason), plus an event for each re-baseline showing the same date measured
 * against the old baseline — so a CPI, SPI or SPI(t) trend line stays continuous and every jump is explained.
 *
 * @example
 * ```ts
 * const { snapshots, rebaselines } = performanceHistory(input, ["2026-06-30", "2026-09-30", "2026-11-20"], { grid: { kind: "monthly" } });
 * rebaselines[0]?.before.spi; // SPI on 2026-09-30 had baseline 0 stayed in force
 * ```
 */
export function performanceHistory(
  input: EarnedValueInput,
  dates: readonly string[],
  options: Omit<EarnedValueOptions, "statusDate" | "baseline"> = {},
): { readonly snapshots: readonly PerformanceSnapshot[]; readonly rebaselines: readonly RebaselineEvent[] } {
  checkEarnedValueArguments("performanceHistory", input, options, HISTORY_OPTION_KEYS);
  checkArguments("performanceHistory", { dates: [dates, "array"] });
  dates.forEach((d, i) => { if (!isIsoDate(d)) throw ValidationError.single(["dates", i], "not a date", "performance history"); });
  // The baseline earnedValue itself picks on that day (the active one once captured, else the highest captured).
  const inForce = (d: string): Baseline | undefined => chooseBaseline(input, undefined, d);
  const sorted = [...dates].sort((a, b) => toEpochDay(a as IsoDate) - toEpochDay(b as IsoDate));
  const at = (d: string, b: Baseline | undefined) => earnedValue(input, { ...options, statusDate: d, ...(b ? { baseline: b.number } : {}) });
  const snapshots: PerformanceSnapshot[] = [];
  const rebaselines: RebaselineEvent[] = [];
  let prev: Baseline | undefined;
  sorted.forEach((d, i) => {
    const b = inForce(d);
    const r = at(d, b);
    const f = r.figures;
    snapshots.push({ date: d as IsoDate, baseline: b?.number, bac: f.bac, pv: f.pv, ev: f.ev, ac: f.ac, spi: f.spi, cpi: f.cpi, spiT: r.schedule.spiT });
    if (i > 0 && prev?.number !== b?.number) {
      const old = at(d, prev);
      rebaselines.push({ date: d as IsoDate, from: prev?.number, to: b?.number, reason: b?.reason ?? "",
        before: { bac: old.figures.bac, pv: old.figures.pv, ev: old.figures.ev, spi: old.figures.spi, cpi: old.figures.cpi, spiT: old.schedule.spiT } });
    }
    prev = b;
  });
  return { snapshots, rebaselines };
}
