import { PmoDecimal, ValidationError } from "../../core/index.js";

/**
 * What a cell's number format shows: a calendar day (`date`, date-times included), a time of day (`time`), an
 * elapsed time that may pass 24 hours (`elapsed`: `[h]:mm`), or a plain number (`number`). @internal
 */
export type NumberFormatKind = "date" | "time" | "elapsed" | "number";

// Built-in number formats (ECMA-376 §18.8.30): 14–17 dates, 22 date and time, 18–21 and 45, 47 times of day
// (h:mm AM/PM, h:mm:ss AM/PM, h:mm, h:mm:ss, mm:ss, mm:ss.0), 46 an elapsed time ([h]:mm:ss). The East Asian ids a
// Japanese, Chinese or Korean Excel saves: 27–31, 36, 50, 51, 54, 57, 58 dates and 32–33 times in each of those
// locales. The Thai ids (th-th only): 71–74, 77, 81 dates, 75, 76, 78, 80 times, 79 elapsed ([ช]:นน:ทท); 59–62 and
// 67–70 are numbers in Thai digits.
const BUILTIN_FORMATS: ReadonlyMap<number, NumberFormatKind> = new Map([
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 54, 57, 58, 71, 72, 73, 74, 77, 81].map((id) => [id, "date"] as const),
  ...[18, 19, 20, 21, 32, 33, 45, 47, 75, 76, 78, 80].map((id) => [id, "time"] as const),
  [46, "elapsed"],
  [79, "elapsed"],
]);

/**
 * The locale of the Excel that saved a workbook, for the built-in number formats ECMA-376 §18.8.30 defines per
 * locale: 34, 35, 52, 53, 55 and 56 are dates in Japanese and Korean (`yyyy"年"m"月"`, `yyyy-mm-dd`) but times of
 * day (`上午/下午h"时"mm"分"`) in Chinese — zh-CN 34, 35, 55, 56, zh-TW all six.
 *
 * @example
 * ```ts
 * readXlsx(bytes, { formatLocale: "zh-CN" }); // a 34-formatted 46296.75 reads 18:00:00, not 2026-10-01
 * ```
 */
export type XlsxFormatLocale = "ja-JP" | "ko-KR" | "zh-CN" | "zh-TW";

// Where a locale's reading is a time of day; everywhere else (and without a locale) these ids are dates. A date is the
// safer default: a date-time serial then gives its real day, where reading a Japanese date as a time would give 00:00.
const LOCALE_DATE_OR_TIME = [34, 35, 52, 53, 55, 56];
const LOCALE_TIMES: Readonly<Record<XlsxFormatLocale, readonly number[]>> = {
  "ja-JP": [],
  "ko-KR": [],
  "zh-CN": [34, 35, 55, 56],
  "zh-TW": [34, 35, 52, 53, 55, 56],
};

/**
 * The `formatLocale` option checked: one of {@link XlsxFormatLocale}, else refused at `["formatLocale"]`. @internal
 */
export function xlsxFormatLocale(option: unknown): XlsxFormatLocale | undefined {
  if (option === undefined) return undefined;
  if (typeof option === "string" && Object.hasOwn(LOCALE_TIMES, option)) return option as XlsxFormatLocale;
  throw ValidationError.single(["formatLocale"], `expected one of ${Object.keys(LOCALE_TIMES).join(", ")}, got ${JSON.stringify(option) ?? String(option)}`, "XLSX options");
}

/** The kind of a built-in number format id (read for `locale` where the standard says it depends); `number` for the others. @internal */
export function builtinFormatKind(id: number, locale?: XlsxFormatLocale): NumberFormatKind {
  if (LOCALE_DATE_OR_TIME.includes(id)) return locale !== undefined && LOCALE_TIMES[locale].includes(id) ? "time" : "date";
  return BUILTIN_FORMATS.get(id) ?? "number";
}

/**
 * What a custom number format shows: a year or day outside quotes, brackets and escapes (y, d; the Buddhist-era year
 * b, bb, bbbb; the era year e and era name g; a B1/B2 calendar prefix; Thai ว day, ป year, ด month), or months (m)
 * with no hours or seconds, is a date; hours, minutes and seconds only (`h:mm`, `mm:ss`, `h:mm AM/PM`; Thai ช, น, ท)
 * a time of day — m beside h or s means minutes —; an hour, minute or second count in brackets (`[h]:mm`, `[mm]:ss`,
 * `[ช]:นน`) an elapsed time. `General`, an exponent (`0.00E+00`) and Thai digits (`t0`) are numbers. A date reads as
 * the serial's Gregorian day whatever era or calendar the format shows it in (`[$-1070000]`, `bbbb`: year + 543).
 *
 * @example
 * ```ts
 * numberFormatKind("yyyy-mm-dd hh:mm"); // "date"
 * numberFormatKind("[h]:mm");           // "elapsed"
 * numberFormatKind("[$-1070000]bbbb");  // "date"
 * ```
 * @internal
 */
export function numberFormatKind(code: string): NumberFormatKind {
  if (/\[(h+|m+|s+|ช+|น+|ท+)\]/i.test(code.replace(/"[^"]*"/g, ""))) return "elapsed";
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, "").replace(/AM\/PM|A\/P|General|B[12]|([0#?.])E[+-]/gi, "$1");
  if (/[ydbeg\u0e27\u0e1b\u0e14]/i.test(bare)) return "date";
  if (/[hs\u0e0a\u0e19\u0e17]/i.test(bare)) return "time";
  // A calendar prefix with no other code (`B2`) is a date, as SheetJS ssf reads it.
  return (/m/i.test(bare) && !/^[\s#0.,%]*$/.test(bare)) || /B[12]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, "")) ? "date" : "number";
}

/** True when a custom number format shows a date (see {@link numberFormatKind}). @internal */
export function isDateFormat(code: string): boolean {
  return numberFormatKind(code) === "date";
}

/** A number cell as exact decimal text; Excel shows at most 15 significant digits, and so does pmokit. @internal */
export function numberText(v: string): string {
  if (!/^-?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(v.trim())) return v;
  const d = new PmoDecimal(v.trim());
  return d.sd(true) > 15 ? d.toSignificantDigits(15).toFixed() : d.toFixed();
}

const DAY_MS = 86_400_000;

/**
 * A serial shown with a time or elapsed format as `HH:MM:SS` (`.sss` when it has milliseconds), rounded to the
 * millisecond first as Excel keeps times. A time of day drops the day, as Excel shows it (46296.75 → `18:00:00`); an
 * elapsed time counts every hour (1.1458333333333333 → `27:30:00`). A negative serial or one past `lastSerial`
 * (Excel shows ####) and a value that is no number keep the number text. @internal
 */
export function serialToTime(raw: string, kind: "time" | "elapsed", lastSerial: number): string {
  const serial = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(serial) || serial < 0 || serial >= lastSerial + 1) return numberText(raw);
  const total = Math.round(serial * DAY_MS);
  const ms = kind === "time" ? total % DAY_MS : total;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const [h, m, s, frac] = [Math.floor(ms / 3_600_000), Math.floor(ms / 60_000) % 60, Math.floor(ms / 1000) % 60, ms % 1000];
  return `${pad(h)}:${pad(m)}:${pad(s)}${frac === 0 ? "" : `.${pad(frac, 3)}`}`;
}
