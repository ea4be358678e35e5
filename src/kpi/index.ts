/**
 * kpi: the KPIs a PMO and IT are measured by, each with its exact definition, a period filter and `Metric` results
 * (never a division by zero): delivery (on time, on budget, benefits realisation), portfolio (health, SV%, CV%),
 * resource utilisation, service availability and reliability (MTBF, MTRS, MTBSI), SLO error budget, burn rate and multi-window burn-rate alerts,
 * change failure rate, SLA breach %, CSAT, incident MTTA and MTTR; named periods (month, quarter, fiscal year, to date) and their instants.
 *
 * @module
 */
export { inPeriod, checkPeriod, kpiRatio, type KpiPeriod, type KpiRatio } from "./period.js";
export { monthPeriod, quarterPeriod, fiscalYearPeriod, periodToDate, periodInstants, type ClosedKpiPeriod, type FiscalYearOptions, type PeriodToDate } from "./named-periods.js";
export * from "./delivery.js";
export * from "./portfolio.js";
export * from "./availability.js";
export * from "./slo.js";
export * from "./burn-rate-alerts.js";
export * from "./service-management.js";
export * from "./incident-times.js";
