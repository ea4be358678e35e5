import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { ValidationError } from "../core/index.js";
import type { EntityOf } from "../entities/index.js";
import {
  AZURE_DEVOPS_CSV_PROFILE, AZURE_DEVOPS_JSON_PROFILE, GITHUB_PROJECTS_PROFILE, importCsvBatches, importMspdiBatches, importXlsx, JIRA_CSV_PROFILE, JIRA_JSON_PROFILE,
  readImportChunks, readImportFile, readReqif, readTrackerCsv, readTrackerJson, readTrackerProfile, reqifToPmokit, trackerToPmokit, type CsvDateFormat, type CsvDelimiter, type CsvKind, type ImportedRecords,
  type ImportMspdiBatchOptions, type ImportReport, type ImportWarning, type TrackerProfile, type XlsxFormatLocale,
} from "../io/index.js";
import { evBaseline } from "./ev-baseline.js";
import { CliError, ISSUE_CAP, toCliError } from "./errors.js";
import { readDatasetFile, readOfficeFolder } from "./load.js";
import { checkDecimalMark } from "./report-csv.js";
import { printable } from "./terminal.js";

/** Options for the non-dataset formats (which need to know where the records belong). */
export interface ImportFileOptions {
  /** Project the MSPDI plan or ReqIF requirements belong to. */
  readonly project?: string;
  /** Project code (MSPDI). */
  readonly code?: string;
  /** Project manager and sponsor person ids (MSPDI). */
  readonly manager?: string;
  readonly sponsor?: string;
  /** Who imports (MSPDI). */
  readonly actor?: string;
  /**
   * Currency of an MSPDI file without a `CurrencyCode` (MS Project 2003 files). A file whose `CurrencyCode`
   * disagrees is refused: its amounts are in its own currency, and relabelling them would be wrong.
   */
  readonly currency?: string;
  /** The unit of an MSPDI percent lag's `LinkLag` (see `MspdiMappingOptions.percentLagUnit`). */
  readonly percentLagUnit?: "tenths" | "whole";
  /** The baseline earned value measures an MSPDI plan against (`--baseline`; default the file's BaselineForEarnedValue). */
  readonly baseline?: number;
  /** CSV entity kind: request, requirement, cost-entry, checklist-item. */
  readonly kind?: string;
  /** The `.reqif` file to read from a `.reqifz` archive that holds several. */
  readonly entry?: string;
  /** UTC offset of a ReqIF file's zone-less times (`--local-time-offset`, DOORS 9 writes them so). */
  readonly localTimeOffset?: string;
  /** Field separator of a CSV file (default `,`). */
  readonly delimiter?: CsvDelimiter;
  /** Decimal mark of a CSV file's amounts (default: the wire form, `.`). */
  readonly decimalMark?: "." | ",";
  /** Order of a CSV or workbook's date cells besides `YYYY-MM-DD` (default: that form only). */
  readonly dateFormat?: CsvDateFormat;
  /** The locale of the Excel that saved an XLSX workbook, for its locale-dependent built-in formats (`ReadXlsxOptions.formatLocale`). */
  readonly formatLocale?: XlsxFormatLocale;
  /** How a cell merged over data rows of an XLSX sheet is read (`ImportXlsxOptions.mergedCells`; default refuse). */
  readonly mergedCells?: "refuse" | "fill" | "top-left";
  /** Longest CSV cell accepted (default 32,767). */
  readonly maxCellChars?: number;
  /** Read the file as this work-tracker export (see {@link TRACKER_EXPORTS}), or with the profile in this `.json` file. */
  readonly tracker?: TrackerExportName | string;
  /** Planned first and last day of every tracker package. */
  readonly plannedStart?: string;
  readonly plannedFinish?: string;
  /** Status date of a tracker import. */
  readonly asOf?: string;
  /** IANA time zone a tracker export's instants are read in (default: the day written in the instant). */
  readonly timeZone?: string;
  /** The import instant stamped on new records (ISO 8601). */
  readonly importedAt: string;
}

const CSV_KINDS = new Set(["request", "requirement", "cost-entry", "checklist-item"]);

