import { ValidationError, checkArguments, PmoDecimal, decimal, isMoney, minorUnits, toDecimalString, type Decimal } from "../../core/index.js";
import { RAG_LABELS, TONE_COLOURS, figurePlaces, isCellMetric, isPercentCell, percentPlaces, isRagCell, isRunsCell, isToneCell, isValidToneCell, strongestTone, type CellTone, type CellValue, type RagColour } from "../cells.js";

/**
 * Excel stores numbers as IEEE doubles: up to 15 significant digits survive the trip exactly; a decimal with more
 * is written as text.
 *
 * @example
 * ```ts
 * decimal("1234567.89").sd(true) <= XLSX_EXACT_DIGITS; // true: written as a number cell
 * ```
 */
export const XLSX_EXACT_DIGITS = 15;

/** Fill colours of RAG cells (ARGB), light enough for black text to stay readable. @internal */
export const RAG_FILLS: Readonly<Record<RagColour, string>> = { green: "FFC6EFCE", amber: "FFFFEB9C", red: "FFFFC7CE" };

/** Fill colours of toned text cells: the RAG fill of the tone's colour. @internal */
export const TONE_FILLS: Readonly<Record<CellTone, string>> = {
  good: RAG_FILLS[TONE_COLOURS.good], warning: RAG_FILLS[TONE_COLOURS.warning], bad: RAG_FILLS[TONE_COLOURS.bad],
};

/**
 * One spreadsheet cell as plain data, before any workbook library sees it: a number (with its display format), a
 * calendar date (as an Excel serial day with a date format) or text; RAG cells also carry their fill and rule.
 */
export type XlsxCell =
  | { readonly kind: "number"; readonly value: number; readonly format: string }
  | { readonly kind: "date"; readonly serial: number; readonly format: string; readonly text: string }
  | { readonly kind: "text"; readonly value: string; readonly note?: string; readonly tone?: CellTone }
  | { readonly kind: "rag"; readonly value: string; readonly colour: RagColour; readonly rule?: string }
  | { readonly kind: "empty" };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Day 0 of the 1900 date system's serials before 1900-03-01 (1900-01-01 is serial 1).
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 31);
// Serial 60 is 1900-02-29, a day that never was: Excel keeps Lotus 1-2-3's leap-year bug, so every serial from
// 1900-03-01 on is one more than the days since 1899-12-31.
const EXCEL_FICTITIOUS_LEAP_DAY = 60;

/**
 * The Excel serial day of an ISO calendar date (1900 date system, day 1 = 1900-01-01), or `undefined` when the
 * text is not a real `YYYY-MM-DD` date or is before 1900-01-01 (Excel has no serial for it: a report writes such a
 * date as text). Excel counts a fictitious 1900-02-29 as serial 60, so 1900-02-28 is 59 and 1900-03-01 is 61.
 * Computed in UTC, so no time zone shifts the day.
 *
 * @example
 * ```ts
 * excelSerialDay("2026-11-20"); // 46346
 * excelSerialDay("1900-01-01"); // 1
 * excelSerialDay("1900-03-01"); // 61
 * excelSerialDay("1899-12-31"); // undefined (written as text)
 * excelSerialDay("2026-02-30"); // undefined
 * ```
 */
export function excelSerialDay(iso: string): number | undefined {
  checkArguments("excelSerialDay", { iso: [iso, "string"] });
  const m = ISO_DATE.exec(iso);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || y < 1900) return undefined;
  const days = Math.round((t - EXCEL_DAY_ZERO) / 86_400_000);
  return days < EXCEL_FICTITIOUS_LEAP_DAY ? days : days + 1;
}

/**
 * A decimal as an exact spreadsheet number, or `undefined` when a double cannot hold it exactly (more than 15
 * significant digits): the caller then writes the decimal as text, so no cent is ever changed on the way.
 *
 * @example
 * ```ts
 * exactNumber(decimal("1234.50"));             // 1234.5
 * exactNumber(decimal("12345678901234567.89")); // undefined (19 significant digits)
 * ```
 */
export function exactNumber(d: Decimal): number | undefined {
  if (!PmoDecimal.isDecimal(d)) throw ValidationError.single(["d"], "expected a Decimal", "exactNumber");
  if (d.sd(true) > XLSX_EXACT_DIGITS) return undefined;
  const n = Number(d.toFixed());
  // Belt and braces: the double must print back as the same decimal.
  return Number.isFinite(n) && decimal(String(n)).eq(d) ? n : undefined;
}

function decimalFormat(places: number): string {
  return places === 0 ? "#,##0" : `#,##0.${"0".repeat(places)}`;
}

function numberCell(d: Decimal, places: number, suffix: string): XlsxCell {
  const n = exactNumber(d);
  if (n === undefined) {
    return { kind: "text", value: `${toDecimalString(d, places)}${suffix}`, note: `more than ${XLSX_EXACT_DIGITS} significant digits: written as text to keep it exact` };
  }
  return { kind: "number", value: n, format: `${decimalFormat(places)}${suffix === "" ? "" : `"${suffix}"`}` };
}

