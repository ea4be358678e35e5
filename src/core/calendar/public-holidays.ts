import { ValidationError } from "../errors.js";
import { checkOptionKeys } from "../guard.js";
import { expandHolidayRules, type HolidayRule, type SubstitutePolicy } from "./holiday-rules.js";
import type { Holiday } from "./working-calendar.js";

/** A named set of holiday rules with its weekend handling and where the rules come from. */
export interface HolidayRuleSet {
  /** Region code ("GB-EAW"). */
  readonly region: string;
  /** Plain name. */
  readonly name: string;
  /** Weekend handling of its rules. */
  readonly substitute: SubstitutePolicy;
  /** The rules. */
  readonly rules: readonly HolidayRule[];
  /** Where the rules come from. */
  readonly source: string;
}

const freeze = (set: HolidayRuleSet): HolidayRuleSet => Object.freeze({ ...set, rules: Object.freeze(set.rules.map((r) => Object.freeze({ ...r }))) });

/**
 * Public holidays of a few countries as data, for {@link publicHolidays} and {@link expandHolidayRules}. Copy and
 * edit a set (add a state's holidays, a company day) like any data. The rules are today's law; a holiday's
 * `fromYear` marks when it began, but older changes of date (before about 1990) are not modelled.
 *
 * - `DE`: Germany's nationwide holidays (the days every Land observes; Länder add their own, e.g. Epiphany in BY).
 *   Source: the Länder Feiertagsgesetze as summarised by the Federal Ministry of the Interior's list of public
 *   holidays; Reformation Day 2017 was a one-off nationwide holiday. No substitute days.
 * - `GB-EAW`: UK bank holidays in England and Wales, Banking and Financial Dealings Act 1971 Schedule 1 and royal
 *   proclamations; one-off changes per gov.uk/bank-holidays (2020 VE Day, 2022 Platinum Jubilee and State Funeral,
 *   2023 Coronation; earlier ones in 1995, 1999, 2002, 2011, 2012). Weekend holidays get the next weekday as substitute.
 * - `US`: US federal holidays, 5 U.S.C. 6103(a) (Juneteenth from 2021); a Saturday holiday is observed the Friday
 *   before, a Sunday one the Monday after (5 U.S.C. 6103(b), Executive Order 11582; OPM's federal holiday lists).
 * - `FR`: France's jours fériés, Code du travail art. L3133-1 (Good Friday and 26 December only in Alsace-Moselle,
 *   so not here). No substitute days.
 *
 * @example
 * ```ts
 * PUBLIC_HOLIDAY_RULES.US.rules.length; // 11
 * ```
 */