/**
 * The work-tracker exports `--tracker` reads, each with its built-in profile: Jira's CSV and REST search JSON, Azure
 * DevOps' query CSV and work-items JSON, GitHub Projects' `gh project item-list --format json`.
 *
 * @example
 * ```ts
 * await openImportable("jira.json", { tracker: "jira-json", project: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt });
 * ```
 */
export const TRACKER_EXPORTS = ["jira-csv", "jira-json", "azure-devops-csv", "azure-devops-json", "github-projects"] as const;
/** One of {@link TRACKER_EXPORTS}. */
export type TrackerExportName = (typeof TRACKER_EXPORTS)[number];

const TRACKER_PROFILES: Readonly<Record<TrackerExportName, { readonly profile: TrackerProfile; readonly csv: boolean }>> = {
  "jira-csv": { profile: JIRA_CSV_PROFILE, csv: true },
  "jira-json": { profile: JIRA_JSON_PROFILE, csv: false },
  "azure-devops-csv": { profile: AZURE_DEVOPS_CSV_PROFILE, csv: true },
  "azure-devops-json": { profile: AZURE_DEVOPS_JSON_PROFILE, csv: false },
  "github-projects": { profile: GITHUB_PROJECTS_PROFILE, csv: false },
};

const isBuiltIn = (t: string): t is TrackerExportName => (TRACKER_EXPORTS as readonly string[]).includes(t);

/**
 * The `--tracker` value: a built-in export name, or a profile file (`.json`) resolved against `cwd`.
 *
 * @example
 * ```ts
 * trackerArgument("/work", "youtrack.json"); // "/work/youtrack.json"
 * ```
 */
export function trackerArgument(cwd: string, value: string): string {
  if (isBuiltIn(value)) return value;
  if (extname(value).toLowerCase() === ".json") return resolve(cwd, value);
  throw new CliError(`--tracker must be ${TRACKER_EXPORTS.join(", ")} or a profile file (.json), got ${value}`, { code: "usage" });
}

/** The profile and reader of `--tracker`: a built-in, or the profile file read and checked (errors name that file). */
async function trackerProfile(file: string, tracker: string): Promise<{ readonly profile: TrackerProfile; readonly csv: boolean }> {
  if (isBuiltIn(tracker)) return TRACKER_PROFILES[tracker];
  const ext = extname(file).toLowerCase();
  if (ext !== ".csv" && ext !== ".json") throw new CliError(`--tracker with a profile file reads a .csv or .json export, not ${ext || "a file without an extension"}`, { code: "usage" });
  try {
    return { profile: readTrackerProfile(await readImportFile(tracker)), csv: ext === ".csv" };
  } catch (e) {
    throw toCliError(e, { file: tracker });
  }
}

/** A tracker export read with its profile (instants in `--time-zone`) and mapped to work packages. */
async function trackerRecords(file: string, tracker: string, options: ImportFileOptions): Promise<{ records: ImportedRecords; warnings: readonly ImportWarning[] }> {
  const { profile, csv } = await trackerProfile(file, tracker);
  tracker = isBuiltIn(tracker) ? tracker : basename(tracker);
  const flags = needAll(tracker, { projectId: [options.project, "--project"], plannedStart: [options.plannedStart, "--planned-start"], plannedFinish: [options.plannedFinish, "--planned-finish"] });
  const asOf = need(options.asOf, "--as-of", tracker);
  const text = await readImportFile(file);
  const read = { ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}), ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}) };
  const exported = csv ? readTrackerCsv(text, profile, read) : readTrackerJson(text, profile, read);
  const { records, report } = trackerToPmokit(exported, { ...flags, asOf, importedAt: options.importedAt });
  return { records: records as ImportedRecords, warnings: report.warnings };
}

function need(value: string | undefined, flag: string, format: string): string {
  if (value === undefined) throw new CliError(`${format} import needs ${flag}`, { code: "usage" });
  return value;
}

/** Every flag a format needs, checked together so one run names all that are missing (not one per attempt). */
function needAll<K extends string>(format: string, flags: Readonly<Record<K, readonly [string | undefined, string]>>): Record<K, string> {
  const missing = Object.values<readonly [string | undefined, string]>(flags).filter(([v]) => v === undefined).map(([, flag]) => flag);
  if (missing.length > 0) throw new CliError(`${format} import needs ${missing.join(", ")}`, { code: "usage" });
  return Object.fromEntries(Object.entries<readonly [string | undefined, string]>(flags).map(([k, [v]]) => [k, v as string])) as Record<K, string>;
}

