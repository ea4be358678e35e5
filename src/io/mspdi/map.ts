import { isIsoDate, minorUnits, roundMoney, subtractMoney, sumMoney, type IsoDate, type Money } from "../../core/index.js";
import { decodeEntity, type EntityOf } from "../../entities/index.js";
import { ValidationError } from "../../core/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import type { ImportedRecords } from "../records.js";
import { resolveMspdiCalendar } from "./calendar.js";
import type { MspdiElement } from "./element.js";
import type { MspdiDocument } from "./read.js";
import { mspdiConstraintFields, mspdiPredecessors } from "./logic.js";
import { mspdiResources } from "./resources.js";
import { durationHours } from "./values.js";

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
}

const str = (el: MspdiElement, f: string): string | undefined => {
  const v = el.fields[f];
  return typeof v === "string" && v !== "" ? v : undefined;
};
const num = (el: MspdiElement, f: string): number | undefined => {
  const t = str(el, f);
  return t !== undefined && /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
};
const day = (el: MspdiElement, f: string): IsoDate | undefined => {
  const d = str(el, f)?.slice(0, 10);
  return d !== undefined && isIsoDate(d) ? d : undefined;
};
const rawCash = (el: MspdiElement, f: string): Money | undefined => {
  const v = el.fields[f];
  return typeof v === "object" && "currency" in v ? v : undefined;
};

/**
 * Maps a read MSPDI document to pmokit entities: the project (dates, status date, calendar with exceptions), one
 * work package per task (summary tasks become parents; WBS code from the outline number; budget = task cost over
 * its dates; earning rule from the EV method; progress from % complete and physical % complete at the status
 * date; actual start and finish; duration in working days at the file's minutes per day), the schedule logic of
 * packages and milestones (predecessor links with their type and lag, constraints, deadlines), milestones (baseline,
 * forecast and actual dates), one baseline per baseline number 0–10 used, one cost entry per task with actual cost,
 * and the work resources and their assignments (see `mspdiResources`). Money is rounded half-up to the currency's
 * minor unit (each rounding reported); a summary task's own fixed cost is budgeted on its package. Every record is
 * validated; what has no place in pmokit (material and cost resources, rate tables B–E, time-phased rows, task work
 * hours, working exceptions, MS Project's computed early/late dates and slack) is listed in the report.
 *
 * @throws {ValidationError} when a mapped record is invalid (nothing is returned half-mapped).
 * @example
 * ```ts
 * const { document } = readMspdi(xml);
 * const { records, report } = mspdiToPmokit(document, { projectId: "prj-erp", projectCode: "PRJ-ERP",
 *   projectManagerId: "p-rui", sponsorId: "p-ana", importedBy: "p-ana", importedAt: "2026-11-25T12:00:00.000Z" });
 * await writeImportedRecords(adapter, records);
 * ```
 */
