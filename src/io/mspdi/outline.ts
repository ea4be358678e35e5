import { ValidationError, type IsoDate, type ValidationIssue } from "../../core/index.js";
import type { MspdiElement } from "./element.js";
import { fieldDay, fieldStr } from "./fields.js";

/** The task outline of a file: entity ids by task UID and parents by outline number. @internal */
export interface MspdiOutline {
  /** Adds a mapped task; a UID or outline number already added is a problem (see `problems`), the first one kept. */
  add(task: MspdiElement): void;
  /** The UIDs and outline numbers used by more than one task, as one error (paths `["Task[UID=n]", field]`). */
  problems(): ValidationError | undefined;
  /** Task UID → entity id (`<projectId>-t12`, `<projectId>-m7` for a milestone). */
  idOf(uid: string): string | undefined;
  /** The entity id of the task whose outline number is the parent of this one's (`1.2.3` → `1.2`). */
  parentOf(task: MspdiElement): string | undefined;
  /** The same, by outline number. */
  parentOfOutline(outline: string | undefined): string | undefined;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
};

/**
 * Collects the outline of the mapped tasks, one at a time (the streamed import adds them in a first pass).
 * @internal
 * @example
 * ```ts
 * const outline = createMspdiOutline("prj-x");
 * for (const t of tasks) outline.add(t);
 * outline.idOf("12"); // "prj-x-t12"
 * ```
 */
export function createMspdiOutline(projectId: string): MspdiOutline {
  const ids = new Map<string, string>(); // task UID → entity id
  const byOutline = new Map<string, string>(); // outline number → task UID
  const issues: ValidationIssue[] = [];
  const repeatedUids = new Set<string>();
  let position = 0; // the tasks added so far, for the path of one without a UID
  const parentOfOutline = (outline: string | undefined): string | undefined => {
    const parentOutline = outline?.includes(".") ? outline.slice(0, outline.lastIndexOf(".")) : undefined;
    const puid = parentOutline ? byOutline.get(parentOutline) : undefined;
    return puid ? ids.get(puid) : undefined;
  };
  return {
    add(t) {
      position++;
      const uid = fieldStr(t, "UID");
      if (uid === undefined || uid === "") {
        // The schema requires a UID: without one the task has no id (it was imported as `<projectId>-tundefined`).
        issues.push({ path: [`Task[${position}]`, "UID"], message: `the ${ordinal(position)} task has no UID (the schema requires one)`, code: "custom" });
        return;
      }
      // Two tasks with one UID would be two records with one id; two with one outline number, an ambiguous parent.
      if (ids.has(uid)) {
        if (!repeatedUids.has(uid)) issues.push({ path: [`Task[UID=${uid}]`, "UID"], message: `task UID ${uid} is used by more than one task`, code: "custom" });
        repeatedUids.add(uid);
        return;
      }
      ids.set(uid, `${projectId}-${fieldStr(t, "Milestone") === "1" ? "m" : "t"}${uid}`);
      const outline = fieldStr(t, "OutlineNumber");
      const holder = outline === undefined ? undefined : byOutline.get(outline);
      if (outline && holder !== undefined) {
        issues.push({ path: [`Task[UID=${uid}]`, "OutlineNumber"], message: `outline number ${outline} is also task UID ${holder}'s`, code: "custom" });
      } else if (outline) byOutline.set(outline, uid);
    },
    problems: () => (issues.length > 0 ? new ValidationError(issues, "MSPDI tasks") : undefined),
    idOf: (uid) => ids.get(uid),
    parentOf: (t) => parentOfOutline(fieldStr(t, "OutlineNumber")),
    parentOfOutline,
  };
}

const pick = (el: MspdiElement, from: string, to: string): Record<string, string> => {
  const v = fieldStr(el, from);
  return v === undefined ? {} : { [to]: v };
};

/** The dates the project spans: its own start and finish and every task's. @internal */
export interface MspdiSpan {
  /** Takes a mapped task's start and finish into account. */
  add(task: MspdiElement): void;
  /** The earliest start (else the status date) and the latest finish (else the start). */
  result(statusDate: IsoDate | undefined): { start: IsoDate | undefined; finish: IsoDate | undefined };
}

/**
 * The span of a project element's `StartDate`/`FinishDate` and of the tasks added (MS Project can leave a stale
 * FinishDate before the start; the latest task finish then wins).
 * @internal
 * @example
 * ```ts
 * const span = createMspdiSpan(document.project);
 * for (const t of tasks) span.add(t);
 * span.result(statusDate); // { start: "2027-01-04", finish: "2027-06-30" }
 * ```
 */
export function createMspdiSpan(project: MspdiElement, finishDay: (task: MspdiElement) => IsoDate | undefined = (t) => fieldDay(t, "Finish")): MspdiSpan {
  let first = fieldDay(project, "StartDate");
  // MS Project's FinishDate is its latest task Finish: dated as a summary task's (on the project calendar).
  let last = finishDay({ fields: { Summary: "1", ...pick(project, "StartDate", "Start"), ...pick(project, "FinishDate", "Finish") }, lists: {} });
  return {
    add(t) {
      const s = fieldDay(t, "Start");
      const f = finishDay(t);
      if (s !== undefined && (first === undefined || s < first)) first = s;
      if (f !== undefined && (last === undefined || f > last)) last = f;
    },
    result(statusDate) {
      const start = first ?? statusDate;
      const latest = first !== undefined && (last === undefined || first > last) ? first : last;
      return { start, finish: latest ?? start };
    },
  };
}
