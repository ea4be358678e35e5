/**
 * variance: is it on track, is it on budget — earned value, earned schedule, forecasts, time series, milestone
 * slips, budget variance, re-baselining, multi-currency and forecast ranges. Pure functions; the status date is
 * always an argument.
 *
 * @module
 */
export * from "./types.js";
export { periodGrid, type Period, type PeriodGrid, type PeriodGridSpec } from "./period-grid.js";
export * from "./fiscal-quarters.js";
export type { EacFamily, EvmFigures } from "./figures.js";
export type { EarnedScheduleFigures, IeacFamily } from "./schedule-figures.js";
export { earnedValue, type EarnedValueResult, type PackageEarnedValue } from "./earned-value.js";
export * from "./roll-up.js";
export * from "./series.js";
export * from "./milestones.js";
export * from "./budget-variance.js";
export * from "./history.js";
export * from "./forecast-range.js";
export * from "./weighted-eac.js";
export * from "./compiled.js";
export * from "./from-rows.js";
export { agileEarnedValue, type AgileEvmInput, type AgileEvmFigures, type AgileEvmResult, type PlannedSprint } from "./agile-evm.js";
