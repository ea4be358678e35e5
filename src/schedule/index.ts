/**
 * schedule: the plan itself — dependency network, CPM dates and float, status-date rescheduling, resource demand and
 * levelling, Monte Carlo schedule risk. Pure functions; the status date and the random seed are always arguments.
 *
 * @module
 */
export * from "./types.js";
export { scheduleNetwork } from "./schedule-network.js";
export { analyseScheduleRisk } from "./risk/analyse.js";
export { compareFinishForecasts } from "./forecast-table.js";
export { levelResources } from "./resources/level.js";
export { resourceLoad } from "./resources/load.js";
