import type { z } from "zod";
import { ownEntry } from "../../core/own.js";
import { ValidationError, checkOptionKeys, safeDecodeWith, type ValidationIssue } from "../../core/index.js";
import { entityKinds, type EntityOf } from "../../entities/index.js";
import { IdLines } from "./id-lines.js";
import { CSV_PROFILES, csvProfile, type CsvKind } from "./profiles.js";
import { restoreCell, type CsvDelimiter } from "./neutralise.js";
import { duplicateJsonKeys } from "../json-keys.js";
import { csvDecimalMark, decimalCellMessage, readDecimalCell, type CsvDecimalMark } from "./decimal-mark.js";
import { isDecimalField, jsonCellFor, jsonColumnShape } from "./fields.js";
import { csvBooleanWords, csvDateFormat, dateCellMessage, isDateField, readDateCell, type BooleanWords, type CsvBooleanWords, type CsvDateFormat } from "./locale-cells.js";
import { XLSX_MAX_CELL_CHARS } from "../../core/xstring.js";
import { checkLimit } from "../limit.js";
import { columnLetter, groupedCount } from "../../core/column-letter.js";

/**
 * The message of a cell longer than the limit, the same for import and export.
 *
 * @example
 * ```ts
 * cellLengthMessage(40_019, 32_767); // "40,019 characters; a CSV cell holds at most 32,767 (maxCellChars; Excel cuts a longer one)"
 * ```
 * @internal
 */
export function cellLengthMessage(length: number, max: number): string {
  return `${groupedCount(length)} characters; a CSV cell holds at most ${groupedCount(max)} (maxCellChars; Excel cuts a longer one)`;
}

/** Options every CSV import takes (see `importCsv`). */
export interface CsvRowOptions {
  /** Your column header → pmokit field path (`{ "Invoice no": "sourceRef", "EUR": "amount.amount" }`). Unmapped headers are used as field paths. */
  readonly mapping?: Readonly<Record<string, string>>;
  /** Values for fields the file does not have (`{ "amount.currency": "EUR", projectId: "PRJ-CRM" }`). */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** `createdAt`/`updatedAt` of every record (UTC instant); the import reads no clock. */
  readonly importedAt: string;
  /** Id of a row without an `id` cell (default `<kind>-<row>`). */
  readonly idFor?: (row: number) => string;
  /**
   * Longest cell accepted, in UTF-16 units as a spreadsheet's `LEN` counts them (default
   * {@link XLSX_MAX_CELL_CHARS}, 32,767: Excel's cell limit, which `exportXlsx` keeps too). A longer cell is refused at
   * its `[line, column]`; raise it for a file of long lists exported with the same `maxCellChars`.
   */
  readonly maxCellChars?: number;
  /**
   * @internal Whether cells were neutralised against formula injection on export (CSV: yes, so one added leading
   * apostrophe is removed). Workbooks pass false: their cells are typed text and were never changed.
   */
  readonly neutralised?: boolean;
  /** @internal The CSV file's delimiter, for undoing the export's neutralising (default `,`). */
  readonly delimiter?: CsvDelimiter;
  /** @internal The decimal mark of the file's number cells (decimal fields), checked by the importer; default: as on the wire (`1234.56`; a negative also `(12.50)`, `12.50-`, `−12.50`). */
  readonly decimalMark?: CsvDecimalMark;
  /**
   * More words of boolean cells (`blocking`, `freezeExempt`) besides `true`/`yes`/`1` and `false`/`no`/`0`, compared
   * without case and edge spaces: `{ true: ["Ja", "WAHR"], false: ["Nein", "FALSCH"] }`. A word read both ways is
   * refused at `["booleans", side, index]`. Default: those six only; any other word is refused at its cell.
   */
  readonly booleans?: CsvBooleanWords;
  /**
   * The order of date cells (`date`, `targetStart`, `dueDate` …) besides the wire form `YYYY-MM-DD`: `"DD.MM.YYYY"`,
   * `"DD/MM/YYYY"`, `"MM/DD/YYYY"` or `"DD-MM-YYYY"`, day and month of one or two digits, a four-digit year. A cell
   * in neither form, or no real day, is refused at its `[line, column]`. Default: `YYYY-MM-DD` only (`01/10/2026` is
   * 1 October or 10 January: never guessed).
   */
  readonly dateFormat?: CsvDateFormat;
}
/** @internal The keys of {@link CsvRowOptions}. */
export const CSV_ROW_OPTION_KEYS = {
  mapping: 1, defaults: 1, importedAt: 1, idFor: 1, maxCellChars: 1, neutralised: 1, delimiter: 1, decimalMark: 1, booleans: 1, dateFormat: 1,
} satisfies Record<keyof CsvRowOptions, 1>;

