import { ValidationError, checkArguments, checkOptionKeys, decimal, isMoney, metric, missing, type Decimal, type Metric, type MetricMissing, type Money, type ValidationIssue } from "../core/index.js";
import { fromMinor, productRatioRoundBig, toFraction, toMinorBig } from "./exact.js";
import type { EvmFigures } from "./figures.js";

/** The weights of a composite EAC: CPI's and SPI's, each a decimal ≥ 0, together 1 (e.g. 0.8 and 0.2). */
export interface EacWeights {
  /** Weight of CPI. */
  readonly cpi: string | number;
  /** Weight of SPI. */
  readonly spi: string | number;
}

/** A composite EAC with its ETC and VAC, each a figure or the reason it is missing. */
export interface WeightedEac {
  /** EAC = AC + (BAC − EV) / (w_CPI · CPI + w_SPI · SPI). */
  readonly eac: Metric<Money>;
  /** ETC = EAC − AC. */
  readonly etc: Metric<Money>;
  /** VAC = BAC − EAC. */
  readonly vac: Metric<Money>;
  /** The weights as exact decimals. */
  readonly weights: { readonly cpi: Decimal; readonly spi: Decimal };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/**
 * The composite (weighted-index) estimate at completion: the rest of the work at a performance factor that weighs
 * cost and schedule efficiency, EAC = AC + (BAC − EV) / (w_CPI · CPI + w_SPI · SPI) — PMBOK's weighted variants (an
 * 80/20 or 50/50 split of CPI and SPI; wInsight's "weighted cost schedule" forecast). Weights 1/0 give EAC₁ (BAC / CPI),
 * 0/1 the rest at SPI. Formed from the figures' exact cents and the weights' exact fractions and rounded once to the
 * minor unit (half-even): ETC = (BAC − EV) · AC · PV / (EV · (w_CPI · PV + w_SPI · AC)).
 *
 * Missing with the index's own reason when an index with a weight above 0 is missing (`before-start`, `ac-is-zero`,
 * `ac-is-negative`, `pv-is-zero`, `no-baseline`), and `ev-is-zero` when nothing is earned (the factor is 0).
 * Works on an `earnedValue` result's figures and on a roll-up's.
 *
 * @param figures - `earnedValue(...).figures` (or a roll-up's): BAC, PV, EV, AC, CPI and SPI are read.
 * @param weights - CPI's and SPI's weight: decimals ≥ 0 adding up to exactly 1.
 * @throws {ValidationError} at `weights.cpi` / `weights.spi` for a weight that is not a decimal ≥ 0, at `weights`
 *   when they do not add up to 1, and at `figures.<name>` for figures that are not earned-value figures.
 * @example
 * ```ts
 * // BAC 100,000, PV 40,000, EV 35,000, AC 63,000: CPI 0.5556, SPI 0.875, factor 0.8 × 0.5556 + 0.2 × 0.875.
 * const r = weightedEac(earnedValue(input, { statusDate: "2027-01-24" }).figures, { cpi: "0.8", spi: "0.2" });
 * r.eac.value?.amount.toFixed(2); // "167932.74"
 * ```
 */
export function weightedEac(figures: Pick<EvmFigures, "bac" | "pv" | "ev" | "ac" | "cpi" | "spi">, weights: EacWeights): WeightedEac {
  checkArguments("weightedEac", { figures: [figures, "object"], weights: [weights, "object"] });
  checkOptionKeys("weightedEac", weights, { cpi: 1, spi: 1 } satisfies Record<keyof EacWeights, 1>, ["weights"]);
  const f = figures as unknown as Record<string, unknown>;
  for (const k of ["bac", "pv", "ev", "ac", "cpi", "spi"]) {
    const m = f[k];
    const money = k !== "cpi" && k !== "spi";
    if (!isObject(m) || (m.value !== undefined && (money ? !isMoney(m.value) : false))) {
      throw ValidationError.single(["figures", k], "expected earned-value figures (an earnedValue result's)", "weighted EAC");
    }
  }
  const issues: ValidationIssue[] = [];
  const weight = (k: "cpi" | "spi"): Decimal => {
    try {
      const d = decimal((weights as unknown as Record<string, unknown>)[k] as string);
      if (d.isNeg()) issues.push({ path: ["weights", k], message: "a weight must not be negative", code: "custom" });
      return d;
    } catch (e) {
      issues.push({ path: ["weights", k], message: e instanceof ValidationError ? (e.issues[0]?.message ?? "not a decimal") : "not a decimal", code: "custom" });
      return decimal(0);
    }
  };
  const wc = weight("cpi"), ws = weight("spi");
  if (issues.length === 0 && !wc.plus(ws).eq(1)) issues.push({ path: ["weights"], message: `the weights must add up to 1 (${wc.toFixed()} + ${ws.toFixed()} = ${wc.plus(ws).toFixed()})`, code: "custom" });
  if (issues.length) throw new ValidationError(issues, "weighted EAC");
  const w = { cpi: wc, spi: ws };
  const none = (m: MetricMissing): WeightedEac => ({ eac: m, etc: m, vac: m, weights: w });
  // An index with weight is needed (its reason carries: before-start, ac-is-zero, ac-is-negative, pv-is-zero, no-baseline).
  for (const [wk, idx] of [[wc, figures.cpi], [ws, figures.spi]] as const) if (!wk.isZero() && idx.value === undefined) return none(idx as MetricMissing);
  const { bac, pv, ev, ac } = figures;
  if (!bac.value || !pv.value || !ev.value || !ac.value) return none((figures.cpi.value === undefined ? figures.cpi : missing("no-baseline")) as MetricMissing);
  const cur = ac.value.currency;
  const units = (m: Money, k: string) => toMinorBig(m, ["figures", k], "weighted EAC");
  const B = units(bac.value, "bac"), P = units(pv.value, "pv"), E = units(ev.value, "ev"), A = units(ac.value, "ac");
  if (E === 0n) return none(missing("ev-is-zero", "nothing earned: the performance factor is 0"));
  // Factor = E · (a/d1 / A + b/d2 / P) = E · (a·d2·P + b·d1·A) / (d1·d2·A·P), a term dropped where its weight is 0.
  const c = toFraction(wc, ["weights", "cpi"], "weighted EAC"), s = toFraction(ws, ["weights", "spi"], "weighted EAC");
  const [a, d1, b, d2] = [c.num, c.den, s.num, s.den].map(BigInt) as [bigint, bigint, bigint, bigint];
  const an = a === 0n ? 0n : a * d2 * (b === 0n ? 1n : P), bn = b === 0n ? 0n : b * d1 * (a === 0n ? 1n : A);
  const aDen = a === 0n ? 1n : A, bDen = b === 0n ? 1n : P;
  // ETC = (B − E) / factor = (B − E) · d1·d2 · A' · P' / (E · (an + bn)), with A' = A, P' = P where the term is used.
  const etc = productRatioRoundBig([B - E, d1 * d2, aDen, bDen], [E, an + bn]);
  const eac = A + etc;
  return { eac: metric(fromMinor(eac, cur)), etc: metric(fromMinor(etc, cur)), vac: metric(fromMinor(B - eac, cur)), weights: w };
}
