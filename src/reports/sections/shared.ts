import { decimal, formatMoney, isCurrencyCode, isMoney, minorUnits, money, PmoDecimal, ValidationError, checkArguments, roundMoney, type Decimal, type Metric, type Money, compareCodePoints } from "../../core/index.js";
import type { EarnedValueOptions } from "../../variance/index.js";
import type { CellMetric, PercentCell } from "../cells.js";

/**
 * People's names by person id (`{ "p-david-mensah": "David Mensah" }`), so sections show who owns a risk, who has not
 * voted or acknowledged, by name; an id without a name is shown as it is.
 */
export type PeopleNames = Readonly<Record<string, string>>;

/**
 * A decimal figure rounded half-even for display and shown with exactly `places` decimals in every renderer (a TCPI
 * of 1 reads `1.00` beside a CPI of `0.97`), keeping its reason when there is none.
 *
 * @example
 * ```ts
 * fixed(metric(decimal("0.97134")), 2); // { value: Decimal(0.97), places: 2 } — reads "0.97"
 * fixed(metric(decimal("1")), 2);       // { value: Decimal(1), places: 2 } — reads "1.00"
 * fixed(missing("ac-is-zero"), 2);      // { reason: "ac-is-zero" }
 * ```
 */
export function fixed(m: Metric<Decimal>, places: number): CellMetric {
  checkArguments("fixed", { m: [m, "object"], places: [places, "integer"] });
  if (m.value !== undefined && !PmoDecimal.isDecimal(m.value)) notA("a Decimal", "fixed");
  return m.value === undefined ? missingCell(m) : { value: rounded(m.value, places), places };
}

/**
 * A money figure rounded half-even to its currency's minor unit for display, keeping its reason when there is none.
 *
 * @example
 * ```ts
 * cents(metric(money("2031136.3636", "EUR"))); // { value: EUR 2,031,136.36 }
 * ```
 */
export function cents(m: Metric<Money>): CellMetric {
  checkArguments("cents", { m: [m, "object"] });
  if (m.value !== undefined && !isMoney(m.value)) notA("money", "cents");
  return m.value === undefined ? missingCell(m) : { value: roundMoney(m.value, { rounding: "half-even" }) };
}

/**
 * Any metric (dates, strings, numbers) as a report cell.
 *
 * @example
 * ```ts
 * asCell(metric("2027-08-31")); // { value: "2027-08-31" }
 * ```
 */
export function asCell<T extends string | number>(m: Metric<T>): CellMetric {
  checkArguments("asCell", { m: [m, "object"] });
  if (m.value !== undefined && typeof m.value !== "string" && typeof m.value !== "number") notA("a string or number", "asCell");
  return m.value === undefined ? missingCell(m as { readonly reason: string; readonly detail?: string }) : { value: m.value };
}

/**
 * A percentage figure rounded half-even for display, shown with its `%` sign and at least `places` decimals in every
 * renderer (`75.0%` beside `66.7%`, never `75%`); a missing one keeps its reason. A figure other than 100 % never
 * reads `100%`, and one above 0 % never `0%`: it keeps the places it needs (99.96 to one place is `99.96%`, not
 * `100.0%`; 0.04 is `0.04%`).
 *
 * @example
 * ```ts
 * percent(metric(decimal("99.96911")), 4); // { kind: "percent", value: Decimal(99.9691), places: 4 } — reads "99.9691%"
 * percent(metric(decimal("75")), 1);       // { kind: "percent", value: Decimal(75), places: 1 } — reads "75.0%"
 * percent(missing("no-data"), 1);          // { reason: "no-data" } — reads "n/a (no-data)"
 * ```
 */
export function percent(m: Metric<Decimal>, places: number): PercentCell | CellMetric {
  checkArguments("percent", { m: [m, "object"], places: [places, "integer"] });
  if (m.value !== undefined && !PmoDecimal.isDecimal(m.value)) notA("a Decimal", "percent");
  return m.value === undefined ? missingCell(m) : { kind: "percent", value: noNegativeZero(roundedKeepingOrder(m.value, places, m.value.gt(0) ? PERCENT_ENDS : HUNDRED)), places };
}

// A positive percentage is kept off 0 % and 100 % by rounding; a tiny negative one still rounds to plain 0.
const HUNDRED = [new PmoDecimal(100)];
const PERCENT_ENDS = [new PmoDecimal(0), ...HUNDRED];