/**
 * @internal Refuses the unknown keys of an importer's (or exporter's) options, `known`, and of its nested `booleans`
 * bag (`{ True: [...] }`), at `path` + the key, naming the public function `fn`.
 */
export function checkRowOptionKeys(fn: string, options: unknown, known: Readonly<Record<string, 1>>, path: readonly (string | number)[] = []): void {
  checkOptionKeys(fn, options, known, path);
  const booleans = typeof options === "object" && options !== null ? (options as { booleans?: unknown }).booleans : undefined;
  // A list (`["ja"]`) is left to csvBooleanWords, which refuses it at ["booleans"] as a whole.
  if (!Array.isArray(booleans)) checkOptionKeys(fn, booleans, { true: 1, false: 1 } satisfies Record<keyof CsvBooleanWords, 1>, [...path, "booleans"]);
}

/**
 * The items of a list cell: a JSON array of strings (what export writes when an item holds a line break or edge
 * spaces) is that array; any other text is one item per line, trimmed, empty lines dropped.
 */
function listItems(cell: string): string[] {
  const t = cell.trim();
  if (t.startsWith("[") && t.endsWith("]")) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((i) => typeof i === "string")) return parsed as string[];
    } catch {
      // not JSON: a hand-written list whose first line starts with "["
    }
  }
  return cell.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "");
}

/** What a JSON column accepts, for the message of a cell it refuses. */
function jsonHint(kind: CsvKind, path: string): string {
  return `${path} holds ${jsonColumnShape(kind, path) ?? "JSON"}, or is empty for none`;
}

