import type * as z from "zod";
import { ValidationError } from "../errors.js";

/*
 * Decoding and encoding through any schema, with zod's errors turned into ValidationErrors.
 */

/**
 * Decodes wire input through a schema, turning zod's error into a {@link ValidationError}.
 *
 * @throws {ValidationError} listing every issue with its path.
 * @example
 * ```ts
 * const m = decodeWith(moneyCodec, { amount: "1.00", currency: "EUR" }, "money");
 * ```
 */
export function decodeWith<S extends z.ZodType>(schema: S, input: unknown, subject?: string): z.output<S> {
  checkSchema(schema, "decodeWith");
  const r = schema.safeDecode(input as z.input<S>);
  if (!r.success) throw ValidationError.fromZod(r.error, subject);
  return r.data;
}

function checkSchema(schema: unknown, subject: string): void {
  if (typeof schema !== "object" || schema === null || typeof (schema as { safeDecode?: unknown }).safeDecode !== "function") {
    throw ValidationError.single(["schema"], "expected a zod schema", subject);
  }
}

/**
 * Encodes a memory value through a schema to its wire form.
 *
 * @throws {ValidationError} when the value does not match the schema's memory form.
 * @example
 * ```ts
 * encodeWith(moneyCodec, money("1", "EUR"), "money"); // { amount: "1.00", currency: "EUR" }
 * ```
 */
export function encodeWith<S extends z.ZodType>(schema: S, value: z.output<S>, subject?: string): z.input<S> {
  checkSchema(schema, "encodeWith");
  const r = schema.safeEncode(value);
  if (!r.success) throw ValidationError.fromZod(r.error, subject);
  return r.data;
}