/** Half-even to `places`; a small negative that rounds away (−0.001 to 2 places) is plain 0, not −0, in every renderer. */
function rounded(d: Decimal, places: number): Decimal {
  return noNegativeZero(d.toDecimalPlaces(places, 6));
}

function noNegativeZero(d: Decimal): Decimal {
  return d.isZero() ? new PmoDecimal(0) : d;
}

function notA(expected: string, subject: string): never {
  throw ValidationError.single(["m", "value"], `expected ${expected}`, subject);
}

function missingCell(m: { readonly reason: string; readonly detail?: string | undefined }): CellMetric {
  return m.detail === undefined ? { reason: m.reason } : { reason: m.reason, detail: m.detail };
}

/**
 * The file a chart is written to beside a Markdown report: `charts/<kind>-<name>-….svg`, each name cut to ASCII
 * letters, digits, `_` and `-` (any other run becomes one `-`), so ids with `:` or `.`, names with spaces or `..` give
 * a relative path every renderer accepts, and two plans or resources get two files. @internal
 */
export function chartFile(kind: string, ...names: readonly string[]): string {
  const parts = names.map((n) => n.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")).filter((n) => n !== "");
  return `charts/${[kind, ...parts].join("-")}.svg`;
}

/**
 * Orders texts by code point, the same on every machine: `localeCompare` follows the machine's locale (in Lithuanian
 * `y` sorts before `j`), so two runs of one report could order ties differently. @internal
 */
export function byCodePoint(a: string, b: string): number {
  return compareCodePoints(a, b);
}

/**
 * Orders keys for reading: runs of digits by their value (`REQ-2` before `REQ-10`, `TC-007` beside `TC-7`), the rest
 * by code point, so the order is the same on every machine (`localeCompare`'s numeric collation follows the locale).
 * Equal values (`REQ-02`, `REQ-2`) are ordered by code point, so no two different keys compare equal.
 *
 * @example
 * ```ts
 * ["REQ-10", "REQ-2", "REQ-1"].sort(naturalKeyOrder); // ["REQ-1", "REQ-2", "REQ-10"]
 * ```
 */
export function naturalKeyOrder(a: string, b: string): number {
  if (typeof a !== "string" || typeof b !== "string") checkArguments("naturalKeyOrder", { a: [a, "string"], b: [b, "string"] });
  const x = a.split(/(\d+)/), y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!, q = y[i]!;
    if (p === q) continue;
    if (i % 2 === 1) {
      // Digits: fewer significant digits is smaller, then digit by digit; leading zeros only break a tie.
      const m = p.replace(/^0+/, ""), n = q.replace(/^0+/, "");
      if (m.length !== n.length) return m.length - n.length;
      if (m !== n) return m < n ? -1 : 1;
      continue;
    }
    return compareCodePoints(p, q);
  }
  return x.length !== y.length ? x.length - y.length : compareCodePoints(a, b);
}

/**
 * Renames the `kind:id` references of a library message (a finding names its items so) with `label`, where a reference
 * stands alone — not as the start of a longer id. @internal
 */
export function nameRefs(text: string, refs: readonly string[], label: (ref: string) => string): string {
  return [...refs].sort((a, b) => b.length - a.length).reduce(
    (t, ref) => t.split(ref).reduce((acc, part) => `${acc}${/^[\w.:-]/.test(part) ? ref : label(ref)}${part}`),
    text,
  );
}

/** The id part of a trace item key (`requirement:FR-101` → `FR-101`). @internal */
export function bareId(key: string): string {
  const i = key.indexOf(":");
  return i < 0 ? key : key.slice(i + 1);
}

/** A person's name, or the id itself when the list has none. @internal */
export function personName(people: PeopleNames | undefined, id: string): string {
  return people !== undefined && Object.hasOwn(people, id) ? (people[id] ?? id) : id;
}

// Figure names that are abbreviations: shown in capitals, as the EVM tables head them.
const ABBREVIATIONS: Readonly<Record<string, string>> = { spi: "SPI", cpi: "CPI", spiT: "SPI(t)", svT: "SV(t)", tcpi: "TCPI", eac: "EAC", bac: "BAC", etc: "ETC", vac: "VAC" };
const CAMEL = /\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g;
const words = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").toLowerCase().trim();

