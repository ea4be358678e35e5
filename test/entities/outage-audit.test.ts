import { describe, it, expect } from "vitest";
import { paths } from "./helpers.js";
import { serviceOutageJsonSchema, serviceOutageSchema, type ServiceOutageWire } from "../../src/entities/service-outage.js";
import { auditEventJsonSchema, auditEventSchema, jsonValueSchema, type AuditEventWire } from "../../src/entities/audit-event.js";

const stored = { version: 1, createdAt: "2026-11-03T09:30:00.000Z", updatedAt: "2026-11-03T11:00:00.000Z" };

const outage: ServiceOutageWire = {
  id: "out-17", ...stored, service: "crm", start: "2026-11-03T09:12:00.000Z", end: "2026-11-03T10:40:00.000Z",
  planned: false, impact: "partial", description: "Quotes could not be saved", incidentRef: "INC-4711",
  rootCause: "Connection pool exhausted after the 2.3 release", changeRef: "CHG-0815",
};

const event: AuditEventWire = {
  id: "ae-1", ...stored, actor: "p-ana", at: "2026-10-16T15:00:00.000Z", entityKind: "checklist-item", entityId: "ci-trn-03",
  entityVersion: 4, action: "update",
  changes: [
    { path: ["status"], before: "in-progress", after: "done" },
    { path: ["completedOn"], after: "2026-10-16" },
    { path: ["evidence", 0], after: { type: "metric", reference: "training", value: "92.5", tags: [1, true, null] } },
    { path: ["statusReason"], before: "waiting for LMS" },
  ],
  correlationId: "op-77", reason: "Training completed",
};

