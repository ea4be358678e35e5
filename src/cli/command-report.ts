import { basename, dirname, join, resolve } from "node:path";
import { Command, Option } from "commander";
import type { ImportedRecords } from "../io/index.js";
import { renderHtmlReport, renderJsonReport, renderMarkdownReport, renderXlsxReport, tableToCsv, portfolioSection, type ReportSection, type ReportTable } from "../reports/index.js";
import { intakeSetup, json, type AnalysisOpts, type CommandContext } from "./command-context.js";
import { runDemo } from "./demo.js";
import { resolveEnvelope } from "./envelope.js";
import { CliError } from "./errors.js";
import { entryAt } from "./folders.js";
import { analyzeOffice, type OfficeAnalysis } from "./office.js";
import { officeReport } from "./office-report.js";
import { asOfOption, dbOption, envelopeFlags, jsonOption, kpiConventionOptions, kpiConventions, planConventionOptions, DATA_STATUS_DATE, selectionOptions, type IntakeFlags, type KpiConventionFlags, type PlanConventionFlags } from "./options.js";
import { chartFiles, checkWritableDir, writeFilesAtomically } from "./output.js";
import { progress, type CliIo } from "./progress.js";
import { readRecords } from "./records.js";
import { decimalMarkOption, delimiterOption, reportCsvOptions } from "./report-csv.js";
import { analyzeOfficeRisk, OFFICE_RISK_RUN } from "./risk.js";
import { analyzeOfficeSchedule, earnedScheduleFinishes, planConventionsOf } from "./schedule.js";
import { printable } from "./terminal.js";

async function officeOf(io: CliIo, records: ImportedRecords, opts: IntakeFlags & KpiConventionFlags & { asOf: string }, setup: Awaited<ReturnType<typeof intakeSetup>>): Promise<OfficeAnalysis> {
  const envelope = resolveEnvelope(envelopeFlags(opts), records.request ?? []);
  const bar = progress(io, 7, "analyse");
  const office = await analyzeOffice(records, { statusDate: opts.asOf, model: setup.model, envelope, ...(setup.solver ? { solver: setup.solver } : {}), onStage: (s) => bar.tick(s), ...kpiConventions(opts) });
  bar.stop();
  return office;
}

function tables(sections: readonly ReportSection[]): ReportTable[] {
  return sections.flatMap((s) => [...s.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])), ...tables(s.sections ?? [])]);
}

/** `report`: the office report in one of five formats. */
export function registerReportCommand(program: Command, ctx: CommandContext): void {
  const { io, raw, dataAsOf } = ctx;
  kpiConventionOptions(planConventionOptions(selectionOptions(program.command("report").description("write the office report (html: one self-contained file; md: with chart SVGs beside it; csv: the project health table; json; xlsx: a workbook, one sheet per table)")
    .addOption(new Option("--format <format>", "html, md, csv, json or xlsx").choices(["html", "md", "csv", "json", "xlsx"]).default("html"))
    .requiredOption("--out <path>", "file to write")
    .addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE))))).addOption(jsonOption()).addOption(delimiterOption()).addOption(decimalMarkOption())
    .action(async (o: IntakeFlags & AnalysisOpts & PlanConventionFlags & KpiConventionFlags & { format: "html" | "md" | "csv" | "json" | "xlsx"; out: string; delimiter?: "," | ";" | "\t"; decimalMark?: "." | "," }) => {
      const out = resolve(io.cwd, o.out);
      const csvOptions = reportCsvOptions(o); // before the work: --delimiter / --decimal-mark with another format is a usage error
      // Checked before the work: a folder is not a report file (`--out .` would write beside the folder).
      if (entryAt(out) === "folder") throw new CliError(`${out}: is a folder; --out names the report file (e.g. ${join(o.out, `report.${o.format}`)})`, { code: "usage" });
      checkWritableDir(dirname(out));
      const setup = await intakeSetup(raw, o);
      const records = await readRecords(raw, o.db);
      const asOf = dataAsOf(o)(records);
      const office = await officeOf(raw, records, { ...o, asOf }, setup);
      const risks = analyzeOfficeRisk(records, { statusDate: asOf, ...OFFICE_RISK_RUN, ...planConventionsOf(o) });
      const report = officeReport(office, analyzeOfficeSchedule(records, { statusDate: asOf, earnedScheduleFinish: earnedScheduleFinishes(office), ...planConventionsOf(o) }), risks);
      const dir = dirname(out);
      const name = basename(out);
      let files: Record<string, string | Uint8Array>;
      if (o.format === "xlsx") files = { [name]: await renderXlsxReport(report) };
      else if (o.format === "html") files = { [name]: renderHtmlReport(report) };
      else if (o.format === "md") files = { [name]: renderMarkdownReport(report), ...chartFiles(report) };
      else if (o.format === "json") files = { [name]: renderJsonReport(report) };
      else {
        const health = portfolioSection({ asOf: office.statusDate, projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, evm: p.series.atStatusDate })), people: office.people });
        files = { [name]: tableToCsv(tables([health])[0]!, csvOptions) };
      }
      const written = writeFilesAtomically(dir, files);
      if (o.json) json(io, { written });
      else io.stdout.write(`wrote ${written.map(printable).join(", ")}\n`);
    });
}

/** `demo`: the whole sample office (or a folder of yours) on a fresh database, with its report. */
export function registerDemoCommand(program: Command, ctx: CommandContext): void {
  const { raw, today } = ctx;
  kpiConventionOptions(planConventionOptions(selectionOptions(program.command("demo").description("run the whole sample office on a fresh embedded SQLite file and write pmo-report/index.html and report.md")
    .option("--db <file>", "SQLite file, recreated each run", ".pmokit/demo.sqlite")
    .option("--out <dir>", "report folder", "pmo-report")
    .option("--data <dir>", "folder of per-kind JSON files (default: the sample office)")
    .addOption(asOfOption("the data's status date — the latest project statusDate, 2026-11-20 for the sample — else today in UTC"))))).addOption(jsonOption())
    .action(async (o: IntakeFlags & PlanConventionFlags & KpiConventionFlags & { db: string; out: string; data?: string; asOf?: string; json?: boolean }) => {
      const { model, solver } = await intakeSetup(raw, o);
      await runDemo({
        db: o.db, out: o.out, model, envelope: envelopeFlags(o), ...(solver ? { solver } : {}), today,
        ...(o.asOf !== undefined ? { statusDate: o.asOf } : {}), ...(o.data !== undefined ? { data: o.data } : {}), ...(o.json ? { json: true } : {}), ...planConventionsOf(o), ...kpiConventions(o),
      }, raw);
    });
}