/**
 * An importable file, opened: validated records held in memory, or — for CSV, which can have millions of rows — a
 * source of validated batches of one kind read from the file as they are consumed, or — for MS Project XML — a
 * source of validated batches of several kinds (`batches()` starts a fresh read each call).
 */
export type Importable = (
  | { readonly form: "records"; readonly records: ImportedRecords }
  | { readonly form: "batches"; readonly kind: CsvKind; readonly batches: () => AsyncIterable<readonly EntityOf<CsvKind>[]> }
  | { readonly form: "stream"; readonly batches: () => AsyncIterable<ImportedRecords> }
) & {
  /**
   * What the importer reported besides the records (a link left out for a missing end, times stamped with the import
   * time, an empty column dropped): complete for `records` at once, for `batches` and `stream` once they are read.
   */
  readonly warnings: readonly ImportWarning[];
};

/**
 * The importer's warnings as `pmokit import` and `validate` print them on stderr, one a line, naming the file. A
 * message given at several places (88 MS Project baselines without dates) is one line naming the first three places
 * and how many more; `--json` keeps every warning.
 *
 * @example
 * ```ts
 * warningLines("ea.reqif", [{ code: "dangling-reference", path: "SPEC-RELATION[r1]", message: "refers to missing spec objects F1 (source); link left out" }]);
 * // ["warning: ea.reqif: SPEC-RELATION[r1]: refers to missing spec objects F1 (source); link left out"]
 * ```
 */
export function warningLines(file: string, warnings: readonly ImportWarning[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const w of warnings) {
    const paths = byMessage.get(w.message);
    if (paths) paths.push(w.path);
    else byMessage.set(w.message, [w.path]);
  }
  return [...byMessage].map(([message, paths]) => {
    const where = paths.length === 1 ? (paths[0] === "" ? "" : `${paths[0]}: `) : "";
    const places = paths.length > 1 ? ` (${paths.length} places: ${paths.slice(0, 3).join(", ")}${paths.length > 3 ? ` and ${paths.length - 3} more` : ""})` : "";
    return printable(`warning: ${file}: ${where}${message}${places}`);
  });
}

/** The batches with every refusal turned into the one-line error naming the file (the same for validate and import). */
async function* named<T>(file: string, batches: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* batches;
  } catch (e) {
    throw toCliError(e, { file, stoppedAt: ISSUE_CAP + 1 });
  }
}

/** A CurrencyCode problem of an MSPDI file, as a validation error naming the file. */
function currencyError(file: string, message: string): CliError {
  return new CliError(`${file}: CurrencyCode: ${message}`, { code: "validation", issues: [{ file, path: "CurrencyCode", message }] });
}

/**
 * Streams an MSPDI file (two passes, batches of validated records) in the file's own currency or, when the file
 * names none, in `--currency`. A file whose CurrencyCode differs from `--currency` is refused before anything is
 * yielded: its amounts are in its own currency, and relabelling them as another would be wrong by the exchange rate.
 * Every refusal becomes the one-line error naming the file.
 */
async function* mspdiBatches(file: string, currency: string | undefined, mapping: Omit<ImportMspdiBatchOptions, "currency" | "onCurrency">): AsyncGenerator<ImportedRecords> {
  try {
    yield* importMspdiBatches(() => readImportChunks(file), {
      ...mapping, ...(currency !== undefined ? { currency } : {}),
      onCurrency: (found) => {
        if (currency !== undefined && found !== currency) {
          throw currencyError(file, `the file's amounts are in ${found}, but --currency says ${currency}; refused (drop --currency to import in ${found})`);
        }
      },
    });
  } catch (e) {
    // The reader's hint names its own option; on the command line it is --currency.
    if (e instanceof ValidationError && e.issues[0]?.path[0] === "CurrencyCode" && currency === undefined) {
      throw currencyError(file, "the file has no CurrencyCode (MS Project 2003); pass --currency <ISO 4217 code>, e.g. --currency EUR");
    }
    throw toCliError(e, { file });
  }
}

