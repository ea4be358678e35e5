/**
 * pmokit — the Project Management Office toolkit.
 *
 * @packageDocumentation
 */
export * from "./core/index.js";
