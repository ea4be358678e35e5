import { ValidationError, type ValidationIssue } from "../errors.js";
import { dateFromParts, daysInMonth, fromEpochDay, isIsoDate, toEpochDay, weekdayOfEpochDay, type IsoDate } from "../dates/iso-date.js";
import { easterSunday } from "./easter.js";
import type { Holiday } from "./working-calendar.js";
import { checkOptionKeys } from "../guard.js";

/**
 * What happens when a holiday falls on a weekend day:
 * - `none`: nothing (Germany, France);
 * - `next-monday`: the next weekday not already a holiday becomes the holiday — the Monday, or the Tuesday when the
 *   Monday is taken (UK bank holidays: Boxing Day on a Sunday after Christmas on a Saturday);
 * - `nearest-weekday`: a Saturday holiday moves to the Friday before, a Sunday one to the Monday after, skipping days
 *   already holidays (US federal holidays, 5 U.S.C. 6103(b)).
 */
export type SubstitutePolicy = "none" | "next-monday" | "nearest-weekday";

/** Fields every holiday rule has. */
interface HolidayRuleBase {
  /** The holiday's name ("Boxing Day"). */
  readonly name: string;
  /** First year the rule applies (inclusive). */
  readonly fromYear?: number;
  /** Last year the rule applies (inclusive). */
  readonly toYear?: number;
  /** Years the rule does not apply (a one-off move, recorded as a `date` rule). */
  readonly exceptYears?: readonly number[];
  /** Weekend handling; default the set's `substitute`, else `none`. */
  readonly substitute?: SubstitutePolicy;
}

/** A holiday on the same day every year: `{ kind: "fixed", name: "Christmas Day", month: 12, day: 25 }`. */
export interface FixedHolidayRule extends HolidayRuleBase {
  readonly kind: "fixed";
  /** Month 1–12. */
  readonly month: number;
  /** Day of the month. */
  readonly day: number;
}

/**
 * The nth weekday of a month: `{ kind: "nth-weekday", name: "Thanksgiving Day", month: 11, weekday: 4, nth: 4 }`;
 * `nth: "last"` is the last one (Memorial Day: last Monday of May).
 */
export interface NthWeekdayHolidayRule extends HolidayRuleBase {
  readonly kind: "nth-weekday";
  /** Month 1–12. */
  readonly month: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** 1–5, or `"last"`. */
  readonly nth: 1 | 2 | 3 | 4 | 5 | "last";
}

/**
 * A day relative to Western (Gregorian) Easter Sunday: Good Friday −2, Easter Monday +1, Ascension +39,
 * Whit Monday +50: `{ kind: "easter", name: "Good Friday", offsetDays: -2 }`.
 */
export interface EasterHolidayRule extends HolidayRuleBase {
  readonly kind: "easter";
  /** Days after Easter Sunday (negative before). */
  readonly offsetDays: number;
}

/** A one-off holiday on one date: `{ kind: "date", name: "State Funeral", date: "2022-09-19" }`. */
export interface DateHolidayRule extends HolidayRuleBase {
  readonly kind: "date";
  /** The day. */
  readonly date: string;
}

/** A holiday rule: one object shape per kind, every kind with a `name`. */
export type HolidayRule = FixedHolidayRule | NthWeekdayHolidayRule | EasterHolidayRule | DateHolidayRule;

/** Options of {@link expandHolidayRules}. */
export interface HolidayExpansionOptions {
  /** First year of the range (inclusive). */
  readonly fromYear: number;
  /** Last year of the range (inclusive; default `fromYear`). */
  readonly toYear?: number;
  /** Default weekend handling for rules that do not name one (default `none`). */
  readonly substitute?: SubstitutePolicy;
  /** Weekend days that trigger a substitute (ISO weekdays; default Saturday and Sunday). */
  readonly weekend?: readonly number[];
}

const MAX_YEARS = 1000;
const POLICIES = new Set<string>(["none", "next-monday", "nearest-weekday"]);
const int = (v: unknown, lo: number, hi: number): boolean => typeof v === "number" && Number.isInteger(v) && v >= lo && v <= hi;