/**
 * Opens any importable file: a pmokit dataset (`.json`), a folder of per-kind JSON files, ReqIF (`.reqif`,
 * `.reqifz`) or XLSX (`.xlsx`, first sheet, with `kind`) are read and validated into records; a CSV (`.csv` with
 * `kind`) and MS Project XML (`.xml`, MSPDI) become streams of validated batches, so memory does not grow with the
 * number of rows or tasks. Every file is read through the
 * bounded, strict-UTF-8 reader. `validate` and `import` both use this, so they apply the same checks and give the
 * same errors, naming the file.
 *
 * @example
 * ```ts
 * const source = await openImportable("office.json", { importedAt: "2026-11-20T09:00:00Z" });
 * ```
 */
export async function openImportable(file: string, options: ImportFileOptions): Promise<Importable> {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch (e) {
    throw new CliError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const ext = isDir ? "" : extname(file).toLowerCase();
  // Only MSPDI files can lack a currency; every other format carries it on each amount, so --currency would do nothing.
  if (options.currency !== undefined && ext !== ".xml") {
    throw new CliError(`--currency applies to MS Project XML (.xml) files only; ${isDir ? "a folder of JSON files" : `a ${ext || "file without an extension"}`} carries the currency on every amount`, { code: "usage" });
  }
  if (options.baseline !== undefined && ext !== ".xml") throw new CliError("--baseline applies to MS Project XML (.xml) files only", { code: "usage" });
  if (options.percentLagUnit !== undefined && ext !== ".xml") {
    throw new CliError("--percent-lag-unit applies to MS Project XML (.xml) files only", { code: "usage" });
  }
  if (options.delimiter !== undefined && (options.tracker !== undefined && isBuiltIn(options.tracker) ? !TRACKER_PROFILES[options.tracker].csv : ext !== ".csv")) {
    throw new CliError("--delimiter applies to CSV (.csv) files only", { code: "usage" });
  }
  if (options.decimalMark !== undefined) {
    if (options.tracker !== undefined || ext !== ".csv") throw new CliError("--decimal-mark applies to CSV (.csv) files of --kind only", { code: "usage" });
    checkDecimalMark(options.decimalMark, options.delimiter);
  }
  if (options.dateFormat !== undefined && (options.tracker !== undefined || (ext !== ".csv" && ext !== ".xlsx"))) throw new CliError("--date-format applies to CSV (.csv) and XLSX (.xlsx) files of --kind only", { code: "usage" });
  if (options.formatLocale !== undefined && (options.tracker !== undefined || ext !== ".xlsx")) throw new CliError("--format-locale applies to XLSX (.xlsx) files of --kind only", { code: "usage" });
  if (options.mergedCells !== undefined && (options.tracker !== undefined || ext !== ".xlsx")) throw new CliError("--merged-cells applies to XLSX (.xlsx) files of --kind only", { code: "usage" });
  if (options.maxCellChars !== undefined && (options.tracker !== undefined || ext !== ".csv")) throw new CliError("--max-cell-chars applies to CSV (.csv) files of --kind only", { code: "usage" });
  if (options.entry !== undefined && ext !== ".reqifz") throw new CliError("--entry applies to ReqIF archives (.reqifz) only", { code: "usage" });
  if (options.localTimeOffset !== undefined && ext !== ".reqif" && ext !== ".reqifz") throw new CliError("--local-time-offset applies to ReqIF files (.reqif, .reqifz) only", { code: "usage" });
  for (const [flag, value] of [["--time-zone", options.timeZone], ["--planned-start", options.plannedStart], ["--planned-finish", options.plannedFinish], ["--as-of", options.asOf]] as const) {
    if (value !== undefined && options.tracker === undefined) throw new CliError(`${flag} applies to work-tracker exports (--tracker) only`, { code: "usage" });
  }
  if (options.tracker !== undefined) {
    if (isDir) throw new CliError(`${file}: a work-tracker export is one file, not a folder`, { code: "usage" });
    try {
      return { form: "records", ...(await trackerRecords(file, options.tracker, options)) };
    } catch (e) {
      throw toCliError(e, { file });
    }
  }
  if (isDir) {
    const { records, report } = await readOfficeFolder(file);
    return { form: "records", records, warnings: report.warnings };
  }
  if (ext === ".json") {
    const { records, report } = await readDatasetFile(file);
    return { form: "records", records, warnings: report.warnings };
  }
  const warnings: ImportWarning[] = [];
  if (ext === ".csv") {
    const kind = need(options.kind, "--kind", "CSV");
    if (!CSV_KINDS.has(kind)) throw new CliError(`--kind must be one of ${[...CSV_KINDS].join(", ")}`, { code: "usage" });
    const csvKind = kind as CsvKind;
    // Each read starts afresh, and so do its warnings.
    return { form: "batches", kind: csvKind, warnings, batches: () => (warnings.splice(0), named(file, importCsvBatches(csvKind, readImportChunks(file), { importedAt: options.importedAt, maxProblems: ISSUE_CAP + 1, onWarning: (w) => void warnings.push(w), ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}), ...(options.decimalMark !== undefined ? { decimalMark: options.decimalMark } : {}), ...(options.dateFormat !== undefined ? { dateFormat: options.dateFormat } : {}), ...(options.maxCellChars !== undefined ? { maxCellChars: options.maxCellChars } : {}) }))) };
  }
  try {
    if (ext === ".xlsx") {
      const kind = need(options.kind, "--kind", "XLSX");
      if (!CSV_KINDS.has(kind)) throw new CliError(`--kind must be one of ${[...CSV_KINDS].join(", ")}`, { code: "usage" });
      const st = statSync(file);
      // The same bounds as the text reader: a regular file of at most 512 MiB (a workbook is read whole).
      if (!st.isFile()) throw new CliError(`${file}: not a regular file`);
      if (st.size > 512 * 1024 * 1024) throw new CliError(`${file}: larger than 512 MiB; refused`);
      const { records, report } = importXlsx(kind as CsvKind, new Uint8Array(await readFile(file)), { importedAt: options.importedAt, ...(options.dateFormat !== undefined ? { dateFormat: options.dateFormat } : {}), ...(options.formatLocale !== undefined ? { formatLocale: options.formatLocale } : {}), ...(options.mergedCells !== undefined ? { mergedCells: options.mergedCells } : {}) });
      return { form: "records", records: { [kind]: records } as ImportedRecords, warnings: report.warnings };
    }
    if (ext === ".xml") {
      const mapping = {
        ...needAll("MSPDI", {
          projectId: [options.project, "--project"], projectCode: [options.code, "--code"],
          projectManagerId: [options.manager, "--manager"], sponsorId: [options.sponsor, "--sponsor"], importedBy: [options.actor, "--actor"],
        }),
        importedAt: options.importedAt,
        ...(options.percentLagUnit !== undefined ? { percentLagUnit: options.percentLagUnit } : {}),
        // A read starts afresh each time batches() is called: the warnings are those of the last read.
        onReport: ({ read, mapping: mapped }: { read: ImportReport; mapping: ImportReport }) => void warnings.splice(0, warnings.length, ...read.warnings, ...mapped.warnings),
      };
      return { form: "stream", warnings, batches: () => evBaseline(mspdiBatches(file, options.currency, mapping), file, options.baseline, warnings) };
    }
    if (ext === ".reqif" || ext === ".reqifz") {
      const project = need(options.project, "--project", "ReqIF");
      const text = await readImportFile(file, { chooseWith: "--entry NAME", ...(options.entry !== undefined ? { entry: options.entry } : {}) });
      const read = readReqif(text);
      const { records, report } = reqifToPmokit(read.document, { projectId: project, importedAt: options.importedAt, ...(options.localTimeOffset !== undefined ? { localTimeOffset: options.localTimeOffset } : {}) });
      return { form: "records", records, warnings: [...read.report.warnings, ...report.warnings] };
    }
  } catch (e) {
    // The archive reader names its own option at ["entry"]; on the command line it is --entry.
    if (e instanceof ValidationError && e.issues[0]?.path[0] === "entry") throw new CliError(printable(`${file}: --entry ${options.entry}: ${e.issues[0].message}`), { code: "usage" });
    if (e instanceof ValidationError && e.issues[0]?.path[0] === "localTimeOffset") throw new CliError(printable(`--local-time-offset: ${e.issues[0].message}`), { code: "usage" });
    throw toCliError(e, { file });
  }
  throw new CliError(`${file}: unknown file type (expected .json, .xml, .reqif, .reqifz, .csv, .xlsx or a folder)`);
}
