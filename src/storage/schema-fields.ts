/** The parts of a zod schema the field walkers read. */
export interface ZodLike {
  readonly shape?: Record<string, unknown>;
  readonly _zod?: { readonly def?: { readonly type?: string; readonly innerType?: unknown; readonly in?: unknown } };
}

/** A schema's zod definition, if it is one. */
export const defOf = (s: unknown) => (s as ZodLike | undefined)?._zod?.def;

const unwrap = (s: unknown): unknown => {
  const def = defOf(s);
  return def && (def.type === "optional" || def.type === "default" || def.type === "nullable") ? unwrap(def.innerType) : s;
};

/**
 * Walks an entity schema's fields (optional, default and nullable unwrapped) by dot path, into nested objects too
 * (`fxRate.date`, `estimateToComplete.amount.amount`); arrays have no fields a path reaches. `take` returns true for a
 * field it keeps, which is then not walked into. One walker for the date and decimal filters.
 *
 * @example
 * ```ts
 * walkFields(entityKinds["cost-entry"].schema, (path, s) => s === isoDateCodec && !!dates.add(path));
 * ```
 */
export function walkFields(schema: unknown, take: (path: string, inner: unknown) => boolean): void {
  const walk = (shape: Record<string, unknown> | undefined, prefix: string, depth: number): void => {
    for (const [field, s] of Object.entries(shape ?? {})) {
      const inner = unwrap(s);
      if (!take(prefix + field, inner) && defOf(inner)?.type === "object" && depth < 8) walk((inner as ZodLike).shape, `${prefix}${field}.`, depth + 1);
    }
  };
  walk((schema as ZodLike | undefined)?.shape, "", 0);
}