export const PUBLIC_HOLIDAY_RULES: Readonly<Record<"DE" | "GB-EAW" | "US" | "FR", HolidayRuleSet>> = Object.freeze({
  DE: freeze({
    region: "DE",
    name: "Germany (nationwide)",
    substitute: "none",
    source: "Feiertagsgesetze der Länder; BMI list of public holidays",
    rules: [
      { kind: "fixed", name: "Neujahr", month: 1, day: 1 },
      { kind: "easter", name: "Karfreitag", offsetDays: -2 },
      { kind: "easter", name: "Ostermontag", offsetDays: 1 },
      { kind: "fixed", name: "Tag der Arbeit", month: 5, day: 1 },
      { kind: "easter", name: "Christi Himmelfahrt", offsetDays: 39 },
      { kind: "easter", name: "Pfingstmontag", offsetDays: 50 },
      { kind: "fixed", name: "Tag der Deutschen Einheit", month: 10, day: 3, fromYear: 1990 },
      { kind: "date", name: "Reformationstag (500 Jahre)", date: "2017-10-31" },
      { kind: "fixed", name: "1. Weihnachtstag", month: 12, day: 25 },
      { kind: "fixed", name: "2. Weihnachtstag", month: 12, day: 26 },
    ],
  }),
  "GB-EAW": freeze({
    region: "GB-EAW",
    name: "United Kingdom: England and Wales",
    substitute: "next-monday",
    source: "Banking and Financial Dealings Act 1971 Sch. 1; gov.uk/bank-holidays",
    rules: [
      { kind: "fixed", name: "New Year’s Day", month: 1, day: 1 },
      { kind: "easter", name: "Good Friday", offsetDays: -2 },
      { kind: "easter", name: "Easter Monday", offsetDays: 1 },
      { kind: "nth-weekday", name: "Early May bank holiday", month: 5, weekday: 1, nth: 1, fromYear: 1978, exceptYears: [1995, 2020] },
      { kind: "date", name: "Early May bank holiday (VE day)", date: "1995-05-08" },
      { kind: "date", name: "Early May bank holiday (VE day)", date: "2020-05-08" },
      { kind: "nth-weekday", name: "Spring bank holiday", month: 5, weekday: 1, nth: "last", exceptYears: [2002, 2012, 2022] },
      { kind: "date", name: "Millennium bank holiday", date: "1999-12-31" },
      { kind: "date", name: "Spring bank holiday", date: "2002-06-03" },
      { kind: "date", name: "Golden Jubilee bank holiday", date: "2002-06-04" },
      { kind: "date", name: "Royal wedding bank holiday", date: "2011-04-29" },
      { kind: "date", name: "Spring bank holiday", date: "2012-06-04" },
      { kind: "date", name: "Diamond Jubilee bank holiday", date: "2012-06-05" },
      { kind: "date", name: "Spring bank holiday", date: "2022-06-02" },
      { kind: "date", name: "Platinum Jubilee bank holiday", date: "2022-06-03" },
      { kind: "date", name: "Bank Holiday for the State Funeral of Queen Elizabeth II", date: "2022-09-19" },
      { kind: "date", name: "Bank holiday for the coronation of King Charles III", date: "2023-05-08" },
      { kind: "nth-weekday", name: "Summer bank holiday", month: 8, weekday: 1, nth: "last" },
      { kind: "fixed", name: "Christmas Day", month: 12, day: 25 },
      { kind: "fixed", name: "Boxing Day", month: 12, day: 26 },
    ],
  }),
  US: freeze({
    region: "US",
    name: "United States: federal holidays",
    substitute: "nearest-weekday",
    source: "5 U.S.C. 6103; OPM federal holidays",
    rules: [
      { kind: "fixed", name: "New Year’s Day", month: 1, day: 1 },
      { kind: "nth-weekday", name: "Birthday of Martin Luther King, Jr.", month: 1, weekday: 1, nth: 3, fromYear: 1986 },
      { kind: "nth-weekday", name: "Washington’s Birthday", month: 2, weekday: 1, nth: 3, fromYear: 1971 },
      { kind: "nth-weekday", name: "Memorial Day", month: 5, weekday: 1, nth: "last", fromYear: 1971 },
      { kind: "fixed", name: "Juneteenth National Independence Day", month: 6, day: 19, fromYear: 2021 },
      { kind: "fixed", name: "Independence Day", month: 7, day: 4 },
      { kind: "nth-weekday", name: "Labor Day", month: 9, weekday: 1, nth: 1 },
      { kind: "nth-weekday", name: "Columbus Day", month: 10, weekday: 1, nth: 2, fromYear: 1971 },
      { kind: "fixed", name: "Veterans Day", month: 11, day: 11 },
      { kind: "nth-weekday", name: "Thanksgiving Day", month: 11, weekday: 4, nth: 4 },
      { kind: "fixed", name: "Christmas Day", month: 12, day: 25 },
    ],
  }),
  FR: freeze({
    region: "FR",
    name: "France (jours fériés)",
    substitute: "none",
    source: "Code du travail, art. L3133-1",
    rules: [
      { kind: "fixed", name: "Jour de l’an", month: 1, day: 1 },
      { kind: "easter", name: "Lundi de Pâques", offsetDays: 1 },
      { kind: "fixed", name: "Fête du Travail", month: 5, day: 1 },
      { kind: "fixed", name: "Victoire 1945", month: 5, day: 8 },
      { kind: "easter", name: "Ascension", offsetDays: 39 },
      { kind: "easter", name: "Lundi de Pentecôte", offsetDays: 50 },
      { kind: "fixed", name: "Fête nationale", month: 7, day: 14 },
      { kind: "fixed", name: "Assomption", month: 8, day: 15 },
      { kind: "fixed", name: "Toussaint", month: 11, day: 1 },
      { kind: "fixed", name: "Armistice 1918", month: 11, day: 11 },
      { kind: "fixed", name: "Noël", month: 12, day: 25 },
    ],
  }),
});

/**
 * The public holidays of a region for a range of years, expanded from {@link PUBLIC_HOLIDAY_RULES} with the region's
 * weekend handling; pass them to `createWorkingCalendar({ holidays })`, alone or with your own days.
 *
 * @throws {ValidationError} for an unknown region or a bad year range.
 * @example
 * ```ts
 * const ew = createWorkingCalendar({ name: "London office", holidays: publicHolidays("GB-EAW", { fromYear: 2026, toYear: 2027 }) });
 * isWorkingDay(ew, isoDate("2026-12-28")); // false (Boxing Day substitute day)
 * ```
 */
export function publicHolidays(region: keyof typeof PUBLIC_HOLIDAY_RULES, years: { readonly fromYear: number; readonly toYear?: number }): Holiday[] {
  if (typeof region !== "string" || !Object.hasOwn(PUBLIC_HOLIDAY_RULES, region)) {
    const shown = typeof region === "string" ? JSON.stringify(region) : `(a ${typeof region})`;
    throw ValidationError.single(["region"], `unknown region ${shown}; one of ${Object.keys(PUBLIC_HOLIDAY_RULES).join(", ")}`, "public holidays");
  }
  checkOptionKeys("publicHolidays", years, { fromYear: 1, toYear: 1 });
  const set = PUBLIC_HOLIDAY_RULES[region];
  return expandHolidayRules(set.rules, { ...years, substitute: set.substitute });
}
