import { ValidationError } from "../errors.js";
import { dateFromParts, type IsoDate } from "../dates/iso-date.js";

/**
 * Easter Sunday of a year in the Gregorian calendar (Western Easter), by the anonymous Gregorian computus
 * (Meeus/Jones/Butcher), valid from 1583, the first full Gregorian year.
 *
 * @throws {ValidationError} when the year is not a whole number from 1583 to 9999.
 * @example
 * ```ts
 * easterSunday(2026); // "2026-04-05"
 * ```
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    const shown = typeof year === "number" ? String(year) : `a ${typeof year}`;
    throw ValidationError.single(["year"], `${shown} is not a Gregorian year from 1583 to 9999`, "Easter");
  }
  const a = year % 19; // place in the 19-year Metonic cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; // epact: days from the equinox to the Paschal full moon
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the Sunday after
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateFromParts(year, month, day);
}
