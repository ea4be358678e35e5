/**
 * The offset of the first byte sequence that is not well-formed UTF-8 (RFC 3629: no overlong forms, no encoded
 * surrogates, nothing beyond U+10FFFF, no sequence cut short at the end), or -1 when every byte is.
 *
 * @example
 * ```ts
 * utf8ErrorOffset(new Uint8Array([0x61, 0xff])); // 1
 * utf8ErrorOffset(new TextEncoder().encode("Café")); // -1
 * ```
 */
export function utf8ErrorOffset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // beyond U+10FFFF
    } else return i;
    if (i + need >= n) return i; // cut short at the end
    const second = bytes[i + 1]!;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * How many bytes at the end of a chunk start a UTF-8 sequence that the chunk cuts short (0–3): the part a
 * streaming decoder holds back for the next chunk.
 *
 * @example
 * ```ts
 * pendingUtf8Bytes(new Uint8Array([0x61, 0xe2, 0x82])); // 2 ("€" needs a third byte)
 * ```
 */
export function pendingUtf8Bytes(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return len > back ? back : 0;
  }
  return 0;
}
