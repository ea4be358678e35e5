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

/**
 * How a {@link ToneCell} reads: `bad` (a failed test, a blocked item), `warning` (not run, not started) or `good`.
 * Renderers show the tone as a colour and always keep the word, so it never relies on colour alone.
 */
export type CellTone = "good" | "warning" | "bad";

/** A word or phrase with a tone (`NOK` bad, `NOT RUN` warning): coloured in HTML and XLSX, bold in Markdown. */
export interface ToneCell {
  /** Marks the cell kind. */
  readonly kind: "tone";
  /** The tone. */
  readonly tone: CellTone;
  /** The text shown, which carries the meaning on its own (`NOK`, `blocked`). */
  readonly text: string;
}

/** A cell of several runs of text, some with a tone: `TC-025 [OK], TC-026 [NOK]` with only `NOK` marked. */
export interface RunsCell {
  /** Marks the cell kind. */
  readonly kind: "runs";
  /** The runs, in order; plain strings have no tone. */
  readonly runs: readonly (string | ToneCell)[];
}

/** A percentage: printed with its `%` sign (`99.97%`), written to a workbook as a number. */
export interface PercentCell {
  /** Marks the cell kind. */
  readonly kind: "percent";
  /** The percentage (`99.97` for 99.97 %). */
  readonly value: Decimal;
  /** Decimal places it is shown with at least (0–20): `99.97` with 3 reads `99.970%`, like `99.969%` beside it. */
  readonly places?: number;
}

/**
 * A figure that may be missing, as pmokit's `Metric` carries it. A decimal figure may say how many decimal places it
 * is shown with (`places`, 0–20): `{ value: decimal("1"), places: 2 }` reads `1.00`, like every other index beside
 * it (a Decimal keeps no trailing zeros, so without `places` it reads `1`).
 */
export type CellMetric =
  | { readonly value: string | number | Decimal | Money; readonly reason?: undefined; readonly places?: number }
  | { readonly value?: undefined; readonly reason: string; readonly detail?: string; readonly places?: undefined };

/**
 * What a table cell may hold. Money and Decimal are printed exactly (never through a float); a missing metric
 * prints `n/a (reason)` (`n/a (reason: detail)` with a detail); `null`/`undefined` print as an empty cell.
 */
export type CellValue = string | number | boolean | Decimal | Money | RagCell | ToneCell | RunsCell | PercentCell | CellMetric | null | undefined;

const TONES: ReadonlySet<string> = new Set(["good", "warning", "bad"]);

/** True for a well-formed tone cell: a known tone and a text (renderers check before using the tone as a class). @internal */
export function isValidToneCell(v: unknown): v is ToneCell {
  return isToneCell(v) && typeof v.tone === "string" && TONES.has(v.tone) && typeof v.text === "string";
}

/**
 * A text with a tone.
 *
 * @throws {ValidationError} for an unknown tone.
 * @example
 * ```ts
 * toneCell("bad", "NOK"); // { kind: "tone", tone: "bad", text: "NOK" }
 * ```
 */
export function toneCell(tone: CellTone, text: string): ToneCell {
  checkArguments("toneCell", { tone: [tone, "string"], text: [text, "string"] });
  if (!TONES.has(tone)) throw ValidationError.single(["tone"], `${JSON.stringify(tone)} is not a tone (good, warning, bad)`, "tone cell");
  return { kind: "tone", tone, text };
}

/**
 * A cell of text runs, some toned; adjacent plain strings are kept as given.
 *
 * @example
 * ```ts
 * runsCell(["TC-026 [", toneCell("bad", "NOK"), "]"]).runs.length; // 3
 * ```
 */
export function runsCell(runs: readonly (string | ToneCell)[]): RunsCell {
  checkArguments("runsCell", { runs: [runs, "array"] });
  runs.forEach((r, i) => {
    if (typeof r !== "string" && !isToneCell(r)) throw ValidationError.single(["runs", i], "a run is a text or a tone cell", "runs cell");
  });
  return { kind: "runs", runs };
}

/**
 * A percentage cell from a decimal, a number or a decimal string (`"99.97"` → `99.97%`).
 *
 * @throws {ValidationError} for a value that is not a finite decimal.
 * @example
 * ```ts
 * percentCell("99.97").value.toFixed(); // "99.97"
 * ```
 */
