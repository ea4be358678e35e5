import { checkArguments } from "../core/index.js";
import { TRACE_LINK_TYPES } from "../entities/index.js";

/**
 * A link type of the trace graph, read "from <name> to" and, backwards, "to <inverse> from": a test case `verifies`
 * a requirement, the requirement is `verified by` the test case.
 */
export interface TraceLinkTypeDef {
  /** The name as on the trace link (`verifies`, `custom:mitigates`). */
  readonly name: string;
  /** The label read from the target's side (`verified by`, `mitigated by`). */
  readonly inverse: string;
  /** Whether a link of this type counts as coverage of its target (`depends-on` does not, as OFT's `Depends`). */
  readonly covers: boolean;
  /**
   * True for links the graph derives from the entities themselves rather than from trace links: a run `executes`
   * its test case, a defect `affects` its requirements and was `found-in` a run.
   */
  readonly implicit: boolean;
}

const INVERSE: Record<(typeof TRACE_LINK_TYPES)[number], string> = {
  derives: "derived into",
  refines: "refined by",
  satisfies: "satisfied by",
  implements: "implemented by",
  verifies: "verified by",
  "depends-on": "needed by",
};

/**
 * The built-in link types with their inverse labels, followed by the implicit ones (`executes`, `affects`,
 * `found-in`) the graph derives from test runs and defects.
 *
 * @example
 * ```ts
 * BUILT_IN_LINK_TYPES.find((t) => t.name === "verifies")?.inverse; // "verified by"
 * ```
 */
export const BUILT_IN_LINK_TYPES: readonly TraceLinkTypeDef[] = Object.freeze([
  ...TRACE_LINK_TYPES.map((name) => ({ name, inverse: INVERSE[name], covers: name !== "depends-on", implicit: false })),
  { name: "executes", inverse: "executed by", covers: false, implicit: true },
  { name: "affects", inverse: "affected by", covers: false, implicit: true },
  { name: "found-in", inverse: "found", covers: false, implicit: true },
]);

/**
 * Resolves link type names to small integers once, so the analysis compares numbers, not strings. Custom types come
 * from the rule set; a custom type a link uses but the rules do not declare is added with a generic inverse label,
 * covers nothing (a misspelt type must not count as coverage) and is reported by the structural checks as
 * `unknown-link-type`.
 *
 * @example
 * ```ts
 * const reg = createLinkTypeRegistry([{ name: "custom:mitigates", inverse: "mitigated by", covers: true, implicit: false }]);
 * reg.def(reg.resolve("custom:mitigates")).inverse; // "mitigated by"
 * ```
 */
export function createLinkTypeRegistry(custom: readonly TraceLinkTypeDef[]): LinkTypeRegistry {
  checkArguments("createLinkTypeRegistry", { custom: [custom, "object[]"] });
  return linkTypeRegistry(custom);
}

/**
 * @internal `createLinkTypeRegistry` without its argument guard, for the trace store (the rules' link types are
 * checked by their schema).
 *
 * @example
 * ```ts
 * linkTypeRegistry([]).def(linkTypeRegistry([]).resolve("verifies")).inverse; // "verified by"
 * ```
 */
export function linkTypeRegistry(custom: readonly TraceLinkTypeDef[]): LinkTypeRegistry {
  const defs: TraceLinkTypeDef[] = [];
  const index = new Map<string, number>();
  const declared = new Set<number>();
  const add = (d: TraceLinkTypeDef): number => {
    const existing = index.get(d.name);
    if (existing !== undefined) {
      defs[existing] = d;
      return existing;
    }
    index.set(d.name, defs.length);
    defs.push(d);
    return defs.length - 1;
  };
  for (const d of BUILT_IN_LINK_TYPES) declared.add(add(d));
  for (const d of custom) declared.add(add(d));
  return {
    resolve(name) {
      return index.get(name) ?? add({ name, inverse: `${name} (inverse)`, covers: false, implicit: false });
    },
    find: (name) => index.get(name),
    def: (i) => defs[i] as TraceLinkTypeDef,
    isDeclared: (i) => declared.has(i),
    get size() {
      return defs.length;
    },
    names: () => defs.map((d) => d.name),
  };
}

/** Link types resolved to integers (see {@link createLinkTypeRegistry}). */
export interface LinkTypeRegistry {
  /** The integer of a type, registering an undeclared custom type on first sight. */
  resolve(name: string): number;
  /** The integer of a type, if known. */
  find(name: string): number | undefined;
  /** The definition behind an integer. */
  def(index: number): TraceLinkTypeDef;
  /** Whether the type is built in or declared by the rules. */
  isDeclared(index: number): boolean;
  /** How many types are known. */
  readonly size: number;
  /** All names, by integer. */
  names(): string[];
}
