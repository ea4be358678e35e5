import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sha256Hex } from "../../src/core/sha256.js";

const reference = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex (the fingerprints' hash)", () => {
  it("gives the FIPS 180-4 example digests", () => {
    // FIPS 180-4 / NIST CSRC examples: one block ("abc"), the empty message, two blocks (448 bits).
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });

  it("equals node:crypto at every padding boundary (55, 56, 63, 64, 65 bytes and multi-block) and on non-ASCII text", () => {
    // 55 bytes is the longest message whose length still fits the first block; 56 needs a second block of padding.
    for (let n = 0; n <= 260; n++) expect(sha256Hex("a".repeat(n)), `length ${n}`).toBe(reference("a".repeat(n)));
    for (const s of ["Übergabe ✓", "漢字テスト", "emoji 🙂 pair", "\u0000nul", '{"statement":"Export CSV"}']) expect(sha256Hex(s)).toBe(reference(s));
    expect(sha256Hex("x".repeat(100_000))).toBe(reference("x".repeat(100_000)));
  });

  it("equals node:crypto on arbitrary strings", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => sha256Hex(s) === reference(s)), { numRuns: 500 });
  });

  it("derives its round constants far from a truncation boundary (any correctly rounded cbrt/sqrt gives the same bits)", () => {
    // K and H(0) are the first 32 fraction bits of cube and square roots of primes. A root off by a few ulps (an engine's
    // Math.cbrt) could flip a bit only if 2^32 × fraction lay within ~1e-5 of a whole number; the nearest lies 0.0055 away
    // (H(0) for 19), the nearest of the K 0.025.
    const primes: number[] = [];
    for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n);
    const margin = (x: number) => { const f = (x - Math.floor(x)) * 2 ** 32; return Math.min(f - Math.floor(f), Math.ceil(f) - f); };
    const closest = Math.min(...primes.map((p) => margin(Math.cbrt(p))), ...primes.slice(0, 8).map((p) => margin(Math.sqrt(p))));
    expect(closest).toBeGreaterThan(1e-3);
  });
});
