import { resolve } from "node:path";
import { writeImportedRecords, readAllRecords } from "../io/index.js";
import { overallRule, renderHtmlReport, renderMarkdownReport, renderXlsxReport } from "../reports/index.js";
import { isoDate, type IsoDate } from "../core/index.js";
import type { ImportedRecords } from "../io/index.js";
import type { ScoringModel } from "../prioritization/index.js";
import type { SelectionSolver } from "../selection/index.js";
import type { MilestoneDating, StartLinkFloat, StartNoLaterThan } from "../schedule/index.js";
import { resolveEnvelope, type EnvelopeFlags } from "./envelope.js";
import { CliError, toCliError } from "./errors.js";
import { renamePaths } from "./flag-paths.js";
import { AS_OF_FLAG } from "./options.js";
import { readOfficeFolder } from "./load.js";
import { sampleOfficeRecords } from "../office/index.js";
import { analyzeOffice, type OfficeAnalysis } from "./office.js";
import { officeReport } from "./office-report.js";
import { analyzeOfficeSchedule, earnedScheduleFinishes, planConventionsOf, type OfficeSchedule } from "./schedule.js";
import { analyzeOfficeRisk, OFFICE_RISK_RUN, type ProjectRisk } from "./risk.js";
import { chartFiles, checkWritableDir, writeFilesAtomically } from "./output.js";
import { progress, type CliIo } from "./progress.js";
import { openSqlite } from "./sqlite.js";
import { officeSummary } from "./summary.js";
import { guardedIo, jsonText, printable } from "./terminal.js";

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** SQLite file, recreated each run (default `.pmokit/demo.sqlite`). */
  readonly db?: string;
  /** Report folder (default `pmo-report`). */
  readonly out?: string;
  /** Folder of the office's per-kind JSON files (default: the sample office bundled with pmokit, `pmokit/office`). */
  readonly data?: string;
  /**
   * Status date (default: the data's own — the latest project `statusDate`, 2026-11-20 for the sample — so the demo
   * gives the same report every day; `today()` only for data without one). The `--as-of` flag's: an error at it
   * names `--as-of`.
   */
  readonly statusDate?: string;
  /** Today's date, for data without a status date (the CLI passes its clock's). Default: none — such data is refused. */
  readonly today?: () => IsoDate;
  /** The intake's scoring model (default the built-in one). */
  readonly model?: ScoringModel;
  /** The selection envelope's options (each default as `select`'s). */
  readonly envelope?: EnvelopeFlags;
  /** The selection solver (default the built-in one). */
  readonly solver?: SelectionSolver;
  /** Print the summary as JSON instead of text. */
  readonly json?: boolean;
  /** The plan conventions of the report's schedules and Monte Carlo runs (`ScheduleOptions`), each default as `schedule`'s. */
  readonly milestoneDating?: MilestoneDating | undefined;
  /** See {@link DemoOptions.milestoneDating}. */
  readonly startLinkFloat?: StartLinkFloat | undefined;
  /** See {@link DemoOptions.milestoneDating}. */
  readonly startNoLaterThan?: StartNoLaterThan | undefined;
  /** How the availability KPIs count an outage cut into parts (`serviceAvailability`'s option; default count-once). */
  readonly outageSplitting?: "count-once" | "count-each-part" | undefined;
  /** IANA time zone whose days the availability year and the status date are (default UTC). */
  readonly timeZone?: string | undefined;
}

/**
 * The data's own status date: the latest `statusDate` of its projects (undefined when none has one).
 *
 * @example
 * ```ts
 * dataStatusDate(sampleRecords); // "2026-11-20"
 * ```
 */
export function dataStatusDate(records: ImportedRecords): IsoDate | undefined {
  const dates = (records.project ?? []).flatMap((p) => (p.statusDate !== undefined ? [p.statusDate] : [])).sort();
  return dates.length > 0 ? isoDate(dates[dates.length - 1]!) : undefined;
}

