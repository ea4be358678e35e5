import type * as z from "zod";
import { PmoDecimal, type Decimal } from "../decimal.js";

/*
 * Helpers the codecs' encoders share (internal).
 */

/** @internal A Decimal that is finite. */
export function isFiniteDecimal(value: unknown): value is Decimal {
  return PmoDecimal.isDecimal(value) && (value as Decimal).isFinite();
}

/**
 * Records an issue from inside an encoder and returns a stand-in value. zod may call encoders on values its memory-side
 * checks have not vetted yet; a wrong memory value must become a ValidationError with a path, not a TypeError.
 */
export function refuse<T>(payload: z.core.ParsePayload<unknown>, input: unknown, message: string, standIn: T): T {
  payload.issues.push({ code: "custom", message, input, path: [] });
  return standIn;
}
