/**
 * pmokit — the Project Management Office toolkit: exact money and dates, the PMO domain model as zod codecs, and
 * a storage port with typed repositories and an in-memory reference adapter.
 *
 * @packageDocumentation
 */
export * from "./core/index.js";
export * from "./entities/index.js";
export * from "./storage/index.js";
