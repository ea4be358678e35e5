import type { FieldChange } from "../entities/audit-event.js";

/** A field change in wire form, as an audit event records it. */
export type WireFieldChange = { readonly path: (string | number)[]; readonly before?: unknown; readonly after?: unknown };

const STORAGE_FIELDS = new Set(["id", "version", "createdAt", "updatedAt"]);
const MAX_DEPTH = 30;
const MAX_CHANGES = 1_000;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
// Own entries only: a key "constructor" present on one side is added or removed, never Object.prototype's member.
const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  }
  return false;
}

function change(path: (string | number)[], before: unknown, after: unknown): WireFieldChange {
  return { path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

function walk(before: unknown, after: unknown, path: (string | number)[], out: WireFieldChange[]): void {
  if (same(before, after)) return;
  if (path.length < MAX_DEPTH && isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (path.length === 0 && STORAGE_FIELDS.has(key)) continue;
      walk(own(before, key), own(after, key), [...path, key], out);
    }
    return;
  }
  // Arrays of the same length are compared element by element (a checklist item's evidence, a wave's count);
  // otherwise the whole array is one change.
  if (path.length < MAX_DEPTH && Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((b, i) => walk(b, after[i], [...path, i], out));
    return;
  }
  out.push(change(path, before, after));
}

/**
 * The field-level changes between two wire forms of one entity: each changed leaf (or whole array, when its length
 * changed) with its value before and after. Storage-managed fields (`version`, `updatedAt`, …) are left out.
 * Very large diffs (over 1,000 leaves) are recorded per top-level field instead.
 *
 * @example
 * ```ts
 * fieldChanges({ status: "todo", evidence: [] }, { status: "done", evidence: [] });
 * // [{ path: ["status"], before: "todo", after: "done" }]
 * ```
 */
export function fieldChanges(before: object | undefined, after: object | undefined): FieldChange[] {
  const out: WireFieldChange[] = [];
  walk(before ?? {}, after ?? {}, [], out);
  if (out.length > MAX_CHANGES) {
    const top: WireFieldChange[] = [];
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
      if (!STORAGE_FIELDS.has(key) && !same(own(b, key), own(a, key))) top.push(change([key], own(b, key), own(a, key)));
    }
    return top as FieldChange[];
  }
  return out as FieldChange[];
}
