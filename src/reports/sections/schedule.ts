import { checkArguments, checkOptionKeys, type Decimal, type Metric } from "../../core/index.js";
import { emptyDictionary, ownEntry } from "../../core/own.js";
import type { FinishForecastRow, LevellingResult, LevellingUnresolved, ResourceLoadRow, ScheduleLinkInput, ScheduleResult, ScheduleRiskResult, ScheduleViolation } from "../../schedule/index.js";
import { finishDistributionChart } from "../charts/finish-distribution.js";
import { ganttChart } from "../charts/gantt.js";
import { resourceHistogramChart } from "../charts/resource-histogram.js";
import { tornadoChart } from "../charts/tornado.js";
import type { ReportBlock, ReportSection } from "../report.js";
import { byCodePoint, chartFile } from "./shared.js";

/** What a schedule section shows. */
export interface ScheduleSectionInput {
  /** Project or programme code (names the chart files). */
  readonly code: string;
  /** Name. */
  readonly name: string;
  /** `scheduleNetwork` result. */
  readonly schedule: ScheduleResult;
  /** The links scheduled (drawn as arrows; the driving ones solid). */
  readonly links?: readonly ScheduleLinkInput[];
  /** Baseline start and finish by activity id (drawn under the bars). */
  readonly baseline?: Readonly<Record<string, { readonly start: string; readonly finish: string }>>;
  /** Resource demand vs capacity rows (one histogram per resource that is over capacity in some period). */
  readonly load?: readonly ResourceLoadRow[];
  /** Resource names by id, for histogram titles. */
  readonly resourceNames?: Readonly<Record<string, string>>;
  /** `analyseScheduleRisk` result. */
  readonly risk?: ScheduleRiskResult;
  /** Deadline or target marked on the finish distribution. */
  readonly target?: { readonly label: string; readonly date: string };
  /** `compareFinishForecasts` row: the CPM finish beside the baseline finish and earned schedule's forecast. */
  readonly forecast?: FinishForecastRow;
  /** `levelResources` result: the levelled finish and each delay with its cause. */
  readonly levelling?: LevellingResult;
  /** How many tornado bars to show; default 10. */
  readonly tornadoBars?: number;
  /**
   * How to name each activity, by id, everywhere in the section (`pmokit schedule`'s labels: `4.1 System testing`,
   * `Go-live (milestone)`). Default: each activity's name, with its id in brackets where two names read the same; an id
   * named nowhere (another project's predecessor) is shown as it is.
   */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * A schedule finding in words with its activities named (the activity first and, out of sequence, its predecessor),
 * the way `pmokit schedule` and the report's schedule section both print it; an id without a label stays as it is.
 *
 * @example
 * ```ts
 * scheduleViolationText({ kind: "deadline-missed", activityId: "ms-go", days: decimal(2), message: "ms-go finishes 2 days after its deadline 2027-03-01" }, { "ms-go": "Go-live (milestone)" });
 * // "Go-live (milestone) finishes 2 days after its deadline 2027-03-01"
 * ```
 */
export function scheduleViolationText(v: ScheduleViolation, labels: Readonly<Record<string, string>>): string {
  checkArguments("scheduleViolationText", { v: [v, "object"], labels: [labels, "object"] });
  checkArguments("scheduleViolationText", { "v.activityId": [v.activityId, "string"], "v.message": [v.message, "string"] });
  const label = (id: string) => ownEntry(labels, id) ?? id;
  return (v.message.startsWith(`${v.activityId} `) ? `${label(v.activityId)}${v.message.slice(v.activityId.length)}` : v.message)
    .replace(/( predecessor )(\S+)( (?:finished|started|allows))/, (all, a: string, id: string, b: string) => (Object.hasOwn(labels, id) ? `${a}${label(id)}${b}` : all));
}

/**
 * How many activities of a schedule are finished, in the words `pmokit schedule` and the report's schedule section
 * both use; undefined when none is.
 *
 * @example
 * ```ts
 * finishedActivitiesLine(scheduleNetwork(input)); // "finished 4 activities: done work has no float and is never critical"
 * ```
 */
export function finishedActivitiesLine(s: ScheduleResult): string | undefined {
  checkArguments("finishedActivitiesLine", { s: [s, "object"] });
  checkArguments("finishedActivitiesLine", { "s.activities": [s.activities, "object[]"] });
  const n = s.activities.filter((a) => a.status === "complete").length;
  return n > 0 ? `finished ${n} ${n === 1 ? "activity" : "activities"}: done work has no float and is never critical` : undefined;
}

// The default labels: each name, with the id in brackets where two names read the same.
function nameLabels(s: ScheduleResult): Record<string, string> {
  const count = new Map<string, number>();
  for (const a of s.activities) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  const out = emptyDictionary<string>();
  for (const a of s.activities) out[a.id] = count.get(a.name)! > 1 ? `${a.name} [${a.id}]` : a.name;
  return out;
}

const DRIVER: Record<string, string> = {
  "project-start": "project start", link: "link", constraint: "constraint", actual: "actual", "status-date": "status date",
  "project-finish": "project finish", deadline: "deadline", duration: "duration",
};

// Why levelling left an activity over-allocated, in words around the resource's name (the engine's own message names
// the resource by id; the report names people).
const UNRESOLVED_TEXT: Readonly<Record<LevellingUnresolved["reason"], string>> = {
  "exceeds-max-units": "asks more units than ever available of",
  "beyond-float": "would have to wait longer than its float for",
  "resource-calendar": "works on days not worked by",
  "fixed-dates": "has fixed dates (started, complete or must-start/finish-on) overlapping other fixed work of",
};

/**
 * A schedule section: the CPM finish and critical path with the conventions applied, the Gantt chart (baseline bars,
 * critical path, dependency arrows, status-date line), the activity table (early and late dates, total and free
 * float, what drove each early start), the violations (missed deadlines, negative float, out-of-sequence progress),
 * the finish forecasts side by side (CPM, baseline, earned schedule), a resource histogram for each over-allocated
 * resource and the levelling delays with their causes and, with a risk result, the P10–P90 table, the finish-date
 * distribution with P50/P80 and the tornado of the most sensitive activities.
 *
 * @example
 * ```ts
 * const { input } = scheduleInputFromPlan({ projects: [crm], workPackages, milestones }, { statusDate: "2026-11-20" });
 * scheduleSection({ code: "PRJ-CRM", name: "CRM replacement", schedule: scheduleNetwork(input), links: input.links });
 * ```
 */
export function scheduleSection(input: ScheduleSectionInput): ReportSection {
  checkArguments("scheduleSection", { input: [input, "object"] });
  checkOptionKeys("scheduleSection", input, { code: 1, name: 1, schedule: 1, links: 1, baseline: 1, load: 1, resourceNames: 1, risk: 1, target: 1, forecast: 1, levelling: 1, tornadoBars: 1, labels: 1 } satisfies Record<keyof ScheduleSectionInput, 1>, ["input"]);
  checkOptionKeys("scheduleSection", input.target, { label: 1, date: 1 } satisfies Record<keyof NonNullable<ScheduleSectionInput["target"]>, 1>, ["input", "target"]);
  checkArguments("scheduleSection", { "input.schedule": [input.schedule, "object"] });
  checkArguments("scheduleSection", { "input.labels": [input.labels, "object?"] });
  const s = input.schedule;
  const byId = new Map(s.activities.map((a) => [a.id, a]));
  // Every activity by its label (own keys only: an activity "constructor" is not Object.prototype's).
  const labels = input.labels ?? nameLabels(s);
  const label = (id: string) => ownEntry(labels, id) ?? id;
  const c = s.conventions;
  const driving = new Set(s.activities.flatMap((a) => (a.earlyStartDriver.kind === "link" ? [`${a.earlyStartDriver.from}\u0000${a.id}`] : a.earlyFinishDriver.kind === "link" ? [`${a.earlyFinishDriver.from}\u0000${a.id}`] : [])));
  const blocks: ReportBlock[] = [
    {
      kind: "paragraph",
      text: `CPM forecast finish ${s.finish}${s.statusDate ? ` at status date ${s.statusDate}` : ""}: ${s.durationDays.toFixed()} working days from ${s.start}. ` +
        `Critical path: ${s.criticalPaths.length === 0 ? "none" : s.criticalPaths.map((p) => p.map(label).join(" → ")).join("; ")}. ` +
        `Conventions: total float = ${c.totalFloat}, critical at ≤ ${c.criticalDays.toFixed()} days, near-critical at ≤ ${c.nearCriticalDays.toFixed()} days, ` +
        `out-of-sequence progress by ${c.outOfSequence}, lags on the ${c.lagCalendar}'s calendar, ${c.hoursPerDay.toFixed()} hours per day` +
        (c.milestoneDating === "next-working-time" ? ", a milestone reached in non-working time dated at its next working time (MS Project)" : "") +
        (c.startLinkFloat === "working-time" ? ", SS and SF links bound a predecessor's late start in working time (MS Project: Fri 17:00 is Mon 08:00)" : "") +
        (c.startNoLaterThan === "exact" ? ", a start-no-later-than date on a non-working day met only by a start before that day's morning (exact)." : "."),
    },
    {
      kind: "chart",
      svg: ganttChart({
        title: `${input.code} schedule`,
        description: `CPM schedule of ${input.name}: ${s.activities.length} activities, finish ${s.finish}, ${s.activities.filter((a) => a.critical).length} critical.`,
        rows: s.activities.map((a) => ({
          id: a.id, label: label(a.id), start: a.scheduledStart, finish: a.scheduledFinish, critical: a.critical, milestone: a.duration.isZero(),
          ...(ownEntry(input.baseline, a.id) ? { baseline: ownEntry(input.baseline, a.id)! } : {}),
        })),
        links: (input.links ?? []).filter((l) => byId.has(l.from) && byId.has(l.to)).map((l) => ({ from: l.from, to: l.to, type: l.type ?? "FS", driving: driving.has(`${l.from}\u0000${l.to}`) })),
        ...(s.statusDate ? { statusDate: s.statusDate } : {}),
      }),
      caption: `${input.code}: bars are scheduled dates, thin dashed bars the baseline, critical activities dark with a heavy outline; solid arrows are driving links.`,
      file: chartFile("gantt", input.code),
    },
    {
      kind: "table",
      table: {
        caption: "Activities (working days; dates are days, starts in the morning, finishes in the evening)",
        columns: ["Activity", "Status", "Early start", "Early finish", "Late start", "Late finish", "Total float", "Free float", "Critical", "Early start set by"],
        // Finished work has no float (an empty cell; null in JSON, as in `pmokit schedule --json`) and is never critical.
        rows: s.activities.map((a) => [
          label(a.id), a.status, a.earlyStart, a.earlyFinish, a.lateStart, a.lateFinish, a.status === "complete" ? null : a.totalFloat, a.status === "complete" ? null : a.freeFloat, a.critical,
          a.earlyStartDriver.kind === "link" ? `${label(a.earlyStartDriver.from)} (${a.earlyStartDriver.type})` : DRIVER[a.earlyStartDriver.kind] ?? a.earlyStartDriver.kind,
        ]),
      },
    },
  ];
  const finished = finishedActivitiesLine(s);
  const findings = [...s.violations.map((v) => `${v.kind}: ${scheduleViolationText(v, labels)}`), ...(finished ? [finished] : [])];
  if (findings.length > 0) blocks.push({ kind: "list", items: findings });
  const f = input.forecast;
  if (f) {
    blocks.push({
      kind: "table",
      table: {
        caption: "Finish forecasts (slips in working days; positive = later than the baseline)",
        columns: ["CPM forecast", "Baseline finish", "Earned schedule forecast", "CPM slip", "Earned schedule slip", "CPM − earned schedule"],
        rows: [[f.scheduledFinish, f.baselineFinish, f.earnedScheduleFinish, f.scheduleSlipDays, f.earnedScheduleSlipDays, f.forecastGapDays]],
      },
    });
  }

  const sections: ReportSection[] = [];
  const resources = [...new Set((input.load ?? []).map((r) => r.resourceId))];
  const charts: ReportBlock[] = resources.flatMap((id) => {
    const rows = (input.load ?? []).filter((r) => r.resourceId === id);
    if (!rows.some((r) => r.overload.gt(0))) return [];
    const name = ownEntry(input.resourceNames, id) ?? id; // own entries: a resource "toString" is not Object.prototype's
    return [{
      kind: "chart" as const,
      svg: resourceHistogramChart({ title: `${name}: demand vs capacity`, periods: rows.map((r) => ({ label: r.periodStart.slice(0, 7) === r.periodEnd.slice(0, 7) ? r.periodStart.slice(0, 7) : r.periodStart, demand: r.demand, capacity: r.capacity })) }),
      caption: `${name}: demand per period against capacity (unit-days); the black part is over capacity.`,
      file: chartFile("resource", input.code, id),
    }];
  });
  const lv = input.levelling;
  // Work that moved only because a levelled predecessor moved has no delay of its own: it is listed as pushed.
  const pushed = lv ? lv.activities.filter((a) => a.pushedBy !== undefined && a.delayDays.gt(0)) : [];
  if (lv && (lv.delays.length > 0 || lv.unresolved.length > 0 || lv.violations.length > 0 || pushed.length > 0)) {
    charts.push({ kind: "paragraph", text: `Levelled (${lv.mode}, ${lv.priorityRule}): finish ${lv.finish} against ${lv.schedule.finish} unlevelled.` });
    // The resource by its name (a person, usually), not its id; activities by their labels, as in the table above.
    const who = (id: string) => ownEntry(input.resourceNames, id) ?? id;
    if (lv.delays.length > 0) {
      charts.push({
        kind: "list",
        items: lv.delays.map((d) => {
          const waits = `${label(d.activityId)} waits ${d.days.toFixed()} day${d.days.eq(1) ? "" : "s"} for`;
          // Every resource short that day (only the first was named); one reads as before.
          const many = (d.blockedBy ?? []).length > 1 ? d.blockedBy : undefined;
          if (many) {
            const each = many.map((b) => `${who(b.resourceId)} (${b.heldBy.length > 0 ? `held by ${b.heldBy.map(label).join(", ")}` : "not working"})`);
            return `${waits} ${each.slice(0, -1).join(", ")} and ${each[each.length - 1]} on ${d.day}`;
          }
          return `${waits} ${who(d.resourceId)}${d.heldBy.length > 0 ? `, held by ${d.heldBy.map(label).join(", ")} on ${d.day}` : `, not working on ${d.day}`}`;
        }),
      });
    }
    if (pushed.length > 0) {
      const started = new Set(s.activities.filter((a) => a.status === "in-progress").map((a) => a.id));
      charts.push({
        kind: "list",
        // Dates, as the reader plans in them (delayDays counts working time, fractions of a day included).
        items: pushed.map((a) => {
          const cpm = byId.get(a.id);
          return started.has(a.id)
            ? `${label(a.id)} finishes its remaining work ${a.finish} instead of ${cpm?.scheduledFinish}, pushed by ${label(a.pushedBy!)}`
            : `${label(a.id)} starts ${a.start} instead of ${cpm?.scheduledStart}, pushed by ${label(a.pushedBy!)}`;
        }),
      });
    }
    // What levelling could not resolve stays over-allocated; deadlines and links it breaks are said, not hidden.
    // One line per cause (every resource it over-allocates and why), not only the first.
    if (lv.unresolved.length > 0) {
      const items = lv.unresolved.flatMap((u) => ((u.causes ?? []).length > 0 ? u.causes : [u]).map((c) => `not levelled (${c.reason}): ${label(u.activityId)} ${UNRESOLVED_TEXT[c.reason]} ${who(c.resourceId)}; it stays over-allocated from ${c.day}`));
      charts.push({ kind: "list", items });
    }
    if (lv.violations.length > 0) charts.push({ kind: "list", items: lv.violations.map((v) => `levelled ${v.kind}: ${scheduleViolationText(v, labels)}`) });
  }
  if (charts.length > 0) sections.push({ heading: "Resource load", blocks: charts });

  const r = input.risk;
  if (r) {
    const p = (n: number) => r.percentiles.find((x) => x.percent === n);
    const marked = [p(50), p(80)].filter((x): x is NonNullable<typeof x> => x !== undefined);
    const riskBlocks: ReportBlock[] = [
      {
        kind: "table",
        table: {
          caption: `Monte Carlo: ${r.iterations} iterations, seed ${r.seed} (${r.method}); deterministic finish ${r.deterministicFinish}`,
          columns: ["Percentile", "Finish", "Cost"],
          rows: r.percentiles.map((x) => [`P${x.percent}`, x.finish, x.cost]),
        },
      },
      {
        kind: "chart",
        svg: finishDistributionChart({
          title: `${input.code} finish-date distribution`,
          bins: r.histogram.map((b) => ({ from: b.from, to: b.to, count: b.count, cumulative: b.cumulative })),
          percentiles: marked.map((x) => ({ percent: x.percent, finish: x.finish })),
          ...(input.target ? { target: input.target } : {}),
        }),
        caption: `${input.code}: iterations per finish date, cumulative probability, P50 and P80 marked.`,
        file: chartFile("finish-distribution", input.code),
      },
    ];
    const bars = r.tornado.slice(0, input.tornadoBars ?? 10);
    if (bars.length > 0) {
      riskBlocks.push({
        kind: "chart",
        svg: tornadoChart({ title: `${input.code} sensitivity`, bars: bars.map((b) => ({ label: label(b.id), value: b.sensitivity })) }),
        caption: `${input.code}: Spearman rank correlation of each activity's duration with the project duration.`,
        file: chartFile("tornado", input.code),
      });
    }
    // The row names the activity: a missing figure's detail does not repeat its id ("n/a (constant-duration: has started: …)").
    const unnamed = (m: Metric<Decimal>, id: string): Metric<Decimal> => (m.value === undefined && m.detail?.startsWith(`${id} `) ? { ...m, detail: m.detail.slice(id.length + 1) } : m);
    const crit = r.activities.filter((a) => a.criticalityIndex.gt(0)).sort((a, b) => b.criticalityIndex.comparedTo(a.criticalityIndex) || byCodePoint(a.id, b.id));
    if (crit.length > 0) {
      // Activities never on the critical path are left out, and the caption says how many.
      const never = r.activities.length - crit.length;
      const left = never > 0 ? `; ${crit.length} of ${r.activities.length} activities, the ${never} never on it left out` : "";
      riskBlocks.push({ kind: "table", table: { caption: `Criticality index (share of iterations on the critical path${left})`, columns: ["Activity", "Criticality", "Sensitivity", "Cruciality"], rows: crit.map((a) => [label(a.id), a.criticalityIndex, unnamed(a.sensitivity, a.id), unnamed(a.cruciality, a.id)]) } });
    }
    sections.push({ heading: "Schedule risk", blocks: riskBlocks });
  }
  return { heading: `${input.code} — schedule`, blocks, ...(sections.length > 0 ? { sections } : {}) };
}
