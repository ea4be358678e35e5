import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { isEntityKind } from "../entities/index.js";
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, importDataset, readImportFile, type DatasetImport } from "../io/index.js";
import { CliError, toCliError } from "./errors.js";

/** A JSON file's text through the bounded, strict-UTF-8 reader; its refusals as one-line CLI errors. */
async function readText(file: string): Promise<string> {
  try {
    return await readImportFile(file);
  } catch (e) {
    throw toCliError(e);
  }
}

/** The id of record `i` of `kind` in a raw dataset, for error messages. */
function idLookup(records: unknown): (kind: string, i: number) => string | undefined {
  return (kind, i) => {
    const r = (records as Record<string, unknown[] | undefined> | undefined)?.[kind]?.[i] as { id?: unknown } | undefined;
    return typeof r?.id === "string" ? r.id : undefined;
  };
}

/**
 * Reads a folder of per-kind JSON arrays (`project.json`, `risk.json`…, the layout of examples/data) as a pmokit
 * dataset, validated all or nothing. Errors name the file, the record and the path.
 *
 * @example
 * ```ts
 * const { records, report } = await readOfficeFolder("examples/data");
 * ```
 */
export async function readOfficeFolder(dir: string): Promise<DatasetImport> {
  const records: Record<string, unknown> = {};
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json")).sort();
  } catch (e) {
    throw new CliError(`${dir}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  for (const name of names) {
    const kind = basename(name, ".json");
    if (!isEntityKind(kind)) continue;
    const file = join(dir, name);
    const text = await readText(file);
    try {
      records[kind] = JSON.parse(text);
    } catch (e) {
      throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
    }
  }
  try {
    return importDataset({ format: DATASET_FORMAT, formatVersion: DATASET_FORMAT_VERSION, records });
  } catch (e) {
    // Each problem names its per-kind file.
    throw toCliError(e, { file: dir, ids: idLookup(records), fileOf: (path) => (path[0] === "records" && typeof path[1] === "string" ? join(dir, `${path[1]}.json`) : undefined) });
  }
}

/**
 * Reads a pmokit dataset file (`pmokit-dataset` JSON), validated all or nothing; errors name the file, the record
 * (kind, index and id) and the path.
 *
 * @example
 * ```ts
 * (await readDatasetFile("office.json")).report.counts.project; // 4
 * ```
 */
export async function readDatasetFile(file: string): Promise<DatasetImport> {
  const text = await readText(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  try {
    return importDataset(parsed);
  } catch (e) {
    throw toCliError(e, { file, ids: idLookup((parsed as { records?: unknown } | null)?.records) });
  }
}
