/**
 * core: exact values (decimal, money), calendar dates and instants, working calendars, ids, errors, `Metric<T>`
 * and the zod codecs that carry them across the wire.
 *
 * @module
 */
export * from "./errors.js";
export { PmoDecimal, decimal, toDecimalString, isDecimalInput, divideToScale, roundingConstant, DECIMAL_PATTERN, MAX_DECIMAL_LENGTH, type Decimal, type DecimalInput, type RoundingMode } from "./decimal.js";
export * from "./metric.js";
export * from "./ids.js";
export { checkArguments, checkOptionKeys, type ArgumentKind } from "./guard.js";
export * from "./money/currency.js";
export { money, zeroMoney, MONEY_SIGNIFICANT_DIGITS, isMoney, assertSameCurrency, type Money, type MoneyAmountInput } from "./money/money.js";
export * from "./money/arithmetic.js";
export { roundMoney, divideMoney, type RoundingOptions } from "./money/rounding.js";
export * from "./money/allocate.js";
export * from "./money/compare.js";
export * from "./money/format.js";
export { isoDate, isIsoDate, dateParts, dateFromParts, daysInMonth, toEpochDay, fromEpochDay, isoWeekday, type IsoDate } from "./dates/iso-date.js";
export * from "./dates/arithmetic.js";
export * from "./dates/compare.js";
export * from "./dates/instant.js";
export { createWorkingCalendar, STANDARD_CALENDAR, type WorkingCalendar, type WorkingCalendarSpec, type Weekday, type Holiday, type BlackoutWindow } from "./calendar/working-calendar.js";
export * from "./calendar/working-days.js";
export { easterSunday } from "./calendar/easter.js";
export {
  expandHolidayRules,
  type HolidayRule,
  type FixedHolidayRule,
  type NthWeekdayHolidayRule,
  type EasterHolidayRule,
  type DateHolidayRule,
  type SubstitutePolicy,
  type HolidayExpansionOptions,
} from "./calendar/holiday-rules.js";
export { PUBLIC_HOLIDAY_RULES, publicHolidays, type HolidayRuleSet } from "./calendar/public-holidays.js";
export * from "./codecs.js";
export { compareCodePoints } from "./code-points.js";
export { PERCENTILE_METHODS, type PercentileMethod } from "./quantile.js";
