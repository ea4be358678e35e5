import { expect } from "vitest";
import { PmoDecimal, type Decimal } from "../../src/core/index.js";

/*
 * Harness for the prototype-key audit: run a public function once with ordinary keys and once with the same input
 * where those keys are renamed to names Object.prototype answers to, and compare the results modulo the renaming.
 */

/**
 * Names a plain object answers from its prototype (or, for `__proto__`, treats as the prototype itself), in code-unit
 * order, so that renaming keeps the order of sorted output.
 */
export const HOSTILE = ["__proto__", "constructor", "hasOwnProperty", "prototype", "toString", "valueOf"] as const;

/**
 * Ordinary stand-ins, one per hostile name, in the same order; no token is a substring of another or of any other
 * text in the inputs.
 */
export const ORDINARY = HOSTILE.map((_, i) => `kq${i}z`);

/** The hostile names an entity id may take (the id schema refuses `__proto__`). */
export const HOSTILE_IDS = HOSTILE.filter((h) => h !== "__proto__");

type Renaming = ReadonlyMap<string, string>;

/** A renaming from the ordinary tokens to the hostile names (all, or those given). */
export function renaming(names: readonly string[] = HOSTILE): Renaming {
  return new Map(names.map((h) => [ORDINARY[HOSTILE.indexOf(h as (typeof HOSTILE)[number])]!, h]));
}

const renameText = (s: string, r: Renaming) => {
  let out = s;
  for (const [from, to] of r) out = out.split(from).join(to);
  return out;
};

const isPlain = (v: object) => {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
};

/** Renames the tokens in every string and every key of a value (plain objects, arrays, Maps, Sets); others kept. */
export function rename<T>(value: T, r: Renaming): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return renameText(v, r);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Map) return new Map([...v].map(([k, x]) => [walk(k), walk(x)]));
    if (v instanceof Set) return new Set([...v].map(walk));
    if (typeof v === "object" && v !== null && isPlain(v)) {
      const out: Record<string, unknown> = {};
      // defineProperty: a renamed "__proto__" key becomes an own entry, exactly as JSON.parse would make it.
      for (const k of Object.keys(v)) Object.defineProperty(out, renameText(k, r), { value: walk((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** A comparable form: own entries as arrays (so `__proto__` is an ordinary key), Decimals as strings. */
export function canonical(value: unknown): unknown {
  if (PmoDecimal.isDecimal(value)) return `decimal ${(value as Decimal).toString()}`;
  if (typeof value === "function") return `function ${value.name}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Map) return ["Map", [...value].map(([k, v]) => [canonical(k), canonical(v)])];
  if (value instanceof Set) return ["Set", [...value].map(canonical)];
  if (value instanceof Error) return ["Error", value.name, value.message, canonical((value as { issues?: unknown }).issues)];
  // Content hashes (trace fingerprints) legitimately change with the renamed content.
  if (typeof value === "string") return value.replace(/\b[0-9a-f]{64}\b/g, "<sha256>");
  if (typeof value === "object" && value !== null) return ["Object", Object.keys(value).map((k) => [k, canonical((value as Record<string, unknown>)[k])])];
  return value;
}

const outcome = async (run: () => unknown): Promise<unknown> => {
  try {
    return { ok: canonical(await run()) };
  } catch (e) {
    return { threw: canonical(e) };
  }
};

/**
 * Runs `fn` on `input` and on the renamed input, and expects the renamed first outcome (a result or a thrown error)
 * to equal the second. Also checks that the ordinary run succeeded, so the comparison is not two equal failures
 * (unless `mayThrow`).
 */
export async function expectSameModuloRenaming<I>(
  input: I,
  fn: (input: I) => unknown,
  r: Renaming = renaming(),
  opts: { mayThrow?: boolean; unordered?: boolean } = {},
): Promise<void> {
  const ordinary = await outcome(() => fn(input));
  if (!opts.mayThrow) expect(ordinary, "the ordinary run must succeed").toHaveProperty("ok");
  const hostile = await outcome(() => fn(rename(input, r)));
  // unordered: a result listed in key order (which the renaming changes) is compared as a set.
  const order = (o: unknown) => {
    const ok = (o as { ok?: unknown }).ok;
    return opts.unordered && Array.isArray(ok) ? { ok: [...ok].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) } : o;
  };
  expect(order(hostile)).toEqual(order(rename(ordinary, r)));
}

/** A snapshot of Object.prototype: its own property names and their values. */
export function prototypeSnapshot(): unknown {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)]);
}
