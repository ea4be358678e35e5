/**
 * rollout: checklist templates (with the default IT rollout template), T-minus scheduling in working days around
 * blackouts, item life and automatic evidence checks, waves, readiness progress and go/no-go gates.
 *
 * @module
 */
export * from "./template.js";
export { DEFAULT_IT_ROLLOUT_TEMPLATE } from "./default-template.js";
export { orderByDependencies, type DependencyNode } from "./dependency-order.js";
export {
  scheduleRollout,
  dueDateFor,
  blackoutWarnings,
  type BlackoutWarning,
  type CutoverStepWarning,
  type DependantWarning,
  type ScheduleRolloutOptions,
  type ScheduledRolloutItem,
  type RolloutSchedule,
  type ScheduleFinding,
  type BlackoutMove,
} from "./schedule.js";
export * from "./schedule-checklist.js";
export * from "./instantiate.js";
export * from "./evidence-check.js";
export * from "./item-life.js";
export * from "./item-transitions.js";
export * from "./gate.js";
export * from "./readiness.js";
export * from "./waves.js";
