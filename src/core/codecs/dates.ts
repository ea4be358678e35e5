import * as z from "zod";
import { isIsoDate, type IsoDate } from "../dates/iso-date.js";
import { instant, isInstant, isInstantInput, type Instant } from "../dates/instant.js";
import { refuse } from "./refuse.js";

/*
 * Calendar dates and instants on the wire.
 */

/**
 * Codec of a calendar date: the same string on both sides, branded in memory. Safe to encode (unlike a
 * `.transform`, which cannot run backwards).
 *
 * @example
 * ```ts
 * isoDateCodec.decode("2027-03-01"); // IsoDate
 * ```
 */
export const isoDateCodec = z.codec(
  z.string().refine((s) => isIsoDate(s), { message: "expected a real calendar date YYYY-MM-DD" }),
  z.custom<IsoDate>((v) => isIsoDate(v), { message: "expected an IsoDate" }),
  {
    decode: (s) => s as IsoDate,
    encode: (d, payload) => (isIsoDate(d) ? d : refuse(payload, d, "expected a calendar date YYYY-MM-DD", "" as IsoDate)),
  },
);

/**
 * Codec of an instant: a UTC date-time with `Z` on the wire (seconds required, at most milliseconds), normalised to
 * `YYYY-MM-DDTHH:mm:ss.sssZ` in memory and on the way back out.
 *
 * @example
 * ```ts
 * instantCodec.decode("2026-11-25T14:03:00Z"); // "2026-11-25T14:03:00.000Z"
 * ```
 */
export const instantCodec = z.codec(
  z.string().refine((s) => isInstantInput(s), { message: "expected a UTC date-time like 2026-11-25T14:03:00.000Z" }),
  z.custom<Instant>((v) => isInstantInput(v), { message: "expected an Instant" }),
  {
    decode: (s) => (isInstant(s) ? s : instant(s)), // canonical input (the common case) needs no Date round trip
    encode: (i, payload) => (isInstantInput(i) ? instant(i) : refuse(payload, i, "expected a UTC instant", "")),
  },
);
