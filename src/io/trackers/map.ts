import { PmoDecimal, ValidationError, checkArguments, checkOptionKeys, isInstantInput, safeDecodeWith, isIsoDate, type Decimal, type ValidationIssue } from "../../core/index.js";
import { entityKinds, type WorkPackage } from "../../entities/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import type { TrackerItem } from "./item.js";
import type { TrackerExport } from "./read.js";

/** Options of {@link trackerToPmokit}. */
export interface TrackerMappingOptions {
  /** The project the packages belong to. */
  readonly projectId: string;
  /** Planned first day of every package (a tracker has no plan dates; refine them afterwards). */
  readonly plannedStart: string;
  /** Planned last day of every package. */
  readonly plannedFinish: string;
  /** Status date: progress after it is left out; done items without a resolution date are dated here. */
  readonly asOf: string;
  /** `createdAt`/`updatedAt` of the records (the import reads no clock). */
  readonly importedAt: string;
  /** WBS code of the packages' parent (`"4"` gives `4.1`, `4.2`, …; default top level `1`, `2`, …). */
  readonly codePrefix?: string;
}

/**
 * The option days and item resolution days are compared as strings (progress after `asOf` is left out), which orders
 * only `YYYY-MM-DD`: "2026-03-15" < "2026-3-1". Refuse anything else before mapping, each at its path.
 */
function checkDays(exp: TrackerExport, options: TrackerMappingOptions): void {
  const issues: ValidationIssue[] = [];
  for (const f of ["plannedStart", "plannedFinish", "asOf"] as const) {
    if (!isIsoDate(options[f])) issues.push({ path: [f], message: "expected a calendar date YYYY-MM-DD", code: "custom" });
  }
  if (!isInstantInput(options.importedAt)) issues.push({ path: ["importedAt"], message: "expected a UTC date-time like 2026-11-25T14:03:00.000Z", code: "custom" });
  exp.items.forEach((it, i) => {
    if (it.resolved !== undefined && !isIsoDate(it.resolved)) issues.push({ path: ["items", i, "resolved"], message: "expected a calendar date YYYY-MM-DD", code: "custom" });
  });
  if (issues.length > 0) throw new ValidationError(issues, "tracker mapping");
}

const safeId = (key: string) => key.replace(/[^A-Za-z0-9._:-]/g, "-").replace(/^[^A-Za-z0-9]+/, "");

interface PackagePlan {
  readonly key: string;
  title: string;
  readonly units: TrackerItem[];
}

/**
 * Turns a tracker export into work packages: epics/features (and parent names that are no item, such as a GitHub
 * `epic` field) become packages earned by **units** (`totalUnits` = the story points of their stories, `unitName`
 * "story points"); each day stories were resolved becomes a progress record with the cumulative points done
 * (`started`, and `finished` once every story is done). Stories without a parent, a package without points and done
 * stories without a date are listed in the import report, never silently dropped. Items out of scope (status
 * `excluded`: ADO's Removed, Jira's Won't Do, GitHub's not planned — see the profile's `excludedStates` and
 * `excludedResolutions`) count neither as to do nor as done and are reported (`excluded`); the stories of an
 * excluded epic are listed as unmapped. All or nothing: every package is validated through the entity codec.
 *
 * @throws {ValidationError} when a package does not validate (paths name the package key), when `plannedStart`,
 *   `plannedFinish`, `asOf` or an item's `resolved` is not a calendar date `YYYY-MM-DD`, or `importedAt` is not a UTC
 *   instant (paths `["asOf"]`, `["items", 2, "resolved"]`).
 * @example
 * ```ts
 * const exp = readTrackerCsv(readFileSync("jira.csv", "utf8"), JIRA_CSV_PROFILE);
 * const { records, report } = trackerToPmokit(exp, { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" });
 * ```
 */
