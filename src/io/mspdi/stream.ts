import { ValidationError, checkOptionKeys } from "../../core/index.js";
import type { EntityKind } from "../../entities/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import type { ImportedRecords } from "../records.js";
import { createXmlElementStream } from "../xml/stream-elements.js";
import { createMspdiDecoder, createMspdiIdCheck, mspdiMapContext, type MspdiMappingOptions } from "./context.js";
import { MSPDI_ARRAYS, readElement } from "./element.js";
import { isInactiveMspdiTask, isMappedMspdiTask, warnInactiveMspdiTask } from "./fields.js";
import { addMspdiBaselineEntry, MSPDI_BASELINE_NUMBERS, mspdiBaselineRecord, newMspdiBaselineDraft } from "./map-baseline.js";
import { mapMspdiProject } from "./map-project.js";
import { mapMspdiTask } from "./map-task.js";
import { MSPDI_MAPPING_KEYS, mspdiResourceContext, reportMspdiUnmappedTail } from "./map.js";
import type { ReadMspdiOptions } from "./read.js";
import { createReportRecorder } from "./recorder.js";
import { mspdiAssignment, mspdiResourceList } from "./resources.js";
import { ASSIGNMENT_SPEC, TASK_SPEC } from "./spec.js";
import { MSPDI_ASSIGNMENT_PATH, MSPDI_TASK_PATH, readMspdiStreamPlan } from "./stream-plan.js";

/** Options of {@link importMspdiBatches}: the mapping's, the reader's, and the streaming limits. */
export interface ImportMspdiBatchOptions extends MspdiMappingOptions, ReadMspdiOptions {
  /** Records per batch (default 1,000). */
  readonly batchSize?: number;
  /** Largest text accepted, in characters (default 512 MiB), counted as the chunks come. */
  readonly maxChars?: number;
  /** Called with the file's currency after the first pass, before any batch: throw to refuse the file. */
  readonly onCurrency?: (currency: string) => void;
  /** Called once the import went through, with the reader's report (as `readMspdi`'s) and the mapping's (as `mspdiToPmokit`'s). */
  readonly onReport?: (reports: { readonly read: ImportReport; readonly mapping: ImportReport }) => void;
}

const IMPORT_MSPDI_BATCH_KEYS = {
  ...MSPDI_MAPPING_KEYS, currency: 1, maxDepth: 1, batchSize: 1, maxChars: 1, onCurrency: 1, onReport: 1,
} satisfies Record<keyof ImportMspdiBatchOptions, 1>;

type Tagged = readonly [EntityKind, unknown];

/** The records of a run of tagged records, by kind (kinds in the order they first come). */
function group(items: readonly Tagged[]): ImportedRecords {
  const out: Partial<Record<EntityKind, unknown[]>> = {};
  for (const [kind, record] of items) (out[kind] ??= []).push(record);
  return out as ImportedRecords;
}

/**
 * Imports an MS Project XML (MSPDI) file as a stream of validated batches, holding neither the text nor the whole
 * document — the way to import a plan of 200,000 tasks (`readMspdi` + `mspdiToPmokit` hold both). The file is read
 * twice through `open` (each call must give the same text from its start, e.g. `() => readImportChunks(path)`): the
 * first pass keeps what mapping needs across tasks (project header, calendars, resources, the outline, the span of
 * dates, summaries' children's baseline costs); the second maps tasks and assignments one by one, exactly as
 * {@link mspdiToPmokit} does. Batches come in an order that stores cleanly: the project and resources first, then
 * packages, milestones and cost entries, then assignments, then the baselines (built over all tasks, so last).
 *
 * The records and reports are those of `mspdiToPmokit(readMspdi(text).document)`, with the same refusals (hostile
 * XML, no currency) and the same problems. All-or-nothing for the consumer: batches are yielded only while every
 * record so far is valid; after the first problem the rest of the file is still checked and then one
 * {@link ValidationError} lists every problem — so a consumer storing batches in one transaction
 * (`writeImportedStream`) rolls back. A file that changes between the passes is refused.
 *
 * @throws {ValidationError} on hostile or malformed XML, a root that is not `<Project>`, no known currency, any invalid record (after the last batch), or a file changed while read.
 * @example
 * ```ts
 * const batches = importMspdiBatches(() => readImportChunks("plan.xml"), { projectId: "prj-erp", projectCode: "PRJ-ERP",
 *   projectManagerId: "p-rui", sponsorId: "p-ana", importedBy: "p-ana", importedAt: "2026-11-25T12:00:00.000Z" });
 * await writeImportedStream(adapter, batches);
 * ```
 */
