import { entityJsonSchema } from "../../entities/index.js";
import { DECIMAL_PATTERN } from "../../core/decimal.js";
import type { CsvKind } from "./profiles.js";

type JsonNode = { readonly type?: string; readonly pattern?: string; readonly properties?: Readonly<Record<string, JsonNode>> };

const schemas = new Map<CsvKind, JsonNode>();

/**
 * The JSON Schema node of a field path of a CSV kind's wire form (`amount.amount`), walking object properties only
 * (own keys), or `undefined` when the kind has no such field.
 *
 * @example
 * ```ts
 * csvFieldNode("cost-entry", "amount.amount"); // { type: "string", pattern: "^-?\\d+(\\.\\d+)?$", … }
 * csvFieldNode("cost-entry", "amount.value");  // undefined
 * ```
 * @internal
 */
export function csvFieldNode(kind: CsvKind, path: string): JsonNode | undefined {
  let node = schemas.get(kind);
  if (node === undefined) {
    node = entityJsonSchema(kind) as JsonNode;
    schemas.set(kind, node);
  }
  for (const p of path.split(".")) {
    const props: Readonly<Record<string, JsonNode>> | undefined = node?.properties;
    if (props === undefined || !Object.hasOwn(props, p)) return undefined;
    node = props[p];
  }
  return node;
}

/**
 * Whether a field path holds an exact decimal on the wire (money amounts, exchange rates): the decimal codec's
 * pattern `-?digits(.digits)?`.
 *
 * @example
 * ```ts
 * isDecimalField("cost-entry", "amount.amount"); // true
 * isDecimalField("cost-entry", "sourceRef");     // false
 * ```
 * @internal
 */
export function isDecimalField(kind: CsvKind, path: string): boolean {
  const node = csvFieldNode(kind, path);
  return node?.type === "string" && node.pattern === DECIMAL_PATTERN.source;
}

/** The keys an object node requires, else all its keys. */
const keysOf = (node: JsonNode & { readonly required?: readonly string[] }) => node.required ?? Object.keys(node.properties ?? {});
const sampleObject = (keys: readonly string[]) => `{${keys.map((k) => `"${k}": …`).join(", ")}}`;

/**
 * What a JSON column holds, in words with a sample, from the field's JSON Schema: `a JSON object with reason, such as
 * {"reason": …}`, `a JSON list of objects with skill, period, hours, such as [{"skill": …, "period": …, "hours": …}]`;
 * `undefined` for a field of another shape. Only the required keys are named.
 *
 * @example
 * ```ts
 * jsonColumnShape("request", "mandatory"); // 'a JSON object with reason, such as {"reason": …}'
 * ```
 * @internal
 */
export function jsonColumnShape(kind: CsvKind, path: string): string | undefined {
  const node = csvFieldNode(kind, path) as (JsonNode & { readonly items?: JsonNode }) | undefined;
  if (node?.type === "object") return `a JSON object with ${keysOf(node).join(", ")}, such as ${sampleObject(keysOf(node))}`;
  if (node?.type !== "array") return undefined;
  const item = node.items;
  return item?.type === "object" ? `a JSON list of objects with ${keysOf(item).join(", ")}, such as [${sampleObject(keysOf(item))}]` : "a JSON list, such as [ … ]";
}

/**
 * The JSON cell a column of one required text field (a request's `mandatory`: `{ reason }`) holds for `text` written
 * bare, as `[key, cell]`: `["reason", '{"reason":"GDPR Art. 30"}']`, what export writes; `undefined` for a column of
 * another shape.
 *
 * @example
 * ```ts
 * jsonCellFor("request", "mandatory", "GDPR Art. 30"); // ["reason", '{"reason":"GDPR Art. 30"}']
 * ```
 * @internal
 */
export function jsonCellFor(kind: CsvKind, path: string, text: string): [key: string, cell: string] | undefined {
  const node = csvFieldNode(kind, path);
  const [key, more] = node?.type === "object" ? keysOf(node) : [];
  const props = node?.properties;
  if (key === undefined || more !== undefined || props === undefined || !Object.hasOwn(props, key) || props[key]?.type !== "string") return undefined;
  return [key, JSON.stringify({ [key]: text.trim() })];
}