export function mspdiToPmokit(document: MspdiDocument, options: MspdiMappingOptions): { records: ImportedRecords; report: ImportReport } {
  const report = createReportBuilder("mspdi");
  const p = document.project;
  const cur = document.currency;
  const stamp = { version: 1, createdAt: options.importedAt, updatedAt: options.importedAt };
  const tasks = (p.lists["tasks"] ?? []).filter((t) => str(t, "UID") !== "0" && str(t, "OutlineLevel") !== "0");
  const statusDate = day(p, "StatusDate") ?? day(p, "CurrentDate");
  const issues: ValidationError[] = [];
  const decode = <K extends Parameters<typeof decodeEntity>[0]>(kind: K, wire: unknown, where: string): EntityOf<K> | undefined => {
    try {
      return decodeEntity(kind, wire);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      issues.push(new ValidationError(e.issues.map((i) => ({ ...i, path: [where, ...i.path] })), kind));
      return undefined;
    }
  };

  // Money lands on the currency's minor unit, rounded half-up (as MS Project displays it with CurrencyDigits): an
  // assignment-derived 299.0845 GBP becomes 299.08, said in the report, so nothing stored is refused by earnedValue.
  const cash = (el: MspdiElement, f: string, where: string): Money | undefined => {
    const m = rawCash(el, f);
    if (!m) return undefined;
    const r = roundMoney(m, { rounding: "half-up" });
    if (!r.amount.eq(m.amount)) {
      report.warn(`${where}/${f}`, `${m.amount.toFixed()} ${m.currency} has more decimals than ${m.currency}'s ${minorUnits(m.currency)}; rounded half-up to ${r.amount.toFixed(minorUnits(m.currency))}`, "money-rounded");
    }
    return r;
  };

  // Calendar of the project.
  const calUid = str(p, "CalendarUID");
  const cal = calUid ? resolveMspdiCalendar(p.lists["calendars"] ?? [], calUid) : undefined;
  for (const w of cal?.workingExceptions ?? []) {
    report.warn(`Project/Calendars/Calendar[UID=${calUid}]`, `working exception on ${w.date} (${w.name}) cannot be held by a pmokit calendar`, "working-exception");
  }
  report.count("calendar-exception-days", cal?.holidays.length ?? 0);

  const minutesPerDay = str(p, "MinutesPerDay") ?? "480";
  const ids = new Map<string, string>(); // task UID → entity id
  const byOutline = new Map<string, string>(); // outline number → task UID
  for (const t of tasks) {
    const uid = str(t, "UID")!;
    ids.set(uid, `${options.projectId}-${str(t, "Milestone") === "1" ? "m" : "t"}${uid}`);
    const outline = str(t, "OutlineNumber");
    if (outline) byOutline.set(outline, uid);
  }
  const parentOf = (t: MspdiElement): string | undefined => {
    const outline = str(t, "OutlineNumber");
    const parentOutline = outline?.includes(".") ? outline.slice(0, outline.lastIndexOf(".")) : undefined;
    const puid = parentOutline ? byOutline.get(parentOutline) : undefined;
    return puid ? ids.get(puid) : undefined;
  };

  const childrenOf = (uid: string): MspdiElement[] => tasks.filter((c) => { const pid = parentOf(c); return pid !== undefined && pid === ids.get(uid); });

  // The project spans its own dates and every task's; MS Project can leave a stale FinishDate before the start.
  const starts = [day(p, "StartDate"), ...tasks.map((t) => day(t, "Start"))].filter((d): d is IsoDate => d !== undefined).sort();
  const finishes = [day(p, "FinishDate"), ...tasks.map((t) => day(t, "Finish")), starts[0]].filter((d): d is IsoDate => d !== undefined).sort();
  const start = starts[0] ?? statusDate;
  const finish = finishes[finishes.length - 1] ?? start;
  if (day(p, "FinishDate") !== undefined && start !== undefined && day(p, "FinishDate")! < start) {
    report.warn("Project/FinishDate", `FinishDate ${day(p, "FinishDate")} is before the start ${start}; the latest task finish is used`, "finish-before-start");
  }
  const project = decode("project", {
    id: options.projectId, ...stamp, code: options.projectCode, name: str(p, "Title") ?? str(p, "Name") ?? options.projectCode,
    projectManagerId: options.projectManagerId, sponsorId: options.sponsorId, scope: {}, budget: { currency: cur, lines: [] },
    plannedStart: start, plannedFinish: finish, lifecycle: "executing",
    ...(day(p, "StatusDate") ? { statusDate: day(p, "StatusDate") } : {}),
    activeBaseline: num(p, "BaselineForEarnedValue") ?? 0,
    ...(cal ? { calendar: { name: cal.name, workingWeekdays: cal.workingWeekdays, holidays: cal.holidays } } : {}),
  }, "Project");

  const packages: EntityOf<"work-package">[] = [];
  const milestones: EntityOf<"milestone">[] = [];
  const costs: EntityOf<"cost-entry">[] = [];
  for (const t of tasks) {
    const uid = str(t, "UID")!;
    const where = `Task[UID=${uid}]`;
    report.count("tasks");
    const s = day(t, "Start");
    const f = day(t, "Finish") ?? s;
    if (!s || !f) {
      report.warn(where, "task without start date left out", "no-dates");
      continue;
    }
    const predecessors = mspdiPredecessors(t, (u) => ids.get(u), minutesPerDay, where, report);
    const logic = { ...(predecessors.length > 0 ? { predecessors } : {}), ...mspdiConstraintFields(t, where, report) };
    if (str(t, "Milestone") === "1") {
      const b0 = (t.lists["baselines"] ?? []).find((b) => str(b, "Number") === String(num(p, "BaselineForEarnedValue") ?? 0));
      const m = decode("milestone", {
        id: ids.get(uid), ...stamp, projectId: options.projectId, name: str(t, "Name") ?? `Milestone ${uid}`, key: false,
        forecastDate: f, ...(b0 && day(b0, "Finish") ? { baselineDate: day(b0, "Finish") } : {}),
        ...(str(t, "PercentComplete") === "100" ? { actualDate: day(t, "ActualFinish") ?? f } : {}),
        ...(parentOf(t) ? { workPackageId: parentOf(t) } : {}),
        ...logic,
      }, where);
      if (m) milestones.push(m);
      continue;
    }
    const summary = str(t, "Summary") === "1";
    const cost = cash(t, "Cost", where);
    // MS Project rolls children's costs up into a summary's Cost; only the summary's own FixedCost is its budget.
    const fixed = summary ? cash(t, "FixedCost", where) : undefined;
    const own = summary ? (fixed && fixed.amount.gt(0) ? fixed : undefined) : cost && cost.amount.gt(0) ? cost : undefined;
    if (summary && own) report.warn(where, `summary task's own fixed cost ${own.amount.toFixed()} ${cur} is budgeted on its package (children's costs stay on theirs)`, "summary-fixed-cost");
    const pc = num(t, "PercentComplete") ?? 0;
    const ppc = num(t, "PhysicalPercentComplete") ?? 0;
    const physical = str(t, "EarnedValueMethod") === "1";
    const started = pc > 0 || day(t, "ActualStart") !== undefined;
    const progress = statusDate && (started || ppc > 0)
      ? [{ date: statusDate, percentComplete: String(pc), ...(ppc > 0 ? { physicalPercentComplete: String(ppc) } : {}), started, finished: pc === 100 }]
      : [];
    const wbs = str(t, "OutlineNumber") ?? uid;
    // Durations are working time: PT40H0M0S at 480 minutes per day is 5 working days.
    const d = t.fields["Duration"];
    const duration = typeof d === "object" && "kind" in d && d.kind === "duration" && !d.seconds.isNegative()
      ? durationHours(d).times(60).dividedBy(minutesPerDay).toDecimalPlaces(6).toFixed() : undefined;
    const actualStart = day(t, "ActualStart");
    if (str(t, "WBS") !== undefined && str(t, "WBS") !== wbs) report.unmapped("Project/Tasks/Task", "WBS", "custom WBS codes differ from the outline number, which is used as the WBS code");
    const wp = decode("work-package", {
      id: ids.get(uid), ...stamp, projectId: options.projectId, code: wbs, name: str(t, "Name") ?? `Task ${uid}`,
      ...(parentOf(t) ? { parentId: parentOf(t) } : {}), ...(str(t, "Notes") ? { description: str(t, "Notes") } : {}),
      plannedStart: s, plannedFinish: f,
      // Summary costs roll up their children: budgeting them too would count the money twice.
      timePhasedBudget: own ? [{ start: s, finish: f, amount: { amount: own.amount.toFixed(), currency: cur } }] : [],
      earningRule: { type: physical ? "physical-percent-complete" : "percent-complete" },
      progress,
      ...logic,
      ...(!summary && duration ? { durationDays: duration } : {}),
      ...(actualStart ? { actualStart } : {}),
      ...(actualStart && day(t, "ActualFinish") ? { actualFinish: day(t, "ActualFinish") } : {}),
    }, where);
    if (wp) packages.push(wp);
    const actual = cash(t, "ActualCost", where);
    if (!summary && actual && !actual.amount.isZero()) {
      const c = decode("cost-entry", {
        id: `${options.projectId}-ac${uid}`, ...stamp, projectId: options.projectId, workPackageId: ids.get(uid),
        date: day(t, "ActualFinish") ?? statusDate ?? f, amount: { amount: actual.amount.toFixed(), currency: cur },
        category: options.costCategory ?? "labour", expenditure: options.expenditure ?? "opex",
        description: `Actual cost of ${str(t, "Name") ?? `task ${uid}`} as of ${statusDate ?? "the file date"}`, sourceRef: `MSPDI Task UID ${uid}`,
      }, where);
      if (c) costs.push(c);
    }
  }

  const baselines: EntityOf<"baseline">[] = [];
  for (let n = 0; n <= 10; n++) {
    const wps: unknown[] = [];
    const mss: unknown[] = [];
    const total: Money[] = [];
    let used = false;
    for (const t of tasks) {
      const b = (t.lists["baselines"] ?? []).find((x) => str(x, "Number") === String(n));
      if (!b) continue;
      used = true;
      const uid = str(t, "UID")!;
      const bs = day(b, "Start");
      const bf = day(b, "Finish");
      if (str(t, "Milestone") === "1") {
        if (bf) mss.push({ milestoneId: ids.get(uid), name: str(t, "Name") ?? `Milestone ${uid}`, date: bf, key: false });
        continue;
      }
      const where = `Task[UID=${uid}]/Baseline[Number=${n}]`;
      const bc = cash(b, "Cost", `Task[UID=${uid}]/Baseline[Number=${n}]`);
      let [fs, ff] = [bs, bf];
      if (!bs || !bf || bf < bs) {
        // pmokit freezes a package with its dates; MS Project may store a baseline cost alone (or dates out of order).
        [fs, ff] = [day(t, "Start"), day(t, "Finish") ?? day(t, "Start")];
        report.warn(where, `baseline ${!bs || !bf ? "has no start/finish" : "finishes before it starts"}; the task's current dates are used`, "baseline-dates-from-plan");
        if (!fs || !ff) continue;
      }
      const summary = str(t, "Summary") === "1";
      // MSPDI writes no baseline FixedCost: a summary's own part is its baseline Cost less its children's.
      const own = summary && bc ? subtractMoney(bc, sumMoney(childrenOf(uid).map((c) => {
        const cb = (c.lists["baselines"] ?? []).find((x) => str(x, "Number") === String(n));
        const m = cb && rawCash(cb, "Cost"); // its own rounding is reported where the child is mapped
        return m ? roundMoney(m, { rounding: "half-up" }) : sumMoney([], cur);
      }), cur)) : bc;
      if (summary && own?.amount.gt(0)) report.warn(where, `summary task's own baseline cost ${own.amount.toFixed()} ${cur} (its Cost less its children's) is frozen on its package`, "summary-fixed-cost");
      const slice = own && own.amount.gt(0) ? [{ start: fs, finish: ff, amount: { amount: own.amount.toFixed(), currency: cur } }] : [];
      if (slice.length > 0 && own) total.push(own);
      wps.push({ workPackageId: ids.get(uid), code: str(t, "OutlineNumber") ?? uid, name: str(t, "Name") ?? `Task ${uid}`, plannedStart: fs, plannedFinish: ff, timePhasedBudget: slice });
    }
    if (!used) continue;
    report.count("baselines");
    const bac = sumMoney(total, cur);
    const b = decode("baseline", {
      id: `${options.projectId}-bl${n}`, ...stamp, projectId: options.projectId, number: n, capturedAt: options.importedAt,
      capturedBy: options.importedBy, reason: `Imported from MS Project ${n === 0 ? "Baseline" : `Baseline ${n}`}`,
      workPackages: wps, milestones: mss, budgetAtCompletion: { amount: bac.amount.toFixed(), currency: cur },
    }, `Baseline[Number=${n}]`);
    if (b) baselines.push(b);
  }

  const packageIds = new Set(packages.map((w) => w.id));
  const staffing = mspdiResources(p, {
    projectId: options.projectId, currency: cur, projectStart: (start ?? "1984-01-01") as IsoDate, stamp,
    packageOf: (uid) => { const id = ids.get(uid); return id && packageIds.has(id) ? id : undefined; },
  }, report);
  const resources = staffing.resources.flatMap((r) => decode("resource", r, `Resource[${r.id}]`) ?? []);
  const assignments = staffing.assignments.flatMap((a) => decode("assignment", a, `Assignment[${a.id}]`) ?? []);
  const timephased = tasks.reduce((s, t) => s + (t.lists["timephased"]?.length ?? 0), 0) +
    (p.lists["assignments"] ?? []).reduce((s, a) => s + (a.lists["timephased"]?.length ?? 0), 0);
  if (timephased > 0) report.unmapped("Project/*/TimephasedData", "TimephasedData", `${timephased} time-phased rows read, not mapped (budgets are one slice per task)`);
  report.unmapped("Project/Tasks/Task", "Work", "work hours have no pmokit field (budgets are money)");
  report.unmapped("Project/Tasks/Task", "EarlyStart, EarlyFinish, LateStart, LateFinish, TotalSlack, FreeSlack, Critical", "computed by MS Project; pmokit computes its own (scheduleNetwork)");

  if (issues.length > 0) throw new ValidationError(issues.flatMap((e) => e.issues), "MSPDI import");
  return {
    records: { project: project ? [project] : [], resource: resources, "work-package": packages, milestone: milestones, assignment: assignments, baseline: baselines, "cost-entry": costs },
    report: report.finish(),
  };
}
