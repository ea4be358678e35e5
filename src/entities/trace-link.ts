import * as z from "zod";
import { instantCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { refSchema, textSchema, whenDecoded } from "./common.js";
import { refuse } from "./refuse.js";

/**
 * A content fingerprint: lowercase hex, 16–128 characters (a truncated or full hash of the item's content). A link
 * or acknowledgement that recorded an older fingerprint than the item's current one is suspect.
 *
 * @example
 * ```ts
 * fingerprintSchema.parse("9f86d081884c7d65");
 * ```
 */
export const fingerprintSchema = z.string().regex(/^[0-9a-f]{16,128}$/, { message: "expected 16–128 lowercase hex digits" });

/**
 * Kinds of item a trace link can join.
 *
 * @example
 * ```ts
 * traceEndKindSchema.parse("test-case");
 * ```
 */
export const traceEndKindSchema = z.enum(["requirement", "artifact", "test-case", "test-run", "defect"]);

/**
 * One end of a trace link: an item's kind and id.
 *
 * @example
 * ```ts
 * traceEndSchema.parse({ kind: "requirement", id: "req-104" });
 * ```
 */
export const traceEndSchema = z.strictObject({
  /** Kind of item. */
  kind: traceEndKindSchema,
  /** Its id. */
  id: refSchema,
});

/**
 * The built-in link types, read "from <type> to": a design `satisfies` a requirement, a test case `verifies` it,
 * code `implements` it, a system requirement `derives` from a business one.
 *
 * @example
 * ```ts
 * TRACE_LINK_TYPES.includes("verifies"); // true
 * ```
 */
export const TRACE_LINK_TYPES = ["derives", "refines", "satisfies", "implements", "verifies", "depends-on"] as const;

/**
 * A link type: a built-in one or an organisation's own, spelled `custom:<kebab-name>` so it can never collide with
 * a future built-in.
 *
 * @example
 * ```ts
 * traceLinkTypeSchema.parse("custom:mitigates"); // "custom:mitigates"
 * ```
 */
export const traceLinkTypeSchema = z.union([
  z.enum(TRACE_LINK_TYPES),
  z.string().regex(/^custom:[a-z][a-z0-9-]*$/, { message: "custom link types look like custom:my-type" }).max(64),
]);

/**
 * A traceability link between two items (requirement ↔ design, code, test, defect). The target's fingerprint at
 * link or review time lets the office flag links whose target has changed since (suspect links).
 *
 * @example
 * ```ts
 * const link = traceLinkSchema.decode({
 *   id: "tl-1", version: 1, createdAt: "2026-03-01T09:00:00.000Z", updatedAt: "2026-03-01T09:00:00.000Z",
 *   from: { kind: "test-case", id: "tc-31" }, to: { kind: "requirement", id: "req-104" }, linkType: "verifies",
 *   targetFingerprint: "9f86d081884c7d65", reviewedAt: "2026-03-01T09:00:00.000Z", reviewedBy: "p-ana",
 * });
 * ```
 */
export const traceLinkSchema = entitySchema(
  {
    /** Source item. */
    from: traceEndSchema,
    /** Target item. */
    to: traceEndSchema,
    /** How `from` relates to `to`. */
    linkType: traceLinkTypeSchema,
    /** Fingerprint of the target's content when the link was made or last reviewed. */
    targetFingerprint: fingerprintSchema.optional(),
    /** The target's `revision` the link was made or reviewed against (OpenFastTrace: older = outdated, newer = predated). */
    targetRevision: z.number().int().min(0).max(1_000_000).optional(),
    /** When the link was last reviewed. */
    reviewedAt: instantCodec.optional(),
    /** Who reviewed it (requires `reviewedAt`). */
    reviewedBy: refSchema.optional(),
    /** Note. */
    note: textSchema.optional(),
  },
).superRefine((l, ctx) => {
  if (l.from.kind === l.to.kind && l.from.id === l.to.id) {
    refuse(ctx, ["to"], "an item cannot be linked to itself");
  }
  if (l.reviewedBy !== undefined && l.reviewedAt === undefined) {
    refuse(ctx, ["reviewedAt"], "a review needs its date");
  }
}, whenDecoded);

/** A trace link, in memory form. */
export type TraceLink = z.output<typeof traceLinkSchema>;
/** A trace link, in wire form (what adapters store). */
export type TraceLinkWire = z.input<typeof traceLinkSchema>;
/** A trace end, in memory form. */
export type TraceEnd = z.output<typeof traceEndSchema>;

/**
 * JSON Schema of the trace link wire form.
 *
 * @example
 * ```ts
 * traceLinkJsonSchema().title; // "TraceLink"
 * ```
 */
export function traceLinkJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(traceLinkSchema, { title: "TraceLink", description: "A traceability link between requirements, artifacts, tests and defects." });
}
