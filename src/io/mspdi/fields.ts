import { isIsoDate, type IsoDate, type Money } from "../../core/index.js";
import type { ReportBuilder } from "../report.js";
import type { MspdiElement } from "./element.js";

/*
 * Typed accessors of a read MSPDI element's fields, shared by the whole-document and the streamed mapping.
 */

/**
 * A field's text, or undefined when it is missing, empty or not text (money, a duration).
 *
 * @example
 * ```ts
 * fieldStr(task, "UID"); // "12"
 * ```
 */
export const fieldStr = (el: MspdiElement, f: string): string | undefined => {
  const v = el.fields[f];
  return typeof v === "string" && v !== "" ? v : undefined;
};

/**
 * A field's decimal number (`-12`, `37.5`), or undefined.
 *
 * @example
 * ```ts
 * fieldNum(task, "PercentComplete"); // 40
 * ```
 */
export const fieldNum = (el: MspdiElement, f: string): number | undefined => {
  const t = fieldStr(el, f);
  return t !== undefined && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
};

/**
 * The calendar date of a date-time field (`2027-03-01T08:00:00` → `2027-03-01`), or undefined.
 *
 * @example
 * ```ts
 * fieldDay(task, "Start"); // "2027-03-01"
 * ```
 */
export const fieldDay = (el: MspdiElement, f: string): IsoDate | undefined => {
  const d = fieldStr(el, f)?.slice(0, 10);
  return d !== undefined && isIsoDate(d) ? d : undefined;
};

/**
 * A money field as read (÷100 applied, not rounded), or undefined.
 *
 * @example
 * ```ts
 * fieldMoney(task, "Cost")?.amount.toFixed(); // "299.0845"
 * ```
 */
export const fieldMoney = (el: MspdiElement, f: string): Money | undefined => {
  const v = el.fields[f];
  return typeof v === "object" && "currency" in v ? v : undefined;
};

/**
 * Whether a task is inactive (`Active` = 0, Project 2010+): MS Project leaves it out of the schedule and of every cost
 * roll-up, and so does the mapping (reported).
 *
 * @example
 * ```ts
 * if (isInactiveMspdiTask(task)) report.warn(...);
 * ```
 */
export const isInactiveMspdiTask = (t: MspdiElement): boolean => fieldStr(t, "Active") === "0";

/**
 * Whether a task is mapped: not the project summary task (UID 0 or outline level 0), and not inactive.
 *
 * @example
 * ```ts
 * tasks.filter(isMappedMspdiTask);
 * ```
 */
export const isMappedMspdiTask = (t: MspdiElement): boolean => fieldStr(t, "UID") !== "0" && fieldStr(t, "OutlineLevel") !== "0" && !isInactiveMspdiTask(t);

/** The report line of an inactive task left out. @internal @example `warnInactiveMspdiTask(task, report);` */
export function warnInactiveMspdiTask(t: MspdiElement, report: Pick<ReportBuilder, "warn">): void {
  report.warn(`Task[UID=${fieldStr(t, "UID") ?? "?"}]`, "inactive task (Active = 0) left out, as MS Project leaves it out of the schedule and the cost roll-ups", "inactive-task");
}
