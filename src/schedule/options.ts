import { PmoDecimal, ValidationError, checkOptionKeys, type Decimal, type ValidationIssue } from "../core/index.js";
import { readDay, readDecimal } from "./engine/read-network.js";
import type { LevellingOptions, MilestoneDating, OutOfSequenceRule, ScheduleOptions, StartLinkFloat, StartNoLaterThan, TotalFloatDefinition } from "./types.js";

/** @internal {@link ScheduleOptions}' keys (`checkOptionKeys`); the compiler keeps them complete. */
export const SCHEDULE_OPTION_KEYS = {
  totalFloat: 1, criticalDays: 1, nearCriticalDays: 1, outOfSequence: 1, finishBy: 1, milestoneDating: 1, startLinkFloat: 1, startNoLaterThan: 1,
} satisfies Record<keyof ScheduleOptions, 1>;
/** @internal {@link LevellingOptions}' keys. */
export const LEVELLING_OPTION_KEYS = { mode: 1, schedule: 1, alap: 1 } satisfies Record<keyof LevellingOptions, 1>;

/** @internal Options with their defaults applied. */
export interface ResolvedScheduleOptions {
  readonly totalFloat: TotalFloatDefinition;
  readonly criticalDays: Decimal;
  readonly nearCriticalDays: Decimal;
  readonly outOfSequence: OutOfSequenceRule;
  readonly finishBy: number | undefined;
  readonly milestoneDating: MilestoneDating;
  readonly startLinkFloat: StartLinkFloat;
  readonly startNoLaterThan: StartNoLaterThan;
}

/**
 * @internal Validates {@link ScheduleOptions} (unknown keys too) and applies the documented defaults; issues at `path`
 * + the option (`["schedule"]` for the options of `levelResources` and `resourceLoad` that carry them).
 */
export function resolveScheduleOptions(options: ScheduleOptions = {}, path: string[] = []): ResolvedScheduleOptions {
  checkOptionKeys("scheduleNetwork", options, SCHEDULE_OPTION_KEYS, path);
  const issues: ValidationIssue[] = [];
  const resolved = readScheduleOptions(options, issues);
  if (issues.length > 0) throw new ValidationError(issues.map((i) => ({ ...i, path: [...path, ...i.path] })), "schedule options");
  return resolved;
}

/**
 * @internal {@link resolveScheduleOptions} adding each problem to `issues` (at the option's path) instead of throwing,
 * for callers that gather their own (`analyseScheduleRisk`); a bad value reads as its default.
 */
export function readScheduleOptions(options: ScheduleOptions, issues: ValidationIssue[]): ResolvedScheduleOptions {
  const totalFloat = options.totalFloat ?? "smallest";
  if (!["start", "finish", "smallest"].includes(totalFloat)) {
    issues.push({ path: ["totalFloat"], message: "expected start, finish or smallest", code: "custom" });
  }
  const outOfSequence = options.outOfSequence ?? "retained-logic";
  if (!["retained-logic", "progress-override"].includes(outOfSequence)) {
    issues.push({ path: ["outOfSequence"], message: "expected retained-logic or progress-override", code: "custom" });
  }
  const milestoneDating = readMilestoneDating(options.milestoneDating, ["milestoneDating"], issues);
  const startLinkFloat = readStartLinkFloat(options.startLinkFloat, ["startLinkFloat"], issues);
  const startNoLaterThan = options.startNoLaterThan ?? "working-time";
  if (startNoLaterThan !== "working-time" && startNoLaterThan !== "exact") {
    issues.push({ path: ["startNoLaterThan"], message: "expected working-time or exact", code: "custom" });
  }
  const criticalDays = options.criticalDays === undefined ? new PmoDecimal(0) : readDecimal(options.criticalDays, ["criticalDays"], issues);
  const nearCriticalDays =
    options.nearCriticalDays === undefined ? new PmoDecimal(5) : readDecimal(options.nearCriticalDays, ["nearCriticalDays"], issues);
  const finishBy = options.finishBy === undefined ? undefined : readDay(options.finishBy, ["finishBy"], issues);
  return {
    totalFloat,
    criticalDays: (criticalDays ?? new PmoDecimal(0)) as Decimal,
    nearCriticalDays: (nearCriticalDays ?? new PmoDecimal(5)) as Decimal,
    outOfSequence,
    finishBy,
    milestoneDating,
    startLinkFloat,
    startNoLaterThan,
  };
}

/** @internal Reads a {@link MilestoneDating} option (default `"reached"`), adding an issue at `path` when it is neither. */
export function readMilestoneDating(value: unknown, path: (string | number)[], issues: ValidationIssue[]): MilestoneDating {
  if (value === undefined) return "reached";
  if (value === "reached" || value === "next-working-time") return value;
  issues.push({ path, message: "expected reached or next-working-time", code: "custom" });
  return "reached";
}

/** @internal Reads a {@link StartLinkFloat} option (default `"exact"`), adding an issue at `path` when it is neither. */
export function readStartLinkFloat(value: unknown, path: (string | number)[], issues: ValidationIssue[]): StartLinkFloat {
  if (value === undefined) return "exact";
  if (value === "exact" || value === "working-time") return value;
  issues.push({ path, message: "expected exact or working-time", code: "custom" });
  return "exact";
}