export function percentCell(value: Decimal | number | string): PercentCell {
  // The value may be a Decimal, a number or a string, so the guard is this one check rather than checkArguments.
  const d = PmoDecimal.isDecimal(value) ? value : typeof value === "number" || typeof value === "string" ? decimal(value) : undefined;
  if (d === undefined || !d.isFinite()) throw ValidationError.single(["value"], "a percentage is a finite decimal", "percent cell");
  return { kind: "percent", value: d };
}

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
export function isToneCell(v: unknown): v is ToneCell {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "tone";
}

/** @internal */
export function isRunsCell(v: unknown): v is RunsCell {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "runs";
}

/** @internal */
export function isPercentCell(v: unknown): v is PercentCell {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "percent";
}

/** The tone of a colour-coded cell kind, as a RAG colour for renderers that reuse the RAG palette. @internal */
export const TONE_COLOURS: Readonly<Record<CellTone, RagColour>> = { good: "green", warning: "amber", bad: "red" };

/** The strongest tone among runs (bad over warning over good), for renderers that colour a whole cell. @internal */
export function strongestTone(runs: readonly (string | ToneCell)[]): CellTone | undefined {
  const tones = runs.flatMap((r) => (typeof r === "string" ? [] : [r.tone]));
  return tones.includes("bad") ? "bad" : tones.includes("warning") ? "warning" : tones.includes("good") ? "good" : undefined;
}

/**
 * A decimal string with thousands separators in its whole part (`-1234567.5` → `-1,234,567.5`), the en-US grouping
 * that `formatMoney` uses, so every figure in a report reads the same way. @internal
 */
