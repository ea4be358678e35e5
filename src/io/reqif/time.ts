import { instant } from "../../core/index.js";

/*
 * ReqIF time stamps (LAST-CHANGE) are xsd:dateTime: a UTC offset (`+02:00`, `Z`) or none, and any number of fraction
 * digits. pmokit stores UTC instants with milliseconds, so an offset is applied and extra digits are cut (never
 * rounded up into the next millisecond). A stamp without a zone names a local time in an unknown zone: it is read only
 * with the offset the caller states, never guessed.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;
const OFFSET = /^(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether `s` is a UTC offset the reader accepts (`Z`, `+02:00`, `-05:30`; hours up to 14).
 *
 * @example
 * ```ts
 * isUtcOffset("+02:00"); // true
 * isUtcOffset("+2");     // false
 * ```
 */
export function isUtcOffset(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const m = OFFSET.exec(s);
  return m !== null && (s === "Z" || (Number(m[2]) <= 14 && Number(m[3]) < 60));
}

/**
 * The UTC instant of an xsd:dateTime, or `undefined` when it is not one, names an impossible day or time, or has no
 * zone and no `localOffset` is given.
 *
 * @example
 * ```ts
 * reqifInstant("2012-04-07T01:51:37.112+02:00"); // "2012-04-06T23:51:37.112Z"
 * reqifInstant("2018-10-12T16:43:58");           // undefined: no zone
 * reqifInstant("2018-10-12T16:43:58", "+02:00"); // "2018-10-12T14:43:58.000Z"
 * ```
 */
export function reqifInstant(text: string | undefined, localOffset?: string): string | undefined {
  const m = text === undefined ? null : DATE_TIME.exec(text.trim());
  if (m === null) return undefined;
  const zone = m[8] ?? localOffset;
  if (zone === undefined || !isUtcOffset(zone)) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const ms = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const local = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms);
  const back = new Date(local);
  // Date.UTC rolls 2026-02-30 over to March: refuse what is not a real day and time.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return undefined;
  const sign = zone === "Z" ? 0 : zone.startsWith("-") ? -1 : 1;
  const minutes = zone === "Z" ? 0 : Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  try {
    return instant(new Date(local - sign * minutes * 60_000));
  } catch {
    return undefined;
  }
}
