import type * as z from "zod";
import { ValidationError } from "../errors.js";

/*
 * Text every database can store: the check each entity codec runs on every string.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored faithfully by every database, or `null` when it can: NUL (PostgreSQL text refuses
 * it, SQLite's string functions stop at it) and lone UTF-16 surrogates (not text: no database stores them as
 * given). One rule for every adapter, applied to every string field of every entity kind.
 *
 * @example
 * ```ts
 * unstorableText("Müller 😀"); // null
 * unstorableText("lone \ud800 surrogate"); // "contains a lone UTF-16 surrogate at index 5"
 * ```
 * @throws {ValidationError} when `value` is not a string.
 */
export function unstorableText(value: string): string | null {
  if (typeof value !== "string") throw ValidationError.single(["value"], "expected a string", "unstorableText");
  const nul = value.indexOf("\u0000");
  if (nul >= 0) return `contains a NUL character at index ${nul}`;
  // The first high surrogate without its low one after it, or low surrogate without its high one before it.
  const lone = LONE_SURROGATE.exec(value);
  if (lone) return `contains a lone UTF-16 surrogate at index ${lone.index}`;
  return null;
}

/**
 * Reports every string inside a value (plain objects and arrays, recursively) that {@link unstorableText} refuses,
 * as zod issues with their paths — object keys included. Entity codecs run it on every record, decoding and encoding.
 *
 * @example
 * ```ts
 * z.strictObject({ notes: z.string() }).superRefine(refuseUnstorableText).safeParse({ notes: "a\u0000b" }).success; // false
 * ```
 */
export function refuseUnstorableText(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (typeof (ctx as { addIssue?: unknown } | null)?.addIssue !== "function") {
    throw ValidationError.single(["ctx"], "expected a zod refinement context", "refuseUnstorableText");
  }
  // One path stack, copied only when an issue is reported, and a quick scan that passes ordinary text without the
  // per-character loop: this runs on every string of every record, decoding and encoding.
  const path: (string | number)[] = [];
  const check = (text: string, what: string, at: readonly (string | number)[]): void => {
    if (!SUSPECT_TEXT.test(text)) return;
    const why = unstorableText(text);
    if (why) ctx.addIssue({ code: "custom", message: `${what} ${why}`, path: [...at], input: text });
  };
  const walk = (v: unknown): void => {
    if (typeof v === "string") {
      check(v, "text", path);
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
      return;
    }
    if (v !== null && typeof v === "object") {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return; // Decimal, Money: not text
      for (const k of Object.keys(v)) {
        path.push(k);
        check(k, "key", path);
        walk((v as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  walk(value);
}

/** NUL or any surrogate code unit: only text containing one needs the exact check (paired surrogates pass it). */
const SUSPECT_TEXT = /[\u0000\ud800-\udfff]/;