export function groupDigits(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (m === null) return text;
  return `${m[1]}${(m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/**
 * How a missing figure reads: `n/a (reason)`, or `n/a (reason: detail)` when the reason carries a plain-words
 * detail (which package, which flow), so tables, figures and the CLI show the detail wherever the reason is shown.
 * The result is plain text: each renderer escapes it as it escapes any other text.
 *
 * @example
 * ```ts
 * missingText({ reason: "ac-is-zero" });                                    // "n/a (ac-is-zero)"
 * missingText({ reason: "never-pays-back", detail: "the cumulative flow ends below zero" });
 * // "n/a (never-pays-back: the cumulative flow ends below zero)"
 * ```
 */
export function missingText(m: { readonly reason: string; readonly detail?: string | undefined }): string {
  checkArguments("missingText", { m: [m, "object"] });
  checkArguments("missingText", { "m.reason": [m.reason, "string"], "m.detail": [m.detail, "string?"] });
  return m.detail === undefined || m.detail === "" ? `n/a (${m.reason})` : `n/a (${m.reason}: ${m.detail})`;
}

/** @internal */
export function isCellMetric(v: unknown): v is CellMetric {
  // A missing metric has no `value` key, only its reason.
  return typeof v === "object" && v !== null && !isMoney(v) && !PmoDecimal.isDecimal(v) && !("kind" in v) && ("value" in v || typeof (v as { reason?: unknown }).reason === "string");
}

function numberText(n: number, where: readonly (string | number)[]): string {
  if (!Number.isFinite(n)) throw ValidationError.single(where, `${n} is not a finite number`, "report cell");
  return toDecimalString(decimal(n));
}

/**
 * How a cell reads for people (HTML, Markdown): money with its currency code first and thousands separators
 * (`EUR 1,201,841.04`, {@link formatMoney}), numbers and decimals with the same separators, percentages with `%`.
 * @internal
 */
export function cellText(v: CellValue, where: readonly (string | number)[] = []): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return groupDigits(numberText(v, where));
  if (isMoney(v)) return formatMoney(v);
  if (PmoDecimal.isDecimal(v)) return groupDigits(toDecimalString(v));
  if (isRagCell(v)) return v.note ? `${RAG_LABELS[v.colour].word} — ${v.note}` : RAG_LABELS[v.colour].word;
  if (isToneCell(v)) return String(v.text);
  if (isRunsCell(v)) return runsText(v, where);
  if (isPercentCell(v)) return `${groupDigits(toDecimalString(percentValue(v, where), percentPlaces(v, where)))}%`;
  if (isCellMetric(v)) return v.value === undefined ? missingText(v) : placedText(v, where) ?? cellText(v.value, where);
  throw ValidationError.single(where, "unsupported cell value", "report cell");
}

// Renderers of single tables (htmlTable, markdownTable, tableToCsv) are public and skip validateReport: a malformed
// runs or percent cell from JavaScript is a ValidationError here, never a TypeError further down.
function runsText(v: RunsCell, where: readonly (string | number)[]): string {
  if (!Array.isArray(v.runs) || !v.runs.every((r) => typeof r === "string" || (isToneCell(r) && typeof r.text === "string"))) {
    throw ValidationError.single(where, "a runs cell is a list of texts and tone cells", "report cell");
  }
  return v.runs.map((r) => (typeof r === "string" ? r : r.text)).join("");
}

function percentValue(v: PercentCell, where: readonly (string | number)[]): Decimal {
  if (!PmoDecimal.isDecimal(v.value) || !v.value.isFinite()) throw ValidationError.single(where, "a percent cell's value is a finite Decimal", "report cell");
  return v.value;
}

/**
 * The places a percent cell is shown with at least (0 when it names none). @internal
 *
 * @example
 * ```ts
 * percentPlaces({ kind: "percent", value: decimal("99.97"), places: 3 }); // 3 — reads "99.970%"
 * ```
 */
export function percentPlaces(v: PercentCell, where: readonly (string | number)[] = []): number {
  const places: unknown = v.places;
  if (places === undefined) return 0;
  if (typeof places !== "number" || !Number.isInteger(places) || places < 0 || places > 20) throw ValidationError.single([...where, "places"], "a percent cell's places is a whole number from 0 to 20", "report cell");
  return places;
}

/** How a cell reads for a spreadsheet (CSV): plain decimal amounts without currency or separators, a RAG cell as its colour and rule. @internal */
export function cellPlain(v: CellValue, where: readonly (string | number)[] = []): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return numberText(v, where);
  if (isMoney(v)) return toDecimalString(v.amount, minorUnits(v.currency));
  if (PmoDecimal.isDecimal(v)) return toDecimalString(v);
  // The colour first (a spreadsheet filter on "red" still finds it), then the rule that set it.
  if (isRagCell(v)) return v.note ? `${v.colour} — ${v.note}` : v.colour;
  if (isToneCell(v)) return String(v.text);
  if (isRunsCell(v)) return runsText(v, where);
  // A spreadsheet adds percentages up: the plain decimal, the header says what it is.
  if (isPercentCell(v)) return toDecimalString(percentValue(v, where), percentPlaces(v, where));
  if (isCellMetric(v)) return v.value === undefined ? missingText(v) : placedPlain(v, where) ?? cellPlain(v.value, where);
  throw ValidationError.single(where, "unsupported cell value", "report cell");
}

/**
 * The decimal places a figure is shown with (its `places`, for a Decimal value), or `undefined` when it has none.
 * @throws {ValidationError} for `places` that is not a whole number from 0 to 20. @internal
 */
export function figurePlaces(v: CellMetric, where: readonly (string | number)[] = []): number | undefined {
  const places = (v as { readonly places?: unknown }).places;
  if (places === undefined || !PmoDecimal.isDecimal(v.value)) return undefined;
  if (typeof places !== "number" || !Number.isInteger(places) || places < 0 || places > 20) throw ValidationError.single([...where, "places"], "a figure's places is a whole number from 0 to 20", "report cell");
  return places;
}

// A Decimal figure with its places: rounded half-even to them and printed with them (1 to 2 places reads 1.00).
function placedPlain(v: CellMetric, where: readonly (string | number)[]): string | undefined {
  const places = figurePlaces(v, where);
  return places === undefined ? undefined : toDecimalString((v.value as Decimal).toDecimalPlaces(places, 6), places);
}

function placedText(v: CellMetric, where: readonly (string | number)[]): string | undefined {
  const plain = placedPlain(v, where);
  return plain === undefined ? undefined : groupDigits(plain);
}

/** True when a cell holds a number-like value or a missing metric (such columns are right-aligned). @internal */
export function isNumericCell(v: CellValue): boolean {
  if (typeof v === "number" || isMoney(v) || PmoDecimal.isDecimal(v) || isPercentCell(v)) return true;
  return isCellMetric(v) && (v.value === undefined || (typeof v.value !== "string" && isNumericCell(v.value)));
}
