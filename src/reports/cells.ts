import { checkArguments, PmoDecimal, ValidationError, decimal, formatMoney, isMoney, toDecimalString, minorUnits, type Decimal, type Money } from "../core/index.js";

/** A RAG colour, as the status entities spell it. */
export type RagColour = "green" | "amber" | "red";

/** A RAG rating shown as a chip: colour, its word and letter, and the rule or comment that explains it. */
export interface RagCell {
  /** Marks the cell kind. */
  readonly kind: "rag";
  /** The colour. */
  readonly colour: RagColour;
  /** Why: the rule that fired or a comment (`"CPI 0.86 < 0.90"`). */
  readonly note?: string;
}

/** A figure that may be missing, as pmokit's `Metric` carries it. */
export type CellMetric =
  | { readonly value: string | number | Decimal | Money; readonly reason?: undefined }
  | { readonly value?: undefined; readonly reason: string; readonly detail?: string };

/**
 * What a table cell may hold. Money and Decimal are printed exactly (never through a float); a missing metric
 * prints `n/a (reason)`; `null`/`undefined` print as an empty cell.
 */
export type CellValue = string | number | boolean | Decimal | Money | RagCell | CellMetric | null | undefined;

/**
 * A RAG cell.
 *
 * @example
 * ```ts
 * ragCell("amber", "CPI 0.93 < 0.95"); // { kind: "rag", colour: "amber", note: "CPI 0.93 < 0.95" }
 * ```
 */
export function ragCell(colour: RagColour, note?: string): RagCell {
  checkArguments("ragCell", { colour: [colour, "string"], note: [note, "string?"] });
  if (colour !== "green" && colour !== "amber" && colour !== "red") {
    throw ValidationError.single(["colour"], `${JSON.stringify(colour)} is not a RAG colour`, "RAG cell");
  }
  return note === undefined ? { kind: "rag", colour } : { kind: "rag", colour, note };
}

/**
 * The word and letter of each RAG colour, so a chip never relies on colour alone.
 *
 * @example
 * ```ts
 * RAG_LABELS.amber; // { word: "Amber", letter: "A" }
 * ```
 */
export const RAG_LABELS: Readonly<Record<RagColour, { readonly word: string; readonly letter: string }>> = {
  green: { word: "Green", letter: "G" },
  amber: { word: "Amber", letter: "A" },
  red: { word: "Red", letter: "R" },
};

/** @internal */
export function isRagCell(v: unknown): v is RagCell {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "rag";
}

/** @internal */
export function isCellMetric(v: unknown): v is CellMetric {
  // A missing metric has no `value` key, only its reason.
  return typeof v === "object" && v !== null && !isMoney(v) && !PmoDecimal.isDecimal(v) && ("value" in v || typeof (v as { reason?: unknown }).reason === "string");
}

function numberText(n: number, where: readonly (string | number)[]): string {
  if (!Number.isFinite(n)) throw ValidationError.single(where, `${n} is not a finite number`, "report cell");
  return toDecimalString(decimal(n));
}

/** How a cell reads for people (HTML, Markdown): money with its currency and thousands separators. @internal */
export function cellText(v: CellValue, where: readonly (string | number)[] = []): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return numberText(v, where);
  if (isMoney(v)) return formatMoney(v);
  if (PmoDecimal.isDecimal(v)) return toDecimalString(v);
  if (isRagCell(v)) return v.note ? `${RAG_LABELS[v.colour].word} — ${v.note}` : RAG_LABELS[v.colour].word;
  if (isCellMetric(v)) return v.value === undefined ? `n/a (${v.reason})` : cellText(v.value, where);
  throw ValidationError.single(where, "unsupported cell value", "report cell");
}

/** How a cell reads for a spreadsheet (CSV): plain decimal amounts without currency or separators. @internal */
export function cellPlain(v: CellValue, where: readonly (string | number)[] = []): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return numberText(v, where);
  if (isMoney(v)) return toDecimalString(v.amount, minorUnits(v.currency));
  if (PmoDecimal.isDecimal(v)) return toDecimalString(v);
  if (isRagCell(v)) return v.colour;
  if (isCellMetric(v)) return v.value === undefined ? `n/a (${v.reason})` : cellPlain(v.value, where);
  throw ValidationError.single(where, "unsupported cell value", "report cell");
}

/** True when a cell holds a number-like value or a missing metric (such columns are right-aligned). @internal */
export function isNumericCell(v: CellValue): boolean {
  if (typeof v === "number" || isMoney(v) || PmoDecimal.isDecimal(v)) return true;
  return isCellMetric(v) && (v.value === undefined || (typeof v.value !== "string" && isNumericCell(v.value)));
}
