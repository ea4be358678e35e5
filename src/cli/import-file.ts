import { statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { EntityOf } from "../entities/index.js";
import { importCsvBatches, importXlsx, mspdiToPmokit, readImportChunks, readImportFile, readMspdi, readReqif, reqifToPmokit, type CsvKind, type ImportedRecords } from "../io/index.js";
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
 * An importable file, opened: validated records held in memory, or — for CSV, which can have millions of rows — a
 * source of validated batches read from the file as they are consumed (`batches()` starts a fresh read each call).
 */
export type Importable =
  | { readonly form: "records"; readonly records: ImportedRecords }
  | { readonly form: "batches"; readonly kind: CsvKind; readonly batches: () => AsyncIterable<readonly EntityOf<CsvKind>[]> };

/** The batches with every refusal turned into the one-line error naming the file (the same for validate and import). */
async function* named<T>(file: string, batches: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* batches;
  } catch (e) {
    throw e instanceof CliError ? e : new CliError(oneLine(e, file));
  }
}

/**
 * Opens any importable file: a pmokit dataset (`.json`), a folder of per-kind JSON files, MS Project XML (`.xml`,
 * MSPDI), ReqIF (`.reqif`, `.reqifz`) or XLSX (`.xlsx`, first sheet, with `kind`) are read and validated into
 * records; a CSV (`.csv` with `kind`) becomes a
 * stream of validated batches, so memory does not grow with the number of rows. Every file is read through the
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
  if (isDir) return { form: "records", records: (await readOfficeFolder(file)).records };
  const ext = extname(file).toLowerCase();
  if (ext === ".json") return { form: "records", records: (await readDatasetFile(file)).records };
  if (ext === ".csv") {
    const kind = need(options.kind, "--kind", "CSV");
    if (!CSV_KINDS.has(kind)) throw new CliError(`--kind must be one of ${[...CSV_KINDS].join(", ")}`);
    const csvKind = kind as CsvKind;
    return { form: "batches", kind: csvKind, batches: () => named(file, importCsvBatches(csvKind, readImportChunks(file), { importedAt: options.importedAt })) };
  }
  try {
    if (ext === ".xlsx") {
      const kind = need(options.kind, "--kind", "XLSX");
      if (!CSV_KINDS.has(kind)) throw new CliError(`--kind must be one of ${[...CSV_KINDS].join(", ")}`);
      const st = statSync(file);
      // The same bounds as the text reader: a regular file of at most 512 MiB (a workbook is read whole).
      if (!st.isFile()) throw new CliError(`${file}: not a regular file`);
      if (st.size > 512 * 1024 * 1024) throw new CliError(`${file}: larger than 512 MiB; refused`);
      return { form: "records", records: { [kind]: importXlsx(kind as CsvKind, new Uint8Array(await readFile(file)), { importedAt: options.importedAt }).records } as ImportedRecords };
    }
    if (ext === ".xml") {
      const { document } = readMspdi(await readImportFile(file));
      return { form: "records", records: mspdiToPmokit(document, {
        projectId: need(options.project, "--project", "MSPDI"), projectCode: need(options.code, "--code", "MSPDI"),
        projectManagerId: need(options.manager, "--manager", "MSPDI"), sponsorId: need(options.sponsor, "--sponsor", "MSPDI"),
        importedBy: need(options.actor, "--actor", "MSPDI"), importedAt: options.importedAt,
      }).records };
    }
    if (ext === ".reqif" || ext === ".reqifz") {
      const project = need(options.project, "--project", "ReqIF");
      return { form: "records", records: reqifToPmokit(readReqif(await readImportFile(file)).document, { projectId: project, importedAt: options.importedAt }).records };
    }
  } catch (e) {
    throw e instanceof CliError ? e : new CliError(oneLine(e, file));
  }
  throw new CliError(`${file}: unknown file type (expected .json, .xml, .reqif, .reqifz, .csv, .xlsx or a folder)`);
}
