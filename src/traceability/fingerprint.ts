import { PmoDecimal, ValidationError, checkArguments } from "../core/index.js";
import { sha256Hex } from "../core/sha256.js";
import type { TraceItemKind } from "./types.js";

/*
 * Fingerprints: SHA-256 (core/sha256) over a canonical JSON serialisation of the configured fields. Canonical
 * means object keys sorted by code unit, Decimals as plain strings, `undefined` fields left out — so the same content
 * gives the same fingerprint regardless of key order or how it was decoded.
 */

/**
 * The fields fingerprinted per item kind by default: what a change to means "read it again". Lifecycle fields
 * (status, owner, version, timestamps) are left out, as Doorstop leaves out `active` and `level`.
 *
 * @example
 * ```ts
 * DEFAULT_FINGERPRINT_FIELDS.requirement; // ["key", "type", "title", "statement", "acceptanceCriteria", "verificationMethod"]
 * ```
 */
export const DEFAULT_FINGERPRINT_FIELDS: Readonly<Record<TraceItemKind, readonly string[]>> = Object.freeze({
  requirement: ["key", "type", "title", "statement", "acceptanceCriteria", "verificationMethod"],
  artifact: ["artifactType", "name", "reference", "artifactVersion", "description"],
  "test-case": ["key", "title", "description", "steps", "expectedResult"],
  "test-run": ["testCaseId", "result", "environment", "softwareVersion", "executedAt"],
  defect: ["key", "title", "description", "severity", "requirementIds"],
});

/**
 * Canonical JSON of a value: keys sorted, Decimals as plain strings, Dates as ISO instants, `undefined` members
 * dropped. Refuses values JSON cannot represent faithfully (functions, symbols, bigints, non-finite numbers, invalid
 * Dates, Maps, Sets and other built-in objects, which have no own keys to read) and cyclic objects.
 *
 * @throws {ValidationError} for an unrepresentable or cyclic value, with its path (`["due"]`: `a Map cannot be
 *   fingerprinted`).
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, "x"] }); // '{"a":[true,"x"],"b":1}'
 * canonicalJson({ due: new Date("2026-03-01T00:00:00Z") }); // '{"due":"2026-03-01T00:00:00.000Z"}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown, path: (string | number)[]): string => {
    if (v === null) return "null";
    if (PmoDecimal.isDecimal(v)) return JSON.stringify((v as InstanceType<typeof PmoDecimal>).toFixed());
    // An object by its built-in tag: a Date as its ISO instant (the wire form); a Map, a Set or another built-in has
    // no own keys to read (each was `{}`), so it is refused, as is an invalid Date.
    const kind = typeof v === "object" ? Object.prototype.toString.call(v).slice(8, -1) : typeof v;
    switch (kind) {
      case "Date":
        if (!isFinite(v as never)) break;
        return JSON.stringify((v as Date).toISOString());
      case "string":
      case "boolean":
        return JSON.stringify(v);
      case "number":
        if (!Number.isFinite(v)) throw ValidationError.single(path, "a fingerprinted number must be finite", "fingerprint");
        return JSON.stringify(Object.is(v, -0) ? 0 : v);
      case "Array":
      case "Object": {
        const o = v as object;
        if (seen.has(o)) throw ValidationError.single(path, "a fingerprinted value must not be cyclic", "fingerprint");
        seen.add(o);
        let out: string;
        if (kind === "Array") {
          out = `[${(o as unknown[]).map((x, i) => (x === undefined ? "null" : walk(x, [...path, i]))).join(",")}]`;
        } else {
          const rec = o as Record<string, unknown>;
          const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort();
          out = `{${keys.map((k) => `${JSON.stringify(k)}:${walk(rec[k], [...path, k])}`).join(",")}}`;
        }
        seen.delete(o);
        return out;
      }
    }
    throw ValidationError.single(path, `a ${kind} cannot be fingerprinted`, "fingerprint");
  };
  return walk(value, []);
}

/**
 * The content fingerprint of an item: SHA-256 (64 lowercase hex digits) over the canonical JSON of the chosen
 * fields. Fields absent from the item count as absent, so adding an optional field changes the fingerprint.
 *
 * @example
 * ```ts
 * const a = fingerprintOf({ statement: "Export CSV", acceptanceCriteria: ["UTF-8"] }, ["statement", "acceptanceCriteria"]);
 * const b = fingerprintOf({ acceptanceCriteria: ["UTF-8"], statement: "Export CSV", status: "verified" }, ["statement", "acceptanceCriteria"]);
 * a === b; // true: key order and unlisted fields do not matter
 * ```
 */
