import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createSequentialIdGenerator, createUuidV7Generator, defaultIdGenerator } from "../../src/core/ids.js";

/** RFC 9562 layout: 8-4-4-4-12 lowercase hex, version nibble 7, variant bits 10xx (8, 9, a or b). */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const timestampOf = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
const counterOf = (id: string) => Number.parseInt(id.slice(15, 18), 16); // the 12 bits after the version nibble

/** Deterministic byte source (mulberry32). */
function seededRandom(seed: number): (bytes: Uint8Array) => void {
  let a = seed >>> 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
  };
}

const zeros = (bytes: Uint8Array) => bytes.fill(0);
const ones = (bytes: Uint8Array) => bytes.fill(0xff);

describe("createUuidV7Generator", () => {
  it("lays out timestamp, version, counter and variant (hand-derived)", () => {
    const ms = 0x0193a6f06c1e;
    // All-zero random bytes: counter 0 → "7000"; variant byte 0x80 | 0 → "8000"; the rest zero.
    expect(createUuidV7Generator({ now: () => ms, random: zeros })()).toBe("0193a6f0-6c1e-7000-8000-000000000000");
    // All-0xff: counter starts at (0xff & 0x07) << 8 | 0xff = 0x7ff → "77ff"; variant 0x80 | 0x3f = 0xbf → "bfff".
    expect(createUuidV7Generator({ now: () => ms, random: ones })()).toBe("0193a6f0-6c1e-77ff-bfff-ffffffffffff");
    // Epoch 0 and the largest 48-bit timestamp.
    expect(createUuidV7Generator({ now: () => 0, random: zeros })()).toBe("00000000-0000-7000-8000-000000000000");
    expect(createUuidV7Generator({ now: () => 2 ** 48 - 1, random: zeros })()).toBe("ffffffff-ffff-7000-8000-000000000000");
  });

  it("copies the random bytes into rand_b (bytes 9–15 verbatim, byte 8 keeps its low 6 bits)", () => {
    const fill = (bytes: Uint8Array) => bytes.forEach((_, i) => (bytes[i] = 0x10 + i));
    const id = createUuidV7Generator({ now: () => 1, random: fill })();
    // byte 8 = 0x18 → 0x80 | 0x18 = 0x98; byte 9 = 0x19; bytes 10–15 = 1a … 1f.
    // Counter from bytes 6–7: (0x16 & 0x07) << 8 | 0x17 = 0x617.
    expect(id).toBe("00000000-0001-7617-9819-1a1b1c1d1e1f");
  });

  it("is strictly increasing for 10,000 ids in the same millisecond (counter, then borrowed milliseconds)", () => {
    const ms = 1_764_079_380_000; // 2025-11-25T14:03:00Z
    const next = createUuidV7Generator({ now: () => ms, random: zeros });
    const ids = Array.from({ length: 10_000 }, next);
    for (const id of ids) expect(id).toMatch(UUID_V7);
    for (let i = 1; i < ids.length; i++) expect((ids[i - 1] as string) < (ids[i] as string)).toBe(true);
    expect(new Set(ids).size).toBe(10_000);
    // Counter 0 … 0xfff fills the first millisecond (4096 ids); the 4097th borrows ms + 1 and restarts at 0.
    expect(timestampOf(ids[4095] as string)).toBe(ms);
    expect(counterOf(ids[4095] as string)).toBe(0xfff);
    expect(timestampOf(ids[4096] as string)).toBe(ms + 1);
    expect(counterOf(ids[4096] as string)).toBe(0);
    expect(timestampOf(ids[9999] as string)).toBe(ms + 2); // 10000 = 2·4096 + 1808
    expect(counterOf(ids[9999] as string)).toBe(10_000 - 1 - 2 * 4096);
  });

  it("is strictly increasing in one millisecond with random counters too (seeded)", () => {
    const next = createUuidV7Generator({ now: () => 1_000, random: seededRandom(42) });
    const ids = Array.from({ length: 10_000 }, next);
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(counterOf(ids[0] as string)).toBeLessThan(0x800); // a random start below 0x800 leaves room to count
  });

  it("is time-ordered across milliseconds and stays monotonic when the clock goes back", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 2 ** 40 }), (steps, start) => {
        let t = start;
        let i = 0;
        const next = createUuidV7Generator({ now: () => t, random: seededRandom(7) });
        const ids: string[] = [];
        let maxSeen = -1;
        for (const s of steps) {
          t = Math.max(0, t + s);
          const id = next();
          ids.push(id);
          expect(id).toMatch(UUID_V7);
          maxSeen = Math.max(maxSeen, t);
          // The timestamp is the clock's, or the latest one used when the clock went back.
          expect(timestampOf(id)).toBeGreaterThanOrEqual(maxSeen);
          expect(timestampOf(id)).toBeLessThanOrEqual(maxSeen + 1);
          if (i > 0) expect((ids[i - 1] as string) < id).toBe(true);
          i++;
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("uses the real clock and crypto by default", () => {
    const before = Date.now();
    const next = createUuidV7Generator();
    const ids = Array.from({ length: 1000 }, next);
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(1000);
    expect(timestampOf(ids[0] as string)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(ids[999] as string)).toBeLessThanOrEqual(after + 1);
    expect([...ids].sort()).toEqual(ids);
    expect(defaultIdGenerator()).toMatch(UUID_V7);
  });
});

describe("createSequentialIdGenerator", () => {
  it("counts from 1 with zero padding", () => {
    const next = createSequentialIdGenerator("REQ");
    expect([next(), next(), next()]).toEqual(["REQ-0001", "REQ-0002", "REQ-0003"]);
  });

  it("honours the width and grows past it", () => {
    const next = createSequentialIdGenerator("X", 2);
    const ids = Array.from({ length: 100 }, next);
    expect(ids[0]).toBe("X-01");
    expect(ids[98]).toBe("X-99");
    expect(ids[99]).toBe("X-100");
  });

  it("generators are independent", () => {
    const a = createSequentialIdGenerator("A");
    const b = createSequentialIdGenerator("B");
    expect([a(), a(), b(), a()]).toEqual(["A-0001", "A-0002", "B-0001", "A-0003"]);
  });
});
