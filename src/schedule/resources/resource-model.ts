import { ValidationError, type Decimal, type ValidationIssue, type WorkingCalendar } from "../../core/index.js";
import type { NetworkSpec } from "../engine/read-network.js";
import { readDecimal } from "../engine/read-network.js";
import { CalendarTimeline } from "../engine/timeline.js";
import type { ScheduleAssignmentInput, ScheduleInput, ScheduleResourceInput } from "../types.js";

/** Units are compared in whole millionths, so 0.1 + 0.2 fits a capacity of 0.3 exactly. */
export const MICRO = 1_000_000;
/** The most units a resource or an assignment may have (sums of them stay exact integers of millionths). */
const MAX_UNITS = 1_000_000;

/** @internal Validated resources and assignments: units in millionths, calendars as timelines. */
export interface ResourceModel {
  readonly ids: readonly string[];
  readonly skills: readonly (readonly string[])[];
  readonly maxMicro: Float64Array;
  readonly calendars: readonly CalendarTimeline[];
  /** Per activity: the (resource, micro-units) pairs it uses, by resource id. */
  readonly uses: readonly (readonly { readonly r: number; readonly micro: number }[])[];
}

/**
 * @internal Validates resources and assignments against a network: unknown ids, duplicate resources, zero or negative
 * capacity, non-positive units, unknown calendars, skills that are not a list of distinct names — each an issue with
 * its path.
 */
export function readResources(
  spec: NetworkSpec,
  input: ScheduleInput,
  resources: readonly ScheduleResourceInput[],
  assignments: readonly ScheduleAssignmentInput[],
  origin: number,
): ResourceModel {
  const issues: ValidationIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  // Whole millionths, refused rather than rounded: 0.5004 + 0.5004 must not fit a capacity of 1.
  const micro = (u: Decimal, path: (string | number)[]): number => {
    if (u.decimalPlaces() > 6) bad(path, `units are counted in millionths: ${u.toFixed()} has more than 6 decimals`);
    else if (u.gt(MAX_UNITS)) bad(path, `at most 1,000,000 units, got ${u.toFixed()}`);
    return u.times(MICRO).round().toNumber();
  };
  if (!Array.isArray(resources)) bad(["resources"], "expected an array of resources");
  if (!Array.isArray(assignments)) bad(["assignments"], "expected an array of assignments");
  if (issues.length > 0) throw new ValidationError(issues, "resources");
  const index = new Map<string, number>();
  const maxMicro = new Float64Array(resources.length);
  const calendars: CalendarTimeline[] = [];
  const cache = new Map<WorkingCalendar, CalendarTimeline>();
  const timeline = (cal: WorkingCalendar) => {
    let t = cache.get(cal);
    if (!t) cache.set(cal, (t = new CalendarTimeline(cal, origin, spec.mpd, 4096)));
    return t;
  };
  resources.forEach((r, i) => {
    if (r === null || typeof r !== "object") {
      bad(["resources", i], "expected a resource object");
      return;
    }
    if (typeof r.id !== "string") bad(["resources", i, "id"], `${JSON.stringify(r.id)} is not an id`);
    if (index.has(r.id)) bad(["resources", i, "id"], `duplicate resource id ${r.id}`);
    index.set(r.id, i);
    const u = readDecimal(r.maxUnits, ["resources", i, "maxUnits"], issues);
    if (u !== undefined && !u.gt(0)) bad(["resources", i, "maxUnits"], `a resource needs capacity > 0, got ${u.toFixed()}`);
    maxMicro[i] = u === undefined ? 0 : micro(u, ["resources", i, "maxUnits"]);
    let cal = input.calendar;
    if (r.calendarId !== undefined) {
      cal = Object.hasOwn(input.calendars ?? {}, r.calendarId) ? input.calendars?.[r.calendarId] : undefined;
      if (cal === undefined) bad(["resources", i, "calendarId"], `unknown calendar ${JSON.stringify(r.calendarId)}`);
    }
    calendars.push(timeline(cal ?? spec.calendars[0] as WorkingCalendar));
    // A skill named twice counted the resource twice under it (demand and capacity doubled); a string is refused
    // here rather than failing as a TypeError when the skill rows are built.
    if (r.skills !== undefined) {
      if (!Array.isArray(r.skills)) bad(["resources", i, "skills"], "expected an array of skill names");
      else {
        const seen = new Set<string>();
        r.skills.forEach((s: unknown, k) => {
          if (typeof s !== "string") bad(["resources", i, "skills", k], `${JSON.stringify(s)} is not a skill name`);
          else if (seen.has(s)) bad(["resources", i, "skills", k], `duplicate skill ${s}`);
          else seen.add(s);
        });
      }
    }
  });
  const uses: { r: number; micro: number }[][] = spec.ids.map(() => []);
  const pairs = new Set<string>();
  assignments.forEach((a, k) => {
    if (a === null || typeof a !== "object") {
      bad(["assignments", k], "expected an assignment object");
      return;
    }
    const i = spec.index.get(a.activityId);
    const r = index.get(a.resourceId);
    if (i === undefined) bad(["assignments", k, "activityId"], `unknown activity ${JSON.stringify(a.activityId)}`);
    if (r === undefined) bad(["assignments", k, "resourceId"], `unknown resource ${JSON.stringify(a.resourceId)}`);
    const u = readDecimal(a.units, ["assignments", k, "units"], issues);
    if (u !== undefined && !u.gt(0)) bad(["assignments", k, "units"], "units must be > 0");
    // One row per activity and resource: a repeated row (an import run twice) would double the demand unnoticed.
    if (i !== undefined && r !== undefined && pairs.has(`${i}/${r}`)) bad(["assignments", k], `${a.activityId} is assigned ${a.resourceId} twice (one row per activity and resource)`);
    else if (i !== undefined && r !== undefined) pairs.add(`${i}/${r}`);
    if (i !== undefined && r !== undefined && u !== undefined) (uses[i] as { r: number; micro: number }[]).push({ r, micro: micro(u, ["assignments", k, "units"]) });
  });
  if (issues.length > 0) throw new ValidationError(issues, "resources");
  // Each activity's resources by id, never assignment order: the first blocked resource a levelling delay names
  // (and which resource is checked first) depended on the order the assignments were listed in.
  const ids = resources.map((r) => r.id);
  for (const us of uses) if (us.length > 1) us.sort((x, y) => ((ids[x.r] as string) < (ids[y.r] as string) ? -1 : 1));
  return { ids, skills: resources.map((r) => r.skills ?? []), maxMicro, calendars, uses };
}
