import * as z from "zod";
import { instantCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { nameSchema, refSchema, textSchema } from "./common.js";

/**
 * How hard an outage hits: the service is down, part of it is down, or it is up but slow or flaky.
 *
 * @example
 * ```ts
 * outageImpactSchema.parse("degraded"); // "degraded"
 * ```
 */
export const outageImpactSchema = z.enum(["full", "partial", "degraded"]);

/**
 * A period when a service was unavailable or degraded: the raw data of availability, MTTR and (through
 * `changeRef`) change-failure rate. An ongoing outage has no `end` yet.
 *
 * @example
 * ```ts
 * const outage = serviceOutageSchema.decode({
 *   id: "out-17", version: 1, createdAt: "2026-11-03T09:30:00.000Z", updatedAt: "2026-11-03T11:00:00.000Z",
 *   service: "crm", start: "2026-11-03T09:12:00Z", end: "2026-11-03T10:40:00Z", planned: false,
 *   impact: "partial", incidentRef: "INC-4711", changeRef: "CHG-0815",
 * });
 * ```
 */
export const serviceOutageSchema = entitySchema(
  {
    /** The affected service, by name or id ("crm", "svc-mail"). */
    service: nameSchema,
    /** When the outage began (UTC). */
    start: instantCodec,
    /** When service was restored (after `start`); absent while the outage is ongoing. */
    end: instantCodec.optional(),
    /** True for planned maintenance, false for an unplanned outage. */
    planned: z.boolean(),
    /** How hard it hit. */
    impact: outageImpactSchema,
    /** What users saw. */
    description: textSchema.optional(),
    /** The incident record, if any. */
    incidentRef: refSchema.optional(),
    /** Root cause, once known. */
    rootCause: textSchema.optional(),
    /** The change that caused it, if any (counts towards change-failure rate). */
    changeRef: refSchema.optional(),
  },
  // Canonical instants (fixed width, UTC) compare correctly as strings.
).refine((o) => o.end === undefined || o.end > o.start, { message: "an outage must end after it starts", path: ["end"] });

/** A service outage, in memory form. */
export type ServiceOutage = z.output<typeof serviceOutageSchema>;
/** A service outage, in wire form (what adapters store). */
export type ServiceOutageWire = z.input<typeof serviceOutageSchema>;

/**
 * JSON Schema of the service-outage wire form.
 *
 * @example
 * ```ts
 * serviceOutageJsonSchema().title; // "ServiceOutage"
 * ```
 */
export function serviceOutageJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(serviceOutageSchema, { title: "ServiceOutage", description: "A period when a service was down or degraded, planned or not." });
}
