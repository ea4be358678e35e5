import { statSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { writeImportedBatches, writeImportedRecords, writeImportedStream, countRecords, IMPORT_ORDER, xlsxTemplate, type CsvDateFormat, type CsvKind, type XlsxFormatLocale } from "../io/index.js";
import { cliNow } from "./clock.js";
import { json, type CommandContext } from "./command-context.js";
import { parseCurrency } from "./envelope.js";
import { toCliError } from "./errors.js";
import { baselineNumber } from "./ev-baseline.js";
import { ImportReferences } from "./import-refs.js";
import { openImportable, TRACKER_EXPORTS, trackerArgument, warningLines } from "./import-file.js";
import { checkReferences } from "./entity-refs.js";
import { dbOption, jsonOption, parseDate, parseInstant, parseTimeZone, TODAY } from "./options.js";
import { writeFilesAtomically } from "./output.js";
import { progress } from "./progress.js";
import { recordCounts } from "./record-counts.js";
import { dateFormatOption, decimalMarkOption, delimiterOption, formatLocaleOption, maxCellCharsOption, mergedCellsOption } from "./report-csv.js";
import { openSqlite } from "./sqlite.js";
import { printable } from "./terminal.js";

/** The commands that read and write files: `init`, `import` and `validate`. */
export function registerFileCommands(program: Command, ctx: CommandContext): void {
  const { io, raw, today, errorOutput } = ctx;
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
        // A reference that names no record of the file or the database is a warning (looked up in the import's transaction).
        const refs = new ImportReferences(resolve(io.cwd, file), o.db, statSync(resolve(io.cwd, file)).isDirectory());
        const adapter = refs.adapter(store.adapter);
        const stored = source.form === "records"
          ? writeImportedRecords(adapter, refs.records(source.records))
          : source.form === "stream"
            ? writeImportedStream(adapter, refs.stream(source.batches()))
            : writeImportedBatches(adapter, source.kind, refs.batches(source.kind, source.batches())).then((n) => (n > 0 ? { [source.kind]: n } : {}));
        const written = await stored.catch((e: unknown) => {
          throw toCliError(e, { file: o.db });
        });
        bar.tick("stored");
        bar.stop();
        // The importer's warnings (a link left out, times stamped with the import time) are printed, never dropped.
        const warnings = [...source.warnings, ...refs.warnings];
        if (o.json) json(io, { file, written, warnings });
        else io.stdout.write(`imported ${recordCounts(written) || "nothing (the file holds no records)"} into ${printable(o.db)}\n`);
        if (!o.json) for (const line of warningLines(file, warnings)) io.stderr.write(`${line}\n`);
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
      if (source.form === "records") {
        checkReferences(source.records, resolve(io.cwd, file));
        counts = countRecords(source.records);
      } else if (source.form === "stream") {
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
}

/** `template`: an empty import workbook for one kind. */
export function registerTemplateCommand(program: Command, ctx: CommandContext): void {
  const { io } = ctx;
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
}
