import * as z from "zod";
import { instantCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { personRoleSchema, refSchema, textSchema } from "./common.js";
import { fingerprintSchema } from "./trace-link.js";

/**
 * A person's acknowledgement, on behalf of an audience (operations, DBA, help desk…), that they have read a
 * requirement as it stood: the fingerprint pins the content acknowledged, so a later change makes it stale.
 *
 * @example
 * ```ts
 * const ack = acknowledgementSchema.decode({
 *   id: "ack-1", version: 1, createdAt: "2026-05-10T08:00:00.000Z", updatedAt: "2026-05-10T08:00:00.000Z",
 *   requirementId: "req-104", audienceRole: "help-desk", personId: "p-joana", fingerprint: "9f86d081884c7d65",
 *   acknowledgedAt: "2026-05-10T08:00:00.000Z",
 * });
 * ```
 */
export const acknowledgementSchema = entitySchema(
  {
    /** The requirement acknowledged. */
    requirementId: refSchema,
    /** The audience the person acknowledges for. */
    audienceRole: personRoleSchema,
    /** Who acknowledged. */
    personId: refSchema,
    /** Fingerprint of the requirement's content that was read. */
    fingerprint: fingerprintSchema,
    /** When. */
    acknowledgedAt: instantCodec,
    /** Questions or remarks. */
    comment: textSchema.optional(),
  },
);

/** An acknowledgement, in memory form. */
export type Acknowledgement = z.output<typeof acknowledgementSchema>;
/** An acknowledgement, in wire form (what adapters store). */
export type AcknowledgementWire = z.input<typeof acknowledgementSchema>;

/**
 * JSON Schema of the acknowledgement wire form.
 *
 * @example
 * ```ts
 * acknowledgementJsonSchema().title; // "Acknowledgement"
 * ```
 */
export function acknowledgementJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(acknowledgementSchema, { title: "Acknowledgement", description: "An audience's acknowledgement of a requirement's content." });
}
