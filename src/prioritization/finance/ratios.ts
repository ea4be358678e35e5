import { PmoDecimal, ValidationError, isMoney, missing, metric, type Decimal, type DecimalInput, type Metric, type Money, checkArguments, checkOptionKeys } from "../../core/index.js";
import { presentValue } from "./npv.js";
import { toDecimalOrUndefined, toFlows, toRate, type CashFlowInput } from "./flows.js";

function amountOf(v: DecimalInput | Money, subject: string, path: string): { d: Decimal; currency?: string } {
  const d = toDecimalOrUndefined(v);
  if (d === undefined) throw ValidationError.single([path], "must be a finite decimal or Money", subject);
  return isMoney(v) ? { d, currency: v.currency } : { d };
}

/**
 * Return on investment `(benefit − cost) / cost`, as a fraction (`0.25` = 25%). `cost-is-zero` when cost is zero.
 * The cost is a positive amount; a negative benefit (a loss) is allowed.
 *
 * @throws {ValidationError} for a non-finite input, a negative cost or Money in two currencies.
 * @example
 * ```ts
 * roi(money("1250000.00", "EUR"), money("1000000.00", "EUR")).value?.toFixed(); // "0.25"
 * ```
 */
export function roi(benefit: DecimalInput | Money, cost: DecimalInput | Money): Metric<Decimal> {
  const b = amountOf(benefit, "roi", "benefit");
  const c = amountOf(cost, "roi", "cost");
  if (b.currency !== undefined && c.currency !== undefined && b.currency !== c.currency) {
    throw ValidationError.single(["cost", "currency"], `benefit is in ${b.currency}, cost in ${c.currency}`, "roi");
  }
  // A cost entered as an outflow (−50) would flip the sign of the return ((100 + 50)/−50 = −3 instead of 1).
  if (c.d.lt(0)) throw ValidationError.single(["cost"], "cost must not be negative (give it as a positive amount)", "roi");
  return c.d.isZero() ? missing("cost-is-zero") : metric(b.d.minus(c.d).div(c.d));
}

/** Options of {@link benefitCostRatio}. */
export interface BenefitCostOptions {
  /** Discount rate per period (flow i at t = i, the first undiscounted). Default 0: plain sums. */
  readonly rate?: DecimalInput;
}

const BENEFIT_COST_OPTION_KEYS = { rate: 1 } satisfies Record<keyof BenefitCostOptions, 1>;

/**
 * Benefit-cost ratio `PV(benefits) / PV(costs)`, each a list of non-negative flows per period (t = 0, 1, …).
 * `cost-is-zero` when the costs' present value is zero.
 *
 * @throws {ValidationError} for a non-finite or negative flow, a rate ≤ −1, or an unknown option key (at `options.<key>`).
 * @example
 * ```ts
 * benefitCostRatio({ benefits: ["0", "600", "600"], costs: ["1000"] }).value?.toFixed(); // "1.2"
 * ```
 */
export function benefitCostRatio(
  flows: { readonly benefits: readonly CashFlowInput[]; readonly costs: readonly CashFlowInput[] },
  options: BenefitCostOptions = {},
): Metric<Decimal> {
  checkArguments("benefitCostRatio", { flows: [flows, "object"], options: [options, "object?"] });
  checkOptionKeys("benefitCostRatio", options, BENEFIT_COST_OPTION_KEYS, ["options"]);
  const b = toFlows(flows.benefits, "benefitCostRatio", ["benefits"]);
  const c = toFlows(flows.costs, "benefitCostRatio", ["costs"]);
  const neg = [
    ...b.flatMap((x, i) => (x.isNegative() ? [{ path: ["benefits", i], message: "benefits must not be negative", code: "custom" }] : [])),
    ...c.flatMap((x, i) => (x.isNegative() ? [{ path: ["costs", i], message: "costs must not be negative (give them as positive amounts)", code: "custom" }] : [])),
  ];
  if (neg.length > 0) throw new ValidationError(neg, "benefitCostRatio");
  const r = options.rate === undefined ? new PmoDecimal(0) : toRate(options.rate, "benefitCostRatio", ["options", "rate"]);
  const pvC = presentValue(r, c, 0);
  return pvC.isZero() ? missing("cost-is-zero") : metric(presentValue(r, b, 0).div(pvC));
}

/** Inputs of {@link expectedCommercialValue}. */
export interface EcvInput {
  /** NPV of the future earnings if the project succeeds commercially. */
  readonly npv: DecimalInput | Money;
  /** Probability of commercial success, 0–1. */
  readonly commercialSuccess: DecimalInput;
  /** Probability of technical success, 0–1. */
  readonly technicalSuccess: DecimalInput;
  /** Cost to commercialise (launch). */
  readonly commercialisationCost: DecimalInput | Money;
  /** Remaining development cost. */
  readonly developmentCost: DecimalInput | Money;
}

/**
 * Expected commercial value `ECV = (NPV·p_cs − C)·p_ts − D` (Cooper's risk-adjusted value), exact in decimals.
 *
 * @throws {ValidationError} for probabilities outside 0–1 or non-finite amounts.
 * @example
 * ```ts
 * // (1,000,000 × 0.5 − 100,000) × 0.8 − 200,000 = 120,000
 * expectedCommercialValue({ npv: "1000000", commercialSuccess: "0.5", technicalSuccess: "0.8",
 *   commercialisationCost: "100000", developmentCost: "200000" }).toFixed(); // "120000"
 * ```
 */
export function expectedCommercialValue(input: EcvInput): Decimal {
  checkArguments("expectedCommercialValue", { input: [input, "object"] });
  const npvD = amountOf(input.npv, "expectedCommercialValue", "npv").d;
  const c = amountOf(input.commercialisationCost, "expectedCommercialValue", "commercialisationCost").d;
  const d = amountOf(input.developmentCost, "expectedCommercialValue", "developmentCost").d;
  const prob = (v: DecimalInput, path: string): Decimal => {
    const p = toDecimalOrUndefined(v);
    if (p === undefined || p.lt(0) || p.gt(1)) throw ValidationError.single([path], "a probability is between 0 and 1", "expectedCommercialValue");
    return p;
  };
  const ecv = npvD.times(prob(input.commercialSuccess, "commercialSuccess")).minus(c).times(prob(input.technicalSuccess, "technicalSuccess")).minus(d);
  // A negative NPV times a zero probability is −0 in decimal.js; the figure reads plain 0.
  return ecv.isZero() ? new PmoDecimal(0) : ecv;
}
