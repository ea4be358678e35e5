import * as z from "zod";

/*
 * Identifiers on the wire.
 */

/**
 * An identifier: 1–128 characters, starting with a letter or digit, then letters, digits and `. _ : -`.
 * That admits UUIDs and readable keys (`REQ-012`, `prj.crm:2027`) and rules out `__proto__`, spaces and paths.
 *
 * @example
 * ```ts
 * idSchema.parse("BR-012"); // "BR-012"
 * ```
 */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: "ids start with a letter or digit, then letters, digits, . _ : -" });
