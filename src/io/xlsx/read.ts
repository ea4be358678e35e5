import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { builtinFormatKind, numberFormatKind, numberText, serialToTime, xlsxFormatLocale, type NumberFormatKind, type XlsxFormatLocale } from "./number-format.js";
import { XLSX_LIMIT_KEYS, resolveXlsxLimits, type ResolvedXlsxLimits, type XlsxLimits } from "./limits.js";
import { scanXml } from "./xml-scan.js";
import { isoCellDay, isoCellTimeOfDay } from "./iso-cells.js";
import { inflateEntries } from "../inflate.js";
import { decodeXstring } from "./xstring.js";
import { columnLetter } from "../../core/column-letter.js";
import { checkUniquePartNames, officeDocumentPart, readRelationships, relationshipKind, relationshipsPartOf, resolveTarget, type PackageRelationship } from "./package.js";

// Relationship kinds whose target is a sheet listed in the workbook (a chartsheet or dialogsheet has no cells).
const SHEET_KINDS = new Set(["worksheet", "chartsheet", "dialogsheet", "macrosheet", "xlMacrosheet", "xlIntlMacrosheet"]);

/** One sheet of a workbook as text cells: typed cells already turned into pmokit's text forms. */
export interface XlsxSheetData {
  /** The sheet's tab name. */
  readonly name: string;
  /** True when the tab is hidden (`state="hidden"` or `"veryHidden"`): Excel opens on the first visible one. */
  readonly hidden?: boolean;
  /** Rows that hold at least one cell, with their sheet row number (`line`, 1-based). */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
  /** Merged ranges (0-based, inclusive). */
  readonly merges: readonly { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number }[];
  /**
   * Cells holding a formula error (`t="e"`: `#N/A`, `#REF!`, `#DIV/0!` …), by sheet row (`line`, 1-based) and
   * column (0-based). Such a cell has no value: its text in `rows` is the error code, which the importers refuse. A
   * formula saved without its calculated value (no `<v>`, as openpyxl writes formulas) is listed with the error `""`.
   */
  readonly errors?: readonly { readonly line: number; readonly column: number; readonly error: string }[];
  /**
   * Number cells whose number format shows more than the number (`"INV-"0000` shows 42 as INV-0042, `000000` 123 as
   * 000123, `0%` 0.25 as 25%), by sheet row and column, with the format (its code, or `built-in format N`): their
   * text in `rows` is the stored number, which the importers warn about where a text field takes it. Absent when none.
   */
  readonly formatted?: readonly { readonly line: number; readonly column: number; readonly format: string }[];
  /** Sheet rows (of `rows`) hidden in the workbook (`<row hidden="1">`, by hand or by a filter). Absent when none. */
  readonly hiddenRows?: readonly number[];
}

/** Options of {@link readXlsx}. */
export interface ReadXlsxOptions extends XlsxLimits {
  /** Sheets to read, by tab name (default all). */
  readonly sheets?: readonly string[];
  /**
   * The locale of the Excel that saved the workbook, for the built-in formats whose kind depends on it (34, 35, 52,
   * 53, 55, 56: dates in `ja-JP`/`ko-KR`, times of day in `zh-CN`/`zh-TW`). Default: dates, the Japanese and Korean
   * reading.
   */
  readonly formatLocale?: XlsxFormatLocale;
}
const READ_XLSX_KEYS = { ...XLSX_LIMIT_KEYS, sheets: 1, formatLocale: 1 } satisfies Record<keyof ReadXlsxOptions, 1>;

