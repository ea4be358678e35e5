import * as z from "zod";
import { emptyDictionary } from "../own.js";

/**
 * @internal A record schema for dictionaries keyed by user strings (periods, skills, criterion labels). Unlike
 * `z.record`, which silently drops an own `__proto__` key, it keeps every own enumerable key, `__proto__` and
 * `constructor` included, and returns a prototype-less object, so that a lookup of any key finds the entry or
 * nothing. Issues carry the key in their path, as `z.record`'s do.
 */
export function dictionarySchema<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .custom<Record<string, z.input<V>>>((v) => typeof v === "object" && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v)), { message: "expected an object" })
    .transform((input, ctx) => {
      const out = emptyDictionary<z.output<V>>();
      for (const k of Object.keys(input)) {
        const kr = key.safeParse(k);
        if (!kr.success) for (const iss of kr.error.issues) ctx.issues.push({ code: "custom", message: iss.message, path: [k], input: k });
        const vr = value.safeParse(input[k]);
        if (!vr.success) for (const iss of vr.error.issues) ctx.issues.push({ ...iss, path: [k, ...iss.path] } as z.core.$ZodRawIssue);
        else out[k] = vr.data as z.output<V>;
      }
      return out;
    });
}
