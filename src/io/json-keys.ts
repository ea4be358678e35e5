/** One key given twice in a JSON object: where the object is, and the key. */
export interface DuplicateJsonKey {
  /** Path of the object holding the key (property names and array indexes from the root). */
  readonly path: readonly (string | number)[];
  /** The key, decoded (`"\u0061"` is `a`). */
  readonly key: string;
}

type Frame = { readonly kind: "object"; readonly path: (string | number)[]; readonly keys: Set<string>; key: string | undefined; expectKey: boolean }
  | { readonly kind: "array"; readonly path: (string | number)[]; index: number };

/**
 * The keys given twice in the objects of a JSON text, which `JSON.parse` silently resolves by keeping the last one
 * (a dataset merged by hand with `"project"` twice loses the first list). The text must already have parsed
 * (`JSON.parse` first): this only walks its tokens, in one pass, without building values. At most `limit` are
 * listed.
 * @internal
 * @example
 * ```ts
 * duplicateJsonKeys('{"a":1,"b":{"c":2,"c":3}}'); // [{ path: ["b"], key: "c" }]
 * ```
 */
export function duplicateJsonKeys(text: string, limit = 100): DuplicateJsonKey[] {
  const out: DuplicateJsonKey[] = [];
  const stack: Frame[] = [];
  const childPath = (): (string | number)[] => {
    const top = stack.at(-1);
    if (top === undefined) return [];
    return [...top.path, top.kind === "object" ? (top.key ?? "") : top.index];
  };
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      let escaped = false;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) {
          escaped = true;
          j++;
        } else if (d === 0x22) break;
      }
      const top = stack.at(-1);
      if (top?.kind === "object" && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.keys.has(key)) out.push({ path: top.path, key });
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) stack.push({ kind: "object", path: childPath(), keys: new Set(), key: undefined, expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ kind: "array", path: childPath(), index: 0 });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.kind === "object") top.expectKey = true;
      else if (top?.kind === "array") top.index++;
    }
  }
  return out;
}
