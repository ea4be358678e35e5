/*
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, for content fingerprints. Written out here rather than taken from
 * @noble/hashes: its streaming Hash classes (update, clone, digestInto with their buffer checks) were 2.4 kB gzip of
 * every bundle that builds a trace graph, for one-shot hashes of short canonical JSON. Checked against node:crypto
 * and the FIPS 180-4 examples in test/core/sha256.test.ts.
 */

/** H(0), K and the message schedule W, made on first use. */
let tables: [Int32Array, Int32Array, Int32Array] | undefined;

/** The first 32 bits of the fractional part of x, as FIPS 180-4 §4.2.2 and §5.3.3 define the constants. */
const fraction32 = (x: number): number => ((x - Math.floor(x)) * 2 ** 32) | 0;

/** H(0): square roots of the first 8 primes; K: cube roots of the first 64 primes. */
function constants(): [Int32Array, Int32Array, Int32Array] {
  if (!tables) {
    const primes: number[] = [];
    for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p)) primes.push(n);
    tables = [Int32Array.from(primes.slice(0, 8), (p) => fraction32(Math.sqrt(p))), Int32Array.from(primes, (p) => fraction32(Math.cbrt(p))), new Int32Array(64)];
  }
  return tables;
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/**
 * @internal The SHA-256 digest of `text` (encoded as UTF-8), as 64 lowercase hex digits.
 *
 * @example
 * ```ts
 * sha256Hex("abc"); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export function sha256Hex(text: string): string {
  const [h0, k, w] = constants();
  const bytes = new TextEncoder().encode(text);
  const n = bytes.length;
  // The message padded to whole 64-byte blocks: a 1 bit, zeros, then the length in bits as a 64-bit big-endian number.
  const size = (((n + 8) >>> 6) + 1) * 64;
  const padded = new Uint8Array(size);
  padded.set(bytes);
  padded[n] = 0x80;
  const m = new DataView(padded.buffer);
  m.setUint32(size - 8, n / 2 ** 29);
  m.setUint32(size - 4, n << 3);
  const h = Int32Array.from(h0);
  for (let at = 0; at < size; at += 64) {
    for (let t = 0; t < 16; t++) w[t] = m.getInt32(at + t * 4);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] as number, b = w[t - 2] as number;
      w[t] = (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)) + (w[t - 7] as number) + (w[t - 16] as number);
    }
    let a = h[0] as number, b = h[1] as number, c = h[2] as number, d = h[3] as number;
    let e = h[4] as number, f = h[5] as number, g = h[6] as number, hh = h[7] as number;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (k[t] as number) + (w[t] as number)) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0]! += a; h[1]! += b; h[2]! += c; h[3]! += d; h[4]! += e; h[5]! += f; h[6]! += g; h[7]! += hh;
  }
  return Array.from(h, (x) => (x >>> 0).toString(16).padStart(8, "0")).join("");
}
