import * as z from "zod";

/**
 * @internal A lowercase slug, one schema for the skills and tags of several kinds: a letter or digit, then letters,
 * digits and dashes (`"sql"`, `"key-user"`).
 *
 * @example
 * ```ts
 * slugSchema.parse("key-user"); // "key-user"
 * ```
 */
export const slugSchema = /* @__PURE__ */ z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
