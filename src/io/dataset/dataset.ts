import type { z } from "zod";
import { ValidationError, checkArguments, checkOptionKeys, safeDecodeWith, type ValidationIssue } from "../../core/index.js";
import { entityKinds, entityJsonSchema, encodeEntity, isEntityKind, type EntityKind, type EntityOf } from "../../entities/index.js";
import { createReportBuilder, type ImportReport } from "../report.js";
import { IMPORT_ORDER, type ImportedRecords } from "../records.js";
import { duplicateJsonKeys } from "../json-keys.js";

/**
 * The `format` value of a pmokit dataset file.
 *
 * @example
 * ```ts
 * JSON.parse(text).format === DATASET_FORMAT; // a pmokit dataset
 * ```
 */
export const DATASET_FORMAT = "pmokit-dataset";
/**
 * The dataset format version this pmokit writes and reads. A reader refuses versions it does not know.
 *
 * @example
 * ```ts
 * JSON.parse(exportDataset(records)).formatVersion === DATASET_FORMAT_VERSION; // true
 * ```
 */
export const DATASET_FORMAT_VERSION = 1;

/** The wire form of a pmokit dataset: the whole office in one JSON file. */
export interface DatasetFile {
  /** Always `"pmokit-dataset"`. */
  readonly format: typeof DATASET_FORMAT;
  /** Format version (1). */
  readonly formatVersion: number;
  /** When the file was written (UTC instant), if the writer said. */
  readonly exportedAt?: string;
  /** Free description of the office or the export. */
  readonly description?: string;
  /** Wire records per entity kind, each list sorted by id. */
  readonly records: Readonly<Partial<Record<EntityKind, readonly unknown[]>>>;
}

/** Options of {@link exportDataset}. */
export interface ExportDatasetOptions {
  /** When the export was made (UTC instant). Left out when absent: the export reads no clock. */
  readonly exportedAt?: string;
  /** Free description. */
  readonly description?: string;
}

/**
 * Writes the whole office (validated entities by kind) as a pmokit dataset: canonical wire records, each kind's
 * list sorted by id, kinds in dependency order, two-space indented JSON with a trailing newline. Equal offices give
 * byte-identical files.
 *
 * @throws {ValidationError} when an entity does not encode (it was not valid memory form), or two records of one kind
 *   share an id (path `records.<kind>[i].id`).
 * @example
 * ```ts
 * const text = exportDataset({ project: [crm], "work-package": packages }, { exportedAt: "2026-11-25T12:00:00.000Z" });
 * ```
 */
