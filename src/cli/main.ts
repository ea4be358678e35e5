import { resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { readAllRecords, writeImportedRecords, countRecords } from "../io/index.js";
import { renderHtmlReport, renderJsonReport, renderMarkdownReport, tableToCsv, type ReportSection, type ReportTable } from "../reports/index.js";
import { runDemo } from "./demo.js";
import { CliError, oneLine } from "./errors.js";
import { readImportable } from "./import-file.js";
import { analyzeOffice, type OfficeAnalysis } from "./office.js";
import { officeReport } from "./office-report.js";
import { chartFiles, writeFilesAtomically } from "./output.js";
import { progress, type CliIo } from "./progress.js";
import { openSqlite } from "./sqlite.js";
import { officeSummary } from "./summary.js";
import { pmokitVersion } from "./version.js";
import { portfolioSection } from "../reports/index.js";

/** Exit codes: 0 success, 1 findings (a red project, a NO-GO gate, suspect links…), 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

const DEFAULT_DB = "pmokit.sqlite";
const SAMPLE_DATE = "2026-11-20";

function json(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === "object" && v !== null && "toFixed" in v && "isZero" in v ? String(v) : v), 2)}\n`);
}

async function withOffice(io: CliIo, opts: { db: string; asOf: string }): Promise<OfficeAnalysis> {
  const store = await openSqlite(resolve(io.cwd, opts.db));
  try {
    const bar = progress(io, 7, "analyse");
    const records = await readAllRecords(store.adapter);
    const office = await analyzeOffice(records, { statusDate: opts.asOf, onStage: (s) => bar.tick(s) });
    bar.stop();
    return office;
  } finally {
    await store.close();
  }
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
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("pmokit")
    .description("pmokit — the Project Management Office toolkit on an embedded SQLite database")
    .version(pmokitVersion(), "-V, --version", "print the pmokit version")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .showHelpAfterError(false);
  const dbOption = () => new Option("--db <file>", "SQLite database file").default(DEFAULT_DB);
  const asOfOption = () => new Option("--as-of <date>", "status date (YYYY-MM-DD)").default(SAMPLE_DATE);
  const jsonOption = () => new Option("--json", "machine-readable output");

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
    .option("--kind <kind>", "entity kind of a CSV file: request, requirement, cost-entry, checklist-item")
    .option("--imported-at <instant>", "instant stamped on new records (ISO 8601; default now)");
  type FileOpts = { project?: string; code?: string; manager?: string; sponsor?: string; actor?: string; kind?: string; importedAt?: string; json?: boolean; db: string };
  const importOptions = (o: FileOpts) => ({ ...o, importedAt: o.importedAt ?? new Date().toISOString() });

  fileOptions(program.command("import").description("validate a file (pmokit dataset JSON, a folder of per-kind JSON, MSPDI, ReqIF or CSV) and store it, all or nothing")
    .argument("<file>", "file or folder to import").addOption(dbOption()).addOption(jsonOption()))
    .action(async (file: string, o: FileOpts) => {
      const records = await readImportable(resolve(io.cwd, file), importOptions(o));
      const store = await openSqlite(resolve(io.cwd, o.db));
      try {
        const bar = progress(io, 1, "import");
        const written = await writeImportedRecords(store.adapter, records).catch((e: unknown) => {
          throw new CliError(oneLine(e, o.db));
        });
        bar.tick("stored");
        bar.stop();
        if (o.json) json(io, { file, written });
        else io.stdout.write(`imported ${Object.entries(written).map(([k, n]) => `${n} ${k}`).join(", ")} into ${o.db}\n`);
      } finally {
        await store.close();
      }
    });

  fileOptions(program.command("validate").description("validate a file without storing it; exit 2 when invalid")
    .argument("<file>", "file or folder to validate").addOption(jsonOption()))
    .action(async (file: string, o: FileOpts) => {
      const counts = countRecords(await readImportable(resolve(io.cwd, file), importOptions(o)));
      if (o.json) json(io, { file, valid: true, counts });
      else io.stdout.write(`${file}: valid (${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(", ")})\n`);
    });

  const analysis = (name: string, description: string, show: (office: OfficeAnalysis, asJson: boolean) => number) =>
    program.command(name).description(description).addOption(dbOption()).addOption(asOfOption()).addOption(jsonOption())
      .action(async (o: { db: string; asOf: string; json?: boolean }) => {
        code = show(await withOffice(io, o), o.json === true);
      });

  analysis("score", "rank the intake with the weighted model over the office's criteria", (office, asJson) => {
    if (asJson) json(io, office.scoreboard.entries.map((e) => ({ rank: e.rank, request: e.requestId, status: e.status, score: e.score.value?.toFixed() ?? null, reason: e.score.reason ?? null })));
    else for (const e of office.scoreboard.entries) io.stdout.write(`${String(e.rank).padStart(3)}  ${e.requestId.padEnd(14)} ${e.status.padEnd(10)} ${e.score.value?.toFixed(3) ?? `n/a (${e.score.reason})`}\n`);
    return EXIT.ok;
  });
  analysis("select", "select the portfolio under the budget and capacity envelope; exit 1 when infeasible", (office, asJson) => {
    const r = office.selection.result;
    if (asJson) json(io, { status: r.status, selected: r.selected, excluded: r.excluded, objective: r.objective.toFixed(), whyNot: r.whyNot.map((w) => ({ candidate: w.candidate, explanation: w.explanation })), binding: r.binding.map((b) => b.description) });
    else io.stdout.write(`${officeSummary(office).filter((l) => l.startsWith("SELECTION") || l.includes("why not")).join("\n")}\n`);
    return r.status === "infeasible" ? EXIT.findings : EXIT.ok;
  });
  analysis("evm", "earned value and earned schedule of the running projects; exit 1 when a project is red", (office, asJson) => {
    if (asJson) json(io, office.projects.map((p) => { const f = p.series.atStatusDate.figures; const s = p.series.atStatusDate.schedule; return { project: p.code, rag: p.rag.overall.colour ?? null, bac: f.bac.value?.amount.toFixed(2) ?? null, pv: f.pv.value?.amount.toFixed(2) ?? null, ev: f.ev.value?.amount.toFixed(2) ?? null, ac: f.ac.value?.amount.toFixed(2) ?? null, cpi: f.cpi.value?.toFixed(4) ?? null, spi: f.spi.value?.toFixed(4) ?? null, spiT: s.spiT.value?.toFixed(4) ?? null, eac: f.selectedEac.value.value?.amount.toFixed(2) ?? null, forecastFinish: s.forecastFinish.spiT.value ?? null }; }));
    else io.stdout.write(`${officeSummary(office).filter((l) => /^(PROJECTS| {11}PRJ|\s{11}\S)/.test(l) && !l.includes("why not")).join("\n")}\n`);
    return office.projects.some((p) => p.rag.overall.colour === "red") ? EXIT.findings : EXIT.ok;
  });
  analysis("trace", "traceability: coverage per level, suspects, acknowledgement gaps; exit 1 on suspect links or gaps", (office, asJson) => {
    const t = office.trace.result;
    const gaps = t.acknowledgements.filter((a) => a.pending.length > 0);
    if (asJson) json(io, { levels: t.levels.map((l) => ({ type: l.type, items: l.items, shallowCovered: l.shallowCovered, deepCovered: l.deepCovered, gaps: l.gaps })), suspects: t.suspects.map((s) => s.link), acknowledgementGaps: gaps.map((a) => ({ requirement: a.requirementId, pending: a.pending })) });
    else {
      for (const l of t.levels) io.stdout.write(`${l.type.padEnd(14)} ${l.shallowCovered}/${l.items} shallow, ${l.deepCovered}/${l.items} deep\n`);
      for (const s of t.suspects) io.stdout.write(`suspect ${s.link}\n`);
      io.stdout.write(`acknowledgement gaps: ${gaps.length}\n`);
    }
    return t.suspects.length > 0 || gaps.length > 0 ? EXIT.findings : EXIT.ok;
  });
  analysis("rollout", "rollout readiness and the go/no-go gate; exit 1 when a gate is NO-GO", (office, asJson) => {
    if (asJson) json(io, office.rollouts.map((r) => ({ plan: r.name, readyPercent: r.progress.overall.percent.value?.toFixed(1) ?? null, gate: r.gate ? { name: r.gate.gateName, outcome: r.gate.outcome, blockers: r.gate.blockers.map((b) => b.code ?? b.id), reasons: r.gate.reasons } : null })));
    else for (const r of office.rollouts) io.stdout.write(`${r.name}: ready ${r.progress.overall.percent.value?.toFixed(1) ?? "n/a"}%${r.gate ? `; ${r.gate.gateName}: ${r.gate.outcome.toUpperCase()}\n  ${r.gate.reasons.join("\n  ")}` : ""}\n`);
    return office.rollouts.some((r) => r.gate?.outcome === "no-go") ? EXIT.findings : EXIT.ok;
  });

  program.command("report").description("write the office report (html: one self-contained file; md: with chart SVGs beside it; csv: the project health table; json)")
    .addOption(new Option("--format <format>", "html, md, csv or json").choices(["html", "md", "csv", "json"]).default("html"))
    .requiredOption("--out <path>", "file to write")
    .addOption(dbOption()).addOption(asOfOption()).addOption(jsonOption())
    .action(async (o: { format: "html" | "md" | "csv" | "json"; out: string; db: string; asOf: string; json?: boolean }) => {
      const office = await withOffice(io, o);
      const report = officeReport(office);
      const out = resolve(io.cwd, o.out);
      const dir = resolve(out, "..");
      const name = out.slice(dir.length + 1);
      let files: Record<string, string>;
      if (o.format === "html") files = { [name]: renderHtmlReport(report) };
      else if (o.format === "md") files = { [name]: renderMarkdownReport(report), ...chartFiles(report) };
      else if (o.format === "json") files = { [name]: renderJsonReport(report) };
      else {
        const health = portfolioSection({ asOf: office.statusDate, projects: office.projects.map((p) => ({ code: p.code, name: p.name, rag: p.rag, evm: p.series.atStatusDate })) });
        files = { [name]: tableToCsv(tables([health])[0]!) };
      }
      const written = writeFilesAtomically(dir, files);
      if (o.json) json(io, { written });
      else io.stdout.write(`wrote ${written.join(", ")}\n`);
    });

  program.command("demo").description("run the whole sample office on a fresh embedded SQLite file and write pmo-report/index.html and report.md")
    .option("--db <file>", "SQLite file, recreated each run", ".pmokit/demo.sqlite")
    .option("--out <dir>", "report folder", "pmo-report")
    .option("--data <dir>", "folder of per-kind JSON files (default: the sample office)")
    .addOption(asOfOption()).addOption(jsonOption())
    .action(async (o: { db: string; out: string; data?: string; asOf: string; json?: boolean }) => {
      await runDemo({ db: o.db, out: o.out, statusDate: o.asOf, ...(o.data !== undefined ? { data: o.data } : {}), ...(o.json ? { json: true } : {}) }, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `--help` exits 0; help shown because no command was given is a usage error.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help" || e.code === "commander.version") return e.exitCode === 0 ? EXIT.ok : EXIT.error;
      io.stderr.write(`pmokit: ${e.message.replace(/^error: /, "")}\n`);
      return EXIT.error;
    }
    io.stderr.write(`pmokit: ${oneLine(e)}\n`);
    return e instanceof CliError ? e.exitCode : EXIT.error;
  }
}