describe("ServiceOutage", () => {
  it("round-trips the canonical wire", () => {
    const m = serviceOutageSchema.decode(outage);
    expect(m.end).toBe("2026-11-03T10:40:00.000Z");
    expect(serviceOutageSchema.encode(m)).toEqual(outage);
    expect(JSON.stringify(serviceOutageSchema.encode(m))).toBe(JSON.stringify(outage));
    expect(serviceOutageJsonSchema().title).toBe("ServiceOutage");
  });

  it("normalises instants and accepts an ongoing outage", () => {
    const { end: _e, ...ongoing } = outage;
    const m = serviceOutageSchema.decode({ ...ongoing, start: "2026-11-03T09:12:00Z" });
    expect(m.start).toBe("2026-11-03T09:12:00.000Z");
    expect(m.end).toBeUndefined();
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(serviceOutageSchema, { ...outage, end: "2026-11-03T09:11:59.999Z" })).toEqual(["end"]);
    expect(paths(serviceOutageSchema, { ...outage, end: outage.start })).toEqual(["end"]);
    expect(paths(serviceOutageSchema, { ...outage, impact: "total" })).toContain("impact");
    expect(paths(serviceOutageSchema, { ...outage, start: "2026-02-30T09:00:00Z" })).toContain("start");
    expect(paths(serviceOutageSchema, { ...outage, start: "2026-11-03T09:12:00+01:00" })).toContain("start");
    expect(paths(serviceOutageSchema, { ...outage, planned: "no" })).toContain("planned");
    expect(paths(serviceOutageSchema, { ...outage, version: 0 })).toContain("version");
    // Versions stop at 2^31 − 1, what the PostgreSQL and MariaDB INTEGER column holds (before: up to 2^53 − 1, which
    // those adapters failed to store with an untyped storage-failure).
    expect(serviceOutageSchema.safeDecode({ ...outage, version: 2147483647 }).success).toBe(true);
    expect(paths(serviceOutageSchema, { ...outage, version: 2147483648 })).toEqual(["version"]);
    expect(paths(auditEventSchema, { ...event, entityVersion: 2147483648 })).toEqual(["entityVersion"]);
    const r = serviceOutageSchema.safeDecode(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(outage).slice(1)}`));
    expect(r.error!.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["__proto__"], path: [] });
  });
});

describe("AuditEvent", () => {
  it("round-trips the canonical wire, JSON values unchanged", () => {
    const m = auditEventSchema.decode(event);
    expect(m.changes[2]!.after).toEqual({ type: "metric", reference: "training", value: "92.5", tags: [1, true, null] });
    expect(m.changes[3]!.after).toBeUndefined();
    expect(auditEventSchema.encode(m)).toEqual(event);
    expect(JSON.stringify(auditEventSchema.encode(m))).toBe(JSON.stringify(event));
    expect(auditEventJsonSchema().title).toBe("AuditEvent");
  });

  it("accepts a create and a delete", () => {
    const create = { ...event, action: "create" as const, entityVersion: 1, changes: [{ path: [], after: { title: "x" } }] };
    expect(auditEventSchema.decode(create).changes[0]!.path).toEqual([]);
    const del = { ...event, action: "delete" as const, entityVersion: 9, changes: [] };
    expect(auditEventSchema.decode(del).entityVersion).toBe(9);
  });

  it("rejects bad input with exact paths", () => {
    expect(paths(auditEventSchema, { ...event, entityVersion: -1 })).toContain("entityVersion");
    expect(paths(auditEventSchema, { ...event, version: -1 })).toContain("version");
    expect(paths(auditEventSchema, { ...event, action: "upsert" })).toContain("action");
    expect(paths(auditEventSchema, { ...event, at: "2026-02-30T10:00:00Z" })).toContain("at");
    expect(paths(auditEventSchema, { ...event, entityKind: "ChecklistItem" })).toContain("entityKind");
    expect(paths(auditEventSchema, { ...event, entityKind: "checklist--item" })).toContain("entityKind");
    expect(paths(auditEventSchema, { ...event, action: "create" })).toEqual(["entityVersion", "changes.0.before", "changes.3.before"]);
    expect(paths(auditEventSchema, { ...event, action: "delete" })).toEqual(["changes.0.after", "changes.1.after", "changes.2.after"]);
    expect(paths(auditEventSchema, { ...event, changes: [] })).toEqual(["changes"]);
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["a"], after: 1 }, { path: ["a"], before: 2 }] })).toEqual(["changes.1.path"]);
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["a"] }] })).toEqual(["changes.0"]);
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["a", -1], after: 1 }] })).toContain("changes.0.path.1");
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["a", 1.5], after: 1 }] })).toContain("changes.0.path.1");
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["constructor", "prototype"], after: 1 }] })).toEqual(
      expect.arrayContaining(["changes.0.path.0", "changes.0.path.1"]),
    );
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["a"], after: Number.NaN }] })).toContain("changes.0.after");
    expect(paths(auditEventSchema, { ...event, changes: [{ path: ["a"], after: { d: new Date(0) } }] })).toEqual(["changes.0.after"]);
  });

  it("checks nested refinements when encoding too", () => {
    const m = auditEventSchema.decode(event);
    const codes = (changes: typeof m.changes) => auditEventSchema.safeEncode({ ...m, changes }).error?.issues.map((i) => i.path.join("."));
    expect(codes([{ path: ["a"] }])).toEqual(["changes.0"]);
    expect(codes([{ path: ["constructor"], after: 1 }])).toEqual(["changes.0.path.0"]);
    expect(codes([{ path: ["a"], after: { d: new Date(0) } as never }])).toEqual(["changes.0.after"]);
    expect(codes([{ path: ["a"], after: 1 }])).toBeUndefined();
  });

  it("rejects a __proto__ key inside a JSON value and never touches a prototype", () => {
    const wire = JSON.parse(
      `{"id":"ae-2","version":1,"createdAt":"2026-11-03T09:30:00.000Z","updatedAt":"2026-11-03T09:30:00.000Z","actor":"p-ana",` +
        `"at":"2026-11-03T09:30:00.000Z","entityKind":"request","entityId":"r-1","entityVersion":2,"action":"update",` +
        `"changes":[{"path":["meta"],"before":{"__proto__":{"polluted":true}},"after":[{"ok":{"__proto__":{"polluted":true}}}]}]}`,
    );
    expect(Object.keys(wire.changes[0].before)).toEqual(["__proto__"]);
    expect(paths(auditEventSchema, wire)).toEqual(["changes.0.before.__proto__", "changes.0.after.0.ok.__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(wire.changes[0].before)).toBe(Object.prototype);
  });

  it("rejects a __proto__ key in a JSON value when encoding too", () => {
    const m = auditEventSchema.decode(event);
    const bad = { ...m, changes: [{ path: ["x"], after: JSON.parse('{"a":1,"__proto__":{"polluted":true}}') }] };
    const r = auditEventSchema.safeEncode(bad);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["changes.0.after.__proto__"]);
    expect(jsonValueSchema.safeParse(JSON.parse('[{"__proto__":1}]')).success).toBe(false);
    expect(jsonValueSchema.parse({ constructor: "ok", n: [1, "a"] })).toEqual({ constructor: "ok", n: [1, "a"] });
  });
});
