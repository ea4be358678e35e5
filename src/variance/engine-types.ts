import type { EarningRule } from "../entities/index.js";
import type { DayIndex } from "./day-index.js";
import type { PeriodGridSpec } from "./period-grid.js";
import type { EvmPolicy, EvmWarning } from "./types.js";

/** @internal One package in engine form: integer minor units in typed arrays. */
export interface CompiledPackage {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** Where the live package sits in the input (`["workPackages", i]`), for error paths. */
  readonly livePath: readonly (string | number)[];
  readonly rule: EarningRule["type"];
  readonly hasBaseline: boolean;
  readonly start: number;
  readonly finish: number;
  readonly bac: number;
  /** Slices ("cells"): first day, last day, amount, units (days) to spread over. */
  readonly sStart: Int32Array;
  readonly sEnd: Int32Array;
  readonly sAmt: Float64Array;
  readonly sUnits: Int32Array;
  /** Progress records: day, started so far, EV (minor units) under discrete rules at that record. */
  readonly pDay: Int32Array;
  readonly pStarted: Uint8Array;
  readonly pEarned: Float64Array;
  /** Day of the first `finished` record up to each record (NO_FINISH: not finished yet). */
  readonly pFirstFinish: Int32Array;
  /** Level of effort (EV ≡ PV once started). */
  readonly loe: boolean;
  /** Apportioned: base package index and factor num/den. */
  readonly apportion: { readonly base: number; readonly num: number; readonly den: number } | undefined;
  /** Bottom-up estimate to complete, minor units, or -1 when none was given. */
  readonly etc: number;
  /** Day of that estimate (`asOf`): it counts from this status date on. */
  readonly etcDay: number;
  /** Actuals sorted by day: day, cumulative minor units at the booking rate, and at the baseline rate. */
  readonly acDay: Int32Array;
  readonly acCum: Float64Array;
  readonly acCumBase: Float64Array;
}

/** @internal A project in engine form. */
export interface CompiledProject {
  readonly id: string;
  readonly name: string;
  readonly programmeId: string | undefined;
  readonly portfolioId: string | undefined;
  readonly currency: string;
  readonly baselineNumber: number | undefined;
  readonly start: number;
  readonly finish: number;
  readonly bac: number;
  readonly packages: readonly CompiledPackage[];
  /** Evaluation order: apportioned packages after their base. */
  readonly order: Int32Array;
  /** Actuals not charged to a package (counted at project level). */
  readonly unassigned: { readonly acDay: Int32Array; readonly acCum: Float64Array; readonly acCumBase: Float64Array };
  /** Ids of all actuals by day (to report those after the status date). */
  readonly actualDays: Int32Array;
  readonly actualIds: readonly string[];
  readonly days: DayIndex;
  /** The grid as asked for (a fiscal grid with its every listed period; `gridEnd` has the periods the project touches). */
  readonly grid: PeriodGridSpec;
  readonly gridEnd: Int32Array;
  /** Cumulative project PV at each period end (the S-curve of the baseline). */
  readonly pvCurve: Float64Array;
  /** The packages packed flat for the hot path. */
  readonly packed: PackedPackages;
  readonly policy: Required<EvmPolicy>;
  readonly warnings: readonly EvmWarning[];
  /**
   * Why AC at baseline rates is unknown at day t when it is (NaN): the pairs without a rate on the baseline capture
   * day among the actuals to t.
   */
  readonly noBaseRate: (t: number) => string;
}


/**
 * @internal A project's packages packed into a few flat typed arrays (package i's cells at offsets
 * `sOff[i]…sOff[i+1]`, its prefix sums at `i × K…`). The hot path reads these instead of dozens of small arrays per
 * package: at portfolio scale that is the difference between streaming memory and chasing pointers.
 */
export interface PackedPackages {
  readonly n: number;
  readonly bac: Float64Array;
  readonly etc: Float64Array;
  readonly etcDay: Int32Array;
  readonly finish: Int32Array;
  /** 1 = level of effort, 2 = apportioned, 0 = read from progress. */
  readonly kind: Uint8Array;
  readonly apBase: Int32Array;
  readonly apNum: Float64Array;
  readonly apDen: Float64Array;
  readonly hasBaseline: Uint8Array;
  readonly sOff: Int32Array;
  readonly sStart: Int32Array;
  readonly sEnd: Int32Array;
  readonly sAmt: Float64Array;
  readonly sUnits: Int32Array;
  readonly pOff: Int32Array;
  readonly pDay: Int32Array;
  readonly pStarted: Uint8Array;
  readonly pEarned: Float64Array;
  readonly pFirstFinish: Int32Array;
  readonly aOff: Int32Array;
  readonly acDay: Int32Array;
  readonly acCum: Float64Array;
  readonly acCumBase: Float64Array;
  /** Period-major prefix sums: cumulative PV of package i at period end k is `cumEnd[k × n + i]`. */
  readonly cumEnd: Float64Array;
  /** Period-major: index (within the package) of its first slice not finished by period end k. */
  readonly nextSlice: Int32Array;
}

