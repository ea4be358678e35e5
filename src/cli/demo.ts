import { resolve } from "node:path";
import { writeImportedRecords, readAllRecords } from "../io/index.js";
import { renderHtmlReport, renderMarkdownReport, renderXlsxReport } from "../reports/index.js";
import { oneLine } from "./errors.js";
import { readOfficeFolder } from "./load.js";
import { sampleOfficeRecords } from "../office/index.js";
import { analyzeOffice, type OfficeAnalysis } from "./office.js";
import { officeReport } from "./office-report.js";
import { analyzeOfficeSchedule, earnedScheduleFinishes, type OfficeSchedule } from "./schedule.js";
import { analyzeOfficeRisk, type ProjectRisk } from "./risk.js";
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
  /** Status date (default 2026-11-20, the sample's). */
  readonly statusDate?: string;
  /** Print the summary as JSON instead of text. */
  readonly json?: boolean;
}

/**
 * `pmokit demo`: loads the office into a fresh embedded SQLite file (migrated, one transaction), reads it back,
 * runs the whole office (intake → selection → earned value → schedule → traceability → rollout → KPIs) at the status date,
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
      office = await analyzeOffice(stored, { statusDate: options.statusDate ?? "2026-11-20", onStage: () => {} });
      schedule = analyzeOfficeSchedule(stored, office.statusDate, undefined, earnedScheduleFinishes(office));
      // Seeded: the same data gives the same percentiles, so two demo runs still write identical reports.
      risks = analyzeOfficeRisk(stored, { statusDate: office.statusDate, iterations: 500, seed: 1 });
      bar.tick("analysed");
    } finally {
      await store.close();
    }
    const report = officeReport(office, schedule, risks);
    writeFilesAtomically(out, { "index.html": renderHtmlReport(report), "report.md": renderMarkdownReport(report), "report.xlsx": await renderXlsxReport(report), ...chartFiles(report) });
    bar.tick("written");
    bar.stop();
    if (options.json) io.stdout.write(`${jsonText({ statusDate: office.statusDate, database: db, report: [resolve(out, "index.html"), resolve(out, "report.md"), resolve(out, "report.xlsx")], selected: office.selection.result.selected, projects: office.projects.map((p) => ({ code: p.code, rag: p.rag.overall.colour ?? null })) })}\n`);
    else io.stdout.write(`${[...officeSummary(office), "", `database  ${db}`, `report    ${resolve(out, "index.html")}`, `          ${resolve(out, "report.md")}`, `          ${resolve(out, "report.xlsx")}`].map(printable).join("\n")}\n`);
    return office;
  } catch (e) {
    bar.stop();
    throw e instanceof Error && e.name === "CliError" ? e : new Error(oneLine(e));
  }
}
