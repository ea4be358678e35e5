import { minorUnits, roundMoney, ValidationError, type IsoDate, type Money } from "../../core/index.js";
import { decodeEntity, type EntityOf } from "../../entities/index.js";
import type { ReportBuilder } from "../report.js";
import type { MspdiElement } from "./element.js";
import { fieldDay, fieldMoney, fieldNum, fieldStr } from "./fields.js";
import { mspdiFinishDay, resolveMspdiCalendar, type MspdiCalendar } from "./calendar.js";

/** Who and what the imported project is in the office (MSPDI has no such fields). */
export interface MspdiMappingOptions {
  /** Id of the project to create; entity ids derive from it (`<id>-t12` for task UID 12). */
  readonly projectId: string;
  /** Project code (`PRJ-ERP`). */
  readonly projectCode: string;
  /** Project manager's person id. */
  readonly projectManagerId: string;
  /** Sponsor's person id. */
  readonly sponsorId: string;
  /** Who imported the file (baselines' `capturedBy`). */
  readonly importedBy: string;
  /** When (UTC instant): `createdAt`/`updatedAt` of every record and baselines' `capturedAt`. No clock is read. */
  readonly importedAt: string;
  /** Cost category of actual-cost entries (default `labour`). */
  readonly costCategory?: EntityOf<"cost-entry">["category"];
  /** Capex or opex for actual-cost entries (default `opex`). */
  readonly expenditure?: "capex" | "opex";
  /**
   * The unit of `LinkLag` under a percent `LagFormat` (19, 20, 51, 52), where writers disagree: `tenths` of a percent
   * (default: the unit Microsoft documents for `LinkLag`, and how several importers read it, so 500 is 50 %) or
   * `whole` percent (how MPXJ reads and writes it, so a file MPXJ wrote from an `.mpp` stores 50 % as 50). Each
   * percent lag read under the default is reported (`percent-lag-unit`), since the other reading is ten times larger.
   */
  readonly percentLagUnit?: MspdiPercentLagUnit;
}

/** How a percent lag's `LinkLag` is counted: tenths of a percent or whole percent (see `percentLagUnit`). */
export type MspdiPercentLagUnit = "tenths" | "whole";

/** What mapping one task needs from the whole file: the project's settings and the task outline. @internal */
export interface MspdiMapContext {
  readonly options: MspdiMappingOptions;
  readonly currency: string;
  readonly stamp: { readonly version: number; readonly createdAt: string; readonly updatedAt: string };
  readonly statusDate: IsoDate | undefined;
  readonly minutesPerDay: string;
  /** The unit of a percent lag's `LinkLag`. */
  readonly percentLagUnit: MspdiPercentLagUnit;
  /** `BaselineForEarnedValue` (default 0). */
  readonly evBaseline: number;
  /** Task UID → entity id. */
  readonly idOf: (uid: string) => string | undefined;
  /** The id of a task's parent (by outline number). */
  readonly parentOf: (task: MspdiElement) => string | undefined;
  /**
   * A task's own calendar by its `CalendarUID` (resolved through its base calendars); `undefined` for `-1` and the
   * project's calendar (the package then follows the project's), `"missing"` for a UID the file does not define.
   */
  readonly calendarOf: (uid: string) => MspdiCalendar | "missing" | undefined;
  /** The project's calendar (`CalendarUID`), when the file defines it. */
  readonly projectCalendar: MspdiCalendar | undefined;
}

/** Decodes a wire record, or records its problems (paths prefixed with `where`) and gives undefined. @internal */
export type MspdiDecode = <K extends Parameters<typeof decodeEntity>[0]>(kind: K, wire: unknown, where: string) => EntityOf<K> | undefined;

/**
 * A decoder that collects every record's problems into `issues` instead of stopping at the first.
 * @internal
 * @example
 * ```ts
 * const issues: ValidationError[] = [];
 * const decode = createMspdiDecoder(issues);
 * ```
 */
export function createMspdiDecoder(issues: ValidationError[]): MspdiDecode {
  return (kind, wire, where) => {
    try {
      return decodeEntity(kind, wire);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues.push(new ValidationError(e.issues.map((i) => ({ ...i, path: [where, ...i.path] })), kind));
      return undefined;
    }
  };
}

/**
 * A check that each resource or assignment id is used once: the second record with an id becomes a problem at
 * `["Resource[<id>]", "UID"]` (two records with one id would both come back as valid). Returns whether `id` is new.
 * @internal
 * @example
 * ```ts
 * const once = createMspdiIdCheck("resource", issues);
 * resources.filter((r) => once(r.id, uid));
 * ```
 */
export function createMspdiIdCheck(kind: "resource" | "assignment", issues: ValidationError[]): (id: string, uid: string) => boolean {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const element = kind === "resource" ? "Resource" : "Assignment";
  return (id, uid) => {
    if (!seen.has(id)) {
      seen.add(id);
      return true;
    }
    if (!repeated.has(id)) issues.push(ValidationError.single([`${element}[${id}]`, "UID"], `${kind} UID ${uid} is used by more than one ${kind}`, kind));
    repeated.add(id);
    return false;
  };
}

/**
 * @internal The file's working minutes per day (default 480): every duration and lag is divided by it, so anything but a
 * positive number is refused at its own path rather than as NaN or "Infinity" days at every task.
 */
