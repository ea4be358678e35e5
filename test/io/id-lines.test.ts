import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdLines } from "../../src/io/csv/id-lines.js";

describe("issue 18 #2: IdLines, the compact index of ids already seen", () => {
  it("answers exactly what a Map would, through many rehashes (property)", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("ce-1", "ce-10", "é", "😀", "")), { maxLength: 3000 }), (ids) => {
      const index = new IdLines();
      const map = new Map<string, number>();
      ids.forEach((id, i) => {
        expect(index.claim(id, i + 2)).toBe(map.get(id));
        if (!map.has(id)) map.set(id, i + 2);
      });
    }), { numRuns: 60 });
  });

  it("keeps 200,000 ids apart and finds the repeats", () => {
    const index = new IdLines();
    let repeats = 0;
    for (let i = 0; i < 200_000; i++) if (index.claim(`ce-${i}`, i + 2) !== undefined) repeats++;
    expect(repeats).toBe(0);
    // Hand-checked: ce-0 was claimed on line 2, ce-199999 on line 200001.
    expect([index.claim("ce-0", 1), index.claim("ce-199999", 1), index.claim("ce-200000", 1)]).toEqual([2, 200_001, undefined]);
  });
});
