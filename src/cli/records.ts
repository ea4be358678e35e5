import { resolve } from "node:path";
import { readAllRecords, type ImportedRecords } from "../io/index.js";
import { analyzeDelivery, type DeliveryAnalysis } from "./office.js";
import { progress, type CliIo } from "./progress.js";
import { analyzeOfficeSchedule, type OfficeSchedule, type PlanConventions } from "./schedule.js";
import { openSqlite } from "./sqlite.js";

/**
 * Every record of the command's SQLite database (`--db`, relative to the working folder), read and closed again.
 *
 * @example
 * ```ts
 * const records = await readRecords({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }, "pmo.sqlite");
 * records.project?.length; // the projects stored
 * ```
 */
export async function readRecords(io: CliIo, db: string): Promise<ImportedRecords> {
  const store = await openSqlite(resolve(io.cwd, db));
  try {
    return await readAllRecords(store.adapter);
  } finally {
    await store.close();
  }
}

/**
 * The delivery analysis (projects, RAID, rollout, traceability) of the database as of a day (or the day `asOf` picks
 * from the records read), with a progress bar.
 *
 * @example
 * ```ts
 * const delivery = await withDelivery(io, { db: "pmo.sqlite", asOf: "2026-11-20" });
 * delivery.trace.result.levels.length; // one entry per requirement level
 * ```
 */
export async function withDelivery(io: CliIo, opts: { db: string; asOf: string | ((records: ImportedRecords) => string) }): Promise<DeliveryAnalysis> {
  const records = await readRecords(io, opts.db);
  const bar = progress(io, 5, "analyse");
  const delivery = analyzeDelivery(records, typeof opts.asOf === "string" ? opts.asOf : opts.asOf(records), (s) => bar.tick(s));
  bar.stop();
  return delivery;
}

/**
 * The plan analysis (network, levelling) of the database's projects as of a day (or the day `asOf` picks from the
 * records read), or of one project, with the `milestoneDating`, `startLinkFloat` and `startNoLaterThan` conventions
 * when given.
 *
 * @example
 * ```ts
 * const schedule = await withSchedule(io, { db: "pmo.sqlite", asOf: "2026-11-20", project: "PRJ-CRM" });
 * ```
 */
export async function withSchedule(io: CliIo, opts: { db: string; asOf: string | ((records: ImportedRecords) => string); project?: string } & PlanConventions): Promise<OfficeSchedule> {
  const { db, asOf, ...rest } = opts;
  const records = await readRecords(io, db);
  return analyzeOfficeSchedule(records, { statusDate: typeof asOf === "string" ? asOf : asOf(records), ...rest });
}

/**
 * The status date the analyses take without `--as-of`: the latest `statusDate` of the projects — an imported MS
 * Project file's StatusDate, else its CurrentDate —, so an old plan is scheduled and measured at its own date, not
 * today's; undefined when none has one (the command then takes today). `schedule` and `risk` with `--project` take it
 * too (before, that project's own date), so a project reads the same with `--project`, without it and in the report;
 * `project` narrows the dates to one project (by id or code) for {@link ownStatusDateNote}.
 *
 * @example
 * ```ts
 * planStatusDate(records); // "2026-11-20"
 * ```
 */
export function planStatusDate(records: ImportedRecords, project?: string): string | undefined {
  const dates = (records.project ?? []).filter((p) => project === undefined || p.id === project || p.code === project).flatMap((p) => (p.statusDate !== undefined ? [p.statusDate] : []));
  return dates.sort().pop();
}

/**
 * What the as-of note adds for `--project` when the project's own status date is not the data's: its date and the
 * flag that analyses it as of then; empty otherwise.
 *
 * @example
 * ```ts
 * ownStatusDateNote(records, "PRJ-EINV"); // "; PRJ-EINV's own status date is 2026-10-30 (--as-of 2026-10-30 for the project as of then)"
 * ```
 */
export function ownStatusDateNote(records: ImportedRecords, project: string | undefined): string {
  const [data, own] = [planStatusDate(records), project === undefined ? undefined : planStatusDate(records, project)];
  return own === undefined || data === undefined || own === data ? "" : `; ${project}'s own status date is ${own} (--as-of ${own} for the project as of then)`;
}

/**
 * The warning `evm` gives, without `--as-of`, a project measured as of a later day (the data's status date) than its
 * own status date: no progress after its own date is recorded, so its figures may read behind. Empty when the project
 * has no status date or it is not older.
 *
 * @example
 * ```ts
 * olderStatusDateWarning(records, "PRJ-EINV", "2026-11-20"); // ["PRJ-EINV: its own status date is 2026-10-30, before 2026-11-20, …"]
 * ```
 */
export function olderStatusDateWarning(records: ImportedRecords, code: string, asOf: string): string[] {
  const own = (records.project ?? []).find((p) => p.code === code)?.statusDate;
  return own === undefined || own >= asOf ? [] : [`${code}: its own status date is ${own}, before ${asOf}, the date it is measured as of: no progress after ${own} is recorded, so its figures may read behind (--as-of ${own} for the project as of then)`];
}
