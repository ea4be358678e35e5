import { isIsoDate, PmoDecimal, type IsoDate } from "../../core/index.js";
import type { WireOf } from "../../entities/index.js";
import type { ReportBuilder } from "../report.js";
import type { MspdiPercentLagUnit } from "./context.js";
import type { MspdiElement } from "./element.js";

/*
 * Schedule logic between MSPDI tasks and pmokit packages/milestones: predecessor links (Type, LinkLag in tenths of
 * minutes, LagFormat), constraints (ConstraintType/ConstraintDate), deadlines and durations.
 */

type Link = NonNullable<WireOf<"work-package">["predecessors"]>[number];
type Constraint = NonNullable<WireOf<"work-package">["constraint"]>;

/** MSPDI link `Type` → pmokit link type (0 = FF, 1 = FS, 2 = SF, 3 = SS). */
export const MSPDI_LINK_TYPES: readonly Link["type"][] = ["FF", "FS", "SF", "SS"];

/** MSPDI `ConstraintType` 0–7 → pmokit constraint kind. */
export const MSPDI_CONSTRAINTS: readonly Constraint["kind"][] = ["asap", "alap", "mso", "mfo", "snet", "snlt", "fnet", "fnlt"];

/**
 * Elapsed duration/lag formats: 4 em, 6 eh, 8 ed, 10 ew, 12 emo and their estimated forms 36, 38, 40, 42, 44 (an
 * estimated format is the plain one + 32: 39 is `d?`, working days). MPXJ `DatatypeConverter.parseDurationTimeUnits`.
 */
export const MSPDI_ELAPSED_FORMATS: ReadonlySet<number> = new Set([4, 6, 8, 10, 12, 36, 38, 40, 42, 44]);
const ELAPSED_FORMATS = MSPDI_ELAPSED_FORMATS;
/** Percent `LagFormat`s (19 percent, 20 elapsed percent, 51/52 estimated). */
const PERCENT_FORMATS = new Set([19, 20, 51, 52]);

const text = (el: MspdiElement, f: string): string | undefined => {
  const v = el.fields[f];
  return typeof v === "string" && v !== "" ? v : undefined;
};
const int = (el: MspdiElement, f: string): number | undefined => {
  const t = text(el, f);
  return t !== undefined && /^-?\d+$/.test(t) ? Number(t) : undefined;
};
const day = (el: MspdiElement, f: string): IsoDate | undefined => {
  const d = text(el, f)?.slice(0, 10);
  return d !== undefined && isIsoDate(d) ? d : undefined;
};

/**
 * The predecessor links of one task in pmokit's wire shape. `LinkLag` is in tenths of minutes: working formats give
 * `working-days` (÷ 10 ÷ minutes per day), elapsed formats `elapsed-days` (÷ 10 ÷ 1440), percent formats `percent`
 * in `percentLagUnit`: LinkLag ÷ 10 for `tenths` (the default, reported, since MPXJ-written files mean whole
 * percent) or LinkLag as it is for `whole`. Links to tasks not in the file (cross-project links, the project summary
 * task) are left out and reported.
 *
 * @example
 * ```ts
 * mspdiPredecessors(task, (uid) => ids.get(uid), "480", "Task[UID=7]", report, "tenths");
 * // [{ predecessorId: "prj-x-t3", type: "FS", lag: { kind: "working-days", days: "2" } }]
 * ```
 */
export function mspdiPredecessors(
  task: MspdiElement,
  idOf: (uid: string) => string | undefined,
  minutesPerDay: string,
  where: string,
  report: ReportBuilder,
  percentLagUnit: MspdiPercentLagUnit = "tenths",
): Link[] {
  const out: Link[] = [];
  for (const l of task.lists["predecessors"] ?? []) {
    const uid = text(l, "PredecessorUID");
    const pred = uid === undefined ? undefined : idOf(uid);
    if (pred === undefined || text(l, "CrossProject") === "1") {
      report.warn(`${where}/PredecessorLink`, `link from task UID ${uid ?? "?"}${text(l, "CrossProjectName") ? ` in ${text(l, "CrossProjectName")}` : ""} is not to a task of this file; left out`, "dangling-link");
      continue;
    }
    if (out.some((x) => x.predecessorId === pred)) {
      report.warn(`${where}/PredecessorLink`, `second link from task UID ${uid} left out (pmokit keeps one link per pair)`, "duplicate-link");
      continue;
    }
    // A code outside 0–3 is passed on as written, so the entity codec refuses it at its path (never a silent FS).
    const rawType = text(l, "Type");
    const type = rawType === undefined ? "FS" : /^[0-3]$/.test(rawType) ? MSPDI_LINK_TYPES[Number(rawType)]! : (`MSPDI Type ${rawType}` as Link["type"]);
    const tenths = int(l, "LinkLag") ?? 0;
    const format = int(l, "LagFormat") ?? 7;
    let lag: Link["lag"];
    if (tenths !== 0) {
      const t = new PmoDecimal(tenths).dividedBy(10);
      if (PERCENT_FORMATS.has(format)) {
        lag = { kind: "percent", percent: percentLagUnit === "whole" ? String(tenths) : t.toFixed() };
        if (percentLagUnit === "tenths") {
          report.warn(`${where}/PredecessorLink`, `LinkLag ${tenths} at LagFormat ${format} read as ${t.toFixed()} % (tenths of a percent); a file written by MPXJ means ${tenths} %: import with percentLagUnit "whole" for that reading`, "percent-lag-unit");
        }
      }
      else if (ELAPSED_FORMATS.has(format)) lag = { kind: "elapsed-days", days: t.dividedBy(1440).toDecimalPlaces(6).toFixed() };
      else lag = { kind: "working-days", days: t.dividedBy(minutesPerDay).toDecimalPlaces(6).toFixed() };
    }
    out.push({ predecessorId: pred, type, ...(lag ? { lag } : {}) });
  }
  return out;
}

