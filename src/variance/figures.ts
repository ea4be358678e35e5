import {
  PmoDecimal, metric, missing, type Decimal, type Metric, type MetricMissing, type Money,
} from "../core/index.js";
import { fromMinor, productRatioRoundBig } from "./exact.js";
import type { EacMethod } from "./types.js";

/** The five estimate-at-completion methods, each a figure or the reason it is missing. */
export interface EacFamily<T> {
  /** EAC₁ = BAC / CPI (MS Project's EAC): remaining work at the cost efficiency so far. */
  readonly cpi: Metric<T>;
  /** EAC₂ = AC + (BAC − EV): remaining work at the budgeted rate. */
  readonly budgetRate: Metric<T>;
  /** EAC₃ = AC + (BAC − EV) / (CPI · SPI): cost and schedule pressure both persist. */
  readonly cpiSpi: Metric<T>;
  /** EAC₄ = AC + bottom-up ETC (the packages' own estimates). */
  readonly bottomUp: Metric<T>;
  /** EAC₅ = AC + (BAC − EV) / (CPI · SPI(t)): the earned-schedule hybrid. */
  readonly earnedSchedule: Metric<T>;
}

/** Every classic earned-value figure at the status date. Money in the baseline currency; indices as exact decimals. */
export interface EvmFigures {
  /** Budget at completion: the baseline's total. */
  readonly bac: Metric<Money>;
  /** Planned value (BCWS): baseline budget scheduled up to the status date. */
  readonly pv: Metric<Money>;
  /** Earned value (BCWP): budget of the work actually done. */
  readonly ev: Metric<Money>;
  /** Actual cost (ACWP) up to the status date. */
  readonly ac: Metric<Money>;
  /** Schedule variance SV = EV − PV. */
  readonly sv: Metric<Money>;
  /** Cost variance CV = EV − AC. */
  readonly cv: Metric<Money>;
  /** SV% = SV / PV × 100. */
  readonly svPercent: Metric<Decimal>;
  /** CV% = CV / EV × 100. */
  readonly cvPercent: Metric<Decimal>;
  /** Schedule performance index SPI = EV / PV. */
  readonly spi: Metric<Decimal>;
  /**
   * Cost performance index CPI = EV / AC: `ac-is-zero` with no actuals, `ac-is-negative` for a net credit (AC < 0),
   * and so are the figures resting on it (CSI, EAC₁, EAC₃, EAC₅, their ETC and VAC).
   */
  readonly cpi: Metric<Decimal>;
  /** Critical ratio CSI = CPI · SPI. */
  readonly csi: Metric<Decimal>;
  /** Percent complete = EV / BAC × 100. */
  readonly percentComplete: Metric<Decimal>;
  /** Percent spent = AC / BAC × 100: `ac-is-negative` for a net credit (AC < 0), as CPI. */
  readonly percentSpent: Metric<Decimal>;
  /** Estimate at completion by each method. */
  readonly eac: EacFamily<Money>;
  /** Estimate to complete (EAC − AC) by each method. */
  readonly etc: EacFamily<Money>;
  /** Variance at completion (BAC − EAC) by each method. */
  readonly vac: EacFamily<Money>;
  /** The EAC the policy selects: the first method in `eacOrder` with a figure. */
  readonly selectedEac: { readonly method: EacMethod | undefined; readonly value: Metric<Money> };
  /** To-complete performance index against BAC: (BAC − EV) / (BAC − AC). */
  readonly tcpiBac: Metric<Decimal>;
  /** To-complete performance index against the selected EAC: (BAC − EV) / (EAC − AC). */
  readonly tcpiEac: Metric<Decimal>;
  /** True when AC has reached BAC with work left: BAC cannot be met; use `tcpiEac`. */
  readonly bacUnattainable: boolean;
}

/** @internal Summed inputs of a figure set, in minor units. */
export interface Sums {
  readonly bac: number;
  readonly pv: number;
  readonly ev: number;
  readonly ac: number;
  /** Bottom-up ETC, -1 when missing. */
  readonly etc: number;
  readonly beforeStart: boolean;
  readonly hasBaseline: boolean;
  /** SPI(t) as num/den (den 0: missing with `reason` and `detail`). */
  readonly spiT: { readonly num: number | bigint; readonly den: number | bigint; readonly reason: string; readonly detail?: string };
}

/** @internal The SPI(t) of a package or a roll-up: earned schedule is per project (so no EAC₅ there). */
export const PROJECT_LEVEL_ONLY: Sums["spiT"] = { num: 0, den: 0, reason: "project-level-only", detail: "SPI(t) is per project" };

/** @internal An exact Decimal of a whole number (minor units, a fraction's part). */
export const D = (n: number | bigint) => new PmoDecimal(n.toString());