export function minutesPerDayOf(project: MspdiElement): string {
  const text = fieldStr(project, "MinutesPerDay");
  if (text === undefined) return "480";
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || Number(text) <= 0) {
    throw ValidationError.single(["Project", "MinutesPerDay"], `expected a positive number of minutes, not "${text}"`, "MSPDI import");
  }
  return text.trim();
}

/** @internal The percent-lag unit option, refused at its path when it is neither of the two conventions. */
export function percentLagUnitOf(unit: unknown): MspdiPercentLagUnit {
  if (unit === undefined) return "tenths";
  if (unit === "tenths" || unit === "whole") return unit;
  throw ValidationError.single(["percentLagUnit"], `expected "tenths" or "whole", not ${JSON.stringify(unit)}`, "MSPDI options");
}

/**
 * The calendars of a project element (its `Calendars` list): a task's own by `CalendarUID` (see
 * `MspdiMapContext.calendarOf`) and the project's.
 * @internal
 * @example
 * ```ts
 * const { calendarOf, projectCalendar } = mspdiCalendars(document.project);
 * ```
 */
export function mspdiCalendars(project: MspdiElement): Pick<MspdiMapContext, "calendarOf" | "projectCalendar"> {
  const calendars = project.lists["calendars"] ?? [];
  const projectCalendar = fieldStr(project, "CalendarUID");
  const resolved = new Map<string, MspdiCalendar | "missing">();
  const calendarOf = (uid: string): MspdiCalendar | "missing" | undefined => {
    if (uid === "-1" || uid === projectCalendar) return undefined;
    if (!resolved.has(uid)) resolved.set(uid, resolveMspdiCalendar(calendars, uid) ?? "missing");
    return resolved.get(uid);
  };
  return { calendarOf, projectCalendar: projectCalendar === undefined ? undefined : resolveMspdiCalendar(calendars, projectCalendar) };
}

/**
 * The day a task's work finishes, as its package or milestone is dated (`mspdiFinishDay` on the task's own calendar,
 * else the project's; a summary on the project's; a milestone keeps its `Finish` day).
 * @internal
 * @example
 * ```ts
 * mspdiTaskFinishDay(task, mspdiCalendars(document.project)); // "2027-01-08" for a Finish Mon 2027-01-11T08:00:00
 * ```
 */
export function mspdiTaskFinishDay(t: MspdiElement, cals: Pick<MspdiMapContext, "calendarOf" | "projectCalendar">): IsoDate | undefined {
  if (fieldStr(t, "Milestone") === "1") return fieldDay(t, "Finish");
  const uid = fieldStr(t, "Summary") === "1" ? undefined : fieldStr(t, "CalendarUID");
  const own = uid === undefined ? undefined : cals.calendarOf(uid);
  return mspdiFinishDay(fieldStr(t, "Finish"), fieldStr(t, "Start"), own === undefined || own === "missing" ? cals.projectCalendar : own);
}

/**
 * The mapping context of a project element (its fields; lists are not read) and a task outline.
 * @internal
 * @example
 * ```ts
 * const ctx = mspdiMapContext(document.project, "EUR", options, outline);
 * ```
 */
export function mspdiMapContext(
  project: MspdiElement,
  currency: string,
  options: MspdiMappingOptions,
  outline: { idOf(uid: string): string | undefined; parentOf(task: MspdiElement): string | undefined },
): MspdiMapContext {
  const cals = mspdiCalendars(project);
  // No StatusDate ("NA"): MS Project's current date stands for it. MS Project writes CurrentDate at the start of the
  // working day (Tue 08:00: none of Tuesday's work is past), so it is dated as a finish is — the previous working day
  // (Monday); a StatusDate keeps its own day.
  const current = mspdiFinishDay(fieldStr(project, "CurrentDate"), undefined, cals.projectCalendar);
  return {
    ...cals,
    options, currency,
    stamp: { version: 1, createdAt: options.importedAt, updatedAt: options.importedAt },
    statusDate: fieldDay(project, "StatusDate") ?? current,
    minutesPerDay: minutesPerDayOf(project),
    percentLagUnit: percentLagUnitOf(options.percentLagUnit),
    evBaseline: fieldNum(project, "BaselineForEarnedValue") ?? 0,
    idOf: (uid) => outline.idOf(uid),
    parentOf: (t) => outline.parentOf(t),
  };
}

/**
 * A money field on the currency's minor unit, rounded half-up (as MS Project displays it with CurrencyDigits): an
 * assignment-derived 299.0845 GBP becomes 299.08, said in the report, so nothing stored is refused by earnedValue.
 * @internal
 * @example
 * ```ts
 * mspdiCash(task, "Cost", "Task[UID=3]", report); // 299.08 GBP
 * ```
 */
export function mspdiCash(el: MspdiElement, f: string, where: string, report: ReportBuilder): Money | undefined {
  const m = fieldMoney(el, f);
  if (!m) return undefined;
  const r = roundMoney(m, { rounding: "half-up" });
  if (!r.amount.eq(m.amount)) {
    report.warn(`${where}/${f}`, `${m.amount.toFixed()} ${m.currency} has more decimals than ${m.currency}'s ${minorUnits(m.currency)}; rounded half-up to ${r.amount.toFixed(minorUnits(m.currency))}`, "money-rounded");
  }
  return r;
}