/**
 * A task's constraint (`ConstraintType` 0 ASAP, 1 ALAP, 2 MSO, 3 MFO, 4 SNET, 5 SNLT, 6 FNET, 7 FNLT with its
 * `ConstraintDate`) and `Deadline`, as pmokit fields; ASAP (the default) is left out.
 *
 * @example
 * ```ts
 * mspdiConstraintFields(task, "Task[UID=7]", report); // { constraint: { kind: "snet", date: "2027-03-01" } }
 * ```
 */
export function mspdiConstraintFields(task: MspdiElement, where: string, report: ReportBuilder): { constraint?: Constraint; deadline?: IsoDate } {
  const rawKind = text(task, "ConstraintType");
  const known = rawKind === undefined || /^[0-7]$/.test(rawKind);
  const kind = rawKind === undefined ? "asap" : known ? MSPDI_CONSTRAINTS[Number(rawKind)]! : (`MSPDI ConstraintType ${rawKind}` as Constraint["kind"]);
  const date = day(task, "ConstraintDate");
  const deadline = day(task, "Deadline");
  let constraint: Constraint | undefined;
  // A code outside 0–7 is passed on as written, so the entity codec refuses it at its path (never a silent ASAP).
  if (!known) constraint = { kind, ...(date ? { date } : {}) } as Constraint;
  else if (kind === "alap") constraint = { kind };
  else if (kind !== "asap") {
    if (date) constraint = { kind, date };
    else report.warn(`${where}/ConstraintDate`, `${kind.toUpperCase()} constraint without a date; scheduled as soon as possible`, "constraint-without-date");
  }
  return { ...(constraint ? { constraint } : {}), ...(deadline ? { deadline } : {}) };
}

/**
 * The MSPDI fields of a pmokit link list, constraint and deadline: `PredecessorLink` elements (lags written in
 * tenths of minutes with their `LagFormat`: 7 days, 8 elapsed days, 19 percent in `percentLagUnit`, tenths of a
 * percent by default), `ConstraintType`/`ConstraintDate` and `Deadline`. Links whose predecessor has no task UID in the export are reported and left out.
 *
 * @example
 * ```ts
 * const { fields, lists } = mspdiLogicOut(pkg, (id) => uids.get(id), 480, report);
 * ```
 */
export function mspdiLogicOut(
  item: { readonly id: string; readonly predecessors?: readonly { predecessorId: string; type: Link["type"]; lag?: { kind: string; days?: { toFixed(): string }; percent?: { toFixed(): string } } | undefined }[] | undefined; readonly constraint?: { kind: Constraint["kind"]; date?: string } | undefined; readonly deadline?: string | undefined },
  uidOf: (id: string) => number | undefined,
  minutesPerDay: number,
  report: ReportBuilder,
  percentLagUnit: MspdiPercentLagUnit = "tenths",
): { fields: Record<string, string>; predecessors: MspdiElement[] } {
  const predecessors: MspdiElement[] = [];
  for (const l of item.predecessors ?? []) {
    const uid = uidOf(l.predecessorId);
    if (uid === undefined) {
      report.unmapped(`Item[${item.id}]`, "predecessors", `link from ${l.predecessorId} (another project) has no task in this file; left out`);
      continue;
    }
    const fields: Record<string, string> = { PredecessorUID: String(uid), Type: String(MSPDI_LINK_TYPES.indexOf(l.type)) };
    if (l.lag) {
      const amount = new PmoDecimal((l.lag.kind === "percent" ? l.lag.percent : l.lag.days)!.toFixed());
      const [tenths, format] = l.lag.kind === "percent" ? [amount.times(percentLagUnit === "whole" ? 1 : 10), 19] : l.lag.kind === "elapsed-days" ? [amount.times(14_400), 8] : [amount.times(minutesPerDay * 10), 7];
      fields["LinkLag"] = tenths.toDecimalPlaces(0).toFixed();
      fields["LagFormat"] = String(format);
    } else {
      fields["LinkLag"] = "0";
      fields["LagFormat"] = "7";
    }
    predecessors.push({ fields, lists: {} });
  }
  const c = item.constraint;
  const fields: Record<string, string> = {};
  if (c) {
    fields["ConstraintType"] = String(MSPDI_CONSTRAINTS.indexOf(c.kind));
    if (c.date) fields["ConstraintDate"] = `${c.date}T${c.kind === "mfo" || c.kind === "fnet" || c.kind === "fnlt" ? "17:00:00" : "08:00:00"}`;
  }
  if (item.deadline) fields["Deadline"] = `${item.deadline}T17:00:00`;
  return { fields, predecessors };
}
