import type * as z from "zod";
import { ValidationError } from "../errors.js";

/*
 * Decoding and encoding through any schema, with zod's errors turned into ValidationErrors.
 */

/*
 * zod's messages, once for every schema: an absent field (no input at a path) reads "required field is missing"
 * rather than zod's "Invalid input: expected string, received undefined" (or an enum's "Invalid option: expected one
 * of …", which does not say the field is absent). Every other message is zod's, and a schema's own message wins.
 */
/** @internal zod's parse context giving pmokit's messages: pass it to `safeParse`/`safeDecode` of public input. */
export const ZOD_MESSAGES = { error: (i: { input?: unknown; path?: readonly PropertyKey[] | undefined }) => (i.input === undefined && i.path?.length ? "required field is missing" : undefined) };

/**
 * Decodes wire input through a schema with pmokit's messages (an absent field reads `required field is missing`),
 * returning zod's result rather than throwing: for readers that collect every record's issues under their own path.
 *
 * @example
 * ```ts
 * const r = safeDecodeWith(moneyCodec, { amount: "1.00" });
 * if (!r.success) r.error.issues[0]!.message; // "required field is missing" (at ["currency"])
 * ```
 */
export function safeDecodeWith<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  checkSchema(schema, "safeDecodeWith");
  return schema.safeDecode(input as z.input<S>, ZOD_MESSAGES);
}

/**
 * Decodes wire input through a schema, turning zod's error into a {@link ValidationError}; an absent field reads
 * `required field is missing`, every other message is zod's.
 *
 * @throws {ValidationError} listing every issue with its path.
 * @example
 * ```ts
 * const m = decodeWith(moneyCodec, { amount: "1.00", currency: "EUR" }, "money");
 * ```
 */
export function decodeWith<S extends z.ZodType>(schema: S, input: unknown, subject?: string): z.output<S> {
  checkSchema(schema, "decodeWith");
  const r = schema.safeDecode(input as z.input<S>, ZOD_MESSAGES);
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
  const r = schema.safeEncode(value, ZOD_MESSAGES);
  if (!r.success) throw ValidationError.fromZod(r.error, subject);
  return r.data;
}
