import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ValidationError } from "../../src/core/index.js";
import { analyzeTraceability, canonicalJson, diffFields, fingerprintOf } from "../../src/traceability/index.js";

// Audit: a Date, Map or Set in a hand-made row was read for its own enumerable keys — none — so each fingerprinted
// as `{}`: two different due dates gave one fingerprint and a change was never detected (no suspect link, no
// changedFields). A Date now fingerprints as its ISO instant, the wire form the codecs give (so a decoded row and a
// hand-made one agree); a Map, a Set or another built-in object is refused with a ValidationError at its path.
describe("fingerprints of built-in objects", () => {
  it("a Date is its ISO instant: the same fingerprint as the wire-form string, a different date another", () => {
    expect(canonicalJson({ due: new Date("2026-03-01T00:00:00Z") })).toBe('{"due":"2026-03-01T00:00:00.000Z"}');
    const march = fingerprintOf({ due: new Date("2026-03-01T00:00:00Z") }, ["due"]);
    // Before: both were the fingerprint of '{"due":{}}'.
    expect(march).toBe(fingerprintOf({ due: "2026-03-01T00:00:00.000Z" }, ["due"]));
    expect(fingerprintOf({ due: new Date("2026-06-30T00:00:00Z") }, ["due"])).not.toBe(march);
    expect(march).not.toBe(fingerprintOf({ due: {} }, ["due"]));
    expect(diffFields({ due: new Date("2026-03-01T00:00:00Z") }, { due: new Date("2026-06-30T00:00:00Z") }, ["due"])).toHaveLength(1);
  });

  it("Dates fingerprint as their instants (property): equal exactly when the instants are", () => {
    const day = fc.integer({ min: 0, max: 4_000_000_000_000 }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(fingerprintOf({ d: a }, ["d"])).toBe(fingerprintOf({ d: a.toISOString() }, ["d"]));
        expect(fingerprintOf({ d: a }, ["d"]) === fingerprintOf({ d: b }, ["d"])).toBe(a.getTime() === b.getTime());
      }),
      { seed: 17, numRuns: 200 },
    );
  });

  it.each([
    ["Map", new Map([["a", 1]])],
    ["Set", new Set(["a"])],
    ["Date", new Date(Number.NaN)],
    ["RegExp", /x/],
  ])("a %s is refused with a ValidationError at its path", (name, value) => {
    let error: unknown;
    try {
      fingerprintOf({ steps: [{ detail: value }] }, ["steps"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(["steps", 0, "detail"]);
    expect((error as ValidationError).issues[0]?.message).toBe(`a ${name} cannot be fingerprinted`);
  });

  it("a changed Date in a fingerprinted field makes the link that recorded the old one suspect", () => {
    const rules = { fingerprintFields: { requirement: ["statement", "due"] } };
    const fr = (due: Date) => ({ id: "FR-1", key: "FR-1", type: "functional", title: "Quote", statement: "Quotes go out the same day.", due });
    const recorded = fingerprintOf(fr(new Date("2026-03-01T00:00:00Z")), ["statement", "due"]);
    const input = (due: Date) => ({
      requirements: [fr(due)],
      testCases: [{ id: "TC-1", key: "TC-1", title: "Send a quote" }],
      links: [{ id: "tl-1", from: { kind: "test-case", id: "TC-1" }, to: { kind: "requirement", id: "FR-1" }, linkType: "verifies", targetFingerprint: recorded }],
    } as const);
    expect(analyzeTraceability(input(new Date("2026-03-01T00:00:00Z")), rules).suspects).toEqual([]);
    // Before: [] too — the new date fingerprinted as `{}`, like the old one.
    expect(analyzeTraceability(input(new Date("2026-06-30T00:00:00Z")), rules).suspects.map((s) => s.link)).toEqual(["tl-1"]);
  });
});