/** @internal The reader's options out of an import's (the limits and `formatLocale`; readXlsx refuses the others). */
export function readXlsxOptions(options: XlsxLimits & { readonly formatLocale?: XlsxFormatLocale }, sheets: readonly string[] | undefined): ReadXlsxOptions {
  const out: Record<string, unknown> = sheets === undefined ? {} : { sheets };
  for (const k of Object.keys(READ_XLSX_KEYS)) if (k !== "sheets" && Object.hasOwn(options, k)) out[k] = (options as Record<string, unknown>)[k];
  return out as ReadXlsxOptions;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Day 0 of the 1904 date system (Excel for Mac; `<workbookPr date1904="1"/>`), ECMA-376 §18.17.4.1. */
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

export { isDateFormat } from "./number-format.js";

// The 1900 system counts a 1900-02-29 that never was (serial 60, Lotus 1-2-3's leap-year bug kept by Excel):
// serials 1–59 are days since 1899-12-31, serials from 61 on days since 1899-12-30 (EXCEL_EPOCH).
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 31);
const EXCEL_FICTITIOUS_LEAP_DAY = 60;
/** 9999-12-31, the last day Excel's date systems have. */
const EXCEL_LAST_DAY = Date.UTC(9999, 11, 31);

/**
 * The calendar day of a date cell's serial. In the 1900 system a serial below 1 has no day (Excel shows
 * `1900-01-00` or `####`) and stays the number it is; serial 60 reads as Excel shows it, `1900-02-29`, which is no
 * date, so an import refuses it with its path instead of moving it to another day.
 */
function serialToIso(serial: number, epoch: number, raw: string): string {
  // Excel's calendar ends on 9999-12-31; a larger serial, a 1904-system serial before its day 0 and a value that is no
  // number have no day (Excel shows ####): kept as the number text, which a date field refuses at its cell.
  if (!Number.isFinite(serial)) return numberText(raw);
  // Excel keeps times to the millisecond: a serial a float's hair below midnight (45292.99999999999, computed from a
  // date-time) is the next day, as Excel, Calc and SheetJS show it. Rounded to the millisecond before the day is taken.
  const day = Math.floor(Math.round(serial * 86_400_000) / 86_400_000);
  if (epoch === EXCEL_EPOCH && day < EXCEL_FICTITIOUS_LEAP_DAY + 1) {
    if (day < 1) return numberText(raw);
    if (day === EXCEL_FICTITIOUS_LEAP_DAY) return "1900-02-29";
    return new Date(EXCEL_DAY_ZERO + day * 86_400_000).toISOString().slice(0, 10);
  }
  const d = new Date(epoch + day * 86_400_000);
  if (day < 0 || !(d.getTime() <= EXCEL_LAST_DAY)) return numberText(raw); // NaN too: past what a Date holds
  return d.toISOString().slice(0, 10);
}

/** `AB12` → column 27 (0-based). */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function rangeOf(ref: string): XlsxSheetData["merges"][number] | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return undefined;
  return { left: columnOf(m[1]!), top: Number(m[2]) - 1, right: columnOf(m[3]!), bottom: Number(m[4]) - 1 };
}

function refuse(message: string): never {
  throw ValidationError.single([], message, "XLSX workbook");
}

// The relationships namespace of transitional and of strict OOXML: a sheet's `id` attribute is in one of them,
// whatever prefix the workbook binds it to (`r:id`, `rel:id` …).
const RELATIONSHIP_NS = ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];

function workbookSheets(parts: PartMap, bookPath: string, rels: readonly PackageRelationship[]): { sheets: { name: string; path: string; hidden: boolean }[]; epoch: number } {
  const book = parts.get(bookPath) ?? refuse(`not an xlsx workbook: ${bookPath} is missing`);
  const relsPath = relationshipsPartOf(bookPath);
  const sheets: { name: string; path: string; hidden: boolean }[] = [];
  let epoch = EXCEL_EPOCH;
  scanXml(
    book,
    "workbook",
    {
      open(name, a) {
        if (name === "workbookPr" && (a["date1904"] === "1" || a["date1904"] === "true")) epoch = EXCEL_EPOCH_1904;
        if (name !== "sheet") return;
        // The name is an ST_Xstring like cell text: "S_x0041_" is the sheet Excel and Calc show as "SA".
        const sheetName = a["name"] !== undefined ? decodeXstring(a["name"]) : `Sheet${sheets.length + 1}`;
        const id = RELATIONSHIP_NS.map((ns) => a[`{${ns}}id`]).find((v) => v !== undefined) ?? refuse(`sheet "${sheetName}" has no relationship id`);
        const rel = rels.find((r) => r.id === id) ?? refuse(`sheet "${sheetName}": relationship ${id} is not in ${relsPath}`);
        sheets.push({ name: sheetName, path: rel.target, hidden: a["state"] === "hidden" || a["state"] === "veryHidden" });
      },
    },
    { namespaces: true },
  );
  return { sheets, epoch };
}

