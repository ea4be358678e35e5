import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PmoDecimal, ValidationError } from "../../src/core/index.js";
import { canonicalJson, diffFields, fingerprintOf, requirementFingerprint, DEFAULT_FINGERPRINT_FIELDS } from "../../src/traceability/index.js";

describe("fingerprints", () => {
  it("is SHA-256 of the canonical JSON: the empty selection hashes the text {}", () => {
    // FIPS 180-4 SHA-256 of the two bytes "{}" (checked with `printf '{}' | sha256sum`).
    expect(fingerprintOf({ status: "draft" }, [])).toBe("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  });

  it("serialises canonically: keys sorted at every depth, Decimals as plain strings, undefined members dropped", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" }, e: undefined })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(canonicalJson({ amount: new PmoDecimal("1e-7") })).toBe('{"amount":"0.0000001"}');
    expect(canonicalJson(-0)).toBe("0");
  });

  it("refuses what JSON cannot carry, with the path", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(ValidationError);
    try {
      canonicalJson({ a: [1, Number.NaN] });
    } catch (e) {
      expect((e as ValidationError).issues[0]?.path).toEqual(["a", 1]);
    }
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it("covers only the configured fields: a status change keeps the fingerprint, a statement change moves it", () => {
    const r = { key: "FR-1", type: "functional", title: "Export", statement: "CSV", acceptanceCriteria: ["UTF-8"], verificationMethod: "test", status: "draft" };
    const fp = requirementFingerprint(r);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(requirementFingerprint({ ...r, status: "verified", owner: "p-x" })).toBe(fp);
    expect(requirementFingerprint({ ...r, statement: "CSV and XLSX" })).not.toBe(fp);
    expect(DEFAULT_FINGERPRINT_FIELDS.requirement).not.toContain("status");
  });

  it("does not depend on key order (property)", () => {
    const value = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 })), { maxKeys: 8 });
    fc.assert(
      fc.property(value, (v) => {
        const reversed = Object.fromEntries(Object.entries(v).reverse());
        const fields = Object.keys(v);
        expect(fingerprintOf(reversed, fields)).toBe(fingerprintOf(v, fields));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("diffs field by field, comparing values canonically", () => {
    expect(diffFields({ statement: "a", steps: [{ x: 1, y: 2 }] }, { statement: "b", steps: [{ y: 2, x: 1 }] }, ["statement", "steps", "title"])).toEqual([
      { field: "statement", before: "a", after: "b" },
    ]);
    expect(diffFields({}, { title: "t" }, ["title"])).toEqual([{ field: "title", before: undefined, after: "t" }]);
  });
});