export function fingerprintOf(item: Readonly<Record<string, unknown>>, fields: readonly string[]): string {
  checkArguments("fingerprintOf", { item: [item, "object"], fields: [fields, "array"] });
  return fingerprintOfFields(item, fields);
}

/**
 * @internal `fingerprintOf` without its argument guard, for the trace store: its items and the rules' field lists are
 * checked on the way in.
 *
 * @example
 * ```ts
 * fingerprintOfFields(requirement, ["statement"]) === fingerprintOf(requirement, ["statement"]); // true
 * ```
 */
export const fingerprintOfFields = (item: Readonly<Record<string, unknown>>, fields: readonly string[]): string => sha256Hex(canonicalJson(pickFields(item, fields)));

/**
 * The requirement fingerprint with the default fields: what acknowledgements and trace links should record.
 *
 * @example
 * ```ts
 * const fp = requirementFingerprint(requirement); // "3b1f…" (64 hex digits)
 * ```
 */
export function requirementFingerprint(requirement: Readonly<Record<string, unknown>>): string {
  checkArguments("requirementFingerprint", { requirement: [requirement, "object"] });
  return fingerprintOf(requirement, DEFAULT_FINGERPRINT_FIELDS.requirement);
}

/** One field that differs between two versions of an item's content. */
export interface TraceFieldChange {
  /** The field name. */
  readonly field: string;
  /** Value before (undefined when absent). */
  readonly before: unknown;
  /** Value after (undefined when absent). */
  readonly after: unknown;
}

/**
 * Field-level diff of two contents over the chosen fields (compared canonically, so key order inside a value does
 * not count as a change).
 *
 * @example
 * ```ts
 * diffFields({ statement: "a", title: "t" }, { statement: "b", title: "t" }, ["statement", "title"]);
 * // [{ field: "statement", before: "a", after: "b" }]
 * ```
 */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): readonly TraceFieldChange[] {
  checkArguments("diffFields", { before: [before, "object"], after: [after, "object"], fields: [fields, "array"] });
  return fieldChanges(before, after, fields);
}

/**
 * @internal `diffFields` without its argument guard, for the trace analysis and baseline diff (they pass stored items'
 * contents and the rules' field lists).
 *
 * @example
 * ```ts
 * fieldChanges({ statement: "a" }, { statement: "b" }, ["statement"]); // [{ field: "statement", before: "a", after: "b" }]
 * ```
 */
export function fieldChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): readonly TraceFieldChange[] {
  const out: TraceFieldChange[] = [];
  for (const f of fields) {
    // Own fields only: a field named "constructor" that one side lacks is absent there, not Object.prototype's.
    const b = Object.hasOwn(before, f) ? before[f] : undefined;
    const a = Object.hasOwn(after, f) ? after[f] : undefined;
    // As the fingerprint counts them: an absent field differs from one set to null.
    const form = (v: unknown) => (v === undefined ? undefined : canonicalJson(v));
    if (form(b) !== form(a)) out.push({ field: f, before: b, after: a });
  }
  return out;
}

function pickFields(item: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // defineProperty: a field named "__proto__" is kept as a field, not taken as the copy's prototype.
  for (const f of fields) if (Object.hasOwn(item, f)) Object.defineProperty(out, f, { value: item[f], enumerable: true, writable: true, configurable: true });
  return out;
}