export async function* importMspdiBatches(
  open: () => AsyncIterable<string> | Iterable<string>,
  options: ImportMspdiBatchOptions,
): AsyncGenerator<ImportedRecords, void, undefined> {
  // A misspelt `batchsize` or `currancy` would run the default.
  checkOptionKeys("importMspdiBatches", options, IMPORT_MSPDI_BATCH_KEYS);
  const size = Math.max(1, options.batchSize ?? 1000);
  const plan = await readMspdiStreamPlan(open(), options);
  options.onCurrency?.(plan.currency);
  const { currency, project: p } = plan;
  const ctx = mspdiMapContext(p, currency, options, plan.outline);

  // Problems and report lines by part, put back at the end in the order the whole-document import gives them.
  const issues = { project: [] as ValidationError[], tasks: [] as ValidationError[], baselines: [] as ValidationError[], resources: [] as ValidationError[], assignments: [] as ValidationError[] };
  const invalid = () => issues.project.length + issues.tasks.length + issues.resources.length + issues.assignments.length + issues.baselines.length > 0;
  const rec = { header: createReportRecorder(), tasks: createReportRecorder(), resources: createReportRecorder(), assignments: createReportRecorder(), readTasks: createReportRecorder(), readAssignments: createReportRecorder() };
  const baselineRecs = MSPDI_BASELINE_NUMBERS.map(() => createReportRecorder());

  const repeated = plan.outline.problems();
  if (repeated) issues.project.push(repeated);
  const { project, start } = mapMspdiProject(p, ctx, plan.span.result(ctx.statusDate), rec.header, createMspdiDecoder(issues.project));
  const packageIds = new Set<string>();
  let tasksSeen = 0;
  // Assignments go to tasks mapped as packages; a file with assignments before its tasks falls back to the first pass.
  const taskPrefix = `${options.projectId}-t`;
  const isPackage = (id: string): boolean => packageIds.has(id) ||
    (tasksSeen < plan.taskElements && id.startsWith(taskPrefix) && plan.packageUids.has(id.slice(taskPrefix.length)) && ctx.idOf(id.slice(taskPrefix.length)) === id);
  const resCtx = mspdiResourceContext(ctx, start, isPackage);
  const staffing = mspdiResourceList(p.lists["resources"] ?? [], p.lists["calendars"] ?? [], resCtx, rec.resources);
  const decodeResource = createMspdiDecoder(issues.resources);
  const uidOf = (id: string, prefix: string) => id.slice(`${options.projectId}-${prefix}`.length);
  const onceResource = createMspdiIdCheck("resource", issues.resources);
  const onceAssignment = createMspdiIdCheck("assignment", issues.assignments);
  const resources = staffing.resources.flatMap((r) => (onceResource(r.id, uidOf(r.id, "r")) ? decodeResource("resource", r, `Resource[${r.id}]`) ?? [] : []));

  let pending: Tagged[] = [];
  const first: Tagged[] = [...(project ? [["project", project] as const] : []), ...resources.map((r) => ["resource", r] as const)];
  const decodeTask = createMspdiDecoder(issues.tasks);
  const decodeAssignment = createMspdiDecoder(issues.assignments);
  const drafts = MSPDI_BASELINE_NUMBERS.map(() => newMspdiBaselineDraft());
  let timephased = 0;
  let assignmentElements = 0;
  const push = (kind: EntityKind, record: unknown): void => {
    if (!invalid()) pending.push([kind, record]);
  };
  const xml = createXmlElementStream("MSPDI file", {
    emit: new Set(["Project/Calendars/Calendar", MSPDI_TASK_PATH, "Project/Resources/Resource", MSPDI_ASSIGNMENT_PATH]), arrays: MSPDI_ARRAYS,
    ...(options.maxDepth ? { maxDepth: options.maxDepth } : {}), ...(options.maxChars ? { maxChars: options.maxChars } : {}),
  }, (path, raw) => {
    if (path === MSPDI_TASK_PATH) {
      tasksSeen++;
      const t = readElement(raw, TASK_SPEC, MSPDI_TASK_PATH, rec.readTasks, currency);
      if (isInactiveMspdiTask(t)) warnInactiveMspdiTask(t, rec.tasks);
      if (!isMappedMspdiTask(t)) return;
      timephased += t.lists["timephased"]?.length ?? 0;
      const r = mapMspdiTask(t, ctx, rec.tasks, decodeTask);
      if (r.workPackage) {
        packageIds.add(r.workPackage.id);
        push("work-package", r.workPackage);
      }
      if (r.milestone) push("milestone", r.milestone);
      if (r.costEntry) push("cost-entry", r.costEntry);
      MSPDI_BASELINE_NUMBERS.forEach((n, i) => addMspdiBaselineEntry(drafts[i]!, t, n, ctx, baselineRecs[i]!, plan.children));
    } else if (path === MSPDI_ASSIGNMENT_PATH) {
      assignmentElements++;
      const a = readElement(raw, ASSIGNMENT_SPEC, MSPDI_ASSIGNMENT_PATH, rec.readAssignments, currency);
      timephased += a.lists["timephased"]?.length ?? 0;
      const wire = mspdiAssignment(a, staffing.ids, resCtx, rec.assignments);
      const decoded = wire && onceAssignment(wire.id, uidOf(wire.id, "a")) ? decodeAssignment("assignment", wire, `Assignment[${wire.id}]`) : undefined;
      if (decoded) push("assignment", decoded);
    }
  });
  const take = function* (all: boolean): Generator<ImportedRecords> {
    if (invalid()) {
      pending = [];
      return;
    }
    while (pending.length >= size || (all && pending.length > 0)) {
      const batch = pending.slice(0, size);
      pending = pending.slice(size);
      yield group(batch);
    }
  };
  if (!invalid() && first.length > 0) yield group(first);
  for await (const chunk of open()) {
    xml.write(chunk);
    yield* take(false);
  }
  xml.close();
  if (xml.chars !== plan.chars || tasksSeen !== plan.taskElements || assignmentElements !== plan.assignmentElements) {
    throw ValidationError.single([], "the file changed while it was read (the two passes differ); nothing imported", "MSPDI file");
  }
  const decodeBaseline = createMspdiDecoder(issues.baselines);
  MSPDI_BASELINE_NUMBERS.forEach((n, i) => {
    const b = mspdiBaselineRecord(n, drafts[i]!, ctx, baselineRecs[i]!, decodeBaseline);
    if (b) push("baseline", b);
  });
  if (invalid()) {
    throw new ValidationError([...issues.project, ...issues.tasks, ...issues.baselines, ...issues.resources, ...issues.assignments].flatMap((e) => e.issues), "MSPDI import");
  }
  yield* take(true);
  if (options.onReport) {
    const mapping = createReportBuilder("mspdi");
    for (const r of [rec.header, rec.tasks, ...baselineRecs, rec.resources, rec.assignments]) r.replayInto(mapping);
    reportMspdiUnmappedTail(mapping, timephased);
    const read = createReportBuilder("mspdi");
    for (const r of [plan.read.calendars, plan.read.tasksBox, rec.readTasks, plan.read.resources, plan.read.assignmentsBox, rec.readAssignments, plan.read.project]) r.replayInto(read);
    read.count("calendars", p.lists["calendars"]?.length ?? 0);
    read.count("tasks", plan.taskElements);
    read.count("resources", p.lists["resources"]?.length ?? 0);
    read.count("assignments", plan.assignmentElements);
    options.onReport({ read: read.finish(), mapping: mapping.finish() });
  }
}
