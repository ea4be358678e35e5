import { basename, dirname, join, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { isoDate, metric, minorUnits } from "../core/index.js";
import { writeImportedBatches, writeImportedRecords, writeImportedStream, countRecords, IMPORT_ORDER, xlsxTemplate, type CsvDateFormat, type CsvKind, type ImportedRecords, type XlsxFormatLocale } from "../io/index.js";
import { renderHtmlReport, renderJsonReport, renderMarkdownReport, renderXlsxReport, tableToCsv, type ReportSection, type ReportTable } from "../reports/index.js";
import { runDemo } from "./demo.js";
import { todayUtc, cliNow } from "./clock.js";
import { parseCurrency, resolveEnvelope } from "./envelope.js";
import { CliError, toCliError } from "./errors.js";
import { printError } from "./error-output.js";
import { recordCounts } from "./record-counts.js";
import { openImportable, TRACKER_EXPORTS, trackerArgument, warningLines } from "./import-file.js";
import { analyzeOffice, INTAKE_MODEL, type DeliveryAnalysis, type OfficeAnalysis } from "./office.js";
import { scoreIntake, selectIntake } from "./intake.js";
import { readModelFile } from "./model-file.js";
import { dateFormatOption, decimalMarkOption, delimiterOption, formatLocaleOption, maxCellCharsOption, mergedCellsOption, reportCsvOptions } from "./report-csv.js";
import { baselineNumber, evmWarningLines } from "./ev-baseline.js";
import { asOfOption, dbOption, envelopeFlags, jsonOption, kpiConventionOptions, kpiConventions, modelOption, parseDate, parseInstant, parseTimeZone, planConventionOptions, DATA_STATUS_DATE, PLAN_STATUS_DATE, RISK_FLAGS, AS_OF_FLAG, selectionOptions, TODAY, type IntakeFlags, type KpiConventionFlags, type PlanConventionFlags } from "./options.js";
import { loadSolver } from "./solver.js";
import { officeReport } from "./office-report.js";
import { entryAt } from "./folders.js";
import { chartFiles, checkWritableDir, writeFilesAtomically } from "./output.js";
import { progress, type CliIo } from "./progress.js";
import { ownStatusDateNote, planStatusDate, readRecords, withDelivery, withSchedule } from "./records.js";
import { openSqlite } from "./sqlite.js";
import { jsonDecimal, jsonMissing, jsonMoney } from "./json-figures.js";
import { projectLines, rolloutLines, scoreLines, selectionLines } from "./summary.js";
import { guardedIo, jsonText, printable } from "./terminal.js";
import { analyzeOfficeSchedule, earnedScheduleFinishes, planConventionsOf } from "./schedule.js";
import { scheduleSummary } from "./schedule-summary.js";
import { traceSummary } from "./trace.js";
import { analyzeOfficeRisk, OFFICE_RISK_RUN } from "./risk.js";
import { namingFlags, renamePaths } from "./flag-paths.js";
import { pmokitVersion } from "./version.js";
import { earnedValueWarningText, gateOutcomeText, missingText, overallRule, portfolioSection } from "../reports/index.js";

/** Exit codes: 0 success, 1 findings (a red project, a NO-GO gate, suspect links…), 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

function json(io: CliIo, value: unknown): void {
  io.stdout.write(`${jsonText(value)}\n`);
}

/** The intake options read before any data: the model file and the solver, so a bad one fails before the work. */
async function intakeSetup(io: CliIo, o: IntakeFlags) {
  const model = o.model !== undefined ? await readModelFile(resolve(io.cwd, o.model)) : INTAKE_MODEL;
  const solver = await loadSolver(o.solver);
  return { model, solver };
}

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

/**
 * The `pmokit` command, runnable in-process: parses `argv` (without the node and script entries), writes to the
 * injected streams and resolves to the exit code instead of exiting.
 *
 * @example
 * ```ts
 * const code = await main(["evm", "--db", "pmo.sqlite", "--json"], { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
 * process.exitCode = code;
 * ```
 */
export async function main(argv: readonly string[], raw: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  // Everything printed goes through the guard; names from files and databases are also made one line (printable).
  const io = guardedIo(raw);
  // Errors follow the output: JSON on stdout with --json (even a usage error commander finds), a line on stderr without.
  const end = argv.indexOf("--");
  const asJson = (end < 0 ? argv : argv.slice(0, end)).includes("--json");
  const errorOutput: { listAll: boolean; subject?: string } = { listAll: false };
  // When the clock's date stands in for --as-of, a finished command says so on stderr: figures are never silently of today.
  let clockDate: string | undefined;
  const today = () => (clockDate = todayUtc(raw));
  // Analyses default to the data's status date (the latest project statusDate; an MS Project file's StatusDate, else
  // CurrentDate), as the demo does, else today: also stated.
  let dataDate: string | undefined, asOfGiven = false; // with --as-of, an error at `statusDate` (400 years …) names it
  let ownDate = ""; // schedule|risk --project: the project's own other status date (ownStatusDateNote)
  const dataAsOf = (o: { asOf?: string; project?: string }) => (records: ImportedRecords) => {
    if (o.asOf !== undefined) { asOfGiven = true; return o.asOf; }
    [dataDate, ownDate] = [planStatusDate(records), ownStatusDateNote(records, o.project)];
    return dataDate ?? today();
  };
  const program = new Command("pmokit")
    .description("pmokit — the Project Management Office toolkit on an embedded SQLite database")
    .version(pmokitVersion(), "-V, --version", "print the pmokit version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .showHelpAfterError(false);

  program.command("init").description("create a SQLite database file with the current schema (migrated)")
    .argument("<db>", "database file").addOption(jsonOption())
    .action(async (db: string, o: { json?: boolean }) => {
      const store = await openSqlite(resolve(io.cwd, db), { create: true });
      await store.close();
      if (o.json) json(io, { database: resolve(io.cwd, db), migrated: true });
      else io.stdout.write(`initialised ${db}\n`);
    });

  const fileOptions = (c: Command) => c
    .option("--project <id>", "project the records belong to (MSPDI, ReqIF)")
    .option("--code <code>", "project code (MSPDI)")
    .option("--manager <person>", "project manager id (MSPDI)")
    .option("--sponsor <person>", "sponsor id (MSPDI)")
    .option("--actor <person>", "who imports (MSPDI)")
    .addOption(new Option("--currency <code>", "currency of an MSPDI file without a CurrencyCode (MS Project 2003); a file whose CurrencyCode differs is refused").argParser(parseCurrency))
    .addOption(new Option("--percent-lag-unit <unit>", "unit of an MSPDI percent lag's LinkLag: tenths of a percent (default) or whole percent, as files MPXJ wrote store it").choices(["tenths", "whole"]))
    .addOption(new Option("--baseline <n>", "baseline (0–10) earned value measures an MSPDI plan against (default: the file's BaselineForEarnedValue)").argParser(baselineNumber))
    .option("--kind <kind>", "entity kind of a CSV file: request, requirement, cost-entry, checklist-item")
    .option("--entry <name>", "the .reqif file to read from a .reqifz archive that holds several")
    .option("--local-time-offset <offset>", "UTC offset (+02:00) of a ReqIF file's times written without a time zone (DOORS 9); without it they are stamped with the import time")
    .addOption(delimiterOption()).addOption(decimalMarkOption()).addOption(dateFormatOption()).addOption(formatLocaleOption()).addOption(mergedCellsOption()).addOption(maxCellCharsOption())
    .addOption(new Option("--tracker <export>", `read the file as a work-tracker export (${TRACKER_EXPORTS.join(", ")}, or a profile FILE.json), each epic a work package earned by story points (needs --project, --planned-start, --planned-finish)`))
    .addOption(new Option("--planned-start <date>", "planned first day of every tracker package (YYYY-MM-DD)").argParser(parseDate("--planned-start")))
    .addOption(new Option("--planned-finish <date>", "planned last day of every tracker package (YYYY-MM-DD)").argParser(parseDate("--planned-finish")))
    .addOption(new Option("--as-of <date>", `status date of a tracker import: progress after it is left out (default: ${TODAY})`).argParser(parseDate("--as-of")))
    .addOption(new Option("--time-zone <zone>", "IANA time zone of the team (Europe/Berlin): a tracker export's instants count on their day there (default: the day written in the instant)").argParser(parseTimeZone))
    .addOption(new Option("--imported-at <instant>", "instant stamped on new records (ISO 8601 UTC, 2026-11-20T09:00:00Z; default now — with --as-of's today, the CLI's one use of the clock)").argParser(parseInstant("--imported-at")));
  type FileOpts = { project?: string; code?: string; manager?: string; sponsor?: string; actor?: string; currency?: string; percentLagUnit?: "tenths" | "whole"; baseline?: number; kind?: string; entry?: string; localTimeOffset?: string; delimiter?: "," | ";" | "\t"; decimalMark?: "." | ","; dateFormat?: CsvDateFormat; formatLocale?: XlsxFormatLocale; mergedCells?: "refuse" | "fill" | "top-left"; maxCellChars?: number; tracker?: string; plannedStart?: string; plannedFinish?: string; asOf?: string; timeZone?: string; importedAt?: string; json?: boolean; db: string };
  const importOptions = (o: FileOpts) => ({ ...o, importedAt: o.importedAt ?? cliNow(raw).toISOString(), ...(o.tracker !== undefined ? { asOf: o.asOf ?? today(), tracker: trackerArgument(io.cwd, o.tracker) } : {}) });

  fileOptions(program.command("import").description("validate a file (pmokit dataset JSON, a folder of per-kind JSON, MSPDI, ReqIF or CSV) and store it, all or nothing")
    .argument("<file>", "file or folder to import").addOption(dbOption()).addOption(jsonOption()))
    .action(async (file: string, o: FileOpts) => {
      const source = await openImportable(resolve(io.cwd, file), importOptions(o));
      const store = await openSqlite(resolve(io.cwd, o.db));
      try {
        const bar = progress(raw, 1, "import");
        const stored = source.form === "records"
          ? writeImportedRecords(store.adapter, source.records)
          : source.form === "stream"
            ? writeImportedStream(store.adapter, source.batches())
            : writeImportedBatches(store.adapter, source.kind, source.batches()).then((n) => (n > 0 ? { [source.kind]: n } : {}));
        const written = await stored.catch((e: unknown) => {
          throw toCliError(e, { file: o.db });
        });
        bar.tick("stored");
        bar.stop();
        // The importer's warnings (a link left out, times stamped with the import time) are printed, never dropped.
        if (o.json) json(io, { file, written, warnings: source.warnings });
        else io.stdout.write(`imported ${recordCounts(written) || "nothing (the file holds no records)"} into ${printable(o.db)}\n`);
        if (!o.json) for (const line of warningLines(file, source.warnings)) io.stderr.write(`${line}\n`);
      } finally {
        await store.close();
      }
    });

  fileOptions(program.command("validate").description("validate a file without storing it; lists every problem, one a line; exit 2 when invalid")
    .argument("<file>", "file or folder to validate").addOption(jsonOption()))
    .action(async (file: string, o: FileOpts) => {
      errorOutput.listAll = true;
      errorOutput.subject = file;
      const source = await openImportable(resolve(io.cwd, file), importOptions(o));
      let counts: Readonly<Partial<Record<string, number>>>;
      if (source.form === "records") counts = countRecords(source.records);
      else if (source.form === "stream") {
        const n: Partial<Record<string, number>> = {};
        for await (const batch of source.batches()) for (const [kind, list] of Object.entries(batch)) n[kind] = (n[kind] ?? 0) + (list?.length ?? 0);
        counts = Object.fromEntries(IMPORT_ORDER.filter((k) => (n[k] ?? 0) > 0).map((k) => [k, n[k]!]));
      } else {
        let n = 0;
        for await (const batch of source.batches()) n += batch.length; // validated and let go, batch by batch
        counts = n > 0 ? { [source.kind]: n } : {};
      }
      if (o.json) json(io, { file, valid: true, counts, warnings: source.warnings });
      else io.stdout.write(`${printable(file)}: valid (${recordCounts(counts) || "no records"})\n`);
      if (!o.json) for (const line of warningLines(file, source.warnings)) io.stderr.write(`${line}\n`);
    });

  type AnalysisOpts = { db: string; asOf?: string; json?: boolean };
  const analysis = (name: string, description: string, show: (delivery: DeliveryAnalysis, asJson: boolean) => number) =>
    program.command(name).description(description).addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE)).addOption(jsonOption())
      .action(async (o: AnalysisOpts) => {
        code = show(await withDelivery(raw, { db: o.db, asOf: dataAsOf(o) }), o.json === true);
      });

  program.command("score").description("rank the intake with a scoring model (default: the built-in weighted model over the sample's criteria)")
    .addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE)).addOption(modelOption()).addOption(jsonOption())
    .action(async (o: AnalysisOpts & { model?: string }) => {
      const model = o.model !== undefined ? await readModelFile(resolve(io.cwd, o.model)) : INTAKE_MODEL;
      const records = await readRecords(raw, o.db);
      const { scoreboard } = scoreIntake(records, isoDate(dataAsOf(o)(records)), model);
      if (o.json) json(io, scoreboard.entries.map((e) => ({ rank: e.rank, request: e.requestId, status: e.status, score: e.score.value?.toFixed() ?? null, reason: e.score.reason ?? null })));
      else if (scoreboard.entries.length === 0) io.stdout.write("no requests to rank: the database has none\n");
      else io.stdout.write(`${scoreLines(scoreboard, records.request ?? []).map(printable).join("\n")}\n`);
    });

  selectionOptions(program.command("select").description("select the portfolio of open requests under the budget and capacity of one period; exit 1 when infeasible")
    .addOption(dbOption()).addOption(asOfOption(DATA_STATUS_DATE))).addOption(jsonOption())
    .action(async (o: IntakeFlags & AnalysisOpts) => {
      const { model, solver } = await intakeSetup(raw, o);
      const records = await readRecords(raw, o.db);
      const envelope = resolveEnvelope(envelopeFlags(o), records.request ?? []);
      const intake = scoreIntake(records, isoDate(dataAsOf(o)(records)), model);
      const selection = await selectIntake(intake, envelope, solver);
      const r = selection.result;
      if (o.json) {
        json(io, {
          status: r.status, selected: r.selected, excluded: r.excluded, objective: jsonDecimal(r.objective),
          whyNot: r.whyNot.map((w) => ({ candidate: w.candidate, explanation: w.explanation })), binding: r.binding.map((b) => `${b.constraint.label}: ${b.description}`),
          conflicts: r.conflicts.map((c) => c.explanation),
          envelope: { period: envelope.period, budget: { amount: envelope.budget.amount.toFixed(minorUnits(envelope.budget.currency)), currency: envelope.budget.currency }, capacity: envelope.capacity }, solver: r.solver,
        });
      } else io.stdout.write(`${selectionLines(selection, [...intake.requests, ...intake.others]).map(printable).join("\n")}\n`);
      code = r.status === "infeasible" ? EXIT.findings : EXIT.ok;
    });
  analysis("evm", "earned value and earned schedule of the running projects; exit 1 when a project is red", (d, asJson) => {
    if (asJson) {
      json(io, d.projects.map((p) => {
        const f = p.series.atStatusDate.figures;
        const s = p.series.atStatusDate.schedule;
        return {
          project: p.code, statusDate: p.series.atStatusDate.statusDate, rag: p.rag.overall.colour ?? null, rule: overallRule(p.rag, d.people),
          bac: jsonMoney(f.bac), pv: jsonMoney(f.pv), ev: jsonMoney(f.ev), ac: jsonMoney(f.ac),
          cpi: jsonDecimal(f.cpi), spi: jsonDecimal(f.spi), spiT: jsonDecimal(s.spiT), eac: jsonMoney(f.selectedEac.value),
          forecastFinish: s.forecastFinish.spiT.value === undefined ? jsonMissing(s.forecastFinish.spiT) : s.forecastFinish.spiT.value,
          warnings: p.series.atStatusDate.warnings.map((w) => earnedValueWarningText(w, p.series.atStatusDate.packages)),
        };
      }));
    }
    else io.stdout.write(`${projectLines(d.projects, d.people).map(printable).join("\n")}\n`);
    // The calculator's warnings (a fallback to another baseline than the one asked for …) are printed, never dropped.
    if (!asJson) for (const p of d.projects) for (const line of evmWarningLines(p.code, p.series.atStatusDate.warnings, p.series.atStatusDate.packages)) io.stderr.write(`${printable(line)}\n`);
    return d.projects.some((p) => p.rag.overall.colour === "red") ? EXIT.findings : EXIT.ok;
  });
  analysis("trace", "traceability: coverage per level, structural findings, suspects, outdated/predated links, acknowledgement gaps; exit 1 on uncovered requirements (rejected and obsolete ones need no coverage), a structural finding of severity error (a dangling link, a duplicate item, a cycle), suspect, outdated or predated links, or acknowledgement gaps", (d, asJson) => {
    const t = traceSummary(d);
    if (asJson) json(io, t.json);
    else io.stdout.write(`${t.text.join("\n")}\n`);
    return t.findings ? EXIT.findings : EXIT.ok;
  });
  analysis("rollout", "rollout readiness and the go/no-go gate; exit 1 when a gate is NO-GO", (d, asJson) => {
    const gateJson = (g: NonNullable<(typeof d.rollouts)[number]["gate"]>) => ({ name: g.gateName, outcome: g.outcome, blockers: g.blockers.map((b) => b.code ?? b.id), reasons: g.reasons });
    if (asJson) json(io, d.rollouts.map((r) => ({ plan: r.name, statusDate: d.statusDate, readyPercent: jsonDecimal(r.progress.overall.percent), gate: r.gate ? gateJson(r.gate) : null, gates: r.gates.map(gateJson) })));
    else io.stdout.write(`${rolloutLines(d.rollouts).map(printable).join("\n")}\n`);
    return d.rollouts.some((r) => r.gates.some((g) => g.outcome === "no-go")) ? EXIT.findings : EXIT.ok;
  });

  planConventionOptions(program.command("schedule").description("CPM schedule of the projects at the status date (one network: cross-project links bind); exit 1 on a missed deadline or negative float")
    .option("--project <id>", "only this project (id or code)"))
    .addOption(dbOption()).addOption(asOfOption(PLAN_STATUS_DATE)).addOption(jsonOption())
    .action(async (o: AnalysisOpts & PlanConventionFlags & { project?: string }) => {
      const schedule = await withSchedule(io, { db: o.db, asOf: dataAsOf(o), ...(o.project !== undefined ? { project: o.project } : {}), ...planConventionsOf(o) });
      if (o.project !== undefined && schedule.projects.length === 0) throw new CliError(`no project ${o.project}`, { code: "usage" });
      const lines = scheduleSummary(schedule);
      if (o.json) json(io, lines.json);
      else io.stdout.write(`${lines.text.join("\n")}\n`);
      code = schedule.projects.some((p) => p.result.violations.some((v) => v.kind === "deadline-missed" || v.kind === "negative-float")) ? EXIT.findings : EXIT.ok;
    });

  const positiveInt = (name: string, max: number) => (v: string) => {
    if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new CliError(`${name} must be a whole number from 1 to ${max}, got ${v}`, { code: "usage" });
    return Number(v);
  };
  planConventionOptions(program.command("risk").description("Monte Carlo schedule risk per project (duration estimates, open risks); exit 1 when P80 finishes after the target (default: the planned finish)")
    .option("--project <id>", "only this project (id or code)"))
    .option("--iterations <n>", "iterations per project", positiveInt("--iterations", 1_000_000), OFFICE_RISK_RUN.iterations)
    .option("--seed <n>", "random seed (same seed, same answer)", (v: string) => {
      // Past 2^53 − 1 the number would no longer be the seed written (and the analysis refuses it as a validation error).
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(Number(v))) throw new CliError(`--seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, got ${v}`, { code: "usage" });
      return Number(v);
    }, OFFICE_RISK_RUN.seed)
    .addOption(new Option("--target <date>", "finish date to measure against (default: each project's planned finish)").argParser(parseDate("--target")))
    .addOption(dbOption()).addOption(asOfOption(PLAN_STATUS_DATE)).addOption(jsonOption())
    .action(async (o: AnalysisOpts & PlanConventionFlags & { project?: string; iterations: number; seed: number; target?: string }) => {
      const records = await readRecords(raw, o.db);
      if (o.project !== undefined && !(records.project ?? []).some((p) => p.id === o.project || p.code === o.project)) throw new CliError(`no project ${o.project}`, { code: "usage" });
      const projects = o.project !== undefined ? 1 : (records.project ?? []).length;
      const bar = progress(raw, 100 * projects, "risk");
      // A library error names the flag typed (`--target: 2020-01-01 is before the plan's start`), not the option.
      const results = namingFlags(RISK_FLAGS, () => analyzeOfficeRisk(records, {
        statusDate: dataAsOf(o)(records), iterations: o.iterations, seed: o.seed, ...(o.project !== undefined ? { project: o.project } : {}), ...(o.target !== undefined ? { target: o.target } : {}), ...planConventionsOf(o),
        onProgress: (_p, done, total) => { if (done < total) bar.tick(`${done}/${total}`); },
      }));
      bar.stop();
      const pct = (r: (typeof results)[number], n: number) => r.result.percentiles.find((p) => p.percent === n);
      if (o.json) {
        json(io, results.map((r) => ({
          project: r.code, iterations: r.result.iterations, seed: r.result.seed, method: r.result.method, conventions: r.result.conventions, deterministicFinish: r.result.deterministicFinish,
          percentiles: r.result.percentiles.map((p) => ({ percent: p.percent, finish: p.finish, cost: jsonMoney(metric(p.cost)) })),
          target: r.target ?? null, probabilityOfTarget: jsonDecimal(r.result.probabilityOfFinish),
          tornado: r.result.tornado.slice(0, 10).map((t) => ({ activity: t.id, sensitivity: t.sensitivity.toFixed() })),
          criticality: r.result.activities.filter((a) => a.criticalityIndex.gt(0)).map((a) => ({ activity: a.id, index: a.criticalityIndex.toFixed() })),
          leftOut: r.leftOut.map((l) => ({ risk: l.riskId, reason: l.reason })),
        })));
      } else if (results.length === 0) {
        io.stdout.write(projects === 0 ? "no projects to simulate: the database has none\n" : "no projects to simulate: none has duration estimates or risk events (give work packages a durationEstimate, or open risks a scheduleImpactOn and scheduleImpactDays; an MS Project file carries neither)\n");
      } else {
        for (const r of results) {
          io.stdout.write(`${r.code.padEnd(9)} ${r.result.percentiles.map((p) => `P${p.percent} ${p.finish}`).join("  ")}  (deterministic ${r.result.deterministicFinish})\n`);
          if (r.target) io.stdout.write(`          P(finish ≤ ${r.target}) = ${r.result.probabilityOfFinish.value === undefined ? missingText(r.result.probabilityOfFinish) : r.result.probabilityOfFinish.value.toFixed(3)}\n`);
          // Activities by label, as `schedule` and the report's tornado name them (an id where the project has none: another project's).
          io.stdout.write(`          drivers: ${r.result.tornado.slice(0, 3).map((t) => `${Object.hasOwn(r.labels, t.id) ? r.labels[t.id] : t.id} ${t.sensitivity.toFixed(2)}`).join(", ") || "none"}\n`);
          if (r.leftOut.length > 0) io.stdout.write(`          left out: ${r.leftOut.map((l) => `${l.riskId} (${l.reason === "no-impact" ? "no scheduleImpactDays or costImpact" : "no activity in the plan"})`).join(", ")}\n`);
        }
      }
      code = results.some((r) => r.target !== undefined && (pct(r, 80)?.finish ?? "") > r.target) ? EXIT.findings : EXIT.ok;
    });

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

  program.command("template").description("write an empty import workbook for one kind, from its JSON Schema (drop-down lists for enums)")
    .addOption(new Option("--kind <kind>", "entity kind").choices(["request", "requirement", "cost-entry", "checklist-item"]).makeOptionMandatory())
    .addOption(new Option("--format <format>", "template format").choices(["xlsx"]).default("xlsx"))
    .requiredOption("--out <path>", "file to write").addOption(jsonOption())
    .action(async (o: { kind: CsvKind; format: "xlsx"; out: string; json?: boolean }) => {
      const out = resolve(io.cwd, o.out);
      const dir = resolve(out, "..");
      const written = writeFilesAtomically(dir, { [out.slice(dir.length + 1)]: await xlsxTemplate(o.kind) });
      if (o.json) json(io, { written });
      else io.stdout.write(`wrote ${written.join(", ")}\n`);
    });

  program.command("model").description("print the built-in scoring model as JSON, to copy and adapt for --model (--print, the default), or check a model file (--check <file>)")
    .option("--print", "print the built-in intake model as JSON")
    .option("--check <file>", "validate a scoring model file; exit 2 with every problem when invalid")
    .addOption(jsonOption())
    .action(async (o: { print?: boolean; check?: string; json?: boolean }) => {
      if (o.print && o.check !== undefined) throw new CliError("give --print or --check <file>, not both", { code: "usage" });
      if (o.check === undefined) {
        io.stdout.write(`${jsonText(INTAKE_MODEL)}\n`);
        return;
      }
      errorOutput.listAll = true;
      errorOutput.subject = o.check;
      const model = await readModelFile(resolve(io.cwd, o.check));
      if (o.json) json(io, { file: o.check, valid: true, kind: model.kind, name: model.name ?? model.kind, criteria: model.criteria.map((c) => c.id) });
      else io.stdout.write(`${printable(o.check)}: valid ${model.kind} model "${printable(model.name ?? model.kind)}" over ${model.criteria.length} criteria (${model.criteria.map((c) => printable(c.id)).join(", ")})\n`);
    });

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

  try {
    await program.parseAsync([...argv], { from: "user" });
    if (clockDate !== undefined) io.stderr.write(`pmokit: as of ${clockDate}, today in UTC (no --as-of given)\n`);
    if (dataDate !== undefined) io.stderr.write(`pmokit: as of ${dataDate}, the data's status date (no --as-of given)${printable(ownDate)}\n`);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `--help` exits 0; help shown because no command was given is a usage error.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help" || e.code === "commander.version") return e.exitCode === 0 ? EXIT.ok : EXIT.error;
      printError(io, new CliError(e.message.replace(/^error: /, ""), { code: "usage" }), { json: asJson, listAll: false });
      return EXIT.error;
    }
    const error = toCliError(asOfGiven ? renamePaths(e, AS_OF_FLAG) : e);
    printError(io, error, { json: asJson, ...errorOutput });
    return error.exitCode;
  }
}