export function exportDataset(records: ImportedRecords, options: ExportDatasetOptions = {}): string {
  checkArguments("exportDataset", { options: [options, "object"] });
  checkOptionKeys("exportDataset", options, { exportedAt: 1, description: 1 } satisfies Record<keyof ExportDatasetOptions, 1>);
  const out: Record<string, unknown[]> = {};
  const issues: ValidationIssue[] = [];
  for (const kind of IMPORT_ORDER) {
    const list = records[kind] as readonly EntityOf<typeof kind>[] | undefined;
    if (!list || list.length === 0) continue;
    const wires = list.map((e) => encodeEntity(kind, e as never) as { id: string });
    // Two records with one id: a file importDataset refuses, whose order would follow the input's. Refused here.
    const seen = new Set<string>();
    wires.forEach((w, i) => {
      if (seen.has(w.id)) issues.push({ path: ["records", kind, i, "id"], message: `duplicate id ${w.id}`, code: "custom" });
      seen.add(w.id);
    });
    wires.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out[kind] = wires;
  }
  if (issues.length > 0) throw new ValidationError(issues, "pmokit dataset");
  const file: DatasetFile = {
    format: DATASET_FORMAT,
    formatVersion: DATASET_FORMAT_VERSION,
    ...(options.exportedAt !== undefined ? { exportedAt: options.exportedAt } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
    records: out,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** What {@link importDataset} returns: validated entities (nothing stored yet) and the report. */
export interface DatasetImport {
  /** Validated entities by kind, in memory form. */
  readonly records: ImportedRecords;
  /** Counts per kind; datasets map everything, so `unmapped` is empty. */
  readonly report: ImportReport;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads a pmokit dataset (JSON text or an already parsed value) and validates every record through its entity
 * codec. All-or-nothing: every problem in the file is collected (path `records.<kind>[i].<field>`) and reported in
 * one {@link ValidationError}; nothing is returned half-valid. Duplicate ids within a kind are errors.
 *
 * @throws {ValidationError} on malformed JSON, a key given twice in one object (JSON would keep only the last), an
 *   unknown format/version/kind or any invalid record.
 * @example
 * ```ts
 * const { records, report } = importDataset(readFileSync("office.json", "utf8"));
 * report.counts.project; // 4
 * await writeImportedRecords(adapter, records);
 * ```
 */
export function importDataset(input: string | unknown): DatasetImport {
  let data: unknown = input;
  if (typeof input === "string") {
    // A UTF-8 byte order mark (Windows editors write one; readFileSync keeps it) is not part of the JSON.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw ValidationError.single([], `not valid JSON: ${(e as Error).message}`, "pmokit dataset");
    }
    // JSON.parse keeps the last of two equal keys: a kind (or a field) given twice would lose data without a word.
    const twice = duplicateJsonKeys(text);
    if (twice.length > 0) {
      throw new ValidationError(twice.map((d) => ({ path: [...d.path, d.key], message: `key "${d.key}" is given twice (JSON keeps only the last)`, code: "custom" })), "pmokit dataset");
    }
  }
  const issues: ValidationIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  if (!isPlainObject(data)) throw ValidationError.single([], "a dataset is a JSON object", "pmokit dataset");
  for (const key of Object.keys(data)) {
    if (!["format", "formatVersion", "exportedAt", "description", "records"].includes(key)) issue([key], "unknown key");
  }
  if (data["format"] !== DATASET_FORMAT) issue(["format"], `expected "${DATASET_FORMAT}"`);
  if (data["formatVersion"] !== DATASET_FORMAT_VERSION) {
    issue(["formatVersion"], `unsupported version ${JSON.stringify(data["formatVersion"])}; this pmokit reads ${DATASET_FORMAT_VERSION}`);
  }
  const recs = data["records"];
  if (!isPlainObject(recs)) issue(["records"], "expected an object of record lists by entity kind");
  if (issues.length > 0 || !isPlainObject(recs)) throw new ValidationError(issues, "pmokit dataset");

  const report = createReportBuilder("pmokit-dataset");
  const out: Record<string, unknown[]> = {};
  for (const kind of Object.keys(recs)) {
    // Object.keys gives own keys only; a "__proto__" key from JSON.parse is an own key and fails isEntityKind.
    if (!isEntityKind(kind)) {
      issue(["records", kind], "unknown entity kind");
      continue;
    }
    const list = recs[kind];
    if (!Array.isArray(list)) {
      issue(["records", kind], "expected an array");
      continue;
    }
    const schema = entityKinds[kind].schema as unknown as z.ZodType;
    const seen = new Set<string>();
    const decoded: unknown[] = [];
    list.forEach((wire, i) => {
      const r = safeDecodeWith(schema, wire);
      if (!r.success) {
        for (const z of r.error.issues) {
          issues.push({ path: ["records", kind, i, ...z.path.map((p) => (typeof p === "number" ? p : String(p)))], message: z.message, code: z.code });
        }
        return;
      }
      const id = (r.data as { id: string }).id;
      if (seen.has(id)) issue(["records", kind, i, "id"], `duplicate id ${id}`);
      seen.add(id);
      decoded.push(r.data);
    });
    out[kind] = decoded;
    report.count(kind, decoded.length);
  }
  if (issues.length > 0) throw new ValidationError(issues, "pmokit dataset");
  return { records: out as ImportedRecords, report: report.finish() };
}

/**
 * The JSON Schema (draft 2020-12) of a pmokit dataset file, built from the entity schemas, so it always matches
 * the codecs of this version.
 *
 * @example
 * ```ts
 * writeFileSync("pmokit-dataset.schema.json", JSON.stringify(datasetJsonSchema(), null, 2));
 * ```
 */
export function datasetJsonSchema(): Record<string, unknown> {
  const kinds: Record<string, unknown> = {};
  for (const kind of IMPORT_ORDER) {
    const { $schema: _s, ...schema } = entityJsonSchema(kind);
    kinds[kind] = { type: "array", items: schema };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://pmokit.dev/schema/pmokit-dataset-1.json",
    title: "pmokit dataset",
    description: "A whole PMO office in one file: wire records by entity kind.",
    type: "object",
    required: ["format", "formatVersion", "records"],
    additionalProperties: false,
    properties: {
      format: { const: DATASET_FORMAT },
      formatVersion: { const: DATASET_FORMAT_VERSION },
      exportedAt: { type: "string", format: "date-time" },
      description: { type: "string" },
      records: { type: "object", additionalProperties: false, properties: kinds },
    },
  };
}