function ruleIssues(rules: readonly HolidayRule[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bad = (path: (string | number)[], message: string) => issues.push({ path, message, code: "custom" });
  if (!Array.isArray(rules)) return [{ path: ["rules"], message: "expected an array of holiday rules", code: "custom" }];
  rules.forEach((r: HolidayRule, i) => {
    if (r === null || typeof r !== "object") return bad(["rules", i], "expected a holiday rule object");
    if (typeof r.name !== "string" || r.name.trim() === "") bad(["rules", i, "name"], "a holiday needs a name");
    if (r.fromYear !== undefined && !int(r.fromYear, 1583, 9999)) bad(["rules", i, "fromYear"], "a year from 1583 to 9999");
    if (r.toYear !== undefined && !int(r.toYear, 1583, 9999)) bad(["rules", i, "toYear"], "a year from 1583 to 9999");
    if (r.exceptYears !== undefined && (!Array.isArray(r.exceptYears) || !r.exceptYears.every((y) => int(y, 1583, 9999)))) {
      bad(["rules", i, "exceptYears"], "a list of years from 1583 to 9999");
    }
    if (r.substitute !== undefined && !POLICIES.has(r.substitute)) bad(["rules", i, "substitute"], "none, next-monday or nearest-weekday");
    switch (r.kind) {
      case "fixed":
        if (!int(r.month, 1, 12)) bad(["rules", i, "month"], "a month 1–12");
        // 29 February is allowed: it is a holiday in leap years only.
        else if (!int(r.day, 1, daysInMonth(2000, r.month))) bad(["rules", i, "day"], `not a day of month ${r.month}`);
        break;
      case "nth-weekday":
        if (!int(r.month, 1, 12)) bad(["rules", i, "month"], "a month 1–12");
        if (!int(r.weekday, 1, 7)) bad(["rules", i, "weekday"], "an ISO weekday 1–7");
        if (!(r.nth === "last" || int(r.nth, 1, 5))) bad(["rules", i, "nth"], '1–5 or "last"');
        break;
      case "easter":
        if (!int(r.offsetDays, -366, 366)) bad(["rules", i, "offsetDays"], "whole days from −366 to 366");
        break;
      case "date":
        if (!isIsoDate(r.date)) bad(["rules", i, "date"], "not a date");
        break;
      default:
        bad(["rules", i, "kind"], "one of fixed, nth-weekday, easter, date");
    }
  });
  return issues;
}

/** The rule's day in a year (before any substitution), or undefined when it does not fall in that year. */
function dayIn(rule: HolidayRule, year: number): number | undefined {
  switch (rule.kind) {
    case "fixed":
      return rule.day <= daysInMonth(year, rule.month) ? toEpochDay(dateFromParts(year, rule.month, rule.day)) : undefined;
    case "nth-weekday": {
      if (rule.nth === "last") {
        const last = toEpochDay(dateFromParts(year, rule.month, daysInMonth(year, rule.month)));
        return last - ((weekdayOfEpochDay(last) - rule.weekday + 7) % 7);
      }
      const first = toEpochDay(dateFromParts(year, rule.month, 1));
      const day = first + ((rule.weekday - weekdayOfEpochDay(first) + 7) % 7) + (rule.nth - 1) * 7;
      return fromEpochDay(day).slice(5, 7) === String(rule.month).padStart(2, "0") ? day : undefined; // no 5th one
    }
    case "easter":
      return toEpochDay(easterSunday(year)) + rule.offsetDays;
    case "date":
      return Number(rule.date.slice(0, 4)) === year ? toEpochDay(rule.date as IsoDate) : undefined;
  }
}

const applies = (r: HolidayRule, year: number) =>
  (r.fromYear === undefined || year >= r.fromYear) && (r.toYear === undefined || year <= r.toYear) && !(r.exceptYears ?? []).includes(year);

/**
 * Expands holiday rules into the concrete holidays of a range of years, ready for `createWorkingCalendar`.
 * A holiday on a weekend day is replaced by its substitute day when its policy says so (named "… (substitute day)"
 * for `next-monday`, "… (observed)" for `nearest-weekday`, as gov.uk and the US OPM publish them);
 * substitutes are placed in date order and never land on another holiday. A substitute may cross into the next or
 * previous year (a Saturday 1 January observed on Friday 31 December) — it is listed when it falls in the range.
 * Two rules on one day give one holiday, named "A / B".
 *
 * @throws {ValidationError} with the path of every bad rule (unknown kind, month 13, weekday 8, `nth` 6, a blank name)
 *   or a bad year range (not whole years from 1583 to 9999, `toYear` before `fromYear`, more than 1000 years).
 * @example
 * ```ts
 * const holidays = expandHolidayRules(
 *   [{ kind: "fixed", name: "Christmas Day", month: 12, day: 25 }, { kind: "fixed", name: "Boxing Day", month: 12, day: 26 }],
 *   { fromYear: 2026, substitute: "next-monday" },
 * );
 * holidays.map((h) => h.date); // ["2026-12-25", "2026-12-28"]
 * createWorkingCalendar({ holidays });
 * ```
 */
export function expandHolidayRules(rules: readonly HolidayRule[], options: HolidayExpansionOptions): Holiday[] {
  checkOptionKeys("expandHolidayRules", options, { fromYear: 1, toYear: 1, substitute: 1, weekend: 1 } satisfies Record<keyof HolidayExpansionOptions, 1>);
  const issues = ruleIssues(rules);
  const fromYear = options?.fromYear;
  const toYear = options?.toYear ?? fromYear;
  if (!int(fromYear, 1583, 9999)) issues.push({ path: ["fromYear"], message: "a year from 1583 to 9999", code: "custom" });
  if (!int(toYear, 1583, 9999)) issues.push({ path: ["toYear"], message: "a year from 1583 to 9999", code: "custom" });
  else if (int(fromYear, 1583, 9999) && (toYear < fromYear || toYear - fromYear >= MAX_YEARS)) {
    issues.push({ path: ["toYear"], message: `from ${fromYear} up to ${MAX_YEARS} years on`, code: "custom" });
  }
  if (options?.substitute !== undefined && !POLICIES.has(options.substitute)) {
    issues.push({ path: ["substitute"], message: "none, next-monday or nearest-weekday", code: "custom" });
  }
  const weekendDays = options?.weekend ?? [6, 7];
  if (!Array.isArray(weekendDays) || !weekendDays.every((w) => int(w, 1, 7)) || weekendDays.length >= 7) {
    issues.push({ path: ["weekend"], message: "ISO weekdays 1–7, at most six of them", code: "custom" });
  }
  if (issues.length > 0) throw new ValidationError(issues, "holiday rules");

  const weekend = new Set(weekendDays);
  // One year either side: substitutes can cross a year boundary.
  const raw: { day: number; rule: HolidayRule }[] = [];
  for (let year = Math.max(1583, fromYear - 1); year <= Math.min(9999, toYear + 1); year++) {
    for (const rule of rules) {
      if (!applies(rule, year)) continue;
      const day = dayIn(rule, year);
      if (day !== undefined) raw.push({ day, rule });
    }
  }
  raw.sort((a, b) => a.day - b.day);
  const policyOf = (r: HolidayRule) => r.substitute ?? options.substitute ?? "none";
  const names = new Map<number, string[]>();
  const add = (day: number, name: string) => names.set(day, [...(names.get(day) ?? []), name]);
  const moved: typeof raw = [];
  for (const x of raw) {
    if (weekend.has(weekdayOfEpochDay(x.day)) && policyOf(x.rule) !== "none") moved.push(x);
    else add(x.day, x.rule.name);
  }
  const free = (d: number) => !weekend.has(weekdayOfEpochDay(d)) && !names.has(d);
  for (const x of moved) {
    let day = x.day;
    // nearest-weekday: the last weekend day before a working day moves forward, the first one after a working day back.
    const back = policyOf(x.rule) === "nearest-weekday" && !weekend.has(weekdayOfEpochDay(x.day - 1));
    const step = back ? -1 : 1;
    while (!free(day)) day += step;
    // The wording of the published lists: gov.uk "(substitute day)", OPM "(observed)".
    add(day, `${x.rule.name} (${back || policyOf(x.rule) === "nearest-weekday" ? "observed" : "substitute day"})`);
  }
  const lo = toEpochDay(dateFromParts(fromYear, 1, 1));
  const hi = toEpochDay(dateFromParts(toYear, 12, 31));
  return [...names]
    .filter(([d]) => d >= lo && d <= hi)
    .sort(([a], [b]) => a - b)
    .map(([d, ns]) => ({ date: fromEpochDay(d), name: ns.join(" / ") }));
}
