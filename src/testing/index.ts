/**
 * `pmokit/testing` — the storage adapter conformance kit. The storage port's contract, as a test suite you run
 * against your own adapter with your own test runner.
 *
 * @module
 */
export { runAdapterConformance, checkAdapterConformance, conformanceSuites, type ConformanceResult } from "./conformance.js";
export { ConformanceFailure } from "./assert.js";
export type { ConformanceOptions, ConformanceRunner, ConformanceSuite, ConformanceTest, ConformanceContext, ConformanceFaults } from "./types.js";