/**
 * An id as a heading: `strategic-fit` → `Strategic fit`, `risks-and-issues` → `Risks and issues`,
 * `missedKeyMilestones` → `Missed key milestones`, `spi` → `SPI`. @internal
 */
export function humanize(id: string): string {
  if (Object.hasOwn(ABBREVIATIONS, id)) return ABBREVIATIONS[id]!;
  const w = words(id);
  return w === "" ? id : `${w.charAt(0).toUpperCase()}${w.slice(1)}`;
}

/**
 * `exact` rounded half-even to `places`, or to more places where fewer would change how it compares with one of
 * `others` (the thresholds beside it): 0.84999 against 0.85 reads `0.84999`, never `0.85 < 0.85`. A figure that
 * rounds to itself is returned as it is. @internal
 */
export function roundedKeepingOrder(exact: Decimal, places: number, others: readonly Decimal[]): Decimal {
  for (let p = places; ; p++) {
    const r = exact.toDecimalPlaces(p, 6);
    if (r.eq(exact) || others.every((o) => o.eq(exact) || r.comparedTo(o) === exact.comparedTo(o))) return r;
  }
}

// A figure in a rule's text: "1201841.04 EUR" (an amount and a currency code, as the status rules write money into
// their explanations) or a long decimal (RAG comments print figures exactly, up to 34 digits).
const FIGURE_TEXT = /(-?\d+(?:\.\d+)?) ([A-Z]{3})\b|-?\d+\.\d{4,}/g;
const NUMBER = /-?\d+(?:\.\d+)?/g;

/**
 * A rule's explanation as people read it: money in the report's one format (`1201841.04 EUR` → `EUR 1,201,841.04`,
 * rounded to the cent), long decimals to three places, figure names as words (`finishSlipDays` → `finish slip days`,
 * `spi` → `SPI`). Rounding never changes what the rule compared: a figure keeps more places where fewer would make it
 * read equal to, or on the other side of, a threshold in the same text (`SPI 0.84999 < 0.85`, not `SPI 0.85 < 0.85`).
 * Only for texts pmokit's rules compose, never for user comments. @internal
 */
export function readableRule(text: string): string {
  const numbers = [...text.matchAll(NUMBER)].map((m) => decimal(m[0]));
  return text
    .replace(FIGURE_TEXT, (all, amount: string | undefined, code: string | undefined) => {
      if (amount === undefined) return roundedKeepingOrder(decimal(all), 3, numbers).toFixed();
      if (code === undefined || !isCurrencyCode(code)) return all;
      return formatMoney(money(roundedKeepingOrder(decimal(amount), minorUnits(code), numbers), code));
    })
    .replace(/\b(spiT|svT|spi|cpi|tcpi)\b/g, (w) => ABBREVIATIONS[w] ?? w)
    .replace(CAMEL, (w) => words(w));
}

/**
 * The options `earnedValue` ran with, as a section takes them: it reads the period grid earned schedule was read on
 * and the policy's time unit (pass the options themselves; the status date and the rest are not read).
 */
export type EarnedValueGridOptions = Partial<EarnedValueOptions>;

/**
 * @internal The grid earned schedule was read on, in words (`"monthly grid"`); earnedValue's default (weekly) when
 * the options give none.
 *
 * @example
 * ```ts
 * gridWords({ grid: { kind: "monthly" } }); // "monthly grid"
 * gridWords({});                            // "weekly grid"
 * ```
 */
export function gridWords(options: EarnedValueGridOptions): string {
  return `${options.grid?.kind ?? "weekly"} grid`;
}

/**
 * @internal The unit of SV(t), PD, AT and ES in words: `"working days"` (earnedValue's default) or the grid's periods
 * (`"monthly periods"`) under `policy.timeUnit: "periods"`.
 *
 * @example
 * ```ts
 * scheduleTimeUnit({ grid: { kind: "monthly" }, policy: { timeUnit: "periods" } }); // "monthly periods"
 * scheduleTimeUnit(undefined);                                                      // "working days"
 * ```
 */
export function scheduleTimeUnit(options: EarnedValueGridOptions | undefined): string {
  return options?.policy?.timeUnit === "periods" ? `${options.grid?.kind ?? "weekly"} periods` : "working days";
}
