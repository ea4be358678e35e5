/*
 * The scheduling calculators' input and result types, in one place for the layers that build inputs (io, reports,
 * CLI). Inputs are plain data (decimals as exact strings or finite numbers, dates as ISO strings); results carry
 * Decimal, Money, IsoDate and the explanation of every date. These files only grow: fields are added, never renamed
 * or removed.
 */
export * from "./types/network.js";
export * from "./types/result.js";
export * from "./types/resources.js";
export * from "./types/risk.js";
export * from "./types/risk-correlation.js";
