export type { CashFlowInput } from "./flows.js";
export { npv, type NpvConvention, type NpvOptions } from "./npv.js";
export { irr, type IrrOptions, type RateMetric, type RateDiagnostics, type RateReason } from "./irr.js";
export { xnpv, xirr, type DatedCashFlow, type XirrOptions } from "./xnpv.js";
export { mirr } from "./mirr.js";
export { paybackPeriod, paybackCrossings, type PaybackOptions, type PaybackCrossings } from "./payback.js";
export { roi, benefitCostRatio, expectedCommercialValue, type BenefitCostOptions, type EcvInput } from "./ratios.js";
export * from "./annuity.js";
