/**
 * pmokit — the Project Management Office toolkit: exact money and dates, the PMO domain model as zod codecs, a
 * storage port with typed repositories and an in-memory reference adapter, and the calculators a PMO runs on —
 * scoring and portfolio selection, rollout readiness, RAG status and KPIs.
 *
 * Heavier or optional parts live behind subpaths: `pmokit/testing` (adapter conformance kit), `pmokit/highs`
 * (HiGHS solver), `pmokit/sql` (Kysely adapter), `pmokit/io` (MS Project, ReqIF, CSV, datasets),
 * `pmokit/reports` (HTML, Markdown, CSV, JSON and SVG charts) and `pmokit/office` (the sample office and the
 * whole-office builders).
 *
 * @packageDocumentation
 */
export * from "./core/index.js";
export * from "./entities/index.js";
export * from "./storage/index.js";
export * from "./prioritization/index.js";
export * from "./selection/index.js";
export * from "./rollout/index.js";
export * from "./status/index.js";
export * from "./kpi/index.js";
export * from "./traceability/index.js";
export * from "./variance/index.js";
export * from "./schedule/index.js";
export * from "./services/index.js";
