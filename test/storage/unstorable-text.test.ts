import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError, createMemoryAdapter, createRepositories, decodeEntity, unstorableText } from "../../src/index.js";

// issue 12 #9 / issue 15 #4: NUL and lone UTF-16 surrogates are refused by the entity codecs, one rule for every
// string field of every kind, with the path of the field; well-formed text of every kind is accepted.

const T = "2026-01-05T09:00:00.000Z";

describe("text a database cannot hold", () => {
  it("names NUL and lone surrogates, and accepts surrogate pairs", () => {
    expect(unstorableText("lone \ud800 surrogate")).toBe("contains a lone UTF-16 surrogate at index 5");
    expect(unstorableText("x\udc00")).toBe("contains a lone UTF-16 surrogate at index 1");
    expect(unstorableText("\udc00\ud800")).toBe("contains a lone UTF-16 surrogate at index 0");
    expect(unstorableText("a\u0000b")).toBe("contains a NUL character at index 1");
    expect(unstorableText("😀 e\u0301 שלום \u0001")).toBeNull();
  });

  it("agrees with well-formedness on any string (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "é", "\ud800", "\udc00", "\u0000", "😀", "\u0301") }), (s) => {
        const wellFormed = (s as string & { isWellFormed(): boolean }).isWellFormed();
        expect(unstorableText(s) === null).toBe(wellFormed && !s.includes("\u0000"));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("names the first lone surrogate's index as the former code-unit scan did (property; size pass 24 reads it with one regex)", () => {
    // The scan unstorableText used before: a high surrogate takes the low one after it as a pair; the first code unit
    // left unpaired is the index.
    const firstLone = (s: string): number => {
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
          const next = s.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++;
            continue;
          }
          return i;
        }
        if (c >= 0xdc00 && c <= 0xdfff) return i;
      }
      return -1;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\ud800", "\udbff", "\udc00", "\udfff", "😀") }), (s) => {
        const i = firstLone(s);
        expect(unstorableText(s)).toBe(i < 0 ? null : `contains a lone UTF-16 surrogate at index ${i}`);
      }),
      { seed: 24, numRuns: 2000 },
    );
  });

  it("issue 12 #9: the codec refuses a lone surrogate in notes-like text fields with the path, on decode and on create", async () => {
    const wire = { id: "ce-1", version: 1, createdAt: T, updatedAt: T, projectId: "prj-1", date: "2026-01-05", amount: { amount: "1.00", currency: "EUR" }, category: "software", expenditure: "opex", description: "lone \ud800 surrogate" };
    try {
      decodeEntity("cost-entry", wire);
      expect.unreachable("a lone surrogate must be refused");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["description"]]);
    }
    const repos = createRepositories(createMemoryAdapter());
    await expect(repos.person.create({ name: "Ana", roles: ["qa"], skills: ["sql\u0000"] } as never)).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["skills", 0] })]),
    });
    expect((await repos.person.list()).items).toEqual([]);
  });
});
