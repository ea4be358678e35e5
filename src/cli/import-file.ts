import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { importCsv, importXlsx, mspdiToPmokit, readImportFile, readMspdi, readReqif, reqifToPmokit, type CsvKind, type ImportedRecords } from "../io/index.js";
import { CliError, oneLine } from "./errors.js";
import { readDatasetFile, readOfficeFolder } from "./load.js";

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
  /** CSV entity kind: request, requirement, cost-entry, checklist-item. */
  readonly kind?: string;
  /** The import instant stamped on new records (ISO 8601). */
  readonly importedAt: string;
}

const CSV_KINDS = new Set(["request", "requirement", "cost-entry", "checklist-item"]);

function need(value: string | undefined, flag: string, format: string): string {
  if (value === undefined) throw new CliError(`${format} import needs ${flag}`);
  return value;
}

/**
 * Reads any importable file into validated records: a pmokit dataset (`.json`), a folder of per-kind JSON files,
 * MS Project XML (`.xml`, MSPDI), ReqIF (`.reqif`, `.reqifz`), CSV or XLSX (`.csv`, `.xlsx` first sheet, with `kind`).
 * Errors name the file.
 *
 * @example
 * ```ts
 * const records = await readImportable("office.json", { importedAt: "2026-11-20T09:00:00Z" });
 * ```
 */
export async function readImportable(file: string, options: ImportFileOptions): Promise<ImportedRecords> {
  let isDir = false;
  try {
    isDir = statSync(file).isDirectory();
  } catch (e) {
    throw new CliError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (isDir) return readOfficeFolder(file).records;
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return readDatasetFile(file).records;
  try {
    if (ext === ".xlsx") {
      const kind = need(options.kind, "--kind", "XLSX");
      if (!CSV_KINDS.has(kind)) throw new CliError(`--kind must be one of ${[...CSV_KINDS].join(", ")}`);
      return { [kind]: importXlsx(kind as CsvKind, new Uint8Array(await readFile(file)), { importedAt: options.importedAt }).records } as ImportedRecords;
    }
    const text = await readImportFile(file);
    if (ext === ".xml") {
      const { document } = readMspdi(text);
      return mspdiToPmokit(document, {
        projectId: need(options.project, "--project", "MSPDI"), projectCode: need(options.code, "--code", "MSPDI"),
        projectManagerId: need(options.manager, "--manager", "MSPDI"), sponsorId: need(options.sponsor, "--sponsor", "MSPDI"),
        importedBy: need(options.actor, "--actor", "MSPDI"), importedAt: options.importedAt,
      }).records;
    }
    if (ext === ".reqif" || ext === ".reqifz") {
      return reqifToPmokit(readReqif(text).document, { projectId: need(options.project, "--project", "ReqIF"), importedAt: options.importedAt }).records;
    }
    if (ext === ".csv") {
      const kind = need(options.kind, "--kind", "CSV");
      if (!CSV_KINDS.has(kind)) throw new CliError(`--kind must be one of ${[...CSV_KINDS].join(", ")}`);
      return { [kind]: importCsv(kind as CsvKind, text, { importedAt: options.importedAt }).records } as ImportedRecords;
    }
  } catch (e) {
    throw e instanceof CliError ? e : new CliError(oneLine(e, file));
  }
  throw new CliError(`${file}: unknown file type (expected .json, .xml, .reqif, .reqifz, .csv, .xlsx or a folder)`);
}