/** @internal Builds every figure from the sums (the edge where integers become Money and Decimal). */
export function figuresFrom(s: Sums, currency: string, eacOrder: readonly EacMethod[]): EvmFigures {
  const m = (units: number | bigint): Metric<Money> => metric(fromMinor(units, currency));
  const { bac, pv, ev, ac } = s;
  // One rule for every index: before the baseline start there is no performance to measure, whatever was booked early.
  const early: MetricMissing | undefined = s.beforeStart ? missing("before-start", "the status date is before the baseline start") : undefined;
  const spi = early ?? (pv === 0 ? missing("pv-is-zero") : metric(D(ev).div(pv)));
  // EV = 0 with AC > 0 gives CPI 0 (0 / AC: plain 0, AC being positive); EAC₁ then has no figure. A net credit (AC < 0)
  // has no CPI, nor anything on it.
  const cpi = early ?? (ac === 0 ? missing("ac-is-zero") : ac < 0 ? missing("ac-is-negative") : metric(D(ev).div(ac)));
  const pct = (num: number, den: number, r: string) => (den === 0 ? missing(r) : metric(D(num).times(100).div(den)));
  // Forecasts in exact minor units, rounded once to the minor unit (half-even); Money is made at the end.
  const rest = bac - ev;
  // Bigint: a forecast from a tiny EV can pass 2^53 minor units and must keep every digit.
  type Cents = bigint | MetricMissing;
  const B = BigInt;
  const eacC: Record<keyof EacFamily<Money>, Cents> = {
    cpi: !cpi.value ? (cpi as MetricMissing) : ev === 0 ? missing("ev-is-zero", "CPI is 0: fall back to budget-rate or bottom-up") : productRatioRoundBig([bac, ac], [ev]),
    budgetRate: B(ac) + B(rest),
    cpiSpi: !spi.value ? (spi as MetricMissing) : !cpi.value ? (cpi as MetricMissing) : ev === 0 ? missing("ev-is-zero", "CPI · SPI is 0: fall back to budget-rate or bottom-up") : B(ac) + productRatioRoundBig([rest, ac, pv], [ev, ev]),
    bottomUp: s.etc < 0 ? missing("no-estimate", "a package that is not finished has no estimate to complete") : B(ac) + B(s.etc),
    earnedSchedule: !cpi.value ? (cpi as MetricMissing) : !s.spiT.den ? missing(s.spiT.reason, s.spiT.detail) : !s.spiT.num || ev === 0 ? missing("ev-is-zero", "CPI · SPI(t) is 0: fall back to budget-rate or bottom-up") : B(ac) + productRatioRoundBig([rest, ac, s.spiT.den], [ev, s.spiT.num]),
  };
  const fam = (g: (c: bigint) => bigint) =>
    Object.fromEntries(Object.entries(eacC).map(([k, c]) => [k, typeof c === "bigint" ? m(g(c)) : c])) as unknown as EacFamily<Money>;
  const eac = fam((c) => c);
  // "budget-rate" → "budgetRate".
  const key = (k: EacMethod) => k.replace(/-(.)/g, (_, c: string) => c.toUpperCase()) as keyof EacFamily<Money>;
  const chosen = eacOrder.find((k) => eac[key(k)].value !== undefined);
  const selected = chosen ? eac[key(chosen)] : missing("no-eac", "no EAC method in the policy's order has a figure");
  const bacUnattainable = bac !== ev && bac <= ac;
  const zero = metric(D(0));
  const tcpiBac = early ?? (bac === ev ? zero : bacUnattainable ? missing("bac-unattainable", "AC has reached BAC with work left: use TCPI against EAC") : metric(D(rest).div(bac - ac)));
  const selC = chosen ? (eacC[key(chosen)] as bigint) : 0n;
  const tcpiEac = early ?? (!selected.value ? (selected as Metric<Decimal>) : rest === 0 ? zero : selC - B(ac) <= 0n ? missing("divisor-is-zero", "EAC does not exceed AC") : metric(D(rest).div(D(selC - B(ac)))));
  const out: EvmFigures = {
    bac: m(bac), pv: m(pv), ev: m(ev), ac: m(ac), sv: m(ev - pv), cv: m(ev - ac),
    svPercent: early ?? pct(ev - pv, pv, "pv-is-zero"),
    cvPercent: early ?? pct(ev - ac, ev, "ev-is-zero"),
    spi, cpi, csi: spi.value && cpi.value ? metric(spi.value.times(cpi.value)) : (spi.value ? cpi : spi),
    percentComplete: pct(ev, bac, "bac-is-zero"), percentSpent: ac < 0 && bac ? missing("ac-is-negative") : pct(ac, bac, "bac-is-zero"),
    eac, etc: fam((c) => c - B(ac)), vac: fam((c) => B(bac) - c),
    selectedEac: { method: chosen, value: selected }, tcpiBac, tcpiEac, bacUnattainable,
  };
  if (s.hasBaseline) return out;
  // No baseline: every figure but AC is no-baseline.
  const noBl = missing("no-baseline");
  const all = <T,>(o: object) => Object.fromEntries(Object.keys(o).map((k) => [k, noBl])) as T;
  const none = all<EacFamily<Money>>(eacC);
  return { ...all<EvmFigures>(out), ac: out.ac, eac: none, etc: none, vac: none, selectedEac: { method: undefined, value: noBl }, bacUnattainable: false };
}