/**
 * How a report cell is written to a workbook: money as a number with its currency's minor units in the format
 * (`#,##0.00" EUR"`), decimals and numbers as numbers, `YYYY-MM-DD` text as a date cell, RAG as its letter and
 * word (`"A Amber"`) with the rule kept beside it, a toned text (`NOK`) as text filled in its tone's RAG colour (a
 * cell of runs takes its strongest tone), a percentage as a number with a `%` in the format (`#,##0.0"%"`: the sign
 * is a literal, the value is not scaled), a missing metric as `n/a (reason)`. Text is always text: a value
 * starting with `=`, `+`, `-` or `@` stays a plain string (the writer never emits formulas).
 *
 * @example
 * ```ts
 * xlsxCell(money("1234.5", "EUR")); // { kind: "number", value: 1234.5, format: '#,##0.00" EUR"' }
 * xlsxCell(ragCell("red", "CPI 0.80 < 0.90")); // { kind: "rag", value: "R Red", colour: "red", rule: "CPI 0.80 < 0.90" }
 * ```
 */
export function xlsxCell(v: CellValue): XlsxCell {
  if (v === null || v === undefined || v === "") return { kind: "empty" };
  if (typeof v === "string") {
    const serial = excelSerialDay(v);
    return serial === undefined ? { kind: "text", value: v } : { kind: "date", serial, format: "yyyy-mm-dd", text: v };
  }
  if (typeof v === "boolean") return { kind: "text", value: v ? "yes" : "no" };
  if (typeof v === "number") return numberCell(decimal(v), Math.max(0, decimal(v).decimalPlaces()), "");
  if (isMoney(v)) return numberCell(v.amount, Math.max(minorUnits(v.currency), v.amount.decimalPlaces()), ` ${v.currency}`);
  if (PmoDecimal.isDecimal(v)) return numberCell(v, v.decimalPlaces(), "");
  if (isPercentCell(v)) {
    if (!PmoDecimal.isDecimal(v.value) || !v.value.isFinite()) throw ValidationError.single(["value"], "expected a finite Decimal percentage", "xlsxCell");
    return numberCell(v.value, Math.max(v.value.decimalPlaces(), percentPlaces(v)), "%");
  }
  const badTone = () => ValidationError.single(["tone"], "expected a tone cell with a tone (good, warning, bad) and a text", "xlsxCell");
  if (isToneCell(v)) {
    if (!isValidToneCell(v)) throw badTone();
    return { kind: "text", value: v.text, tone: v.tone };
  }
  if (isRunsCell(v)) {
    if (!Array.isArray(v.runs) || !v.runs.every((r) => typeof r === "string" || isValidToneCell(r))) throw badTone();
    const tone = strongestTone(v.runs);
    const value = v.runs.map((r) => (typeof r === "string" ? r : r.text)).join("");
    return tone === undefined ? { kind: "text", value } : { kind: "text", value, tone };
  }
  if (isRagCell(v)) {
    if (typeof v.colour !== "string" || !Object.hasOwn(RAG_LABELS, v.colour)) throw ValidationError.single(["colour"], "expected green, amber or red", "xlsxCell");
    const { letter, word } = RAG_LABELS[v.colour];
    return v.note === undefined ? { kind: "rag", value: `${letter} ${word}`, colour: v.colour } : { kind: "rag", value: `${letter} ${word}`, colour: v.colour, rule: v.note };
  }
  if (isCellMetric(v)) {
    if (v.value !== undefined) {
      // A figure with fixed places is shown with them (a TCPI of 1 to 2 places: the number 1, format #,##0.00).
      const places = figurePlaces(v);
      return places === undefined ? xlsxCell(v.value) : numberCell((v.value as Decimal).toDecimalPlaces(places, 6), places, "");
    }
    return { kind: "text", value: `n/a (${v.reason})`, ...(v.detail === undefined ? {} : { note: v.detail }) };
  }
  // Anything else is not a report cell: a ValidationError, never whatever String() makes (or throws) of it.
  throw ValidationError.single([], `expected a report cell value, got ${typeof v === "object" ? "an unknown object" : typeof v}`, "xlsxCell");
}

/** The text width of a cell as shown, for fitting column widths. @internal */
export function shownWidth(c: XlsxCell): number {
  switch (c.kind) {
    case "empty":
      return 0;
    case "date":
      return c.text.length;
    case "number": {
      const [int = "", frac] = String(Math.abs(c.value)).split(".");
      const places = /\.(0+)/.exec(c.format)?.[1]?.length ?? (frac?.length ?? 0);
      const suffix = /"(.*)"/.exec(c.format)?.[1]?.length ?? 0;
      return int.length + Math.floor((int.length - 1) / 3) + (places > 0 ? places + 1 : 0) + suffix + (c.value < 0 ? 1 : 0);
    }
    default:
      return Math.max(...c.value.split("\n").map((l) => l.length));
  }
}
