import { describe, expect, it } from "vitest";
import { ALL_FILTER_OPS, createLinkTypeRegistry, createMemoryAdapter, diffFields, encodeCursor, fingerprintOf, pageOf, validateListQuery, ValidationError } from "../../src/index.js";

// Size pass 24: the trace store, the trace analysis and the memory adapter call these through unguarded internal
// twins (they pass checked values). The public functions keep their argument guards and give the same answers.

describe("public helpers keep their argument guards after the internal callers stopped using them", () => {
  it("refuse malformed arguments with a ValidationError naming the function", () => {
    for (const [name, call] of [
      ["fingerprintOf", () => fingerprintOf(null as never, ["statement"])],
      ["diffFields", () => diffFields({}, {}, "statement" as never)],
      ["createLinkTypeRegistry", () => createLinkTypeRegistry([1] as never)],
      ["pageOf", () => pageOf(null as never, { limit: 1 })],
      ["encodeCursor", () => encodeCursor({ value: 1, id: 7 } as never)],
      ["encodeCursor", () => encodeCursor({ value: Number.POSITIVE_INFINITY, id: "r-1" })],
      ["validateListQuery", () => validateListQuery(1 as never, { transactions: "none", filterOps: ALL_FILTER_OPS, maxPageSize: 10 }, { limit: 1 })],
      ["validateListQuery", () => validateListQuery("mine", { transactions: "none", filterOps: ALL_FILTER_OPS, maxPageSize: 10 }, null as never)],
    ] as const) {
      expect(call).toThrow(ValidationError);
      expect(call).toThrow(name);
    }
  });

  it("the memory adapter still refuses a query that is not an object, as validateListQuery did", async () => {
    const error = await createMemoryAdapter().store("person").list(null as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).subject).toBe("validateListQuery");
    expect((error as ValidationError).issues[0]!.path).toEqual(["query"]);
  });

  it("answer as before", () => {
    // Same fields, other key order and an unlisted field: one fingerprint (64 hex digits).
    const a = fingerprintOf({ statement: "Export CSV", acceptanceCriteria: ["UTF-8"] }, ["statement", "acceptanceCriteria"]);
    expect(fingerprintOf({ acceptanceCriteria: ["UTF-8"], statement: "Export CSV", status: "verified" }, ["statement", "acceptanceCriteria"])).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(diffFields({ statement: "a", title: "t" }, { statement: "b", title: "t" }, ["statement", "title"])).toEqual([{ field: "statement", before: "a", after: "b" }]);
    const reg = createLinkTypeRegistry([{ name: "custom:mitigates", inverse: "mitigated by", covers: true, implicit: false }]);
    expect(reg.def(reg.resolve("custom:mitigates")).inverse).toBe("mitigated by");
    const at = "2026-05-04T09:00:00.000Z";
    const records = ["r-3", "r-1", "r-2"].map((id) => ({ id, version: 1, createdAt: at, updatedAt: at }));
    const page = pageOf(records, { limit: 2 });
    expect(page.items.map((r) => r.id)).toEqual(["r-1", "r-2"]);
    expect(page.nextCursor).toBe(encodeCursor({ value: "r-2", id: "r-2" }));
  });
});