/**
 * `pmokit demo`: loads the office into a fresh embedded SQLite file (migrated, one transaction), reads it back,
 * runs the whole office (intake → selection → earned value → schedule → traceability → rollout → KPIs) at the status date
 * (by default the data's own, so the report does not change with the day),
 * prints a summary and writes `index.html`, `report.md` (with its chart SVGs) and `report.xlsx` to the report folder. The report
 * is dated by the status date only: two runs give byte-identical files. Returns the analysis.
 *
 * @example
 * ```ts
 * await runDemo({ out: "pmo-report" }, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * ```
 */
export async function runDemo(options: DemoOptions, raw: CliIo): Promise<OfficeAnalysis> {
  const io = guardedIo(raw);
  const db = resolve(io.cwd, options.db ?? ".pmokit/demo.sqlite");
  const out = resolve(io.cwd, options.out ?? "pmo-report");
  checkWritableDir(out); // fail before the work, not after it
  const bar = progress(raw, 5, "demo");
  try {
    // The sample comes validated from `pmokit/office` (decoded through the entity codecs), so it needs no folder.
    const records = options.data !== undefined ? (await readOfficeFolder(resolve(io.cwd, options.data))).records : sampleOfficeRecords();
    bar.tick("validated");
    const store = await openSqlite(db, { fresh: true });
    let office: OfficeAnalysis;
    let schedule: OfficeSchedule;
    let risks: ProjectRisk[];
    try {
      await writeImportedRecords(store.adapter, records);
      bar.tick("stored in SQLite");
      // Everything below reads the office back from the database, not from the files.
      const stored = await readAllRecords(store.adapter);
      const statusDate = options.statusDate ?? dataStatusDate(stored) ?? options.today?.();
      if (statusDate === undefined) throw new CliError(`${options.data ?? "the sample office"}: no project has a statusDate; pass --as-of`, { code: "usage" });
      const envelope = resolveEnvelope(options.envelope ?? {}, stored.request ?? []);
      office = await analyzeOffice(stored, { statusDate, envelope, ...(options.model ? { model: options.model } : {}), ...(options.solver ? { solver: options.solver } : {}), onStage: () => {}, ...(options.outageSplitting ? { outageSplitting: options.outageSplitting } : {}), ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}) });
      const conventions = planConventionsOf(options);
      schedule = analyzeOfficeSchedule(stored, { statusDate: office.statusDate, earnedScheduleFinish: earnedScheduleFinishes(office), ...conventions });
      // Seeded: the same data gives the same percentiles, so two demo runs still write identical reports.
      risks = analyzeOfficeRisk(stored, { statusDate: office.statusDate, ...OFFICE_RISK_RUN, ...conventions });
      bar.tick("analysed");
    } finally {
      await store.close();
    }
    const report = officeReport(office, schedule, risks);
    writeFilesAtomically(out, { "index.html": renderHtmlReport(report), "report.md": renderMarkdownReport(report), "report.xlsx": await renderXlsxReport(report), ...chartFiles(report) });
    bar.tick("written");
    bar.stop();
    if (options.json) io.stdout.write(`${jsonText({ statusDate: office.statusDate, database: db, report: [resolve(out, "index.html"), resolve(out, "report.md"), resolve(out, "report.xlsx")], selected: office.selection.result.selected, projects: office.projects.map((p) => ({ code: p.code, rag: p.rag.overall.colour ?? null, rule: overallRule(p.rag, office.people) })) })}\n`);
    else io.stdout.write(`${[...officeSummary(office), "", `database  ${db}`, `report    ${resolve(out, "index.html")}`, `          ${resolve(out, "report.md")}`, `          ${resolve(out, "report.xlsx")}`].map(printable).join("\n")}\n`);
    return office;
  } catch (e) {
    bar.stop();
    // The status date is --as-of's: an error at it (a date centuries from the plan) names the flag.
    throw toCliError(options.statusDate !== undefined ? renamePaths(e, AS_OF_FLAG) : e);
  }
}
