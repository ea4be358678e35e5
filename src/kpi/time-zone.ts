/**
 * @internal Local wall-clock time in an IANA time zone, through `Intl` (no time-zone data of our own, no clock reads):
 * the offset at an instant and the instant of a local date and time, DST gaps and repeats resolved as Temporal's
 * `"compatible"` disambiguation does (a time in a spring-forward gap moves forward by the gap; a repeated time is the
 * earlier instant).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * @internal True when `Intl` knows the IANA time zone.
 *
 * @example
 * ```ts
 * isTimeZone("Europe/Berlin"); // true
 * ```
 */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * @internal Offset of local time from UTC at an instant, in milliseconds (Berlin in summer: 7 200 000).
 *
 * @example
 * ```ts
 * offsetAt("Europe/Berlin", Date.UTC(2026, 6, 1)); // 7_200_000
 * ```
 */
export function offsetAt(timeZone: string, ms: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999, putting local time in the year 50 in 1950.
  // Intl writes the year 0 (1 BC) as 1 with the era BC: read without its era, local time was a year ahead.
  const era = parts.find((p) => p.type === "era")?.value;
  const year = era === "BC" || era === "B" ? 1 - get("year") : get("year");
  const local = new Date(0).setUTCFullYear(year, get("month") - 1, get("day")) + ((get("hour") * 60 + get("minute")) * 60 + get("second")) * 1000;
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * @internal The instant of a local wall-clock time: `localMs` is the local date and time written as if it were UTC
 * (`Date.UTC(2026, 2, 29, 8)` for 29 March 2026 08:00 local).
 *
 * @example
 * ```ts
 * localToInstant("Europe/Berlin", Date.UTC(2026, 2, 30, 8)); // Date.UTC(2026, 2, 30, 6)
 * ```
 */
export function localToInstant(timeZone: string, localMs: number): number {
  const DAY = 86_400_000;
  const before = offsetAt(timeZone, localMs - DAY);
  const after = offsetAt(timeZone, localMs + DAY);
  const valid = [...new Set([before, after])].map((o) => localMs - o).filter((t) => offsetAt(timeZone, t) === localMs - t);
  // Both valid: a repeated time (fall back), the earlier instant. None: a time in a gap (spring forward), moved
  // forward by the gap — read with the offset before it.
  return valid.length > 0 ? Math.min(...valid) : localMs - before;
}
