import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/errors.js";
import { isoDate } from "../../src/core/dates/iso-date.js";
import {
  addMillisecondsToInstant,
  compareInstants,
  instant,
  instantToDate,
  isInstant,
  isInstantInput,
  millisecondsBetween,
  startOfDayInstant,
} from "../../src/core/dates/instant.js";

/** First and last millisecond of years 0001–9999 (setUTCFullYear avoids Date.UTC's two-digit-year mapping). */
const MIN_MS = new Date(0).setUTCFullYear(1, 0, 1);
const MAX_MS = new Date(0).setUTCFullYear(9999, 11, 31) + 86_400_000 - 1;

describe("instant()", () => {
  it("canonicalises to YYYY-MM-DDTHH:mm:ss.sssZ", () => {
    expect(instant("2026-11-25T14:03:00Z")).toBe("2026-11-25T14:03:00.000Z");
    expect(instant("2026-11-25T14:03:00.5Z")).toBe("2026-11-25T14:03:00.500Z");
    expect(instant("2026-11-25T14:03:00.12Z")).toBe("2026-11-25T14:03:00.120Z");
    expect(instant("2026-11-25T14:03:00.123Z")).toBe("2026-11-25T14:03:00.123Z");
    expect(instant("2024-02-29T23:59:59.999Z")).toBe("2024-02-29T23:59:59.999Z");
    expect(instant("0001-01-01T00:00:00Z")).toBe("0001-01-01T00:00:00.000Z");
    expect(instant("0050-06-15T12:00:00Z")).toBe("0050-06-15T12:00:00.000Z"); // not shifted to 1950
    expect(instant("9999-12-31T23:59:59.999Z")).toBe("9999-12-31T23:59:59.999Z");
  });

  it.each([
    "2026-11-25T14:03:00+01:00", // offsets are refused: give UTC
    "2026-11-25T14:03:00+00:00",
    "2026-11-25T14:03:00-05:00",
    "2026-11-25T14:03:00", // no zone at all
    "2026-11-25T14:03:00.1234Z", // more than millisecond precision
    "2026-11-25T14:03:00.Z",
    "2026-11-25T14:03Z", // seconds are required
    "2026-02-30T00:00:00Z", // impossible day
    "2023-02-29T00:00:00Z", // not a leap year
    "2026-13-01T00:00:00Z",
    "2026-11-25T24:00:00Z",
    "2026-11-25T23:60:00Z",
    "2026-11-25T23:59:60Z", // leap seconds are not representable
    "2026-11-25 14:03:00Z",
    "2026-11-25t14:03:00z",
    "0000-01-01T00:00:00Z",
    "+010000-01-01T00:00:00.000Z",
    "2026-11-25",
    "",
  ])("refuses %j", (bad) => {
    expect(isInstantInput(bad)).toBe(false);
    const e = (() => {
      try {
        instant(bad);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).subject).toBe("instant");
  });

  it("accepts Dates and refuses invalid or out-of-range Dates", () => {
    expect(instant(new Date(Date.UTC(2026, 0, 1)))).toBe("2026-01-01T00:00:00.000Z");
    expect(instant(new Date(0))).toBe("1970-01-01T00:00:00.000Z");
    expect(instant(new Date(MIN_MS))).toBe("0001-01-01T00:00:00.000Z");
    expect(instant(new Date(MAX_MS))).toBe("9999-12-31T23:59:59.999Z");
    expect(() => instant(new Date(Number.NaN))).toThrow(ValidationError);
    expect(() => instant(new Date(MAX_MS + 1))).toThrow(ValidationError); // +010000-…
    expect(() => instant(new Date(MIN_MS - 1))).toThrow(ValidationError); // 0000-12-31
  });

  it("isInstant accepts only the canonical form; isInstantInput accepts what instant() accepts", () => {
    expect(isInstant("2026-11-25T14:03:00.000Z")).toBe(true);
    expect(isInstant("2026-11-25T14:03:00Z")).toBe(false);
    expect(isInstant("2026-11-25T14:03:00.5Z")).toBe(false);
    expect(isInstant("2026-02-30T14:03:00.000Z")).toBe(false);
    expect(isInstant(0)).toBe(false);
    expect(isInstant(new Date(0))).toBe(false);
    expect(isInstantInput("2026-11-25T14:03:00Z")).toBe(true);
    expect(isInstantInput("2026-11-25T14:03:00.5Z")).toBe(true);
    expect(isInstantInput(null)).toBe(false);
  });

  it("property: instant(Date) round-trips through Date and is idempotent", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS }), (ms) => {
        const i = instant(new Date(ms));
        expect(isInstant(i)).toBe(true);
        expect(new Date(i).getTime()).toBe(ms);
        expect(instant(i)).toBe(i);
        expect(instant(i.replace(/\.(\d*?)0*Z$/, (_, f: string) => (f ? `.${f}Z` : "Z")))).toBe(i); // shorter inputs
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("instant arithmetic", () => {
  const at = (s: string) => instant(s);

  it("compareInstants", () => {
    expect(compareInstants(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:01Z"))).toBe(-1);
    expect(compareInstants(at("2026-01-01T00:00:01Z"), at("2026-01-01T00:00:00Z"))).toBe(1);
    expect(compareInstants(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00.000Z"))).toBe(0);
    expect(compareInstants(at("0999-12-31T23:59:59.999Z"), at("1000-01-01T00:00:00Z"))).toBe(-1);
  });

  it("millisecondsBetween", () => {
    expect(millisecondsBetween(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:01:00Z"))).toBe(60_000);
    expect(millisecondsBetween(at("2026-01-01T00:01:00Z"), at("2026-01-01T00:00:00Z"))).toBe(-60_000);
    expect(millisecondsBetween(at("2026-01-01T00:00:00Z"), at("2026-01-01T00:00:00.001Z"))).toBe(1);
    // A UTC day is always 86 400 000 ms, also over the US DST changes (2026-03-08, 2026-11-01).
    expect(millisecondsBetween(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z"))).toBe(86_400_000);
    expect(millisecondsBetween(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z"))).toBe(86_400_000);
    // 2024 has 366 days.
    expect(millisecondsBetween(at("2024-01-01T00:00:00Z"), at("2025-01-01T00:00:00Z"))).toBe(366 * 86_400_000);
  });

  it("addMillisecondsToInstant", () => {
    expect(addMillisecondsToInstant(at("2026-01-01T00:00:00Z"), 1500)).toBe("2026-01-01T00:00:01.500Z");
    expect(addMillisecondsToInstant(at("2026-12-31T23:59:59.999Z"), 1)).toBe("2027-01-01T00:00:00.000Z");
    expect(addMillisecondsToInstant(at("2027-01-01T00:00:00Z"), -1)).toBe("2026-12-31T23:59:59.999Z");
    expect(addMillisecondsToInstant(at("2024-02-28T12:00:00Z"), 86_400_000)).toBe("2024-02-29T12:00:00.000Z");
    expect(addMillisecondsToInstant(at("2026-11-25T14:03:00Z"), 0)).toBe("2026-11-25T14:03:00.000Z");
    expect(() => addMillisecondsToInstant(at("9999-12-31T23:59:59.999Z"), 1)).toThrow(ValidationError);
    expect(() => addMillisecondsToInstant(at("0001-01-01T00:00:00Z"), -1)).toThrow(ValidationError);
  });

  it("property: millisecondsBetween(a, a + n) = n and compare agrees with the sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS }), fc.integer({ min: -1e12, max: 1e12 }), (ms, n) => {
        const a = instant(new Date(ms));
        if (ms + n < MIN_MS || ms + n > MAX_MS) {
          expect(() => addMillisecondsToInstant(a, n)).toThrow(ValidationError);
          return;
        }
        const b = addMillisecondsToInstant(a, n);
        expect(millisecondsBetween(a, b)).toBe(n);
        expect(compareInstants(a, b)).toBe(-Math.sign(n) || 0); // a before b when n > 0
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("instantToDate and startOfDayInstant", () => {
    expect(instantToDate(at("2026-11-25T23:59:59.999Z"))).toBe("2026-11-25");
    expect(instantToDate(at("2026-11-25T00:00:00Z"))).toBe("2026-11-25");
    expect(instantToDate(at("1994-12-31T10:00:00Z"))).toBe("1994-12-31"); // the day Kiritimati skipped locally
    expect(startOfDayInstant(isoDate("2026-11-25"))).toBe("2026-11-25T00:00:00.000Z");
    expect(isInstant(startOfDayInstant(isoDate("0001-01-01")))).toBe(true);
  });

  it("property: instantToDate(startOfDayInstant(d)) = d and the day spans 86 400 000 ms", () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_MS, max: MAX_MS - 86_400_000 }), (ms) => {
        const day = instantToDate(instant(new Date(ms)));
        const start = startOfDayInstant(day);
        expect(instantToDate(start)).toBe(day);
        const next = addMillisecondsToInstant(start, 86_400_000);
        expect(instantToDate(addMillisecondsToInstant(next, -1))).toBe(day);
        expect(next.slice(11)).toBe("00:00:00.000Z");
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
