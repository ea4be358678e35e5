import { money, roundMoney, PmoDecimal, type Decimal } from "../../core/index.js";
import { createXmlElementStream } from "../xml/stream-elements.js";
import { mspdiCalendars, mspdiTaskFinishDay, type MspdiMappingOptions } from "./context.js";
import { MSPDI_ARRAYS, mspdiFieldText, readElement, type MspdiElement } from "./element.js";
import { isMappedMspdiTask, fieldDay, fieldStr } from "./fields.js";
import { createMspdiChildCosts } from "./map-baseline.js";
import { createMspdiOutline, createMspdiSpan, type MspdiOutline, type MspdiSpan } from "./outline.js";
import { mspdiRootAndCurrency } from "./read.js";
import { createReportRecorder, type ReportRecorder } from "./recorder.js";
import { PROJECT_SPEC, type ElementSpec, type ListSpec } from "./spec.js";

/** What the first pass over a streamed MSPDI file keeps: everything but the tasks and assignments themselves. @internal */
export interface MspdiStreamPlan {
  readonly currency: string;
  /** The project's fields, calendars and resources (its task and assignment lists are left empty). */
  readonly project: MspdiElement;
  readonly outline: MspdiOutline;
  readonly span: MspdiSpan;
  readonly children: ReturnType<typeof createMspdiChildCosts>;
  /** UIDs of mapped non-milestone tasks with a start: the tasks that become packages if they are valid. */
  readonly packageUids: ReadonlySet<string>;
  /** `<Task>` and `<Assignment>` elements read, and characters: the second pass must see the same file. */
  readonly taskElements: number;
  readonly assignmentElements: number;
  readonly chars: number;
  /** The reader's report, in parts, around which the second pass puts its tasks and assignments. */
  readonly read: { readonly calendars: ReportRecorder; readonly tasksBox: ReportRecorder; readonly resources: ReportRecorder; readonly assignmentsBox: ReportRecorder; readonly project: ReportRecorder };
}

/** Paths of the elements each pass streams by (never kept in a tree). @internal */
export const MSPDI_TASK_PATH = "Project/Tasks/Task";
/** @internal */
export const MSPDI_ASSIGNMENT_PATH = "Project/Assignments/Assignment";

const listSpec = (key: string): ListSpec => PROJECT_SPEC.children.find((c): c is ListSpec => typeof c !== "string" && c.key === key)!;
/** What the first pass reads of a task: its outline, dates and which baselines it has. */
const FACTS: ElementSpec = {
  children: ["UID", "OutlineNumber", "OutlineLevel", "Start", "Finish", "Milestone", "Summary", "CalendarUID", { key: "baselines", item: "Baseline", spec: { children: ["Number"] } }, "Active"],
};
const NUMERIC = /^-?\d+(\.\d+)?$/;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const asObject = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The first pass of a streamed MSPDI import: reads the whole file once, keeping the project header, calendars and
 * resources, the outline (UID → id, outline number → UID), the span of task dates (from each task's dates and
 * calendar UID) and the children's baseline costs of summary tasks — small beside the tasks, which are read and
 * dropped one by one.
 *
 * @throws {ValidationError} as `readMspdi` does: hostile or malformed XML, a root that is not `<Project>`, no currency.
 * @internal
 * @example
 * ```ts
 * const plan = await readMspdiStreamPlan(readImportChunks("plan.xml"), { ...options, currency: "EUR" });
 * ```
 */
export async function readMspdiStreamPlan(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: Pick<MspdiMappingOptions, "projectId"> & { readonly currency?: string; readonly maxDepth?: number; readonly maxChars?: number },
): Promise<MspdiStreamPlan> {
  const outline = createMspdiOutline(options.projectId);
  // Each task's dates and calendar: its finish is dated on its calendar, read at the end (see createMspdiSpan).
  const dates: MspdiElement[] = [];
  const packageUids = new Set<string>();
  const costs: { outline: string | undefined; n: number; amount: Decimal }[] = []; // baseline costs, for the summaries
  const silent = createReportRecorder();
  let taskElements = 0;
  let assignmentElements = 0;
  const xml = createXmlElementStream("MSPDI file", {
    emit: new Set([MSPDI_TASK_PATH, MSPDI_ASSIGNMENT_PATH]), arrays: MSPDI_ARRAYS,
    ...(options.maxDepth ? { maxDepth: options.maxDepth } : {}), ...(options.maxChars ? { maxChars: options.maxChars } : {}),
  }, (path, raw) => {
    if (path === MSPDI_ASSIGNMENT_PATH) {
      assignmentElements++;
      return;
    }
    taskElements++;
    const t = readElement(raw, FACTS, MSPDI_TASK_PATH, silent, "EUR"); // no money field is read here
    if (!isMappedMspdiTask(t)) return;
    outline.add(t);
    const facts = ["Start", "Finish", "Milestone", "Summary", "CalendarUID"].flatMap((k) => (fieldStr(t, k) === undefined ? [] : [[k, fieldStr(t, k)!]]));
    dates.push({ fields: Object.fromEntries(facts), lists: {} });
    if (fieldStr(t, "Milestone") !== "1" && fieldDay(t, "Start") !== undefined) packageUids.add(fieldStr(t, "UID")!);
    const numbers = t.lists["baselines"] ?? [];
    if (numbers.length === 0) return;
    const seen = new Set<string>();
    asArray(asObject(raw)["Baseline"]).forEach((b, i) => {
      const n = fieldStr(numbers[i]!, "Number");
      if (n === undefined || seen.has(n)) return; // the first baseline of a number counts
      seen.add(n);
      const text = mspdiFieldText(asObject(b)["Cost"]).trim();
      if (/^(10|[0-9])$/.test(n) && NUMERIC.test(text)) costs.push({ outline: fieldStr(t, "OutlineNumber"), n: Number(n), amount: new PmoDecimal(text).dividedBy(100) });
    });
  });
  for await (const chunk of chunks) xml.write(chunk);
  const tree = xml.close();

  const { root, currency } = mspdiRootAndCurrency(tree, options);
  const read = { calendars: createReportRecorder(), tasksBox: createReportRecorder(), resources: createReportRecorder(), assignmentsBox: createReportRecorder(), project: createReportRecorder() };
  const list = (key: string, rec: ReportRecorder): readonly MspdiElement[] => {
    const spec = listSpec(key);
    return readElement({ [spec.container!]: root[spec.container!] }, { children: [spec] }, "Project", rec, currency).lists[key] ?? [];
  };
  const calendars = list("calendars", read.calendars);
  list("tasks", read.tasksBox);
  const resources = list("resources", read.resources);
  list("assignments", read.assignmentsBox);
  const own = Object.fromEntries(Object.entries(root).filter(([k]) => !["Calendars", "Tasks", "Resources", "Assignments"].includes(k)));
  const header = readElement(own, { children: PROJECT_SPEC.children.filter((c) => typeof c === "string") }, "Project", read.project, currency);
  const project: MspdiElement = { fields: header.fields, lists: { calendars, tasks: [], resources, assignments: [] } };

  const cals = mspdiCalendars(project);
  const span = createMspdiSpan(project, (t) => mspdiTaskFinishDay(t, cals));
  for (const t of dates) span.add(t);
  const children = createMspdiChildCosts(currency);
  for (const c of costs) {
    const parent = outline.parentOfOutline(c.outline);
    if (parent !== undefined) children.addCost(parent, c.n, roundMoney(money(c.amount, currency), { rounding: "half-up" }));
  }
  return { currency, project, outline, span, children, packageUids, taskElements, assignmentElements, chars: xml.chars, read };
}
