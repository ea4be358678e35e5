import * as z from "zod";
import { instantCodec } from "../core/codecs.js";
import { entitySchema, wireJsonSchema } from "./base.js";
import { refSchema, textSchema } from "./common.js";
import { MAX_RECORD_VERSION } from "../core/record-version.js";
import { refuse } from "./refuse.js";

/** Any JSON value. */
export type JsonValue = z.core.util.JSONType;

const MAX_DEPTH = 64;

const jsonSchema = z.json();

// Validation runs inside codec functions, on purpose:
// - zod's record parser silently drops an own "__proto__" key. No prototype changes, but data is lost without a
//   word, and a hand-built value could still carry the key into a consumer's Object.assign. So such values are
//   rejected outright, on the way in and on the way out.
// - z.json() is recursive. Placed in the schema tree, it switches on zod 4.6's memoizer, and then on encode the
//   refinements of the enclosing objects were skipped (seen with a refined change object in a .max() array).
//   Calling it here keeps the schema tree non-recursive.
function checkJson(value: JsonValue, payload: z.core.ParsePayload<JsonValue>): JsonValue {
  const issue = (message: string, path: PropertyKey[]) => payload.issues.push({ code: "custom", message, path, input: value });
  const start = payload.issues.length;
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (path.length > MAX_DEPTH) {
      issue(`JSON nested deeper than ${MAX_DEPTH} levels`, path);
    } else if (Array.isArray(v)) {
      v.forEach((e, i) => walk(e, [...path, i]));
    } else if (typeof v === "object" && v !== null) {
      for (const k of Object.keys(v)) {
        if (k === "__proto__") issue("the key __proto__ is not allowed", [...path, k]);
        else walk((v as Record<string, unknown>)[k], [...path, k]);
      }
    }
  };
  walk(value, []);
  if (payload.issues.length > start) return value;
  const r = jsonSchema.safeParse(value);
  if (r.success) return r.data; // a fresh copy: memory never aliases the wire input
  for (const iss of r.error.issues) issue(iss.path.length ? iss.message : "expected a JSON value", iss.path);
  return value;
}

const anyValue = z.custom<JsonValue>(() => true);

/**
 * A JSON value (string, finite number, boolean, null, array, object) whose objects never have a `__proto__` key.
 * Wire and memory forms are the same.
 *
 * @example
 * ```ts
 * jsonValueSchema.parse({ amount: "1200.00", tags: ["a"] }); // same value
 * jsonValueSchema.safeParse(JSON.parse('{"__proto__":{"x":1}}')).success; // false
 * ```
 */
export const jsonValueSchema = z.codec(anyValue, anyValue, { decode: checkJson, encode: checkJson });

// Segments that would let a naive patch applier reach Object.prototype.
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * One field change: where (a path of keys and array indexes; empty for the whole record) and the wire-form value
 * before and after. `before` is absent when the field did not exist, `after` when it was removed.
 *
 * @example
 * ```ts
 * fieldChangeSchema.parse({ path: ["waves", 0, "installedCount"], before: 30, after: 38 });
 * ```
 */
export const fieldChangeSchema = z
  .strictObject({
    /** Field path: property names and array indexes. */
    path: z
      .array(
        z.union([
          z.string().min(1).max(200).refine((s) => !FORBIDDEN_SEGMENTS.has(s), { message: "forbidden path segment" }),
          z.number().int().min(0).max(1_000_000),
        ]),
      )
      .max(32),
    /** Value before the change, in wire form. */
    before: jsonValueSchema.optional(),
    /** Value after the change, in wire form. */
    after: jsonValueSchema.optional(),
  })
  .refine((c) => c.before !== undefined || c.after !== undefined, { message: "a change needs a before or an after value" });

/**
 * What happened to the entity.
 *
 * @example
 * ```ts
 * auditActionSchema.parse("update"); // "update"
 * ```
 */
export const auditActionSchema = z.enum(["create", "update", "delete"]);

/**
 * An audit-trail entry: who created, changed or deleted which entity, when, to which version, and what changed.
 * Events are written once and never updated. `entityVersion` is the audited entity's version, kept apart from the
 * event's own storage `version`.
 *
 * @example
 * ```ts
 * const ev = auditEventSchema.decode({
 *   id: "ae-1", version: 1, createdAt: "2026-10-01T10:00:00.000Z", updatedAt: "2026-10-01T10:00:00.000Z",
 *   actor: "p-ana", at: "2026-10-01T10:00:00Z", entityKind: "checklist-item", entityId: "ci-trn-03",
 *   entityVersion: 4, action: "update", changes: [{ path: ["status"], before: "todo", after: "done" }],
 * });
 * ```
 */
export const auditEventSchema = entitySchema(
  {
    /** Who made the change. */
    actor: refSchema,
    /** When the change was made. */
    at: instantCodec,
    /** Kind of the changed entity, kebab-case ("request", "checklist-item"). */
    entityKind: z.string().max(64).regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { message: "kinds are kebab-case like checklist-item" }),
    /** Id of the changed entity. */
    entityId: refSchema,
    /** The entity's version after the change (1 for a create; for a delete, its last version). */
    entityVersion: z.number().int().min(1).max(MAX_RECORD_VERSION),
    /** What happened. */
    action: auditActionSchema,
    /** Field changes, each path at most once (an update has at least one). */
    changes: z.array(fieldChangeSchema).max(1_000).default([]),
    /** Groups the events of one workflow operation. */
    correlationId: refSchema.optional(),
    /** Why, in plain words. */
    reason: textSchema.optional(),
  },
).superRefine((e, ctx) => {
  if (e.action === "create" && e.entityVersion !== 1) refuse(ctx, "entityVersion", "a create makes version 1");
  if (e.action === "update" && e.changes.length === 0) refuse(ctx, "changes", "an update changes at least one field");
  const paths = new Set<string>();
  e.changes.forEach((c, i) => {
    if (e.action === "create" && c.before !== undefined) refuse(ctx, ["changes", i, "before"], "a create has no before values");
    if (e.action === "delete" && c.after !== undefined) refuse(ctx, ["changes", i, "after"], "a delete has no after values");
    const key = JSON.stringify(c.path);
    if (paths.has(key)) refuse(ctx, ["changes", i, "path"], "path changed twice in one event");
    paths.add(key);
  });
});

/** An audit event, in memory form. */
export type AuditEvent = z.output<typeof auditEventSchema>;
/** An audit event, in wire form (what adapters store). */
export type AuditEventWire = z.input<typeof auditEventSchema>;
/** A field change. */
export type FieldChange = z.output<typeof fieldChangeSchema>;

/**
 * JSON Schema of the audit-event wire form.
 *
 * @example
 * ```ts
 * auditEventJsonSchema().title; // "AuditEvent"
 * ```
 */
export function auditEventJsonSchema(): Record<string, unknown> {
  return wireJsonSchema(auditEventSchema, { title: "AuditEvent", description: "Who created, changed or deleted an entity, when, and what changed." }, [[jsonValueSchema, "Any JSON value"]]);
}