/** Inflated parts by zip entry name, looked up case-insensitively as OPC part names compare. */
class PartMap {
  private readonly byName = new Map<string, Uint8Array>();
  constructor(entries: Map<string, Uint8Array>) {
    for (const [n, b] of entries) this.byName.set(n.toLowerCase(), b);
  }
  get(name: string | undefined): Uint8Array | undefined {
    return name === undefined ? undefined : this.byName.get(name.toLowerCase());
  }
}

/** A style's number format: its kind, and for a number format that shows more than the number, what it is. */
type StyleFormat = { readonly kind: NumberFormatKind; readonly shown?: string };

/** The number format of each cell style (`cellXfs`), by style index. */
function styleFormats(styles: Uint8Array | undefined, locale: XlsxFormatLocale | undefined): StyleFormat[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  const xfs: StyleFormat[] = [];
  let inCellXfs = false;
  scanXml(styles, "styles", {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a["numFmtId"]), a["formatCode"] ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a["numFmtId"] ?? 0);
        const code = custom.get(id);
        const kind = code === undefined ? builtinFormatKind(id, locale) : numberFormatKind(code);
        // General, 0 and @ (ids 0, 1, 49) show a number as its digits; a colour or locale tag changes no character.
        const plain = code === undefined ? [0, 1, 49].includes(id) : /^(General|0|#|@|)$/i.test(code.replace(/\[[^\]]*\]/g, ""));
        xfs.push(kind !== "number" || plain ? { kind } : { kind, shown: code ?? `built-in format ${id}` });
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return xfs;
}

function sharedStrings(bytes: Uint8Array | undefined, limits: ResolvedXlsxLimits): string[] {
  if (!bytes) return [];
  const out: string[] = [];
  let chars = 0;
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  scanXml(bytes, "shared strings", {
    open(name) {
      if (name === "si") {
        if (out.length >= limits.maxSharedStrings) refuse(`more than ${limits.maxSharedStrings} shared strings; refused`);
        current = "";
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "si") {
        out.push(decodeXstring(current ?? ""));
        current = undefined;
      } else if (name === "rPh") phonetic--;
      else if (name === "t") inText = false;
    },
    text(t) {
      if (!inText || current === undefined) return;
      chars += t.length;
      if (chars > limits.maxSharedStringChars) refuse(`shared strings longer than ${limits.maxSharedStringChars} characters together; refused`);
      current += t;
    },
  });
  return out;
}

/**
 * A number cell's text by its format: a date format gives the calendar day, a time or elapsed format the time
 * (`HH:MM:SS`), any other the number as stored.
 */
function numberCell(raw: string, kind: NumberFormatKind, epoch: number): string {
  if (kind === "date") return serialToIso(Number(raw), epoch, raw);
  if (kind === "number") return numberText(raw);
  return serialToTime(raw, kind, (EXCEL_LAST_DAY - epoch) / 86_400_000);
}

/** The cell types of ECMA-376 §18.18.11 (ST_CellType). */
const CELL_TYPES = new Set(["b", "d", "e", "inlineStr", "n", "s", "str"]);

function readSheet(name: string, bytes: Uint8Array, strings: readonly string[], formats: readonly StyleFormat[], epoch: number, limits: ResolvedXlsxLimits): XlsxSheetData {
  const rows: { line: number; cells: string[] }[] = [];
  const merges: XlsxSheetData["merges"][number][] = [];
  const errors: { line: number; column: number; error: string }[] = [];
  const formatted: { line: number; column: number; format: string }[] = [];
  const hiddenRows: number[] = [];
  let row: { line: number; cells: string[]; hidden?: true } | undefined;
  let cell: { col: number; type: string; style: number; formula?: true; cached?: true } | undefined;
  let text: string | undefined;
  // Only the characters inside <v> and <t> count, not those of a phonetic run (<rPh>, furigana) nor the whitespace a
  // pretty-printing writer puts between an inline string's <r> runs (ECMA-376 §18.4.12), as for shared strings.
  let inText = false;
  let phonetic = 0;
  let nextCol = 0;
  // The line of the last row seen, kept or not: a row without r is the next row (§18.3.1.73), even after an empty one.
  let lastLine = 0;
  scanXml(bytes, `sheet "${name}"`, {
    open(el, a) {
      if (el === "row") {
        if (rows.length >= limits.maxRows) refuse(`sheet "${name}" has more than ${limits.maxRows} rows; refused`);
        // Rows go top to bottom (ECMA-376 §18.3.1.73): a row number out of order or unreadable would put values on the
        // wrong line or merge two rows' cells.
        if (a["r"] !== undefined && !/^[1-9]\d{0,6}$/.test(a["r"])) refuse(`sheet "${name}": row number ${JSON.stringify(a["r"])} is not a row number`);
        const line = a["r"] !== undefined ? Number(a["r"]) : lastLine + 1;
        if (line <= lastLine) refuse(`sheet "${name}": row ${line} comes after row ${lastLine} (rows go top to bottom)`);
        lastLine = line;
        row = a["hidden"] === "1" || a["hidden"] === "true" ? { line, cells: [], hidden: true } : { line, cells: [] };
        nextCol = 0;
      } else if (el === "c" && row) {
        const ref = a["r"];
        const m = ref === undefined ? undefined : /^([A-Z]{1,3})(\d+)$/.exec(ref);
        if (ref !== undefined && (m == null || Number(m[2]) !== row.line)) refuse(`sheet "${name}" row ${row.line}: cell reference ${JSON.stringify(ref)} is not a cell of that row`);
        const col = ref !== undefined ? columnOf(ref) : nextCol;
        if (col >= limits.maxColumns) refuse(`sheet "${name}" row ${row.line} has more than ${limits.maxColumns} columns; refused`);
        // Cells go left to right, each once: a second cell at a place would silently replace the first.
        if (col < nextCol) {
          const at = `${columnLetter(col)}${row.line}`;
          refuse(`sheet "${name}" row ${row.line}: cell ${at} ${col === nextCol - 1 ? "is given twice" : `comes after ${columnLetter(nextCol - 1)}${row.line} (cells go left to right)`}`);
        }
        const where = `sheet "${name}" cell ${columnLetter(col)}${row.line}`;
        const type = a["t"] ?? "n";
        if (!CELL_TYPES.has(type)) refuse(`${where}: cell type ${JSON.stringify(type)} is not one of ${[...CELL_TYPES].join(", ")}`);
        // A style the workbook does not define has an unknown number format: a date cell would read as its serial.
        const style = a["s"] === undefined ? 0 : /^\d{1,9}$/.test(a["s"]) ? Number(a["s"]) : Number.NaN;
        if (!(style === 0 || style < formats.length)) refuse(`${where}: style ${a["s"] ?? ""} is not in the workbook's cell formats (${formats.length} of them)`);
        cell = { col, type, style };
        nextCol = col + 1;
      } else if (el === "rPh" && cell) phonetic++;
      else if (el === "f" && cell) cell.formula = true;
      else if ((el === "v" || el === "t") && cell && phonetic === 0) {
        if (el === "v") cell.cached = true;
        text = text ?? "";
        inText = true;
      } else if (el === "mergeCell" && a["ref"]) {
        const r = rangeOf(a["ref"]);
        if (r) merges.push(r);
      }
    },
    text(t) {
      if (inText && text !== undefined) text += t;
    },
    close(el) {
      if (el === "v" || el === "t") inText = false;
      else if (el === "rPh" && phonetic > 0) phonetic--;
      if (el === "c" && cell && row) {
        const raw = text ?? "";
        let value: string;
        const where = `sheet "${name}" cell ${columnLetter(cell.col)}${row.line}`;
        const index = raw.trim(); // a pretty-printing writer may put white space around an index or a 0/1
        if (index === "" && (cell.type === "s" || cell.type === "b")) value = ""; // no <v>: an empty cell (not string 0, not false)
        else if (cell.type === "s") value = (/^\d+$/.test(index) ? strings[Number(index)] : undefined) ?? refuse(`sheet "${name}" row ${row.line}: shared string ${raw} does not exist`);
        else if (cell.type === "b") value = index === "1" ? "true" : index === "0" ? "false" : refuse(`${where}: a boolean cell holds 0 or 1, not ${JSON.stringify(raw)}`);
        else if (cell.type === "d") value = formats[cell.style]?.kind === "time" ? isoCellTimeOfDay(raw) : isoCellDay(raw);
        else if (cell.type === "e") {
          value = raw;
          errors.push({ line: row.line, column: cell.col, error: raw });
        } else if (cell.formula === true && cell.cached !== true && cell.type !== "inlineStr") {
          // A formula saved without its value (openpyxl, ExcelJS without a result): only a recalculation gives one.
          value = "";
          errors.push({ line: row.line, column: cell.col, error: "" });
        } else if (cell.type === "n" && raw !== "") {
          const f = formats[cell.style];
          value = numberCell(raw, f?.kind ?? "number", epoch);
          if (f?.shown !== undefined) formatted.push({ line: row.line, column: cell.col, format: f.shown });
        }
        else value = cell.type === "inlineStr" || cell.type === "str" ? decodeXstring(raw) : raw;
        while (row.cells.length < cell.col) row.cells.push("");
        row.cells[cell.col] = value;
        cell = undefined;
        text = undefined;
        phonetic = 0;
      } else if (el === "row" && row) {
        if (row.cells.some((c) => c !== "")) {
          rows.push({ line: row.line, cells: row.cells });
          if (row.hidden === true) hiddenRows.push(row.line);
        }
        row = undefined;
      }
    },
  });
  return { name, rows, merges, errors, ...(formatted.length > 0 ? { formatted } : {}), ...(hiddenRows.length > 0 ? { hiddenRows } : {}) };
}

/**
 * Reads an `.xlsx` workbook into text cells, without trusting it: the zip is inflated with a running byte limit
 * (zip bombs are refused as they inflate), every XML part (UTF-8, or UTF-16 by its byte order mark) streams through saxes with document type declarations
 * refused (entity expansion, external entities), the shared-string table and each sheet's rows and columns are
 * counted against limits as they pass, and nothing is evaluated (a formula cell gives its cached value). Number
 * cells keep their exact decimal text; cells with a date format become `YYYY-MM-DD` (built-in ids as ECMA-376 §18.8.30
 * lists them, the six that are a date or a time by locale — 34, 35, 52, 53, 55, 56 — as `formatLocale` says, dates by
 * default; in the workbook's date system, 1900 or 1904, the serial rounded to the millisecond first), and so do ISO 8601 date cells (`t="d"`: `2026-10-01T18:00:00` →
 * `2026-10-01`, the day as written, the time rounded to the millisecond); a `t="d"` cell holding a time of day only
 * becomes `HH:MM:SS` (`T09:30` → `09:30:00`), and so does a number with a time format (`h:mm`, built-ins 18–21, 45,
 * 47: 0.5 → `12:00:00`, the day of a date-time dropped as Excel shows it) or an elapsed one (`[h]:mm`, built-in 46:
 * 1.1458333333333333 → `27:30:00`, every hour counted); booleans `true`/`false`. Text cells are decoded from ECMA-376's
 * `_xHHHH_` escapes (`a_x000D_b` → a, carriage return, b), as Excel and Calc read them.
 *
 * Malformed workbooks are refused where a lenient reading could lose data: a missing relationship, styles or
 * shared-strings part the workbook names, a cell style it does not define, a cell reference that is no cell of its
 * row, a cell given twice or out of order, rows out of order, a boolean other than 0/1, an unknown cell type.
 *
 * @throws {ValidationError} when the file is not a workbook, is malformed, or passes a limit.
 * @example
 * ```ts
 * const { sheets } = readXlsx(readFileSync("intake.xlsx"), { maxRows: 10_000 });
 * sheets[0].rows[0].cells; // ["id", "title", "status"]
 * ```
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): { readonly sheets: readonly XlsxSheetData[] } {
  checkArguments("readXlsx", { options: [options, "object"] });
  checkOptionKeys("readXlsx", options, READ_XLSX_KEYS);
  const limits = resolveXlsxLimits(options);
  const locale = xlsxFormatLocale(options.formatLocale);
  // Two passes over the archive: the relationship parts first (small), then the parts they lead to — the workbook,
  // its sheets, shared strings and styles — with what is left of the inflate limit.
  const { entries: first, names } = inflateEntries(bytes, (n) => n.endsWith(".rels"), limits, "XLSX workbook");
  checkUniquePartNames(names);
  const relsParts = new PartMap(first);
  const bookPath = officeDocumentPart(relsParts.get("_rels/.rels"), "xl/workbook.xml");
  const relsPath = relationshipsPartOf(bookPath);
  const rels = readRelationships(relsParts.get(relsPath) ?? refuse(`${relsPath} (the workbook's relationships) is missing from the archive`), bookPath);
  const named = new Map<string, string>(); // part → what it is, for the parts the workbook's relationships name
  const typed = (kind: string, conventional: string, what: string) => {
    const target = rels.find((r) => relationshipKind(r.type) === kind)?.target;
    if (target !== undefined) named.set(target, what);
    return target ?? resolveTarget(bookPath, conventional); // not named: read where writers put it, if it is there
  };
  const stringsPath = typed("sharedStrings", "sharedStrings.xml", "shared strings");
  const stylesPath = typed("styles", "styles.xml", "styles");
  const wantedNames = new Set([bookPath, stringsPath, stylesPath, ...rels.filter((r) => r.type === "" || SHEET_KINDS.has(relationshipKind(r.type))).map((r) => r.target)].map((n) => n.toLowerCase()));
  const used = [...first.values()].reduce((n, b) => n + b.length, 0);
  const parts = new PartMap(inflateEntries(bytes, (n) => wantedNames.has(n.toLowerCase()), { ...limits, inflatedBefore: used }, "XLSX workbook").entries);
  // A part the workbook names but the archive lacks is refused: read as empty, the styles' loss turns every date into
  // its serial number, the shared strings' every text cell into an error far from the cause.
  for (const [path, what] of named) if (parts.get(path) === undefined) refuse(`${path} (${what}, named in ${relsPath}) is missing from the archive`);
  const { sheets: listed, epoch } = workbookSheets(parts, bookPath, rels);
  const wanted = options.sheets;
  for (const w of wanted ?? []) if (!listed.some((s) => s.name === w)) refuse(`the workbook has no sheet "${w}" (sheets: ${listed.map((s) => s.name).join(", ")})`);
  const strings = sharedStrings(parts.get(stringsPath), limits);
  const formats = styleFormats(parts.get(stylesPath), locale);
  return {
    sheets: listed
      .filter((s) => wanted === undefined || wanted.includes(s.name))
      .map((s) => {
        const data = readSheet(s.name, parts.get(s.path) ?? refuse(`sheet "${s.name}" (${s.path}) is missing from the archive`), strings, formats, epoch, limits);
        return s.hidden ? { ...data, hidden: true } : data;
      }),
  };
}
