import { PmoDecimal, ValidationError, checkArguments, checkOptionKeys, missing, metric, type Decimal, type DecimalInput, type Metric } from "../../core/index.js";
import { toFlows, toRate, type CashFlowInput } from "./flows.js";

/** Options of {@link paybackPeriod}. */
export interface PaybackOptions {
  /** Discount each flow at this rate per period first (discounted payback). Default: none. */
  readonly discountRate?: DecimalInput;
  /**
   * Which crossing to report when the cumulative flow turns negative again after first reaching zero (a later
   * outlay, e.g. a major upgrade): `"first"` (default, the classic payback) or `"final"` — the last time the
   * cumulative flow reaches zero and then stays at or above it to the end.
   */
  readonly crossing?: "first" | "final";
}

const PAYBACK_OPTION_KEYS = { discountRate: 1, crossing: 1 } satisfies Record<keyof PaybackOptions, 1>;

/**
 * Payback period in periods: when the cumulative flows (flow i at t = i, optionally discounted) first come back up
 * from below zero, interpolated linearly inside the period that recovers them: `(k − 1) + (−C_{k−1}) / CF_k` for the
 * first k with `C_{k−1} < 0 ≤ C_k`. A zero or positive first flow before the outlay is not a payback (0, −100, +150
 * pays back at 1.6667). Zero when the cumulative flow is never below zero (nothing to recover); `never-pays-back`
 * when it never comes back to zero. The interpolation assumes the period's flow arrives evenly through it; the whole
 * number of periods is the figure rounded up. Whether the (discounted) cumulative flow is below, at or above zero is
 * decided exactly, in integers: −200,000, +50,000, +187,000 at 10 % comes back to exactly 0 and pays back at 2.
 *
 * @throws {ValidationError} for a non-finite flow, a rate ≤ −1, or an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * // Hand-derived: −1000, then 400 a year → cumulative −600, −200, +200 → 2 + 200/400 = 2.5 years
 * paybackPeriod(["-1000", "400", "400", "400"]).value?.toFixed(); // "2.5"
 * ```
 */
export function paybackPeriod(flows: readonly CashFlowInput[], options: PaybackOptions = {}): Metric<Decimal> {
  checkArguments("paybackPeriod", { options: [options, "object?"] });
  checkOptionKeys("paybackPeriod", options, PAYBACK_OPTION_KEYS, ["options"]);
  const all = paybackCrossings(flows, options);
  const crossing = options.crossing ?? "first";
  if (crossing !== "first" && crossing !== "final") {
    throw ValidationError.single(["options", "crossing"], 'crossing must be "first" or "final"', "paybackPeriod");
  }
  return crossing === "first" ? all.first : all.final;
}

/** Every moment the cumulative flow reaches zero from below, and the first and final payback. */
export interface PaybackCrossings {
  /** The classic payback: the first time the cumulative flow comes back to zero from below (0 when it is never below zero). */
  readonly first: Metric<Decimal>;
  /** The last time it reaches zero and then stays at or above it to the end (`never-pays-back` if it ends below). */
  readonly final: Metric<Decimal>;
  /** Every crossing from below zero to zero or above, in periods, ascending; `[0]` when the cumulative flow is never below zero. */
  readonly crossings: readonly Decimal[];
}

/**
 * Every payback crossing of the cumulative flow (interpolated like {@link paybackPeriod}), with the first and the
 * final one. Flows that recover, dip below zero again (a second outlay) and recover later have two crossings.
 *
 * @throws {ValidationError} for a non-finite flow, a rate ≤ −1, or an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * // −1000, +600, +600 (cum +200 at 2: crossing at 1 + 400/600), −500 (cum −300), +600 (cum +300: 3 + 300/600)
 * const p = paybackCrossings(["-1000", "600", "600", "-500", "600"]);
 * p.first.value?.toFixed(4); // "1.6667"
 * p.final.value?.toFixed(4); // "3.5000"
 * ```
 */
export function paybackCrossings(flows: readonly CashFlowInput[], options: PaybackOptions = {}): PaybackCrossings {
  checkArguments("paybackCrossings", { options: [options, "object?"] });
  checkOptionKeys("paybackCrossings", options, PAYBACK_OPTION_KEYS, ["options"]);
  const f = toFlows(flows, "paybackPeriod");
  const base = options.discountRate === undefined ? new PmoDecimal(1) : toRate(options.discountRate, "paybackPeriod", ["options", "discountRate"]).plus(1);
  if (f.length === 0) return { first: missing("no-data", "no flows"), final: missing("no-data", "no flows"), crossings: [] };
  // In integers, exactly: with b = 1 + rate = B/10^e and flows F_i/10^s, S_k = Σ_{i≤k} F_i·B^(k−i)·10^(e·i) is the
  // discounted cumulative C_k = Σ_{i≤k} CF_i/b^i times the positive b^k·10^(s+e·k), so it has C_k's sign. Dividing each
  // flow in 34 digits first lost exact zeros: −200,000 + 50,000/1.1 + 187,000/1.21 is 0, and came out one unit of
  // the last digit short, so a project paying back at 2 years was reported as never paying back.
  const s = f.reduce((m, x) => Math.max(m, x.decimalPlaces()), 0);
  const e = base.decimalPlaces();
  const B = BigInt(base.toFixed(e).replace(".", ""));
  const step = 10n ** BigInt(e);
  let scale = 1n; // 10^(e·k)
  const crossings: Decimal[] = [];
  // Nothing is recovered before something is owed: a zero or positive first flow is no payback at t = 0 when an
  // outlay follows (this reported 0 for 0, −100, +150). Only a cumulative flow that never goes below zero pays back at 0.
  let cum = BigInt(f[0]!.toFixed(s).replace(".", ""));
  let owed = cum < 0n;
  for (let k = 1; k < f.length; k++) {
    scale *= step;
    const flow = BigInt(f[k]!.toFixed(s).replace(".", "")) * scale;
    const next = cum * B + flow;
    // A crossing: below zero before period k, at or above zero after it; linear within the period, at
    // (k − 1) + (−C_{k−1}) / (CF_k/b^k) = (k − 1) + (−S_{k−1}·B) / (F_k·10^(e·k)).
    if (cum < 0n && next >= 0n) crossings.push(new PmoDecimal(String(-cum * B)).div(String(flow)).plus(k - 1));
    cum = next;
    owed ||= cum < 0n;
  }
  if (!owed) crossings.push(new PmoDecimal(0));
  const never = missing("never-pays-back", "the cumulative flow never reaches zero");
  const first = crossings[0];
  const last = crossings[crossings.length - 1];
  return {
    first: first === undefined ? never : metric(first),
    final: last === undefined || cum < 0n ? missing("never-pays-back", "the cumulative flow ends below zero") : metric(last),
    crossings,
  };
}