export function trackerToPmokit(exp: TrackerExport, options: TrackerMappingOptions): { records: { "work-package": WorkPackage[] }; report: ImportReport } {
  checkArguments("trackerToPmokit", { options: [options, "object"] });
  checkOptionKeys("trackerToPmokit", options, {
    projectId: 1, plannedStart: 1, plannedFinish: 1, asOf: 1, importedAt: 1, codePrefix: 1,
  } satisfies Record<keyof TrackerMappingOptions, 1>);
  checkDays(exp, options);
  const report = createReportBuilder(exp.tool);
  report.count("items", exp.items.length);
  report.count("sprints", exp.sprints.length);
  // States the profile does not list (counted as to do): one warning per state, naming its items.
  const unlisted = new Map<string, string[]>();
  for (const it of exp.items) if (it.unlistedState !== undefined) unlisted.set(it.unlistedState, [...(unlisted.get(it.unlistedState) ?? []), it.key]);
  for (const [state, keys] of unlisted) {
    report.warn(keys[0]!, `state "${state}" (${keys.join(", ")}) is in none of the profile's done, in-progress or to-do states: counted as to do`, "unlisted-state");
  }
  // Items out of scope (ADO's Removed, Jira's Won't Do, GitHub's not planned): neither to do nor done, so their points
  // count nowhere — as ADO leaves Removed items out of burndown. One warning per reason, naming its items.
  const excluded = new Map<string, string[]>();
  for (const it of exp.items) if (it.status === "excluded") excluded.set(it.excludedBy ?? "", [...(excluded.get(it.excludedBy ?? "") ?? []), it.key]);
  for (const [why, keys] of excluded) {
    report.warn(keys[0]!, `${keys.join(", ")}: ${why === "" ? "excluded" : why} — out of scope, counted neither as to do nor as done`, "excluded");
  }
  if (excluded.size > 0) report.count("excluded items", [...excluded.values()].reduce((n, k) => n + k.length, 0));
  const packages = new Map<string, PackagePlan>();
  for (const it of exp.items) if (it.level === "package" && it.status !== "excluded") packages.set(it.key, { key: it.key, title: it.title, units: [] });
  const byKey = new Map(exp.items.map((i) => [i.key, i] as const));
  for (const it of exp.items) {
    if (it.level !== "unit" || it.status === "excluded") continue;
    const parentOut = it.parentKey === undefined ? undefined : byKey.get(it.parentKey);
    if (parentOut?.status === "excluded") {
      report.unmapped(it.key, "item", `its epic or feature ${parentOut.key} is out of scope (${parentOut.excludedBy ?? "excluded"}): not counted`);
      continue;
    }
    if (it.parentKey === undefined) {
      report.unmapped(it.key, "item", "no epic or feature: not in any work package");
      continue;
    }
    const parent = byKey.get(it.parentKey);
    if (parent !== undefined && parent.level !== "package") {
      report.unmapped(it.key, "item", `its parent ${it.parentKey} is not an epic or feature (sub-task): not counted`);
      continue;
    }
    let p = packages.get(it.parentKey);
    if (p === undefined) packages.set(it.parentKey, (p = { key: it.parentKey, title: it.parentKey, units: [] }));
    p.units.push(it);
  }
  const schema = entityKinds["work-package"].schema;
  const out: WorkPackage[] = [];
  const issues: ValidationIssue[] = [];
  // Keys made safe can meet ("Lead capture", "Lead-capture"): one id per package, later ones suffixed and reported.
  const idOwner = new Map<string, string>();
  const idOf = (key: string): string => {
    const base = safeId(`${options.projectId}-${key}`);
    let id = base;
    for (let k = 2; idOwner.has(id); k++) id = `${base}-${k}`;
    if (id !== base) report.warn(key, `its id ${base} is already the id of package ${idOwner.get(base)!}: ${id} is used`, "renamed-id");
    idOwner.set(id, key);
    return id;
  };
  let n = 0;
  for (const p of packages.values()) {
    const total = p.units.reduce<Decimal>((s, u) => s.plus(u.points ?? 0), new PmoDecimal(0));
    for (const u of p.units) if (u.points === undefined) report.warn(u.key, "no story points: counts 0", "no-points");
    if (total.isZero()) {
      report.unmapped(p.key, "package", "no story points in its stories: nothing to earn by units");
      continue;
    }
    n++;
    const done = new Map<string, Decimal>();
    for (const u of p.units.filter((x) => x.status === "done")) {
      const day = u.resolved ?? options.asOf;
      if (u.resolved === undefined) report.warn(u.key, `done without a resolution date: dated ${options.asOf}`, "no-resolution-date");
      if (day > options.asOf) continue;
      done.set(day, (done.get(day) ?? new PmoDecimal(0)).plus(u.points ?? 0));
    }
    const allDone = p.units.every((u) => u.status === "done" && (u.resolved ?? options.asOf) <= options.asOf);
    let cumulative = new PmoDecimal(0);
    const days = [...done.keys()].sort();
    const progress = days.map((date, i) => {
      cumulative = cumulative.plus(done.get(date)!);
      return { date, unitsComplete: cumulative.toFixed(), started: true, ...(allDone && i === days.length - 1 ? { finished: true } : {}) };
    });
    if (progress.length === 0 && p.units.some((u) => u.status !== "to-do")) progress.push({ date: options.asOf, unitsComplete: "0", started: true });
    const wire = {
      id: idOf(p.key), version: 1, createdAt: options.importedAt, updatedAt: options.importedAt,
      projectId: options.projectId, code: options.codePrefix === undefined ? String(n) : `${options.codePrefix}.${n}`,
      name: p.title, plannedStart: options.plannedStart, plannedFinish: options.plannedFinish, timePhasedBudget: [],
      earningRule: { type: "units", totalUnits: total.toFixed(), unitName: "story points" }, progress,
    };
    const r = safeDecodeWith(schema, wire);
    if (r.success) out.push(r.data as WorkPackage);
    else for (const z of r.error.issues) issues.push({ path: [p.key, ...z.path.map((x) => (typeof x === "symbol" ? String(x) : x))], message: z.message, code: z.code });
    report.count("units", p.units.length);
  }
  if (issues.length > 0) throw new ValidationError(issues, `${exp.tool} work packages`);
  report.count("work packages", out.length);
  return { records: { "work-package": out }, report: report.finish() };
}
