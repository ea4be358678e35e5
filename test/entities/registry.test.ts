import { describe, expect, it } from "vitest";
import { decodeEntity, encodeEntity, entityJsonSchema, entityKindNames, entityKinds, isEntityKind, ValidationError } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";

// Rules every kind obeys, checked on a real record of each kind from the sample office.

const office = loadSampleOffice();
const kinds = entityKindNames().filter((k) => office[k].length > 0);

function issuePaths(kind: (typeof kinds)[number], wire: unknown): string[] {
  try {
    decodeEntity(kind, wire);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => i.path.join("."));
  }
  throw new Error(`${kind}: expected a ValidationError`);
}

describe("the entity registry", () => {
  it("has 29 kinds, each with a codec, an area and indexed fields", () => {
    expect(entityKindNames()).toHaveLength(29);
    for (const k of entityKindNames()) {
      expect(typeof entityKinds[k].schema.decode).toBe("function");
      expect(entityKinds[k].indexed.length).toBeGreaterThan(0);
    }
    expect(isEntityKind("project")).toBe(true);
    expect(isEntityKind("__proto__")).toBe(false);
    expect(isEntityKind("toString")).toBe(false);
  });

  it("has sample records for every kind but the audit trail", () => {
    expect(entityKindNames().filter((k) => office[k].length === 0)).toEqual(["audit-event"]);
  });

  describe.each(kinds)("%s", (kind) => {
    const sample = office[kind][0] as Record<string, unknown>;

    it("round-trips a sample record byte for byte", () => {
      expect(JSON.stringify(encodeEntity(kind, decodeEntity(kind, sample)))).toBe(JSON.stringify(sample));
    });

    it("rejects a negative version, an impossible createdAt, an unknown key and a __proto__ key, with paths", () => {
      expect(issuePaths(kind, { ...sample, version: -1 })).toContain("version");
      expect(issuePaths(kind, { ...sample, createdAt: "2026-02-30T00:00:00.000Z" })).toContain("createdAt");
      expect(issuePaths(kind, { ...sample, bogusField: 1 })).toEqual([""]);
      const polluted = JSON.parse(JSON.stringify(sample).replace(/^\{/, '{"__proto__":{"isAdmin":true},'));
      expect(issuePaths(kind, polluted)).toEqual([""]);
      expect(({} as Record<string, unknown>)["isAdmin"]).toBeUndefined();
    });

    it("publishes a JSON Schema of its wire form that the sample satisfies at the top level", () => {
      const schema = entityJsonSchema(kind) as { type: string; required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
      expect(schema.type).toBe("object");
      expect(schema.additionalProperties).toBe(false);
      expect(schema.required).toEqual(expect.arrayContaining(["id", "version", "createdAt", "updatedAt"]));
      for (const key of schema.required) expect(Object.keys(sample)).toContain(key);
      for (const key of Object.keys(sample)) expect(Object.keys(schema.properties)).toContain(key);
    });
  });
});

describe("JSON Schema field descriptions (kept with the JSON Schema builders, not on the codecs)", () => {
  type Node = { description?: string; properties?: Record<string, Node> };
  const at = (schema: unknown, ...keys: string[]) => keys.reduce<Node | undefined>((n, k) => n?.properties?.[k], schema as Node);

  it("describes a money amount and its currency wherever money is stored", () => {
    const cost = entityJsonSchema("cost-entry");
    expect(at(cost, "amount", "amount")?.description).toBe('Decimal amount, e.g. "1234.50"; never exponent notation');
    expect(at(cost, "amount", "currency")?.description).toBe('ISO 4217 currency code, e.g. "EUR"');
    const line = (at(entityJsonSchema("project"), "budget", "lines") as { items?: Node } | undefined)?.items;
    expect(at(line, "amount", "amount")?.description).toBe('Decimal amount, e.g. "1234.50"; never exponent notation');
  });

  it("describes every currency code field, not only money's", () => {
    expect(at(entityJsonSchema("portfolio"), "currency")?.description).toBe('ISO 4217 currency code, e.g. "EUR"');
    expect(at(entityJsonSchema("project"), "budget", "currency")?.description).toBe('ISO 4217 currency code, e.g. "EUR"');
  });

  it("describes an audit event's before and after as any JSON value", () => {
    const change = (at(entityJsonSchema("audit-event"), "changes") as { items?: Node } | undefined)?.items;
    expect(at(change, "before")?.description).toBe("Any JSON value");
    expect(at(change, "after")?.description).toBe("Any JSON value");
  });
});