const RESERVED = new Set(["__proto__", "constructor", "prototype"]);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let node = target;
  parts.forEach((p, i) => {
    if (i === parts.length - 1) {
      Object.defineProperty(node, p, { value, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = Object.prototype.hasOwnProperty.call(node, p) ? node[p] : undefined;
    const child = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : {};
    Object.defineProperty(node, p, { value: child, enumerable: true, writable: true, configurable: true });
    node = child;
  });
}

/**
 * The top-level fields of an entity codec whose empty cell reads as the empty text: required (no default) and taking
 * `""` (a request's `purpose`, `need`). Export writes `""` as an empty cell; read as no value, such a record was
 * refused as missing the field. Every other field's empty cell is no value (an optional text: `""` and absent both
 * mean none).
 */
function emptyTextFields(schema: z.ZodType): Set<string> {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
  return new Set(Object.keys(shape).filter((f) => {
    const field = shape[f]!;
    const r = field.safeParse("");
    return r.success && r.data === "" && !field.safeParse(undefined).success;
  }));
}

/**
 * Decodes CSV rows of one kind one at a time, so a whole file never has to be held: the header is checked once
 * (reserved names, and two columns that would fill the same field — refused, never one silently overwriting the
 * other), then each row is typed by the kind's profile, validated through the entity codec and checked for an id
 * already used on an earlier line. Problems collect in `issues` with paths `[line, column]`.
 */
export class CsvRowDecoder<K extends CsvKind> {
  /** Every problem found so far, `[line, column]` paths (`line`: where the row starts in the file, see `importCsv`). */
  readonly issues: ValidationIssue[] = [];
  private readonly paths: string[];
  private readonly schema: z.ZodType;
  private readonly seen = new IdLines();
  private readonly decimals: readonly boolean[];
  private readonly dates: readonly boolean[];
  /** Columns whose empty cell is the empty text (see `emptyTextFields`). */
  private readonly emptyText: readonly boolean[];
  private readonly booleanWords: BooleanWords;
  private readonly dateFormat: CsvDateFormat | undefined;
  private readonly maxCell: number;

  /**
   * @throws {ValidationError} when the header has a reserved or empty field name or a repeated field.
   * @example
   * ```ts
   * const rows = new CsvRowDecoder("cost-entry", ["id", "amount.amount"], { importedAt: "2026-11-25T12:00:00.000Z" });
   * ```
   */
  constructor(private readonly kind: K, private header: readonly string[], private readonly options: CsvRowOptions, headerLine = 1) {
    csvProfile(kind, `${String(kind)} CSV`); // an unknown kind (or "constructor") is refused before anything is read
    checkLimit(options.maxCellChars, "maxCellChars", `${String(kind)} CSV`);
    this.maxCell = options.maxCellChars ?? XLSX_MAX_CELL_CHARS;
    this.booleanWords = csvBooleanWords(options.booleans, `${String(kind)} CSV`);
    this.dateFormat = csvDateFormat(options.dateFormat, `${String(kind)} CSV`);
    const issues: ValidationIssue[] = [];
    const firstColumn = new Map<string, number>();
    // A header cell was neutralised on export like a data cell (`'=Note` for `=Note`): read it back the same way.
    if (options.neutralised !== false) this.header = header.map((h) => restoreCell(h, options.delimiter));
    this.paths = this.header.map((h, c) => {
      // Own entries: an unmapped "toString" header is no mapping. A key matches the header as written, else trimmed
      // (a stray space, a byte order mark): the same header an unmapped column and a workbook's trimmed cell give.
      const path = ownEntry(options.mapping, h) ?? ownEntry(options.mapping, h.trim()) ?? h.trim();
      if (path.split(".").some((p) => RESERVED.has(p) || p === "")) {
        issues.push({ path: [headerLine, h], message: `column ${c + 1}: "${h}" is not a usable field name`, code: "custom" });
      } else if (firstColumn.has(path)) {
        issues.push({ path: [headerLine, h], message: `column ${c + 1}: "${h}" repeats column ${firstColumn.get(path)! + 1} (both hold ${path})`, code: "custom" });
      } else firstColumn.set(path, c);
      return path;
    });
    if (issues.length > 0) throw new ValidationError(issues, `${kind} CSV`);
    if (options.decimalMark !== undefined) csvDecimalMark(options.decimalMark, options.delimiter ?? ",", `${kind} CSV`);
    // Every decimal field, with the mark or as on the wire: a negative in parentheses or with a trailing minus reads
    // with either (and in a workbook's text cells).
    this.decimals = this.paths.map((p) => isDecimalField(kind, p));
    this.dates = this.paths.map((p) => this.dateFormat !== undefined && isDateField(kind, p));
    this.schema = entityKinds[kind].schema as unknown as z.ZodType;
    const empty = emptyTextFields(this.schema);
    this.emptyText = this.paths.map((p) => empty.has(p) && !Object.hasOwn(options.defaults ?? {}, p));
  }

  private columnOf(fieldPath: string): string {
    return this.header[this.paths.findIndex((p) => fieldPath === p || fieldPath.startsWith(`${p}.`))] ?? fieldPath;
  }

  /**
   * Decodes the row on file line `line`: the validated entity, or `undefined` when the row had problems (added to
   * `issues`).
   *
   * @example
   * ```ts
   * const entry = rows.decode(["ce-1", "12.50"], 2);
   * ```
   */
  decode(cells: readonly string[], line: number): EntityOf<K> | undefined {
    const { options, kind } = this;
    const profile = CSV_PROFILES[kind];
    const before = this.issues.length;
    const refused = new Set<string>(); // columns already refused here: the codec's complaint of the missing field is not added
    const wire: Record<string, unknown> = { version: 1, createdAt: options.importedAt, updatedAt: options.importedAt };
    for (const [k, v] of Object.entries(options.defaults ?? {})) setPath(wire, k, v);
    cells.forEach((raw, c) => {
      const path = this.paths[c];
      if (path === undefined) {
        // A cell right of the header (a workbook note with no column name; a CSV row's extra field is refused before).
        if (raw !== "") this.issues.push({ path: [line, `column ${columnLetter(c)}`], message: `column ${c + 1} has no header, so its value ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)} would be lost`, code: "custom" });
        return;
      }
      if (raw.length > this.maxCell) {
        this.issues.push({ path: [line, this.header[c]!], message: cellLengthMessage(raw.length, this.maxCell), code: "custom" });
        refused.add(this.header[c]!);
        return;
      }
      const cell = options.neutralised === false ? raw : restoreCell(raw, options.delimiter);
      if (cell === "") {
        if (this.emptyText[c] === true) setPath(wire, path, "");
        return;
      }
      let value: unknown = cell;
      if (this.decimals[c] === true) {
        value = readDecimalCell(cell, options.decimalMark);
        if (value === undefined) {
          const where = options.neutralised === false ? `cell ${columnLetter(c)}${line}` : `line ${line}, column ${columnLetter(c)}`;
          this.issues.push({ path: [line, this.header[c]!], message: decimalCellMessage(cell, options.decimalMark, where, options.neutralised === false), code: "custom" });
          refused.add(this.header[c]!);
          return;
        }
      } else if (this.dates[c] === true) {
        value = readDateCell(cell, this.dateFormat!);
        if (value === undefined) {
          this.issues.push({ path: [line, this.header[c]!], message: dateCellMessage(cell, this.dateFormat!), code: "custom" });
          refused.add(this.header[c]!);
          return;
        }
      } else if (profile.lists?.includes(path)) value = listItems(cell);
      else if (profile.booleans?.includes(path)) {
        const word = cell.trim().toLowerCase();
        value = this.booleanWords.true.has(word) ? true : this.booleanWords.false.has(word) ? false : cell;
      }
      else if (profile.integers?.includes(path)) value = /^-?\d+$/.test(cell) ? Number(cell) : cell;
      else if (profile.json?.includes(path)) {
        try {
          value = JSON.parse(cell);
        } catch {
          // A bare text in a column of one text field (a reason for `mandatory`): the exact cell, as export writes it;
          // not for a yes or no, which is no reason.
          const word = cell.trim().toLowerCase();
          const as = this.booleanWords.true.has(word) || this.booleanWords.false.has(word) ? undefined : jsonCellFor(kind, path, cell);
          const write = as === undefined ? "" : `: for this ${as[0]} write ${as[1]}${options.neutralised === false ? "" : ` (in a CSV file "${as[1].replaceAll('"', '""')}")`}`;
          this.issues.push({ path: [line, this.header[c]!], message: `${JSON.stringify(cell)} is not valid JSON: ${jsonHint(kind, path)}${write}`, code: "custom" });
          return;
        }
        // JSON.parse keeps the last of two equal keys; a cell naming one twice is ambiguous, not the last one's.
        const twice = duplicateJsonKeys(cell, 1)[0];
        if (twice !== undefined) {
          this.issues.push({ path: [line, this.header[c]!], message: `not valid JSON: key "${twice.key}" is given twice`, code: "custom" });
          return;
        }
      }
      setPath(wire, path, value);
    });
    if (wire["id"] === undefined) wire["id"] = options.idFor ? options.idFor(line) : `${kind}-${line}`;
    const id = wire["id"];
    const earlier = typeof id === "string" ? this.seen.claim(id, line) : undefined;
    if (earlier !== undefined) this.issues.push({ path: [line, this.columnOf("id")], message: `id ${String(id)} is already used on line ${earlier}`, code: "custom" });
    const r = safeDecodeWith(this.schema, wire);
    if (!r.success) {
      for (const z of r.error.issues) {
        const fieldPath = z.path.map(String).join(".");
        const column = this.columnOf(fieldPath);
        if (refused.has(column)) continue;
        // A JSON column given a value of another type (`true` for mandatory): say what the column holds instead of
        // the codec's "expected object, received boolean".
        // Deeper in the value (`{}` lacks reason), the codec's message names the key, and the shape is added.
        const c = this.paths.findIndex((p) => fieldPath === p || fieldPath.startsWith(`${p}.`));
        const jsonPath = c >= 0 && profile.json?.includes(this.paths[c]!) === true ? this.paths[c]! : undefined;
        const message = jsonPath === undefined ? z.message
          : jsonPath === fieldPath && z.code === "invalid_type" ? `${JSON.stringify(cells[c]!.trim())} is not accepted: ${jsonHint(kind, jsonPath)}`
          : `${z.message} (${jsonHint(kind, jsonPath)})`;
        this.issues.push({ path: [line, column], message: fieldPath && column !== fieldPath ? `${fieldPath}: ${message}` : message, code: z.code });
      }
    }
    return r.success && this.issues.length === before ? (r.data as EntityOf<K>) : undefined;
  }

  /**
   * Throws the one {@link ValidationError} listing every problem, when there is any.
   *
   * @example
   * ```ts
   * rows.throwIfInvalid(); // after the last row
   * ```
   */
  throwIfInvalid(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues, `${this.kind} CSV`);
  }
}
